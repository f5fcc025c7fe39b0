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


def test_weight_explorer_delegates_to_entropy_weights():
    from helpers import indices
    from helpers.explore import WeightExplorer

    panel = data.load("gan_zhang_simulated_panel").set_index(["province_zh", "year"])
    columns = ["ai_firms", "robot_density", "fibre_per_capita"]
    explorer = WeightExplorer(panel[columns])
    first = bytes(explorer.figure_view.value)
    explorer.zero.value = "limit"
    explorer.panel.value = "mean_of_years"
    expected = indices.entropy_weights(panel[columns], zero="limit", panel="mean_of_years")["weight"]
    pd.testing.assert_series_equal(explorer.update(), expected, check_names=False)
    assert bytes(explorer.figure_view.value) != first
    explorer.panel.value = "last_year"
    last = indices.entropy_weights(panel.xs(2022, level="year")[columns], zero="limit")["weight"]
    pd.testing.assert_series_equal(explorer.update(), last, check_names=False)


def test_coupling_explorer_delegates_to_coupling():
    from helpers import coupling
    from helpers.explore import CouplingExplorer

    explorer = CouplingExplorer(u1=0.2, u2=0.8)
    table = explorer.update()
    assert table.at["standard", "C"] == pytest.approx(0.8)
    explorer.weight.value = 0.25
    explorer.u2.value = 0.5
    table = explorer.update()
    expected = coupling.coordination_degree(0.2, 0.5, weights=[0.25, 0.75], method="fan").iloc[0]
    assert table.at["fan", "D"] == pytest.approx(expected["D"])
    assert "(" in table.at["wang", "level"] and bytes(explorer.figure_view.value).startswith(b"\x89PNG")


def test_pvar_explorer_refits_and_redraws():
    from helpers import data
    from helpers.explore import PVARExplorer

    names = ["AI", "LR", "EQ", "SS", "LQ"]
    panel = data.load("gan_zhang_simulated_panel")
    scores = panel[["province_zh", "year"] + [f"latent_{v}" for v in names]]
    scores.columns = ["province_zh", "year", *names]
    explorer = PVARExplorer(scores, names, {"paper": names, "reversed": names[::-1]}, draws=20,
                            entity="province_zh", time="year", collapse=True, instrument_lags=(1, 2), steps="onestep")
    before = explorer.figure_view.value
    explorer.ordering.value = "reversed"
    assert explorer.figure_view.value != before and explorer.figure_view.value[:4] == b"\x89PNG"
    bands = explorer.responses("fod", 1, "reversed")[0]
    # with LQ first in the ordering, nothing else moves LQ at horizon 0
    assert bands.loc[("AI", "LQ", 0), "value"] == 0
    assert "observations" in explorer.status.value
    # 10 instruments x 5 equations from 30 provinces: the fit's warning is shown, not raised
    assert "Note: the moment covariance behind Hansen's J is singular" in explorer.status.value


def test_adf_power_explorer_delegates_to_the_monte_carlo():
    from helpers.explore import ADFPowerExplorer
    from helpers.timeseries import adf_rejection_rates

    explorer = ADFPowerExplorer(nobs=20, root=0.9, n_reps=300, seed=3)
    first = bytes(explorer.figure_view.value)
    assert first.startswith(b"\x89PNG")
    explorer.root.value = 1.0
    rates = explorer.update()
    pd.testing.assert_series_equal(rates, adf_rejection_rates(ADFPowerExplorer.SIZES, [1.0], 300, 3)[1.0])
    explorer.nobs.value = 50
    assert bytes(explorer.figure_view.value) != first


def test_fevd_explorer_recomputes_for_the_chosen_ordering():
    import numpy as np
    import statsmodels.api as sm

    from helpers.explore import FEVDExplorer
    from helpers.timeseries import fevd_table, var_report

    m = sm.datasets.macrodata.load_pandas().data
    growth = 100 * np.log(m[["realgdp", "realcons", "realinv"]]).diff().dropna()
    results = var_report(growth, lags=2).results
    explorer = FEVDExplorer(results, max_horizon=12, horizon=4)
    assert len(explorer.orderings) == 6
    explorer.ordering.value = "realinv > realgdp > realcons"
    explorer.horizon.value = 1
    table = explorer.update()
    pd.testing.assert_frame_equal(table, fevd_table(results, [1], order=["realinv", "realgdp", "realcons"]))
    assert table.loc[("realinv", 1), "realinv"] == pytest.approx(100)
    assert "realinv" in explorer.table_view.value and bytes(explorer.figure_view.value).startswith(b"\x89PNG")


def test_scale_explorer_switches_measure_and_sample():
    from helpers.explore import ScaleExplorer
    from helpers.synthetic import fdi_cross_section

    data = fdi_cross_section(120, seed=2)
    explorer = ScaleExplorer(data, "simulated: ")
    levels = explorer.update()
    explorer.scale.value = "% of GDP"
    shown, rho = explorer.view("% of GDP", "all economies")
    assert explorer.update() == rho != levels
    assert shown["fdi"].equals(100 * shown["fdi_usd"] / shown["gdp_usd"])
    explorer.sample.value = "30 largest by GDP"
    shown, _ = explorer.view("levels", "30 largest by GDP")
    assert len(shown) == 30 and shown["gdp_usd"].min() >= data["gdp_usd"].nlargest(30).min()
    assert len(explorer.view("levels", "all but the 10 largest")[0]) == 110
    with pytest.raises(ValueError, match="lacks column"):
        ScaleExplorer(data.drop(columns="aipi"))


def test_ushape_explorer_refits_when_the_turning_point_moves():
    from helpers.explore import UShapeExplorer

    explorer = UShapeExplorer(turning_point=6.0, noise=0.3, seed=1)
    assert explorer.update().verdict().startswith("U supported")
    first = bytes(explorer.figure_view.value)
    explorer.turning_point.value = -2.0  # the minimum far below the data: no U
    test = explorer.update()
    assert test.trivially_fails and bytes(explorer.figure_view.value) != first
    _, _, direct = explorer.fit(-2.0, 0.3)
    assert direct.statistic == test.statistic
