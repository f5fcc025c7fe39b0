"""The audit of Gan & Zhang (2025), Table 4 and section 4.3 (chapter 4): the stars against the t
statistics, the text's readings and quoted numbers against the table, and the dynamics the printed
coefficients imply. The table is ``data/gan_zhang_table4.csv``; the text's numbers are in
``data/gan_zhang_claims.csv``."""

from __future__ import annotations

import numpy as np
import pandas as pd

# scipy.special rather than scipy.stats: the same functions (norm.sf is ndtr(-x), norm.ppf is
# ndtri, chi2.sf is chdtrc) without the half second scipy.stats takes to import in every kernel
from scipy import special

from helpers import data

# shared by the three chapters that audit the paper; re-exported for them
from helpers._gan_zhang import CLAIMS as CLAIMS
from helpers._gan_zhang import PAPER as PAPER
from helpers.audit import Claims, Scorecard
from helpers.display import pvalue, stars

VARIABLES = ["AI", "LR", "EQ", "SS", "LQ"]
#: Table 4's columns in printed order.
COLUMNS = ["LR", "EQ", "SS", "LQ", "AI"]
#: The text's quoted coefficients: scorecard id, gan_zhang_claims row, (regressor, equation),
# decimals.
QUOTED = [
    ("Q1", "Q-AI-LR", ("AI", "LR"), 3),
    ("Q2", "Q-AI-SS", ("AI", "SS"), 3),
    ("Q3", "Q-EQ-AI", ("EQ", "AI"), 3),
    ("Q4", "Q-LQ-AI", ("LQ", "AI"), 3),
    ("Q6", "Q-EQ-LR", ("EQ", "LR"), 2),
    ("Q7", "Q-LQ-LR", ("LQ", "LR"), 3),
]


def cells() -> pd.DataFrame:
    """Table 4 as printed, one row per (equation, regressor variable), with the two-sided normal
    p-value of each printed t statistic and the stars that p-value earns.

    ``p = 2 Phi(-|t|)`` (``Phi`` the standard normal distribution function), and the stars are
    :func:`helpers.display.stars` of it (``***`` below 0.01, ``**`` below 0.05, ``*`` below
    0.1).

    Returns
    -------
    DataFrame
        Indexed by (``equation``, ``var``), ``var`` the lagged variable (``L1.h_`` dropped), with
        the columns of ``data/gan_zhang_table4.csv`` (``column``, ``regressor``,
        ``coefficient``, ``stars`` with ``""`` for none, ``t_stat``, ``coefficient_printed``),
        ``p`` and ``stars_from_t``.

    Raises
    ------
    DataError
        If the shipped table does not match its manifest.
    """
    table = data.load("gan_zhang_table4")
    table = table.assign(
        var=table["regressor"].str.replace("L1.h_", "", regex=False),
        stars=table["stars"].fillna(""),
    )
    table["p"] = 2 * special.ndtr(-table["t_stat"].abs())
    table["stars_from_t"] = table["p"].map(stars)
    return table.set_index(["equation", "var"])


def printed_table() -> pd.DataFrame:
    """Table 4 laid out as printed: regressors as rows, equations as columns in the printed order,
    each cell "coefficient with stars (t statistic)".

    Returns
    -------
    DataFrame
        Indexed by ``regressor`` (``L1.h_AI``, ``L1.h_LR``, ``L1.h_EQ``, ``L1.h_SS``,
        ``L1.h_LQ``), with the equations ``LR``, ``EQ``, ``SS``, ``LQ`` and ``AI`` as columns
        (:data:`COLUMNS`); each cell is text, the t statistic to two decimals.

    Raises
    ------
    DataError
        If the shipped table does not match its manifest.
    """
    table = data.load("gan_zhang_table4")
    cell = (
        table["coefficient_printed"]
        + " ("
        + table["t_stat"].map("{:.2f}".format)
        + ")"
    )
    layout = table.assign(cell=cell).pivot(
        index="regressor", columns="equation", values="cell"
    )
    return layout.loc[[f"L1.h_{v}" for v in VARIABLES], COLUMNS]


def coefficient_matrix(table: pd.DataFrame | None = None) -> pd.DataFrame:
    """The printed A of y_t = A y_{t-1} + ...: rows equations, columns lagged variables.

    Parameters
    ----------
    table : DataFrame or None, default None
        Table 4 as :func:`cells` returns it; None loads it.

    Returns
    -------
    DataFrame
        ``A``, indexed by equation and with one column per lagged variable, both in the order
        of :data:`VARIABLES` (AI, LR, EQ, SS, LQ).
    """
    table = cells() if table is None else table
    return table["coefficient"].unstack("var").loc[VARIABLES, VARIABLES]


def check_stars(scorecard: Scorecard, table: pd.DataFrame) -> pd.DataFrame:
    """One row per cell: do the printed stars match the printed t statistic? Returns the
    mismatches.

    Adds the rows ``S-<var>><equation>`` (25 for Table 4), each holding when the printed stars
    equal those of the t statistic's two-sided normal p-value.

    Parameters
    ----------
    scorecard : Scorecard
        The chapter's scorecard; the rows are added to it.
    table : DataFrame
        Table 4 as :func:`cells` returns it.

    Returns
    -------
    DataFrame
        The cells whose stars disagree, indexed by (``equation``, ``var``), with ``regressor``,
        ``coefficient_printed``, ``t_stat``, ``p`` and ``stars_from_t``.

    Raises
    ------
    InputError
        If a claim id is already on the scorecard.
    """
    for (equation, var), row in table.iterrows():
        agrees = row["stars"] == row["stars_from_t"]
        scorecard.check(
            f"S-{var}>{equation}",
            f"Table 4, col ({row['column']}), L1.h_{var}",
            f"Stars on L1.h_{var} in the {equation} equation match its t statistic",
            reported=f"{row['coefficient_printed']} (t = {row['t_stat']:.2f})",
            recomputed=f"{pvalue(row['p'])}: {row['stars_from_t'] or 'no stars'}",
            holds=agrees,
            note=""
            if agrees
            else f"t = {row['t_stat']:.2f} gives a two-sided p of {row['p']:.3f}, significant at "
            "10% only",
        )
    mismatch = table[table["stars"] != table["stars_from_t"]]
    return mismatch[
        ["regressor", "coefficient_printed", "t_stat", "p", "stars_from_t"]
    ]


def check_text(
    scorecard: Scorecard, table: pd.DataFrame, claims: Claims
) -> pd.DataFrame:
    """The text of section 4.3 and 5.1(3) against the table: which lags each column shows as
    significant (C1-C5), the quoted coefficients and significance (Q1-Q11).

    Adds C1-C5 (the variables each column shows as significant, stars read as printed),
    ``Q<k>a`` and ``Q<k>b`` for the quoted coefficients of :data:`QUOTED` (the value at its
    printed decimals, and the p-value below the bound the text quotes), Q5 and Q8-Q11, then
    C5-reverse (the two effects on AI are positive) and LOOP (each link of the loop LQ -> EQ ->
    LR -> LQ positive with p < 0.1).

    Parameters
    ----------
    scorecard : Scorecard
        The chapter's scorecard; the rows are added to it.
    table : DataFrame
        Table 4 as :func:`cells` returns it.
    claims : Claims
        The paper's claims (:class:`~helpers.audit.Claims` of ``gan_zhang_claims``).

    Returns
    -------
    DataFrame
        Every row of the scorecard but the stars rows (``S-``), as
        :meth:`~helpers.audit.Scorecard.view` shows them: indexed by ``claim_id``, with
        ``reported``, ``recomputed`` and ``status``.

    Raises
    ------
    InputError
        If a claim id is already on the scorecard.
    """
    significant = {
        eq: sorted(table.loc[eq].index[table.loc[eq, "stars"] != ""])
        for eq in VARIABLES
    }
    read = {
        eq: sorted(v.strip() for v in lags.split(","))
        for eq, lags in (
            item.split("=") for item in claims.items("T4-columns")
        )
    }
    for k, eq in enumerate(COLUMNS, start=1):
        scorecard.check(
            f"C{k}",
            "§4.3",
            f"Column ({k}): {eq} is significantly affected by the lags of "
            f"{', '.join(read[eq])}",
            reported=", ".join(read[eq]),
            recomputed=", ".join(significant[eq]),
            holds=read[eq] == significant[eq],
        )

    def coef(var, eq):
        return float(table.loc[(eq, var), "coefficient"])

    def pval(var, eq):
        return float(table.loc[(eq, var), "p"])

    for claim_id, row_id, (var, eq), decimals in QUOTED:
        value, bound = (float(v) for v in claims.items(row_id))
        claim, printed = claims[row_id]["claim"], claims[row_id]["printed"]
        close = abs(coef(var, eq) - value) <= 0.5 * 10**-decimals
        scorecard.compare(
            f"{claim_id}a",
            "§4.3" if close else "§4.3, §5.1(3)",
            f"{claim}: the coefficient",
            reported=value,
            recomputed=coef(var, eq),
            decimals=decimals,
            note=""
            if close
            else f"Table 4 prints {coef(var, eq):.3f}; the text quotes {value} "
            "(twice, in §4.3 and §5.1(3)) and 10.955 once: a gap of "
            f"{abs(coef(var, eq) - value):.3f} in the third decimal",
        )
        scorecard.check(
            f"{claim_id}b",
            "§4.3",
            f"{claim}: the significance",
            reported=printed,
            recomputed=f"{pvalue(pval(var, eq))} (t = {table.loc[(eq, var), 't_stat']:.2f})",
            holds=pval(var, eq) < bound,
            note=""
            if pval(var, eq) < bound
            else f"the text repeats the table's stars; the t statistic gives p = "
            f"{pval(var, eq):.3f} (two-sided, normal), above the {bound:g} it quotes",
        )
    scorecard.check(
        "Q5",
        "§4.3",
        claims["Q-LR-own"]["claim"],
        reported=claims["Q-LR-own"]["printed"],
        recomputed=f"{coef('LR', 'LR'):.3f} (t = {table.loc[('LR', 'LR'), 't_stat']:.2f})",
        holds=pval("LR", "LR") >= 0.1,
    )
    largest, _ = (float(v) for v in claims.items("Q-LQ-largest"))
    second, _ = (float(v) for v in claims.items("Q-LQ-second"))
    lq_effects = (
        table.xs("LQ", level="var")["coefficient"]
        .drop("LQ")
        .sort_values(ascending=False)
    )
    scorecard.check(
        "Q8",
        "§4.3, §5.1(3)",
        f"{claims['Q-LQ-largest']['claim']}, {largest} (p < 0.01)",
        reported=claims["Q-LQ-largest"]["printed"],
        recomputed=f"EQ: {coef('LQ', 'EQ'):.3f}, {pvalue(pval('LQ', 'EQ'))}; {largest} is its "
        "effect on LR",
        holds=abs(coef("LQ", "EQ") - largest) < 5e-4,
        note=(
            f"The largest effect is indeed on EQ, but it is {coef('LQ', 'EQ'):.3f} with two stars "
            f"({pvalue(pval('LQ', 'EQ'))}); {largest} (three stars) is the coefficient in the LR "
            "column, quoted for EQ in §4.3 and again in §5.1(3)."
        ),
    )
    scorecard.check(
        "Q9",
        "§4.3",
        f"{claims['Q-LQ-second']['claim']} ({second}, p < 0.1)",
        reported=claims["Q-LQ-second"]["printed"],
        recomputed=" > ".join(f"{eq} {v:.3f}" for eq, v in lq_effects.items()),
        holds=bool(
            lq_effects.index[1] == "AI"
            and abs(coef("LQ", "AI") - second) < 5e-4
        ),
        note=(
            f"AI is indeed second, at {coef('LQ', 'AI'):.3f} as printed, after EQ "
            f"({coef('LQ', 'EQ'):.3f}). That this 'second' value exceeds the 'largest' one the "
            f"text quotes ({largest}) comes from that mislabelled value, scored once, in Q8."
        ),
    )
    scorecard.check(
        "Q10",
        "§4.3",
        claims["Q-LQ-EQ-mutual"]["claim"],
        reported=claims["Q-LQ-EQ-mutual"]["printed"],
        recomputed=(
            f"LQ -> EQ {coef('LQ', 'EQ'):.3f} ({pvalue(pval('LQ', 'EQ'))}); EQ -> LQ "
            f"{coef('EQ', 'LQ'):.3f} ({pvalue(pval('EQ', 'LQ'))})"
        ),
        holds=coef("LQ", "EQ") > 0
        and coef("EQ", "LQ") > 0
        and pval("LQ", "EQ") < 0.1
        and pval("EQ", "LQ") < 0.1,
    )
    largest_by_eq = (
        table["coefficient"]
        .abs()
        .groupby(level="equation")
        .idxmax()
        .map(lambda ix: ix[1])
    )
    scorecard.check(
        "Q11",
        "§5.1(3)",
        claims["Q-LQ-exceeds"]["claim"] + " in every equation",
        reported=claims["Q-LQ-exceeds"]["printed"],
        recomputed=", ".join(f"{eq}: {v}" for eq, v in largest_by_eq.items()),
        holds=bool((largest_by_eq == "LQ").all()),
        note=(
            "True of the raw coefficients, but they are not comparable across variables with "
            "different spreads: a variable with a small spread (such as a slowly moving LQ index) "
            "gets a large coefficient. The paper reports no standard deviations, so standardised "
            "effects cannot be computed."
        ),
    )
    # "反向影响" in column (5): the direction (from employment quality back to AI, as §4.3's
    # next sentence, 正向促进, reads it) or the sign (a negative effect)
    row = claims["T4-col5-reverse"]
    signs = {v: coef(v, "AI") for v in ("EQ", "LQ")}
    scorecard.check(
        "C5-reverse",
        "§4.3",
        row["claim"],
        reported=row["printed"],
        recomputed=", ".join(
            f"{v} -> AI {c:+.3f} ({pvalue(pval(v, 'AI'))})"
            for v, c in signs.items()
        ),
        holds=all(c > 0 for c in signs.values()),
        note="反向 read as 'in the reverse direction' (from employment quality back to AI), "
        "the reading §4.3's next sentence gives the same two effects (正向促进): both are "
        "positive. Read as 'negative', both signs would be wrong",
    )
    # 5.1(3)'s loop, link by link: LQ -> EQ -> LR -> LQ
    links = [("LQ", "EQ"), ("EQ", "LR"), ("LR", "LQ")]
    row = claims["LOOP-conclusions"]
    scorecard.check(
        "LOOP",
        "§5.1(3)",
        row["claim"],
        reported=row["printed"],
        recomputed="; ".join(
            f"{a} -> {b} {coef(a, b):+.3f} ({pvalue(pval(a, b))})"
            for a, b in links
        ),
        holds=all(coef(a, b) > 0 and pval(a, b) < 0.1 for a, b in links),
        note="Each link read as the lagged coefficient in Table 4, the only estimate the paper "
        "gives: the first two are positive and significant, the last, remuneration's effect on "
        f"labour-force quality, is {coef('LR', 'LQ'):+.3f} (p = {pval('LR', 'LQ'):.2f})",
    )
    return scorecard.view(
        [c for c in scorecard.frame["claim_id"] if not c.startswith("S-")]
    )


def check_stability(scorecard: Scorecard, table: pd.DataFrame) -> np.ndarray:
    """Is the printed PVAR(1) stable? Returns the eigenvalues of the printed A. Also records what
    the paper does not report (NR1-NR3).

    The finding STAB gives the largest modulus of the eigenvalues of the printed ``A``
    (:func:`coefficient_matrix`); for a VAR(1) ``A`` is its own companion matrix, and the
    system is stable when every modulus is below one.

    Parameters
    ----------
    scorecard : Scorecard
        The chapter's scorecard; the rows are added to it.
    table : DataFrame
        Table 4 as :func:`cells` returns it.

    Returns
    -------
    numpy.ndarray
        The five (complex) eigenvalues of the printed ``A``.

    Raises
    ------
    InputError
        If a claim id is already on the scorecard.
    """
    A = coefficient_matrix(table)
    eig = np.linalg.eigvals(A.to_numpy())
    modulus = float(np.abs(eig).max())
    # The paper makes no claim about stability, so an explosive root is a finding, not a
    # discrepancy with it; its dynamic reading (accumulation effects) does presume stability.
    scorecard.finding(
        "STAB",
        "Table 4 (stability not discussed in the paper)",
        "Is the printed PVAR(1) stable, as a dynamic reading (accumulation effects, mutual "
        "causation) presumes?",
        recomputed=f"largest eigenvalue modulus {modulus:.3f}: "
        + ("stable" if modulus < 1 else "explosive"),
        note=(
            "With a root outside the unit circle, shocks grow without bound and impulse responses "
            "diverge. Decompositions at a finite horizon can still be computed, but their shares "
            "keep moving as the horizon grows and never settle, so they have no long-run reading. "
            f"LQ's own coefficient alone is {A.loc['LQ', 'LQ']:.3f} (t = "
            f"{table.loc[('LQ', 'LQ'), 't_stat']:.2f})."
            if modulus >= 1
            else "All roots lie inside the unit circle."
        ),
    )
    for claim_id, claim, why in [
        (
            "NR1",
            "The Table 4 coefficients and t statistics themselves",
            "the provincial data and the indices built from them are not published",
        ),
        (
            "NR2",
            "The instruments, the GMM steps and the sample",
            "the paper reports neither the instrument set, the number of instruments or "
            "observations, nor one- or "
            "two-step weighting",
        ),
        (
            "NR3",
            "The validity of the instruments and the lag order",
            "no Hansen J, no MMSC or other lag-selection statistic is reported",
        ),
    ]:
        scorecard.not_reproducible(
            claim_id, "§3.3.3, Table 4", claim, reported="Table 4", why=why
        )
    return eig


def audit(chapter: str = "04_panel_var_gmm") -> Scorecard:
    """The whole scorecard of Table 4 and section 4.3.

    Runs :func:`check_stars`, :func:`check_text` and :func:`check_stability` on a new scorecard,
    with :func:`cells` and the claims of ``gan_zhang_claims``.

    Parameters
    ----------
    chapter : str, default "04_panel_var_gmm"
        The chapter's file stem, where :meth:`~helpers.audit.Scorecard.write` saves the
        scorecard.

    Returns
    -------
    Scorecard
        The scorecard of every check, under ``Gan & Zhang (2025)``.

    Raises
    ------
    DataError
        If a shipped dataset does not match its manifest.
    """
    scorecard, table, claims = (
        Scorecard(PAPER, chapter),
        cells(),
        Claims(CLAIMS),
    )
    check_stars(scorecard, table)
    check_text(scorecard, table, claims)
    check_stability(scorecard, table)
    return scorecard
