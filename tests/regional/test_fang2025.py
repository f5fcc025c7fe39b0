"""helpers.regional.fang2025: the audit of section 二 on the printed tables, and on altered ones."""

import pandas as pd
import pytest

from helpers import data, regional
from helpers.audit import Claims
from helpers.errors import InputError
from helpers.regional import fang2025


def tables(index_table=None):
    ai = regional.attach_provinces(
        index_table
        if index_table is not None
        else data.load("fang2025_ai_competitiveness")
    ).set_index("name_en")
    firms = regional.attach_provinces(
        data.load("fang2025_firms_patents")
    ).set_index("name_en")
    return ai, firms


def test_every_checkable_claim_holds_on_the_printed_tables():
    card = fang2025.audit(*tables()).frame.set_index("claim_id")
    # outside figures: against their sources where a copy was found (issue 29)
    assert set(card.index[card["status"] == "not_reproducible"]) == {
        "X1",
        "X2",
        "X3",
    }
    # the term dates from 1955
    assert card.loc["X6", "status"] == "discrepancy"
    assert (
        card.drop(index=["X1", "X2", "X3", "X6"])["status"] == "reproduced"
    ).all()
    assert len(card) == 19
    assert card.loc["C4", "recomputed"] == "holds for the bottom 8 to 11"
    assert (
        card.loc["C7", "recomputed"] == "81.14%"
        and card.loc["C8", "recomputed"] == "82.45%"
    )
    # the paper's own words
    assert card.loc["C2", "reported"].startswith("前10的省")


def test_a_different_table_gives_discrepancies():
    index_table = data.load("fang2025_ai_competitiveness")
    # swap Beijing (rank 1) and Tibet (rank 31): the top ten and the first tier change
    index_table.loc[
        index_table["province_zh"] == "北京", ["index", "rank"]
    ] = [18.70, 31]
    index_table.loc[
        index_table["province_zh"] == "西藏", ["index", "rank"]
    ] = [96.58, 1]
    card = fang2025.audit(*tables(index_table)).frame.set_index("claim_id")[
        "status"
    ]
    assert (
        card["C2"] == "discrepancy"
        and card["C3"] == "discrepancy"
        and card["C1"] == "reproduced"
    )


def test_one_province_is_refused_in_one_line():
    one = data.load("fang2025_ai_competitiveness").head(1)
    with pytest.raises(
        InputError, match="ai has 1 province.*needs at least 2"
    ):
        fang2025.audit(*tables(one))


def test_bottom_groups_and_cluster_shares():
    ai, firms = tables()
    assert fang2025.bottom_groups(ai, {"山西", "海南"}) == [8, 9, 10, 11]
    assert fang2025.bottom_groups(ai, {"北京"}) == []
    shares = fang2025.cluster_shares(firms)
    assert shares["firm_share_pct"] == pytest.approx(82.67, abs=0.005)
    with pytest.raises(ValueError, match="ai lacks column\\(s\\) region"):
        fang2025.bottom_groups(ai.drop(columns="region"), set())


def test_claims_read_their_values():
    claims = Claims(fang2025.CLAIMS)
    assert claims.pairs("C2") == {
        "East": 7,
        "Central": 2,
        "West": 1,
        "Northeast": 0,
    }
    assert claims.items("C6") == ["East", "Central", "Northeast", "West"]
    with pytest.raises(
        ValueError, match="claim 'X1' of fang2025_claims has no value"
    ):
        claims.value("X1")
    with pytest.raises(KeyError, match="no claim 'C99'"):
        claims["C99"]
    with pytest.raises(ValueError, match="is not a number"):
        claims.number("C3")
    assert isinstance(claims.table, pd.DataFrame)
