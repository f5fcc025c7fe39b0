"""Chapter 5's sentences about its simulations and the series of a run, computed from results.

The ADF Monte Carlo depends on the replications and the seed, and the time-series part on the
series a run is given (statsmodels' US data by default, or a replicator's file), so what the
chapter says about them is written here from the numbers.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers import data
from helpers.timeseries.johansen import JOHANSEN_CASES, deterministic_case


def power_sentence(rates: pd.DataFrame, n_reps: int) -> str:
    """Size and power of the ADF test from ``adf_rejection_rates`` (rows: T, columns: roots).

    The size is the range of the root-1 column over the sample sizes; the power is quoted at
    (T = 10, root 0.5), (20, 0.9) and (50, 0.5) where ``rates`` has them. The sentence names the
    nominal level as 5%.

    Parameters
    ----------
    rates : DataFrame
        Rejection shares (0 to 1) as :func:`~helpers.timeseries.adf_rejection_rates` returns
        them, with a column for root 1.0.
    n_reps : int
        Replications per sample size, quoted with a thousands separator.

    Returns
    -------
    str
        Two or three sentences, percentages to one decimal (size) or none (power).

    Examples
    --------
    >>> rates = pd.DataFrame({1.0: [0.04, 0.05], 0.5: [0.3, 0.9]}, index=[10, 50])
    >>> print(power_sentence(rates, 2000))  # doctest: +NORMALIZE_WHITESPACE
    Over 2,000 replications per sample size, the test rejects a true unit root in 4.0% to 5.0% of
    samples (nominal 5%). It detects a stationary series in 30% with 10 periods and root 0.5; 90%
    with 50 periods and root 0.5. With two periods there is no test at all; a short series gives a
    'unit root' verdict that says little, and a 'stationary' one only rarely.
    """
    size = 100 * rates[1.0]
    text = (
        f"Over {n_reps:,} replications per sample size, the test rejects a true unit root in "
        f"{size.min():.1f}% to {size.max():.1f}% of samples (nominal 5%)."
    )
    points = [(10, 0.5), (20, 0.9), (50, 0.5)]
    found = [
        f"{100 * rates.loc[t, r]:.0f}% with {t} periods and root {r:g}"
        for t, r in points
        if t in rates.index and r in rates.columns
    ]
    if found:
        text += " It detects a stationary series in " + "; ".join(found) + "."
    return text + (
        " With two periods there is no test at all; a short series gives a 'unit root' verdict "
        "that says little, and a 'stationary' one only rarely."
    )


def data_sentence(label: str, series: pd.DataFrame) -> str:
    """What the series of this run are, their dates written at their own frequency, and how a
    replicator's file was read when that is worth saying.

    Parameters
    ----------
    label : str
        What the data are, as the run's source names them.
    series : DataFrame
        The series of the run in logs, indexed by date, one column each; a frame loaded from a
        replicator's file adds how it was read (:func:`helpers.data.format_sentence`).

    Returns
    -------
    str
        One sentence: the label, the number of observations at their frequency
        (:func:`date_span`), the first and last dates and the variables, and possibly a second
        on how the file was read.

    Examples
    --------
    >>> index = pd.period_range("1959Q1", periods=3, freq="Q").to_timestamp()
    >>> data_sentence("x", pd.DataFrame({"gdp": [1.0, 2, 3]}, index=index))
    'This run analyses x: 3 quarterly observations from 1959Q1 to 1959Q3, variables gdp, in logs.'
    """
    frequency, first, last = date_span(series.index)
    read = data.format_sentence(series)
    return (
        f"This run analyses {label}: {len(series)} {frequency}observations from {first} to {last}, "
        f"variables {', '.join(series.columns)}, in logs."
        + (f" {read}" if read else "")
    )


def date_span(index: pd.DatetimeIndex) -> tuple[str, str, str]:
    """("quarterly " or "" ..., first date, last date), the dates as their frequency writes them:
    1959Q1 for quarters, 2001-03 for months, 2015 for years, full dates otherwise. The frequency
    is read from the median step between dates, so a gap or two does not hide it.

    A median step of 27-32 days is monthly, 88-93 quarterly and 364-367 annual.

    Parameters
    ----------
    index : DatetimeIndex
        The dates, in order, at least one.

    Returns
    -------
    tuple of str
        The frequency followed by a space (``"monthly "``, ``"quarterly "``, ``"annual "``, or
        ``""`` when none fits or there is one date), the first date and the last date.

    Examples
    --------
    >>> date_span(pd.date_range("2001-01-01", periods=4, freq="YS"))
    ('annual ', '2001', '2004')
    """
    in_days = index.values.astype("datetime64[D]").astype(np.int64)
    days = float(np.median(np.diff(in_days))) if len(index) > 1 else 0.0
    if 27 <= days <= 32:
        return "monthly ", f"{index[0]:%Y-%m}", f"{index[-1]:%Y-%m}"
    if 88 <= days <= 93:
        first, last = index[0], index[-1]
        return (
            "quarterly ",
            f"{first.year}Q{first.quarter}",
            f"{last.year}Q{last.quarter}",
        )
    if 364 <= days <= 367:
        return "annual ", f"{index[0]:%Y}", f"{index[-1]:%Y}"
    return "", f"{index[0]:%Y-%m-%d}", f"{index[-1]:%Y-%m-%d}"


def fevd_sentence(decomposition: pd.DataFrame, checks: pd.DataFrame) -> str:
    """What the computed decomposition shows: row sums, S.E., horizon 1, and how much the
    shares still move between the last two horizons.

    The own share at the first horizon is that of the first variable of the index, which is the
    one ordered first under the fit's own ordering (:func:`~helpers.timeseries.fevd_table`
    without ``order``).

    Parameters
    ----------
    decomposition : DataFrame
        A decomposition as :func:`~helpers.timeseries.fevd_table` returns it: indexed by
        (response, horizon), with ``S.E.`` and the shares in per cent.
    checks : DataFrame
        Its rows checked by :func:`~helpers.timeseries.check_fevd_table` (one row per response
        and horizon, with the column ``ok``).

    Returns
    -------
    str
        How many rows pass, the own share at the first horizon (one decimal), and, with two
        horizons or more, the largest move of a share between the last two (two decimals).
    """
    horizons = sorted(decomposition.index.get_level_values(1).unique())
    shares = decomposition.drop(columns="S.E.")
    names = list(decomposition.index.get_level_values(0).unique())
    first = names[0]
    own_first = float(shares.loc[(first, horizons[0]), first])
    ok, total = int(checks["ok"].sum()), len(checks)
    text = (
        f"{ok} of {total} rows pass the checks (rows summing to 100, shares in [0, 100], S.E. not "
        f"falling), and at horizon {horizons[0]} {first}, ordered first, owes {own_first:.1f}% of "
        "its variance to its own shock: the properties Tables 2-6 violate."
    )
    if len(horizons) >= 2:
        a, b = horizons[-2], horizons[-1]
        moved = (
            (shares.xs(b, level=1) - shares.xs(a, level=1)).abs().max().max()
        )
        text += (
            f" Between horizons {a} and {b} no share moves by more than {moved:.2f} points: in a "
            "stable VAR the shares converge as the horizon grows, so rows that still move by "
            "several points between periods 80 and 100, as in Tables 2-6, would need a root very "
            "close to one."
        )
    return text


def var_summary(report) -> pd.Series:
    """A VAR's checks as a reader is shown them.

    Parameters
    ----------
    report : VARReport
        From :func:`helpers.timeseries.var_report`.

    Returns
    -------
    Series
        Text named "VAR check", indexed by check: the lag order, the observations used, the
        largest root modulus (three decimals), whether the VAR is stable, and the p-values of the
        Portmanteau and Jarque-Bera tests (or why a test is not defined).
    """
    return pd.Series(
        {
            "lag order": str(report.lags),
            "observations used": str(int(report.results.nobs)),
            "largest root modulus": f"{float(report.roots.max()):.3f}",
            "stable": "yes" if report.is_stable else "no",
            f"Portmanteau ({report.whiteness.null})": report.whiteness.pvalue_text(),
            "Jarque-Bera (normal residuals)": report.normality.pvalue_text(),
        },
        name="VAR check",
    )


def johansen_sentence(by_case: dict, deterministic: str, rank) -> str:
    """The ranks by case and what the chapter's case gives, or why it gives none.

    Parameters
    ----------
    by_case : dict
        The ranks by deterministic case, e.g. ``{"ci": (1, 1), "co": (1, 0)}`` (trace,
        maximum-eigenvalue), each value written as Python shows it.
    deterministic : str
        The chapter's case (a code of :data:`~helpers.timeseries.JOHANSEN_CASES` or an older
        alias).
    rank : int or None
        The trace test's rank under that case; None when the case has no critical values.

    Returns
    -------
    str
        The ranks by case, then the chapter's case in words with its rank, or why it has none.

    Raises
    ------
    InputError
        For an unknown case.

    Examples
    --------
    >>> johansen_sentence({"co": (1, 1)}, "co", 1)[:52]
    'Ranks (trace, max-eigenvalue) by case: co (1, 1). Th'
    """
    text = (
        "Ranks (trace, max-eigenvalue) by case: "
        + "; ".join(f"{case} {ranks}" for case, ranks in by_case.items())
        + ". "
    )
    deterministic = deterministic_case(deterministic)
    name = JOHANSEN_CASES[deterministic]
    if rank is None:
        return text + (
            f'Case "{deterministic}" ({name}) has no tabulated critical values in the book\'s '
            'tables, so its rank cannot be read and no VECM is estimated; case "coli" restricts '
            "the trend to the cointegrating relations and has them."
        )
    return text + (
        f'The parameter deterministic = "{deterministic}" ({name}) gives rank {rank} by the '
        "trace test. When the cases or the two tests disagree, as they often do near the "
        "critical values, a careful report says so and shows the results under each."
    )


def panel_unit_root_sentence(
    cd, ips_result, cips_result, critical: pd.Series, noun: str = "state"
) -> str:
    """Pesaran's CD, IPS and CIPS on one panel, read together: whether the units move together,
    and what each panel unit-root test concludes at 5%.

    The units move together when CD's p-value is below 0.05; IPS rejects when its p-value is;
    CIPS rejects when its statistic lies below the 5% critical value. When the two unit-root
    tests disagree under dependence, a sentence says which to believe.

    Parameters
    ----------
    cd : TestStatistic
        Pesaran's CD test of the units' growth rates (:func:`~helpers.timeseries.pesaran_cd`).
    ips_result : PanelUnitRootResult
        :func:`~helpers.timeseries.ips` on the panel.
    cips_result : PanelUnitRootResult
        :func:`~helpers.timeseries.cips` on the panel; its units are counted.
    critical : Series
        CIPS's critical values with a ``"5%"`` entry
        (:func:`~helpers.timeseries.cips_critical_values`).
    noun : str, default "state"
        What one unit is called.

    Returns
    -------
    str
        Two to three sentences: CD to one decimal with its p-value, W-tbar and CIPS to two
        decimals, and the verdicts.
    """
    n_units = len(cips_result.units)
    dependent = cd.pvalue < 0.05
    ips_rejects = ips_result.statistic.pvalue < 0.05
    cips_stat, cv = cips_result.statistic.stat, float(critical["5%"])
    cips_rejects = cips_stat < cv
    text = (
        f"Pesaran's CD statistic of the {n_units} {noun}s' growth rates is {cd.stat:.1f} "
        f"({cd.pvalue_text()})"
        + (
            f": the {noun}s move together, far from the independence IPS assumes."
            if dependent
            else f": no sign that the {noun}s move together."
        )
        + f" IPS gives W-tbar = {ips_result.statistic.stat:.2f} "
        f"({ips_result.statistic.pvalue_text()}"
        + (
            ", a unit root in every series rejected"
            if ips_rejects
            else ", no rejection"
        )
        + f"); CIPS is {cips_stat:.2f} against a 5% critical value of {cv:.2f} "
        + ("(rejected)." if cips_rejects else "(not rejected).")
    )
    if dependent and ips_rejects and not cips_rejects:
        text += (
            " Under this much dependence IPS's size is unreliable, so its rejection says little; "
            "CIPS, built for one common factor, does not reject, though with so few years and a "
            "trend its power is low, and not rejecting is not evidence of a unit root."
        )
    elif dependent and cips_rejects and not ips_rejects:
        text += (
            " CIPS, which allows for one common factor, rejects where IPS does not: the common "
            "factor was hiding the units' own reversion."
        )
    return text


def long_run_sentence(table: pd.DataFrame | None, horizon: int, rank) -> str:
    """The VECM's responses of the levels against the growth-rate VAR's cumulated responses at
    ``horizon`` (``long_run_responses``), or why there is no VECM on this run's data.

    Parameters
    ----------
    table : DataFrame or None
        :func:`~helpers.timeseries.long_run_responses` (indexed by impulse and response, with
        ``VECM (levels)`` and ``growth-rate VAR (cumulated)`` in per cent), or None when no VECM
        was fitted.
    horizon : int
        The horizon of ``table``.
    rank : int or None
        The cointegrating rank read (None when the case has no critical values).

    Returns
    -------
    str
        Without a table, why there is none (no rank read, or a rank with no error-correction
        term to add); else the largest gap between the two, in percentage points to two
        decimals, the pair where it lies, and what the difference means.

    Examples
    --------
    >>> long_run_sentence(None, 20, None)[:52]
    'Step 4 reads no rank for this deterministic case, so'
    """
    if table is None:
        why = (
            "Step 4 reads no rank for this deterministic case"
            if rank is None
            else f"With rank {rank} there is no error-correction term to add"
        )
        return (
            f"{why}, so no VECM is drawn, and the growth-rate VAR's cumulated responses (the solid "
            "lines) are the model's responses of the levels."
        )
    gap = (table["VECM (levels)"] - table["growth-rate VAR (cumulated)"]).abs()
    impulse, response = gap.idxmax()
    row = table.loc[(impulse, response)]
    return (
        f"After {horizon} periods the two differ by up to {gap.max():.2f} percentage points: the "
        f"response of {response} to a shock in {impulse} is {row['VECM (levels)']:.2f}% in the "
        f"VECM and {row['growth-rate VAR (cumulated)']:.2f}% in the growth-rate VAR. Neither has "
        "confidence bands here, and each orthogonalises its own residual covariance, so part of a "
        "gap may be noise; the difference in kind is that the VECM's long-run responses obey the "
        "cointegrating relations (beta' times the long-run impact matrix is zero), while the VAR "
        "in growth rates, which leaves out the error-correction term, lets each level drift "
        "wherever its cumulated shocks take it."
    )


def toda_yamamoto_sentence(
    table: pd.DataFrame, lags: int, d_max: int, alpha: float = 0.05
) -> str:
    """The Toda-Yamamoto tests (``toda_yamamoto``) in words: which variables Granger-cause which
    at ``alpha``.

    Parameters
    ----------
    table : DataFrame
        :func:`~helpers.timeseries.toda_yamamoto`: indexed by (``caused``, ``causing``), with
        ``pvalue``.
    lags : int
        The lag order ``p`` tested.
    d_max : int
        The extra lags.
    alpha : float, default 0.05
        Significance level, shown as a whole percentage.

    Returns
    -------
    str
        One sentence: how many directions are significant, and which (``causing -> caused``).

    Examples
    --------
    >>> tests = pd.DataFrame({"pvalue": [0.01, 0.4]},
    ...     index=pd.MultiIndex.from_tuples([("y", "x"), ("x", "y")], names=["caused", "causing"]))
    >>> toda_yamamoto_sentence(tests, 2, 1)
    'In a VAR in levels with 2 + 1 lags, 1 of the 2 directions are significant at 5%: x -> y.'
    """
    significant = table[table["pvalue"] < alpha]
    pairs = [f"{causing} -> {caused}" for caused, causing in significant.index]
    text = (
        f"In a VAR in levels with {lags} + {d_max} lags, {len(pairs)} of the {len(table)} "
        f"directions are significant at {alpha:.0%}"
    )
    return text + (": " + ", ".join(pairs) + "." if pairs else ".")
