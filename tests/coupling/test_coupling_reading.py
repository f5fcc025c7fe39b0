"""Chapter 3's sentences about the coupling model follow the results they are given."""

import pandas as pd

from helpers.coupling import reading


def test_paths_title_rises_or_not_and_names_the_leader():
    means = pd.DataFrame(
        {"East": [0.5, 0.7], "West": [0.4, 0.5], "National": [0.45, 0.6]},
        index=[2010, 2020],
    )
    assert reading.paths_title(means) == (
        "National D rises from 0.45 (2010) to 0.60 (2020); the East leads in 2020"
    )
    falling = means.assign(National=[0.6, 0.5], West=[0.4, 0.9])
    assert reading.paths_title(falling).startswith(
        "National D does not rise from 0.60"
    ) and reading.paths_title(falling).endswith("the West leads in 2020")
    other = means.rename(columns={"East": "region 1", "West": "region 2"})
    assert reading.paths_title(other).endswith("; region 1 leads in 2020")
    assert reading.paths_title(means[["National"]]) == (
        "Mean D rises from 0.45 (2010) to 0.60 (2020)"
    )


def test_top_sentence_singular_and_plural():
    ranking = pd.DataFrame(
        {
            "name_en": ["Beijing", "Sichuan", "Tibet"],
            "D": [0.71, 0.65, 0.3],
            "level_zh": ["中级协调", "初级协调", "轻度失调"],
        }
    )
    assert reading.top_sentence(ranking, 2022) == (
        "In 2022, Beijing has the highest D, 0.7100 (中级协调); 2 of 3 provinces are above 0.6, "
        "the threshold of coordination in Table 3."
    )
    one = ranking.assign(D=[0.71, 0.5, 0.3])
    assert "1 of 3 provinces is above 0.6" in reading.top_sentence(one, 2022)
    cities = one.rename(columns={"name_en": "label"}).assign(
        label=["苏州", "a", "b"]
    )
    assert reading.top_sentence(cities, 2022, "unit").startswith(
        "In 2022, 苏州 has the highest D, 0.7100 (中级协调); 1 of 3 units is above"
    )


def test_share_sentence_both_readings():
    assert "most of the variation in D comes from T" in (
        reading.share_sentence(0.8)
    )
    low = reading.share_sentence(0.3)
    assert low.startswith("30% of the variance of ln D")
    assert "the balance of the two systems moves D more" in low


def test_forms_title_and_sentence():
    national = pd.DataFrame(
        {"standard": [0.5, 0.6], "wang": [0.3, 0.4], "fan": [0.55, 0.65]}
    )
    assert reading.forms_title(national) == "Wang's C lower D and its level"
    assert reading.forms_title(national.assign(wang=0.9)) == (
        "The modified C does not lower D here"
    )
    in_last = pd.DataFrame(
        {
            "standard": [0.65, 0.62, 0.66],
            "wang": [0.15, 0.12, 0.18],
            "fan": [0.64, 0.61, 0.67],
        }
    )
    text = reading.forms_sentence(in_last, 2022)
    assert text.startswith(
        "In 2022 the rankings of the three forms correlate at least 1.000 (Spearman)."
    )
    assert "Levels are a convention" in text  # Wang's form lands lower


def test_three_sentence():
    table = pd.DataFrame({"C": [0.912, 0.456]}, index=["standard", "wang"])
    assert reading.three_sentence(table, "Beijing in 2022") == (
        "For Beijing in 2022, the standard C is 0.912 and Wang's 0.456."
    )


def test_relative_sentence_quotes_the_band_it_was_classified_with():
    from helpers import coupling

    index = pd.MultiIndex.from_product(
        [["a", "b", "c"], [2022]], names=["unit", "year"]
    )
    relative = coupling.relative_development(
        pd.Series([0.4, 0.6, 0.9], index=index),
        pd.Series([0.6, 0.6, 0.6], index=index),
        band=(0.8, 1.25),
    )
    text = reading.relative_sentence(
        relative, 2022, "AI", "EMP", band=(0.8, 1.25)
    )
    assert (
        "puts 1 provinces' AI behind their EMP (E < 0.8), 1 in step and 1 ahead "
        "(E > 1.25)" in text
    )
