"""The audit of Chen & Tang (2021), from its printed tables alone (chapter 5): Table 1's critical
values against MacKinnon's surfaces, what two annual observations can support, the variance
decompositions of Tables 2-6, the text's readings of them, and equation (3). The tables are
``chen_tang_table1``, ``chen_tang_fevd`` and ``chen_tang_equation3``; the text's statements are in
``chen_tang_claims``."""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers import data
from helpers.audit import Claims, Scorecard
from helpers.timeseries.johansen import johansen_minimum_observations
from helpers.timeseries.unitroot import match_mackinnon
from helpers.timeseries.var import (
    check_fevd_table,
    var_minimum_observations,
    var_report,
)

PAPER = "Chen & Tang (2021)"
CLAIMS = "chen_tang_claims"
VARIABLES = ["p", "p-capa", "p-popu", "p-scie", "p-pate"]
#: Column names of the shares in chen_tang_fevd, by variable.
COLUMNS = {
    "p": "p",
    "p-capa": "p_capa",
    "p-popu": "p_popu",
    "p-scie": "p_scie",
    "p-pate": "p_pate",
}
AI_COLUMNS = ["p_capa", "p_popu", "p_scie", "p_pate"]


def check_table1(scorecard: Scorecard, table1: pd.DataFrame) -> pd.DataFrame:
    """Per row of Table 1: are the critical values ordered, can MacKinnon's surfaces give them for
    any case and sample size, and does the printed conclusion follow from the 5% value? Returns the
    smallest largest gap per row and case.

    Adds, per variable ``v``, the rows ``T1-order-v`` (1% < 5% < 10%), ``T1-cv-v`` (the closest
    MacKinnon triple of :func:`~helpers.timeseries.match_mackinnon` is within 0.05 of every
    printed value) and, where a conclusion is printed, ``T1-conclusion-v`` (the statistic is
    below the printed 5% value); then the finding ``STATIONARY-4`` (GDP has no verdict but enters
    the VAR and equation (3)).

    Parameters
    ----------
    scorecard : Scorecard
        The chapter's scorecard; the rows are added to it.
    table1 : DataFrame
        Table 1 as ``data.load("chen_tang_table1")`` gives it: ``variable``,
        ``variable_printed``, ``adf_statistic``, ``cv_1pct``, ``cv_5pct``, ``cv_10pct`` and
        ``conclusion`` (``"平稳"``, stationary, or missing).

    Returns
    -------
    DataFrame
        Indexed by ``variable``, with ``gap, case n``, ``gap, case c``, ``gap, case ct`` and
        ``gap, case ctt``: the smallest largest gap between the printed triple and MacKinnon's
        values over sample sizes 4 to 10000.

    Raises
    ------
    InputError
        If a claim id is already on the scorecard.
    """
    gaps = {}
    for _, row in table1.iterrows():
        name, label = row["variable"], row["variable_printed"]
        printed = {
            "1%": row["cv_1pct"],
            "5%": row["cv_5pct"],
            "10%": row["cv_10pct"],
        }
        cells = f"{row['cv_1pct']}, {row['cv_5pct']}, {row['cv_10pct']}"
        ordered = row["cv_1pct"] < row["cv_5pct"] < row["cv_10pct"]
        scorecard.check(
            f"T1-order-{name}",
            "Table 1",
            f"{label}: critical values 1% < 5% < 10% (more negative at 1%)",
            cells,
            "ordered"
            if ordered
            else "not ordered: no test has such critical values",
            ordered,
            note="read as the statistic followed by the 1%, 5% and 10% values (the printed "
            "header); a left-tailed test's critical values rise towards zero as the level grows",
        )
        fit = match_mackinnon(printed)
        gaps[name] = fit["largest_gap"]
        best = fit["largest_gap"].idxmin()
        closest = ", ".join(
            f"{v:.4f}" for v in fit.loc[best, ["cv_1%", "cv_5%", "cv_10%"]]
        )
        scorecard.check(
            f"T1-cv-{name}",
            "Table 1",
            f"{label}: the three printed values are MacKinnon critical values for some case and "
            "sample size",
            cells,
            f"closest: case {best}, T = {fit.loc[best, 'nobs']}: {closest} "
            f"(largest gap {fit.loc[best, 'largest_gap']:.3f})",
            bool(fit.loc[best, "largest_gap"] <= 0.05),
            note="MacKinnon's (2010) response surfaces, searched over the cases n, c, ct, ctt "
            "and every sample size from 4 to 10000",
        )
        if pd.notna(row["conclusion"]):
            rejects = bool(row["adf_statistic"] < row["cv_5pct"])
            if rejects:
                found = "rejected at 5%"
            elif row["adf_statistic"] < row["cv_10pct"]:
                found = f"not rejected at 5% (nor at 1%: {row['cv_1pct']}); rejected only at 10%"
            else:
                found = "not rejected"
            scorecard.check(
                f"T1-conclusion-{name}",
                "Table 1, §4.1",
                f"{label} is stationary (unit root rejected)",
                f"{row['adf_statistic']} vs 5% value {row['cv_5pct']}: {row['conclusion']}",
                found,
                rejects,
                note="the paper names no level; 5% assumed, the usual one. "
                + (
                    ""
                    if rejects
                    else "The statistic is "
                    f"{abs(row['cv_5pct'] - row['adf_statistic']):.2f} short of the table's own "
                    "5% value"
                    + (
                        f"; it does reject at 10% ({row['cv_10pct']})"
                        if row["adf_statistic"] < row["cv_10pct"]
                        else ""
                    )
                ),
            )
    # Table 1 gives GDP (lnp) a statistic but no verdict, yet GDP is the fifth variable of the
    # VAR and of the Johansen test, both built "on the four stationary series"
    no_verdict = table1.loc[table1["conclusion"].isna(), "variable"].tolist()
    stationary = int(table1["conclusion"].eq("平稳").sum())
    scorecard.finding(
        "STATIONARY-4",
        "Table 1, §4.1, §4.2",
        "What order of integration does the paper give GDP, the fifth variable of its VAR?",
        f"Table 1: {stationary} series called stationary; no verdict and no DW value for "
        f"{', '.join(no_verdict)}; the VAR(4) and equation (3) use all {len(table1)} variables",
        note="None. §4.1 and §4.2 speak of four stationary series and build the VAR on that "
        "result, but GDP enters both the VAR and the Johansen test without one. Its printed "
        "statistic lies below all three values printed beside it, which are themselves no "
        "critical values (T1-cv-p), so the table cannot settle it either.",
    )
    return (
        pd.DataFrame(gaps).T.rename_axis("variable").add_prefix("gap, case ")
    )


def sample_requirements(n_series: int = 5, lags: int = 4) -> pd.Series:
    """Observations per series that the paper's models need: the simplest ADF regression, a VAR(4)
    in five variables, Johansen's test of that VAR in levels, and any model with a fourth lag.

    The ADF figure is fixed at 4 (a constant and no lags); the others follow ``n_series`` and
    ``lags``: :func:`~helpers.timeseries.var_minimum_observations` with a constant,
    :func:`~helpers.timeseries.johansen_minimum_observations` with ``lags - 1`` lagged differences
    and an unrestricted constant, and ``lags + 1``.

    Parameters
    ----------
    n_series : int, default 5
        Number of variables of the VAR and the Johansen test.
    lags : int, default 4
        Lag order of the VAR in levels, at least 1.

    Returns
    -------
    Series
        Four counts of observations per series, indexed by the model in words, named
        ``"observations needed per series"``.

    Examples
    --------
    >>> sample_requirements().tolist()
    [4, 30, 27, 5]
    """
    return pd.Series(
        {
            "ADF regression (constant, no lags)": 4,
            f"VAR({lags}) in {n_series} variables": var_minimum_observations(
                n_series, lags
            ),
            f"Johansen test, {n_series} variables, VAR({lags}) in levels ({lags - 1} lagged "
            "differences)": johansen_minimum_observations(
                n_series, lags - 1, "c"
            ),
            f"any model with a {lags}th lag (one usable observation)": lags
            + 1,
        },
        name="observations needed per series",
    )


def two_observations_error(claims: Claims) -> str:
    """What :func:`helpers.timeseries.var_report` says when asked for the paper's VAR on as many
    observations as the paper's data can hold.

    A placeholder panel of ``DATA-years`` rows (two: 2018 and 2019, read as annual) of the five
    variables is passed to :func:`~helpers.timeseries.var_report` with ``lags`` = ``VAR-lags``
    (4).

    Parameters
    ----------
    claims : Claims
        The paper's claims (:class:`~helpers.audit.Claims` of ``chen_tang_claims``).

    Returns
    -------
    str
        The one-line message of the error :func:`~helpers.timeseries.var_report` raises (an
        :class:`~helpers.errors.InputError` with the arithmetic).

    Raises
    ------
    AssertionError
        If :func:`~helpers.timeseries.var_report` accepts the data (it cannot).
    """
    years, lags = (
        int(claims.number("DATA-years")),
        int(claims.number("VAR-lags")),
    )
    placeholder = pd.DataFrame(
        np.arange(years * 5, dtype=float).reshape(years, 5) ** 2,
        columns=VARIABLES,
    )
    try:
        var_report(placeholder, lags=lags)
    except ValueError as error:
        return str(error)
    raise AssertionError(
        "var_report accepted two observations"
    )  # pragma: no cover


def check_sample(scorecard: Scorecard, claims: Claims) -> pd.Series:
    """What the 2018-2019 data can and cannot support (N-ADF, N-VAR, N-FEVD, N-JOH, V-EQ2,
    VAR-roots). Section 3 states the span, not the frequency: the checks read it as annual (the
    paper's sources are yearbooks and a yearly report) and say what quarterly or monthly data
    would change.

    Each ``N-*`` row holds when the years (``DATA-years``) reach the observations of
    :func:`sample_requirements`; ``V-EQ2`` when equation (2) has ``lags x 5`` lag regressors;
    ``VAR-roots`` is not reproducible (no coefficients are printed).

    Parameters
    ----------
    scorecard : Scorecard
        The chapter's scorecard; the rows are added to it.
    claims : Claims
        The paper's claims (:class:`~helpers.audit.Claims` of ``chen_tang_claims``).

    Returns
    -------
    Series
        :func:`sample_requirements` for five variables and the paper's lag order.

    Raises
    ------
    InputError
        If a claim id is already on the scorecard.
    """
    years = int(claims.number("DATA-years"))
    needs = sample_requirements(lags=int(claims.number("VAR-lags")))
    adf, var, joh = needs.iloc[0], needs.iloc[1], needs.iloc[2]
    per_year = {"annual": 1, "quarterly": 4, "monthly": 12}
    counts = {name: years * k for name, k in per_year.items()}

    def readings(needed: int) -> str:
        enough = [f"{name} ({n})" for name, n in counts.items() if n >= needed]
        short = [f"{name} ({n})" for name, n in counts.items() if n < needed]
        return (
            "Read as annual data (§3 gives only the span; its sources are yearbooks and a yearly "
            f"report). Observations per series, by frequency: too few if {', '.join(short)}"
            + (f"; enough if {', '.join(enough)}" if enough else "")
            + "."
        )

    scorecard.check(
        "N-ADF",
        "§3, §4.1, Table 1",
        "ADF statistics for each series, from the 2018-2019 data",
        "five ADF statistics",
        f"{years} annual observations per series; the simplest ADF regression needs {adf}",
        years >= adf,
        note=readings(adf)
        + " Pooling the 31 provinces does not make a time series: the ADF "
        "regression needs one series over time.",
    )
    scorecard.check(
        "N-VAR",
        "§3, §4.2, eq. (2)",
        "a VAR with four lags estimated on the 2018-2019 data",
        claims["VAR-lags"]["printed"],
        f"needs {var} observations per series (5 for a 4th lag to exist at all); {years} annual "
        "observations available",
        years >= var,
        note=readings(var),
    )
    scorecard.check(
        "N-FEVD",
        "Tables 2-6",
        "variance decompositions at horizons 1 to 100",
        "100-period FEVD",
        f"requires an estimated VAR ({var} observations); {years} annual observations, horizons up "
        "to 50 times the sample",
        years >= var,
        note=readings(var),
    )
    scorecard.check(
        "N-JOH",
        "§3, §4.3, eq. (3)",
        "a Johansen test on the 2018-2019 data",
        "cointegrating equation (3)",
        f"needs {joh} observations per series; {years} annual observations available",
        years >= joh,
        note=readings(joh),
    )
    printed_lags = claims.pairs("EQ2-terms")
    lags = int(claims.number("VAR-lags"))
    scorecard.check(
        "V-EQ2",
        "§4.2, eq. (2)",
        "equation (2) is the VAR(4) the paper estimated",
        f"{len(printed_lags)} regressors: "
        + ", ".join(f"{v} at lag {int(k)}" for v, k in printed_lags.items()),
        f"a VAR({lags}) in {len(VARIABLES)} variables has {lags * len(VARIABLES)} lag regressors "
        f"per equation (each variable at lags 1-{lags}) plus a constant; eq. (2) has "
        f"{len(printed_lags)}"
        + ("" if "p" in printed_lags else " and no lag of GDP (p)"),
        len(printed_lags) == lags * len(VARIABLES),
        note="eq. (2) as printed; a VAR in which each variable enters at one lag only is not "
        "the VAR(4) that Tables 2-6 would decompose",
    )
    scorecard.not_reproducible_claim(
        claims,
        "VAR-roots",
        "the paper prints no coefficients or roots, and its data are not published",
    )
    return needs


def check_fevd_tables(
    scorecard: Scorecard, fevd: pd.DataFrame
) -> pd.DataFrame:
    """Every row of Tables 2-6: do the shares sum to 100, and does the S.E. never fall? Returns the
    row-by-row findings.

    Each table is checked by :func:`~helpers.timeseries.check_fevd_table` with five printed
    decimals and adds two rows: ``F-sum-<table>`` (every period sums to 100) and
    ``F-se-<table>`` (the S.E. never falls).

    Parameters
    ----------
    scorecard : Scorecard
        The chapter's scorecard; the rows are added to it.
    fevd : DataFrame
        Tables 2-6 as ``data.load("chen_tang_fevd")`` gives them: one row per table and printed
        period, with ``table``, ``decomposed``, ``period``, ``se`` and the shares ``p``,
        ``p_capa``, ``p_popu``, ``p_scie``, ``p_pate`` (per cent).

    Returns
    -------
    DataFrame
        Indexed by (``table``, ``period``), with the columns of
        :func:`~helpers.timeseries.check_fevd_table` (``row_sum``, ``sums_to_100``,
        ``shares_in_range``, ``se_non_decreasing``, ``ok``, ``finding``) and ``variable`` (the
        variable decomposed).

    Raises
    ------
    InputError
        If a claim id is already on the scorecard.
    """
    findings = []
    for number, part in fevd.groupby("table"):
        printed = part.set_index("period")[["se", *COLUMNS.values()]].rename(
            columns={"se": "S.E."}
        )
        found = check_fevd_table(printed, decimals=5)
        variable = part["decomposed"].iloc[0]
        # one row per table: its rows failing to sum to 100 are one defect of that table, and a
        # row per period would count it five times
        wrong = found.index[~found["sums_to_100"]].tolist()
        scorecard.check(
            f"F-sum-{number}",
            f"Table {number}, periods {', '.join(map(str, found.index))}",
            f"FEVD of {variable}: in every printed period the shares sum to 100",
            "; ".join(
                f"{period}: "
                + ", ".join(
                    f"{v}" for v in printed.loc[period, list(COLUMNS.values())]
                )
                for period in found.index
            ),
            "sums "
            + ", ".join(f"{v:.5f}" for v in found["row_sum"])
            + (
                f" (not 100 in period(s) {', '.join(map(str, wrong))})"
                if wrong
                else ""
            ),
            not wrong,
            note="a variance decomposition splits each horizon's forecast-error variance among "
            "the shocks, so a row sums to 100 (within the rounding of five printed decimals)",
        )
        falls = found.index[found["se_non_decreasing"].eq(False)].tolist()
        path = " -> ".join(f"{v:g}" for v in printed["S.E."])
        scorecard.check(
            f"F-se-{number}",
            f"Table {number}",
            f"FEVD of {variable}: the S.E. does not fall as the horizon grows",
            path,
            "non-decreasing"
            if not falls
            else f"falls at period(s) {', '.join(map(str, falls))}",
            not falls,
            note="the forecast error at horizon h adds the next step's variance to that at h - "
            "1, so its standard error can only grow with the horizon",
        )
        findings.append(
            found.assign(table=number, variable=variable).reset_index()
        )
    return pd.concat(findings).set_index(["table", "period"])


def check_first_period(scorecard: Scorecard, fevd: pd.DataFrame) -> pd.Series:
    """Period-1 rows: under a Cholesky ordering only the first variable has no zero share, and under
    a generalised decomposition every own share is 100. Returns the own shares at period 1.

    Adds the row ``F-h1``, which holds when at most one of the five tables has all five shares
    positive at period 1.

    Parameters
    ----------
    scorecard : Scorecard
        The chapter's scorecard; the rows are added to it.
    fevd : DataFrame
        Tables 2-6 as ``data.load("chen_tang_fevd")`` gives them: one row per table and printed
        period, with ``table``, ``decomposed``, ``period``, ``se`` and the shares ``p``,
        ``p_capa``, ``p_popu``, ``p_scie``, ``p_pate`` (per cent).

    Returns
    -------
    Series
        Each variable's share of its own variance at period 1 (per cent), indexed by
        :data:`VARIABLES`, named ``"own share at period 1"``.

    Raises
    ------
    InputError
        If a claim id is already on the scorecard.
    """
    first = fevd[fevd["period"] == 1].set_index("decomposed")[
        list(COLUMNS.values())
    ]
    all_positive = int((first > 0).all(axis=1).sum())
    own = pd.Series(
        {v: first.loc[v, COLUMNS[v]] for v in VARIABLES},
        name="own share at period 1",
    )
    scorecard.check(
        "F-h1",
        "Tables 2-6, period 1",
        "period-1 rows consistent with a Cholesky (or generalised) "
        "decomposition",
        f"{all_positive} of 5 tables have all five shares positive; own shares "
        f"{own.min():.2f}-{own.max():.2f}",
        "at most 1 table can have no zero share (Cholesky); own shares must be 100 (generalised)",
        all_positive <= 1,
        note="at horizon 1 a Cholesky ordering gives the first variable 100% of its own variance "
        "and each later one zero shares from the variables after it; a normalised generalised "
        "decomposition gives every own share the largest value. Neither fits",
    )
    return own


def cells_with(fevd: pd.DataFrame, value: float) -> str:
    """Where a printed share rounds to ``value`` at its printed decimals.

    The decimals are those of ``repr(value)`` (23.01 matches shares that round to 23.01); the
    S.E. column is not searched.

    Parameters
    ----------
    fevd : DataFrame
        Tables 2-6 as ``data.load("chen_tang_fevd")`` gives them: one row per table and printed
        period, with ``table``, ``decomposed``, ``period``, ``se`` and the shares ``p``,
        ``p_capa``, ``p_popu``, ``p_scie``, ``p_pate`` (per cent).
    value : float
        The number as a text quotes it.

    Returns
    -------
    str
        The cells, ``"Table <t> (<decomposed>), shock <variable>, period <p>"`` joined by "; ",
        or ``"nowhere"``.

    Examples
    --------
    >>> from helpers import data
    >>> cells_with(data.load("chen_tang_fevd"), 23.01)
    'Table 6 (p-pate), shock p, period 1'
    """
    long = fevd.melt(
        id_vars=["table", "decomposed", "period"],
        value_vars=list(COLUMNS.values()),
        var_name="shock",
        value_name="share",
    )
    decimals = len(repr(value).split(".")[1]) if "." in repr(value) else 0
    hit = long[long["share"].round(decimals) == value]
    return (
        "; ".join(
            f"Table {r.table} ({r.decomposed}), shock {r.shock.replace('_', '-')}, period "
            f"{r.period}"
            for r in hit.itertuples()
        )
        or "nowhere"
    )


def check_readings(
    scorecard: Scorecard, fevd: pd.DataFrame, claims: Claims
) -> pd.DataFrame:
    """The text's readings of Tables 2-6 (FEVD-about-20, FEVD-rising, FEVD-10, FEVD-23-29,
    FEVD-patent, FEVD-technology).

    All but FEVD-23-29 are read in Table 2 (GDP's decomposition): each AI share within 5 points
    of the claimed level; every AI share rising over the printed periods; every AI share of
    Tables 2-6 moving by at most the claimed bound (with 5% slack) in points; a column running
    from the claim's first to its last value (any table); the patent share's printed range; and
    patents and research together above every other AI variable at every horizon.

    Parameters
    ----------
    scorecard : Scorecard
        The chapter's scorecard; the rows are added to it.
    fevd : DataFrame
        Tables 2-6 as ``data.load("chen_tang_fevd")`` gives them: one row per table and printed
        period, with ``table``, ``decomposed``, ``period``, ``se`` and the shares ``p``,
        ``p_capa``, ``p_popu``, ``p_scie``, ``p_pate`` (per cent).
    claims : Claims
        The paper's claims (:class:`~helpers.audit.Claims` of ``chen_tang_claims``).

    Returns
    -------
    DataFrame
        The rows added, as :meth:`~helpers.audit.Scorecard.view` shows them: indexed by
        ``claim_id``, with ``reported``, ``recomputed`` and ``status``.

    Raises
    ------
    InputError
        If a claim id is already on the scorecard.
    """
    table2 = fevd[fevd["table"] == 2].set_index("period")
    low, high = table2[AI_COLUMNS].min().min(), table2[AI_COLUMNS].max().max()
    level = claims.number("FEVD-about-20")
    together = table2[AI_COLUMNS].sum(axis=1)
    scorecard.check_claim(
        claims,
        "FEVD-about-20",
        f"Table 2 (GDP): each AI share is {low:.2f}-{high:.2f}%, together "
        f"{together.min():.1f}-{together.max():.1f}%",
        bool(abs(low - level) <= 5 and abs(high - level) <= 5),
        note="Tables 3-6 have shares of 20-35%, but they decompose the AI variables, not GDP",
    )
    rising = all(table2[c].is_monotonic_increasing for c in AI_COLUMNS)
    scorecard.check_claim(
        claims,
        "FEVD-rising",
        "; ".join(
            f"{c.replace('_', '-')}: {' -> '.join(f'{v:.2f}' for v in table2[c])}"
            for c in AI_COLUMNS
        ),
        rising,
        note="read in Table 2, GDP's decomposition (the text speaks of their effect on growth), "
        "over the printed periods 1, 40, 60, 80 and 100",
    )
    # "in the short run the four variables change little, all within about 10%": how far each
    # AI share moves over the printed periods, in points and relative to its smallest value
    shares = fevd.set_index(["table", "period"])[AI_COLUMNS]
    moves = shares.groupby(level="table").agg(lambda c: c.max() - c.min())
    relative = shares.groupby(level="table").agg(
        lambda c: (c.max() - c.min()) / c.min()
    )
    bound = claims.number("FEVD-10")
    scorecard.check_claim(
        claims,
        "FEVD-10",
        f"Table 2 (GDP): the AI shares move {moves.loc[2].min():.2f}-{moves.loc[2].max():.2f} "
        f"points; in Tables 2-6 at most {moves.max().max():.2f} points",
        bool(moves.max().max() <= bound * 1.05),
        note="短期 (the short run) is not defined, so every printed period (1-100) is read. "
        f"Read as points of the printed shares ('左右' taken as within 5%): all within "
        f"{moves.max().max():.2f}. Read as a change relative to each share, "
        f"{int((relative > bound / 100).sum().sum())} of {relative.size} columns move more than "
        f"{bound:g}% (up to {100 * relative.max().max():.1f}%). The shares themselves cannot be "
        "a decomposition's (F-sum-2 to F-sum-6)",
    )
    start, end = (float(v) for v in claims.items("FEVD-23-29"))
    long = fevd.melt(
        id_vars=["table", "period"],
        value_vars=list(COLUMNS.values()),
        var_name="shock",
        value_name="share",
    )
    ends = long.groupby(["table", "shock"])["share"].agg(
        lambda s: (round(s.iloc[0], 1), round(s.iloc[-1], 1))
    )
    matches = [k for k, v in ends.items() if v == (start, end)]
    scorecard.check_claim(
        claims,
        "FEVD-23-29",
        f"no column runs from {start} to {end}; {start} is in {cells_with(fevd, start)}; {end} is "
        f"in {cells_with(fevd, end)}"
        if not matches
        else f"columns {matches}",
        bool(matches),
        note="Table 6's GDP column runs 23.01 -> 29.18: the share of GDP shocks in the patent "
        "variable, the "
        "reverse direction",
    )
    lowest, highest = (float(v) for v in claims.items("FEVD-patent"))
    patent = table2["p_pate"]
    scorecard.check_claim(
        claims,
        "FEVD-patent",
        f"Table 2 (GDP), patent shock: {patent.min():.2f} -> {patent.max():.2f}; {lowest} is in "
        f"{cells_with(fevd, lowest)}",
        bool(
            round(patent.min(), 2) == lowest
            and round(patent.max(), 2) == highest
        ),
        note="the maximum is Table 2's; the minimum is the patent variable's own share in Table 6",
    )
    # "The key factor is AI technology, which works through patents and research": the paper
    # defines technology as patents and research together; read one variable at a time instead,
    # market capacity leads
    named = [v.replace("-", "_") for v in claims.items("FEVD-technology")]
    largest = table2[AI_COLUMNS].idxmax(axis=1)
    grouped = table2[named].sum(axis=1)
    others = table2[[c for c in AI_COLUMNS if c not in named]].max(axis=1)
    sums = table2[["p", *AI_COLUMNS]].sum(axis=1)
    label = " + ".join(v.replace("_", "-") for v in named)
    scorecard.check_claim(
        claims,
        "FEVD-technology",
        f"Table 2 (GDP): {label} {grouped.min():.1f}-{grouped.max():.1f} against the other AI "
        f"variables' largest {others.min():.1f}-{others.max():.1f}, at every horizon",
        bool((grouped > others).all()),
        note=f"Read as the paper defines technology, patents and research together. One "
        f"variable at a time, {label.replace(' + ', ' or ')} leads at "
        f"{int(largest.isin(named).sum())} of {len(largest)} horizons (the largest is "
        + ", ".join(sorted({c.replace("_", "-") for c in largest}))
        + f"). Table 2's rows sum to {sums.min():.0f}-{sums.max():.0f} (F-sum-2), so these are "
        "not shares of GDP's variance under either reading",
    )
    return scorecard.view(
        [
            "FEVD-about-20",
            "FEVD-rising",
            "FEVD-10",
            "FEVD-23-29",
            "FEVD-patent",
            "FEVD-technology",
        ]
    )


def check_conclusions(
    scorecard: Scorecard, table1: pd.DataFrame, claims: Claims
) -> pd.DataFrame:
    """What the conclusions say the study shows, against what its results measure (CONC-gaps,
    CONC-tfp), and the introduction's public figure against the IFR's (ROBOT-2017).

    Adds CONC-gaps, CONC-tfp, CONC-lagging and CONC-cities (each holds only if some variable
    has a series per region, which Table 1 does not), ROBOT-2017 (the printed robot density
    against the IFR's, ``ifr_robot_density``, to 0 decimals), ROBOT-AVG (China above the world
    average) and the cross-paper finding INV-THIRD (China's share of AI investment against the
    Industrial Bank report's and Fang et al.'s).

    Parameters
    ----------
    scorecard : Scorecard
        The chapter's scorecard; the rows are added to it.
    table1 : DataFrame
        Table 1 as ``data.load("chen_tang_table1")`` gives it: ``variable``,
        ``variable_printed``, ``adf_statistic``, ``cv_1pct``, ``cv_5pct``, ``cv_10pct`` and
        ``conclusion`` (``"平稳"``, stationary, or missing).
    claims : Claims
        The paper's claims (:class:`~helpers.audit.Claims` of ``chen_tang_claims``).

    Returns
    -------
    DataFrame
        The rows added, as :meth:`~helpers.audit.Scorecard.view` shows them: indexed by
        ``claim_id``, with ``reported``, ``recomputed`` and ``status``.

    Raises
    ------
    InputError
        If a claim id is already on the scorecard.
    """
    measured = ", ".join(table1["variable"])
    per_region = table1["variable"].duplicated().any()
    concluded = "a conclusion the results section does not contain"
    for claim_id, needs, aside in (
        (
            "CONC-gaps",
            "a difference between regions (a regional series or a dispersion)",
            f"{concluded}; §4.2 states it in passing, with no number",
        ),
        (
            "CONC-tfp",
            "productivity, capital or the capital-labour ratio",
            concluded,
        ),
        (
            "CONC-lagging",
            "a region's development or its AI industry's growth",
            "an inference §4.3 draws from the national equation (3)",
        ),
        ("CONC-cities", "a city, a city's size or its automation", concluded),
    ):
        scorecard.check_claim(
            claims,
            claim_id,
            f"no result measures {needs}: each of the five variables ({measured}) enters as "
            "one series (one ADF test each in Table 1), and Tables 2-6 and equation (3) "
            "relate only them, with no region in any table",
            # a regional result would need a series per region: more than one test per variable
            bool(per_region),
            note=f"{aside}; the paper's 31 provinces and four regions never appear in a "
            "result",
        )
    year, density = (int(float(v)) for v in claims.items("ROBOT-2017"))
    ifr = data.load("ifr_robot_density").set_index(["iso3", "data_year"])
    row = claims["ROBOT-2017"]
    scorecard.compare(
        "ROBOT-2017",
        row["location"],
        row["claim"],
        density,
        float(ifr.loc[("CHN", year), "robots_per_10k"]),
        0,
        note=f"IFR, {ifr.loc[('CHN', year), 'release']}; the Industrial Bank report (2024) "
        f"dates the same {density} to 2015 (chapter 6, ROBOT-CHN-2015)",
    )
    world = ifr.loc[("WLD", year)]
    scorecard.check_claim(
        claims,
        "ROBOT-AVG",
        f"IFR {year}: China {density}, world average {world['robots_per_10k']}",
        bool(density > world["robots_per_10k"]),
        note=f"IFR's world average for {year} ({world['release']}, as the IFR gave it to ITIF); "
        f"China's {density} is {density - world['robots_per_10k']} above it",
    )
    # Across papers: the Industrial Bank report's and Fang et al.'s shares of China in the
    # world's AI money (2023), against this paper's "nearly a third" (year not given)
    from helpers.crosscountry.industrial_bank import Figures

    ib = Figures()
    third = claims.number("INV-THIRD")
    scorecard.finding(
        "INV-THIRD",
        claims["INV-THIRD"]["location"]
        + "; Industrial Bank Research (2024) "
        + ib.where("S1-10", "S1-14")
        + "; Fang, Chang & Hu (2025) §二",
        "Do the papers give China the same share of the world's AI investment?",
        f"here {claims['INV-THIRD']['printed']} (about {third:g}%, year not given); Industrial "
        f"Bank {ib.value('S1-14'):g}% of 2023 AI investment; Fang et al. about 1/10 of 2023 AI "
        "technology spending (IDC)",
        note=f"No: this paper's share is about {third / ib.value('S1-14'):.1f} times the "
        f"Industrial Bank's and about {third / 10:.1f} times Fang et al.'s (the comparison of "
        "those two is the Industrial Bank chapter's CROSS-CN-AI-2023). They measure different "
        "things (market investment, investment, technology spending) in different or unstated "
        "years, and this paper's source [21] is not identified, so none is shown wrong; they "
        "cannot be quoted side by side.",
    )
    return scorecard.view(
        [
            "CONC-gaps",
            "CONC-tfp",
            "CONC-lagging",
            "CONC-cities",
            "ROBOT-2017",
            "ROBOT-AVG",
            "INV-THIRD",
        ]
    )


def check_equation3(
    scorecard: Scorecard,
    equation3: pd.DataFrame,
    table1: pd.DataFrame,
    claims: Claims,
) -> pd.DataFrame:
    """Equation (3) and its readings (E3-terms, EQ3-up, EQ3-down, E-both, E-logs, J-I0,
    JOH-equilibrium).

    With p-capa normalised to 1, the text's readings are compared with ``1 / coefficient of p``
    (EQ3-up) and the coefficient of p (EQ3-down), to 2 decimals; E-both holds when the two
    readings multiply to 1 within 0.05; E-logs when every term is printed in logs; J-I0 when no
    variable is called stationary; JOH-equilibrium is not reproducible.

    Parameters
    ----------
    scorecard : Scorecard
        The chapter's scorecard; the rows are added to it.
    equation3 : DataFrame
        Equation (3) as ``data.load("chen_tang_equation3")`` gives it: ``position`` (0 the
        left-hand side, 1-4 the regressors, 5 the constant), ``term_printed``,
        ``variable_printed``, ``variable_read`` and ``coefficient``.
    table1 : DataFrame
        Table 1 as ``data.load("chen_tang_table1")`` gives it: ``variable``,
        ``variable_printed``, ``adf_statistic``, ``cv_1pct``, ``cv_5pct``, ``cv_10pct`` and
        ``conclusion`` (``"平稳"``, stationary, or missing).
    claims : Claims
        The paper's claims (:class:`~helpers.audit.Claims` of ``chen_tang_claims``).

    Returns
    -------
    DataFrame
        The rows added, as :meth:`~helpers.audit.Scorecard.view` shows them: indexed by
        ``claim_id``, with ``reported``, ``recomputed`` and ``status``.

    Raises
    ------
    InputError
        If a claim id is already on the scorecard.
    """
    eq3 = equation3.set_index("position")
    coef = eq3.set_index("variable_read")["coefficient"]
    printed_vars = eq3.loc[1:4, "variable_printed"].tolist()
    scorecard.check(
        "E3-terms",
        "§4.3, eq. (3)",
        "equation (3) relates the five variables p, p-capa, p-popu, p-scie and p-pate",
        "five variables",
        f"right-hand side names {', '.join(printed_vars)}: p-scie twice, p-pate missing",
        sorted(printed_vars) == sorted(["p-popu", "p-scie", "p-pate", "p"]),
        note="the equation as printed; reading the second p-scie as p-pate (as the other rows "
        "do) is an assumption",
    )
    up, down = claims.number("EQ3-up"), claims.number("EQ3-down")
    scorecard.compare_claim(
        claims,
        "EQ3-up",
        float(1 / coef["p"]),
        2,
        note="1.2457 is p-popu's coefficient; with p-capa normalised to 1, d ln p / d ln p-capa "
        "= 1/3.2536 holding the rest fixed, an elasticity only if p is in logs, which eq. (3) "
        "does not print (E-logs)",
    )
    scorecard.compare_claim(
        claims,
        "EQ3-down",
        float(coef["p"]),
        2,
        note="3.2536 is p's coefficient in eq. (3) with p-capa normalised to 1, so the text "
        "quotes the equation correctly; the reading as a percentage (an elasticity) assumes p "
        "in logs, which eq. (3) does not print (E-logs)",
    )
    scorecard.check(
        "E-both",
        "§4.3",
        "the two readings (EQ3-up, EQ3-down) hold together",
        f"{up} and {down}",
        f"they imply elasticities {up} and 1/{down} = {1 / down:.3f} for the same pair; "
        f"{up} x {down} = {up * down:.2f}, not 1",
        abs(up * down - 1) < 0.05,
        note="one equation links the pair: the effect one way is the inverse of the effect "
        "the other way, holding the rest fixed, so the two elasticities multiply to 1",
    )
    in_logs = eq3["term_printed"].str.contains(r"^(?:In|ln|Ln)\(", regex=True)
    right = in_logs.loc[1:4]
    scorecard.check(
        "E-logs",
        "§4.3, eq. (3)",
        "the coefficients are percentage (elasticity) effects",
        f"1% -> {up}%, 1% -> {down}%",
        f"left-hand side {'in logs' if in_logs.loc[0] else 'in levels'} "
        f"({eq3.loc[0, 'term_printed'].strip()}); {int(right.sum())} of {len(right)} "
        "right-hand variables printed in logs",
        bool(in_logs.loc[0] and right.all()),
        note="a coefficient is an elasticity only between variables both in logs; the printed "
        "equation has logs on the left only",
    )
    stationary = int(table1["conclusion"].eq("平稳").sum())
    scorecard.check(
        "J-I0",
        "§4.1 and §4.3",
        "a cointegrating (long-run) relation among series the paper calls "
        "stationary",
        f"Table 1: {stationary} series stationary; eq. (3) a long-run equilibrium",
        f"{stationary} of the {len(table1)} variables called stationary (I(0))",
        stationary == 0,
        note="cointegration is defined for series with unit roots; among stationary series every "
        "combination is stationary (the rank is the number of series), so the test says "
        "nothing about them",
    )
    scorecard.not_reproducible_claim(
        claims,
        "JOH-equilibrium",
        "no trace or maximum-eigenvalue statistics, rank, lag order or deterministic "
        "case are printed, and the data are not published",
    )
    return scorecard.view(
        [
            "E3-terms",
            "EQ3-up",
            "EQ3-down",
            "E-both",
            "E-logs",
            "J-I0",
            "JOH-equilibrium",
        ]
    )


def repeated_values(fevd: pd.DataFrame) -> pd.Series:
    """Values printed more than once across Tables 2-6 (S.E. and shares), with their counts.

    Parameters
    ----------
    fevd : DataFrame
        Tables 2-6 as ``data.load("chen_tang_fevd")`` gives them: one row per table and printed
        period, with ``table``, ``decomposed``, ``period``, ``se`` and the shares ``p``,
        ``p_capa``, ``p_popu``, ``p_scie``, ``p_pate`` (per cent).

    Returns
    -------
    Series
        How often each repeated value is printed (at least twice), indexed by the value, most
        frequent first, named ``"times printed"``.
    """
    values = pd.concat([fevd[c] for c in ["se", *COLUMNS.values()]])
    return (
        values[values.duplicated(keep=False)]
        .value_counts()
        .rename("times printed")
    )


def audit(chapter: str = "05_var_cointegration_audit") -> Scorecard:
    """The whole scorecard of the printed tables and text.

    Runs :func:`check_table1`, :func:`check_sample`, :func:`check_fevd_tables`,
    :func:`check_first_period`, :func:`check_readings`, :func:`check_equation3` and
    :func:`check_conclusions` on a new scorecard, with the datasets ``chen_tang_table1``,
    ``chen_tang_fevd``, ``chen_tang_equation3`` and the claims of ``chen_tang_claims``.

    Parameters
    ----------
    chapter : str, default "05_var_cointegration_audit"
        The chapter's file stem, where :meth:`~helpers.audit.Scorecard.write` saves the
        scorecard.

    Returns
    -------
    Scorecard
        The scorecard of every check, under ``Chen & Tang (2021)``.

    Raises
    ------
    DataError
        If a shipped dataset does not match its manifest.
    """
    scorecard, claims = Scorecard(PAPER, chapter), Claims(CLAIMS)
    table1, fevd = data.load("chen_tang_table1"), data.load("chen_tang_fevd")
    check_table1(scorecard, table1)
    check_sample(scorecard, claims)
    check_fevd_tables(scorecard, fevd)
    check_first_period(scorecard, fevd)
    check_readings(scorecard, fevd, claims)
    check_equation3(
        scorecard, data.load("chen_tang_equation3"), table1, claims
    )
    check_conclusions(scorecard, table1, claims)
    return scorecard
