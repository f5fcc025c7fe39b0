"""Testing for a U-shaped (or inverse U-shaped) relationship (U 型关系检验).

A quadratic regression ``y = a + b1 x + b2 x^2 + ...`` with a significant ``b2`` does not show a U:
the curve can be monotone over the data, with its extreme point outside the observed range. Lind &
Mehlum (2010) test the composite hypothesis that the slope is negative at the low end of an interval
``[xL, xH]`` and positive at the high end (for a U), using Sasabuchi's (1980) likelihood-ratio test:
the statistic is the smaller of the two one-sided t statistics of the end slopes, and its p-value is
that of a one-sided t test. :func:`utest` implements it for a fitted statsmodels or linearmodels
model, with the extreme point's Fieller (1954) and delta-method confidence intervals, following the
authors' R package ``utest``; :func:`utest_from_estimates` runs it from coefficients and their
covariance alone. No maintained Python package implements the Lind-Mehlum test, so it is written
here. Simonsohn's (2018) two-lines check is :mod:`helpers.ushape.twolines`, the industrial-structure
measures :mod:`helpers.ushape.measures`, and how a test is shown :mod:`helpers.ushape.reading`.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from helpers import _checks
from helpers.errors import InputError, InputTypeError

FORMS = ("quadratic", "inverse")
SHAPES = ("U", "inverse U")


@dataclass
class UTestResult:
    """What :func:`utest` found. ``interval`` is ``(xL, xH)``; ``slopes`` has one row per end with
    the slope, its standard error and t statistic; ``statistic`` and ``pvalue`` are the Sasabuchi
    test's; ``fieller`` is ``(kind, intervals)`` with kind ``"bounded"``, ``"unbounded"`` (two
    half-lines) or ``"whole line"``; ``delta`` the delta-method interval."""

    shape: str
    form: str
    interval: tuple[float, float]
    slopes: pd.DataFrame
    statistic: float
    pvalue: float
    df: float
    extreme: float
    extreme_inside: bool
    fieller: tuple[str, list[tuple[float, float]]]
    delta: tuple[float, float]
    level: float

    @property
    def trivially_fails(self) -> bool:
        """True when the extreme point lies outside the interval: both end slopes have the same sign
        (or the curve has no extreme point), so the data cannot show the shape there."""
        return not self.extreme_inside

    def verdict(self, alpha: float = 0.05) -> str:
        """The test's conclusion in words (:func:`helpers.ushape.reading.utest_verdict`).

        Parameters
        ----------
        alpha : float, default 0.05
            The significance level.

        Returns
        -------
        str
            E.g. ``"inverse U supported (Lind-Mehlum t = 2.310, p = 0.011)"``.
        """
        from helpers.ushape.reading import utest_verdict

        return utest_verdict(self, alpha)

    @property
    def summary(self) -> pd.Series:
        """The test as a reader is shown it (:func:`helpers.ushape.reading.utest_summary`): one
        line of text per quantity, the verdict last. The numbers are this result's attributes."""
        from helpers.ushape.reading import utest_summary

        return utest_summary(self)


def _estimates(results, x: str, x2: str):
    """(params, covariance, residual df, values of x) from a statsmodels or linearmodels result."""
    params = getattr(results, "params", None)
    if not isinstance(params, pd.Series):
        raise InputTypeError(
            "results must be a fitted statsmodels or linearmodels model with named parameters "
            f"(fit it on a DataFrame or with a formula); got {type(results).__name__}"
        )
    for name in (x, x2):
        if name not in params.index:
            raise InputError(
                f"{name!r} is not a term of the model; its terms are {list(params.index)}"
            )
    if hasattr(results, "cov_params"):  # statsmodels
        cov = results.cov_params()
    else:  # linearmodels
        cov = getattr(results, "cov", None)
    if not isinstance(cov, pd.DataFrame) or cov.isna().to_numpy().any():
        raise InputError(
            "the model has no usable covariance matrix of its estimates"
        )
    df = float(getattr(results, "df_resid", np.inf))
    exog = getattr(results.model, "exog", None)
    if hasattr(exog, "dataframe"):  # linearmodels PanelData
        values = exog.dataframe[x].to_numpy()
    elif hasattr(results.model, "exog_names") and exog is not None:
        values = np.asarray(exog)[:, list(results.model.exog_names).index(x)]
    else:
        values = None
    return params, cov, df, values


def utest(
    results,
    x: str,
    x2: str,
    interval: tuple[float, float] | None = None,
    shape: str | None = None,
    form: str = "quadratic",
    level: float = 0.95,
    df: float | None = None,
) -> UTestResult:
    """Lind & Mehlum's (2010) test of a U or inverse U on ``[xL, xH]``.

    ``x`` and ``x2`` name the model's linear term and its square (``form="quadratic"``) or its
    inverse ``1/x`` (``form="inverse"``). The slope of ``f(x) = b1 x + b2 x^2`` is ``b1 + 2 b2 x``
    (``b1 - b2 / x^2`` for the inverse form). For a U (``b2 > 0``) the null is that the slope is
    non-negative at ``xL`` or non-positive at ``xH``; the statistic is ``min(-t(xL), t(xH))`` with
    ``t`` the slope over its standard error, and the p-value ``P(T_df > statistic)`` with the
    model's residual degrees of freedom (Sasabuchi 1980), as R's ``utest`` does. With standard
    errors clustered by G groups, a t distribution with G - 1 degrees of freedom is the more
    cautious choice; pass ``df`` to use it. ``shape`` defaults to the curvature the estimate
    implies. ``interval`` defaults to the observed range of ``x``.

    The extreme point is ``-b1 / (2 b2)`` (``sqrt(b2 / b1)`` for the inverse form). Its Fieller
    interval is the set of ``x`` at which a zero slope is not rejected at ``level``; it may be
    bounded, two half-lines or the whole line. The delta-method interval is shown for comparison.

    In formulas, for a U on :math:`[x_L, x_H]` (Lind & Mehlum 2010):

    .. math::

        H_0: (b_1 + 2 b_2 x_L \\ge 0) \\ \\text{or} \\ (b_1 + 2 b_2 x_H \\le 0), \\qquad
        t = \\min\\left(-\\frac{b_1 + 2 b_2 x_L}{s_L}, \\frac{b_1 + 2 b_2 x_H}{s_H}\\right),

    with :math:`s^2 = V_{11} + 4 x V_{12} + 4 x^2 V_{22}` the variance of the slope at :math:`x`;
    for an inverse U the signs are turned round, :math:`t = \\min(t_L, -t_H)`. The Fieller
    interval of :math:`x^* = -b_1 / (2 b_2)` (Fieller 1954) is
    :math:`\\{x: (b_1 + 2 b_2 x)^2 \\le t_{crit}^2 \\mathrm{Var}(b_1 + 2 b_2 x)\\}`, with
    :math:`t_{crit}` the two-sided critical value at ``level``; the delta-method interval is
    :math:`x^* \\pm t_{crit}\\, \\mathrm{se}(x^*)` with the gradient of :math:`x^*` in
    :math:`(b_1, b_2)`. For the inverse form the Fieller set is that of :math:`x^2 = b_2 / b_1`,
    mapped to the positive :math:`x` it allows.

    Parameters
    ----------
    results
        A fitted statsmodels model (``params``, ``cov_params()``, ``df_resid``) or linearmodels
        model (``params``, ``cov``), fitted on a DataFrame or with a formula so that its
        parameters are named.
    x
        The name of the linear term among the parameters.
    x2
        The name of its square (``form="quadratic"``) or of ``1/x`` (``form="inverse"``).
    interval
        ``(xL, xH)`` with ``xL < xH`` (positive for the inverse form); ``None`` takes the smallest
        and largest value of ``x`` in the model's data.
    shape
        ``"U"``, ``"inverse U"`` or ``None`` (``"U"`` when ``b2 > 0``, else ``"inverse U"``).
    form
        ``"quadratic"`` (default) or ``"inverse"``.
    level
        The confidence level of the Fieller and delta-method intervals, strictly between 0 and 1
        (0.95 by default).
    df
        Degrees of freedom of the t distribution of the p-value and the intervals; ``None`` takes
        the model's residual degrees of freedom (infinite, the normal, when the model has none).

    Returns
    -------
    UTestResult
        The shape and form tested, the interval, the end slopes (``slopes``: rows ``xL`` and
        ``xH``, columns ``x``, ``slope``, ``se``, ``t``), the statistic, its one-sided p-value,
        ``df``, the extreme point (NaN for the inverse form when ``b2 / b1 <= 0``), whether it
        lies strictly inside the interval, the Fieller set ``(kind, intervals)`` and the
        delta-method interval at ``level``.

    Raises
    ------
    helpers.errors.InputTypeError
        If ``results`` has no named parameters (a pandas Series), or ``level``, ``df`` or an end
        of ``interval`` is not a number.
    helpers.errors.InputError
        If ``x`` or ``x2`` is not a term of the model, the covariance matrix is missing or has
        NaN, ``form`` or ``shape`` is not an option, ``level`` is not in (0, 1), ``df`` is not
        positive, the interval is not increasing (or not positive for the inverse form) or cannot
        be taken from the model, or the coefficient of ``x2`` is exactly zero.

    Examples
    --------
    The R package utest's example (statecrime, an inverse U):

    >>> import statsmodels.api as sm
    >>> import statsmodels.formula.api as smf
    >>> crime = sm.datasets.statecrime.load_pandas().data
    >>> fit = smf.ols("urban ~ hs_grad + I(hs_grad ** 2)", data=crime).fit()
    >>> result = utest(fit, "hs_grad", "I(hs_grad ** 2)")
    >>> result.shape, round(result.statistic, 4), round(result.extreme, 4), round(result.pvalue, 6)
    ('inverse U', 3.1729, 85.6678, 0.001316)
    """
    params, cov, model_df, values = _estimates(results, x, x2)
    return _test(
        params, cov, model_df, values, x, x2, interval, shape, form, level, df
    )


def utest_from_estimates(
    params: pd.Series,
    cov: pd.DataFrame,
    x: str,
    x2: str,
    interval: tuple[float, float],
    df: float = np.inf,
    shape: str | None = None,
    form: str = "quadratic",
    level: float = 0.95,
) -> UTestResult:
    """:func:`utest` from estimates instead of a fitted model: ``params`` names the terms,
    ``cov`` is their covariance (labelled the same way), ``df`` the degrees of freedom of the t
    distribution (infinite: the normal) and ``interval`` the ``(xL, xH)`` to test on, which a
    model's data would otherwise give. For a paper's printed coefficients, or a check by hand.

    Parameters
    ----------
    params
        The estimates, a Series indexed by term, holding ``x`` and ``x2``.
    cov
        Their covariance matrix, a DataFrame labelled by term on both sides.
    x
        The linear term.
    x2
        Its square (``form="quadratic"``) or ``1/x`` (``form="inverse"``).
    interval
        ``(xL, xH)`` with ``xL < xH`` (positive for the inverse form).
    df
        Degrees of freedom of the t distribution, positive; ``numpy.inf`` (default) for the
        normal.
    shape
        ``"U"``, ``"inverse U"`` or ``None`` (from the sign of the coefficient of ``x2``).
    form
        ``"quadratic"`` (default) or ``"inverse"``.
    level
        The confidence level of the extreme point's intervals, strictly between 0 and 1.

    Returns
    -------
    UTestResult
        As for :func:`utest`.

    Raises
    ------
    helpers.errors.InputTypeError
        If ``params`` is not a Series or ``cov`` not a DataFrame, or ``df``, ``level`` or an end
        of ``interval`` is not a number.
    helpers.errors.InputError
        If ``x`` or ``x2`` does not label ``params`` and both sides of ``cov``, or the options,
        the interval or the coefficient of ``x2`` fail as for :func:`utest`.

    Examples
    --------
    >>> names = ["x", "x2"]
    >>> result = utest_from_estimates(
    ...     pd.Series([-4.0, 1.0], index=names),
    ...     pd.DataFrame([[0.04, 0.0], [0.0, 0.0025]], index=names, columns=names),
    ...     "x", "x2", interval=(0.0, 4.0), df=100)
    >>> result.shape, round(result.statistic, 4), result.extreme
    ('U', 8.9443, 2.0)
    """
    if not isinstance(params, pd.Series):
        raise InputTypeError(
            f"params must be a pandas Series named by term; got {type(params).__name__}"
        )
    if not isinstance(cov, pd.DataFrame):
        raise InputTypeError(
            f"cov must be a pandas DataFrame labelled by term; got {type(cov).__name__}"
        )
    for name in (x, x2):
        if (
            name not in params.index
            or name not in cov.index
            or name not in cov.columns
        ):
            raise InputError(
                f"{name!r} must label params and both sides of cov; params has "
                f"{list(params.index)}, cov {list(cov.index)}"
            )
    if df != np.inf:  # the normal distribution, the default
        df = _checks.number("df", df, minimum=0, strict=True)
    return _test(
        params, cov, df, None, x, x2, interval, shape, form, level, None
    )


def _test(
    params, cov, model_df, values, x, x2, interval, shape, form, level, df
) -> UTestResult:
    """The Lind-Mehlum test and the extreme point's intervals from the estimates."""
    _checks.option("form", form, FORMS)
    _checks.option("shape", shape, (*SHAPES, None))
    level = _checks.probability("level", level)
    if df is None:
        df = model_df
    else:
        df = _checks.number("df", df, minimum=0, strict=True)
    if interval is None:
        if values is None:
            raise InputError(
                "give the interval: the model's data for x are not available"
            )
        interval = (float(np.min(values)), float(np.max(values)))
    low, high = (_checks.number("interval", v) for v in interval)
    if low >= high:
        raise InputError(
            f"interval must be (xL, xH) with xL < xH; got {interval!r}"
        )
    if form == "inverse" and low <= 0:
        raise InputError(
            "the inverse form needs a positive interval (1/x is undefined at 0)"
        )
    b1, b2 = float(params[x]), float(params[x2])
    v11, v22, v12 = (
        float(cov.loc[x, x]),
        float(cov.loc[x2, x2]),
        float(cov.loc[x, x2]),
    )
    if b2 == 0:
        raise InputError(
            f"the coefficient of {x2!r} is exactly zero: the curve has no curvature to test"
        )
    if shape is None:
        shape = "U" if b2 > 0 else "inverse U"

    def slope(at: float) -> tuple[float, float]:
        g = (
            np.array([1.0, 2 * at])
            if form == "quadratic"
            else np.array([1.0, -1 / at**2])
        )
        value = g @ np.array([b1, b2])
        return float(value), float(
            np.sqrt(g @ np.array([[v11, v12], [v12, v22]]) @ g)
        )

    rows = {}
    for name, at in (("xL", low), ("xH", high)):
        value, se = slope(at)
        rows[name] = {"x": at, "slope": value, "se": se, "t": value / se}
    slopes = pd.DataFrame(rows).T
    t_low, t_high = slopes.loc["xL", "t"], slopes.loc["xH", "t"]
    statistic = float(
        min(-t_low, t_high) if shape == "U" else min(t_low, -t_high)
    )
    pvalue = float(stats.t.sf(statistic, df))

    # extreme point, and the ratio whose Fieller set gives its interval
    if form == "quadratic":
        extreme = -b1 / (2 * b2)
        a, c, vaa, vcc, vac = b1, -2 * b2, v11, 4 * v22, -2 * v12
        gradient = np.array([-1 / (2 * b2), b1 / (2 * b2**2)])
    else:
        ratio = b2 / b1
        extreme = float(np.sqrt(ratio)) if ratio > 0 else float("nan")
        # slope zero at x  <=>  b2 - b1 x^2 = 0: a Fieller set for phi = x^2 = b2 / b1
        a, c, vaa, vcc, vac = b2, b1, v22, v11, v12
        gradient = (
            np.array([-extreme / (2 * b1), extreme / (2 * b2)])
            if ratio > 0
            else np.array([np.nan, np.nan])
        )
    critical = float(stats.t.ppf(0.5 + level / 2, df))
    kind, parts = _fieller(a, c, vaa, vcc, vac, critical)
    if form == "inverse":
        kind, parts = _square_root_set(kind, parts)
    se_extreme = float(
        np.sqrt(gradient @ np.array([[v11, v12], [v12, v22]]) @ gradient)
    )
    delta = (extreme - critical * se_extreme, extreme + critical * se_extreme)
    inside = bool(np.isfinite(extreme) and low < extreme < high)
    return UTestResult(
        shape,
        form,
        (low, high),
        slopes,
        statistic,
        pvalue,
        df,
        float(extreme),
        inside,
        (kind, parts),
        delta,
        level,
    )


def _fieller(a: float, c: float, vaa: float, vcc: float, vac: float, t: float):
    """Fieller's set for the ratio a/c: all r with (a - c r)^2 <= t^2 Var(a - c r)."""
    qa = c**2 - t**2 * vcc
    qb = -2 * (a * c - t**2 * vac)
    qc = a**2 - t**2 * vaa
    disc = qb**2 - 4 * qa * qc
    if qa > 0 and disc >= 0:
        r1, r2 = sorted(
            (
                (-qb - np.sqrt(disc)) / (2 * qa),
                (-qb + np.sqrt(disc)) / (2 * qa),
            )
        )
        return "bounded", [(float(r1), float(r2))]
    if qa < 0 and disc > 0:
        r1, r2 = sorted(
            (
                (-qb - np.sqrt(disc)) / (2 * qa),
                (-qb + np.sqrt(disc)) / (2 * qa),
            )
        )
        return "unbounded", [(-np.inf, float(r1)), (float(r2), np.inf)]
    return "whole line", [(-np.inf, np.inf)]


def _square_root_set(kind: str, parts):
    """Map a Fieller set for x^2 to the positive x it allows."""
    mapped = []
    for lo, hi in parts:
        if hi <= 0:
            continue
        mapped.append(
            (
                float(np.sqrt(max(lo, 0.0))),
                float(np.sqrt(hi)) if np.isfinite(hi) else np.inf,
            )
        )
    if not mapped:
        return "empty", []
    if len(mapped) == 1 and np.isfinite(mapped[0][1]) and mapped[0][0] > 0:
        return "bounded", mapped
    return ("whole line" if mapped == [(0.0, np.inf)] else "unbounded"), mapped
