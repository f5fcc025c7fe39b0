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
    """Size and power of the ADF test from ``adf_rejection_rates`` (rows: T, columns: roots)."""
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

    Examples
    --------
    >>> index = pd.period_range("1959Q1", periods=3, freq="Q").to_timestamp()
    >>> data_sentence("x", pd.DataFrame({"gdp": [1.0, 2, 3]}, index=index))
    'This run analyses x: 3 quarterly observations from 1959Q1 to 1959Q3, variables gdp, in logs.'
    """
    frequency, first, last = date_span(series.index)
    read = data.format_sentence(series)
    return (
        f"This run analyses {label}: {len(series)} {frequency}observations from "
        f"{first} to {last}, variables {', '.join(series.columns)}, in logs."
        + (f" {read}" if read else "")
    )


def date_span(index: pd.DatetimeIndex) -> tuple[str, str, str]:
    """("quarterly " or "" ..., first date, last date), the dates as their frequency writes them:
    1959Q1 for quarters, 2001-03 for months, 2015 for years, full dates otherwise. The frequency
    is read from the median step between dates, so a gap or two does not hide it.

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
    shares still move between the last two horizons."""
    horizons = sorted(decomposition.index.get_level_values(1).unique())
    shares = decomposition.drop(columns="S.E.")
    names = list(decomposition.index.get_level_values(0).unique())
    first = names[0]
    own_first = float(shares.loc[(first, horizons[0]), first])
    ok, total = int(checks["ok"].sum()), len(checks)
    text = (
        f"{ok} of {total} rows pass the checks (rows summing to 100, shares in [0, 100], S.E. "
        f"not falling), and at horizon {horizons[0]} {first}, ordered first, owes "
        f"{own_first:.1f}% of its variance to its own shock: the properties Tables 2-6 violate."
    )
    if len(horizons) >= 2:
        a, b = horizons[-2], horizons[-1]
        moved = (
            (shares.xs(b, level=1) - shares.xs(a, level=1)).abs().max().max()
        )
        text += (
            f" Between horizons {a} and {b} no share moves by more than {moved:.2f} points: in "
            "a stable VAR the shares converge as the horizon grows, so rows that still move by "
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
    """The ranks by case and what the chapter's case gives, or why it gives none."""
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
    and what each panel unit-root test concludes at 5%."""
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
    ``horizon`` (``long_run_responses``), or why there is no VECM on this run's data."""
    if table is None:
        why = (
            "Step 4 reads no rank for this deterministic case"
            if rank is None
            else f"With rank {rank} there is no error-correction term to add"
        )
        return (
            f"{why}, so no VECM is drawn, and the growth-rate VAR's cumulated responses (the "
            "solid lines) are the model's responses of the levels."
        )
    gap = (table["VECM (levels)"] - table["growth-rate VAR (cumulated)"]).abs()
    impulse, response = gap.idxmax()
    row = table.loc[(impulse, response)]
    return (
        f"After {horizon} periods the two differ by up to {gap.max():.2f} percentage points: "
        f"the response of {response} to a shock in {impulse} is "
        f"{row['VECM (levels)']:.2f}% in the VECM and "
        f"{row['growth-rate VAR (cumulated)']:.2f}% in the growth-rate VAR. Neither has "
        "confidence bands here, and each orthogonalises its own residual covariance, so part of "
        "a gap may be noise; the difference in kind is that the VECM's long-run responses obey "
        "the cointegrating relations (beta' times the long-run impact matrix is zero), while "
        "the VAR in growth rates, which leaves out the error-correction term, lets each level "
        "drift wherever its cumulated shocks take it."
    )


def toda_yamamoto_sentence(
    table: pd.DataFrame, lags: int, d_max: int, alpha: float = 0.05
) -> str:
    """The Toda-Yamamoto tests (``toda_yamamoto``) in words: which variables Granger-cause which
    at ``alpha``."""
    significant = table[table["pvalue"] < alpha]
    pairs = [f"{causing} -> {caused}" for caused, causing in significant.index]
    text = (
        f"In a VAR in levels with {lags} + {d_max} lags, {len(pairs)} of the {len(table)} "
        f"directions are significant at {alpha:.0%}"
    )
    return text + (": " + ", ".join(pairs) + "." if pairs else ".")
