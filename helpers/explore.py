"""Widgets for a live kernel: thin wrappers that call the tested helpers and redraw.

The rendered book shows a static figure after each widget instead, at the widget's default
values, so it never displays a control that does nothing.
"""

from __future__ import annotations

import io

import ipywidgets as widgets
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from helpers.coupling import METHODS, classify, coordination_degree
from helpers.indices import entropy_weights
from helpers.plots import refresh_share_above_plot, share_above_plot
from helpers.regional import GROUPINGS, share_above


def _png(figure: Figure) -> bytes:
    """The figure as PNG bytes, for an ``ipywidgets.Image``."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


class ThresholdExplorer:
    """Choose a grouping of provinces and a threshold; see each group's share above it.

    Parameters
    ----------
    values
        One value per province, indexed by English name.
    provinces
        The province table indexed the same way, with a column per grouping in
        :data:`helpers.regional.GROUPINGS`.
    threshold
        Initial threshold; ``None`` means the national mean of ``values``.
    """

    def __init__(self, values: pd.Series, provinces: pd.DataFrame, threshold: float | None = None):
        missing = [g for g in GROUPINGS if g not in provinces.columns]
        if missing:
            raise ValueError(f"provinces lacks grouping column(s) {', '.join(missing)}")
        self.values = values
        self.provinces = provinces
        mean = float(values.mean())
        self.grouping = widgets.Dropdown(
            options=[(label, key) for key, (label, _) in GROUPINGS.items()],
            value="region", description="Grouping",
        )
        self.threshold = widgets.FloatSlider(
            value=mean if threshold is None else threshold, min=float(values.min()),
            max=float(values.max()), step=0.01, description="Threshold", readout_format=".2f",
            continuous_update=False,
        )
        self.table_view = widgets.HTML()
        self.figure_view = widgets.Image(format="png")
        # One Figure per grouping, drawn once and then updated in place: drawing anew on every
        # update discards enough objects to set off full garbage collections, which stall single
        # updates past 100 ms. Bare Figures, not pyplot: no global state, nothing leaks into the
        # cell's output.
        self._figures: dict[str, Figure] = {}
        self.grouping.observe(self._on_change, names="value")
        self.threshold.observe(self._on_change, names="value")
        self.update()

    def table(self, grouping: str, threshold: float) -> pd.DataFrame:
        """The table the widget shows (delegates to :func:`helpers.regional.share_above`)."""
        groups = self.provinces[grouping].rename(GROUPINGS[grouping][0])
        return share_above(self.values, groups, threshold)

    def update(self) -> pd.DataFrame:
        """Recompute for the current control values and redraw the table and the figure."""
        table = self.table(self.grouping.value, self.threshold.value)
        self.table_view.value = table.to_html(float_format=lambda v: f"{v:.1%}")
        figure = self._figures.get(self.grouping.value)
        if figure is None:
            figure = Figure(figsize=(6, 3.5), dpi=80)
            figure.subplots_adjust(left=0.12, right=0.98, top=0.9, bottom=0.1)
            share_above_plot(table, ax=figure.subplots())
            self._figures[self.grouping.value] = figure
        else:
            refresh_share_above_plot(figure.axes[0], table)
        self.figure_view.value = _png(figure)
        return table

    def _on_change(self, _change) -> None:
        self.update()

    def widget(self) -> widgets.Widget:
        """The controls, the table and the figure, stacked."""
        controls = widgets.HBox([self.grouping, self.threshold])
        return widgets.VBox([controls, widgets.HBox([self.table_view, self.figure_view])])


class WeightExplorer:
    """Switch the entropy-weight options and see the indicator weights change.

    Parameters
    ----------
    data
        Indicators indexed by (unit, year).
    directions
        Mapping from indicator to ``"+"``/``"-"``.
    labels
        Optional display name per indicator (default: the column names).
    """

    PANELS = {"pooled": "pooled", "mean of yearly weights": "mean_of_years", "last year only": "last_year"}

    def __init__(self, data: pd.DataFrame, directions=None, labels: dict | None = None):
        self.data = data
        self.directions = directions
        self.labels = labels or {}
        self.standardize = widgets.Dropdown(options=["minmax", "none"], value="minmax", description="Standardise")
        self.zero = widgets.Dropdown(options=["shift", "limit"], value="shift", description="Zeros")
        self.panel = widgets.Dropdown(options=list(self.PANELS.items()), value="pooled", description="Panel")
        self.table_view = widgets.HTML()
        self.figure_view = widgets.Image(format="png")
        self._figure = Figure(figsize=(6.5, 4.5), dpi=80)
        self._figure.subplots_adjust(left=0.42, right=0.97, top=0.92, bottom=0.1)
        self._bars = None
        for control in (self.standardize, self.zero, self.panel):
            control.observe(self._on_change, names="value")
        self.update()

    def weights(self, standardize: str, zero: str, panel: str) -> pd.Series:
        """The weights shown (delegates to :func:`helpers.indices.entropy_weights`)."""
        data, mode = self.data, panel
        if panel == "last_year":
            last = data.index.get_level_values(-1).max()
            data, mode = data.xs(last, level=-1, drop_level=False), "pooled"
        table = entropy_weights(data, self.directions, standardize=standardize, zero=zero, panel=mode)
        return table["weight"].rename(lambda c: self.labels.get(c, c))

    def update(self) -> pd.Series:
        """Recompute for the current options and redraw."""
        w = self.weights(self.standardize.value, self.zero.value, self.panel.value)
        self.table_view.value = w.to_frame("weight").to_html(float_format=lambda v: f"{v:.3f}")
        if self._bars is None:
            ax = self._figure.subplots()
            self._bars = ax.barh(range(len(w)), w.to_numpy(), color="#0072B2")
            ax.set_yticks(range(len(w)), w.index)
            ax.invert_yaxis()
            ax.set_xlabel("entropy weight")
        else:
            for bar, value in zip(self._bars, w.to_numpy()):
                bar.set_width(value)
        ax = self._figure.axes[0]
        ax.set_xlim(0, max(0.05, float(w.max()) * 1.15))
        ax.set_title(f"Largest weight: {w.idxmax()} ({w.max():.2f})", fontsize=10)
        self.figure_view.value = _png(self._figure)
        return w

    def _on_change(self, _change) -> None:
        self.update()

    def widget(self) -> widgets.Widget:
        controls = widgets.HBox([self.standardize, self.zero, self.panel])
        return widgets.VBox([controls, widgets.HBox([self.figure_view, self.table_view])])


class CouplingExplorer:
    """Sliders for two subsystem indices and the weight of the first; C, T, D and the level of
    Table 3 under the three forms of the coupling degree, and D along U2 for each form."""

    def __init__(self, u1: float = 0.3, u2: float = 0.6, weight: float = 0.5):
        self.u1 = widgets.FloatSlider(value=u1, min=0.01, max=1, step=0.01, description="U1", continuous_update=False)
        self.u2 = widgets.FloatSlider(value=u2, min=0.01, max=1, step=0.01, description="U2", continuous_update=False)
        self.weight = widgets.FloatSlider(value=weight, min=0, max=1, step=0.05, description="weight of U1", continuous_update=False)
        self.table_view = widgets.HTML()
        self.figure_view = widgets.Image(format="png")
        self._grid = np.linspace(0.01, 1, 100)
        self._figure = Figure(figsize=(6, 4), dpi=80)
        self._figure.subplots_adjust(left=0.12, right=0.97, top=0.9, bottom=0.13)
        self._lines: dict[str, tuple] = {}
        for control in (self.u1, self.u2, self.weight):
            control.observe(self._on_change, names="value")
        self.update()

    def table(self, u1: float, u2: float, weight: float) -> pd.DataFrame:
        """C, T, D and level per method (delegates to :mod:`helpers.coupling`)."""
        rows = {}
        for method in METHODS:
            result = coordination_degree(u1, u2, weights=[weight, 1 - weight], method=method).iloc[0]
            level = classify(float(result["D"]))
            rows[method] = {**result.to_dict(), "level": f"{level['level_en']} ({level['level_zh']})"}
        return pd.DataFrame(rows).T

    def update(self) -> pd.DataFrame:
        u1, u2, weight = self.u1.value, self.u2.value, self.weight.value
        table = self.table(u1, u2, weight)
        self.table_view.value = table.to_html(float_format=lambda v: f"{v:.3f}")
        ax = self._figure.axes[0] if self._figure.axes else self._figure.subplots()
        for method, colour in zip(METHODS, ("#0072B2", "#E69F00", "#009E73")):
            curve = coordination_degree(np.full_like(self._grid, u1), self._grid, weights=[weight, 1 - weight], method=method)["D"]
            if method not in self._lines:
                (line,) = ax.plot(self._grid, curve, color=colour, label=method)
                (point,) = ax.plot([u2], [table.at[method, "D"]], "o", color=colour)
                self._lines[method] = (line, point)
            else:
                line, point = self._lines[method]
                line.set_ydata(curve)
                point.set_data([u2], [table.at[method, "D"]])
        if not ax.get_legend():
            ax.set(xlabel="U2", ylabel="coupling coordination degree D", xlim=(0, 1), ylim=(0, 1))
            ax.legend(loc="upper left", fontsize=9)
        ax.set_title(f"D as U2 varies, U1 = {u1:.2f}, weight of U1 = {weight:.2f}", fontsize=10)
        self.figure_view.value = _png(self._figure)
        return table

    def _on_change(self, _change) -> None:
        self.update()

    def widget(self) -> widgets.Widget:
        controls = widgets.HBox([self.u1, self.u2, self.weight])
        return widgets.VBox([controls, widgets.HBox([self.figure_view, self.table_view])])


class PVARExplorer:
    """Choose the transform, the lag order and the Cholesky ordering of a panel VAR; the
    orthogonalised impulse responses, with 90% Monte Carlo bands, are re-estimated and redrawn.

    ``model_options`` are passed to :class:`helpers.pvar.PanelVAR` (entity, time, instruments...).
    """

    def __init__(self, data: pd.DataFrame, dependent: list[str], orderings: dict[str, list[str]],
                 labels: dict | None = None, horizon: int = 8, draws: int = 200, seed: int = 0, **model_options):
        self.data, self.dependent, self.orderings = data, list(dependent), orderings
        self.labels, self.horizon, self.draws, self.seed = labels or {}, horizon, draws, seed
        self.options = model_options
        self.notes: list[str] = []
        self.transform = widgets.ToggleButtons(options=[("FOD", "fod"), ("FD", "fd")], value="fod", description="transform")
        self.lags = widgets.Dropdown(options=[1, 2], value=1, description="lags")
        self.ordering = widgets.Dropdown(options=list(orderings), description="ordering")
        self.status = widgets.HTML()
        self.figure_view = widgets.Image(format="png")
        self._figure = Figure(figsize=(10, 8), dpi=72)
        for control in (self.transform, self.lags, self.ordering):
            control.observe(self._on_change, names="value")
        self.update()

    def responses(self, transform: str, lags: int, ordering: str) -> tuple[pd.DataFrame, object]:
        """Fit the model and return (IRFs with bands, results); delegates to :mod:`helpers.pvar`."""
        import warnings

        from helpers.pvar import InstrumentWarning, PanelVAR

        # The fit's instrument warnings go to the status line, where a widget user sees them.
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", InstrumentWarning)
            results = PanelVAR(self.data, self.dependent, lags=lags, transform=transform, **self.options).fit()
        self.notes = [str(w.message) for w in caught if issubclass(w.category, InstrumentWarning)]
        bands = results.irf_bands(self.horizon, order=self.orderings[ordering], draws=self.draws, level=0.9,
                                  seed=self.seed)
        return bands, results

    def update(self) -> pd.DataFrame:
        from helpers.plots import irf_grid

        bands, results = self.responses(self.transform.value, self.lags.value, self.ordering.value)
        stable = "stable" if results.is_stable else "NOT stable"
        self.status.value = (f"{results.nobs} observations, {results.n_instruments} instruments per equation; "
                             f"largest eigenvalue modulus {results.stability()['modulus'].max():.3f} ({stable})"
                             + "".join(f"<br>Note: {note}" for note in self.notes))
        irf_grid(bands, self._figure, self.labels)
        self.figure_view.value = _png(self._figure)
        return bands

    def _on_change(self, _change) -> None:
        self.update()

    def widget(self) -> widgets.Widget:
        return widgets.VBox([widgets.HBox([self.transform, self.lags, self.ordering]), self.status, self.figure_view])


class ADFPowerExplorer:
    """Sliders for the number of periods and the autoregressive root: how often the ADF test
    rejects a unit root (its size at root 1, its power below), by simulation.

    Delegates to :func:`helpers.timeseries.adf_rejection_rates` and ``adf_statistics``.
    """

    SIZES = (5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 80, 100)

    def __init__(self, nobs: int = 20, root: float = 0.9, n_reps: int = 2000, seed: int = 0):
        self.n_reps, self.seed = n_reps, seed
        self.nobs = widgets.SelectionSlider(options=list(self.SIZES), value=nobs, description="periods T", continuous_update=False)
        self.root = widgets.FloatSlider(value=root, min=0.5, max=1.0, step=0.01, description="AR root", continuous_update=False)
        self.figure_view = widgets.Image(format="png")
        self._figure = Figure(figsize=(10, 3.8), dpi=72)
        for control in (self.nobs, self.root):
            control.observe(self._on_change, names="value")
        self.update()

    def results(self, nobs: int, root: float) -> tuple[pd.Series, np.ndarray, float]:
        """(rejection rate by sample size, the statistics at ``nobs``, the 5% critical value)."""
        from helpers.timeseries import adf_rejection_rates, adf_statistics, mackinnon_critical_values, simulate_ar1

        rates = adf_rejection_rates(self.SIZES, [root], self.n_reps, self.seed)[root]
        k = self.SIZES.index(nobs)
        statistics = adf_statistics(simulate_ar1(root, nobs, self.n_reps, self.seed + k))
        return rates, statistics, float(mackinnon_critical_values(nobs - 1, "c")["5%"])

    def update(self) -> pd.Series:
        from helpers.plots import adf_power_plot

        rates, statistics, critical = self.results(self.nobs.value, self.root.value)
        adf_power_plot(self._figure, rates, statistics, critical, self.nobs.value, self.root.value)
        self.figure_view.value = _png(self._figure)
        return rates

    def _on_change(self, _change) -> None:
        self.update()

    def widget(self) -> widgets.Widget:
        return widgets.VBox([widgets.HBox([self.nobs, self.root]), self.figure_view])


class FEVDExplorer:
    """Choose the Cholesky ordering and the horizon of a VAR's variance decomposition; the shares
    are recomputed (:func:`helpers.timeseries.fevd_table`) and redrawn as stacked bars."""

    def __init__(self, results, max_horizon: int = 40, horizon: int = 8):
        from itertools import permutations

        self.results = results
        names = [str(n) for n in results.names]
        self.orderings = {" > ".join(p): list(p) for p in permutations(names)}
        self.ordering = widgets.Dropdown(options=list(self.orderings), description="ordering")
        self.horizon = widgets.IntSlider(value=horizon, min=1, max=max_horizon, description="horizon", continuous_update=False)
        self.table_view = widgets.HTML()
        self.figure_view = widgets.Image(format="png")
        self._figure = Figure(figsize=(8, 3.2), dpi=80)
        for control in (self.ordering, self.horizon):
            control.observe(self._on_change, names="value")
        self.update()

    def table(self, ordering: str, horizon: int) -> pd.DataFrame:
        from helpers.timeseries import fevd_table

        return fevd_table(self.results, horizons=[horizon], order=self.orderings[ordering])

    def update(self) -> pd.DataFrame:
        from helpers.plots import fevd_bars

        table = self.table(self.ordering.value, self.horizon.value)
        fevd_bars(table, self.horizon.value, self._figure,
                  title=f"Horizon {self.horizon.value}, ordering {self.ordering.value}")
        self.figure_view.value = _png(self._figure)
        self.table_view.value = table.droplevel("period").to_html(float_format=lambda v: f"{v:.1f}")
        return table

    def _on_change(self, _change) -> None:
        self.update()

    def widget(self) -> widgets.Widget:
        return widgets.VBox([widgets.HBox([self.ordering, self.horizon]), self.figure_view, self.table_view])


class ScaleExplorer:
    """Levels or shares of GDP, and which economies: the rank correlation between AI preparedness
    and FDI changes with both. ``data`` has columns ``economy``, ``gdp_usd``, ``aipi``, ``fdi_usd``."""

    SAMPLES = {"all economies": None, "30 largest by GDP": 30, "all but the 10 largest": -10}

    def __init__(self, data: pd.DataFrame, label: str = ""):
        missing = {"economy", "gdp_usd", "aipi", "fdi_usd"} - set(data.columns)
        if missing:
            raise ValueError(f"data lacks column(s) {sorted(missing)}")
        self.data, self.label = data.sort_values("gdp_usd", ascending=False).reset_index(drop=True), label
        self.scale = widgets.ToggleButtons(options=["levels", "% of GDP"], value="levels", description="FDI as")
        self.sample = widgets.Dropdown(options=list(self.SAMPLES), description="economies")
        self.figure_view = widgets.Image(format="png")
        self._figure = Figure(figsize=(6.5, 4), dpi=80)
        for control in (self.scale, self.sample):
            control.observe(self._on_change, names="value")
        self.update()

    def view(self, scale: str, sample: str) -> tuple[pd.DataFrame, float]:
        """The economies shown with the plotted FDI measure, and Spearman's rank correlation."""
        n = self.SAMPLES[sample]
        shown = self.data if n is None else self.data.head(n) if n > 0 else self.data.iloc[-n:]
        measure = shown["fdi_usd"] if scale == "levels" else 100 * shown["fdi_usd"] / shown["gdp_usd"]
        shown = shown.assign(fdi=measure)
        return shown, float(shown["aipi"].corr(shown["fdi"], method="spearman"))

    def update(self) -> float:
        from helpers.plots import scale_scatter

        shown, rho = self.view(self.scale.value, self.sample.value)
        scale_scatter(shown, self.scale.value, rho, self._figure, title=f"{self.label}{self.sample.value}")
        self.figure_view.value = _png(self._figure)
        return rho

    def _on_change(self, _change) -> None:
        self.update()

    def widget(self) -> widgets.Widget:
        return widgets.VBox([widgets.HBox([self.scale, self.sample]), self.figure_view])


class UShapeExplorer:
    """Move the true turning point of a simulated U and the noise; the two-way fixed-effects
    quadratic is re-estimated and the Lind-Mehlum test, the extreme point and its Fieller interval
    redrawn (delegates to :func:`helpers.synthetic.ushape_panel` and :func:`helpers.ushape.utest`)."""

    def __init__(self, turning_point: float = 6.0, noise: float = 0.3, seed: int = 0):
        self.seed = seed
        self.turning_point = widgets.FloatSlider(value=turning_point, min=-2, max=16, step=0.5, description="turning point",
                                                 continuous_update=False)
        self.noise = widgets.FloatSlider(value=noise, min=0.1, max=3, step=0.1, description="noise", continuous_update=False)
        self.figure_view = widgets.Image(format="png")
        self._figure = Figure(figsize=(7, 4), dpi=80)
        for control in (self.turning_point, self.noise):
            control.observe(self._on_change, names="value")
        self.update()

    def fit(self, turning_point: float, noise: float):
        """(panel, fitted PanelOLS results, utest result) for one setting."""
        from linearmodels.panel import PanelOLS

        from helpers.synthetic import ushape_panel
        from helpers.ushape import utest

        panel = ushape_panel("u", turning_point=turning_point, noise=noise, seed=self.seed)
        panel = panel.assign(ai_sq=panel["ai_exposure"] ** 2).set_index(["province", "year"])
        results = PanelOLS(panel["upgrading"], panel[["ai_exposure", "ai_sq"]], entity_effects=True,
                           time_effects=True).fit(cov_type="clustered", cluster_entity=True)
        return panel, results, utest(results, "ai_exposure", "ai_sq")

    def update(self):
        from helpers.plots import ushape_plot
        from helpers.synthetic import ushape_true_curve

        tp = self.turning_point.value
        panel, results, test = self.fit(tp, self.noise.value)
        ushape_plot(panel["ai_exposure"].to_numpy(), (results.params["ai_exposure"], results.params["ai_sq"]), test,
                    true_curve=lambda x: ushape_true_curve(x, "u", tp), figure=self._figure)
        self.figure_view.value = _png(self._figure)
        return test

    def _on_change(self, _change) -> None:
        self.update()

    def widget(self) -> widgets.Widget:
        return widgets.VBox([widgets.HBox([self.turning_point, self.noise]), self.figure_view])
