"""The audit of Gan & Zhang (2025), section 4.1 and 5.1(1): do the printed levels and growth
multiples of the AI index fit together (chapter 2)? The printed numbers are in
``data/gan_zhang_claims.csv``.

The paper prints the West's and the Northeast's levels in 2010 and 2022, the Central region's in
2022, and multiples (倍) for the nation and the East. The national index is the mean of the 30
provinces, so it is a weighted mean of the regional means, and the national growth ratio is a
weighted mean of the regional ratios. Whether the printed numbers can all hold is a linear
feasibility problem in the unprinted levels (the East in 2010 and 2022, the Central region in 2010),
solved with :func:`helpers.audit.feasible`, under two readings of 倍: the ratio end/start (the
paper's own usage in section 4.2) and the rise (ratio minus one).
"""

from __future__ import annotations

import pandas as pd

from helpers import data

# shared by the three chapters that audit the paper; re-exported for them
from helpers._gan_zhang import CLAIMS as CLAIMS
from helpers._gan_zhang import PAPER as PAPER
from helpers._gan_zhang import REGIONS as REGIONS
from helpers._gan_zhang import region_sizes as region_sizes
from helpers.audit import Claims, Scorecard, feasible

READINGS = {0: "ratio end/start", 1: "rise (ratio - 1)"}
TOLERANCE = (
    0.05  # "about 3.5", "1.5 times": half a unit of the printed decimal
)
#: The printed numbers and statements of section 4.1 and 5.1(1) (rows of gan_zhang_claims).
SECTION_41 = [
    "AI-rise-national",
    "AI-rise-east",
    "AI-east-above",
    "AI-central-start",
    "AI-central-2022",
    "AI-west-2010",
    "AI-west-2022",
    "AI-northeast-2010",
    "AI-northeast-2022",
    "AI-west-northeast-similar",
    "AI-east-over-national",
    "AI-central-2022-conclusions",
    "EQ-northeast-gap",
    "EQ-west-2019",
    "EQ-central-2022",
    "EQ-east-over-national",
    "EQ-hebei-beijing",
]


#: The regions whose gaps to the national mean section 4.1 says narrowed.
NARROWING = ("West", "Northeast")


def growth_constraints(
    claims: Claims,
    sizes: dict[str, int],
    reading: int,
    with_east_ratio: bool,
    gap_signs: dict[str, tuple[int, int]] | None = None,
    with_national: bool = True,
) -> list:
    """Linear constraints on the unknown levels E10, E22 (East) and C10 (Central) that section 4.1
    (and, with ``with_east_ratio``, 5.1(1)'s "1.5 times the national level" in 2022) imposes, with
    倍 read as the ratio (``reading`` 0) or as the rise (1).

    ``gap_signs`` adds section 4.1's statement that the West's and the Northeast's gaps to the
    national mean narrowed from 2010 to 2022: for each region the signs ``(s10, s22)`` of national
    minus regional level in 2010 and 2022 (a gap's absolute value is linear once its sign is
    fixed), and ``s22 (N22 - R22) <= s10 (N10 - R10)``. :func:`growth_feasibility` tries every
    combination of signs.

    With region shares :math:`e = n_E / n` and :math:`c = n_C / n` of the paper's 30 provinces
    and the printed levels W10, W22, NE10, NE22 and C22, the national levels are
    :math:`N_{10} = e E_{10} + c C_{10} + (n_W W_{10} + n_{NE} NE_{10}) / n` and
    :math:`N_{22} = e E_{22} + (n_C C_{22} + n_W W_{22} + n_{NE} NE_{22}) / n`. The constraints
    are: ``C10 <= min(W10, NE10) - 1e-6`` (the Central region starts lowest); ``E22 >= r_E
    E10`` (the East grows at least its printed multiple); ``E10 >= N10`` and ``E22 >= N22``
    (the East above the national mean); with ``with_national``, ``(r_N - 0.05) N10 <= N22 <=
    (r_N + 0.05) N10`` (the national multiple "about 3.5"); with ``with_east_ratio``, ``E22``
    within 0.05 of 1.5 times ``N22``. Each multiple :math:`r` is the printed number plus
    ``reading``.

    Parameters
    ----------
    claims
        The paper's claims (:class:`~helpers.audit.Claims` of ``gan_zhang_claims``).
    sizes
        Provinces per region (``East``, ``Central``, ``West``, ``Northeast``), as
        :func:`region_sizes` gives them.
    reading
        0 to read 倍 as the ratio end/start, 1 as the rise (the multiple plus one is the ratio).
    with_east_ratio
        Whether to add 5.1(1)'s "East at 1.5 times the national level in 2022".
    gap_signs
        For ``West`` and/or ``Northeast``, the signs ``(s10, s22)`` (each 1 or -1) of national
        minus regional level; ``None`` adds no gap constraint.
    with_national
        Whether to include the national multiple (约3.5倍).

    Returns
    -------
    list of tuple
        ``(coefficients, op, rhs)`` triples for :func:`helpers.audit.feasible`: ``coefficients``
        maps ``"E10"``, ``"E22"``, ``"C10"`` to numbers, ``op`` is ``"<="`` or ``">="``.

    Raises
    ------
    KeyError
        If a claim is missing from ``claims``, a region from ``sizes``, or ``gap_signs`` names
        another region.
    helpers.errors.InputError
        If a claim used is not a number.
    """
    total = sum(sizes.values())
    w10, w22 = claims.number("AI-west-2010"), claims.number("AI-west-2022")
    ne10, ne22 = (
        claims.number("AI-northeast-2010"),
        claims.number("AI-northeast-2022"),
    )
    c22 = claims.number("AI-central-2022")
    r_nat = claims.number("AI-rise-national") + reading
    r_east = claims.number("AI-rise-east") + reading
    known10 = (sizes["West"] * w10 + sizes["Northeast"] * ne10) / total
    known22 = (
        sizes["Central"] * c22
        + sizes["West"] * w22
        + sizes["Northeast"] * ne22
    ) / total
    e, c = sizes["East"] / total, sizes["Central"] / total
    rows = [
        (
            {"C10": 1},
            "<=",
            min(w10, ne10) - 1e-6,
        ),  # the Central region starts lowest
        (
            {"E22": 1, "E10": -r_east},
            ">=",
            0.0,
        ),  # the East grows more than 3.6 times
        (
            {"E10": 1 - e, "C10": -c},
            ">=",
            known10,
        ),  # the East above the national mean, 2010
        ({"E22": 1 - e}, ">=", known22),  # ... and 2022
    ]
    for r, op in (
        [
            (r_nat - TOLERANCE, ">="),
            (r_nat + TOLERANCE, "<="),
        ]
        * with_national
    ):  # national multiple about 3.5 (left out when with_national is False)
        rows.append(
            (
                {"E22": e, "E10": -r * e, "C10": -r * c},
                op,
                r * known10 - known22,
            )
        )
    if with_east_ratio:  # the East at 1.5 times the national level in 2022
        ratio = claims.number("AI-east-over-national")
        for r, op in [(ratio - TOLERANCE, ">="), (ratio + TOLERANCE, "<=")]:
            rows.append(({"E22": 1 - r * e}, op, r * known22))
    levels = {"West": (w10, w22), "Northeast": (ne10, ne22)}
    for region, (s10, s22) in (gap_signs or {}).items():
        r10, r22 = levels[region]
        # national levels: N10 = e E10 + c C10 + known10, N22 = e E22 + known22
        gap10 = ({"E10": s10 * e, "C10": s10 * c}, s10 * (r10 - known10))
        gap22 = ({"E22": s22 * e}, s22 * (r22 - known22))
        rows.append((gap10[0], ">=", gap10[1]))  # the sign assumed in 2010
        rows.append((gap22[0], ">=", gap22[1]))  # ... and in 2022
        # s22 (N22 - R22) <= s10 (N10 - R10): the gap narrowed
        rows.append(
            (
                {"E22": s22 * e, "E10": -s10 * e, "C10": -s10 * c},
                "<=",
                s22 * (r22 - known22) - s10 * (r10 - known10),
            )
        )
    return rows


def _sign_combinations():
    import itertools

    pairs = list(itertools.product((1, -1), repeat=2))
    for west, northeast in itertools.product(pairs, repeat=2):
        yield {"West": west, "Northeast": northeast}


def gaps_can_narrow(
    claims: Claims,
    sizes: dict[str, int],
    reading: int,
    regions: tuple[str, ...],
    with_national: bool = True,
) -> bool:
    """Can the gaps of ``regions`` to the national mean all have narrowed, given section 4.1's
    other numbers with 倍 read as ``reading``, and, when ``with_national`` is False, leaving out the
    national multiple (约3.5倍)? Every sign of each gap is tried.

    Parameters
    ----------
    claims
        The paper's claims (``gan_zhang_claims``).
    sizes
        Provinces per region, as :func:`region_sizes` gives them.
    reading
        0 to read 倍 as the ratio end/start, 1 as the rise.
    regions
        The regions whose gaps must have narrowed: ``"West"``, ``"Northeast"`` or both.
    with_national
        Whether to include the national multiple.

    Returns
    -------
    bool
        Whether some levels E10, E22, C10 in [0, 1] satisfy :func:`growth_constraints` (without
        5.1(1)'s ratio) for some combination of signs.
    """
    import itertools

    bounds = {"E10": (0, 1), "E22": (0, 1), "C10": (0, 1)}
    for signs in itertools.product(
        itertools.product((1, -1), repeat=2), repeat=len(regions)
    ):
        rows = growth_constraints(
            claims,
            sizes,
            reading,
            False,
            dict(zip(regions, signs)),
            with_national=with_national,
        )
        if feasible(rows, bounds) is not None:
            return True
    return False


def growth_feasibility(
    claims: Claims, sizes: dict[str, int] | None = None
) -> pd.DataFrame:
    """For each reading of 倍, with and without 5.1(1)'s ratio, and with and without section 4.1's
    narrowing gaps: is there a set of unprinted levels satisfying every printed number, and one
    such set.

    Parameters
    ----------
    claims
        The paper's claims (``gan_zhang_claims``).
    sizes
        Provinces per region; ``None`` takes :func:`region_sizes` (the 30 without Tibet).

    Returns
    -------
    pandas.DataFrame
        Eight rows indexed by (``倍 read as``: the text of :data:`READINGS`, ``with the 1.5 times
        of §5.1(1)``: bool, ``with the narrowing gaps of §4.1``: bool), with columns
        ``consistent`` (bool), ``example East 2010`` and ``example East 2022`` (a solution's
        levels rounded to four decimals, or None when there is none).
    """
    sizes = sizes or region_sizes()
    bounds = {"E10": (0, 1), "E22": (0, 1), "C10": (0, 1)}
    rows = {}
    for reading, name in READINGS.items():
        for with_ratio, with_gaps in (
            (False, False),
            (True, False),
            (False, True),
            (True, True),
        ):
            solution = None
            for signs in _sign_combinations() if with_gaps else [None]:
                solution = feasible(
                    growth_constraints(
                        claims, sizes, reading, with_ratio, signs
                    ),
                    bounds,
                )
                if solution is not None:
                    break
            rows[(name, with_ratio, with_gaps)] = {
                "consistent": solution is not None,
                "example East 2010": round(solution["E10"], 4)
                if solution
                else None,
                "example East 2022": round(solution["E22"], 4)
                if solution
                else None,
            }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table.index.names = [
        "倍 read as",
        "with the 1.5 times of §5.1(1)",
        "with the narrowing gaps of §4.1",
    ]
    return table


def growth_ratios(claims: Claims) -> pd.Series:
    """The simplest form of the argument: growth ratios 2022/2010 that the printed levels give (the
    Central region's a lower bound, since it starts below both), the smallest ratio any region can
    have (so the national ratio's floor), and section 4.2's coordination ratio, for comparison.

    The national index is a province-weighted mean of the regional ones, so its ratio 2022/2010
    is a weighted mean of the regional ratios and at least the smallest of them.

    Parameters
    ----------
    claims
        The paper's claims (``gan_zhang_claims``).

    Returns
    -------
    pandas.Series
        Named ``ratio 2022/2010``, indexed by ``West``, ``Northeast``, ``Central (at least)``
        (C22 over the lower of the West's and Northeast's 2010 levels), ``East (at least, as
        printed)``, ``national (at least)`` (the smallest of the four) and ``coordination degree,
        §4.2`` (D 2022 over D 2010).
    """
    w10, w22 = claims.number("AI-west-2010"), claims.number("AI-west-2022")
    ne10, ne22 = (
        claims.number("AI-northeast-2010"),
        claims.number("AI-northeast-2022"),
    )
    central_floor = claims.number("AI-central-2022") / min(w10, ne10)
    west, northeast = w22 / w10, ne22 / ne10
    return pd.Series(
        {
            "West": west,
            "Northeast": northeast,
            "Central (at least)": central_floor,
            "East (at least, as printed)": claims.number("AI-rise-east"),
            "national (at least)": min(
                claims.number("AI-rise-east"), west, northeast, central_floor
            ),
            "coordination degree, §4.2": claims.number("D-national-2022")
            / claims.number("D-national-2010"),
        },
        name="ratio 2022/2010",
    )


def check_section41(scorecard: Scorecard, claims: Claims) -> pd.DataFrame:
    """The scorecard rows of section 4.1 and 5.1(1); returns the feasibility table.

    Adds the rows A1, A1b (the national multiple under each reading of 倍), A3, A3b (the Central
    region's level and growth), A5 (the East at 1.5 times the national level), A5b (the Central
    value in the conclusions and the results), GRAD-AI, GRAD-EQ (the conclusions' regional
    gradient), A6, A6b (the narrowing gaps), A5c (the Central region's "only" 0.1250), the
    claims that need values shown only in figures as not reproducible (EQ-L-shape,
    AI-west-northeast-similar, EQ-northeast-gap, EQ-west-2019, EQ-central-2022,
    EQ-east-over-national, EQ-hebei-beijing, F1, LABOUR-supply), and the finding XP-REGIONS
    (:func:`check_regions_across_papers`).

    Parameters
    ----------
    scorecard
        The chapter's scorecard; the rows are added to it.
    claims
        The paper's claims (:class:`~helpers.audit.Claims` of ``gan_zhang_claims``).

    Returns
    -------
    pandas.DataFrame
        The table of :func:`growth_feasibility`.

    Raises
    ------
    helpers.errors.InputError
        If a claim id is already on the scorecard.
    """
    sizes = region_sizes()
    table = growth_feasibility(claims, sizes)
    ratio, rise = READINGS[0], READINGS[1]
    ratios = growth_ratios(claims)
    c22, w22, ne22 = (
        claims.number(i)
        for i in ("AI-central-2022", "AI-west-2022", "AI-northeast-2022")
    )
    scorecard.check(
        "A1",
        "§4.1",
        "National AI index rose about 3.5 times, given the regional numbers of A2-A4",
        reported=claims["AI-rise-national"]["printed"],
        recomputed=f"ratio must be at least {ratios['national (at least)']:.2f} (weighted mean of "
        "regional ratios)",
        holds=bool(table.loc[(ratio, False, False), "consistent"]),
        note=(
            "Infeasible when 倍 is the ratio end/start, the reading under which §4.2's '超1.8倍' "
            f"holds (0.4367/0.2404 = {ratios['coordination degree, §4.2']:.3f}). The bound is a "
            "loose one (a weighted mean of ratios above 3.6). Feasible if 倍 means the rise "
            "(ratio 4.5): then the paper uses 倍 in two senses."
        ),
    )
    scorecard.check(
        "A1b",
        "§4.1",
        "Same claims with 倍 read as the rise (ratio = multiple + 1)",
        reported=claims["AI-rise-national"]["printed"],
        recomputed="a consistent set of unprinted levels exists"
        if table.loc[(rise, False, False), "consistent"]
        else "no consistent set",
        holds=bool(table.loc[(rise, False, False), "consistent"]),
        note="A linear-programming search over the unprinted levels (the East's 2010 and 2022, "
        "the Central region's 2010) for values that satisfy every printed claim.",
    )
    scorecard.check(
        "A3",
        "§4.1",
        "Central reaches 0.1250 in 2022, above the West and the Northeast",
        reported=claims["AI-central-2022"]["printed"],
        recomputed=f"{c22:.4f} vs {w22:.4f}, {ne22:.4f}",
        holds=c22 > max(w22, ne22),
    )
    scorecard.check(
        "A3b",
        "§4.1",
        "Starting lowest and ending above the West and Northeast, the Central region grew fastest "
        "of the three",
        reported=claims["AI-central-start"]["printed"],
        recomputed=(
            f"Central ratio > {ratios['Central (at least)']:.2f}; West {ratios['West']:.2f}; "
            f"Northeast {ratios['Northeast']:.2f}"
        ),
        holds=bool(
            ratios["Central (at least)"]
            > max(ratios["West"], ratios["Northeast"])
        ),
        note="Against the East the claim cannot be checked: only a lower bound (3.6) is printed "
        "for the East.",
    )
    # 1.5 times is a level ratio whatever 倍 means in 增幅; checked without the national
    # multiple (约3.5倍), whose failure under the ratio reading is A1's
    bounds = {"E10": (0, 1), "E22": (0, 1), "C10": (0, 1)}
    east_fits = {
        READINGS[k].split(" ")[0]: feasible(
            growth_constraints(claims, sizes, k, True, with_national=False),
            bounds,
        )
        is not None
        for k in READINGS
    }
    scorecard.check(
        "A5",
        "§5.1(1)",
        "East 1.5 times the national AI level, with the other §4.1 numbers",
        reported=claims["AI-east-over-national"]["printed"]
        + " (2022 assumed)",
        recomputed="; ".join(
            f"倍 in 增幅 read as the {k}: {'consistent' if ok else 'inconsistent'}"
            for k, ok in east_fits.items()
        ),
        holds=all(east_fits.values()),
        note="The year is not stated; 2022 assumed. Checked with §4.1's numbers except the "
        "national multiple (约3.5倍), which fails under the ratio reading on its own (A1).",
    )
    conclusions = claims.number("AI-central-2022-conclusions")
    scorecard.check(
        "A5b",
        "§5.1(1) vs §4.1",
        "The Central 2022 value is the same in the conclusions as in the results",
        reported=f"{conclusions:.4f} (§5.1)",
        recomputed=f"{c22:.4f} (§4.1)",
        holds=conclusions == c22,
    )
    tiers = claims.pairs("GRAD-conclusions")
    # The East's 2022 level is not printed: with §5.1(1)'s 1.5 times the national level and the
    # national mean weighted by provinces, national = (the other regions' weighted sum) /
    # (provinces - the East's provinces x 1.5).
    multiple = claims.number("AI-east-over-national")
    national = (
        sizes["Central"] * c22
        + sizes["West"] * w22
        + sizes["Northeast"] * ne22
    ) / (sum(sizes.values()) - sizes["East"] * multiple)
    levels = {
        "East": multiple * national,
        "Central": c22,
        "West": w22,
        "Northeast": ne22,
    }
    ordered = all(
        levels[a] > levels[b]
        for a in levels
        for b in levels
        if tiers[a] < tiers[b]
    )
    scorecard.check(
        "GRAD-AI",
        "§5.1(1) vs §4.1",
        "AI follows the conclusions' gradient: East, then Central, then West and Northeast",
        claims["GRAD-conclusions"]["printed"],
        "2022: "
        + ", ".join(
            f"{region} {level:.4f}" for region, level in levels.items()
        )
        + " (East from §5.1(1)'s multiple)",
        ordered,
        note="West and Northeast share the last tier, so their order is not checked",
    )
    middle = claims.pairs("EQ-northeast-middle")["Northeast"]
    scorecard.check(
        "GRAD-EQ",
        "§5.1(1) vs §4.1",
        "Employment quality follows the same gradient, with the Northeast among the laggards",
        claims["GRAD-conclusions"]["printed"],
        f"§4.1: {claims['EQ-northeast-middle']['printed']}",
        tiers["Northeast"] == middle,
        note="Text against text: §4.1 puts the Northeast level with the national mean and calls "
        "it middle, the conclusions put it in the last tier with the West (§4.2 also ranks its "
        "coordination above the Central region's and the West's). §4.1 also has the West above "
        "the Central region from 2010 to 2016 and the gap narrowing after, with no overtaking, "
        "where the conclusions have the Central region catching up and the West lagging. The "
        "regional employment values are only in figures, so the tiers cannot be recomputed.",
    )
    with_gaps = table.xs((False, True), level=(1, 2))["consistent"]
    # Which region's gap cannot narrow, and does it depend on the national multiple at all?
    northeast_never = not any(
        gaps_can_narrow(claims, sizes, k, ("Northeast",), with_national=False)
        for k in READINGS
    )
    west_alone = [
        READINGS[k].split(" ")[0]
        for k in READINGS
        if gaps_can_narrow(claims, sizes, k, ("West",))
    ]
    cause = (
        "The Northeast's gap alone cannot narrow under either reading, even with the national "
        "multiple (约3.5倍) left out"
        if northeast_never
        else "No single region's gap explains it"
    ) + (
        f"; the West's alone can (倍 read as the {' or the '.join(west_alone)})"
        if west_alone
        else ""
    )
    for claim_id, name, other in (("A6", ratio, rise), ("A6b", rise, ratio)):
        scorecard.check(
            claim_id,
            "§4.1",
            "The West's and the Northeast's gaps to the national mean narrowed from 2010 to "
            f"2022, with the other §4.1 numbers, 倍 read as the {name.split(' ')[0]}",
            reported=claims["AI-west-northeast-similar"]["printed"],
            recomputed="consistent"
            if with_gaps[name]
            else "no set of unprinted levels fits"
            + (
                f" (nor with 倍 read as the {other.split(' ')[0]})"
                if not with_gaps[other]
                else ""
            ),
            holds=bool(with_gaps[name]),
            note=f"{cause}. Gaps read as absolute differences in index points (relative to the "
            "national mean they could behave otherwise); linear feasibility over the unprinted "
            "levels, every sign of each gap tried.",
        )
    # "中部...2022年仅0.1250": low against what? With §5.1(1)'s 1.5 times, the national mean
    row = claims["AI-central-2022-conclusions"]
    scorecard.check(
        "A5c",
        "§5.1(1) vs §4.1",
        "The Central region's 2022 AI index is 'only' 0.1250, though §4.1 has it overtaking "
        "the West and the Northeast",
        row["printed"],
        f"2022: Central {c22:.4f} = {c22 / national:.0%} of the national mean {national:.4f} "
        f"(from §5.1(1)'s {multiple:g} times), above the West {w22:.4f} and the Northeast "
        f"{ne22:.4f}",
        bool(max(w22, ne22) < c22 < national),
        note="仅 (only) read as low against the national mean: second of four regions, below "
        "the mean. The national mean is not printed; without §5.1(1)'s multiple it is not "
        "bounded enough to place the Central region",
    )
    # "L型增长态势" against the three phases the same sentence describes: the national values are
    # only in figures, and the words fit one reading of L and not another
    scorecard.not_reproducible_claim(
        claims,
        "EQ-L-shape",
        "The national values are only in figures. The sentence's own account (a steady rise, a "
        "faster one, then stable) is no L in the level, which never falls; in the growth rate "
        "it reads as one only from 2016 (faster, then about zero), not over 2010-2022, where "
        "growth first rises. Which the paper means, the words do not settle.",
    )
    scorecard.not_reproducible_claim(
        claims,
        "AI-west-northeast-similar",
        "'Similar' has no stated tolerance (the narrowing gaps are checked in A6 and A6b).",
    )
    figures_only = (
        "Needs the index values, which the paper shows only in figures; no other printed number "
        "constrains it."
    )
    for claim_id in (
        "EQ-northeast-gap",
        "EQ-west-2019",
        "EQ-central-2022",
        "EQ-east-over-national",
        "EQ-hebei-beijing",
    ):
        scorecard.not_reproducible_claim(claims, claim_id, figures_only)
    scorecard.not_reproducible(
        "F1",
        "Figures 1-4",
        "Provincial and regional index paths",
        "figures only",
        figures_only,
    )
    scorecard.not_reproducible_claim(
        claims,
        "LABOUR-supply",
        "the report the paper cites exists (delivered by 俞家栋 to the Standing Committee of the "
        "National People's Congress on 28 December 2022), but its passage with this figure was "
        "not found in any copy this project could reach, so the figure is not compared",
    )
    check_regions_across_papers(scorecard, claims)
    return table


def check_regions_across_papers(scorecard: Scorecard, claims: Claims) -> None:
    """A finding across papers: Fang, Chang & Hu (2025) rank the regions by their 2023 AI
    competitiveness (Table 1), this paper by its 2022 AI index (§4.1); do the orders agree?

    Adds the finding XP-REGIONS: this paper's order (the East first, as in GRAD-AI, then the
    Central region, the West and the Northeast by their printed 2022 levels) against the regions'
    mean competitiveness in Fang et al. (provinces without Tibet).

    Parameters
    ----------
    scorecard
        The chapter's scorecard; the row is added to it.
    claims
        The paper's claims (``gan_zhang_claims``).

    Returns
    -------
    None
        The scorecard is changed in place.

    Raises
    ------
    helpers.errors.InputError
        If XP-REGIONS is already on the scorecard.
    """
    provinces = data.load("provinces").set_index("name_zh")
    fang = data.load("fang2025_ai_competitiveness").query(
        "province_zh != '西藏'"
    )
    means = (
        fang.assign(region=fang["province_zh"].map(provinces["region"]))
        .groupby("region")["index"]
        .mean()
        .sort_values(ascending=False)
    )
    here = {
        "Central": claims.number("AI-central-2022"),
        "West": claims.number("AI-west-2022"),
        "Northeast": claims.number("AI-northeast-2022"),
    }
    ours = [
        "East",
        *sorted(here, key=here.get, reverse=True),
    ]  # the East leads (GRAD-AI)
    scorecard.finding(
        "XP-REGIONS",
        "§4.1; Fang, Chang & Hu (2025) Table 1",
        "Do this paper and Fang et al. order China's four regions by AI the same way?",
        "here (2022 AI index): "
        + " > ".join(ours)
        + "; Fang et al. (2023 competitiveness, mean of provinces without Tibet): "
        + " > ".join(f"{r} {v:.2f}" for r, v in means.items()),
        note=(
            "They agree on the order"
            if list(means.index) == ours
            else "They differ at "
            + ", ".join(
                f"place {k + 1} ({a} here, {b} in Fang et al.)"
                for k, (a, b) in enumerate(zip(ours, means.index))
                if a != b
            )
        )
        + ". The two indices are built differently from different indicators and years, so "
        "neither paper is shown wrong by the other.",
    )


def national_multiple(
    east_2010: float, central_2010: float, claims: Claims
) -> pd.Series:
    """For given (unprinted) 2010 levels of the East and the Central region: the East's 2022 level
    at its printed multiple, the national 2010 level and the national multiple they imply.

    The multiple is read as the ratio end/start: :math:`E_{22} = r_E E_{10}`, and the national
    levels are the province-weighted means of the four regions (:func:`region_sizes`).

    Parameters
    ----------
    east_2010
        The East's 2010 level (not printed).
    central_2010
        The Central region's 2010 level (not printed).
    claims
        The paper's claims (``gan_zhang_claims``).

    Returns
    -------
    pandas.Series
        Indexed by ``East 2022 at least``, ``national 2010`` and ``national multiple at least``
        (the national 2022 level over the 2010 one).
    """
    sizes = region_sizes()
    total = sum(sizes.values())
    east_2022 = claims.number("AI-rise-east") * east_2010
    national_2010 = (
        sizes["East"] * east_2010
        + sizes["Central"] * central_2010
        + sizes["West"] * claims.number("AI-west-2010")
        + sizes["Northeast"] * claims.number("AI-northeast-2010")
    ) / total
    national_2022 = (
        sizes["East"] * east_2022
        + sizes["Central"] * claims.number("AI-central-2022")
        + sizes["West"] * claims.number("AI-west-2022")
        + sizes["Northeast"] * claims.number("AI-northeast-2022")
    ) / total
    return pd.Series(
        {
            "East 2022 at least": east_2022,
            "national 2010": national_2010,
            "national multiple at least": national_2022 / national_2010,
        }
    )
