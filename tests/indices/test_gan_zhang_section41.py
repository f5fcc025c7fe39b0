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


def test_multiples_fit_only_when_read_as_rises(claims):
    table = gan_zhang.growth_feasibility(claims)["consistent"]
    assert (
        not table[("ratio end/start", False)]
        and not table[("ratio end/start", True)]
    )
    assert (
        table[("rise (ratio - 1)", False)]
        and table[("rise (ratio - 1)", True)]
    )


def test_growth_ratios_bound_the_national_ratio(claims):
    ratios = gan_zhang.growth_ratios(claims)
    assert ratios["West"] == pytest.approx(0.1173 / 0.0310)
    assert ratios["Central (at least)"] == pytest.approx(0.1250 / 0.0246)
    assert ratios["national (at least)"] == pytest.approx(
        3.6
    )  # every region grew more than 3.6 times
    assert ratios["coordination degree, §4.2"] == pytest.approx(
        0.4367 / 0.2404
    )


def test_scorecard_rows_of_section_41(claims):
    card = Scorecard(gan_zhang.PAPER, "ch")
    gan_zhang.check_section41(card, claims)
    status = card.frame.set_index("claim_id")["status"]
    assert status[["A1", "A5"]].eq("discrepancy").all()
    assert status[["A1b", "A3", "A3b", "A5b"]].eq("reproduced").all()
    assert (
        status.drop(["A1", "A5", "A1b", "A3", "A3b", "A5b"])
        == "not_reproducible"
    ).all()


def test_national_multiple_for_given_levels(claims):
    result = gan_zhang.national_multiple(0.06, 0.02, claims)
    assert result["East 2022 at least"] == pytest.approx(3.6 * 0.06)
    national_2010 = (10 * 0.06 + 6 * 0.02 + 11 * 0.0310 + 3 * 0.0246) / 30
    assert result["national 2010"] == pytest.approx(national_2010)
    assert result["national multiple at least"] > 3.6
