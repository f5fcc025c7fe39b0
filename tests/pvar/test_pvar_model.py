"""helpers.pvar against xtabond2, R panelvar and pydynpd on the Arellano-Bond data, and against
properties that need no external data."""

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from helpers import data, pvar
from helpers.display import coefficient_table, stars
from helpers.errors import InputError
from helpers.pvar import simulate as synthetic

ATOL = 1e-5  # the shipped abdata (from panelbox) is rounded to about 1e-7


@pytest.fixture(scope="module")
def abdata() -> pd.DataFrame:
    return data.load("abdata")


def arellano_bond(data, **options):
    return pvar.PanelVAR(
        data,
        "n",
        lags=2,
        entity="id",
        time="year",
        transform="fd",
        predetermined="w",
        exog="k",
        instrument_lags=(2, 4),
        predetermined_lags=(1, 3),
        **options,
    ).fit()


def test_difference_gmm_matches_xtabond2(abdata):
    # xtabond2 n L(1/2).n w k, gmm(n, lag(2 4)) gmm(w, lag(1 3)) iv(k) nolevel twostep robust
    result = arellano_bond(abdata)
    row = result.params.loc["n"]
    assert list(row.index) == ["L1.n", "L2.n", "w", "k"]
    np.testing.assert_allclose(
        row, [0.1700616, -0.0113381, -0.9510582, 0.4637223], atol=ATOL, rtol=0
    )
    np.testing.assert_allclose(
        result.std_errors.loc["n"],
        [0.1046652, 0.0377205, 0.1277298, 0.0718328],
        atol=ATOL,
        rtol=0,
    )
    assert (result.nobs, result.n_entities, result.n_instruments) == (
        611,
        140,
        36,
    )
    assert result.j_stat.df == 32
    assert round(result.j_stat.stat, 2) == 47.86


def test_system_gmm_matches_panelvar_and_pydynpd(abdata):
    result = arellano_bond(abdata, system=True)
    assert list(result.params.columns) == ["L1.n", "L2.n", "w", "k", "const"]
    np.testing.assert_allclose(
        result.params.loc["n"],
        [0.9453810, -0.0860069, -0.4477795, 0.1235808, 1.5630849],
        atol=ATOL,
        rtol=0,
    )
    np.testing.assert_allclose(
        result.std_errors.loc["n"],
        [0.1429764, 0.1082318, 0.1521917, 0.0508836, 0.4993484],
        atol=ATOL,
        rtol=0,
    )
    assert result.j_stat.df == 46
    assert round(result.j_stat.stat, 2) == 96.44


# plm's mtest and xtabond2's AR tests and difference-in-Hansen tests on the model of
# test_difference_gmm_matches_xtabond2, as published in pydynpd's benchmark log
# (github.com/dazhwu/pydynpd, Benchmark/test_1.md): plm 2.x summary, "Autocorrelation test (1):
# normal = -1.187819", "(2): normal = -0.8112457"; xtabond2 "z = -1.19 Pr > z = 0.235" and
# "z = -0.81 Pr > z = 0.417", and its difference-in-Hansen table.
def test_serial_correlation_matches_plm_and_xtabond2(abdata):
    tests = arellano_bond(abdata).serial_correlation()
    np.testing.assert_allclose(
        tests["z"], [-1.187819, -0.8112457], atol=ATOL, rtol=0
    )
    assert tests["pvalue"].round(3).tolist() == [0.235, 0.417]


def test_difference_in_hansen_matches_xtabond2(abdata):
    table = arellano_bond(abdata).difference_in_hansen()
    assert table.index.tolist() == ["gmm(n)", "gmm(w)", "iv(k)"]
    assert table["df"].tolist() == [15, 14, 31]
    assert table["J without"].round(2).tolist() == [23.75, 17.25, 38.33]
    assert table["difference df"].tolist() == [17, 18, 1]
    assert table["difference"].round(2).tolist() == [24.11, 30.61, 9.53]
    assert table["pvalue"].round(3).tolist() == [0.069, 0.243, 0.171]
    assert table["difference pvalue"].round(3).tolist() == [
        0.117,
        0.032,
        0.002,
    ]


def test_system_serial_correlation_matches_pydynpd(abdata):
    # pydynpd on the system GMM model of test_system_gmm_matches_panelvar_and_pydynpd (its
    # Benchmark/test_2.md): "AR(1) ... z = -2.35 Pr > z =0.019", "AR(2) ... z = -1.15 Pr > z =0.251"
    tests = arellano_bond(abdata, system=True).serial_correlation()
    assert tests["z"].round(2).tolist() == [-2.35, -1.15]
    assert tests["pvalue"].round(3).tolist() == [0.019, 0.251]
    groups = arellano_bond(abdata, system=True).difference_in_hansen()
    assert groups.index[0] == "GMM instruments for levels"
    # a group of system GMM holds the variable's instruments in both equations
    assert groups.loc["gmm(n)", "instruments"] == 17 + 7


def serially_correlated_panel(rho: float, seed: int) -> pd.DataFrame:
    """y_it = 0.5 y_i,t-1 + mu_i + e_it with e_it = rho e_i,t-1 + v_it (SIMULATED)."""
    rng = np.random.default_rng(seed)
    n_units, n_periods, burn = 1000, 8, 30
    mu = rng.normal(size=n_units)
    y = np.zeros(n_units)
    e = np.zeros(n_units)
    rows = []
    for t in range(burn + n_periods):
        e = rho * e + rng.normal(size=n_units)
        y = 0.5 * y + mu + e
        if t >= burn:
            rows.append(
                pd.DataFrame({"unit": range(n_units), "t": t - burn, "y": y})
            )
    return pd.concat(rows, ignore_index=True)


@pytest.mark.parametrize("transform", pvar.TRANSFORMS)
def test_serial_correlation_detects_correlated_errors(transform):
    # with errors uncorrelated over time, AR(1) rejects (differencing makes it so) and AR(2)
    # does not; with AR(1) errors in levels (rho = 0.6), the differenced errors two periods
    # apart have covariance -rho (1 - rho)^2 Var(e) < 0, and the AR(2) test rejects
    def ar_tests(rho):
        fit = pvar.PanelVAR(
            serially_correlated_panel(rho, seed=3),
            "y",
            entity="unit",
            time="t",
            transform=transform,
            instrument_lags=(2, 4) if transform == "fd" else (3, 5),
            steps="onestep",
        ).fit()
        return fit.serial_correlation()["z"].to_numpy()

    white = ar_tests(0.0)
    assert white[0] < -5 and abs(white[1]) < 2.5
    assert ar_tests(0.6)[1] < -4


def ex3(abdata, **options):
    # R panelvar's shipped example ex3_abdata (levels of employment, wages and capital).
    return pvar.PanelVAR(
        abdata,
        "emp",
        lags=4,
        entity="id",
        time="year",
        transform="fd",
        predetermined="wage",
        exog="cap",
        system=True,
        instrument_lags=(2, None),
        predetermined_lags=(1, None),
        **options,
    ).fit()


EX3_TWOSTEP = [
    1.090499764,
    -0.1769780554,
    0.1456248981,
    -0.161723504,
    -0.08620769681,
    0.05581936661,
    2.103864942,
]
EX3_SE = [
    0.1488671848,
    0.0764049489,
    0.06445530042,
    0.1133740907,
    0.04184672662,
    0.04458216634,
    1.005567347,
]
EX3_ONESTEP = [
    1.108819344,
    -0.1856376794,
    0.1341826938,
    -0.1556614977,
    -0.1012802006,
    0.05392014461,
    2.510863778,
]


@pytest.mark.parametrize("inverse", pvar.INVERSES)
def test_panelvar_example_ex3(abdata, inverse):
    two = ex3(abdata, inverse=inverse)
    np.testing.assert_allclose(
        two.params.loc["emp"], EX3_TWOSTEP, atol=ATOL, rtol=0
    )
    np.testing.assert_allclose(
        two.std_errors.loc["emp"], EX3_SE, atol=ATOL, rtol=0
    )
    assert two.j_stat.df == 53
    assert two.j_stat.stat == pytest.approx(86.48597863, abs=1e-3)
    one = ex3(abdata, inverse=inverse, steps="onestep")
    np.testing.assert_allclose(
        one.params.loc["emp"], EX3_ONESTEP, atol=ATOL, rtol=0
    )


# R panelvar 0.5.6's published example 1, ex1_dahlberg_data: pvargmm(dependent_vars =
# c("expenditures", "revenues", "grants"), lags = 1, transformation = "fod", data = Dahlberg,
# steps = "twostep", system_instruments = FALSE, max_instr_dependent_vars = 99,
# min_instr_dependent_vars = 2L, collapse = FALSE). The numbers are the fitted object that panelvar
# ships (data/ex1_dahlberg_data.rda, read without R): first_step, second_step and their standard
# errors (Windmeijer-corrected in the second step), equations by rows; and Hansen's J from the
# object's own pieces by panelvar's hansen_j_test (Z_u' W_2 Z_u), 263.0076078 on 252 - 9 df.
EX1_ONESTEP = [
    [0.2841178869808805, -0.04383889308493667, -1.6826230562699414],
    [0.25640354757916806, 0.06073771124244649, -2.2466220736093385],
    [0.016556611830716918, -0.040359210955292955, 0.3183235222788035],
]
EX1_ONESTEP_SE = [
    [0.06404729479534212, 0.06105722093515398, 0.27545151525120354],
    [0.07732036998719541, 0.07006930177412793, 0.27961630198510273],
    [0.016317373264428704, 0.014113241303211793, 0.050226511752223375],
]
EX1_TWOSTEP = [
    [0.2846164119736765, -0.04702069888137719, -1.674606124076874],
    [0.25834785203401406, 0.05878479420253063, -2.236663916407246],
    [0.016661287885774395, -0.04049592490769685, 0.32039474124445605],
]
EX1_TWOSTEP_SE = [
    [0.06643324580158601, 0.06372173274405747, 0.2817554056767431],
    [0.07949044154663824, 0.07263120373336447, 0.2846312953151958],
    [0.017179382628561155, 0.015086590462070245, 0.052123301784381335],
]


@pytest.fixture(scope="module")
def dahlberg() -> pd.DataFrame:
    import hashlib

    import yaml

    fixtures = Path(__file__).resolve().parents[1] / "fixtures"
    path = fixtures / "dahlberg.csv"
    meta = yaml.safe_load(
        (fixtures / "dahlberg.yml").read_text(encoding="utf-8")
    )
    assert hashlib.sha256(path.read_bytes()).hexdigest() == meta["sha256"]
    return pd.read_csv(path)


def ex1(dahlberg, steps):
    # panelvar's call, ported unchanged: min_instr_dependent_vars = 2L is instrument_lags=(2, None)
    return pvar.PanelVAR(
        dahlberg,
        ["expenditures", "revenues", "grants"],
        lags=1,
        entity="id",
        time="year",
        transform="fod",
        instrument_lags=(2, None),
        steps=steps,
        inverse="panelvar",
    ).fit()


def test_fod_matches_panelvar_example_ex1(dahlberg):
    one, two = ex1(dahlberg, "onestep"), ex1(dahlberg, "twostep")
    assert (one.nobs, one.n_entities, one.n_instruments) == (1855, 265, 84)
    np.testing.assert_allclose(one.params, EX1_ONESTEP, rtol=1e-8, atol=0)
    np.testing.assert_allclose(
        one.std_errors, EX1_ONESTEP_SE, rtol=1e-8, atol=0
    )
    np.testing.assert_allclose(two.params, EX1_TWOSTEP, rtol=1e-8, atol=0)
    np.testing.assert_allclose(
        two.std_errors, EX1_TWOSTEP_SE, rtol=1e-8, atol=0
    )
    assert two.j_stat.df == 243
    assert two.j_stat.stat == pytest.approx(263.0076078, abs=1e-6)


def test_fod_lag_one_would_be_the_current_level(dahlberg):
    with pytest.raises(
        ValueError, match="must start at lag 2 or later under FOD"
    ):
        pvar.PanelVAR(
            dahlberg,
            "expenditures",
            entity="id",
            time="year",
            transform="fod",
            instrument_lags=(1, None),
        )


def test_scaled_inverse_is_invariant_to_units(abdata):
    # Multiplying every variable by 1e-5 leaves slopes unchanged and scales the constant.
    scaled = abdata.assign(
        emp=abdata.emp * 1e-5, wage=abdata.wage * 1e-5, cap=abdata.cap * 1e-5
    )
    base, small = ex3(abdata), ex3(scaled)
    np.testing.assert_allclose(
        small.params.iloc[0, :-1], base.params.iloc[0, :-1], rtol=1e-8
    )
    assert small.params.iloc[0, -1] == pytest.approx(
        base.params.iloc[0, -1] * 1e-5, rel=1e-8
    )


def test_panelvar_rule_depends_on_units(abdata):
    # panelvar's absolute 1e-9 eigenvalue threshold switches to a pseudo-inverse in small units.
    scaled = abdata.assign(
        emp=abdata.emp * 1e-5, wage=abdata.wage * 1e-5, cap=abdata.cap * 1e-5
    )
    base = ex3(abdata, inverse="panelvar")
    # the pseudo-inverse makes the corrected covariance indefinite here: its negative variances
    # were clipped to standard errors of zero before; now they are missing, with a warning
    with pytest.warns(
        pvar.CovarianceWarning, match="negative estimated variance"
    ):
        small = ex3(scaled, inverse="panelvar")
    assert (
        np.abs(small.params.iloc[0, :-1] - base.params.iloc[0, :-1]).max()
        > 1e-3
    )
    assert small.std_errors.iloc[0].isna().any()


# -- multi-equation properties ---------------------------------------------------------------------

TRUE_A = pd.DataFrame([[0.5, 0.1], [0.2, 0.4]], columns=["y1", "y2"])


@pytest.fixture(scope="module")
def large_panel() -> pd.DataFrame:
    return synthetic.pvar_panel(
        TRUE_A,
        n_units=3000,
        n_periods=7,
        seed=1,
        sigma=[[1.0, 0.3], [0.3, 1.0]],
    )


@pytest.mark.parametrize("transform", pvar.TRANSFORMS)
def test_large_n_recovers_the_truth(large_panel, transform):
    # Lag 2 is the level dated t-2 for FD and t-1 for FOD (by far the strongest instrument there).
    result = pvar.PanelVAR(
        large_panel,
        ["y1", "y2"],
        entity="entity",
        time="time",
        transform=transform,
        collapse=True,
        instrument_lags=(2, None),
    ).fit()
    np.testing.assert_allclose(
        result.params.to_numpy(), TRUE_A.to_numpy(), atol=0.05
    )
    # and the estimates are within four standard errors of the truth
    assert (
        np.abs(result.params.to_numpy() - TRUE_A.to_numpy())
        < 4 * result.std_errors.to_numpy()
    ).all()
    if transform == "fod":
        np.testing.assert_allclose(
            result.residual_cov.to_numpy(), [[1.0, 0.3], [0.3, 1.0]], atol=0.05
        )


def test_fd_and_fod_coincide_with_all_instruments():
    # Arellano & Bover (1995): with every available lag as an instrument, one-step GMM on first
    # differences (H = DD') and on forward orthogonal deviations (H = I) is the same estimator.
    # Under FOD the level dated t-1 is already valid, under FD the one dated t-2.
    panel = synthetic.pvar_panel(TRUE_A, n_units=60, n_periods=6, seed=2)
    common = dict(entity="entity", time="time", steps="onestep")
    fd = pvar.PanelVAR(
        panel,
        ["y1", "y2"],
        transform="fd",
        instrument_lags=(2, None),
        **common,
    ).fit()
    fod = pvar.PanelVAR(
        panel,
        ["y1", "y2"],
        transform="fod",
        instrument_lags=(2, None),
        **common,
    ).fit()
    np.testing.assert_allclose(fd.params, fod.params, rtol=1e-9, atol=1e-12)
    # a real estimate, not the truth
    assert not np.allclose(fd.params, TRUE_A.to_numpy(), atol=1e-3)


def test_just_identified_equals_closed_form_iv():
    # Anderson-Hsiao: D.y on D.L1.y instrumented by y_{t-2}: b = sum(y_{t-2} Dy_t) / sum(y_{t-2}
    # Dy_{t-1}).
    panel = synthetic.pvar_panel(TRUE_A, n_units=200, n_periods=6, seed=3)
    g = panel.groupby("entity")["y1"]
    dy = panel["y1"] - g.shift(1)
    dy_lag = g.shift(1) - g.shift(2)
    z = g.shift(2)
    ok = dy.notna() & dy_lag.notna() & z.notna()
    closed_form = (z[ok] * dy[ok]).sum() / (z[ok] * dy_lag[ok]).sum()
    for steps in pvar.STEPS:
        result = pvar.PanelVAR(
            panel,
            "y1",
            entity="entity",
            time="time",
            transform="fd",
            collapse=True,
            instrument_lags=(2, 2),
            steps=steps,
        ).fit()
        assert result.params.iloc[0, 0] == pytest.approx(
            closed_form, rel=1e-10
        )
        assert result.j_stat.df == 0


@pytest.fixture(scope="module")
def bivariate():
    panel = synthetic.pvar_panel(
        TRUE_A,
        n_units=1500,
        n_periods=7,
        seed=4,
        sigma=[[1.0, 0.5], [0.5, 2.0]],
    )
    return pvar.PanelVAR(
        panel,
        ["y1", "y2"],
        entity="entity",
        time="time",
        collapse=True,
        instrument_lags=(2, None),
    ).fit()


def test_granger_single_coefficient_is_z_squared(bivariate):
    granger = bivariate.granger()
    assert granger.loc[("y1", "y2"), "chi2"] == pytest.approx(
        bivariate.tstats.loc["y1", "L1.y2"] ** 2, rel=1e-10
    )
    assert granger.loc[("y1", "y2"), "df"] == 1
    # the true coefficient 0.2 with 1500 units
    assert granger.loc[("y2", "y1"), "pvalue"] < 1e-3


def test_fevd_rows_sum_to_100(bivariate):
    fevd = bivariate.fevd(12, order=["y2", "y1"])
    assert list(fevd.columns) == [
        "S.E.",
        "y2",
        "y1",
    ]  # the shocks in the Cholesky ordering
    shares = fevd.drop(columns="S.E.")
    np.testing.assert_allclose(shares.sum(axis=1), 100.0, rtol=1e-12)
    assert ((shares >= 0) & (shares <= 100)).all().all()
    assert (fevd["S.E."].groupby(level="response").diff().dropna() >= 0).all()
    # at horizon 1 the first variable in the ordering owes all its variance to its own shock
    assert fevd.loc[("y2", 1), "y2"] == pytest.approx(100.0)


def test_oirf_at_horizon_zero_is_the_cholesky_factor(bivariate):
    sigma = bivariate.residual_cov.to_numpy()
    irf = bivariate.irf(5)["value"]
    impact = np.array(
        [
            [irf.loc[(imp, resp, 0)] for imp in ["y1", "y2"]]
            for resp in ["y1", "y2"]
        ]
    )
    np.testing.assert_allclose(impact, np.linalg.cholesky(sigma), rtol=1e-12)
    # reversed ordering: the Cholesky factor of the reordered covariance
    rev = bivariate.irf(5, order=["y2", "y1"])["value"]
    chol = np.linalg.cholesky(sigma[::-1, ::-1])
    assert rev.loc[("y2", "y2", 0)] == pytest.approx(chol[0, 0])
    assert rev.loc[("y2", "y1", 0)] == pytest.approx(chol[1, 0])
    assert rev.loc[("y1", "y2", 0)] == pytest.approx(0.0, abs=1e-15)


def test_irf_follows_the_ma_recursion(bivariate):
    A = bivariate.coefficient_matrices()[0]
    P = np.linalg.cholesky(bivariate.residual_cov.to_numpy())
    irf = bivariate.irf(3)["value"]
    at3 = np.array(
        [
            [irf.loc[(imp, resp, 3)] for imp in ["y1", "y2"]]
            for resp in ["y1", "y2"]
        ]
    )
    np.testing.assert_allclose(
        at3, np.linalg.matrix_power(A, 3) @ P, rtol=1e-12
    )
    cumulative = bivariate.irf(3, cumulative=True)["value"]
    assert cumulative.loc[("y1", "y2", 3)] == pytest.approx(
        irf.loc[("y1", "y2")].sum()
    )


def test_generalized_irf(bivariate):
    sigma = bivariate.residual_cov.to_numpy()
    g = bivariate.irf(4, kind="generalized")["value"]
    # horizon 0: Sigma e_j / sqrt(sigma_jj); the own response is one standard deviation
    assert g.loc[("y2", "y2", 0)] == pytest.approx(np.sqrt(sigma[1, 1]))
    assert g.loc[("y2", "y1", 0)] == pytest.approx(
        sigma[0, 1] / np.sqrt(sigma[1, 1])
    )
    reordered = bivariate.irf(4, kind="generalized", order=["y2", "y1"])[
        "value"
    ]
    np.testing.assert_allclose(g, reordered.loc[g.index])


@pytest.mark.parametrize("method", ["montecarlo", "bootstrap"])
def test_bands_are_seeded_and_bracket_the_estimate(bivariate, method):
    draws = 400 if method == "montecarlo" else 60
    a = bivariate.irf_bands(6, method=method, n_reps=draws, seed=7)
    b = bivariate.irf_bands(6, method=method, n_reps=draws, seed=7)
    pd.testing.assert_frame_equal(a, b)
    assert (a["lower"] <= a["upper"]).all()
    inside = (a["lower"] <= a["value"]) & (a["value"] <= a["upper"])
    assert inside.mean() > 0.9
    c = bivariate.irf_bands(6, method=method, n_reps=draws, seed=8)
    assert not np.allclose(a["lower"], c["lower"])


def test_stability_eigenvalues(bivariate):
    eig = np.sort(
        np.abs(np.linalg.eigvals(bivariate.coefficient_matrices()[0]))
    )
    np.testing.assert_allclose(np.sort(bivariate.stability()["modulus"]), eig)
    assert bivariate.is_stable


def test_select_order_uses_a_common_sample():
    panel = synthetic.pvar_panel(TRUE_A, n_units=300, n_periods=9, seed=5)
    model = pvar.PanelVAR(
        panel,
        ["y1", "y2"],
        entity="entity",
        time="time",
        collapse=True,
        instrument_lags=(2, 4),
    )
    table = model.select_order(3)
    assert list(table.index) == [1, 2, 3]
    assert table["nobs"].nunique() == 1
    assert table["MMSC-BIC"].idxmin() == 1  # the truth is a VAR(1)


def test_forward_orthogonal_deviations_by_hand():
    x = np.array([[1.0, 2.0, 4.0, 7.0], [1.0, np.nan, 3.0, 5.0]])
    out = pvar.forward_orthogonal_deviations(x)
    assert out[0, 0] == pytest.approx(np.sqrt(3 / 4) * (1 - (2 + 4 + 7) / 3))
    assert out[0, 2] == pytest.approx(np.sqrt(1 / 2) * (4 - 7))
    assert np.isnan(out[0, 3])
    # a gap: the later observations that exist
    assert out[1, 0] == pytest.approx(np.sqrt(2 / 3) * (1 - 4))
    assert np.isnan(out[1, 1])


def test_unbalanced_panel_with_gaps(abdata):
    # drops some middle years of some firms
    holes = abdata.drop(abdata.index[5::17])
    full, gappy = arellano_bond(abdata), arellano_bond(holes)
    assert gappy.nobs < full.nobs
    assert np.isfinite(gappy.params.to_numpy()).all()
    fod = pvar.PanelVAR(
        holes,
        "n",
        lags=1,
        entity="id",
        time="year",
        predetermined="w",
        collapse=True,
    ).fit()
    assert np.isfinite(fod.std_errors.to_numpy()).all()


def test_too_many_instruments_warn():
    panel = synthetic.pvar_panel(TRUE_A, n_units=12, n_periods=8, seed=6)
    with pytest.warns(pvar.InstrumentWarning, match="singular"):
        pvar.PanelVAR(panel, ["y1", "y2"], entity="entity", time="time").fit()


def test_coefficient_table_layout(bivariate):
    table = coefficient_table(bivariate)
    assert list(table.columns) == ["y1", "y2"]
    assert (
        table.loc[("L1.y1", "t"), "y2"]
        == f"({bivariate.tstats.loc['y2', 'L1.y1']:.2f})"
    )
    assert table.loc[("L1.y1", "coef"), "y2"].endswith("***")


@pytest.mark.parametrize(
    "p, expected", [(0.005, "***"), (0.02, "**"), (0.07, "*"), (0.2, "")]
)
def test_stars(p, expected):
    assert stars(p) == expected


# -- bad input -------------------------------------------------------------------------------------


def small_panel():
    return synthetic.pvar_panel(TRUE_A, n_units=20, n_periods=6, seed=9)


def test_duplicate_keys():
    panel = small_panel()
    panel = pd.concat([panel, panel.iloc[[3]]])
    with pytest.raises(
        ValueError,
        match=r"data has duplicate \(entity, time\) keys \('1', 4\)",
    ):
        pvar.PanelVAR(panel, ["y1", "y2"], entity="entity", time="time")


def test_non_numeric_column():
    panel = small_panel().assign(y2=lambda d: d.y2.astype(str))
    with pytest.raises(
        TypeError, match=r"data must be numeric; column\(s\) y2 are not"
    ):
        pvar.PanelVAR(panel, ["y1", "y2"], entity="entity", time="time")


def test_unknown_column():
    with pytest.raises(ValueError, match=r"data lacks column\(s\) y3"):
        pvar.PanelVAR(
            small_panel(), ["y1", "y3"], entity="entity", time="time"
        )


def test_too_few_periods():
    panel = small_panel().query("time <= 2")
    with pytest.raises(
        ValueError, match="no observations are left after taking 1 lag"
    ):
        pvar.PanelVAR(panel, ["y1", "y2"], entity="entity", time="time")
    with pytest.raises(ValueError, match="only .* instruments"):
        pvar.PanelVAR(
            small_panel().query("time <= 4"),
            ["y1", "y2"],
            lags=2,
            entity="entity",
            time="time",
            transform="fd",
            collapse=True,
            instrument_lags=(2, 2),
        )


def test_constant_within_every_unit():
    panel = small_panel()
    panel["y2"] = panel["entity"] * 1.0
    with pytest.raises(ValueError, match="'y2' is constant within every unit"):
        pvar.PanelVAR(panel, ["y1", "y2"], entity="entity", time="time")


@pytest.mark.parametrize(
    "options, message",
    [
        (dict(lags=0), "lags must be an integer at least 1; got 0"),
        (
            dict(transform="within"),
            "transform must be one of 'fod', 'fd'; got 'within'",
        ),
        (
            dict(instrument_lags=(1, None)),
            "must start at lag 2 or later under FOD",
        ),
        (
            dict(instrument_lags=(0, None), transform="fd"),
            "must start at lag 1 or later under FD",
        ),
        (
            dict(instrument_lags=(3, 2)),
            r"instrument_lags \(last lag\) must be an integer at least 3; got 2",
        ),
        (dict(steps="three"), "steps must be one of"),
    ],
)
def test_bad_options(options, message):
    with pytest.raises(ValueError, match=message):
        pvar.PanelVAR(
            small_panel(),
            ["y1", "y2"],
            entity="entity",
            time="time",
            **options,
        )


def test_bad_irf_arguments(bivariate):
    with pytest.raises(
        ValueError,
        match="order must list each of \\['y1', 'y2'\\] exactly once",
    ):
        bivariate.irf(5, order=["y1"])
    with pytest.raises(ValueError, match="kind must be"):
        bivariate.irf(5, kind="cholesky")
    with pytest.raises(ValueError, match="method must be"):
        bivariate.irf_bands(5, method="delta")


def test_data_that_cannot_identify_the_model_get_one_clear_line():
    """Too few units for the coefficients, and a collinear variable, are named, not a
    LinAlgError or silent nonsense."""
    from helpers import indices
    from helpers.errors import InputError

    scores = indices.dimension_scores(indices.load_panel(None))
    settings = dict(
        lags=1,
        entity="province_zh",
        time="year",
        collapse=True,
        instrument_lags=(2, 4),
        steps="onestep",
    )
    few = scores[scores["province_zh"].isin(["北京", "河南", "四川"])]
    with pytest.raises(InputError, match="needs more units than coefficients"):
        pvar.PanelVAR(few, indices.DIMENSIONS, **settings).fit()
    collinear = scores.assign(LR=2 * scores["EQ"] + scores["AI"])
    with pytest.raises(
        InputError, match="is a linear combination of the other"
    ):
        pvar.PanelVAR(collinear, indices.DIMENSIONS, **settings).fit()


# more units than moments, and fewer
@pytest.mark.parametrize("n_units", [40, 8])
def test_onestep_j_through_the_svd_is_the_pseudo_inverse_formula(n_units):
    # J = g'(G'G)^+ g with G the units' one-step moment contributions: computed from the thin SVD
    # of G, it must equal the pseudo-inverse of the moments x moments matrix it replaced
    from helpers.pvar.gmm import Moments, estimate, pinv_psd

    rng = np.random.default_rng(n_units)
    n_inst, n_reg, n_eq = 5, 2, 3
    zx = rng.normal(size=(n_units, n_inst, n_reg))
    zy = rng.normal(size=(n_units, n_inst, n_eq))
    moments = Moments(
        zx,
        zy,
        rng.normal(size=(n_units, 4, n_inst)),  # R_i'Z_i for four periods
        np.tile(np.eye(n_reg), (n_units, 1, 1)),
        np.zeros((n_units, n_reg, n_eq)),
        np.tile(np.eye(n_eq), (n_units, 1, 1)),
        np.full(n_units, 4),
    )
    fit = estimate(moments, "onestep", "scaled")
    u = zy - zx @ fit.params
    g1 = u.transpose(0, 2, 1).reshape(n_units, n_eq * n_inst)
    g = g1.sum(0)
    assert fit.j_stat == pytest.approx(
        float(g @ pinv_psd(g1.T @ g1) @ g), rel=1e-9
    )
    assert fit.rank == np.linalg.matrix_rank(g1) == min(n_units, n_eq * n_inst)


def test_cross_dependence_sees_a_common_shock_and_demeaning_removes_it():
    # SIMULATED: a balanced PVAR(1) panel, then the same with one shock per year shared by all
    # units; demeaning each year across units removes it exactly in a balanced panel
    coefs = pd.DataFrame([[0.5, 0.1], [0.2, 0.4]], columns=["y1", "y2"])
    panel = synthetic.pvar_panel(coefs, n_units=100, n_periods=8, seed=2)

    def cd(frame):
        fit = pvar.PanelVAR(
            frame, ["y1", "y2"], entity="entity", time="time"
        ).fit()
        return fit.cross_dependence()["CD"].abs().max()

    assert cd(panel) < 2.5
    shock = np.random.default_rng(1).normal(scale=2, size=8)
    common = panel.assign(
        y1=panel["y1"] + shock[panel["time"] - 1],
        y2=panel["y2"] + shock[panel["time"] - 1],
    )
    assert cd(common) > 50
    demeaned = common.copy()
    for name in ["y1", "y2"]:
        demeaned[name] -= demeaned.groupby("time")[name].transform("mean")
    assert cd(demeaned) < 2.5


def test_half_panel_jackknife_removes_most_of_nickells_bias():
    # SIMULATED: T = 7 years, 500 units; the within estimator's own lags are far below the truth
    coefs = pd.DataFrame([[0.5, 0.1], [0.2, 0.4]], columns=["y1", "y2"])
    panel = synthetic.pvar_panel(coefs, n_units=500, n_periods=7, seed=4)
    args = (panel, ["y1", "y2"], "entity", "time")
    truth = coefs.to_numpy()
    within_error = np.abs(pvar.within_ols(*args).to_numpy() - truth).max()
    jackknife_error = np.abs(
        pvar.half_panel_jackknife(*args).to_numpy() - truth
    ).max()
    assert within_error > 0.2
    assert jackknife_error < within_error / 3
    with pytest.raises(InputError, match="at least 5 years"):
        pvar.half_panel_jackknife(
            panel[panel["time"] <= 4], ["y1", "y2"], "entity", "time"
        )


@pytest.mark.parametrize(
    "option, words",
    [
        (dict(burn_in=-2), "burn_in must be an integer at least 0"),
        (dict(effect_sd=-1.0), "effect_sd must be"),
    ],
)
def test_simulation_refuses_bad_settings(option, words):
    """A negative burn_in left part of the panel unfilled (values such as 1e308)."""
    with pytest.raises(InputError, match=words):
        pvar.pvar_panel([[0.5]], n_units=3, n_periods=4, seed=0, **option)
