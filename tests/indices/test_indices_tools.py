"""helpers.indices: the panel loader, the comparison of weightings, the figures and the explorer."""

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from conftest import REPO  # noqa: E402

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
            r"3, 4, 5, 6 and 8 more that are not provincial-level divisions, while 29 other "
            r"unit\(s\) are"
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


# -- your own units and indicators ----------------------------------------------------------------


def _spec(tmp_path, text: str, name: str = "spec.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_an_indicator_specification_from_csv_or_yaml(tmp_path):
    csv = _spec(
        tmp_path,
        "indicator,subsystem,direction,label\n"
        "a,X,+,first\nb,X,负,second\nc,Y,positive,\n",
    )
    system = indices.indicator_system(csv)
    assert system[["system", "dimension", "indicator", "direction"]].to_dict(
        "list"
    ) == {
        "system": ["X", "X", "Y"],
        "dimension": ["X", "X", "Y"],
        "indicator": ["a", "b", "c"],
        "direction": ["+", "-", "+"],
    }
    assert list(system["indicator_en"]) == ["first", "second", "c"]
    yml = _spec(
        tmp_path,
        "- {indicator: a, system: X, direction: '+', dimension: D1}\n"
        "- {indicator: b, system: X, direction: '-', dimension: D2}\n",
        "spec.yml",
    )
    assert list(indices.indicator_system(yml)["dimension"]) == ["D1", "D2"]


@pytest.mark.parametrize(
    "text, message",
    [
        ("indicator,direction\na,+\nb,+\n", "missing column(s) subsystem"),
        (
            "indicator,subsystem,direction\na,X,+\nb,X,up\n",
            "column 'direction' has value(s) up in line 3; expected + or -",
        ),
        (
            "indicator,subsystem,direction\na,X,+\na,Y,-\n",
            "indicator(s) a listed twice, in lines 2, 3",
        ),
        ("indicator,subsystem,direction\na,X,+\n", "1 indicator; a composite"),
        (
            "indicator,subsystem,direction\na,,+\nb,X,+\n",
            "column 'subsystem' has missing values in line 2",
        ),
    ],
)
def test_a_specification_that_does_not_fit_gets_one_line(
    tmp_path, text, message
):
    with pytest.raises(data.DataError) as caught:
        indices.indicator_system(_spec(tmp_path, text))
    assert str(caught.value).startswith("spec.csv: ")
    assert message in str(caught.value) and "\n" not in str(caught.value)


def test_a_panel_of_other_units_with_their_own_groups_and_indicators(tmp_path):
    states = pd.read_csv(REPO / "data" / "produc.csv")
    system = indices.indicator_system(
        _spec(
            tmp_path,
            "indicator,subsystem,direction\nhwy,capital,+\nwater,capital,+\n"
            "gsp,economy,+\nunemp,economy,-\n",
        )
    )
    panel = indices.load_panel(
        REPO / "data" / "produc.csv",
        unit="state",
        group="region",
        system=system,
    )
    units = panel.attrs["units"]
    assert (units.provinces, units.count(), units.group) == (
        False,
        "48 units",
        "region",
    )
    assert panel.index.names == ["state", "year"]
    assert set(panel["group"]) == {f"region {r}" for r in range(1, 10)}
    assert (panel["label"] == panel.index.get_level_values("state")).all()
    assert len(panel) == len(states)
    from helpers.indices import reading

    assert reading.panel_shape(panel) == (
        "48 units in 9 groups, 1970-1986, 816 of 816 unit-years (balanced)"
    )
    # without a group column the units are not grouped
    ungrouped = indices.load_panel(
        REPO / "data" / "produc.csv", unit="state", system=system
    )
    assert ungrouped["group"].isna().all()
    assert reading.panel_shape(ungrouped).startswith("48 units, 1970-1986")


def test_a_province_panel_keeps_its_regions_and_a_misprint_is_named(tmp_path):
    shipped = indices.load_panel()
    assert shipped.attrs["units"].provinces
    assert set(shipped["group"]) == {"East", "Central", "West", "Northeast"}
    frame = data.load("gan_zhang_simulated_panel").rename(
        columns={"province_zh": "省份", "year": "年份"}
    )
    frame.loc[frame["省份"] == "江苏", "省份"] = "工苏"
    path = tmp_path / "mine.csv"
    frame.to_csv(path, index=False, encoding="gbk")
    with pytest.raises(
        data.DataError, match="column '省份' has value\\(s\\) 工苏"
    ):
        indices.load_panel(path, unit="省份", time="年份")


def test_pvar_variables_names_a_system_without_the_papers_five():
    from helpers import data
    from helpers.errors import InputError

    full = indices.load_panel()
    panel = full.drop(columns=[c for c in full if c.startswith("latent_")])
    system = data.load("gan_zhang_indicators")
    jobs = system.assign(system=system["system"].replace({"EMP": "JOBS"}))
    with pytest.raises(InputError, match="the indicator system lacks EMP"):
        indices.pvar_variables(panel, jobs)
