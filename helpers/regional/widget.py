"""Chapter 1's explorer: choose a grouping of the units and a threshold, see each group's share
above it (a live kernel only; the book shows :meth:`ThresholdExplorer.static_figure`)."""

from __future__ import annotations

import pandas as pd

from helpers._widget import Explorer, View, slider
from helpers.errors import InputError
from helpers.regional.figures import refresh_share_above_plot, share_above_plot
from helpers.regional.groups import GROUPINGS, SharesAbove, share_above


class ThresholdExplorer(Explorer):
    """Share of each group of units above a threshold.

    Parameters
    ----------
    values
        One value per unit, indexed by unit.
    groupings
        Indexed the same way, one column per grouping the reader can choose: for China's
        provinces those of :data:`helpers.regional.GROUPINGS` (``region``, ``belt``), for other
        units the file's group column. A column of missing values (units without groups) counts
        every unit in one group, "all units".
    threshold
        Initial threshold; ``None`` means the mean of ``values``.
    noun
        What one unit is called on the figure's axis ("province", "county").
    """

    description = (
        "The threshold explorer: one bar per group giving the share of its units whose index lies "
        "above the threshold, labelled with the fraction."
    )

    figsize = (6.0, 3.5)
    table_format = "{:.1%}"

    def __init__(
        self,
        values: pd.Series,
        groupings: pd.DataFrame,
        threshold: float | None = None,
        noun: str = "province",
    ):
        import ipywidgets as widgets

        if not isinstance(groupings, pd.DataFrame) or groupings.empty:
            raise InputError(
                "groupings must be a DataFrame with one column per grouping of the units"
            )
        self.data, self.noun = values, noun
        self.groupings = groupings.apply(
            lambda c: c.astype("string").fillna("all units")
        )
        mean = float(values.mean())
        super().__init__(
            grouping=widgets.Dropdown(
                options=[
                    (GROUPINGS.get(key, (key,))[0], key)
                    for key in groupings.columns
                ],
                value=groupings.columns[0],
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
        """The groups' shares above ``threshold`` (:func:`helpers.regional.share_above`).

        Parameters
        ----------
        grouping
            A column of the explorer's ``groupings``.
        threshold
            The cut-off: a unit counts when its value is strictly above it.

        Returns
        -------
        View
            ``table``: the :class:`~helpers.regional.SharesAbove` table, indexed by group (named
            by the grouping's display name) with ``units``, ``above``, ``share_above`` and
            ``fraction``; ``series["result"]``: the :class:`~helpers.regional.SharesAbove` itself.
        """
        groups = self.groupings[grouping].rename(
            GROUPINGS.get(grouping, (grouping,))[0]
        )
        result = share_above(self.data, groups, threshold)
        return View(result.table, series={"result": result})

    def draw(
        self, figure, view: View, grouping: str, threshold: float
    ) -> None:
        """Draw the groups' shares above the threshold as bars (:func:`share_above_plot`).

        Parameters
        ----------
        figure
            The matplotlib figure to draw on.
        view
            The view :meth:`compute` returned for these values.
        grouping
            The grouping shown: when it is the one drawn last, the bars are moved in place
            (:func:`refresh_share_above_plot`); otherwise the figure is drawn anew.
        threshold
            The threshold shown (already in ``view``).

        Returns
        -------
        None
            The figure is changed in place.
        """
        # One set of bars per grouping, moved in place on later updates: drawing anew discards
        # enough artists to set off full garbage collections, which stall single updates.
        state = self.state(figure)
        result: SharesAbove = view.series["result"]
        if state.get("grouping") == grouping:
            refresh_share_above_plot(figure.axes[0], result)
            return
        figure.clear()
        figure.subplots_adjust(left=0.12, right=0.98, top=0.9, bottom=0.1)
        share_above_plot(result, ax=figure.subplots(), noun=self.noun)
        state["grouping"] = grouping
