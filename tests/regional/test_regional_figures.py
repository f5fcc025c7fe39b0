"""helpers.regional.figures: each figure draws what it should, and refuses mismatched input."""

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.patches import Rectangle  # noqa: E402

from helpers import _style, regional  # noqa: E402
from helpers.regional import figures as plots  # noqa: E402


@pytest.fixture
def toy():
    values = pd.Series([3.0, 1.0, 2.0], index=["Beijing", "Tibet", "Hubei"])
    groups = pd.Series(["East", "West", "Central"], index=values.index)
    return values, groups


def test_group_colours_are_fixed_for_regions_and_distinct_otherwise():
    colours = _style.group_colours(["West", "East", "x", "y"])
    assert colours["East"] == _style.GROUP_COLOURS["East"]
    assert len(set(colours.values())) == 4


def test_ranked_bar_orders_and_colours(toy):
    values, groups = toy
    ax = plots.ranked_bar(values, groups, reference=2.0)
    bars = ax.patches
    assert len(bars) == 3
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Tibet",
        "Hubei",
        "Beijing",
    ]
    assert (
        matplotlib.colors.to_hex(bars[-1].get_facecolor())
        == _style.GROUP_COLOURS["East"].lower()
    )
    assert len(ax.lines) == 1  # the reference line
    with pytest.raises(ValueError, match="share the same index"):
        plots.ranked_bar(values, groups.reset_index(drop=True))


def test_tile_map_draws_one_tile_per_unit(toy):
    values, _ = toy
    tiles = pd.DataFrame(
        {"tile_col": [5, 1, 4], "tile_row": [1, 4, 4]}, index=values.index
    )
    ax = plots.tile_map(values, tiles)
    assert sum(isinstance(p, Rectangle) for p in ax.patches) == 3
    with pytest.raises(ValueError, match="tiles lacks column"):
        plots.tile_map(values, tiles[["tile_col"]])
    with pytest.raises(ValueError, match="no position for Tibet"):
        plots.tile_map(values, tiles.drop(index="Tibet"))


def test_lorenz_and_share_plots(toy):
    values, groups = toy
    ax = plots.lorenz_plot({"index": regional.lorenz_curve(values)})
    assert len(ax.lines) == 2  # equality line and the curve
    result = regional.share_above(values, groups)
    ax = plots.share_above_plot(result)
    assert len(ax.patches) == 3
    assert "threshold 2.00" in ax.get_title()
    with pytest.raises(
        TypeError,
        match="result must be what share_above\\(\\) returns; got DataFrame",
    ):
        plots.share_above_plot(result.table)


def test_cumulative_share_plot():
    shares = pd.DataFrame(
        {"firms": [50.0, 30.0, 20.0], "patents": [20.0, 70.0, 10.0]}
    )
    ax = plots.cumulative_share_plot(shares)
    assert list(ax.lines[0].get_ydata()) == [50, 80, 100]
    assert list(ax.lines[1].get_ydata()) == [70, 90, 100]


def test_refresh_share_above_plot_moves_bars_in_place(toy):
    values, groups = toy
    ax = plots.share_above_plot(regional.share_above(values, groups))
    bars_before = list(ax.patches)
    fresh = regional.share_above(values, groups, threshold=0.5)
    plots.refresh_share_above_plot(ax, fresh)
    assert list(ax.patches) == bars_before  # the same artists, moved
    assert [b.get_height() for b in ax.patches] == list(
        fresh.table["share_above"]
    )
    assert [t.get_text() for t in ax.texts] == list(fresh.table["fraction"])
    assert ax.get_title() == "threshold 0.50"
    # the same picture as drawing it anew
    redrawn = plots.share_above_plot(fresh)
    assert [b.get_height() for b in redrawn.patches] == [
        b.get_height() for b in ax.patches
    ]


def test_refresh_share_above_plot_refuses_other_groups(toy):
    values, groups = toy
    ax = plots.share_above_plot(regional.share_above(values, groups))
    other = regional.share_above(values, groups.replace({"Central": "West"}))
    with pytest.raises(ValueError, match="draw it anew with share_above_plot"):
        plots.refresh_share_above_plot(ax, other)
