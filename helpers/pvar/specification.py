"""Specification tests of a :class:`helpers.pvar.PanelVAR` fit, as xtabond2 reports them.

**Arellano-Bond test for serial correlation** (Arellano & Bond 1991, eq. 8; Roodman 2009, sec. 3.5).
The errors in levels must be serially uncorrelated for lagged levels to be valid instruments. Their
first differences then have negative first-order autocorrelation by construction, and none at order
two or more; the test of order ``m`` asks whether the differenced residuals ``du_it`` and
``du_i,t-m`` are correlated. With ``s_i = sum_t du_i,t-m du_it`` (one sum per unit),

.. math::

    z_m = \\frac{\\sum_i s_i}{\\sqrt{\\sum_i s_i^2 - 2\\, e' P \\sum_i g_i s_i + e' V e}}
    \\;\\sim\\; N(0, 1),

where ``e = sum_i sum_t du_i,t-m dx_it`` (the lagged residuals times the regressors in
differences), ``g_i = vec(Z_i' U_i)`` the unit's moment contributions, ``P`` the estimate's linear
response to the summed moments and ``V`` its covariance (Windmeijer-corrected after two steps). The
last two terms account for the residuals being estimated. The test always uses residuals in first
differences, also after forward orthogonal deviations or in system GMM (as xtabond2 does); in a
panel VAR it is computed equation by equation.

**Difference-in-Hansen tests** (Roodman 2009, sec. 3.3). For each group of instruments (the lags of
one variable, a strictly exogenous variable, the level equations' instruments in system GMM),
Hansen's J is computed again without the group, with the two-step weights restricted to the
remaining moments (the same one-step residuals), and the difference ``J - J_without`` is
chi-squared with as many degrees of freedom as moments removed under the null that the group is
valid given the rest. As xtabond2 warns, the difference can be negative when the moment covariance
is singular (more moments than units).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import special

from helpers._checks import integer

# the group of system GMM's level-equation instruments, as xtabond2 names it
LEVEL_GROUP = "GMM instruments for levels"


def _contributions(moments, beta: np.ndarray) -> np.ndarray:
    """``g_i = vec(Z_i'Y_i - Z_i'X_i beta)``, stacked equation by equation: (units, M L)."""
    u = moments.zy - moments.zx @ beta
    return u.transpose(0, 2, 1).reshape(u.shape[0], -1)


def serial_correlation(results, order: int) -> pd.DataFrame:
    """Arellano-Bond test of order ``order`` for each equation: columns ``z``, ``pvalue``
    (two-sided, normal) and ``pairs`` (residual pairs the test compares).

    ``z_m`` is the statistic of the module docstring (Arellano & Bond 1991, eq. 8), computed on
    the first-differenced residuals ``du_it`` of the estimation sample whatever the transform,
    with ``P`` and ``V`` the fit's projection and covariance of that equation's coefficients.

    Parameters
    ----------
    results : PanelVARResults
        A fitted panel VAR.
    order : int
        The order ``m``, at least 1.

    Returns
    -------
    DataFrame
        Indexed by ``equation``, with ``z``, ``pvalue`` and ``pairs`` (the number of differenced
        residuals with one ``m`` years earlier, the same for every equation). ``z`` and
        ``pvalue`` are NaN when there is no pair or the variance estimate is not positive.

    Raises
    ------
    InputTypeError
        When ``order`` is not an integer.
    InputError
        When ``order`` is below 1.
    """
    order = integer("order", order, minimum=1)
    model, fit = results.model, results._fit
    design, moments = model.design, model.design.moments
    beta = fit.params  # (K, M)
    n_units, n_reg = moments.zx.shape[0], beta.shape[0]
    n_periods = len(model._grid.periods)

    resid = design.diff_y - design.diff_x @ beta  # (rows, M)
    grid = np.full((n_units, n_periods, resid.shape[1]), np.nan)
    grid[design.diff_unit, design.diff_period] = resid
    lagged = np.full_like(grid, np.nan)
    if order < n_periods:
        lagged[:, order:] = grid[:, :-order]
    lagged = lagged[design.diff_unit, design.diff_period]
    pairs = int((~np.isnan(lagged[:, 0])).sum())
    lagged = np.nan_to_num(lagged)

    g = _contributions(moments, beta)
    rows = []
    for m, name in enumerate(model.dependent):
        s = np.bincount(
            design.diff_unit,
            lagged[:, m] * resid[:, m],
            minlength=n_units,
        )
        e = lagged[:, m] @ design.diff_x
        block = slice(m * n_reg, (m + 1) * n_reg)
        variance = (
            s @ s
            - 2 * e @ fit.projection[block] @ (g.T @ s)
            + e @ fit.cov[block, block] @ e
        )
        z = s.sum() / np.sqrt(variance) if pairs and variance > 0 else np.nan
        rows.append(
            {
                "equation": name,
                "z": float(z),
                "pvalue": float(2 * special.ndtr(-abs(z))),
                "pairs": pairs,
            }
        )
    return pd.DataFrame(rows).set_index("equation")


def _two_step_j(moments, g1: np.ndarray, kept: np.ndarray, n_eq: int) -> float:
    """Hansen's J minimised over the coefficients with the two-step weights of the moments of the
    instrument columns ``kept`` (the pseudo-inverse of the one-step contributions' covariance,
    through its SVD, as :func:`helpers.pvar.gmm.estimate`)."""
    n_inst = moments.zx.shape[1]
    columns = (np.arange(n_eq)[:, None] * n_inst + kept).ravel()
    _, sv, vt = np.linalg.svd(g1[:, columns], full_matrices=False)
    keep = sv > sv[0] * max(len(g1), len(columns)) * np.finfo(float).eps
    factor = (vt[keep].T / sv[keep]).reshape(n_eq, len(kept), -1)
    zx, zy = moments.zx.sum(0)[kept], moments.zy.sum(0)[kept]
    b = np.concatenate([factor[m].T @ zx for m in range(n_eq)], axis=1)
    c = np.einsum("mlr,lm->r", factor, zy)
    theta = np.linalg.lstsq(b, c, rcond=None)[0]
    return float(np.sum((c - b @ theta) ** 2))


def difference_in_hansen(results) -> pd.DataFrame:
    """Hansen's J without each instrument group, and the difference from the full model's J.

    One row per group, as xtabond2 forms them: ``gmm(y)`` for the instruments built from ``y`` (in
    system GMM, in both equations), ``iv(x)`` for a strictly exogenous ``x``, and in system GMM
    ``GMM instruments for levels``, the level equations' instruments: ``instruments`` in the group,
    ``J without``, its ``df`` and ``pvalue``, and ``difference``, ``difference df`` and ``difference
    pvalue``. Both J statistics are two-step ones, computed from the one-step residuals (as
    xtabond2 reports Hansen's J also after one-step estimation), so the full model's J is the
    two-step J even for a one-step fit. A group whose removal leaves no more instruments than
    coefficients is reported with missing statistics.

    With ``L`` instrument columns, ``K`` regressors and ``M`` equations, ``J without`` has
    ``(L - L_g - K) M`` degrees of freedom for a group of ``L_g`` columns and the difference
    ``L_g M``; a negative difference gets the p-value of zero (1).

    Parameters
    ----------
    results : PanelVARResults
        A fitted panel VAR.

    Returns
    -------
    DataFrame
        Indexed by ``group`` (``GMM instruments for levels`` first in system GMM, then the groups
        in the order of the instrument columns), with ``instruments``, ``J without``, ``df``,
        ``pvalue``, ``difference``, ``difference df`` and ``difference pvalue``.
    """
    model, fit = results.model, results._fit
    moments, groups = model.design.moments, model.design.groups
    n_eq, n_inst, n_reg = (
        len(model.dependent),
        moments.zx.shape[1],
        fit.params.shape[0],
    )
    g1 = _contributions(moments, fit.onestep_params)
    j_full = _two_step_j(moments, g1, np.arange(n_inst), n_eq)
    # xtabond2's order: the level equations' instruments first, then the groups as they come
    names = dict.fromkeys(name for labels in groups for name in labels)
    if LEVEL_GROUP in names:
        names = {LEVEL_GROUP: None, **names}
    rows = []
    for group in names:
        inside = np.array([group in labels for labels in groups])
        kept = np.flatnonzero(~inside)
        row = {"group": group, "instruments": int(inside.sum())}
        df = (len(kept) - n_reg) * n_eq
        if df <= 0:
            rows.append(row)
            continue
        j = _two_step_j(moments, g1, kept, n_eq)
        diff_df = (n_inst - len(kept)) * n_eq
        rows.append(
            {
                **row,
                "J without": j,
                "df": df,
                "pvalue": float(special.chdtrc(df, j)),
                "difference": j_full - j,
                "difference df": diff_df,
                "difference pvalue": float(
                    special.chdtrc(diff_df, max(j_full - j, 0.0))
                ),
            }
        )
    columns = [
        "group",
        "instruments",
        "J without",
        "df",
        "pvalue",
        "difference",
    ]
    columns += ["difference df", "difference pvalue"]
    return pd.DataFrame(rows, columns=columns).set_index("group")
