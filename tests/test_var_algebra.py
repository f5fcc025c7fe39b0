"""helpers._var, the VAR algebra the panel VAR and the time-series VAR share, against
statsmodels."""

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm
from statsmodels.tsa.vector_ar.var_model import ma_rep

from helpers import _var


@pytest.fixture(scope="module")
def fitted():
    m = sm.datasets.macrodata.load_pandas().data
    growth = 100 * np.log(
        m[["realgdp", "realcons", "realinv"]]
    ).diff().dropna().reset_index(drop=True)
    return sm.tsa.VAR(growth).fit(2)


def test_ma_coefficients_equal_statsmodels_ma_rep(fitted):
    np.testing.assert_allclose(
        _var.ma_coefficients(fitted.coefs, 12),
        ma_rep(fitted.coefs, 12),
        rtol=1e-12,
    )


def test_ma_coefficients_are_batched():
    rng = np.random.default_rng(1)
    # seven draws of a VAR(2) in 3 variables
    coefs = rng.normal(0, 0.3, size=(7, 2, 3, 3))
    batched = _var.ma_coefficients(coefs, 6)
    assert batched.shape == (7, 7, 3, 3)
    for draw in range(7):
        np.testing.assert_allclose(
            batched[draw], ma_rep(coefs[draw], 6), rtol=1e-12
        )


def test_orthogonal_responses_equal_statsmodels(fitted):
    ours = _var.responses(fitted.coefs, np.asarray(fitted.sigma_u), 10)
    np.testing.assert_allclose(ours, fitted.orth_ma_rep(10), rtol=1e-10)


def test_impact_for_an_ordering_is_the_reordered_cholesky_factor(fitted):
    sigma = np.asarray(fitted.sigma_u)
    order = _var.order_index(fitted.names, ["realinv", "realgdp", "realcons"])
    factor = _var.impact(sigma, "orthogonal", order)
    # a factor of Sigma
    np.testing.assert_allclose(factor @ factor.T, sigma, rtol=1e-12)
    # realgdp: moved by realinv and itself, not realcons
    assert factor[0, 1] == 0 != factor[0, 2]
    # ...and realinv, first, only by its own shock
    assert factor[2, 0] == factor[2, 1] == 0
    generalized = _var.impact(sigma, "generalized")
    np.testing.assert_allclose(np.diag(generalized), np.sqrt(np.diag(sigma)))


def test_fevd_equals_statsmodels_for_the_default_ordering(fitted):
    table = _var.fevd(
        fitted.coefs, np.asarray(fitted.sigma_u), fitted.names, [1, 4, 10]
    )
    decomposition = fitted.fevd(
        10
    ).decomp  # (variable, horizon, shock), fractions
    mse = fitted.mse(10)
    for i, name in enumerate(fitted.names):
        for h in (1, 4, 10):
            np.testing.assert_allclose(
                table.loc[(name, h)].drop("S.E."),
                100 * decomposition[i, h - 1],
                rtol=1e-10,
            )
            assert table.loc[(name, h), "S.E."] == pytest.approx(
                np.sqrt(mse[h - 1][i, i]), rel=1e-10
            )


def test_fevd_layout_and_bad_orders(fitted):
    table = _var.fevd(
        fitted.coefs,
        np.asarray(fitted.sigma_u),
        fitted.names,
        [2],
        ["realinv", "realgdp", "realcons"],
    )
    assert list(table.columns) == ["S.E.", "realinv", "realgdp", "realcons"]
    assert table.index.names == ["response", "horizon"]
    np.testing.assert_allclose(table.drop(columns="S.E.").sum(axis=1), 100)
    with pytest.raises(ValueError, match="order must list each of"):
        _var.order_index(fitted.names, ["realgdp"])
    with pytest.raises(
        ValueError, match="horizons must be an integer at least 1; got 0"
    ):
        _var.fevd(fitted.coefs, np.asarray(fitted.sigma_u), fitted.names, [0])


def test_companion_of_two_lags():
    coefs = np.array([[[0.5, 0.0], [0.0, 0.2]], [[0.3, 0.0], [0.0, 0.1]]])
    values = np.sort(np.abs(np.linalg.eigvals(_var.companion(coefs))))
    # roots of z^2 - 0.5 z - 0.3 and z^2 - 0.2 z - 0.1
    expected = np.sort(
        np.abs(np.r_[np.roots([1, -0.5, -0.3]), np.roots([1, -0.2, -0.1])])
    )
    np.testing.assert_allclose(values, expected)


def test_tidy_responses_layout():
    # (horizon, response, impulse)
    array = np.arange(2 * 2 * 2, dtype=float).reshape(2, 2, 2)
    tidy = _var.tidy_responses(array, ["a", "b"])
    assert tidy.index.names == ["impulse", "response", "horizon"]
    assert tidy.loc[("b", "a", 1), "value"] == array[1, 0, 1]
    assert isinstance(tidy, pd.DataFrame)
