"""helpers.ushape: the Lind-Mehlum test against the authors' R package, Fieller sets, two lines, and
the industrial-structure measures."""

from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
import statsmodels.formula.api as smf
from linearmodels.panel import PanelOLS

from helpers.ushape import (
    advancement,
    rationalisation,
    two_lines,
    ushape_panel,
    utest,
)


@pytest.fixture(scope="module")
def statecrime():
    data = sm.datasets.statecrime.load_pandas().data
    return smf.ols("urban ~ hs_grad + I(hs_grad ** 2)", data=data).fit()


def test_published_statecrime_vector(statecrime):
    """R utest (Lind & Mehlum) on statecrime: inverse U, t = 3.1729, p = 0.001316, df 48, extreme
    85.6678."""
    result = utest(statecrime, "hs_grad", "I(hs_grad ** 2)")
    assert result.shape == "inverse U" and result.df == 48
    assert round(result.statistic, 4) == 3.1729
    assert round(result.pvalue, 6) == 0.001316
    assert round(result.extreme, 4) == 85.6678
    assert not result.trivially_fails and result.verdict().startswith(
        "inverse U supported"
    )
    # the slopes at the ends of the data: positive at the low end, negative at the high end
    assert (
        result.slopes.loc["xL", "slope"] > 0 > result.slopes.loc["xH", "slope"]
    )
    assert result.interval == (
        statecrime.model.exog[:, 1].min(),
        statecrime.model.exog[:, 1].max(),
    )


def _fake(b1, b2, v11, v22, v12, df=100):
    names = ["x", "x2"]
    return SimpleNamespace(
        params=pd.Series([b1, b2], index=names),
        df_resid=df,
        model=SimpleNamespace(),
        cov_params=lambda: pd.DataFrame(
            [[v11, v12], [v12, v22]], index=names, columns=names
        ),
    )


@pytest.mark.parametrize(
    "b1, b2, v11, v22, v12, kind",
    [
        (-4.0, 1.0, 0.04, 0.0025, 0.0, "bounded"),  # both coefficients precise
        (
            -4.0,
            1.0,
            0.04,
            0.5,
            0.0,
            "unbounded",
        ),  # b2 imprecise: |t(b2)| < critical value
        (-0.1, 0.05, 1.0, 1.0, 0.0, "whole line"),  # neither precise
    ],
)
def test_fieller_set_is_where_a_zero_slope_is_not_rejected(
    b1, b2, v11, v22, v12, kind
):
    result = utest(
        _fake(b1, b2, v11, v22, v12), "x", "x2", interval=(0.0, 4.0)
    )
    found, parts = result.fieller
    assert found == kind
    critical = 1.983971519  # t(0.975, 100)
    for theta in np.linspace(-50, 50, 2001):
        slope = b1 + 2 * b2 * theta
        se = np.sqrt(v11 + 4 * theta**2 * v22 + 4 * theta * v12)
        inside = any(lo <= theta <= hi for lo, hi in parts)
        if abs(abs(slope / se) - critical) > 1e-6:
            assert inside == (abs(slope / se) <= critical), theta


def test_cluster_degrees_of_freedom_make_the_test_more_cautious(statecrime):
    default = utest(statecrime, "hs_grad", "I(hs_grad ** 2)")
    cautious = utest(statecrime, "hs_grad", "I(hs_grad ** 2)", df=10)
    assert (
        cautious.statistic == default.statistic
        and cautious.pvalue > default.pvalue
    )
    assert cautious.df == 10


def test_extreme_outside_the_interval_fails_trivially():
    result = utest(
        _fake(-1.0, 1.0, 0.0001, 0.0001, 0.0), "x", "x2", interval=(1.0, 5.0)
    )
    assert result.extreme == 0.5 and result.trivially_fails
    assert result.statistic < 0 and result.pvalue > 0.5
    assert "fails trivially" in result.verdict()


def test_inverse_form_finds_the_minimum_of_b1_x_plus_b2_over_x():
    rng = np.random.default_rng(4)
    x = rng.uniform(0.5, 6, 400)
    frame = pd.DataFrame(
        {"x": x, "inv": 1 / x, "y": 2 * x + 8 / x + rng.normal(0, 0.3, 400)}
    )
    fit = smf.ols("y ~ x + inv", data=frame).fit()
    result = utest(fit, "x", "inv", form="inverse")
    assert result.shape == "U" and result.pvalue < 1e-6
    assert result.extreme == pytest.approx(2.0, abs=0.05)  # sqrt(8 / 2)
    assert (
        result.fieller[0] == "bounded"
        and result.fieller[1][0][0] < 2 < result.fieller[1][0][1]
    )


@pytest.mark.parametrize(
    "version, verdict",
    [("u", "U supported"), ("concave", "no inverse U"), ("outside", "no U")],
)
def test_simulated_versions_get_the_right_verdict(version, verdict):
    panel = (
        ushape_panel(version)
        .assign(ai_sq=lambda f: f["ai_exposure"] ** 2)
        .set_index(["province", "year"])
    )
    fit = PanelOLS(
        panel["upgrading"],
        panel[["ai_exposure", "ai_sq"]],
        entity_effects=True,
        time_effects=True,
    ).fit(cov_type="clustered", cluster_entity=True)
    # the signs alone would call all three a U or an inverse U
    assert fit.pvalues.max() < 0.01 and np.sign(
        fit.params["ai_exposure"]
    ) != np.sign(fit.params["ai_sq"])
    assert utest(fit, "ai_exposure", "ai_sq").verdict().startswith(verdict)


def test_two_lines_on_a_u_and_a_monotone_curve():
    rng = np.random.default_rng(8)
    x = rng.uniform(0, 10, 600)
    u = pd.DataFrame({"x": x, "y": (x - 5) ** 2 + rng.normal(0, 2, 600)})
    lines = two_lines(u, "y", "x")
    assert (
        lines.loc["below breakpoint", "slope"]
        < 0
        < lines.loc["above breakpoint", "slope"]
    )
    assert (lines["pvalue"] < 0.001).all() and 3.5 < lines["breakpoint"].iloc[
        0
    ] < 6.5
    monotone = pd.DataFrame(
        {"x": x, "y": np.log1p(x) + rng.normal(0, 0.2, 600)}
    )
    lines = two_lines(monotone, "y", "x")
    assert (lines["slope"] > 0).all() or lines["pvalue"].max() > 0.05
    with pytest.raises(ValueError, match="data lacks column\\(s\\) z"):
        two_lines(u, "z", "x")


def test_rationalisation_and_advancement():
    output = pd.DataFrame(
        {
            "primary": [2.0, 1.0],
            "secondary": [1.0, 2.0],
            "tertiary": [1.0, 3.0],
        }
    )
    employment = pd.DataFrame(
        {
            "primary": [1.0, 1.0],
            "secondary": [1.0, 2.0],
            "tertiary": [2.0, 3.0],
        }
    )
    tl = rationalisation(output, employment)
    # by hand, row 0: shares (.5, .25, .25) against (.25, .25, .5): .5 ln 2 + .25 ln .5
    assert tl[0] == pytest.approx(0.25 * np.log(2))
    assert tl[1] == pytest.approx(0.0)  # productivities equal in every sector
    rng = np.random.default_rng(0)
    random_tl = rationalisation(
        pd.DataFrame(rng.uniform(1, 9, (50, 3))),
        pd.DataFrame(rng.uniform(1, 9, (50, 3))),
    )
    assert (random_tl >= -1e-12).all()  # a Kullback-Leibler divergence
    ratio = advancement(pd.Series([3.0, 6.0]), pd.Series([2.0, 3.0]))
    assert ratio.tolist() == [1.5, 2.0]
    with pytest.raises(
        ValueError,
        match="output\\['primary'\\] must be positive; zero or negative at 0",
    ):
        rationalisation(output.assign(primary=[0.0, 1.0]), employment)
    with pytest.raises(
        TypeError,
        match="output must be numeric; column\\(s\\) primary are not",
    ):
        rationalisation(output.assign(primary=["a", "b"]), employment)
    with pytest.raises(ValueError, match="same sectors"):
        rationalisation(output, employment.rename(columns={"primary": "agri"}))


def test_bad_input(statecrime):
    with pytest.raises(
        ValueError, match="'hs_grad_sq' is not a term of the model"
    ):
        utest(statecrime, "hs_grad", "hs_grad_sq")
    with pytest.raises(ValueError, match="interval must be"):
        utest(statecrime, "hs_grad", "I(hs_grad ** 2)", interval=(90, 90))
    no_cov = SimpleNamespace(
        params=pd.Series([1.0, -1.0], index=["x", "x2"]),
        model=SimpleNamespace(),
        cov_params=lambda: pd.DataFrame(
            np.nan, index=["x", "x2"], columns=["x", "x2"]
        ),
    )
    with pytest.raises(ValueError, match="no usable covariance"):
        utest(no_cov, "x", "x2", interval=(0, 1))
    with pytest.raises(TypeError, match="named parameters"):
        utest(SimpleNamespace(params=np.array([1.0, 2.0])), "x", "x2")
    with pytest.raises(
        ValueError,
        match="form must be one of 'quadratic', 'inverse'; got 'cubic'",
    ):
        utest(statecrime, "hs_grad", "I(hs_grad ** 2)", form="cubic")


def test_two_lines_keeps_two_distinct_values_on_each_side():
    """A concave curve whose flat region is the top of the data put the Robin Hood breakpoint on
    the largest x, leaving the upper line one point and a singular design (seed 1002 of chapter
    7's simulation did)."""
    import warnings

    from helpers import ushape

    panel = ushape.ushape_panel(
        "concave", turning_point=6.0, noise=0.3, seed=1002
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        check = ushape.shape_check(panel, alpha=0.05)
    values = np.unique(panel["ai_exposure"])
    assert check.lines["breakpoint"].iloc[0] <= values[-2]
    assert np.isfinite(check.lines["se"]).all()
    with pytest.raises(
        ValueError, match="and 1 at or above it; each line needs"
    ):
        two_lines(
            pd.DataFrame({"x": [1.0, 2, 3, 4], "y": [1.0, 0, 1, 2]}),
            "y",
            "x",
            breakpoint=4.0,
        )
