"""The Toda-Yamamoto test and the VECM's long-run responses."""

import numpy as np
import pandas as pd
import pytest
from statsmodels.tsa.api import VAR

from helpers import data
from helpers import timeseries as ts
from helpers.errors import InputError


@pytest.fixture(scope="module")
def levels():
    macro = data.statsmodels_macrodata()
    return np.log(macro[["realgdp", "realcons", "realinv"]])


def test_toda_yamamoto_without_extra_lags_is_the_ordinary_wald_test(levels):
    ours = ts.toda_yamamoto(levels, lags=3, d_max=0)
    fit = VAR(levels).fit(3)
    for (caused, causing), row in ours.iterrows():
        reference = fit.test_causality(caused, [causing], kind="wald")
        assert row["chi2"] == pytest.approx(
            reference.test_statistic, rel=1e-10
        )
        assert row["df"] == reference.df


def test_toda_yamamoto_holds_its_size_on_independent_random_walks():
    # SIMULATED: two independent random walks, so neither Granger-causes the other; the test in
    # levels with one extra lag rejects about 5% of the time
    rng = np.random.default_rng(11)
    rejections = 0
    n_reps = 300
    for _ in range(n_reps):
        walks = np.cumsum(rng.standard_normal((120, 2)), axis=0)
        frame = pd.DataFrame(walks, columns=["a", "b"])
        rejections += (
            ts.toda_yamamoto(frame, lags=1, d_max=1).loc[("a", "b"), "pvalue"]
            < 0.05
        )
    assert 0.02 <= rejections / n_reps <= 0.09


def test_toda_yamamoto_refuses_too_short_a_series(levels):
    with pytest.raises(InputError, match="observations"):
        ts.toda_yamamoto(levels.iloc[:10], lags=3, d_max=1)


def test_long_run_responses_are_indexed_by_impulse_then_response(levels):
    growth = (100 * levels.diff()).dropna()
    var = VAR(growth).fit(2)
    vecm = ts.vecm_fit(levels, 2, 1, "co")
    table = ts.long_run_responses(vecm, var, 12)
    names = list(levels.columns)
    # statsmodels' irfs[h][response, impulse]
    direct = vecm.irf(12).orth_irfs[12][
        names.index("realcons"), names.index("realgdp")
    ]
    assert table.loc[
        ("realgdp", "realcons"), "VECM (levels)"
    ] == pytest.approx(100 * direct)
    cumulated = var.irf(12).orth_cum_effects[12][
        names.index("realinv"), names.index("realcons")
    ]
    assert table.loc[
        ("realcons", "realinv"), "growth-rate VAR (cumulated)"
    ] == pytest.approx(cumulated)
