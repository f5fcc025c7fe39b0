"""Vector autoregressions (chapter 5): lag selection, estimation and checks with statsmodels, the
variance decomposition in the layout papers print, and an audit of a printed decomposition."""

from __future__ import annotations

import warnings
from dataclasses import dataclass

import numpy as np
import pandas as pd

from helpers import _checks, _var
from helpers._stats import TestStatistic
from helpers.errors import InputError, InputTypeError


@dataclass
class VARReport:
    """What :func:`var_report` found: the chosen lag, the fit and its checks.

    ``selection`` has one row per lag order and the columns AIC, BIC, FPE, HQIC (statsmodels'
    ``select_order`` on a common sample), ``chosen`` the orders each criterion picks; ``results``
    is statsmodels' ``VARResults``; ``roots`` the moduli of the companion-matrix eigenvalues (stable
    when all are below one); ``whiteness`` the Portmanteau test of residual autocorrelation and
    ``normality`` the Jarque-Bera test of the residuals (each a
    :class:`helpers._stats.TestStatistic`; the Portmanteau test is not defined, and says why, when
    the sample allows no more autocorrelation lags than the VAR has).
    """

    selection: pd.DataFrame
    chosen: pd.Series
    lags: int
    results: object
    roots: pd.Series
    is_stable: bool
    whiteness: TestStatistic
    normality: TestStatistic

    @property
    def numbers(self) -> pd.Series:
        """The checks as numbers, for saving: lag order, observations, largest root modulus,
        stability (1 or 0), and each test's statistic, degrees of freedom and p-value (NaN where
        a test is not defined)."""

        def number(value) -> float:
            return float("nan") if value is None else float(value)

        out = {
            "lag order": float(self.lags),
            "observations used": float(self.results.nobs),
            "largest root modulus": float(self.roots.max()),
            "stable": float(self.is_stable),
        }
        for name, test in (
            ("Portmanteau", self.whiteness),
            ("Jarque-Bera", self.normality),
        ):
            out[f"{name} statistic"] = number(test.stat)
            out[f"{name} df"] = number(test.df)
            out[f"{name} p-value"] = number(test.pvalue)
        return pd.Series(out, name="value")

    @property
    def summary(self) -> pd.Series:
        """The checks as a reader is shown them, one line of text each
        (:func:`helpers.timeseries.reading.var_summary`; :attr:`numbers` for the values)."""
        from helpers.timeseries.reading import var_summary

        return var_summary(self)


def _var_parameters(k: int, lags: int, trend: str) -> int:
    return k * lags + {"n": 0, "c": 1, "ct": 2, "ctt": 3}[trend]


def var_minimum_observations(k: int, lags: int, trend: str = "c") -> int:
    """Fewest observations of a VAR(``lags``) in ``k`` variables whose residual covariance can be
    non-singular: ``lags`` start-up values, then ``k lags`` + deterministic coefficients per
    equation plus at least ``k`` residual degrees of freedom (a k x k covariance needs k independent
    residuals).

    That is ``lags + (k lags + d) + k`` with ``d`` the deterministic terms of ``trend`` (0, 1, 2
    or 3).

    Parameters
    ----------
    k : int
        Number of variables.
    lags : int
        Lag order ``p``.
    trend : str, default "c"
        Deterministic terms as statsmodels names them: ``"n"``, ``"c"``, ``"ct"`` or ``"ctt"``
        (not checked; another value raises ``KeyError``).

    Returns
    -------
    int
        The fewest observations (rows of the data in levels of the VAR).

    Examples
    --------
    >>> var_minimum_observations(2, 3)
    12
    """
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

    The VAR(p) is ``y_t = nu + A_1 y_{t-1} + ... + A_p y_{t-p} + u_t`` (``nu`` the terms of
    ``trend``), fitted by OLS equation by equation. With ``T`` the observations after the lags,
    ``Sigma~(p)`` the maximum-likelihood residual covariance and ``m = p k^2 + k d`` the free
    coefficients (``d`` deterministic terms), the criteria are (Lütkepohl 2005, 4.3; statsmodels'
    ``select_order``, all orders fitted on the sample of ``maxlags``):

    - ``AIC(p) = ln|Sigma~(p)| + 2 m / T``
    - ``BIC(p) = ln|Sigma~(p)| + ln(T) m / T``
    - ``HQIC(p) = ln|Sigma~(p)| + 2 ln(ln T) m / T``
    - ``FPE(p) = ((T + k p + d) / (T - k p - d))^k |Sigma~(p)|``

    A criterion that picks 0 lags gives a VAR(1). The roots are the moduli of the eigenvalues of
    the companion matrix ``[[A_1 ... A_p], [I 0]]``; the VAR is stable when all are below one.
    The Portmanteau statistic is ``Q_h = T sum_{j=1}^{h} tr(C_j' C_0^-1 C_j C_0^-1)`` with ``C_j``
    the residual autocovariances, chi-squared with ``k^2 (h - p)`` degrees of freedom; it needs
    ``h > p``, with ``h`` at most half the observations used. Jarque-Bera is Lütkepohl's (2005,
    4.5) multivariate test, chi-squared with ``2k`` degrees of freedom. A date index without a
    frequency is given its inferred one (or replaced by 0..n-1) for statsmodels.

    Parameters
    ----------
    data : DataFrame
        The series, one column each, at least two, finite, none constant and none a linear
        combination of the others (e.g. growth rates, or levels for a VAR in levels).
    maxlags : int, default 8
        The largest lag order the criteria compare, at least 1.
    ic : str, default "aic"
        The criterion that chooses the order: ``"aic"``, ``"bic"``, ``"hqic"`` or ``"fpe"``.
    lags : int or None, default None
        A fixed lag order (at least 1), skipping the selection.
    trend : str, default "c"
        Deterministic terms: ``"n"``, ``"c"``, ``"ct"`` or ``"ctt"``.
    whiteness_lags : int or None, default None
        The Portmanteau test's ``h``; None for ``max(2p, 10)``. Either way capped at half the
        observations used.

    Returns
    -------
    VARReport
        ``selection`` (indexed by ``lags`` 0..maxlags, columns ``AIC``, ``BIC``, ``FPE``,
        ``HQIC``; empty with a fixed ``lags``), ``chosen`` (each criterion's order; empty with a
        fixed ``lags``), ``lags``, statsmodels' ``results``, ``roots`` (moduli, largest first),
        ``is_stable``, ``whiteness`` (not defined, with the reason, when ``h <= p``) and
        ``normality``.

    Raises
    ------
    InputTypeError
        When ``data`` is not a DataFrame or holds text, or an order is not an integer.
    InputError
        For fewer than two columns, a missing, infinite, constant or collinear column, an unknown
        ``ic`` or ``trend``, an order below 1, or fewer observations than
        :func:`var_minimum_observations` for the largest order (with the arithmetic).

    Examples
    --------
    >>> import numpy as np
    >>> import statsmodels.api as sm
    >>> m = sm.datasets.macrodata.load_pandas().data
    >>> growth = 100 * np.log(m[["realgdp", "realcons"]]).diff().dropna()
    >>> report = var_report(growth, maxlags=4)
    >>> report.lags, report.is_stable
    (3, True)
    """
    from statsmodels.tools.sm_exceptions import ValueWarning
    from statsmodels.tsa.api import VAR

    values = _checks.frame(data, "data", min_columns=2, nonconstant=True)
    _checks.option("ic", ic, ("aic", "bic", "hqic", "fpe"))
    _checks.option("trend", trend, ("n", "c", "ct", "ctt"))
    maxlags = _checks.integer("maxlags", maxlags, minimum=1)
    if lags is not None:
        lags = _checks.integer("lags", lags, minimum=1)
    n, k = values.shape
    top = lags if lags is not None else maxlags
    needed = var_minimum_observations(k, top, trend)
    _checks.enough(
        n,
        needed,
        f"a VAR({top}) in {k} variables ({_var_parameters(k, top, trend)} coefficients "
        f"per equation, {top} observation(s) lost to the lags, {k} residual degrees of freedom "
        "for a non-singular residual covariance)",
    )
    _checks.not_collinear(values, "data")
    # statsmodels warns when a date index has no frequency; the dates are labels only here
    index = values.index
    if isinstance(index, pd.DatetimeIndex) and index.freq is None:
        inferred = pd.infer_freq(index) if len(index) > 2 else None
        values = values.copy()
        values.index = (
            pd.DatetimeIndex(index, freq=inferred)
            if inferred
            else pd.RangeIndex(n)
        )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ValueWarning)
        model = VAR(values)
    if lags is None:
        order = model.select_order(maxlags=maxlags, trend=trend)
        selection = pd.DataFrame(
            {
                name.upper(): order.ics[name]
                for name in ("aic", "bic", "fpe", "hqic")
            }
        )
        selection.index.name = "lags"
        chosen = pd.Series(
            {
                name.upper(): int(order.selected_orders[name])
                for name in ("aic", "bic", "fpe", "hqic")
            }
        )
        lags = max(int(order.selected_orders[ic]), 1)
    else:
        selection = pd.DataFrame(columns=["AIC", "BIC", "FPE", "HQIC"])
        chosen = pd.Series(dtype="int64")
    results = model.fit(lags, trend=trend)
    roots = pd.Series(np.sort(1 / np.abs(results.roots))[::-1], name="modulus")
    roots.index.name = "eigenvalue"
    h = whiteness_lags if whiteness_lags is not None else max(2 * lags, 10)
    h = min(h, int(results.nobs) // 2)
    if h > lags:
        w = results.test_whiteness(nlags=h)
        white = TestStatistic(
            "Portmanteau",
            float(w.test_statistic),
            float(w.df),
            float(w.pvalue),
            null=f"no residual autocorrelation up to lag {h}",
        )
    else:  # the test compares autocorrelations beyond the lag order; with h <= p there are none
        white = TestStatistic(
            "Portmanteau",
            None,
            None,
            None,
            null="no residual autocorrelation",
            note=f"needs more than {lags} lags of autocorrelation; {int(results.nobs)} "
            f"observations allow at most {h}",
        )
    norm = results.test_normality()
    normality = TestStatistic(
        "Jarque-Bera",
        float(norm.test_statistic),
        float(norm.df),
        float(norm.pvalue),
        null="normal residuals",
    )
    return VARReport(
        selection,
        chosen,
        int(lags),
        results,
        roots,
        bool(roots.max() < 1),
        white,
        normality,
    )


def fevd_table(
    results,
    horizons=(1, 2, 5, 10),
    order: list[str] | None = None,
    variable: str | None = None,
) -> pd.DataFrame:
    """Forecast-error variance decomposition of a fitted VAR in the layout papers print
    (:func:`helpers._var.fevd`, shared with the panel VAR; equal to statsmodels' ``fevd`` and
    ``mse`` for the default ordering, as the tests check).

    ``results`` is a fitted statsmodels ``VARResults`` (or a :class:`VARReport`); ``order`` the
    Cholesky ordering (default: the column order of the fit). Returns a frame indexed by (response,
    horizon) with the forecast's ``S.E.`` and the percentage share of each shock, or indexed by
    horizon alone when ``variable`` is given.

    With ``Phi_l`` the moving-average matrices (``Phi_0 = I``, ``Phi_l = sum_{j=1}^{min(l, p)}
    A_j Phi_{l-j}``) and ``P`` the lower Cholesky factor of the residual covariance ``Sigma`` with
    the variables in ``order``, the ``h``-step forecast-error variance of variable ``i`` is
    ``MSE_i(h) = sum_{l=0}^{h-1} (Phi_l Sigma Phi_l')_ii`` and the share of shock ``j`` is
    ``100 sum_{l=0}^{h-1} (Phi_l P)_ij^2 / MSE_i(h)`` (Lütkepohl 2005, 2.3.3). Horizon 1 is the
    impact period, where the first variable in ``order`` explains all of its own variance.

    Parameters
    ----------
    results : VARResults or VARReport
        A fitted VAR: anything with ``coefs`` (shape ``(p, k, k)``), ``sigma_u`` and ``names``.
    horizons : iterable of int, default (1, 2, 5, 10)
        Forecast horizons, each at least 1.
    order : list of str or None, default None
        The Cholesky ordering, each variable once; None for the order of the fit.
    variable : str or None, default None
        One response variable to keep.

    Returns
    -------
    DataFrame
        Indexed by (``response``, ``horizon``), or by ``horizon`` alone when ``variable`` is
        given, with ``S.E.`` (``sqrt(MSE_i(h))``, in the units of the variable) and one column per
        shock in ``order``, in per cent (each row sums to 100).

    Raises
    ------
    InputTypeError
        When ``results`` is neither a fitted VAR nor a :class:`VARReport`, or a horizon is not an
        integer.
    InputError
        For an unknown ``variable``, an ``order`` that does not list each variable once, no
        horizons, or a horizon below 1.

    Examples
    --------
    >>> import statsmodels.api as sm
    >>> macro = sm.datasets.macrodata.load_pandas().data
    >>> growth = 100 * np.log(macro[["realgdp", "realcons"]]).diff().dropna()
    >>> fitted = sm.tsa.VAR(growth.reset_index(drop=True)).fit(2)
    >>> fevd_table(fitted, horizons=[1]).loc[("realgdp", 1)].round(1).tolist()
    [0.8, 100.0, 0.0]

    :func:`fevd_from_coefficients` does the same for a VAR given by its coefficients.
    """
    if isinstance(results, VARReport):
        results = results.results
    if not hasattr(results, "coefs") or not hasattr(results, "sigma_u"):
        raise InputTypeError(
            "results must be a fitted statsmodels VARResults or a VARReport; got "
            f"{type(results).__name__}"
        )
    names = [str(n) for n in results.names]
    if variable is not None:
        _checks.option("variable", str(variable), names)
    table = _var.fevd(
        np.asarray(results.coefs),
        np.asarray(results.sigma_u),
        names,
        list(horizons),
        order,
    )
    return table.loc[str(variable)] if variable is not None else table


def fevd_from_coefficients(
    coefs,
    sigma_u,
    names: list[str] | None = None,
    horizons=(1, 2, 5, 10),
    order: list[str] | None = None,
) -> pd.DataFrame:
    """The variance decomposition of a VAR given by its coefficients, without fitting one.

    The same computation as :func:`fevd_table`, for a VAR written down (a textbook example, a
    paper's printed coefficients) rather than estimated.

    Parameters
    ----------
    coefs : array_like
        The lag matrices ``A_1, ..., A_p``, shape ``(p, k, k)``; a ``(k, k)`` matrix is a VAR(1).
    sigma_u : array_like
        The ``(k, k)`` covariance of the errors, symmetric and positive definite.
    names : list of str or None, default None
        The variables' names; ``y1``, ``y2``, ... when None.
    horizons : iterable of int, default (1, 2, 5, 10)
        Forecast horizons, each at least 1.
    order : list of str or None, default None
        The Cholesky ordering; None for the order of ``names``.

    Returns
    -------
    DataFrame
        As :func:`fevd_table`: indexed by (``response``, ``horizon``), with ``S.E.`` and one
        column per shock, in per cent.

    Raises
    ------
    InputError
        When the shapes do not fit, ``sigma_u`` is not symmetric positive definite, or
        ``names`` does not name each variable once.

    Examples
    --------
    A VAR(1) whose first variable moves the second, with independent unit shocks:

    >>> fevd_from_coefficients([[0.5, 0.0], [0.5, 0.5]], np.eye(2), horizons=[2]).round(2)
    ... # doctest: +NORMALIZE_WHITESPACE
                      S.E.     y1     y2
    response horizon
    y1       2        1.12  100.00   0.00
    y2       2        1.22   16.67  83.33
    """
    coefs = np.asarray(coefs, dtype=float)
    if coefs.ndim == 2:
        coefs = coefs[None]
    if coefs.ndim != 3 or coefs.shape[1] != coefs.shape[2]:
        raise InputError(
            f"coefs must be (p, k, k) lag matrices or one (k, k) matrix; got shape "
            f"{np.asarray(coefs).shape}"
        )
    k = coefs.shape[1]
    sigma_u = np.asarray(sigma_u, dtype=float)
    if sigma_u.shape != (k, k):
        raise InputError(
            f"sigma_u must be {k} x {k}, as coefs; got shape {sigma_u.shape}"
        )
    if (
        not np.allclose(sigma_u, sigma_u.T)
        or np.linalg.eigvalsh(sigma_u).min() <= 0
    ):
        raise InputError("sigma_u must be symmetric and positive definite")
    names = (
        [f"y{i + 1}" for i in range(k)]
        if names is None
        else [str(n) for n in names]
    )
    if len(names) != k or len(set(names)) != k:
        raise InputError(
            f"names must name the {k} variables once each; got {names}"
        )
    return _var.fevd(coefs, sigma_u, names, list(horizons), order)


def check_fevd_table(
    table: pd.DataFrame, decimals: int = 2, se_column: str = "S.E."
) -> pd.DataFrame:
    """Audit a printed variance-decomposition table, one finding per row.

    ``table`` is indexed by the horizon (increasing) with an S.E. column and one column per shock,
    in percent, as printed. For each row it checks that the shares sum to 100 within the rounding of
    ``decimals`` printed decimals (``n_shares * 0.5 * 10**-decimals``), that every share lies in [0,
    100], and that the S.E. does not fall from the previous row (a forecast's error variance adds a
    non-negative term with each step ahead). Returns, per row, ``row_sum``, ``sums_to_100``,
    ``shares_in_range``, ``se_non_decreasing`` (``None`` for the first row), ``ok`` and a
    ``finding``.

    Parameters
    ----------
    table : DataFrame
        The printed table: indexed by increasing, distinct horizons, with ``se_column`` and at
        least two share columns (every other column is taken as a share), all numbers.
    decimals : int, default 2
        Decimal places the shares were printed with, at least 0.
    se_column : str, default "S.E."
        The column of the forecast's standard error.

    Returns
    -------
    DataFrame
        Indexed by ``period`` (the table's horizons), with ``row_sum`` (the shares' sum),
        ``sums_to_100``, ``shares_in_range``, ``se_non_decreasing`` (bool, None in the first row),
        ``ok`` (no problem found) and ``finding`` (the problems joined by "; ", or
        "consistent").

    Raises
    ------
    InputTypeError
        When ``table`` is not a DataFrame, holds text, or ``decimals`` is not an integer.
    InputError
        For fewer than three columns, missing or infinite values, no ``se_column``, horizons that
        are not increasing or repeat, or negative ``decimals``.

    Examples
    --------
    >>> import pandas as pd
    >>> printed = pd.DataFrame({"S.E.": [1.0, 0.9], "a": [100.0, 60.0], "b": [0.0, 41.0]},
    ...                        index=[1, 2])
    >>> check_fevd_table(printed)["finding"].tolist()
    ['consistent', 'shares sum to 101.00, not 100; S.E. falls from 1 to 0.9']
    """
    table = _checks.frame(table, "table", min_columns=3)
    _checks.columns(table, [se_column], "table")
    shares = table.drop(columns=[se_column])
    if not table.index.is_monotonic_increasing or table.index.has_duplicates:
        raise InputError(
            f"table must be indexed by increasing horizons; got {_checks.labels(table.index)}"
        )
    decimals = _checks.integer("decimals", decimals, minimum=0)
    tolerance = shares.shape[1] * 0.5 * 10.0**-decimals
    rows = []
    previous_se = None
    for period, row in table.iterrows():
        total = float(row[shares.columns].sum())
        sums = abs(total - 100) <= tolerance * (1 + 1e-9)
        in_range = bool(
            ((row[shares.columns] >= 0) & (row[shares.columns] <= 100)).all()
        )
        se = float(row[se_column])
        se_ok = None if previous_se is None else se >= previous_se
        problems = []
        if not sums:
            problems.append(f"shares sum to {total:.{decimals}f}, not 100")
        if not in_range:
            problems.append("a share lies outside [0, 100]")
        if se_ok is False:
            problems.append(f"S.E. falls from {previous_se:g} to {se:g}")
        rows.append(
            {
                "period": period,
                "row_sum": total,
                "sums_to_100": sums,
                "shares_in_range": in_range,
                "se_non_decreasing": se_ok,
                "ok": not problems,
                "finding": "; ".join(problems) or "consistent",
            }
        )
        previous_se = se
    return pd.DataFrame(rows).set_index("period")


def own_share_range(results, horizon: int) -> pd.DataFrame:
    """Each variable's own share of its ``horizon``-step forecast-error variance, smallest and
    largest over every Cholesky ordering of the variables.

    The ``k!`` orderings are each decomposed by :func:`fevd_table`, so the range shows how much
    of a printed decomposition the chosen ordering decides.

    Parameters
    ----------
    results : VARResults or VARReport
        A fitted VAR (``coefs``, ``sigma_u``, ``names``).
    horizon : int
        The forecast horizon, at least 1 (1 is the impact period).

    Returns
    -------
    DataFrame
        Indexed by variable, with ``smallest own share`` and ``largest own share`` in per cent.

    Raises
    ------
    InputTypeError
        When ``horizon`` is not an integer.
    InputError
        When ``horizon`` is below 1.
    """
    from itertools import permutations

    if isinstance(results, VARReport):
        results = results.results
    names = [str(n) for n in results.names]
    shares = {name: [] for name in names}
    for order in permutations(names):
        table = fevd_table(results, [horizon], order=list(order))
        for name in names:
            shares[name].append(table.loc[(name, horizon), name])
    return pd.DataFrame(
        {
            name: {"smallest own share": min(v), "largest own share": max(v)}
            for name, v in shares.items()
        }
    ).T
