"""Chapter 1's explorer: choose a grouping of provinces and a threshold, see each group's share
above it (a live kernel only; the book shows :meth:`ThresholdExplorer.static_figure`)."""

from __future__ import annotations

import pandas as pd

from helpers._widget import Explorer, View, slider
from helpers.errors import InputError
from helpers.regional.figures import refresh_share_above_plot, share_above_plot
from helpers.regional.groups import GROUPINGS, SharesAbove, share_above


class ThresholdExplorer(Explorer):
    """Share of each group of provinces above a threshold.

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

    figsize = (6.0, 3.5)
    table_format = "{:.1%}"

    def __init__(
        self,
        values: pd.Series,
        provinces: pd.DataFrame,
        threshold: float | None = None,
    ):
        import ipywidgets as widgets

        missing = [g for g in GROUPINGS if g not in provinces.columns]
        if missing:
            raise InputError(
                f"provinces lacks grouping column(s) {', '.join(missing)}"
            )
        self.data, self.provinces = values, provinces
        mean = float(values.mean())
        super().__init__(
            grouping=widgets.Dropdown(
                options=[
                    (label, key) for key, (label, _) in GROUPINGS.items()
                ],
                value="region",
                description="Grouping",
            ),
            threshold=slider(
                "Threshold",
                mean if threshold is None else threshold,
                float(values.min()),
                float(values.max()),
                0.01,
                readout_format=".2f",
            ),
        )

    def compute(self, grouping: str, threshold: float) -> View:
        """The groups' shares above ``threshold`` (:func:`helpers.regional.share_above`)."""
        groups = self.provinces[grouping].rename(GROUPINGS[grouping][0])
        result = share_above(self.data, groups, threshold)
        return View(result.table, series={"result": result})

    def draw(
        self, figure, view: View, grouping: str, threshold: float
    ) -> None:
        # One set of bars per grouping, moved in place on later updates: drawing anew discards
        # enough artists to set off full garbage collections, which stall single updates.
        state = self.state(figure)
        result: SharesAbove = view.series["result"]
        if state.get("grouping") == grouping:
            refresh_share_above_plot(figure.axes[0], result)
            return
        figure.clear()
        figure.subplots_adjust(left=0.12, right=0.98, top=0.9, bottom=0.1)
        share_above_plot(result, ax=figure.subplots())
        state["grouping"] = grouping
