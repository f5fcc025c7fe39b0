"""The audit of Fang, Chang & Hu (2025), section 二: each printed statement about Tables 1 and 2
checked against the tables (chapter 1). The statements are in ``data/fang2025_claims.csv``."""

from __future__ import annotations

import pandas as pd

from helpers import _checks
from helpers.audit import Claims, Scorecard
from helpers.errors import InputError, InputTypeError
from helpers.regional.groups import rank_gaps, share_above

PAPER = "Fang, Chang & Hu (2025)"
CLAIMS = "fang2025_claims"

#: The three city clusters of claim C9, by the provinces that contain them.
CLUSTERS = {
    "Beijing-Tianjin-Hebei": ["Beijing", "Tianjin", "Hebei"],
    "Yangtze River Delta": ["Shanghai", "Jiangsu", "Zhejiang", "Anhui"],
    "Pearl River Delta": ["Guangdong"],
}
REGIONS = ["East", "Central", "West", "Northeast"]


def _table1(ai: pd.DataFrame) -> pd.DataFrame:
    if not isinstance(ai, pd.DataFrame):
        raise InputTypeError(
            f"ai must be Table 1 with the province table attached; got {type(ai).__name__}"
        )
    _checks.columns(ai, ["province_zh", "region", "index", "rank"], "ai")
    if len(ai) < 2:
        raise InputError(
            f"ai has {len(ai)} province(s); the statements of section 二 compare provinces, "
            "so checking them needs at least 2"
        )
    return ai


def bottom_groups(ai: pd.DataFrame, exceptions: set[str]) -> list[int]:
    """The sizes k of the bottom-k groups of Table 1 whose non-western members are exactly
    ``exceptions`` (Chinese names): the readings under which claim C4 holds.

    Parameters
    ----------
    ai
        Table 1 with the province table attached (:func:`helpers.regional.load_index`): the
        columns ``province_zh``, ``region``, ``index`` and ``rank``, at least two rows.
    exceptions
        The short Chinese names of the non-western provinces the claim excepts (山西, 海南).

    Returns
    -------
    list of int
        The sizes k, from 1 to the number of provinces, in increasing order; empty when no bottom
        group fits. The bottom k are the k largest ranks (ties in ``rank`` in table order).

    Raises
    ------
    helpers.errors.InputTypeError
        If ``ai`` is not a DataFrame.
    helpers.errors.InputError
        If ``ai`` lacks one of its columns or has fewer than two rows.
    """
    ranked_up = _table1(ai).sort_values("rank", ascending=False)
    return [
        k
        for k in range(1, len(ai) + 1)
        if set(ranked_up.head(k).query("region != 'West'")["province_zh"])
        == set(exceptions)
    ]


def check_table1(
    scorecard: Scorecard, ai: pd.DataFrame, claims: Claims
) -> pd.DataFrame:
    """Claims C1-C6 and the table's own consistency (T1-ranks) on Table 1, indexed by English name
    with the province table attached. Returns the shares above the mean (C5).

    Adds the rows C1 (the mean to two decimals), C2 (the regions of the top ten), C3 (the top
    five and the largest gap of :func:`~helpers.regional.rank_gaps`), C4
    (:func:`bottom_groups`), C5-East, C5-Central, C5-West, C5-Northeast (shares strictly above
    the unweighted mean), C6 (the regions' order by share above the mean and by mean) and
    T1-ranks (the printed ranks against the ranks of the printed values).

    Parameters
    ----------
    scorecard
        The chapter's scorecard; the rows are added to it.
    ai
        Table 1 with the province table attached (:func:`helpers.regional.load_index`): the
        columns ``province_zh``, ``region``, ``index`` and ``rank``, at least two rows.
    claims
        The paper's claims (:class:`~helpers.audit.Claims` of ``fang2025_claims``).

    Returns
    -------
    pandas.DataFrame
        The table of :func:`~helpers.regional.share_above` by NBS region at the mean: indexed by
        region, with ``units``, ``above``, ``share_above`` and ``fraction``.

    Raises
    ------
    helpers.errors.InputTypeError
        If ``ai`` is not a DataFrame.
    helpers.errors.InputError
        If ``ai`` lacks one of its columns or has fewer than two rows.
        Or if a claim id is already on the scorecard.
    """
    ai = _table1(ai)
    mean = float(ai["index"].mean())
    scorecard.compare_claim(
        claims,
        "C1",
        mean,
        decimals=2,
        note=f"Unweighted mean of the {len(ai)} printed values.",
    )

    counts = ai.nsmallest(10, "rank")["region"].value_counts()
    printed = {region: int(n) for region, n in claims.pairs("C2").items()}
    found = {region: int(counts.get(region, 0)) for region in printed}
    scorecard.check_claim(
        claims,
        "C2",
        ", ".join(f"{r} {n}" for r, n in found.items()),
        found == printed,
    )

    gaps = rank_gaps(ai["index"])
    cut = int(gaps.at[gaps["gap"].idxmax(), "rank"])
    top5 = set(ai.nsmallest(5, "rank")["province_zh"])
    scorecard.check_claim(
        claims,
        "C3",
        ", ".join(ai.nsmallest(5, "rank")["province_zh"]),
        top5 == set(claims.items("C3")) and cut == 5,
        note=(
            "The paper gives no criterion for the tier. The largest drop anywhere in the "
            f"ranking, {gaps['gap'].max():.2f} points, falls after rank {cut}"
            + (
                ", which supports a cut after the top five."
                if cut == 5
                else ", not after the top five."
            )
        ),
    )

    fits = bottom_groups(ai, set(claims.items("C4")))
    scorecard.check_claim(
        claims,
        "C4",
        f"holds for the bottom {min(fits)} to {max(fits)}"
        if fits
        else "holds for no bottom group",
        bool(fits),
        note=(
            "The paper does not say how many provinces it means. With this table the "
            f"statement is exact for the bottom {min(fits)}-{max(fits)}, i.e. ranks "
            f"{len(ai) - max(fits) + 1}-{len(ai)}."
            if fits
            else "No bottom group has exactly these non-western members."
        ),
    )

    above = share_above(ai["index"], ai["region"], threshold=mean).table
    for region in REGIONS:
        found = (
            above.at[region, "fraction"]
            if region in above.index
            else "no provinces"
        )
        scorecard.check_claim(
            claims,
            f"C5-{region}",
            found,
            found == claims.value(f"C5-{region}"),
            note="Above means strictly greater than the unweighted mean of the values.",
        )

    by_share = list(
        above["share_above"]
        .sort_values(ascending=False, kind="mergesort")
        .index
    )
    by_mean = list(
        ai.groupby("region")["index"].mean().sort_values(ascending=False).index
    )
    printed_order = claims.items("C6")
    scorecard.check_claim(
        claims,
        "C6",
        f"by share above mean: {' > '.join(by_share)}; by mean: {' > '.join(by_mean)}",
        by_share == printed_order == by_mean,
        note="Checked both on the shares of C5 and on the regional means of the index.",
    )

    consistent = bool(
        (
            ai["index"].rank(ascending=False, method="min").astype(int)
            == ai["rank"]
        ).all()
    )
    scorecard.check(
        "T1-ranks",
        "Table 1",
        "Printed ranks follow the printed index values",
        "ranks 1-31",
        "consistent" if consistent else "inconsistent",
        consistent,
        note="An internal consistency check of the table.",
    )
    return above


def cluster_shares(firms: pd.DataFrame) -> pd.Series:
    """The shares (firms, patents) that Table 2 lists for provinces inside the three clusters of C9:
    a lower bound on the clusters' shares, since Tianjin and Hebei are not listed.

    Parameters
    ----------
    firms
        Table 2 indexed by English province name, with ``firm_share_pct`` and
        ``patent_share_pct`` (per cent).

    Returns
    -------
    pandas.Series
        ``firm_share_pct`` and ``patent_share_pct``: the sums over the listed provinces of
        :data:`CLUSTERS`, in per cent.

    Raises
    ------
    helpers.errors.InputError
        If ``firms`` lacks one of the two columns.
    """
    _checks.columns(firms, ["firm_share_pct", "patent_share_pct"], "firms")
    members = [p for provinces in CLUSTERS.values() for p in provinces]
    return firms.loc[
        firms.index.intersection(members),
        ["firm_share_pct", "patent_share_pct"],
    ].sum()


def check_table2(
    scorecard: Scorecard, ai: pd.DataFrame, firms: pd.DataFrame, claims: Claims
) -> pd.DataFrame:
    """Claims C7-C9 on Table 2 (indexed by English name), with the top five of Table 1.

    C7 and C8 hold when the top five's listed shares of firms and of patents exceed the printed
    floor (80 per cent); C9 when both lower bounds of :func:`cluster_shares` exceed the claim's
    value (50, "more than half").

    Parameters
    ----------
    scorecard
        The chapter's scorecard; the rows are added to it.
    ai
        Table 1 with the province table attached (:func:`helpers.regional.load_index`): the
        columns ``province_zh``, ``region``, ``index`` and ``rank``, at least two rows.
    firms
        Table 2 indexed by English province name, with ``firm_share_pct`` and
        ``patent_share_pct``.
    claims
        The paper's claims (:class:`~helpers.audit.Claims` of ``fang2025_claims``).

    Returns
    -------
    pandas.DataFrame
        The rows C7, C8 and C9 (:meth:`~helpers.audit.Scorecard.view`): indexed by claim id,
        with ``reported``, ``recomputed`` and ``status``.

    Raises
    ------
    helpers.errors.InputTypeError
        If ``ai`` is not a DataFrame.
    helpers.errors.InputError
        If ``ai`` lacks one of its columns or has fewer than two rows.
        Or if ``firms`` lacks a share column for C9, or a claim id is already on the scorecard.
    """
    top5 = _table1(ai).nsmallest(5, "rank").index
    for claim_id, column in [
        ("C7", "firm_share_pct"),
        ("C8", "patent_share_pct"),
    ]:
        share = float(firms.loc[firms.index.intersection(top5), column].sum())
        floor = claims.number(claim_id)
        scorecard.check_claim(
            claims,
            claim_id,
            f"{share:.2f}%",
            share > floor,
            note="Sum of the five provinces' printed shares in Table 2.",
        )
    lower = cluster_shares(firms)
    scorecard.check_claim(
        claims,
        "C9",
        f"at least {lower['firm_share_pct']:.2f}% of firms, {lower['patent_share_pct']:.2f}% of "
        "patents",
        bool((lower > claims.number("C9")).all()),
        note=(
            "Read as more than half. Provinces stand in for the clusters (Guangdong for the "
            "Pearl River Delta), so this checks the provinces that contain them; Tianjin "
            "and Hebei are not in Table 2, so the shares are lower bounds."
        ),
    )
    return scorecard.view(["C7", "C8", "C9"])


def record_outside_figures(scorecard: Scorecard, claims: Claims) -> None:
    """X1-X6: figures the paper quotes from outside sources, against the sources where they were
    found (``data/outside_figures.csv``); nothing in Tables 1-2 bears on them.

    X1-X3 are recorded as not reproducible with the reason; X4 (users of generative AI, in 亿
    people, to one decimal), X5 (ERNIE 3.0 Titan's parameters, in 亿, to whole units) and X6 (the
    year, to whole units) are compared with the sources' values.

    Parameters
    ----------
    scorecard
        The chapter's scorecard; the rows are added to it.
    claims
        The paper's claims (:class:`~helpers.audit.Claims` of ``fang2025_claims``).

    Returns
    -------
    None
        The rows are added to ``scorecard``.

    Raises
    ------
    helpers.errors.InputError
        If a claim id is already on the scorecard.
    """
    from helpers.crosscountry.industrial_bank import outside_figures

    out = outside_figures()
    not_found = (
        "the source's text with this figure was not found in any copy this project could "
        "reach"
    )
    for claim_id, why in (
        ("X1", f"IDC's report: {not_found}"),
        ("X2", f"IDC's report: {not_found}"),
        (
            "X3",
            "CCID's forecast was found only in a copy without its address, so it is not "
            "compared",
        ),
    ):
        scorecard.not_reproducible_claim(claims, claim_id, why)
    cnnic = out.loc["CNNIC-GENAI-USERS"]
    scorecard.compare(
        "X4",
        claims["X4"]["location"],
        claims["X4"]["claim"],
        float(claims["X4"]["printed"].removesuffix("亿人")),
        float(cnnic["value"]),
        1,
        note=f"CNNIC's report: '{cnnic['quote']}'",
    )
    ernie = out.loc["ERNIE-TITAN-PARAMS"]
    scorecard.compare(
        "X5",
        claims["X5"]["location"],
        claims["X5"]["claim"],
        2600.0,
        float(ernie["value"]),
        0,
        note=f"ERNIE 3.0 Titan, described on {ernie['published']} (arXiv 2112.12731): "
        f"'{ernie['quote']}'; the model had this size in 2022, though it was announced in "
        "December 2021",
    )
    first = out.loc["DARTMOUTH-PROPOSAL"]
    scorecard.compare(
        "X6",
        claims["X6"]["location"],
        claims["X6"]["claim"],
        claims.number("X6"),
        float(first["value"]),
        0,
        note="首次提出 read as the first use of the term: it is in McCarthy, Minsky, Rochester "
        "and Shannon's proposal dated 31 August 1955; 1956 is the year of the Dartmouth "
        "workshop it proposed, the date textbooks usually give",
    )


def audit(
    ai: pd.DataFrame,
    firms: pd.DataFrame,
    chapter: str = "01_regional_ai_competitiveness",
) -> Scorecard:
    """The whole scorecard of section 二 on Tables 1 and 2.

    Runs :func:`check_table1`, :func:`check_table2` and :func:`record_outside_figures` on a new
    scorecard, with the claims of ``data/fang2025_claims.csv``.

    Parameters
    ----------
    ai
        Table 1 with the province table attached (:func:`helpers.regional.load_index`): the
        columns ``province_zh``, ``region``, ``index`` and ``rank``, at least two rows.
    firms
        Table 2 indexed by English province name, with ``firm_share_pct`` and
        ``patent_share_pct`` (:func:`helpers.regional.load_shares`).
    chapter
        The chapter's file stem, where :meth:`~helpers.audit.Scorecard.write` saves the scorecard.

    Returns
    -------
    helpers.audit.Scorecard
        The scorecard of claims C1-C9, T1-ranks and X1-X6 under ``Fang, Chang & Hu (2025)``.

    Raises
    ------
    helpers.errors.InputTypeError
        If ``ai`` is not a DataFrame.
    helpers.errors.InputError
        If ``ai`` lacks one of its columns or has fewer than two rows.
    """
    claims = Claims(CLAIMS)
    scorecard = Scorecard(PAPER, chapter)
    check_table1(scorecard, ai, claims)
    check_table2(scorecard, ai, firms, claims)
    record_outside_figures(scorecard, claims)
    return scorecard
