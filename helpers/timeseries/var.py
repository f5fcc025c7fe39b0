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
    residuals)."""
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

    Examples
    --------
    A VAR(1) whose first variable moves the second, with independent unit shocks:

    >>> from types import SimpleNamespace
    >>> import numpy as np
    >>> var = SimpleNamespace(coefs=np.array([[[0.5, 0.0], [0.5, 0.5]]]), sigma_u=np.eye(2),
    ...                       names=["y1", "y2"])
    >>> fevd_table(var, horizons=[2]).round(2).values.tolist()
    [[1.12, 100.0, 0.0], [1.22, 16.67, 83.33]]
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
    largest over every Cholesky ordering of the variables."""
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
