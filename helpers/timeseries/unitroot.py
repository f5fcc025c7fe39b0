"""Unit-root tests (chapter 5): the augmented Dickey-Fuller test (Dickey & Fuller 1979; Said &
Dickey 1984) and the KPSS test (Kwiatkowski et al. 1992) with statsmodels, MacKinnon's (2010)
response-surface critical values for any sample size, and the ADF test's size and power by
simulation."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from helpers import _checks
from helpers.errors import InputError

#: ADF deterministic terms as statsmodels names them.
ADF_REGRESSIONS = {
    "n": "none",
    "c": "constant",
    "ct": "constant and trend",
    "ctt": "constant, trend and trend squared",
}


def mackinnon_critical_values(
    nobs: float | None, regression: str = "c", n_series: int = 1
) -> pd.Series:
    """MacKinnon's (2010) response-surface critical values at 1%, 5% and 10% for ``nobs``
    observations.

    ``cv(T) = b_inf + b_1 / T + b_2 / T**2 + b_3 / T**3`` with the coefficients of MacKinnon (2010,
    Table 2) as statsmodels ships them; ``nobs=None`` gives the asymptotic values. ``n_series`` > 1
    gives the Engle-Granger cointegration critical values. The surfaces were fitted to simulations
    of moderate and large samples; for a handful of observations they are an extrapolation.

    Parameters
    ----------
    nobs : float or None
        ``T``, the observations of the test regression (for an ADF test, those it uses after the
        lags: ``adfuller``'s ``nobs``), positive; None for the asymptotic values ``b_inf``.
    regression : str, default "c"
        The deterministic terms, a key of :data:`ADF_REGRESSIONS`: ``"n"`` (none; statsmodels
        keeps MacKinnon's 1996 values for it), ``"c"``, ``"ct"`` or ``"ctt"``.
    n_series : int, default 1
        Number of I(1) series ``N``: 1 for the ADF test, 2 to 12 for the Engle-Granger test of
        no cointegration among ``N`` series (statsmodels' table stops at 12).

    Returns
    -------
    Series
        The critical values indexed ``"1%"``, ``"5%"``, ``"10%"``, named ``"<regression>,
        T=<nobs>"`` (``nobs`` as a float, or None).

    Raises
    ------
    InputError
        For an unknown ``regression``, an ``n_series`` outside 1-12, or a ``nobs`` that is not
        finite or not positive.
    InputTypeError
        When ``nobs`` is not a number or ``n_series`` not a whole number.

    Examples
    --------
    >>> mackinnon_critical_values(None, "c").round(4).tolist()
    [-3.4304, -2.8615, -2.5668]
    """
    from statsmodels.tsa.adfvalues import mackinnoncrit

    _checks.option("regression", regression, list(ADF_REGRESSIONS))
    # statsmodels' table covers 1 to 12 series and indexes it directly (0 would give 12's)
    n_series = _checks.integer("n_series", n_series, minimum=1, maximum=12)
    if nobs is not None:
        nobs = _checks.number("nobs", nobs, minimum=0, strict=True)
    values = mackinnoncrit(
        N=n_series,
        regression=regression,
        nobs=np.inf if nobs is None else nobs,
    )
    return pd.Series(
        values, index=["1%", "5%", "10%"], name=f"{regression}, T={nobs}"
    )


def match_mackinnon(
    printed, nobs=range(4, 10_001), regressions=("n", "c", "ct", "ctt")
) -> pd.DataFrame:
    """How close can MacKinnon's critical values come to a printed 1%, 5%, 10% triple?

    For each deterministic case in ``regressions`` and every sample size in ``nobs``, the three
    response-surface values are computed; the row kept per case is the sample size with the smallest
    largest gap ``max_level |cv(T) - printed|``. Critical values of one test at one sample size come
    as a triple, so a printed triple that no ``(case, T)`` approaches cannot be the output of an ADF
    test. ``printed`` is a mapping or Series with keys ``"1%", "5%", "10%"``. The default range
    starts at 4 observations, the fewest with which the simplest ADF regression (a constant and no
    lags) keeps a residual degree of freedom.

    Only the coefficients of one series (``N = 1``, the ADF test) are searched.

    Parameters
    ----------
    printed : mapping or Series
        The printed critical values under the keys ``"1%"``, ``"5%"`` and ``"10%"``.
    nobs : iterable of numbers, default range(4, 10_001)
        The sample sizes ``T`` to try, all positive.
    regressions : iterable of str, default ("n", "c", "ct", "ctt")
        The deterministic cases to try (keys of :data:`ADF_REGRESSIONS`).

    Returns
    -------
    DataFrame
        Indexed by ``regression`` (one row per case, in the order given), with ``nobs`` (the
        closest ``T``, as an integer; the first of tied sizes), ``cv_1%``, ``cv_5%``, ``cv_10%``
        (the response surface there) and ``largest_gap`` (the largest absolute difference from
        the printed triple).

    Raises
    ------
    InputError
        When ``printed`` lacks a level or holds something that is not a number, when ``nobs`` is
        empty or has a size that is not positive, or for an unknown case.

    Examples
    --------
    >>> best = match_mackinnon({"1%": -3.51, "5%": -2.90, "10%": -2.59}, regressions=("c",))
    >>> int(best.loc["c", "nobs"]), round(float(best.loc["c", "largest_gap"]), 3)
    (81, 0.004)
    """
    try:
        target = np.array(
            [float(printed[level]) for level in ("1%", "5%", "10%")]
        )
    except (KeyError, TypeError, ValueError) as error:
        raise InputError(
            f"printed must give numbers for '1%', '5%' and '10%', got {printed!r}"
        ) from error
    sizes = np.asarray(list(nobs), dtype=float)
    if sizes.size == 0 or (sizes <= 0).any():
        raise InputError(
            "nobs must be a non-empty range of positive sample sizes"
        )
    from statsmodels.tsa.adfvalues import tau_2010s

    rows = []
    for regression in regressions:
        _checks.option("regressions", regression, list(ADF_REGRESSIONS))
        coefficients = tau_2010s[regression][
            0
        ]  # (level, power of 1/T), one series
        values = np.polynomial.polynomial.polyval(
            1 / sizes, coefficients.T
        ).T  # (T, level)
        gaps = np.abs(values - target).max(axis=1)
        best = int(gaps.argmin())
        rows.append(
            {
                "regression": regression,
                "nobs": int(sizes[best]),
                "cv_1%": values[best, 0],
                "cv_5%": values[best, 1],
                "cv_10%": values[best, 2],
                "largest_gap": gaps[best],
            }
        )
    return pd.DataFrame(rows).set_index("regression")


def adf_table(
    data: pd.DataFrame | pd.Series,
    regression: str = "c",
    autolag: str | None = "AIC",
    maxlag: int | None = None,
    kpss: bool = True,
    alpha: float = 0.05,
) -> pd.DataFrame:
    """ADF (and KPSS) tests for every column of ``data``, one row per series and test.

    The ADF regression is ``dy_t = a + b t + rho y_{t-1} + sum_{j=1}^{p} g_j dy_{t-j} + e_t`` with
    the deterministic terms of ``regression`` (``"n"`` none, ``"c"`` the constant ``a``, ``"ct"``
    ``a + b t``, ``"ctt"`` also ``c t^2``); the null is a unit root (rho = 0), tested by the t
    statistic of ``rho`` against MacKinnon's (2010) critical values at the regression's
    observations (:func:`mackinnon_critical_values`), with MacKinnon's (1994) approximate p-value
    (both as statsmodels' ``adfuller`` computes them). The lag order ``p`` is chosen by
    ``autolag`` (``"AIC"``, ``"BIC"``, ``"t-stat"``) up to ``maxlag`` (statsmodels' default
    ``12 (T/100)^(1/4)``), or fixed at ``maxlag`` when ``autolag=None``. KPSS has the reverse null
    (level or trend stationarity; a constant, or a constant and trend when ``regression`` has a
    trend), with Newey-West lags chosen by the data. The KPSS statistic is
    ``eta = T^-2 sum_t S_t^2 / s^2(l)``, with ``S_t`` the partial sums of the residuals of ``y_t``
    on the deterministic terms and ``s^2(l)`` their Newey-West long-run variance with ``l``
    Bartlett lags (statsmodels' ``nlags="auto"``, Hobijn et al. 1998); its critical values are
    those of Kwiatkowski et al. (1992, Table 1).

    KPSS p-values are interpolated in a short table and statsmodels warns when the statistic lies
    outside it; that warning is caught here, for this call only, and the p-value is reported as the
    bound it is (column ``pvalue_bound`` holds ``"<"`` or ``">"``).

    Returns columns ``series, test, null, deterministic, lags, nobs, statistic, cv_1%, cv_5%,
    cv_10%, pvalue, pvalue_bound, conclusion``, where the conclusion is drawn at level ``alpha``.

    Parameters
    ----------
    data : DataFrame or Series
        The series, one column each (a Series is one column), numeric, finite and not constant.
    regression : str, default "c"
        The ADF test's deterministic terms: ``"n"``, ``"c"``, ``"ct"`` or ``"ctt"``. The KPSS test
        takes a constant and trend when it has a trend (``"ct"``, ``"ctt"``), else a constant.
    autolag : str or None, default "AIC"
        How the ADF lag order is chosen: ``"AIC"``, ``"BIC"``, ``"t-stat"``, or None for a fixed
        ``maxlag``.
    maxlag : int or None, default None
        The largest lag order tried (the order itself when ``autolag`` is None), at least 0;
        None for statsmodels' default.
    kpss : bool, default True
        Add a KPSS row after each ADF row.
    alpha : float, default 0.05
        Significance level of the conclusions, strictly between 0 and 1.

    Returns
    -------
    DataFrame
        On a default index, per series its ADF row, then its KPSS row (with ``kpss``). ``test``
        is ``"ADF"`` or ``"KPSS"``; ``null`` ``"unit root"`` or ``"stationary"``;
        ``deterministic`` the terms in words; ``lags`` the lag order used; ``nobs`` the ADF
        regression's observations (after the lags) or, for KPSS, the series' length;
        ``statistic`` and the critical values ``cv_1%``, ``cv_5%``, ``cv_10%``; ``pvalue``;
        ``pvalue_bound`` ``""``, ``"<"`` or ``">"``; ``conclusion`` in words ("unit root
        rejected: stationary", "unit root not rejected", "stationarity rejected", "stationarity
        not rejected").

    Raises
    ------
    InputTypeError
        When ``data`` is not a DataFrame or Series, has a column of text or booleans, or
        ``maxlag`` is not an integer.
    InputError
        For a missing, infinite or constant column, an unknown ``regression`` or ``autolag``,
        ``autolag=None`` without ``maxlag``, a negative ``maxlag``, ``alpha`` outside (0, 1),
        or fewer than ``2 (p + 1 + d) + 1`` observations (``p`` = ``maxlag`` or 0, ``d`` the
        deterministic terms).
    """
    from statsmodels.tools.sm_exceptions import InterpolationWarning
    from statsmodels.tsa.stattools import adfuller
    from statsmodels.tsa.stattools import kpss as kpss_test

    values = _checks.frame(data, "data", nonconstant=True)
    _checks.option("regression", regression, list(ADF_REGRESSIONS))
    _checks.option("autolag", autolag, ("AIC", "BIC", "t-stat", None))
    if autolag is None and maxlag is None:
        raise InputError("autolag=None needs a fixed maxlag")
    if maxlag is not None:
        maxlag = _checks.integer("maxlag", maxlag, minimum=0)
    alpha = _checks.probability("alpha", alpha)
    n = len(values)
    n_deterministic = {"n": 0, "c": 1, "ct": 2, "ctt": 3}[regression]
    # statsmodels needs maxlag < T/2 - 1 - (deterministic terms); without a maxlag it lowers its
    # default to fit, down to no lags at all
    lags = maxlag if maxlag is not None else 0
    _checks.enough(
        n,
        2 * (lags + 1 + n_deterministic) + 1,
        f"an ADF regression with {lags} lag(s) and {ADF_REGRESSIONS[regression]}",
    )
    kpss_regression = "ct" if "t" in regression else "c"

    kpss_deterministic = (
        "constant" if kpss_regression == "c" else "constant and trend"
    )
    rows = []
    for column in values.columns:
        y = values[column].to_numpy()
        adf = adfuller(
            y,
            maxlag=maxlag,
            regression=regression,
            autolag=autolag,
            result_object=True,
        )
        rejected = adf.pvalue < alpha
        rows.append(
            _test_row(
                column,
                "ADF",
                "unit root",
                ADF_REGRESSIONS[regression],
                adf,
                int(adf.nobs),
                "",
                "unit root rejected: stationary"
                if rejected
                else "unit root not rejected",
            )
        )
        if kpss:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", InterpolationWarning)
                result = kpss_test(
                    y,
                    regression=kpss_regression,
                    nlags="auto",
                    result_object=True,
                )
            for warning in caught:  # anything else is not ours to swallow
                if not issubclass(warning.category, InterpolationWarning):
                    warnings.warn_explicit(
                        warning.message,
                        warning.category,
                        warning.filename,
                        warning.lineno,
                    )
            bound = ""
            if any(
                issubclass(w.category, InterpolationWarning) for w in caught
            ):
                bound = "<" if result.pvalue <= 0.01 + 1e-12 else ">"
            rejected = result.pvalue < alpha
            rows.append(
                _test_row(
                    column,
                    "KPSS",
                    "stationary",
                    kpss_deterministic,
                    result,
                    n,
                    bound,
                    "stationarity rejected"
                    if rejected
                    else "stationarity not rejected",
                )
            )
    return pd.DataFrame(rows)


def _test_row(
    series, test, null, deterministic, result, nobs, bound, conclusion
) -> dict:
    """One row of :func:`adf_table` from a statsmodels test result."""
    crit = result.critical_values
    return {
        "series": series,
        "test": test,
        "null": null,
        "deterministic": deterministic,
        "lags": int(result.lags),
        "nobs": nobs,
        "statistic": result.statistic,
        "cv_1%": crit["1%"],
        "cv_5%": crit["5%"],
        "cv_10%": crit["10%"],
        "pvalue": result.pvalue,
        "pvalue_bound": bound,
        "conclusion": conclusion,
    }


# -- the ADF test's size and power by simulation ---------------------------------------------------


def simulate_ar1(root: float, nobs: int, n_reps: int, seed: int) -> np.ndarray:
    """``n_reps`` Gaussian AR(1) paths ``y_t = root y_{t-1} + e_t`` of length ``nobs`` (rows are
    paths).

    A stationary path starts from its stationary distribution; a unit-root path starts at zero.

    The shocks ``e_t`` are standard normal, drawn from ``numpy.random.default_rng(seed)``; with
    ``root < 1`` the first value is ``e_0 / sqrt(1 - root^2)``.

    Parameters
    ----------
    root : float
        The autoregressive coefficient, in [0, 1] (1 is a random walk).
    nobs : int
        Length of each path, at least 2.
    n_reps : int
        Number of paths, at least 1.
    seed : int
        Seed of the generator, at least 0.

    Returns
    -------
    numpy.ndarray
        Shape ``(n_reps, nobs)``, one path per row.

    Raises
    ------
    InputTypeError
        When an argument is not a number (an integer for ``nobs``, ``n_reps`` and ``seed``).
    InputError
        When ``root`` lies outside [0, 1], ``nobs`` is below 2, ``n_reps`` below 1 or ``seed``
        negative.

    Examples
    --------
    >>> simulate_ar1(0.5, nobs=4, n_reps=2, seed=0).shape
    (2, 4)
    """
    root = _checks.number("root", root, minimum=0, maximum=1)
    nobs = _checks.integer("nobs", nobs, minimum=2)
    n_reps = _checks.integer("n_reps", n_reps, minimum=1)
    rng = np.random.default_rng(_checks.integer("seed", seed, minimum=0))
    shocks = rng.standard_normal((n_reps, nobs))
    y = np.empty_like(shocks)
    y[:, 0] = shocks[:, 0] / np.sqrt(1 - root**2) if root < 1 else 0.0
    for t in range(1, nobs):
        y[:, t] = root * y[:, t - 1] + shocks[:, t]
    return y


def adf_statistics(
    paths: np.ndarray, lags: int = 0, regression: str = "c"
) -> np.ndarray:
    """The ADF t statistic of every row of ``paths`` at a fixed lag order, vectorised.

    Regresses ``dy_t`` on the deterministic terms, ``y_{t-1}`` and ``lags`` lagged differences (the
    same regression as statsmodels' ``adfuller`` with ``autolag=None``) and returns the t statistic
    of ``y_{t-1}``. It solves the normal equations of all paths at once, which is what makes a Monte
    Carlo of thousands of paths fast enough for a widget.

    With ``T = nobs - 1 - lags`` observations used, the trend (``"ct"``) runs ``1..T`` and the
    statistic is ``rho_hat / sqrt(s^2 [(X'X)^-1]_11)`` with ``s^2`` the residual variance on
    ``T`` minus the number of regressors degrees of freedom.

    Parameters
    ----------
    paths : array_like
        One path per row (a single path may be one-dimensional), in levels.
    lags : int, default 0
        Number of lagged differences ``p`` (not checked: a non-negative integer is expected).
    regression : str, default "c"
        Deterministic terms: ``"n"``, ``"c"`` or ``"ct"``.

    Returns
    -------
    numpy.ndarray
        The t statistic of ``y_{t-1}``, one per path.

    Raises
    ------
    InputError
        For an unknown ``regression``, or when the observations used do not exceed the
        regressors.

    Examples
    --------
    >>> adf_statistics(simulate_ar1(1.0, 50, 3, seed=1)).round(3).tolist()
    [-1.572, -1.799, -0.873]
    """
    _checks.option("regression", regression, ("n", "c", "ct"))
    paths = np.atleast_2d(np.asarray(paths, dtype=float))
    n_reps, nobs = paths.shape
    dy = np.diff(paths, axis=1)
    used = nobs - 1 - lags
    columns = [paths[:, lags:-1]]  # y_{t-1}
    columns += [dy[:, lags - j : nobs - 1 - j] for j in range(1, lags + 1)]
    if regression in ("c", "ct"):
        columns.append(np.ones((n_reps, used)))
    if regression == "ct":
        columns.append(
            np.broadcast_to(
                np.arange(1, used + 1, dtype=float), (n_reps, used)
            )
        )
    x = np.stack(columns, axis=2)  # (rep, t, regressor)
    _checks.enough(
        used,
        x.shape[2] + 1,
        f"an ADF regression with {lags} lag(s) and {ADF_REGRESSIONS[regression]}",
        "paths",
    )
    target = dy[:, lags:]
    xtx = np.einsum("rti,rtj->rij", x, x)
    coef = np.linalg.solve(xtx, np.einsum("rti,rt->ri", x, target)[..., None])[
        ..., 0
    ]
    resid = target - np.einsum("rti,ri->rt", x, coef)
    s2 = (resid**2).sum(axis=1) / (used - x.shape[2])
    se = np.sqrt(s2 * np.linalg.inv(xtx)[:, 0, 0])
    return coef[:, 0] / se


def adf_rejection_rates(
    sample_sizes,
    roots,
    n_reps: int = 2000,
    seed: int = 0,
    lags: int = 0,
    regression: str = "c",
    alpha: float = 0.05,
) -> pd.DataFrame:
    """Share of simulated AR(1) samples in which the ADF test rejects a unit root at level
    ``alpha``.

    For each sample size ``T`` and autoregressive root, ``n_reps`` paths are drawn
    (:func:`simulate_ar1`) and each is tested with MacKinnon's (2010) critical value for its number
    of observations, as ``adfuller`` would. With root 1 the rate is the test's actual size; below 1
    it is its power. Returns a frame indexed by sample size with one column per root.

    The test regression has fixed ``lags`` (:func:`adf_statistics`), and the critical value is
    that for ``T - 1 - lags`` observations. The ``k``-th sample size draws its paths with seed
    ``seed + k``, the same for every root (common random numbers across roots).

    Parameters
    ----------
    sample_sizes : iterable of int
        The path lengths ``T``, each at least 2 and enough for the regression.
    roots : iterable of float
        The autoregressive roots, each in [0, 1].
    n_reps : int, default 2000
        Paths per sample size and root, at least 1.
    seed : int, default 0
        Seed of the first sample size's paths, at least 0.
    lags : int, default 0
        Lagged differences in the test regression.
    regression : str, default "c"
        Deterministic terms: ``"n"``, ``"c"`` or ``"ct"``.
    alpha : float, default 0.05
        Nominal level: 0.01, 0.05 or 0.10 (MacKinnon's tabulated levels).

    Returns
    -------
    DataFrame
        Rejection shares in [0, 1], indexed by sample size (index name ``"T"``), one column
        per root (column axis name ``"root"``).

    Raises
    ------
    InputError
        For an ``alpha`` other than the three levels, an unknown ``regression``, a root outside
        [0, 1], ``n_reps`` below 1, a negative seed or a sample too short for the regression.
    InputTypeError
        When ``n_reps`` or ``seed`` is not an integer.

    Examples
    --------
    >>> rates = adf_rejection_rates([50], [1.0, 0.8], n_reps=50, seed=1)
    >>> rates.index.name, rates.columns.tolist()
    ('T', [1.0, 0.8])
    """
    # MacKinnon's tabulated levels
    _checks.option("alpha", alpha, (0.01, 0.05, 0.10))
    n_reps = _checks.integer("n_reps", n_reps, minimum=1)
    seed = _checks.integer("seed", seed, minimum=0)
    level = {0.01: "1%", 0.05: "5%", 0.10: "10%"}[alpha]
    rates = {}
    for root in roots:
        column = {}
        for k, size in enumerate(sample_sizes):
            paths = simulate_ar1(root, int(size), n_reps, seed + k)
            critical = mackinnon_critical_values(
                int(size) - 1 - lags, regression
            )[level]
            column[int(size)] = float(
                (adf_statistics(paths, lags, regression) < critical).mean()
            )
        rates[root] = pd.Series(column)
    table = pd.DataFrame(rates)
    table.index.name = "T"
    table.columns.name = "root"
    return table


def integration_table(
    levels: pd.DataFrame, alpha: float = 0.05
) -> tuple[pd.DataFrame, list[str]]:
    """ADF and KPSS on each series in (log) levels, with constant and trend, and on its growth rate
    (100 times the first difference), with a constant; and the series that behave as I(1) by ADF at
    ``alpha``: a unit root not rejected in the level and rejected in the growth rate.

    Both tables come from :func:`adf_table` with the ADF lag order chosen by AIC; the function
    takes no logs itself (pass the logs).

    Parameters
    ----------
    levels : DataFrame
        The series in (log) levels, one column each, finite and not constant.
    alpha : float, default 0.05
        Significance level of the conclusions and of the I(1) reading, in (0, 1).

    Returns
    -------
    table : DataFrame
        Indexed by ``form`` (``"log level"``, ``"growth rate"``), ``series`` and ``test``
        (``"ADF"``, ``"KPSS"``), with the columns ``deterministic``, ``lags``, ``nobs``,
        ``statistic``, ``cv_5%``, ``pvalue``, ``pvalue_bound`` and ``conclusion`` of
        :func:`adf_table`.
    integrated : list of str
        The columns (as text, in their order) whose level ADF p-value is at least ``alpha`` and
        whose growth-rate ADF p-value is below it.

    Raises
    ------
    InputTypeError
        When ``levels`` is not a DataFrame or holds text.
    InputError
        For a missing, infinite or constant column (in levels or growth rates), ``alpha``
        outside (0, 1), or too few observations for the ADF regression.
    """
    levels = _checks.frame(levels, "levels", nonconstant=True)
    growth = (100 * levels.diff()).dropna()
    table = pd.concat(
        [
            adf_table(levels, regression="ct", alpha=alpha).assign(
                form="log level"
            ),
            adf_table(growth, regression="c", alpha=alpha).assign(
                form="growth rate"
            ),
        ]
    )
    table = table.set_index(["form", "series", "test"])
    level_p = table.xs(("log level", "ADF"), level=("form", "test"))["pvalue"]
    growth_p = table.xs(("growth rate", "ADF"), level=("form", "test"))[
        "pvalue"
    ]
    integrated = [
        str(v)
        for v in levels.columns
        if level_p[v] >= alpha and growth_p[v] < alpha
    ]
    columns = [
        "deterministic",
        "lags",
        "nobs",
        "statistic",
        "cv_5%",
        "pvalue",
        "pvalue_bound",
        "conclusion",
    ]
    return table[columns], integrated
