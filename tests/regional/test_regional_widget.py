"""helpers.regional.widget: the controls drive the tested compute step, which delegates to the
helper."""

import pandas as pd
import pytest

from helpers import data, regional
from helpers.regional.widget import ThresholdExplorer


@pytest.fixture
def explorer():
    ai = regional.attach_provinces(
        data.load("fang2025_ai_competitiveness")
    ).set_index("name_en")
    return ThresholdExplorer(ai["index"], ai[["region", "belt"]])


def test_defaults_are_four_regions_and_the_national_mean(explorer):
    assert explorer.controls["grouping"].value == "region"
    assert explorer.controls["threshold"].value == pytest.approx(
        explorer.data.mean(), abs=0.01
    )
    assert bytes(explorer.image.value).startswith(b"\x89PNG")
    assert "4/5" in explorer.table.value and "80.0%" in explorer.table.value


def test_controls_update_table_and_figure(explorer):
    before = bytes(explorer.image.value)
    explorer.controls["grouping"].value = "belt"
    assert "Three belts" in explorer.table.value
    assert bytes(explorer.image.value) != before
    explorer.controls["threshold"].value = explorer.controls["threshold"].max
    view = explorer.compute(**explorer.values)
    assert view.table["above"].sum() == 0
    expected = regional.share_above(
        explorer.data,
        explorer.groupings["belt"].rename("Three belts"),
        explorer.controls["threshold"].max,
    )
    pd.testing.assert_frame_equal(view.table, expected.table)


def test_widget_layout_and_bad_input(explorer):
    box = explorer.widget()
    assert len(box.children) == 3  # controls, status line, figure and table
    with pytest.raises(ValueError, match="one column per grouping"):
        ThresholdExplorer(explorer.data, explorer.groupings.iloc[:, :0])


def test_units_without_groups_count_as_one_group(explorer):
    states = pd.Series([3.0, 1.0, 2.0], index=["Ohio", "Iowa", "Utah"])
    alone = ThresholdExplorer(
        states,
        pd.DataFrame({"all units": pd.NA}, index=states.index),
        noun="unit",
    )
    assert alone.controls["grouping"].value == "all units"
    view = alone.compute(**alone.values)
    assert view.table.loc["all units", "fraction"] == "1/3"


def test_static_figure_is_the_widget_figure_at_given_values(explorer):
    figure = explorer.static_figure(grouping="belt")
    ax = figure.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        "East",
        "Central",
        "West",
    ]
    # the widget itself did not move
    assert explorer.controls["grouping"].value == "region"
