"""Chapter 5's explorers: the ADF test's size and power by simulation, and a VAR's variance
decomposition under any Cholesky ordering and horizon."""

from __future__ import annotations

from itertools import permutations

import pandas as pd

from helpers._widget import Explorer, View, slider
from helpers.timeseries.figures import adf_power_plot, fevd_bars
from helpers.timeseries.unitroot import (
    adf_rejection_rates,
    adf_statistics,
    mackinnon_critical_values,
    simulate_ar1,
)
from helpers.timeseries.var import fevd_table


class ADFPowerExplorer(Explorer):
    """Sliders for the number of periods and the autoregressive root: how often the ADF test rejects
    a unit root (its size at root 1, its power below), by simulation."""

    description = (
        "The ADF power explorer: the rejection rate of the ADF test by sample size, and the "
        "distribution of the simulated statistics against the 5% critical value at the chosen "
        "sample size and root."
    )

    SIZES = (5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100)
    # the book's views: six sample sizes (and the chosen one) by five roots
    book_grid = {"nobs": [5, 10, 20, 30, 50, 100]}
    figsize = (10.0, 3.8)
    dpi = 72
    table_position = "below"

    def __init__(
        self,
        nobs: int = 20,
        root: float = 0.9,
        n_reps: int = 2000,
        seed: int = 0,
    ):
        import ipywidgets as widgets

        self.n_reps, self.seed = n_reps, seed
        # rejection rates by root: moving the T slider only picks another point of the same curve
        self._rates: dict[float, pd.Series] = {}
        super().__init__(
            nobs=widgets.SelectionSlider(
                options=list(self.SIZES),
                value=nobs,
                description="periods T",
                continuous_update=False,
            ),
            root=slider("AR root", root, 0.5, 1.0, 0.01),
        )

    def compute(self, nobs: int, root: float) -> View:
        """The rejection rate by sample size (table), and the simulated statistics at ``nobs`` with
        the 5% critical value they are compared with.

        The rates are :func:`~helpers.timeseries.adf_rejection_rates` over :attr:`SIZES` (a
        constant, no lags), computed once per root and kept; the statistics are the same draws
        as the rate at ``nobs`` (seed ``seed + position of nobs in SIZES``), and the critical
        value MacKinnon's for ``nobs - 1`` observations.

        Parameters
        ----------
        nobs : int
            The number of periods T, one of :attr:`SIZES`.
        root : float
            The autoregressive root, 0.5 to 1.

        Returns
        -------
        View
            ``table``: one row ``"rejection rate"``, one column per sample size;
            ``series["statistics"]``: the ``n_reps`` simulated ADF statistics at ``nobs``;
            ``series["critical"]``: the 5% critical value.
        """
        if root not in self._rates:
            self._rates[root] = adf_rejection_rates(
                self.SIZES, [root], self.n_reps, self.seed
            )[root]
        rates = self._rates[root]
        k = self.SIZES.index(nobs)
        statistics = adf_statistics(
            simulate_ar1(root, nobs, self.n_reps, self.seed + k)
        )
        critical = float(mackinnon_critical_values(nobs - 1, "c")["5%"])
        return View(
            rates.to_frame("rejection rate").T,
            series={"statistics": statistics, "critical": critical},
        )

    def draw(self, figure, view: View, nobs: int, root: float) -> None:
        """Draw the rejection rates and the simulated statistics (:func:`adf_power_plot`).

        Parameters
        ----------
        figure : matplotlib.figure.Figure
            The figure to draw on (cleared first).
        view : View
            The view :meth:`compute` returned for these values.
        nobs : int
            The number of periods shown.
        root : float
            The autoregressive root shown.

        Returns
        -------
        None
            The figure is changed in place.
        """
        rates = view.table.loc["rejection rate"]
        adf_power_plot(
            figure,
            rates,
            view.series["statistics"],
            view.series["critical"],
            nobs,
            root,
        )


class FEVDExplorer(Explorer):
    """Choose the Cholesky ordering and the horizon of a fitted VAR's variance decomposition; the
    shares are recomputed (:func:`helpers.timeseries.fevd_table`) and redrawn as stacked bars."""

    description = (
        "The variance-decomposition explorer: stacked bars of each variable's forecast-error "
        "variance shares by shock at the chosen horizon and ordering."
    )

    figsize = (8.0, 3.2)
    table_format = "{:.1f}"
    table_position = "below"

    def __init__(self, results, max_horizon: int = 40, horizon: int = 8):
        import ipywidgets as widgets

        self.results = results
        names = [str(n) for n in results.names]
        self.orderings = {" > ".join(p): list(p) for p in permutations(names)}
        super().__init__(
            ordering=widgets.Dropdown(
                options=list(self.orderings), description="ordering"
            ),
            horizon=widgets.IntSlider(
                value=horizon,
                min=1,
                max=max_horizon,
                description="horizon",
                continuous_update=False,
            ),
        )

    def compute(self, ordering: str, horizon: int) -> View:
        """The variance decomposition at ``horizon`` under ``ordering``
        (:func:`~helpers.timeseries.fevd_table`).

        Parameters
        ----------
        ordering : str
            A Cholesky ordering as the dropdown shows it, the variables joined by " > " (first
            the most exogenous).
        horizon : int
            The forecast horizon, 1 to ``max_horizon`` (1 is the impact period).

        Returns
        -------
        View
            ``table``: indexed by (``response``, ``horizon``), with ``S.E.`` and one column per
            shock in the ordering, in per cent.
        """
        return View(
            fevd_table(
                self.results,
                horizons=[horizon],
                order=self.orderings[ordering],
            )
        )

    def draw(self, figure, view: View, ordering: str, horizon: int) -> None:
        """Draw the shares as stacked bars (:func:`fevd_bars`), titled with the setting.

        Parameters
        ----------
        figure : matplotlib.figure.Figure
            The figure to draw on (cleared first).
        view : View
            The view :meth:`compute` returned for these values.
        ordering : str
            The ordering shown.
        horizon : int
            The horizon shown.

        Returns
        -------
        None
            The figure is changed in place.
        """
        fevd_bars(
            view.table,
            horizon,
            figure,
            title=f"Horizon {horizon}, ordering {ordering}",
        )
