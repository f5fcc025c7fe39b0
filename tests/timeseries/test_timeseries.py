"""helpers.timeseries: Johansen against statsmodels and R's urca, ADF/KPSS, VAR checks, FEVD
tables."""

import warnings
from importlib import resources

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from statsmodels.tsa.stattools import adfuller
from statsmodels.tsa.vector_ar.vecm import coint_johansen

from helpers import timeseries as ts

COINT_CSV = (
    resources.files("statsmodels")
    / "tsa"
    / "vector_ar"
    / "tests"
    / "Matlab_results"
    / "test_coint.csv"
)

# coint_johansen(data, 1, 2) on statsmodels' test data; values from MATLAB jplv (the issue's vector)
PUBLISHED_TRACE = [
    241.985452556075,
    166.4781461662553,
    110.3298006342814,
    70.79801574443575,
    44.90887371527634,
    27.22385073668511,
    11.74205493173769,
    3.295435325623445,
]
PUBLISHED_MAX_EIG = [
    75.50730638981975,
    56.14834553197396,
    39.5317848898456,
    25.8891420291594,
    17.68502297859124,
    15.48179580494741,
    8.446619606114249,
    3.295435325623445,
]

# printed by tests/reference/urca_johansen.R (urca 1.3-3): keys are (ca.jo ecdet, season)
URCA = {
    ("none", 0): {
        "trace": [
            214.38998485298595,
            141.48161252623245,
            90.36317883189295,
            61.55497471250130,
            37.10341475801958,
            21.06987085786135,
            10.60508590380261,
            3.19245920870813,
        ],
        "max_eig": [
            72.90837232675347,
            51.11843369433952,
            28.80820411939164,
            24.45155995448171,
            16.03354390015823,
            10.46478495405874,
            7.41262669509448,
            3.19245920870813,
        ],
        "vector": [
            1.00000000000000,
            -23.17357941972188,
            3.99306269110768,
            -3.17301153063764,
            1.34293250106145,
            -3.99845617931541,
            6.25509484495447,
            1.53058429466824,
        ],
    },
    ("none", 4): {
        "trace": [
            217.9816365999518,
            141.5497533142538,
            90.8680775394262,
            61.5496579462167,
            37.3617786538695,
            21.1999980554948,
            10.6320610746615,
            3.2049617937798,
        ],
        "max_eig": [
            76.43188328569799,
            50.68167577482751,
            29.31841959320951,
            24.18787929234721,
            16.16178059837474,
            10.56793698083324,
            7.42709928088174,
            3.20496179377980,
        ],
        "vector": [
            1.00000000000000,
            -30.51936013344842,
            5.46458482464848,
            -4.59109451455945,
            1.66418402196982,
            -4.74459760070752,
            7.13715452008572,
            1.82670738609466,
        ],
    },
    ("const", 0): {
        "trace": [
            224.90585184535220,
            149.26798560178182,
            98.08135595249405,
            67.72526871913956,
            42.93148452372495,
            26.88495284961387,
            16.14333196126691,
            7.20657474523737,
        ],
        "max_eig": [
            75.63786624357043,
            51.18662964928774,
            30.35608723335449,
            24.79378419541461,
            16.04653167411108,
            10.74162088834696,
            8.93675721602954,
            7.20657474523735,
        ],
        "vector": [
            1.00000000000000,
            -26.97522806165664,
            4.86131350460533,
            -4.13331664113301,
            1.32294522465848,
            -4.51766984836075,
            7.64414632320942,
            1.70128863308281,
            647.02207298804888,
        ],
    },
    ("const", 4): {
        "trace": [
            228.72573323511276,
            149.22736930419561,
            98.48067281336326,
            67.68041167329116,
            43.11249724819685,
            26.87562228865902,
            15.92992237697323,
            7.21764621182646,
        ],
        "max_eig": [
            79.49836393091714,
            50.74669649083236,
            30.80026114007210,
            24.56791442509431,
            16.23687495953783,
            10.94569991168578,
            8.71227616514678,
            7.21764621182646,
        ],
        "vector": [
            1.00000000000000,
            -37.75338462895176,
            7.04704738186940,
            -6.22807114508568,
            1.73758698148105,
            -5.64877624947492,
            9.16918165367850,
            2.14840420675890,
            953.87954262087362,
        ],
    },
    ("trend", 0): {
        "trace": [
            257.18537586729940,
            177.90863376476341,
            115.87533149444036,
            75.71616169908887,
            49.80500850929536,
            31.91259633361301,
            15.91021875488696,
            7.41087964789409,
        ],
        "max_eig": [
            79.27674210253598,
            62.03330227032307,
            40.15916979535148,
            25.91115318979351,
            17.89241217568235,
            16.00237757872605,
            8.49933910699287,
            7.41087964789409,
        ],
        "vector": [
            1.00000000000000,
            -29.84592126896710,
            6.14858189500721,
            -6.23284179025682,
            5.06470070468369,
            -15.72638029427725,
            3.68161958867568,
            4.11002906727717,
            -8.74145696665310,
        ],
    },
    ("trend", 4): {
        "trace": [
            261.59671757104400,
            178.27434485678620,
            116.72211136073456,
            76.46028920320474,
            50.50257888131843,
            31.58138879342620,
            15.67550662992509,
            7.41480833126563,
        ],
        "max_eig": [
            83.32237271425780,
            61.55223349605164,
            40.26182215752982,
            25.95771032188631,
            18.92119008789223,
            15.90588216350111,
            8.26069829865946,
            7.41480833126561,
        ],
        "vector": [
            1.00000000000000,
            -59.94635982265395,
            12.74378842448126,
            -11.88751732588846,
            9.54976107428965,
            -28.96790299028138,
            3.39526601519561,
            7.77021782743749,
            -16.58261396289297,
        ],
    },
}
URCA_CASE = {"none": "co", "const": "ci", "trend": "coli"}


@pytest.fixture(scope="module")
def coint_data() -> pd.DataFrame:
    data = pd.read_csv(COINT_CSV, header=None, sep=r"\s+")
    data.columns = [f"y{i}" for i in range(1, 9)]
    return data


@pytest.fixture(scope="module")
def macro() -> pd.DataFrame:
    m = sm.datasets.macrodata.load_pandas().data
    index = pd.period_range("1959Q1", periods=len(m), freq="Q").to_timestamp()
    return np.log(m[["realgdp", "realcons", "realinv"]]).set_axis(
        index, axis=0
    )


# -- Johansen ----------------------------------------------------------------------------------


def test_published_statsmodels_vector(coint_data):
    """statsmodels' det_order=1 removes a full-sample linear trend from the levels and then runs the
    unrestricted-constant case; doing the same here reproduces the published jplv numbers."""
    t = np.linspace(-1, 1, len(coint_data))
    trend = np.column_stack([np.ones_like(t), t])
    detrended = (
        coint_data
        - trend @ np.linalg.lstsq(trend, coint_data.to_numpy(), rcond=None)[0]
    )
    result = ts.johansen(detrended, k_ar_diff=2, deterministic="co")
    np.testing.assert_allclose(
        result.tests["trace"], PUBLISHED_TRACE, rtol=1e-10
    )
    np.testing.assert_allclose(
        result.tests["max_eig"], PUBLISHED_MAX_EIG, rtol=1e-10
    )
    assert result.nobs == 173 - 1 - 2


def test_statsmodels_trend_option_is_neither_trend_case(coint_data):
    """Why the published vector needs the prior detrending: Johansen's restricted and unrestricted
    trend cases partial the trend out inside the regression and give other statistics."""
    for case in ("coli", "colo"):
        trace = ts.johansen(coint_data, 2, case).tests["trace"].to_numpy()
        assert np.abs(trace - PUBLISHED_TRACE).max() > 1.0


@pytest.mark.parametrize("det_order, case", [(-1, "n"), (0, "co")])
@pytest.mark.parametrize("k_ar_diff", [1, 2, 5, 8, 9])
def test_equals_coint_johansen_where_options_coincide(
    coint_data, det_order, case, k_ar_diff
):
    ours = ts.johansen(coint_data, k_ar_diff, case)
    theirs = coint_johansen(coint_data.to_numpy(), det_order, k_ar_diff)
    np.testing.assert_allclose(ours.tests["trace"], theirs.lr1, rtol=1e-9)
    np.testing.assert_allclose(ours.tests["max_eig"], theirs.lr2, rtol=1e-9)
    np.testing.assert_allclose(ours.eigenvalues, theirs.eig, rtol=1e-9)
    np.testing.assert_allclose(ours.tests["trace_cv_95%"], theirs.cvt[:, 1])
    np.testing.assert_allclose(ours.tests["max_eig_cv_99%"], theirs.cvm[:, 2])
    # the same cointegrating space: each eigenvector equals statsmodels' up to scale
    np.testing.assert_allclose(
        ours.vectors.to_numpy(),
        theirs.evec / theirs.evec[0],
        rtol=1e-6,
        atol=1e-8,
    )


@pytest.mark.parametrize(
    "key", list(URCA), ids=lambda k: f"{k[0]}-season{k[1]}"
)
def test_equals_urca_ca_jo(coint_data, key):
    """Restricted constant, restricted trend and centred seasonal dummies, which statsmodels
    lacks."""
    ecdet, season = key
    result = ts.johansen(
        coint_data, k_ar_diff=2, deterministic=URCA_CASE[ecdet], seasons=season
    )
    np.testing.assert_allclose(
        result.tests["trace"], URCA[key]["trace"], rtol=1e-9
    )
    np.testing.assert_allclose(
        result.tests["max_eig"], URCA[key]["max_eig"], rtol=1e-9
    )
    np.testing.assert_allclose(
        result.vectors["r1"], URCA[key]["vector"], rtol=1e-7
    )


def test_restricted_cases_carry_osterwald_lenum_values(coint_data):
    rc = ts.johansen(coint_data, 2, "ci").tests
    rt = ts.johansen(coint_data, 2, "coli").tests
    # Osterwald-Lenum (1992) Tables 1* and 2*, last rows: one common trend left
    assert rc.loc[
        7, ["trace_cv_90%", "trace_cv_95%", "trace_cv_99%"]
    ].tolist() == [7.52, 9.24, 12.97]
    assert rt.loc[6, "trace_cv_95%"] == 25.32
    assert (
        ts.johansen(coint_data, 2, "colo").tests["trace_cv_95%"].isna().all()
    )


def test_rank_of_a_simulated_system_with_one_cointegrating_relation():
    rng = np.random.default_rng(20261122)
    n = 600
    x = np.cumsum(rng.normal(size=n))
    gap = np.zeros(n)  # y - 2x, a stationary AR(1)
    for t in range(1, n):
        gap[t] = 0.5 * gap[t - 1] + rng.normal()
    data = pd.DataFrame(
        {"x": x, "y": 2 * x + gap, "z": np.cumsum(rng.normal(size=n))}
    )
    result = ts.johansen(data, 1, "co")
    assert result.rank("trace") == 1 and result.rank("max_eig") == 1
    beta = result.vectors["r1"]
    assert beta["y"] / beta["x"] == pytest.approx(-0.5, abs=0.05)
    assert abs(beta["z"]) < 0.05
    # y closes the gap (y - 2x = -2 (x - y/2) shrinks by half a period: alpha_y = 1); x and z do not
    # adjust
    alpha = result.loadings["r1"]
    assert alpha["y"] == pytest.approx(1.0, abs=0.15)
    assert abs(alpha["x"]) < 0.15 and abs(alpha["z"]) < 0.15


def test_centred_dummies_sum_to_zero_over_a_year():
    dummies = ts.centred_seasonal_dummies(8, 4)
    assert dummies.shape == (8, 3)
    np.testing.assert_allclose(dummies[:4].sum(axis=0), 0)
    np.testing.assert_allclose(dummies[0], [0.75, -0.25, -0.25])


@pytest.mark.parametrize(
    "kwargs, error, words",
    [
        (
            dict(deterministic="ct"),
            ValueError,
            "deterministic must be one of 'n', 'ci', 'co', 'coli', 'colo', 'rc', "
            "'c', 'rt', 't'; got 'ct'",
        ),
        (
            dict(k_ar_diff=-1),
            ValueError,
            "k_ar_diff must be an integer at least 0; got -1",
        ),
        (dict(seasons=1), ValueError, "seasons must be 0"),
    ],
)
def test_johansen_rejects_bad_options(coint_data, kwargs, error, words):
    with pytest.raises(error, match=words):
        ts.johansen(coint_data, **kwargs)


# -- bad input shared by every entry point -------------------------------------------------------


def _bad_frames():
    rng = np.random.default_rng(1)
    good = pd.DataFrame(
        rng.normal(size=(60, 2)).cumsum(axis=0), columns=["a", "b"]
    )
    missing = good.copy()
    missing.loc[[3, 7], "b"] = np.nan
    constant = good.assign(b=1.0)
    text = good.assign(b="x")
    short = good.iloc[:5]
    return [
        (missing, ValueError, r"data\['b'\] has missing values at 3, 7"),
        (constant, ValueError, r"data\['b'\] is constant"),
        (text, TypeError, r"data must be numeric; column\(s\) b are not"),
        (short, ValueError, "data has 5 observations; .* needs at least"),
    ]


@pytest.mark.parametrize(
    "frame, error, words",
    _bad_frames(),
    ids=["missing", "constant", "text", "short"],
)
@pytest.mark.parametrize(
    "call",
    [
        lambda d: ts.johansen(d, 2, "co"),
        lambda d: ts.var_report(d, maxlags=4),
        lambda d: ts.adf_table(d, maxlag=4, autolag=None),
    ],
    ids=["johansen", "var_report", "adf_table"],
)
def test_bad_input_is_named(frame, error, words, call):
    with pytest.raises(error, match=words):
        call(frame)


def test_short_series_message_gives_the_arithmetic():
    two_years = pd.DataFrame(
        {
            "p": [1.0, 2.0],
            "capa": [3.0, 5.0],
            "popu": [1.0, 4.0],
            "scie": [2.0, 2.5],
            "pate": [7.0, 9.0],
        }
    )
    with pytest.raises(ValueError) as caught:
        ts.var_report(two_years, lags=4)
    assert str(caught.value) == (
        "data has 2 observations; a VAR(4) in 5 variables (21 coefficients per equation, 4 "
        "observation(s) lost to the lags, 5 residual degrees of freedom for a non-singular "
        "residual covariance) needs at least 30"
    )


def test_wrong_container():
    with pytest.raises(
        TypeError, match="data must be a pandas DataFrame; got ndarray"
    ):
        ts.adf_table(np.arange(50.0))


# -- ADF and KPSS -------------------------------------------------------------------------------


def test_adf_table_matches_adfuller_and_concludes(macro):
    table = ts.adf_table(macro, regression="ct", kpss=False)
    for _, row in table.iterrows():
        direct = adfuller(
            macro[row["series"]],
            regression="ct",
            autolag="AIC",
            result_object=True,
        )
        assert row["statistic"] == pytest.approx(direct.statistic)
        assert row["pvalue"] == pytest.approx(direct.pvalue)
        assert row["lags"] == direct.lags
        assert row["cv_5%"] == pytest.approx(direct.critical_values["5%"])
        # log levels of US output and spending
        assert row["conclusion"] == "unit root not rejected"


def test_adf_and_kpss_on_a_random_walk_and_white_noise():
    rng = np.random.default_rng(7)
    data = pd.DataFrame(
        {
            "walk": np.cumsum(rng.normal(size=400)),
            "noise": rng.normal(size=400),
        }
    )
    with warnings.catch_warnings():
        # the KPSS interpolation warning must be handled inside
        warnings.simplefilter("error")
        table = ts.adf_table(data).set_index(["series", "test"])
    assert table.loc[("walk", "ADF"), "conclusion"] == "unit root not rejected"
    assert table.loc[("walk", "KPSS"), "conclusion"] == "stationarity rejected"
    assert (
        table.loc[("noise", "ADF"), "conclusion"]
        == "unit root rejected: stationary"
    )
    assert (
        table.loc[("noise", "KPSS"), "conclusion"]
        == "stationarity not rejected"
    )
    # the KPSS tables stop at p = 0.01 and 0.10; such p-values are reported as bounds
    assert (
        table.loc[("walk", "KPSS"), "pvalue_bound"] == "<"
        and table.loc[("walk", "KPSS"), "pvalue"] == 0.01
    )
    for _, row in table.xs("KPSS", level="test").iterrows():
        assert (row["pvalue_bound"] == "") == (0.01 < row["pvalue"] < 0.1)


def test_mackinnon_surfaces():
    # asymptotic values: MacKinnon (2010), Table 2, constant only
    assert ts.mackinnon_critical_values(None, "c").tolist() == [
        -3.43035,
        -2.86154,
        -2.56677,
    ]
    # finite samples agree with what adfuller reports for the same number of observations
    rng = np.random.default_rng(3)
    direct = adfuller(
        rng.normal(size=40),
        maxlag=0,
        autolag=None,
        regression="ct",
        result_object=True,
    )
    ours = ts.mackinnon_critical_values(direct.nobs, "ct")
    assert ours["1%"] == pytest.approx(direct.critical_values["1%"])
    # critical values grow in magnitude as the sample shrinks
    assert (
        ts.mackinnon_critical_values(25, "c")["5%"]
        < ts.mackinnon_critical_values(250, "c")["5%"]
    )
    with pytest.raises(
        ValueError, match="nobs must be a number above 0; got 0"
    ):
        ts.mackinnon_critical_values(0)


def test_match_mackinnon_finds_the_sample_behind_real_critical_values():
    truth = ts.mackinnon_critical_values(37, "ct")
    fit = ts.match_mackinnon(truth.round(4))
    assert fit.loc["ct", "nobs"] == 37 and fit.loc["ct", "largest_gap"] < 1e-4
    # the other cases cannot mimic it
    assert fit["largest_gap"].drop("ct").min() > 0.1
    # an impossible triple (the 5% value below the 1% value) is far from every case and size
    impossible = ts.match_mackinnon(
        {"1%": -3.2546, "5%": -3.2587, "10%": -3.4571}
    )
    assert impossible["largest_gap"].min() > 0.5
    with pytest.raises(ValueError, match="printed must give numbers"):
        ts.match_mackinnon({"5%": -2.9})


@pytest.mark.parametrize("lags, regression", [(0, "c"), (2, "ct"), (1, "n")])
def test_vectorised_adf_statistic_equals_adfuller(lags, regression):
    paths = ts.simulate_ar1(0.9, 30, 5, seed=1)
    ours = ts.adf_statistics(paths, lags, regression)
    theirs = [
        adfuller(
            p,
            maxlag=lags,
            autolag=None,
            regression=regression,
            result_object=True,
        ).statistic
        for p in paths
    ]
    np.testing.assert_allclose(ours, theirs, rtol=1e-10)


def test_monte_carlo_size_and_power():
    rates = ts.adf_rejection_rates(
        [10, 50, 100], [1.0, 0.7], n_reps=4000, seed=5
    )
    # under the null the rejection rate is the nominal 5% within Monte Carlo error (3 s.e.)
    assert (abs(rates[1.0] - 0.05) < 3 * np.sqrt(0.05 * 0.95 / 4000)).all()
    # power rises with the sample size and is close to the size when T is small
    assert (
        rates[0.7].is_monotonic_increasing
        and rates.loc[100, 0.7] > 0.9
        and rates.loc[10, 0.7] < 0.15
    )
    again = ts.adf_rejection_rates(
        [10, 50, 100], [1.0, 0.7], n_reps=4000, seed=5
    )
    pd.testing.assert_frame_equal(rates, again)
    with pytest.raises(
        ValueError, match="alpha must be one of 0.01, 0.05, 0.1; got 0.2"
    ):
        ts.adf_rejection_rates([10], [1.0], alpha=0.2)
    with pytest.raises(
        ValueError, match="root must be a number between 0 and 1; got 1.2"
    ):
        ts.simulate_ar1(1.2, 10, 2, seed=0)
    with pytest.raises(ValueError, match="paths has 1 observations"):
        ts.adf_statistics(ts.simulate_ar1(1.0, 3, 2, seed=0), lags=1)


# -- VAR and FEVD ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def growth_var(macro):
    return ts.var_report(100 * macro.diff().dropna(), maxlags=8)


def test_var_report_selects_on_a_common_sample(growth_var, macro):
    from statsmodels.tsa.api import VAR

    order = VAR(
        100 * macro.diff().dropna().reset_index(drop=True)
    ).select_order(8)
    assert growth_var.lags == order.selected_orders["aic"]
    assert growth_var.chosen["BIC"] == order.selected_orders["bic"]
    assert growth_var.is_stable and growth_var.roots.max() < 1
    assert (
        0 <= growth_var.whiteness.pvalue <= 1
        and 0 <= growth_var.normality.pvalue <= 1
    )
    assert growth_var.summary["stable"] == "yes"


def test_fevd_table_equals_statsmodels(growth_var):
    results = growth_var.results
    table = ts.fevd_table(results, horizons=[1, 4, 10])
    decomposition = results.fevd(10).decomp
    for i, name in enumerate(results.names):
        np.testing.assert_allclose(
            table.loc[name].drop(columns="S.E.").to_numpy(),
            100 * decomposition[i, [0, 3, 9]],
            atol=1e-10,
        )
        se = np.sqrt(np.diagonal(results.mse(10), axis1=1, axis2=2))[
            [0, 3, 9], i
        ]
        np.testing.assert_allclose(table.loc[name, "S.E."], se)


def test_fevd_ordering(growth_var):
    results = growth_var.results
    reordered = ts.fevd_table(
        results, horizons=[1, 2, 20], order=["realinv", "realgdp", "realcons"]
    )
    default = ts.fevd_table(results, horizons=[1, 2, 20])
    # rows sum to 100; the variable placed first explains all of its own one-step variance
    np.testing.assert_allclose(reordered.drop(columns="S.E.").sum(axis=1), 100)
    assert reordered.loc[("realinv", 1), "realinv"] == pytest.approx(100)
    assert list(reordered.columns) == [
        "S.E.",
        "realinv",
        "realgdp",
        "realcons",
    ]
    # the forecast standard errors do not depend on the ordering
    np.testing.assert_allclose(reordered["S.E."], default["S.E."])
    with pytest.raises(ValueError, match="order must list each of"):
        ts.fevd_table(results, order=["realgdp"])
    with pytest.raises(TypeError, match="VARResults"):
        ts.fevd_table("not a fit")


def test_check_fevd_table_passes_a_computed_table_and_flags_a_printed_one(
    growth_var,
):
    computed = ts.fevd_table(
        growth_var, horizons=[1, 5, 10, 40], variable="realgdp"
    ).round(2)
    findings = ts.check_fevd_table(computed, decimals=2)
    assert findings["ok"].all() and len(findings) == 4
    assert findings["se_non_decreasing"].iloc[0] is None
    printed = computed.copy()
    printed.loc[10, "realcons"] += 5
    printed.loc[40, "S.E."] = printed.loc[1, "S.E."] / 2
    printed.loc[5, "realinv"] = -1.0
    # keeps row 5's sum at 100
    printed.loc[5, "realgdp"] += 1.0 + computed.loc[5, "realinv"]
    findings = ts.check_fevd_table(printed, decimals=2)
    assert findings["ok"].tolist() == [True, False, False, False]
    assert findings.loc[5, "finding"] == "a share lies outside [0, 100]"
    assert findings.loc[10, "finding"] == "shares sum to 105.00, not 100"
    assert findings.loc[40, "finding"].startswith("S.E. falls from")


def test_check_fevd_table_rounding_tolerance():
    table = pd.DataFrame(
        {"S.E.": [1.0], "a": [33.33], "b": [33.33], "c": [33.33]}, index=[1]
    )
    assert ts.check_fevd_table(table, decimals=2)[
        "sums_to_100"
    ].all()  # 99.99 is rounding
    assert not ts.check_fevd_table(table, decimals=3)["sums_to_100"].all()


@pytest.mark.parametrize(
    "table, words",
    [
        (
            pd.DataFrame({"a": [50.0], "b": [50.0]}, index=[1]),
            "table has 2 column\\(s\\); at least 3",
        ),
        (
            pd.DataFrame({"a": [50.0], "b": [50.0], "c": [0.0]}, index=[1]),
            "table lacks column\\(s\\) S.E.",
        ),
        (
            pd.DataFrame(
                {"S.E.": [1.0, 2.0], "a": [50.0, 50], "b": [50.0, 50]},
                index=[5, 1],
            ),
            "increasing horizons",
        ),
        (
            pd.DataFrame(
                {"S.E.": [1.0], "a": [np.nan], "b": [50.0]}, index=[1]
            ),
            "missing values",
        ),
    ],
)
def test_check_fevd_table_bad_input(table, words):
    with pytest.raises(ValueError, match=words):
        ts.check_fevd_table(table)


@pytest.mark.parametrize(
    "case, seasons", [("n", 0), ("ci", 0), ("co", 4), ("colo", 0)]
)
def test_minimum_observations_are_exact(case, seasons):
    rng = np.random.default_rng(11)
    needed = ts.johansen_minimum_observations(3, 2, case, seasons)
    data = pd.DataFrame(
        rng.normal(size=(needed, 3)).cumsum(axis=0), columns=list("abc")
    )
    assert np.isfinite(
        ts.johansen(data, 2, case, seasons).tests["trace"]
    ).all()
    with pytest.raises(ValueError, match=f"needs at least {needed}$"):
        ts.johansen(data.iloc[:-1], 2, case, seasons)
    needed = ts.var_minimum_observations(3, 2)
    assert ts.var_report(data.iloc[:needed], lags=2).results.df_resid == 3
    with pytest.raises(ValueError, match=f"needs at least {needed}$"):
        ts.var_report(data.iloc[: needed - 1], lags=2)


def test_loadings_times_vectors_is_the_unrestricted_long_run_matrix(
    coint_data,
):
    """At full rank alpha beta' equals the OLS coefficient of y_{t-1} in the unrestricted VECM."""
    result = ts.johansen(coint_data, k_ar_diff=2, deterministic="co")
    y = coint_data.to_numpy()
    dy = np.diff(y, axis=0)
    rows = slice(2, None)
    regressors = np.column_stack(
        [y[2:-1], dy[1:-1], dy[:-2], np.ones(len(dy) - 2)]
    )
    ols = np.linalg.lstsq(regressors, dy[rows], rcond=None)[0][:8].T
    np.testing.assert_allclose(
        result.loadings.to_numpy() @ result.vectors.to_numpy().T,
        ols,
        atol=1e-10,
    )


@pytest.mark.parametrize("case", ["n", "ci", "co", "coli"])
def test_vectors_equal_statsmodels_vecm(macro, case):
    """statsmodels' VECM estimates beta by the same reduced-rank regression, restricted terms
    included; the package names the cases by statsmodels' codes, so one string serves both."""
    from statsmodels.tsa.vector_ar.vecm import VECM

    fitted = VECM(macro, k_ar_diff=4, coint_rank=1, deterministic=case).fit()
    ours = (
        ts.johansen(macro, 4, case)
        .vectors["r1"]
        .to_numpy()[: fitted.beta.shape[0]]
    )
    np.testing.assert_allclose(ours, fitted.beta[:, 0], rtol=1e-7)


@pytest.mark.parametrize("old, code", sorted(ts.JOHANSEN_ALIASES.items()))
def test_older_case_names_still_work(coint_data, old, code):
    """Calls written with the names the package used before (rc, c, rt, t) port unchanged."""
    by_old, by_code = (
        ts.johansen(coint_data, 2, name) for name in (old, code)
    )
    assert by_old.deterministic == code
    pd.testing.assert_frame_equal(by_old.tests, by_code.tests)
    assert ts.johansen_minimum_observations(
        3, 2, old
    ) == ts.johansen_minimum_observations(3, 2, code)
    if code in ts.VECM_CASES:
        np.testing.assert_allclose(
            ts.vecm_fit(coint_data.iloc[:, :3], 2, 1, old).beta,
            ts.vecm_fit(coint_data.iloc[:, :3], 2, 1, code).beta,
        )


def test_collinear_series_are_named_not_a_linalg_error():
    from helpers import data
    from helpers.errors import InputError

    macro = data.statsmodels_macrodata()
    levels = np.log(
        pd.DataFrame(
            {"gdp": macro["realgdp"], "gdp_twice": 2 * macro["realgdp"]}
        )
    )
    with pytest.raises(InputError, match="gdp_twice is a linear combination"):
        ts.var_report(levels.diff().dropna(), maxlags=4)
    with pytest.raises(InputError, match="gdp_twice is a linear combination"):
        ts.johansen(levels, k_ar_diff=1)
