"""Panel unit-root tests and Pesaran's CD test against R plm's published outputs.

References, from R plm's own test outputs (github.com/ycroissant/plm, inst/tests/*.Rout.save):

- ``test_purtest.Rout.save``: ``purtest(pG$inv, lags = 2, exo = "intercept", test = "ips")``
  gives Wtbar 4.51 and each firm's ``trho`` to eight digits; with the lag orders
  ``c(2,3,1,4,4,1,4,4,4,1)``, Wtbar 4.225;
- ``test_cipstest.Rout.save``: ``cipstest(Produc$gsp, type = ..., model = ...)``;
- ``test_pcdtest.Rout.save``: ``pcdtest(value ~ 1, data = Grunfeld)``, z = 13.843.

plm's Grunfeld data are statsmodels' ``grunfeld`` without American Steel (the per-firm t statistics
agreeing to eight digits confirm it); Produc is data/produc.
"""

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

from helpers import _panel, data
from helpers.errors import InputError
from helpers.timeseries import cips, cips_critical_values, ips, pesaran_cd


@pytest.fixture(scope="module")
def grunfeld() -> pd.DataFrame:
    frame = sm.datasets.grunfeld.load_pandas().data
    return frame[frame["firm"] != "American Steel"]


@pytest.fixture(scope="module")
def produc() -> pd.DataFrame:
    return data.load("produc")


def test_ips_matches_plm(grunfeld):
    result = ips(grunfeld, "invest", "firm", "year", lags=2)
    assert round(result.statistic.stat, 2) == 4.51
    np.testing.assert_allclose(
        result.units["trho"],
        [1.69705718, -1.31826344, -0.65968273, 1.06936162, 0.08084075]
        + [2.60790962, 0.65174468, -1.30317041, -1.88381502, -0.46967793],
        atol=1e-8,
    )
    assert result.units["mean"].iloc[0] == pytest.approx(-1.4034)
    assert result.units["var"].iloc[0] == pytest.approx(1.0344)


def test_ips_with_a_lag_order_per_unit_matches_plm(grunfeld):
    lags = [2, 3, 1, 4, 4, 1, 4, 4, 4, 1]
    result = ips(grunfeld, "invest", "firm", "year", lags=lags)
    assert round(result.statistic.stat, 3) == 4.225
    assert result.units["obs"].tolist() == [19 - p for p in lags]


@pytest.mark.parametrize(
    "exo, truncated, printed",
    [
        ("drift", False, -0.59924),
        ("none", False, -0.52464),
        ("drift", True, -0.59924),
        ("none", True, -0.52464),
    ],
)
def test_cips_matches_plm(produc, exo, truncated, printed):
    result = cips(
        produc, "gsp", "state", "year", lags=2, exo=exo, truncated=truncated
    )
    assert round(result.statistic.stat, 5) == printed


def test_cips_trend_case_regression(produc):
    # plm prints -0.58228 for type = "trend" (model "cmg"), and -1.658 for the same regressions
    # without the cross-section averages ("mg"). Ours gives the "mg" value (the mean of
    # statsmodels' ADF t statistics with a trend) but -0.6115 with the averages: the difference is
    # not traced. plm's cipstest is known to disagree with Stata's pescadf, EViews and GAUSS in
    # some settings (github.com/ycroissant/plm/issues/39). Here: each unit's t statistic is that
    # of an OLS fit (statsmodels) of the regression Pesaran (2007, eq. 54) writes, with a trend.
    result = cips(produc, "gsp", "state", "year", lags=2, exo="trend")
    levels = _panel.panel_table(produc, "gsp", "state", "year").to_numpy(float)
    dy = np.diff(levels, axis=1)
    rows = np.arange(2, dy.shape[1])
    averages = [dy[:, rows].mean(0), levels[:, rows].mean(0)] + [
        dy[:, rows - j].mean(0) for j in (1, 2)
    ]
    first = levels[0]
    regressors = np.column_stack(
        [levels[0, rows], dy[0, rows - 1], dy[0, rows - 2], *averages]
    )
    regressors = sm.add_constant(
        np.column_stack([regressors, np.arange(len(rows))])
    )
    fit = sm.OLS(np.diff(first)[rows], regressors).fit()
    assert result.units["trho"].iloc[0] == pytest.approx(
        fit.tvalues[1], abs=1e-10
    )
    # and without the averages, plm's "mg" statistic
    from statsmodels.tsa.stattools import adfuller

    mg = [
        adfuller(
            g["gsp"].to_numpy(),
            maxlag=2,
            autolag=None,
            regression="ct",
            result_object=True,
        ).statistic
        for _, g in produc.groupby("state", sort=False)
    ]
    assert round(float(np.mean(mg)), 3) == -1.658


def test_cips_critical_values_against_pesaran_table(produc):
    # Pesaran (2007), Table II(b) (intercept), N = T = 20 (as plm ships it): -2.40, -2.21, -2.10
    simulated = cips_critical_values(
        20, 20, exo="intercept", n_reps=1500, seed=1
    )
    np.testing.assert_allclose(simulated, [-2.40, -2.21, -2.10], atol=0.06)


def test_pesaran_cd_matches_plm(grunfeld):
    table = _panel.panel_table(grunfeld, "value", "firm", "year")
    result = pesaran_cd(table)
    assert round(result.stat, 3) == 13.843
    assert result.pvalue < 1e-10


def test_pesaran_cd_of_independent_units_is_small():
    rng = np.random.default_rng(5)
    draws = pd.DataFrame(rng.standard_normal((40, 15)))
    assert abs(pesaran_cd(draws).stat) < 3


def test_bad_panels_get_one_line(produc, grunfeld):
    with pytest.raises(InputError, match="balanced panel.*Alabama"):
        cips(produc.iloc[1:], "gsp", "state", "year")
    with pytest.raises(InputError, match="gap in the years of unit 'IBM'"):
        ips(
            grunfeld.drop(grunfeld.index[(grunfeld["firm"] == "IBM")][5]),
            "invest",
            "firm",
            "year",
        )
    with pytest.raises(InputError, match="one per unit"):
        ips(grunfeld, "invest", "firm", "year", lags=[1, 2])
    with pytest.raises(InputError, match="repeated"):
        ips(pd.concat([grunfeld, grunfeld.head(1)]), "invest", "firm", "year")
    with pytest.raises(InputError, match="lags must be"):
        ips(grunfeld, "invest", "firm", "year", lags=9)


def test_weighted_cd_holds_its_size_after_demeaning_where_cd_does_not():
    # SIMULATED: independent units, each period demeaned across units (as year effects do); CD is
    # biased towards -sqrt(N T / (2 (N - 1))) and rejects almost always, the randomly weighted CD
    # of Juodis and Reese (2022) rejects about 5% of the time
    rng = np.random.default_rng(0)
    n_reps = 300
    plain = weighted = 0
    for rep in range(n_reps):
        draws = rng.standard_normal((30, 10))
        demeaned = pd.DataFrame(draws - draws.mean(axis=0))
        plain += pesaran_cd(demeaned).pvalue < 0.05
        weighted += pesaran_cd(demeaned, weighted=True, seed=rep).pvalue < 0.05
    assert plain / n_reps > 0.9
    assert 0.02 <= weighted / n_reps <= 0.09
