"""helpers.explore: the widget is a thin wrapper whose controls drive the tested helper."""

import pandas as pd
import pytest

from helpers import data, regional
from helpers.explore import ThresholdExplorer


@pytest.fixture
def explorer():
    ai = regional.attach_provinces(data.load("fang2025_ai_competitiveness")).set_index("name_en")
    return ThresholdExplorer(ai["index"], ai[["region", "belt"]])


def test_defaults_are_four_regions_and_the_national_mean(explorer):
    assert explorer.grouping.value == "region"
    assert explorer.threshold.value == pytest.approx(explorer.values.mean(), abs=0.01)
    assert bytes(explorer.figure_view.value).startswith(b"\x89PNG")
    assert "4/5" in explorer.table_view.value and "80.0%" in explorer.table_view.value


def test_controls_update_table_and_figure(explorer):
    before = bytes(explorer.figure_view.value)
    explorer.grouping.value = "belt"
    assert "Three belts" in explorer.table_view.value
    assert bytes(explorer.figure_view.value) != before
    explorer.threshold.value = explorer.threshold.max
    table = explorer.table(explorer.grouping.value, explorer.threshold.value)
    assert table["above"].sum() == 0
    pd.testing.assert_frame_equal(
        table, regional.share_above(explorer.values, explorer.provinces["belt"].rename("Three belts"),
                                    explorer.threshold.max))


def test_widget_layout_and_bad_input(explorer):
    box = explorer.widget()
    assert len(box.children) == 2
    with pytest.raises(ValueError, match="lacks grouping column\\(s\\) belt"):
        ThresholdExplorer(explorer.values, explorer.provinces[["region"]])
