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

    Examples
    --------
    >>> mackinnon_critical_values(None, "c").round(4).tolist()
    [-3.4304, -2.8615, -2.5668]
    """
    from statsmodels.tsa.adfvalues import mackinnoncrit

    _checks.option("regression", regression, list(ADF_REGRESSIONS))
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
    the deterministic terms of ``regression`` (``"n"``, ``"c"``, ``"ct"``, ``"ctt"``); the null is a
    unit root (rho = 0). The lag order ``p`` is chosen by ``autolag`` (``"AIC"``, ``"BIC"``,
    ``"t-stat"``) up to ``maxlag`` (statsmodels' default ``12 (T/100)^(1/4)``), or fixed at
    ``maxlag`` when ``autolag=None``. KPSS has the reverse null (level or trend stationarity; a
    constant, or a constant and trend when ``regression`` has a trend), with Newey-West lags chosen
    by the data.

    KPSS p-values are interpolated in a short table and statsmodels warns when the statistic lies
    outside it; that warning is caught here, for this call only, and the p-value is reported as the
    bound it is (column ``pvalue_bound`` holds ``"<"`` or ``">"``).

    Returns columns ``series, test, null, deterministic, lags, nobs, statistic, cv_1%, cv_5%,
    cv_10%, pvalue, pvalue_bound, conclusion``, where the conclusion is drawn at level ``alpha``.
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
    """
    _checks.option(
        "alpha", alpha, (0.01, 0.05, 0.10)
    )  # MacKinnon's tabulated levels
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
    ``alpha``: a unit root not rejected in the level and rejected in the growth rate."""
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
