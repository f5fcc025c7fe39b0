"""Chapter 3's explorer: two subsystem indices and the weight of the first; C, T, D and the level of
Table 3 under the three forms of the coupling degree, and D along U2 for each form."""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers import _style
from helpers._widget import Explorer, View, slider
from helpers.coupling.model import METHODS, classify, coordination_degree


class CouplingExplorer(Explorer):
    """Sliders for U1, U2 and the weight of U1 in T."""

    description = (
        "The coupling explorer: the coupling coordination degree D of each form as U2 varies, "
        "with the chosen U1, U2 and weight marked."
    )

    GRID = np.linspace(0.01, 1, 100)
    # the book's views: 5 x 5 x 3 (the weight's ends and its value here)
    book_steps = {"weight": 3}

    def __init__(self, u1: float = 0.3, u2: float = 0.6, weight: float = 0.5):
        super().__init__(
            u1=slider("U1", u1, 0.01, 1, 0.01),
            u2=slider("U2", u2, 0.01, 1, 0.01),
            weight=slider("weight of U1", weight, 0, 1, 0.05),
        )

    def compute(self, u1: float, u2: float, weight: float) -> View:
        """C, T, D and the level per form of C, and D along U2 for each form.

        Parameters
        ----------
        u1
            The first subsystem index, in [0, 1].
        u2
            The second subsystem index, in [0, 1].
        weight
            The weight of U1 in T (U2 gets ``1 - weight``), in [0, 1].

        Returns
        -------
        View
            ``table``: indexed by form (``standard``, ``wang``, ``fan``), with columns ``C``,
            ``T``, ``D`` and ``level`` (the Table 3 level in English with the Chinese in
            brackets); ``series["D along U2"]``: D for U2 on a grid of 100 values from 0.01 to 1
            at this U1 and weight, one column per form.
        """
        weights = [weight, 1 - weight]
        rows, curves = {}, {}
        for method in METHODS:
            result = coordination_degree(
                u1, u2, weights=weights, method=method
            ).iloc[0]
            level = classify(float(result["D"]))
            rows[method] = {
                **result.to_dict(),
                "level": f"{level['level_en']} ({level['level_zh']})",
            }
            curves[method] = coordination_degree(
                np.full_like(self.GRID, u1),
                self.GRID,
                weights=weights,
                method=method,
            )["D"].to_numpy()
        return View(
            pd.DataFrame(rows).T,
            series={"D along U2": pd.DataFrame(curves, index=self.GRID)},
        )

    def draw(
        self, figure, view: View, u1: float, u2: float, weight: float
    ) -> None:
        """Draw D along U2 for each form, with a point at this setting's U2.

        Parameters
        ----------
        figure
            The matplotlib figure to draw on.
        view
            The view :meth:`compute` returned for these values.
        u1
            The first subsystem index, shown in the title.
        u2
            The second subsystem index, where the points are drawn.
        weight
            The weight of U1, shown in the title.

        Returns
        -------
        None
            The figure is changed in place: drawn the first time, then its lines, points and
            title moved.
        """
        state = self.state(figure)
        curves = view.series["D along U2"]
        if "lines" not in state:  # drawn once, then moved in place
            figure.clear()
            figure.subplots_adjust(left=0.12, right=0.97, top=0.9, bottom=0.13)
            ax = figure.subplots()
            state["lines"] = {}
            for method, colour in zip(METHODS, _style.PALETTE):
                (line,) = ax.plot(
                    curves.index.to_numpy(),
                    curves[method].to_numpy(),
                    color=colour,
                    label=method,
                )
                (point,) = ax.plot(
                    [u2], [view.table.at[method, "D"]], "o", color=colour
                )
                state["lines"][method] = (line, point)
            ax.set(
                xlabel="U2",
                ylabel="coupling coordination degree D",
                xlim=(0, 1),
                ylim=(0, 1),
            )
            ax.legend(loc="upper left", fontsize=9, frameon=False)
        for method, (line, point) in state["lines"].items():
            line.set_ydata(curves[method].to_numpy())
            point.set_data([u2], [view.table.at[method, "D"]])
        figure.axes[0].set_title(
            f"D as U2 varies, U1 = {u1:.2f}, weight of U1 = {weight:.2f}",
            fontsize=10,
        )
