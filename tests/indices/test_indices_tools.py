"""helpers.indices: the panel loader, the comparison of weightings, the figures and the explorer."""

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from helpers import data, indices  # noqa: E402
from helpers.indices.figures import weight_bars, weight_skewness_plot  # noqa: E402
from helpers.indices.widget import WeightExplorer  # noqa: E402


@pytest.fixture(scope="module")
def panel():
    return indices.load_panel()


def test_load_panel_indexes_and_adds_regions(panel):
    assert panel.index.names == ["province_zh", "year"]
    assert panel.loc[("北京", 2010), "region"] == "East"
    assert panel.loc[("黑龙江", 2022), "name_en"] == "Heilongjiang"


def test_load_panel_names_unknown_provinces(tmp_path):
    frame = data.load("gan_zhang_simulated_panel")
    frame.loc[frame["province_zh"] == "北京", "province_zh"] = "北平"
    path = tmp_path / "mine.csv"
    frame.to_csv(path, index=False)
    with pytest.raises(
        data.DataError,
        match=(
            r"mine.csv: column 'province_zh' has value\(s\) 北平 in lines 2, "
            r"3, 4, 5, 6 and 8 more that are not in provinces.name_zh"
        ),
    ):
        indices.load_panel(path)


def test_weight_sensitivity_is_one_column_per_variant(panel):
    columns = ["ai_firms", "robot_density"]
    table = indices.weight_sensitivity(
        panel[columns], None, {"shift": {}, "limit": {"zero": "limit"}}
    )
    assert list(table.columns) == ["shift", "limit"]
    pd.testing.assert_series_equal(
        table["limit"],
        indices.entropy_weights(panel[columns], zero="limit")["weight"],
        check_names=False,
    )
    with pytest.raises(ValueError, match="variants must map a name"):
        indices.weight_sensitivity(panel[columns], None, {})


def test_weight_dispersion_covers_every_indicator(panel):
    system = data.load("gan_zhang_indicators")
    table = indices.weight_dispersion(panel, system)
    assert len(table) == len(system)
    assert table.groupby("system")["weight"].sum().round(10).eq(1).all()
    with pytest.raises(ValueError, match="data lacks column\\(s\\) ai_firms"):
        indices.weight_dispersion(panel.drop(columns="ai_firms"), system)


def test_figures_draw_one_mark_per_indicator(panel):
    weights = indices.entropy_weights(
        panel[["ai_firms", "robot_density", "fibre_per_capita"]]
    )["weight"]
    ax = weight_bars(weights)
    assert len(ax.patches) == 3 and "Largest weight" in ax.get_title()
    table = indices.weight_dispersion(panel, data.load("gan_zhang_indicators"))
    ax = weight_skewness_plot(table, 0.5)
    assert sum(len(c.get_offsets()) for c in ax.collections) == len(table)


def test_weight_explorer_delegates_to_entropy_weights(panel):
    columns = ["ai_firms", "robot_density", "fibre_per_capita"]
    explorer = WeightExplorer(panel[columns])
    first = bytes(explorer.image.value)
    explorer.controls["zero"].value = "limit"
    explorer.controls["panel"].value = "mean_of_years"
    expected = indices.entropy_weights(
        panel[columns], zero="limit", panel="mean_of_years"
    )["weight"]
    pd.testing.assert_series_equal(
        explorer.view.table["weight"], expected, check_names=False
    )
    assert bytes(explorer.image.value) != first
    explorer.controls["panel"].value = "last_year"
    last = indices.entropy_weights(
        panel.xs(2022, level="year")[columns], zero="limit"
    )["weight"]
    pd.testing.assert_series_equal(
        explorer.view.table["weight"], last, check_names=False
    )
    static = explorer.static_figure(panel="pooled", zero="shift")
    pooled = indices.entropy_weights(panel[columns], panel="pooled")["weight"]
    assert [p.get_width() for p in static.axes[0].patches] == pytest.approx(
        list(pooled)
    )


def test_load_panel_simulates_anew_with_a_seed(panel):
    """The shipped panel is the simulation at its seed; another seed gives other values, typed
    the same way."""
    pd.testing.assert_frame_equal(indices.load_panel(seed=20250817), panel)
    other = indices.load_panel(seed=1001)
    assert other.index.equals(panel.index)
    assert (other.dtypes == panel.dtypes).all()
    assert not np.allclose(other["ai_firms"], panel["ai_firms"])
    with pytest.raises(ValueError, match="give path or seed, not both"):
        indices.load_panel("x.csv", seed=1)
