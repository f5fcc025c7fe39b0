"""Chapter 1's computed sentences say what the numbers they are given say."""

import pandas as pd

from helpers import data, regional
from helpers.audit import Scorecard
from helpers.regional import reading


def table1(regions=None) -> pd.DataFrame:
    ai = regional.attach_provinces(
        data.load("fang2025_ai_competitiveness")
    ).set_index("name_en")
    return ai if regions is None else ai[ai["region"].isin(regions)]


def test_data_sentence_counts_the_provinces_by_region():
    ai = table1(["East", "West"])
    text = reading.data_sentence(
        ai, ai.head(4), "your file a.csv", "your file b.csv"
    )
    assert "an index for 22 provinces (East 10, West 12)" in text
    assert "the shares of 4 provinces" in text


def test_claims_sentence_names_what_fails():
    card = Scorecard("P (2025)", "99_x")
    card.check("C1", "T", "a", "x", "x", True)
    card.check("C2", "T", "b", "x", "y", False)
    card.check("C3", "T", "c", "x", "y", False)
    card.not_reproducible("X1", "T", "d", "x", "outside report")
    assert (
        reading.claims_sentence(card)
        == "On this data 1 of the 3 checkable statements holds; C2 and C3 do not."
    )


def test_leaders_title_follows_the_data():
    ai = table1()
    assert reading.leaders_title(ai["index"], ai["region"]) == (
        "7 of the 10 leading provinces are in the East"  # claim C2
    )
    west = table1(["West", "Central"])
    title = reading.leaders_title(west["index"], west["region"], k=3)
    top = west.nlargest(3, "index")["region"].value_counts()
    assert (
        title
        == f"{top.iloc[0]} of the 3 leading provinces are in the {top.index[0]}"
    )


def test_inequality_sentences_say_where_the_inequality_lies():
    ai = table1()
    parts = {
        k: regional.theil_decomposition(ai["index"], ai["region"], kind=k)
        for k in "TL"
    }
    summary = regional.group_summary(
        ai["index"], ai["region"].rename("region")
    )
    text = reading.inequality_sentences(
        regional.gini(ai["index"]), parts, summary
    )
    assert f"{parts['T'].between_share:.1%} of Theil T" in text
    assert "most of the inequality lies within the regions" in text
    assert f"in the {summary.drop(index='All')['cv'].idxmax()}" in text
    # two regions far apart: most of it lies between them
    y = pd.Series([1.0, 1.1, 10.0, 10.5])
    groups = pd.Series(["East", "East", "West", "West"])
    split = {k: regional.theil_decomposition(y, groups, kind=k) for k in "TL"}
    text = reading.inequality_sentences(
        regional.gini(y),
        split,
        regional.group_summary(y, groups.rename("region")),
    )
    assert "most of the inequality lies between the regions" in text


def test_permutation_sentence_follows_the_p_value():
    base = {"observed": 0.3, "null_mean": 0.1, "null_p95": 0.2, "n_reps": 999}
    strong = reading.permutation_sentence(
        pd.Series({**base, "pvalue": 0.01}), 4
    )
    weak = reading.permutation_sentence(pd.Series({**base, "pvalue": 0.4}), 4)
    assert (
        "p-value of 0.010" in strong
        and "better than a random grouping" in strong
    )
    assert (
        "p-value of 0.400" in weak and "not clearly more than chance" in weak
    )
    assert "one region" in reading.permutation_sentence(
        pd.Series({**base, "pvalue": 1.0}), 1
    )


def test_concentration_sentences_compare_only_when_the_bounds_allow():
    shares = regional.attach_provinces(
        data.load("fang2025_firms_patents")
    ).set_index("name_en")[["firm_share_pct", "patent_share_pct"]]
    table = regional.concentration_summary(
        shares, n_units=31, ranked_by="firm_share_pct"
    )
    text = reading.concentration_sentences(table)
    assert (
        "between 1677 and 1686" in text
        and "AI patents are the more concentrated" in text
    )
    overlapping = table.copy()
    overlapping.loc["HHI upper bound", "firm_share_pct"] = 3000.0
    assert "cannot say which" in reading.concentration_sentences(overlapping)
