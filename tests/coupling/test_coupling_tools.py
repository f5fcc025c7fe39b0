"""helpers.coupling: the figures and the explorer."""

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from helpers import coupling  # noqa: E402
from helpers.coupling.figures import coupling_curves, d_heatmap, level_bands  # noqa: E402
from helpers.coupling.widget import CouplingExplorer  # noqa: E402


def test_coupling_curves_one_line_per_form():
    ax = coupling_curves(0.6, ratios=pd.Series([0.5, 0.8, 0.9]))
    assert len(ax.lines) == len(coupling.METHODS)
    standard = ax.lines[0]
    q, c = standard.get_xdata(), standard.get_ydata()
    assert c[np.argmin(abs(q - 0.25))] == pytest.approx(
        2 * np.sqrt(0.25) / 1.25, abs=0.01
    )


def test_heatmap_and_level_bands():
    grid = pd.DataFrame(
        [[0.2, 0.3], [0.5, 0.6]], index=["A", "B"], columns=[2021, 2022]
    )
    ax = d_heatmap(grid, title="D")
    assert ax.get_title() == "D"
    level_bands(ax, upto=4)
    assert len(ax.lines) == 3


def test_coupling_explorer_delegates_to_coupling():
    explorer = CouplingExplorer(u1=0.2, u2=0.8)
    assert explorer.view.table.at["standard", "C"] == pytest.approx(0.8)
    explorer.controls["weight"].value = 0.25
    explorer.controls["u2"].value = 0.5
    expected = coupling.coordination_degree(
        0.2, 0.5, weights=[0.25, 0.75], method="fan"
    ).iloc[0]
    assert explorer.view.table.at["fan", "D"] == pytest.approx(expected["D"])
    assert "(" in explorer.view.table.at["wang", "level"] and bytes(
        explorer.image.value
    ).startswith(b"\x89PNG")
    line = explorer.state(explorer.figure)["lines"]["standard"][0]
    assert line.get_ydata()[-1] == pytest.approx(
        coupling.coordination_degree(0.2, 1.0, weights=[0.25, 0.75])["D"].iloc[
            0
        ]
    )
    static = explorer.static_figure(u1=0.3, u2=0.6, weight=0.5)
    assert (
        static is not explorer.figure
        and "U1 = 0.30" in static.axes[0].get_title()
    )
