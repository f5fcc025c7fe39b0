"""helpers.timeseries: the figures, the explorers, and the VAR checks that are not defined."""

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
import statsmodels.api as sm  # noqa: E402

from helpers import data  # noqa: E402
from helpers import timeseries as ts  # noqa: E402
from helpers.timeseries import figures  # noqa: E402
from helpers.timeseries.widget import ADFPowerExplorer, FEVDExplorer  # noqa: E402


@pytest.fixture(scope="module")
def growth():
    m = sm.datasets.macrodata.load_pandas().data
    return 100 * np.log(
        m[["realgdp", "realcons", "realinv"]]
    ).diff().dropna().reset_index(drop=True)


def test_whiteness_not_defined_is_said_not_nan():
    rng = np.random.default_rng(4)
    series = pd.DataFrame(rng.normal(size=(60, 2)), columns=["a", "b"])
    # no autocorrelation lags beyond the VAR's
    report = ts.var_report(series, lags=3, whiteness_lags=2)
    assert report.whiteness.pvalue is None and not report.whiteness.defined
    shown = report.summary.to_dict()
    assert any(
        v.startswith("not defined (needs more than 3 lags")
        for v in shown.values()
    )
    assert "nan" not in " ".join(shown.values()).lower()
    # saved as numbers: the undefined test's p-value is missing, the others are the fit's
    numbers = report.numbers
    assert np.isnan(numbers["Portmanteau p-value"])
    assert numbers["lag order"] == 3 and numbers["stable"] in (0.0, 1.0)
    assert numbers["observations used"] == report.results.nobs
    assert numbers["Jarque-Bera p-value"] == report.normality.pvalue


def test_adf_power_explorer_delegates_to_the_monte_carlo():
    explorer = ADFPowerExplorer(nobs=20, root=0.9, n_reps=300, seed=3)
    first = bytes(explorer.image.value)
    assert first.startswith(b"\x89PNG")
    explorer.controls["root"].value = 1.0
    rates = explorer.view.table.loc["rejection rate"]
    expected = ts.adf_rejection_rates(ADFPowerExplorer.SIZES, [1.0], 300, 3)[
        1.0
    ]
    pd.testing.assert_series_equal(rates, expected, check_names=False)
    explorer.controls["nobs"].value = 50
    assert bytes(explorer.image.value) != first
    assert explorer.view.series["critical"] == pytest.approx(
        ts.mackinnon_critical_values(49, "c")["5%"]
    )
    # the root's rates are kept when only T moves, and the histogram is the rate's own draws
    pd.testing.assert_series_equal(
        explorer.view.table.loc["rejection rate"], expected, check_names=False
    )
    k = ADFPowerExplorer.SIZES.index(50)
    statistics = explorer.view.series["statistics"]
    np.testing.assert_array_equal(
        statistics, ts.adf_statistics(ts.simulate_ar1(1.0, 50, 300, 3 + k))
    )
    rejected = statistics < explorer.view.series["critical"]
    assert rejected.mean() == expected[50]


def test_fevd_explorer_recomputes_for_the_chosen_ordering(growth):
    results = ts.var_report(growth, lags=2).results
    explorer = FEVDExplorer(results, max_horizon=12, horizon=4)
    assert len(explorer.orderings) == 6
    explorer.controls["ordering"].value = "realinv > realgdp > realcons"
    explorer.controls["horizon"].value = 1
    expected = ts.fevd_table(
        results, [1], order=["realinv", "realgdp", "realcons"]
    )
    pd.testing.assert_frame_equal(explorer.view.table, expected)
    assert explorer.view.table.loc[("realinv", 1), "realinv"] == pytest.approx(
        100
    )
    assert "realinv" in explorer.table.value and bytes(
        explorer.image.value
    ).startswith(b"\x89PNG")


def test_figures(growth):
    rates = ts.adf_rejection_rates([10, 20], [1.0, 0.5], n_reps=50, seed=1)
    ax = figures.rejection_rates_plot(rates, 50)
    assert len(ax.lines) == 3  # two roots and the level
    table1 = data.load("chen_tang_table1")
    figure = figures.critical_values_plot(table1)
    assert len(figure.axes) == 3
    fevd = data.load("chen_tang_fevd")
    shocks = ["p", "p_capa", "p_popu", "p_scie", "p_pate"]
    figure = figures.printed_fevd_plot(fevd, shocks)
    assert (
        len(figure.axes) == 2
        and len(figure.axes[0].lines) == fevd["table"].nunique() + 1
    )
    levels = np.log(
        sm.datasets.macrodata.load_pandas().data[["realgdp", "realcons"]]
    )
    figure = figures.levels_and_growth_plot(
        levels, 100 * levels.diff().dropna()
    )
    assert len(figure.axes) == 2
    results = ts.var_report(growth, lags=2).results
    figure = figures.fevd_bars(ts.fevd_table(results, [4]), 4)
    assert len(figure.axes[0].patches) == 9  # three variables, three shocks


@pytest.mark.parametrize("n_series", [0, 13])
def test_mackinnon_refuses_a_number_of_series_outside_its_table(n_series):
    """statsmodels indexes its table with n_series: 0 gave 12 series' values, 13 an IndexError."""
    with pytest.raises(
        ValueError, match="n_series must be an integer between 1 and 12"
    ):
        ts.mackinnon_critical_values(50, "c", n_series)


def test_fevd_from_coefficients_is_fevd_table_of_the_same_var():
    import statsmodels.api as sm

    macro = sm.datasets.macrodata.load_pandas().data
    growth = 100 * np.log(macro[["realgdp", "realcons", "realinv"]]).diff()
    fitted = sm.tsa.VAR(growth.dropna().reset_index(drop=True)).fit(2)
    pd.testing.assert_frame_equal(
        ts.fevd_from_coefficients(
            fitted.coefs, fitted.sigma_u, fitted.names, [1, 4]
        ),
        ts.fevd_table(fitted, [1, 4]),
    )
    for coefs, sigma, words in [
        (np.zeros((1, 2, 3)), np.eye(2), "coefs must be"),
        (np.zeros((2, 2)), np.eye(3), "sigma_u must be 2 x 2"),
        (np.zeros((2, 2)), -np.eye(2), "positive definite"),
    ]:
        with pytest.raises(ValueError, match=words):
            ts.fevd_from_coefficients(coefs, sigma)
