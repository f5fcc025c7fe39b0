"""helpers.indices.gan_zhang: section 4.1's printed levels and multiples, judged by feasibility."""

import pytest

from helpers.audit import Claims, Scorecard
from helpers.indices import gan_zhang


@pytest.fixture(scope="module")
def claims():
    return Claims(gan_zhang.CLAIMS)


def test_region_sizes_are_the_papers_thirty_provinces():
    assert gan_zhang.region_sizes() == {
        "West": 11,
        "East": 10,
        "Central": 6,
        "Northeast": 3,
    }


def test_multiples_fit_only_when_read_as_rises_and_never_with_the_gaps(claims):
    table = gan_zhang.growth_feasibility(claims)["consistent"]
    ratio, rise = "ratio end/start", "rise (ratio - 1)"
    assert not table[(ratio, False, False)] and not table[(ratio, True, False)]
    assert table[(rise, False, False)] and table[(rise, True, False)]
    # "their gaps to the national mean narrowed" fits under neither reading
    assert not table[(ratio, False, True)] and not table[(rise, False, True)]


def _satisfied(coefs, op, rhs, point) -> bool:
    lhs = sum(c * point[k] for k, c in coefs.items())
    return lhs >= rhs - 1e-12 if op == ">=" else lhs <= rhs + 1e-12


def test_gap_constraints_are_those_of_the_levels(claims):
    """The linear gap constraints say what the levels say: at a point that fits the other
    numbers, each sign pattern's rows hold exactly when the national means computed from the
    levels have gaps of those signs that narrowed."""
    from helpers.audit import feasible

    sizes = gan_zhang.region_sizes()
    bounds = {"E10": (0, 1), "E22": (0, 1), "C10": (0, 1)}
    point = feasible(
        gan_zhang.growth_constraints(claims, sizes, 1, False), bounds
    )
    total = sum(sizes.values())
    n10 = (
        sizes["East"] * point["E10"]
        + sizes["Central"] * point["C10"]
        + sizes["West"] * 0.0310
        + sizes["Northeast"] * 0.0246
    ) / total
    n22 = (
        sizes["East"] * point["E22"]
        + sizes["Central"] * 0.1250
        + sizes["West"] * 0.1173
        + sizes["Northeast"] * 0.1088
    ) / total
    levels = {"West": (0.0310, 0.1173), "Northeast": (0.0246, 0.1088)}
    base = len(gan_zhang.growth_constraints(claims, sizes, 1, False))
    seen = set()
    for signs in gan_zhang._sign_combinations():
        rows = gan_zhang.growth_constraints(claims, sizes, 1, False, signs)[
            base:
        ]
        for (region, (s10, s22)), triple in zip(
            signs.items(), zip(*[iter(rows)] * 3)
        ):
            r10, r22 = levels[region]
            direct = (
                s10 * (n10 - r10) >= 0,
                s22 * (n22 - r22) >= 0,
                s22 * (n22 - r22) <= s10 * (n10 - r10),
            )
            linear = tuple(
                _satisfied(coefs, op, rhs, point) for coefs, op, rhs in triple
            )
            assert linear == direct, (region, s10, s22)
            seen.add(direct)
    # the comparison met rows that hold and rows that do not
    assert len(seen) > 2


def test_growth_ratios_bound_the_national_ratio(claims):
    ratios = gan_zhang.growth_ratios(claims)
    assert ratios["West"] == pytest.approx(0.1173 / 0.0310)
    assert ratios["Central (at least)"] == pytest.approx(0.1250 / 0.0246)
    # every region grew more than 3.6 times
    assert ratios["national (at least)"] == pytest.approx(3.6)
    assert ratios["coordination degree, §4.2"] == pytest.approx(
        0.4367 / 0.2404
    )


def test_scorecard_rows_of_section_41(claims):
    card = Scorecard(gan_zhang.PAPER, "ch")
    gan_zhang.check_section41(card, claims)
    status = card.frame.set_index("claim_id")["status"]
    failing = ["A1", "A6", "A6b", "GRAD-EQ"]
    # A5: 1.5 times fits §4.1 under either reading once 约3.5倍 (A1's failure) is left out
    holding = ["A1b", "A3", "A3b", "A5", "A5b", "GRAD-AI", "A5c"]
    assert status[failing].eq("discrepancy").all()
    assert status[holding].eq("reproduced").all()
    # across papers: Fang et al. swap the West and the Northeast (a finding, no claim)
    assert status["XP-REGIONS"] == "finding"
    assert (
        status.drop(failing + holding + ["XP-REGIONS"]) == "not_reproducible"
    ).all()
    # the narrowing gaps fail whatever 倍 means: the Northeast's gap cannot narrow even
    # without the national multiple, the West's alone can (倍 read as the rise)
    note = card.frame.set_index("claim_id").loc["A6b", "note"]
    assert (
        "The Northeast's gap alone cannot narrow under either reading" in note
    )
    assert "the West's alone can (倍 read as the rise)" in note
    sizes = gan_zhang.region_sizes()
    assert not gan_zhang.gaps_can_narrow(
        claims, sizes, 1, ("Northeast",), with_national=False
    )
    assert gan_zhang.gaps_can_narrow(claims, sizes, 1, ("West",))
    # the East's 2022 AI level from §5.1(1)'s 1.5 times the national level (30 provinces)
    national = (6 * 0.1250 + 11 * 0.1173 + 3 * 0.1088) / (30 - 10 * 1.5)
    recomputed = card.frame.set_index("claim_id").loc["GRAD-AI", "recomputed"]
    assert f"East {1.5 * national:.4f}" in recomputed


def test_national_multiple_for_given_levels(claims):
    result = gan_zhang.national_multiple(0.06, 0.02, claims)
    assert result["East 2022 at least"] == pytest.approx(3.6 * 0.06)
    national_2010 = (10 * 0.06 + 6 * 0.02 + 11 * 0.0310 + 3 * 0.0246) / 30
    assert result["national 2010"] == pytest.approx(national_2010)
    assert result["national multiple at least"] > 3.6
