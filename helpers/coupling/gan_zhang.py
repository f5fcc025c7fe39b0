"""The audit of Gan & Zhang (2025), section 4.2 and 5.1(2): the coupling coordination degrees the
paper prints against the levels and stages of its own Table 3 (chapter 3). The printed numbers are
in ``data/gan_zhang_claims.csv``."""

from __future__ import annotations

import numpy as np
import pandas as pd

# shared by the three chapters that audit the paper; re-exported for them
from helpers._gan_zhang import CLAIMS as CLAIMS
from helpers._gan_zhang import PAPER as PAPER
from helpers._gan_zhang import REGIONS as REGIONS
from helpers._gan_zhang import region_sizes as region_sizes
from helpers.audit import Claims, Scorecard, feasible
from helpers.coupling.model import classify

#: The printed numbers and statements of section 4.2 and 5.1(2) (rows of gan_zhang_claims).
SECTION_42 = [
    "D-national-2010",
    "D-national-2022",
    "D-rise",
    "D-stage-before-2019",
    "D-level-2022",
    "D-east-2022",
    "D-northeast",
    "D-central-west",
    "D-beijing-shanghai-level",
    "D-guangdong-level",
    "D-national-conclusions",
    "D-period",
    "D-guangdong",
    "D-beijing-shanghai",
]
EPS = 1e-6  # Table 3's intervals are open on the left: (a, b]
#: The 2022 ranges that section 4.2's words give each region's mean D (levels of Table 3).
REGIONAL_RANGES_2022 = {
    "East": (0.5 + EPS, 0.6),
    "Northeast": (0.3 + EPS, 0.5),
    "Central": (0.2 + EPS, 0.4),
    "West": (0.2 + EPS, 0.4),
}


def regional_means_2022(claims: Claims) -> dict | None:
    """Regional mean D in 2022 consistent with the words of section 4.2 (the East barely
    coordinated, the Northeast ahead of the Central region and the West, in their ranges) and with
    the printed national 0.4367 to its printed decimals, as unweighted province means; None when
    there is none.

    The national mean is :math:`\\sum_r (n_r / n) \\bar D_r` over the four NBS regions (the 30
    provinces without Tibet), required within 5e-5 of the printed value; each regional mean lies
    in its range of :data:`REGIONAL_RANGES_2022` (Table 3's intervals, open on the left), and the
    Northeast's exceeds the Central region's and the West's. Solved by
    :func:`helpers.audit.feasible`.

    Parameters
    ----------
    claims
        The paper's claims (:class:`~helpers.audit.Claims` of ``gan_zhang_claims``).

    Returns
    -------
    dict or None
        One solution, the mean D of ``East``, ``Central``, ``West`` and ``Northeast``, or
        ``None`` when no regional means fit.

    Raises
    ------
    KeyError
        If the claim ``D-national-2022`` is missing.
    helpers.errors.InputError
        If its value is not a number.
    """
    sizes = region_sizes()
    total = sum(sizes.values())
    d22 = claims.number("D-national-2022")
    weights = {r: sizes[r] / total for r in REGIONS}
    constraints = [
        (weights, ">=", d22 - 5e-5),
        (weights, "<=", d22 + 5e-5),
        ({"Northeast": 1, "Central": -1}, ">=", EPS),
        ({"Northeast": 1, "West": -1}, ">=", EPS),
    ]
    return feasible(constraints, REGIONAL_RANGES_2022)


def check_section42(scorecard: Scorecard, claims: Claims) -> pd.DataFrame:
    """The scorecard rows of section 4.2 and 5.1(2); returns their view.

    Adds the rows K1 and K1b (the national rise "超1.8倍" read as the ratio end/start and as the
    rise), K2, K3, K3b and K7 (printed values against the levels and stages of Table 3), K6
    (Beijing and Shanghai above 0.56 and barely coordinated), K4-K5 (the regional statements
    against the national 0.4367, :func:`regional_means_2022`), and K2b, K7b and F5 as not
    reproducible (values only in figures).

    Parameters
    ----------
    scorecard
        The chapter's scorecard; the rows are added to it.
    claims
        The paper's claims (``gan_zhang_claims``).

    Returns
    -------
    pandas.DataFrame
        :meth:`helpers.audit.Scorecard.view` of the whole scorecard (every row on it, those added
        before this call too): indexed by ``claim_id``, with ``reported``, ``recomputed`` and
        ``status`` as text.

    Raises
    ------
    helpers.errors.InputError
        If one of the claim ids is already on the scorecard, or a claim used is not a number.
    KeyError
        If a claim used is missing from ``claims``.
    """
    d10, d22 = (
        claims.number("D-national-2010"),
        claims.number("D-national-2022"),
    )
    ratio = d22 / d10
    # 增幅超1.8倍 read two ways: the ratio end/start (as chapter 2 finds the paper's usage here),
    # and strictly, a rise (增幅) of more than 180 per cent
    multiple = claims.number("D-rise")
    scorecard.check(
        "K1",
        "§4.2 (the levels again in §5.1(2))",
        "National D rose from 0.2404 to 0.4367, more than 1.8 times (倍 read as the ratio "
        "end/start)",
        reported=claims["D-rise"]["printed"],
        recomputed=f"ratio {ratio:.4f}",
        holds=ratio > multiple,
        note="The ratio reading, under which the printed levels bear the claim out.",
    )
    scorecard.check(
        "K1b",
        "§4.2",
        "The same claim read strictly: a rise (增幅) of more than 180 per cent",
        reported=claims["D-rise"]["printed"],
        recomputed=f"rise {100 * (ratio - 1):.1f}%",
        holds=ratio - 1 > multiple,
        note=f"Read as the rise, the printed levels give {100 * (ratio - 1):.1f}%, not more than "
        f"{100 * multiple:.0f}%; the wording fits only the ratio reading.",
    )
    # Printed values read against Table 3: (id, location, claim, printed row, value, Table 3 field,
    # row of the expected level or stage, note)
    readings = [
        (
            "K2",
            "§4.2",
            "In 2010 the country was in the imbalance-and-decline stage",
            "D-stage-before-2019",
            d10,
            "stage_zh",
            "D-stage-before-2019",
            "Only the 2010 value is printed; the years 2011-2018 cannot be checked.",
        ),
        (
            "K3",
            "§4.2",
            "0.4367 is the verge-of-imbalance level",
            "D-level-2022",
            d22,
            "level_zh",
            "D-level-2022",
            "",
        ),
        (
            "K3b",
            "§5.1(2)",
            "0.4367 lies in the running-in stage (磨合期)",
            "D-period",
            d22,
            "stage_zh",
            "D-period",
            "§5.1(2) also says the country is 'in the 濒临失调 stage'; in Table 3 濒临失调 is a "
            "level, its stage is 拮抗磨合阶段.",
        ),
        (
            "K7",
            "§4.2, §5.1(2)",
            "Guangdong's 0.6741 is primary coordination",
            "D-guangdong",
            claims.number("D-guangdong"),
            "level_zh",
            "D-guangdong-level",
            "The paper calls it 初级协调阶段; in Table 3 it is a level of the 良性协调阶段 stage.",
        ),
    ]
    for (
        claim_id,
        location,
        claim,
        printed,
        value,
        field,
        expected,
        note,
    ) in readings:
        level = classify(value)
        scorecard.check(
            claim_id,
            location,
            claim,
            reported=claims[printed]["printed"],
            recomputed=f"{value:.4f}: {level['level_zh']} ({level['stage_zh']})",
            holds=level[field] == claims.value(expected),
            note=note,
        )
    floor = claims.number("D-beijing-shanghai")
    low, high = classify(np.nextafter(floor, 1)), classify(0.6)
    scorecard.check(
        "K6",
        "§4.2, §5.1(2)",
        "Beijing and Shanghai above 0.56 and barely coordinated",
        reported=claims["D-beijing-shanghai"]["printed"],
        recomputed=f"({floor}, 0.6] lies inside {high['level_zh']} (0.5, 0.6]",
        holds=low["level_zh"]
        == high["level_zh"]
        == claims.value("D-beijing-shanghai-level"),
        note="Consistent if both are at most 0.6; a value above 0.6 would contradict K7's 'only "
        "Guangdong'.",
    )
    solution = regional_means_2022(claims)
    sizes = region_sizes()
    rest = (sum(sizes.values()) * d22 - sizes["East"] * 0.6) / (
        sum(sizes.values()) - sizes["East"]
    )
    rest_high = (sum(sizes.values()) * d22 - sizes["East"] * 0.5) / (
        sum(sizes.values()) - sizes["East"]
    )
    scorecard.check(
        "K4-K5",
        "§4.2",
        "East barely coordinated, Northeast ahead of Central and West, with the national 0.4367 "
        "(2022)",
        reported="East (0.5, 0.6]; NE (0.3, 0.5] > Central, West in (0.2, 0.4]",
        recomputed="consistent regional means exist"
        if solution
        else "no consistent regional means",
        holds=solution is not None,
        note=(
            f"With the East in (0.5, 0.6], the other {sum(sizes.values()) - sizes['East']} "
            f"provinces must average {rest:.3f} to {rest_high:.3f}. Unweighted province means "
            "assumed (the paper does not say)."
        ),
    )
    figures_only = "Needs values the paper shows only in its figures."
    scorecard.not_reproducible(
        "K2b",
        "§4.2",
        "National D stayed below 0.4 until 2019",
        claims["D-stage-before-2019"]["printed"],
        figures_only,
    )
    scorecard.not_reproducible(
        "K7b",
        "§4.2",
        "No province other than Guangdong reached primary coordination in 2022",
        claims["D-guangdong-level"]["printed"],
        figures_only,
    )
    scorecard.not_reproducible(
        "F5",
        "Figures 5-6",
        "Regional and provincial D paths",
        "figures only",
        figures_only,
    )
    return scorecard.view()
