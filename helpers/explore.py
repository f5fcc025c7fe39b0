"""Widgets for a live kernel: thin wrappers that call the tested helpers and redraw.

The rendered book shows a static figure after each widget instead, at the widget's default
values, so it never displays a control that does nothing.
"""

from __future__ import annotations

import io

import ipywidgets as widgets
import pandas as pd
from matplotlib.figure import Figure

from helpers.plots import refresh_share_above_plot, share_above_plot
from helpers.regional import GROUPINGS, share_above


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
        buffer = io.BytesIO()
        figure.savefig(buffer, format="png")
        self.figure_view.value = buffer.getvalue()
        return table

    def _on_change(self, _change) -> None:
        self.update()

    def widget(self) -> widgets.Widget:
        """The controls, the table and the figure, stacked."""
        controls = widgets.HBox([self.grouping, self.threshold])
        return widgets.VBox([controls, widgets.HBox([self.table_view, self.figure_view])])
