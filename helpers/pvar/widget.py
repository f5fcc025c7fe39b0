"""Chapter 4's explorer: choose the transform, the lag order and the Cholesky ordering of a panel
VAR; the orthogonalised impulse responses, with 90% Monte Carlo bands, are re-estimated and
redrawn."""

from __future__ import annotations

import warnings

import pandas as pd

from helpers._widget import Explorer, View
from helpers.pvar.figures import irf_grid, redraw_irf_grid
from helpers.pvar.model import InstrumentWarning, PanelVAR


class PVARExplorer(Explorer):
    """``model_options`` are passed to :class:`helpers.pvar.PanelVAR` (entity, time,
    instruments...); ``orderings`` maps a label to a Cholesky ordering of ``dependent``."""

    description = (
        "The panel VAR explorer: a grid of orthogonalised impulse responses with 90% Monte Carlo "
        "bands, one row per response and one column per shock."
    )

    figsize = (10.0, 8.0)
    dpi = 72
    show_table = (
        False  # the grid shows the bands; a 250-row table would only bury it
    )

    def __init__(
        self,
        data: pd.DataFrame,
        dependent: list[str],
        orderings: dict[str, list[str]],
        labels: dict | None = None,
        horizon: int = 8,
        n_reps: int = 200,
        seed: int = 0,
        **model_options,
    ):
        import ipywidgets as widgets

        self.data, self.dependent, self.orderings = (
            data,
            list(dependent),
            orderings,
        )
        self.labels, self.horizon, self.n_reps, self.seed = (
            labels or {},
            horizon,
            n_reps,
            seed,
        )
        self.options = model_options
        # fits by (transform, lags): a new ordering only re-orthogonalises the same estimates
        self._fits: dict = {}
        super().__init__(
            transform=widgets.ToggleButtons(
                options=[("FOD", "fod"), ("FD", "fd")],
                value="fod",
                description="transform",
            ),
            lags=widgets.Dropdown(options=[1, 2], value=1, description="lags"),
            ordering=widgets.Dropdown(
                options=list(orderings), description="ordering"
            ),
        )

    def compute(self, transform: str, lags: int, ordering: str) -> View:
        """Fit the model; the IRFs with bands as the table, the sample and any instrument warning
        (which a widget user would otherwise never see) as the status line.

        The fit of each (transform, lags) is kept, so a new ordering only re-orthogonalises; the
        bands are :meth:`~helpers.pvar.PanelVARResults.irf_bands` at 90% with the explorer's
        ``horizon``, ``n_reps`` and ``seed``.

        Parameters
        ----------
        transform : str
            ``"fod"`` or ``"fd"``.
        lags : int
            The lag order, 1 or 2.
        ordering : str
            A label of the explorer's ``orderings``.

        Returns
        -------
        View
            ``table``: the orthogonalised responses with ``lower`` and ``upper``, indexed by
            (impulse, response, horizon); ``status``: the observations, instruments per
            equation, the largest eigenvalue modulus with "stable" or "NOT stable", and each
            instrument warning after ``<br>Note:``.
        """
        if (transform, lags) not in self._fits:
            self._fits[transform, lags] = self.fit(transform, lags)
        results, notes = self._fits[transform, lags]
        bands = results.irf_bands(
            self.horizon,
            order=self.orderings[ordering],
            n_reps=self.n_reps,
            level=0.9,
            seed=self.seed,
        )
        modulus = results.stability()["modulus"].max()
        status = (
            f"{results.nobs} observations, {results.n_instruments} instruments per equation; "
            f"largest eigenvalue modulus {modulus:.3f} "
            f"({'stable' if modulus < 1 else 'NOT stable'})"
            + "".join(f"<br>Note: {note}" for note in notes)
        )
        return View(bands, status)

    def fit(self, transform: str, lags: int) -> tuple:
        """The fitted model and the messages of its instrument warnings.

        Parameters
        ----------
        transform : str
            ``"fod"`` or ``"fd"``.
        lags : int
            The lag order.

        Returns
        -------
        tuple
            The :class:`~helpers.pvar.PanelVARResults` and a list of the messages (str) of the
            :class:`~helpers.pvar.model.InstrumentWarning` its fit raised.

        Raises
        ------
        InputError
            When :class:`~helpers.pvar.PanelVAR` cannot build or identify the model.
        """
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", InstrumentWarning)
            results = PanelVAR(
                self.data,
                self.dependent,
                lags=lags,
                transform=transform,
                **self.options,
            ).fit()
        notes = []
        for w in caught:
            if issubclass(w.category, InstrumentWarning):
                notes.append(str(w.message))
            else:  # not this explorer's to show: passed on as it came
                warnings.warn_explicit(
                    w.message, w.category, w.filename, w.lineno
                )
        return results, notes

    def draw(self, figure, view: View, **values) -> None:
        """Draw the grid of responses with their bands (:func:`irf_grid`), moving the curves in
        place when the figure already holds a grid of the same size.

        Parameters
        ----------
        figure : matplotlib.figure.Figure
            The figure to draw on.
        view : View
            The view :meth:`compute` returned for these values.
        **values
            The controls' values (``transform``, ``lags``, ``ordering``); already in ``view``.

        Returns
        -------
        None
            The figure is changed in place.
        """
        # move the curves of the grid already drawn; draw it anew only on a fresh figure
        if not redraw_irf_grid(figure, view.table, self.labels):
            irf_grid(view.table, figure, self.labels)
