"""Unit roots, vector autoregressions, variance decompositions and cointegration (时间序列).

- :func:`adf_table` runs the augmented Dickey-Fuller test (Dickey & Fuller 1979; Said & Dickey
  1984) and the KPSS test (Kwiatkowski et al. 1992) on several series with statsmodels, with
  MacKinnon (2010) critical values and p-values, and states the conclusion of each.
- :func:`var_report` selects the lag order of a VAR, fits it with statsmodels and checks stability
  and the residuals; :func:`fevd_table` prints its forecast-error variance decomposition in the
  layout papers use (an S.E. column and percentage shares), and :func:`check_fevd_table` audits
  such a table when only the printed numbers are available.
- :func:`johansen` is the Johansen (1988, 1995) reduced-rank regression for all five deterministic
  cases with optional centred seasonal dummies. statsmodels' ``coint_johansen`` covers neither a
  restricted constant nor seasonal dummies, so the estimator is written here; the tests check it
  against statsmodels where their options coincide and against R's urca (Pfaff 2008) elsewhere.
- :func:`mackinnon_critical_values` evaluates MacKinnon's response surfaces for any sample size,
  which lets a chapter ask whether printed critical values can have come from any sample at all.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import linalg

#: Deterministic cases of :func:`johansen`, in Johansen's (1995) order (his H_2, H_1*, H_1, H*, H).
JOHANSEN_CASES = {
    "n": "no deterministic terms",
    "rc": "restricted constant (in the cointegrating relations only)",
    "c": "unrestricted constant (linear trends in the levels)",
    "rt": "restricted trend (trend in the cointegrating relations, unrestricted constant)",
    "t": "unrestricted constant and trend (quadratic trends in the levels)",
}

#: ADF deterministic terms as statsmodels names them.
ADF_REGRESSIONS = {"n": "none", "c": "constant", "ct": "constant and trend", "ctt": "constant, trend and trend squared"}


# -- validation ----------------------------------------------------------------------------------


def _numeric_frame(data, argument: str = "data", min_columns: int = 1) -> pd.DataFrame:
    """Check that ``data`` holds finite, non-constant numeric series and return it as floats."""
    if isinstance(data, pd.Series):
        data = data.to_frame(data.name if data.name is not None else "y")
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"{argument} must be a pandas DataFrame or Series, got {type(data).__name__}")
    if data.shape[1] < min_columns:
        raise ValueError(f"{argument} needs at least {min_columns} column(s), got {data.shape[1]}")
    if data.columns.duplicated().any():
        raise ValueError(f"{argument} has duplicated column names: {sorted(set(data.columns[data.columns.duplicated()]))}")
    text = [str(c) for c in data.columns if not pd.api.types.is_numeric_dtype(data[c]) or pd.api.types.is_bool_dtype(data[c])]
    if text:
        raise TypeError(f"{argument} has non-numeric column(s) {', '.join(text)}; time-series methods need numbers")
    values = data.astype("float64")
    for column in values.columns:
        bad = ~np.isfinite(values[column].to_numpy())
        if bad.any():
            where = ", ".join(str(i) for i in values.index[bad][:5])
            more = f" and {bad.sum() - 5} more" if bad.sum() > 5 else ""
            raise ValueError(f"{argument}[{column!r}] has missing or infinite values at {where}{more}; "
                             "drop or fill them first (these methods need an unbroken series)")
        if values[column].nunique() < 2:
            raise ValueError(f"{argument}[{column!r}] is constant; a constant series has no dynamics to test or model")
    return values


def _check_length(n: int, needed: int, what: str, argument: str = "data") -> None:
    if n < needed:
        raise ValueError(f"{argument} has {n} observations, too few for {what}: at least {needed} are needed")


# -- MacKinnon critical values and the ADF/KPSS table -------------------------------------------------


def mackinnon_critical_values(nobs: float | None, regression: str = "c", n_series: int = 1) -> pd.Series:
    """MacKinnon's (2010) response-surface critical values at 1%, 5% and 10% for ``nobs`` observations.

    ``cv(T) = b_inf + b_1 / T + b_2 / T**2 + b_3 / T**3`` with the coefficients of MacKinnon (2010,
    Table 2) as statsmodels ships them; ``nobs=None`` gives the asymptotic values. ``n_series`` > 1
    gives the Engle-Granger cointegration critical values. The surfaces were fitted to simulations
    of moderate and large samples; for a handful of observations they are an extrapolation.
    """
    from statsmodels.tsa.adfvalues import mackinnoncrit

    if regression not in ADF_REGRESSIONS:
        raise ValueError(f"regression must be one of {list(ADF_REGRESSIONS)}, got {regression!r}")
    if nobs is not None and (not np.isfinite(nobs) or nobs <= 0):
        raise ValueError(f"nobs must be a positive number or None, got {nobs!r}")
    values = mackinnoncrit(N=n_series, regression=regression, nobs=np.inf if nobs is None else nobs)
    return pd.Series(values, index=["1%", "5%", "10%"], name=f"{regression}, T={nobs}")


def match_mackinnon(printed, nobs=range(4, 10_001), regressions=("n", "c", "ct", "ctt")) -> pd.DataFrame:
    """How close can MacKinnon's critical values come to a printed 1%, 5%, 10% triple?

    For each deterministic case in ``regressions`` and every sample size in ``nobs``, the three
    response-surface values are computed; the row kept per case is the sample size with the
    smallest largest gap ``max_level |cv(T) - printed|``. Critical values of one test at one sample
    size come as a triple, so a printed triple that no ``(case, T)`` approaches cannot be the
    output of an ADF test. ``printed`` is a mapping or Series with keys ``"1%", "5%", "10%"``.
    The default range starts at 4 observations, the fewest with which the simplest ADF regression
    (a constant and no lags) keeps a residual degree of freedom.
    """
    try:
        target = np.array([float(printed[level]) for level in ("1%", "5%", "10%")])
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(f"printed must give numbers for '1%', '5%' and '10%', got {printed!r}") from error
    sizes = np.asarray(list(nobs), dtype=float)
    if sizes.size == 0 or (sizes <= 0).any():
        raise ValueError("nobs must be a non-empty range of positive sample sizes")
    from statsmodels.tsa.adfvalues import tau_2010s

    rows = []
    for regression in regressions:
        if regression not in ADF_REGRESSIONS:
            raise ValueError(f"regressions must be among {list(ADF_REGRESSIONS)}, got {regression!r}")
        coefficients = tau_2010s[regression][0]  # (level, power of 1/T), one series
        values = np.polynomial.polynomial.polyval(1 / sizes, coefficients.T).T  # (T, level)
        gaps = np.abs(values - target).max(axis=1)
        best = int(gaps.argmin())
        rows.append({"regression": regression, "nobs": int(sizes[best]), "cv_1%": values[best, 0],
                     "cv_5%": values[best, 1], "cv_10%": values[best, 2], "largest_gap": gaps[best]})
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

    The ADF regression is ``dy_t = a + b t + rho y_{t-1} + sum_{j=1}^{p} g_j dy_{t-j} + e_t`` with the
    deterministic terms of ``regression`` (``"n"``, ``"c"``, ``"ct"``, ``"ctt"``); the null is a unit
    root (rho = 0). The lag order ``p`` is chosen by ``autolag`` (``"AIC"``, ``"BIC"``, ``"t-stat"``)
    up to ``maxlag`` (statsmodels' default ``12 (T/100)^(1/4)``), or fixed at ``maxlag`` when
    ``autolag=None``. KPSS has the reverse null (level or trend stationarity; a constant, or a
    constant and trend when ``regression`` has a trend), with Newey-West lags chosen by the data.

    KPSS p-values are interpolated in a short table and statsmodels warns when the statistic lies
    outside it; that warning is caught here, for this call only, and the p-value is reported as
    the bound it is (column ``p_bound`` holds ``"<"`` or ``">"``).

    Returns columns ``series, test, null, deterministic, lags, nobs, statistic, cv_1%, cv_5%,
    cv_10%, p_value, p_bound, conclusion``, where the conclusion is drawn at level ``alpha``.
    """
    from statsmodels.tools.sm_exceptions import InterpolationWarning
    from statsmodels.tsa.stattools import adfuller
    from statsmodels.tsa.stattools import kpss as kpss_test

    values = _numeric_frame(data)
    if regression not in ADF_REGRESSIONS:
        raise ValueError(f"regression must be one of {list(ADF_REGRESSIONS)}, got {regression!r}")
    if autolag not in ("AIC", "BIC", "t-stat", None):
        raise ValueError(f"autolag must be 'AIC', 'BIC', 't-stat' or None, got {autolag!r}")
    if autolag is None and maxlag is None:
        raise ValueError("autolag=None needs a fixed maxlag")
    if maxlag is not None and (not isinstance(maxlag, (int, np.integer)) or maxlag < 0):
        raise ValueError(f"maxlag must be a non-negative integer or None, got {maxlag!r}")
    if not 0 < alpha < 1:
        raise ValueError(f"alpha must lie between 0 and 1, got {alpha!r}")
    n = len(values)
    n_deterministic = {"n": 0, "c": 1, "ct": 2, "ctt": 3}[regression]
    # statsmodels needs maxlag < T/2 - 1 - (deterministic terms); without a maxlag it lowers its
    # default to fit, down to no lags at all
    lags = maxlag if maxlag is not None else 0
    _check_length(n, 2 * (lags + 1 + n_deterministic) + 1,
                  f"an ADF regression with {lags} lag(s) and {ADF_REGRESSIONS[regression]}")
    kpss_regression = "ct" if "t" in regression else "c"

    rows = []
    for column in values.columns:
        y = values[column].to_numpy()
        adf = adfuller(y, maxlag=maxlag, regression=regression, autolag=autolag, result_object=True)
        crit = adf.critical_values
        reject = adf.pvalue < alpha
        rows.append({
            "series": column, "test": "ADF", "null": "unit root", "deterministic": ADF_REGRESSIONS[regression],
            "lags": int(adf.lags), "nobs": int(adf.nobs), "statistic": adf.statistic,
            "cv_1%": crit["1%"], "cv_5%": crit["5%"], "cv_10%": crit["10%"], "p_value": adf.pvalue, "p_bound": "",
            "conclusion": "unit root rejected: stationary" if reject else "unit root not rejected",
        })
        if kpss:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", InterpolationWarning)
                result = kpss_test(y, regression=kpss_regression, nlags="auto", result_object=True)
            for warning in caught:  # anything else is not ours to swallow
                if not issubclass(warning.category, InterpolationWarning):
                    warnings.warn_explicit(warning.message, warning.category, warning.filename, warning.lineno)
            bound = ""
            if any(issubclass(w.category, InterpolationWarning) for w in caught):
                bound = "<" if result.pvalue <= 0.01 + 1e-12 else ">"
            kcrit = result.critical_values
            reject = result.pvalue < alpha
            rows.append({
                "series": column, "test": "KPSS", "null": "stationary",
                "deterministic": "constant" if kpss_regression == "c" else "constant and trend",
                "lags": int(result.lags), "nobs": n, "statistic": result.statistic,
                "cv_1%": kcrit["1%"], "cv_5%": kcrit["5%"], "cv_10%": kcrit["10%"], "p_value": result.pvalue, "p_bound": bound,
                "conclusion": "stationarity rejected" if reject else "stationarity not rejected",
            })
    return pd.DataFrame(rows)


# -- the ADF test's size and power by simulation ---------------------------------------------------


def simulate_ar1(root: float, nobs: int, n_reps: int, seed: int) -> np.ndarray:
    """``n_reps`` Gaussian AR(1) paths ``y_t = root y_{t-1} + e_t`` of length ``nobs`` (rows are paths).

    A stationary path starts from its stationary distribution; a unit-root path starts at zero.
    """
    if not 0 <= root <= 1:
        raise ValueError(f"root must lie in [0, 1], got {root!r}")
    rng = np.random.default_rng(seed)
    shocks = rng.standard_normal((n_reps, nobs))
    y = np.empty_like(shocks)
    y[:, 0] = shocks[:, 0] / np.sqrt(1 - root**2) if root < 1 else 0.0
    for t in range(1, nobs):
        y[:, t] = root * y[:, t - 1] + shocks[:, t]
    return y


def adf_statistics(paths: np.ndarray, lags: int = 0, regression: str = "c") -> np.ndarray:
    """The ADF t statistic of every row of ``paths`` at a fixed lag order, vectorised.

    Regresses ``dy_t`` on the deterministic terms, ``y_{t-1}`` and ``lags`` lagged differences
    (the same regression as statsmodels' ``adfuller`` with ``autolag=None``) and returns the t
    statistic of ``y_{t-1}``. It solves the normal equations of all paths at once, which is what
    makes a Monte Carlo of thousands of paths fast enough for a widget.
    """
    if regression not in ("n", "c", "ct"):
        raise ValueError(f"regression must be 'n', 'c' or 'ct', got {regression!r}")
    paths = np.atleast_2d(np.asarray(paths, dtype=float))
    n_reps, nobs = paths.shape
    dy = np.diff(paths, axis=1)
    used = nobs - 1 - lags
    columns = [paths[:, lags:-1]]  # y_{t-1}
    columns += [dy[:, lags - j: nobs - 1 - j] for j in range(1, lags + 1)]
    if regression in ("c", "ct"):
        columns.append(np.ones((n_reps, used)))
    if regression == "ct":
        columns.append(np.broadcast_to(np.arange(1, used + 1, dtype=float), (n_reps, used)))
    x = np.stack(columns, axis=2)  # (rep, t, regressor)
    _check_length(used, x.shape[2] + 1, f"an ADF regression with {lags} lag(s) and {ADF_REGRESSIONS[regression]}", "paths")
    target = dy[:, lags:]
    xtx = np.einsum("rti,rtj->rij", x, x)
    coef = np.linalg.solve(xtx, np.einsum("rti,rt->ri", x, target)[..., None])[..., 0]
    resid = target - np.einsum("rti,ri->rt", x, coef)
    s2 = (resid**2).sum(axis=1) / (used - x.shape[2])
    se = np.sqrt(s2 * np.linalg.inv(xtx)[:, 0, 0])
    return coef[:, 0] / se


def adf_rejection_rates(
    sample_sizes, roots, n_reps: int = 2000, seed: int = 0, lags: int = 0, regression: str = "c", alpha: float = 0.05,
) -> pd.DataFrame:
    """Share of simulated AR(1) samples in which the ADF test rejects a unit root at level ``alpha``.

    For each sample size ``T`` and autoregressive root, ``n_reps`` paths are drawn
    (:func:`simulate_ar1`) and each is tested with MacKinnon's (2010) critical value for its
    number of observations, as ``adfuller`` would. With root 1 the rate is the test's actual size;
    below 1 it is its power. Returns a frame indexed by sample size with one column per root.
    """
    if alpha not in (0.01, 0.05, 0.10):
        raise ValueError(f"alpha must be 0.01, 0.05 or 0.10 (MacKinnon's tabulated levels), got {alpha!r}")
    level = {0.01: "1%", 0.05: "5%", 0.10: "10%"}[alpha]
    rates = {}
    for root in roots:
        column = {}
        for k, size in enumerate(sample_sizes):
            paths = simulate_ar1(root, int(size), n_reps, seed + k)
            critical = mackinnon_critical_values(int(size) - 1 - lags, regression)[level]
            column[int(size)] = float((adf_statistics(paths, lags, regression) < critical).mean())
        rates[root] = pd.Series(column)
    table = pd.DataFrame(rates)
    table.index.name = "T"
    table.columns.name = "root"
    return table


# -- VAR: selection, estimation, checks, and the variance decomposition ------------------------------


@dataclass
class VARReport:
    """What :func:`var_report` found: the chosen lag, the fit and its checks.

    ``selection`` has one row per lag order and the columns AIC, BIC, FPE, HQIC (statsmodels'
    ``select_order`` on a common sample), ``chosen`` the orders each criterion picks; ``results``
    is statsmodels' ``VARResults``; ``roots`` the moduli of the companion-matrix eigenvalues
    (stable when all are below one); ``whiteness`` the Portmanteau test of residual
    autocorrelation and ``normality`` the Jarque-Bera test of the residuals.
    """

    selection: pd.DataFrame
    chosen: pd.Series
    lags: int
    results: object
    roots: pd.Series
    is_stable: bool
    whiteness: pd.Series
    normality: pd.Series

    def summary(self) -> pd.Series:
        """One line per check, for display."""
        return pd.Series({
            "lag order": self.lags,
            "observations used": int(self.results.nobs),
            "largest root modulus": round(float(self.roots.max()), 4),
            "stable": self.is_stable,
            f"Portmanteau p-value (lags {int(self.whiteness['lags'])})": round(float(self.whiteness["p_value"]), 4),
            "Jarque-Bera p-value": round(float(self.normality["p_value"]), 4),
        })


def _var_parameters(k: int, lags: int, trend: str) -> int:
    return k * lags + {"n": 0, "c": 1, "ct": 2, "ctt": 3}[trend]


def var_minimum_observations(k: int, lags: int, trend: str = "c") -> int:
    """Fewest observations of a VAR(``lags``) in ``k`` variables whose residual covariance can be
    non-singular: ``lags`` start-up values, then ``k lags`` + deterministic coefficients per equation
    plus at least ``k`` residual degrees of freedom (a k x k covariance needs k independent residuals)."""
    return lags + _var_parameters(k, lags, trend) + k


def var_report(
    data: pd.DataFrame,
    maxlags: int = 8,
    ic: str = "aic",
    lags: int | None = None,
    trend: str = "c",
    whiteness_lags: int | None = None,
) -> VARReport:
    """Select, fit and check a VAR with statsmodels.

    The lag order is the one ``ic`` (``"aic"``, ``"bic"``, ``"hqic"``, ``"fpe"``) picks among
    ``1..maxlags`` on a common sample, unless ``lags`` fixes it. Each equation of a VAR(p) with
    ``k`` variables has ``k p`` lag coefficients plus the deterministic terms, and OLS needs more
    observations than that after losing ``p`` to the lags, so short series are refused with the
    arithmetic. The residual checks are the Portmanteau test (Lütkepohl 2005, 4.4.3) with
    ``whiteness_lags`` (default ``max(2p, 10)``, capped by the sample) and Jarque-Bera normality.
    """
    from statsmodels.tsa.api import VAR
    from statsmodels.tools.sm_exceptions import ValueWarning

    values = _numeric_frame(data, min_columns=2)
    if ic not in ("aic", "bic", "hqic", "fpe"):
        raise ValueError(f"ic must be one of 'aic', 'bic', 'hqic', 'fpe', got {ic!r}")
    if trend not in ("n", "c", "ct", "ctt"):
        raise ValueError(f"trend must be one of 'n', 'c', 'ct', 'ctt', got {trend!r}")
    for argument, value in (("maxlags", maxlags), ("lags", lags)):
        if value is not None and (not isinstance(value, (int, np.integer)) or value < 1):
            raise ValueError(f"{argument} must be a positive integer, got {value!r}")
    n, k = values.shape
    top = lags if lags is not None else maxlags
    needed = var_minimum_observations(k, top, trend)
    _check_length(n, needed, f"a VAR({top}) in {k} variables ({_var_parameters(k, top, trend)} coefficients "
                  f"per equation, {top} observation(s) lost to the lags, {k} residual degrees of freedom "
                  "for a non-singular residual covariance)")
    # statsmodels warns when a date index has no frequency; the dates are labels only here
    index = values.index
    if isinstance(index, pd.DatetimeIndex) and index.freq is None:
        inferred = pd.infer_freq(index) if len(index) > 2 else None
        values = values.copy()
        values.index = pd.DatetimeIndex(index, freq=inferred) if inferred else pd.RangeIndex(n)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ValueWarning)
        model = VAR(values)
    if lags is None:
        order = model.select_order(maxlags=maxlags, trend=trend)
        selection = pd.DataFrame({name.upper(): order.ics[name] for name in ("aic", "bic", "fpe", "hqic")})
        selection.index.name = "lags"
        chosen = pd.Series({name.upper(): int(order.selected_orders[name]) for name in ("aic", "bic", "fpe", "hqic")})
        lags = max(int(order.selected_orders[ic]), 1)
    else:
        selection = pd.DataFrame(columns=["AIC", "BIC", "FPE", "HQIC"])
        chosen = pd.Series(dtype="int64")
    results = model.fit(lags, trend=trend)
    roots = pd.Series(np.sort(1 / np.abs(results.roots))[::-1], name="modulus")
    roots.index.name = "eigenvalue"
    h = whiteness_lags if whiteness_lags is not None else max(2 * lags, 10)
    h = min(h, int(results.nobs) // 2)
    white = pd.Series({"lags": h, "statistic": np.nan, "p_value": np.nan})
    if h > lags:
        w = results.test_whiteness(nlags=h)
        white = pd.Series({"lags": h, "statistic": float(w.test_statistic), "p_value": float(w.pvalue)})
    norm = results.test_normality()
    normality = pd.Series({"statistic": float(norm.test_statistic), "p_value": float(norm.pvalue)})
    return VARReport(selection, chosen, int(lags), results, roots, bool(roots.max() < 1), white, normality)


def _ma_coefficients(coefs: np.ndarray, horizon: int) -> np.ndarray:
    """Phi_0..Phi_{horizon-1} of the moving-average form, Phi_h = sum_l A_l Phi_{h-l}."""
    p, k, _ = coefs.shape
    phi = np.zeros((horizon, k, k))
    phi[0] = np.eye(k)
    for h in range(1, horizon):
        for lag in range(1, min(h, p) + 1):
            phi[h] += coefs[lag - 1] @ phi[h - lag]
    return phi


def fevd_table(results, horizons=(1, 2, 5, 10), order: list[str] | None = None, variable: str | None = None) -> pd.DataFrame:
    """Forecast-error variance decomposition in the layout papers print.

    For an ``h``-step forecast of variable ``i`` the error variance is
    ``MSE_i(h) = sum_{l<h} (Phi_l Sigma Phi_l')_{ii}`` and the share due to the orthogonalised shock
    ``j`` is ``100 sum_{l<h} (Phi_l P)_{ij}^2 / MSE_i(h)``, with ``P`` the lower Cholesky factor of
    the residual covariance ``Sigma`` in the variable ``order`` given (default: the column order of
    the fit; Lütkepohl 2005, 2.3.3). The ``S.E.`` column is ``sqrt(MSE_i(h))``, the standard error
    of the forecast, which cannot fall as the horizon grows; the shares of each row sum to 100.

    ``results`` is a fitted statsmodels ``VARResults`` (or a :class:`VARReport`). Returns a frame
    indexed by ``(variable, period)``, or by ``period`` when ``variable`` is given.
    """
    if isinstance(results, VARReport):
        results = results.results
    if not hasattr(results, "coefs") or not hasattr(results, "sigma_u"):
        raise TypeError(f"results must be a fitted statsmodels VARResults or a VARReport, got {type(results).__name__}")
    names = [str(n) for n in results.names]
    horizons = list(horizons)
    if not horizons or any(not isinstance(h, (int, np.integer)) or h < 1 for h in horizons):
        raise ValueError(f"horizons must be positive integers, got {horizons!r}")
    order = names if order is None else [str(o) for o in order]
    if sorted(order) != sorted(names):
        raise ValueError(f"order must list each of {names} once, got {order}")
    if variable is not None and str(variable) not in names:
        raise ValueError(f"variable must be one of {names}, got {variable!r}")
    position = [names.index(o) for o in order]
    sigma = np.asarray(results.sigma_u)
    chol = np.zeros_like(sigma)
    chol[np.ix_(position, position)] = np.linalg.cholesky(sigma[np.ix_(position, position)])
    phi = _ma_coefficients(np.asarray(results.coefs), max(horizons))
    theta = phi @ chol  # orthogonalised responses, columns in the original variable positions
    contributions = np.cumsum(theta**2, axis=0)  # (horizon, variable, shock)
    rows = []
    for i, name in enumerate(names):
        for h in horizons:
            mse = contributions[h - 1, i].sum()
            shares = 100 * contributions[h - 1, i, position] / mse
            rows.append({"variable": name, "period": h, "S.E.": np.sqrt(mse), **dict(zip(order, shares))})
    table = pd.DataFrame(rows).set_index(["variable", "period"])
    return table.loc[str(variable)] if variable is not None else table


def check_fevd_table(table: pd.DataFrame, decimals: int = 2, se_column: str = "S.E.") -> pd.DataFrame:
    """Audit a printed variance-decomposition table, one finding per row.

    ``table`` is indexed by the horizon (increasing) with an S.E. column and one column per shock,
    in percent, as printed. For each row it checks that the shares sum to 100 within the rounding of
    ``decimals`` printed decimals (``n_shares * 0.5 * 10**-decimals``), that every share lies in
    [0, 100], and that the S.E. does not fall from the previous row (a forecast's error variance
    adds a non-negative term with each step ahead). Returns, per row, ``row_sum``, ``sums_to_100``,
    ``shares_in_range``, ``se_non_decreasing`` (``None`` for the first row), ``ok`` and a ``finding``.
    """
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"table must be a pandas DataFrame, got {type(table).__name__}")
    if se_column not in table.columns:
        raise ValueError(f"table has no {se_column!r} column; its columns are {list(table.columns)}")
    shares = table.drop(columns=[se_column])
    if shares.shape[1] < 2:
        raise ValueError("table needs at least two share columns besides the S.E. column")
    text = [str(c) for c in table.columns if not pd.api.types.is_numeric_dtype(table[c])]
    if text:
        raise TypeError(f"table has non-numeric column(s) {', '.join(text)}")
    if table.isna().any().any():
        raise ValueError(f"table has missing values in column(s) {list(table.columns[table.isna().any()])}")
    if not table.index.is_monotonic_increasing or table.index.has_duplicates:
        raise ValueError(f"table must be indexed by increasing horizons, got {list(table.index)}")
    if not isinstance(decimals, (int, np.integer)) or decimals < 0:
        raise ValueError(f"decimals must be a non-negative integer, got {decimals!r}")
    tolerance = shares.shape[1] * 0.5 * 10.0**-decimals
    rows = []
    previous_se = None
    for period, row in table.iterrows():
        total = float(row[shares.columns].sum())
        sums = abs(total - 100) <= tolerance * (1 + 1e-9)
        in_range = bool(((row[shares.columns] >= 0) & (row[shares.columns] <= 100)).all())
        se = float(row[se_column])
        se_ok = None if previous_se is None else se >= previous_se
        problems = []
        if not sums:
            problems.append(f"shares sum to {total:.{decimals}f}, not 100")
        if not in_range:
            problems.append("a share lies outside [0, 100]")
        if se_ok is False:
            problems.append(f"S.E. falls from {previous_se:g} to {se:g}")
        rows.append({
            "period": period, "row_sum": total, "sums_to_100": sums, "shares_in_range": in_range,
            "se_non_decreasing": se_ok, "ok": not problems, "finding": "; ".join(problems) or "consistent",
        })
        previous_se = se
    return pd.DataFrame(rows).set_index("period")


# -- Johansen -------------------------------------------------------------------------------------------


@dataclass
class JohansenResult:
    """Eigenvalues, test statistics, critical values and cointegrating vectors of :func:`johansen`.

    ``tests`` has one row per null hypothesis ``rank <= r`` (r = 0..k-1) with the trace and
    maximum-eigenvalue statistics and, where a published table covers the case, their 90/95/99%
    critical values (NaN where it does not). ``vectors`` holds the eigenvectors as columns, each
    normalised so that its first variable has coefficient 1 (rows: the variables, then ``const`` or
    ``trend`` for a restricted term; a vector whose first coefficient is exactly zero is left
    unscaled); ``loadings`` the matching adjustment coefficients alpha, so that
    ``loadings @ vectors.T`` is the long-run matrix ``Pi`` (for the full rank).
    """

    eigenvalues: pd.Series
    tests: pd.DataFrame
    vectors: pd.DataFrame
    loadings: pd.DataFrame
    deterministic: str
    k_ar_diff: int
    seasons: int
    nobs: int

    def rank(self, test: str = "trace", level: str = "95%") -> int | None:
        """The first ``r`` whose null ``rank <= r`` is not rejected (None without critical values)."""
        if test not in ("trace", "max_eig"):
            raise ValueError(f"test must be 'trace' or 'max_eig', got {test!r}")
        column = f"{test}_cv_{level}"
        if column not in self.tests or self.tests[column].isna().any():
            return None
        for r, row in self.tests.iterrows():
            if row[test] <= row[column]:
                return int(r)
        return len(self.tests)


def _residuals(y: np.ndarray, x: np.ndarray) -> np.ndarray:
    if x.shape[1] == 0:
        return y
    coef, *_ = np.linalg.lstsq(x, y, rcond=None)
    return y - x @ coef


def centred_seasonal_dummies(nobs: int, seasons: int) -> np.ndarray:
    """Johansen's centred seasonal dummies: ``seasons - 1`` columns, ``1 - 1/s`` in their season and
    ``-1/s`` otherwise, the first observation in season 1 (as R's urca ``ca.jo``)."""
    pattern = np.eye(seasons)[:, :-1] - 1 / seasons
    return np.tile(pattern, (nobs // seasons + 1, 1))[:nobs]


def johansen_minimum_observations(k: int, k_ar_diff: int, deterministic: str = "c", seasons: int = 0) -> int:
    """Fewest observations for :func:`johansen`: ``k_ar_diff + 1`` start-up values, then more rows
    than the ``k k_ar_diff`` lagged differences, the unrestricted terms and the ``k`` (or ``k + 1``)
    levels, so that both auxiliary regressions keep a residual degree of freedom."""
    unrestricted = {"c": 1, "rt": 1, "t": 2}.get(deterministic, 0) + max(seasons - 1, 0)
    return k_ar_diff + 1 + k * k_ar_diff + unrestricted + k + 2


def johansen(data: pd.DataFrame, k_ar_diff: int = 1, deterministic: str = "c", seasons: int = 0) -> JohansenResult:
    """Johansen's trace and maximum-eigenvalue tests of the cointegrating rank.

    The VECM is ``dy_t = alpha beta' y*_{t-1} + sum_{i=1}^{k_ar_diff} Gamma_i dy_{t-i} + D_t + e_t``.
    ``y*`` is ``y`` augmented by 1 (``"rc"``) or by ``t`` (``"rt"``); the unrestricted terms ``D_t``
    are a constant (``"c"``, ``"rt"``, ``"t"``), a trend (``"t"``) and ``seasons - 1`` centred
    seasonal dummies. With ``R0`` and ``R1`` the residuals of ``dy_t`` and ``y*_{t-1}`` on the
    lagged differences and ``D_t``, ``S_ij = R_i'R_j / T``, the eigenvalues solve
    ``|lambda S11 - S10 S00^-1 S01| = 0`` (Johansen 1995, ch. 6); the trace statistic for
    ``rank <= r`` is ``-T sum_{i>r} ln(1 - lambda_i)`` and the maximum-eigenvalue statistic
    ``-T ln(1 - lambda_{r+1})``, with ``T`` the observations used.

    Critical values come from the tables statsmodels ships (Osterwald-Lenum 1992 as tabulated in
    LeSage's jplv toolbox) for cases ``"n"`` and ``"c"``, and from ``data/johansen_critical_values``
    (Osterwald-Lenum 1992, as R's urca tabulates them) for ``"rc"`` and ``"rt"``; seasonal dummies
    leave the asymptotic tables unchanged. Case ``"t"`` has no table here, so its critical values
    are NaN.
    """
    if deterministic not in JOHANSEN_CASES:
        raise ValueError(f"deterministic must be one of {list(JOHANSEN_CASES)}, got {deterministic!r}")
    if not isinstance(k_ar_diff, (int, np.integer)) or k_ar_diff < 0:
        raise ValueError(f"k_ar_diff must be a non-negative integer, got {k_ar_diff!r}")
    if not isinstance(seasons, (int, np.integer)) or seasons < 0 or seasons == 1:
        raise ValueError(f"seasons must be 0 (none) or an integer of at least 2, got {seasons!r}")
    values = _numeric_frame(data, min_columns=2)
    y = values.to_numpy()
    n, k = y.shape
    needed = johansen_minimum_observations(k, k_ar_diff, deterministic, seasons)
    _check_length(n, needed, f"a Johansen test of {k} series with {k_ar_diff} lagged difference(s)")

    dy = np.diff(y, axis=0)
    nobs = n - 1 - k_ar_diff
    z0 = dy[k_ar_diff:]
    lagged = [dy[k_ar_diff - i: len(dy) - i] for i in range(1, k_ar_diff + 1)]
    z2 = np.column_stack(lagged) if lagged else np.empty((nobs, 0))
    trend = np.arange(k_ar_diff + 1, n, dtype=float)  # the time index of each used observation
    z1 = y[k_ar_diff:-1]
    extra_name = None
    if deterministic == "rc":
        z1, extra_name = np.column_stack([z1, np.ones(nobs)]), "const"
    if deterministic == "rt":
        z1, extra_name = np.column_stack([z1, trend]), "trend"
    terms = [z2]
    if deterministic in ("c", "rt", "t"):
        terms.append(np.ones((nobs, 1)))
    if deterministic == "t":
        terms.append(trend[:, None])
    if seasons:
        terms.append(centred_seasonal_dummies(n, seasons)[k_ar_diff + 1:])
    z2 = np.column_stack(terms)

    r0, r1 = _residuals(z0, z2), _residuals(z1, z2)
    s00, s01, s11 = r0.T @ r0 / nobs, r0.T @ r1 / nobs, r1.T @ r1 / nobs
    # symmetric-definite generalized eigenproblem; eigh returns V with V' S11 V = I
    eigenvalues, vectors = linalg.eigh(s01.T @ np.linalg.solve(s00, s01), s11)
    keep = np.argsort(eigenvalues)[::-1]
    eigenvalues, vectors = eigenvalues[keep][:k], vectors[:, keep][:, :k]
    eigenvalues = np.clip(eigenvalues, 0.0, 1.0 - 1e-15)

    log_terms = np.log(1 - eigenvalues)
    trace = -nobs * np.cumsum(log_terms[::-1])[::-1]
    max_eig = -nobs * log_terms
    tests = pd.DataFrame({"trace": trace, "max_eig": max_eig}, index=pd.RangeIndex(k, name="r"))
    table = johansen_critical_values(deterministic, k)
    for test in ("trace", "max_eig"):
        for level in ("90%", "95%", "99%"):
            tests[f"{test}_cv_{level}"] = table[f"{test}_{level}"].to_numpy() if table is not None else np.nan

    names = [str(c) for c in values.columns] + ([extra_name] if extra_name else [])
    labels = [f"r{i + 1}" for i in range(k)]
    alpha = s01 @ vectors  # loadings of the S11-normalised vectors
    first = vectors[0].copy()
    first[np.abs(first) < 1e-300] = 1.0
    beta = pd.DataFrame(vectors / first, index=names, columns=labels)
    loadings = pd.DataFrame(alpha * first, index=[str(c) for c in values.columns], columns=labels)
    return JohansenResult(
        eigenvalues=pd.Series(eigenvalues, index=labels, name="eigenvalue"),
        tests=tests, vectors=beta, loadings=loadings, deterministic=deterministic,
        k_ar_diff=int(k_ar_diff), seasons=int(seasons), nobs=int(nobs),
    )


def johansen_critical_values(deterministic: str, k: int) -> pd.DataFrame | None:
    """90/95/99% critical values of the trace and max-eigenvalue tests for ``rank <= r``, r = 0..k-1.

    Cases ``"n"`` and ``"c"``: the tables in statsmodels (``c_sjt``, ``c_sja``), for up to 12
    variables. Cases ``"rc"`` and ``"rt"``: Osterwald-Lenum (1992), as R's urca tabulates them, for
    up to 11 variables (``data/johansen_critical_values``). Returns None where no table exists.
    """
    if deterministic in ("n", "c"):
        if k > 12:
            return None
        from statsmodels.tsa.coint_tables import c_sja, c_sjt

        order = {"n": -1, "c": 0}[deterministic]
        rows = []
        for r in range(k):
            trace, max_eig = c_sjt(k - r, order), c_sja(k - r, order)
            rows.append({**{f"trace_{l}": v for l, v in zip(("90%", "95%", "99%"), trace)},
                         **{f"max_eig_{l}": v for l, v in zip(("90%", "95%", "99%"), max_eig)}})
        return pd.DataFrame(rows)
    if deterministic in ("rc", "rt"):
        from helpers import data

        table = data.load("johansen_critical_values")
        case = table[table["case"] == deterministic]
        if k > case["n_minus_r"].max():
            return None
        rows = []
        for r in range(k):
            part = case[case["n_minus_r"] == k - r].set_index("test")
            rows.append({f"{test}_{level}": part.loc[test, f"cv_{level[:2]}"]
                         for test in ("trace", "max_eig") for level in ("90%", "95%", "99%")})
        return pd.DataFrame(rows)
    return None
