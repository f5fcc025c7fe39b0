"""Chapter 2's explorer: switch the entropy-weight options and see the indicator weights change."""

from __future__ import annotations

import pandas as pd

from helpers._widget import Explorer, View
from helpers.indices.entropy import entropy_weights
from helpers.indices.figures import weight_bars


class WeightExplorer(Explorer):
    """Entropy weights of ``data`` under each standardisation, zero rule and panel treatment.

    Parameters
    ----------
    data
        Indicators indexed by (unit, year).
    directions
        Mapping from indicator to ``"+"``/``"-"``.
    labels
        Optional display name per indicator (default: the column names).
    """

    description = (
        "The weight explorer: bars of the entropy weight of each indicator of the first subsystem "
        "under the chosen standardisation, zero handling and panel treatment."
    )

    PANELS = {
        "pooled": "pooled",
        "mean of yearly weights": "mean_of_years",
        "last year only": "last_year",
    }
    figsize = (6.5, 4.5)

    def __init__(
        self, data: pd.DataFrame, directions=None, labels: dict | None = None
    ):
        import ipywidgets as widgets

        self.data, self.directions, self.labels = (
            data,
            directions,
            labels or {},
        )
        super().__init__(
            standardize=widgets.Dropdown(
                options=["minmax", "none"],
                value="minmax",
                description="Standardise",
            ),
            zero=widgets.Dropdown(
                options=["shift", "limit"], value="shift", description="Zeros"
            ),
            panel=widgets.Dropdown(
                options=list(self.PANELS.items()),
                value="pooled",
                description="Panel",
            ),
        )

    def compute(self, standardize: str, zero: str, panel: str) -> View:
        """The weights for one setting (:func:`helpers.indices.entropy_weights`); ``panel`` may also
        be ``"last_year"``, the cross-section of the last year alone.

        Parameters
        ----------
        standardize
            ``"minmax"`` or ``"none"``.
        zero
            ``"shift"`` (the default shift, 1e-4) or ``"limit"``.
        panel
            ``"pooled"``, ``"mean_of_years"`` or ``"last_year"`` (the last year's units alone,
            weighted as one cross-section).

        Returns
        -------
        View
            ``table``: one column ``weight``, indexed by the indicators' display names (the
            explorer's ``labels``, else the column names).
        """
        data, mode = self.data, panel
        if panel == "last_year":
            last = data.index.get_level_values(-1).max()
            data, mode = data.xs(last, level=-1, drop_level=False), "pooled"
        table = entropy_weights(
            data,
            self.directions,
            standardize=standardize,
            zero=zero,
            panel=mode,
        )
        weights = table["weight"].rename(lambda c: self.labels.get(c, c))
        return View(weights.to_frame("weight"))

    def draw(self, figure, view: View, **values) -> None:
        """Draw the weights as bars (:func:`helpers.indices.figures.weight_bars`).

        Parameters
        ----------
        figure
            The matplotlib figure to draw on.
        view
            The view :meth:`compute` returned.
        **values
            The controls' values (already in ``view``; not used).

        Returns
        -------
        None
            The figure is changed in place: drawn the first time, then its bars, x axis and
            title moved to the new weights.
        """
        weights = view.table["weight"]
        state = self.state(figure)
        if "bars" not in state:  # drawn once, then moved in place
            figure.clear()
            figure.subplots_adjust(left=0.42, right=0.97, top=0.92, bottom=0.1)
            ax = weight_bars(weights, ax=figure.subplots())
            state["bars"] = ax.patches
            return
        for bar, value in zip(state["bars"], weights.to_numpy()):
            bar.set_width(value)
        ax = figure.axes[0]
        ax.set_xlim(0, max(0.05, float(weights.max()) * 1.15))
        ax.set_title(
            f"Largest weight: {weights.idxmax()} ({weights.max():.2f})",
            fontsize=10,
        )
