"""helpers.coupling.gan_zhang: section 4.2's coordination values against Table 3 and each other."""

import pytest

from helpers.audit import Claims, Scorecard
from helpers.coupling import gan_zhang


@pytest.fixture(scope="module")
def claims():
    return Claims(gan_zhang.CLAIMS)


def test_every_checkable_statement_agrees_with_table_3(claims):
    card = Scorecard(gan_zhang.PAPER, "ch")
    view = gan_zhang.check_section42(card, claims)
    assert set(view.index[view["status"] == "not_reproducible"]) == {
        "K2b",
        "K7b",
        "F5",
    }
    # 增幅超1.8倍 holds as the ratio end/start and fails read strictly as a rise of 180 per cent
    assert view.loc["K1b", "status"] == "discrepancy"
    assert view.loc["K1b", "recomputed"] == "rise 81.7%"
    assert (
        view.drop(index=["K2b", "K7b", "F5", "K1b"])["status"] == "reproduced"
    ).all()
    assert view.loc["K1", "recomputed"] == "ratio 1.8166"
    assert view.loc["K3b", "recomputed"] == "0.4367: 濒临失调 (拮抗磨合阶段)"


def test_regional_means_satisfy_the_words_and_the_national_value(claims):
    means = gan_zhang.regional_means_2022(claims)
    assert 0.5 < means["East"] <= 0.6 and means["Northeast"] > max(
        means["Central"], means["West"]
    )
    national = (
        10 * means["East"]
        + 6 * means["Central"]
        + 11 * means["West"]
        + 3 * means["Northeast"]
    ) / 30
    assert national == pytest.approx(0.4367, abs=5e-5 + 1e-9)
