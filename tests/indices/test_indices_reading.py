"""Chapters 2-4's sentences about a run's panel follow the numbers they are given, whatever the
provinces and years."""

import pandas as pd

from helpers import indices, runs
from helpers.indices import reading


def small_panel(years=(2015, 2016, 2017)) -> pd.DataFrame:
    rows = [("北京", y, "East") for y in years] + [
        ("四川", y, "West") for y in years[:-1]
    ]
    frame = pd.DataFrame(rows, columns=["province_zh", "year", "region"])
    return frame.set_index(["province_zh", "year"])


def test_panel_shape_counts_gaps_and_regions():
    assert reading.panel_shape(small_panel()) == (
        "2 provinces (East 1, West 1), 2015-2017, 5 of 6 province-years (1 missing)"
    )
    balanced = small_panel().drop(("北京", 2017))
    assert reading.panel_shape(balanced).endswith("(balanced)")
    one_year = small_panel(years=(2020, 2021)).drop(("北京", 2021))
    assert reading.panel_shape(one_year) == (
        "2 provinces (East 1, West 1), 2020, 2 of 2 province-years (balanced)"
    )


def test_data_note_names_a_replicators_file_and_never_calls_it_simulated(
    tmp_path,
):
    path = tmp_path / "my_panel.csv"
    path.write_text("x\n1\n", encoding="utf-8")
    source = runs.source(indices.panel.DATASET, path)
    note = reading.data_note(source, small_panel())
    assert note.startswith(
        "This run analyses your file my_panel.csv: 2 provinces"
    )
    assert "simulated" not in note.lower()
    shipped = reading.data_note(
        runs.source(indices.panel.DATASET), small_panel()
    )
    assert shipped.startswith("The panel of this run is simulated")


def test_leaders_title_one_or_two_regions_or_no_groups():
    ai = pd.DataFrame(
        {"East": [1.0, 3.0], "West": [2.0, 1.0], "National": [9.0, 9.0]},
        index=[2020, 2021],
    )
    names = {"AI": "AI index", "EMP": "employment-quality index"}
    assert (
        reading.leaders_title({"AI": ai, "EMP": ai}, names)
        == "The East leads both indices in 2021"
    )
    emp = ai.assign(West=[0.0, 5.0])
    assert reading.leaders_title({"AI": ai, "EMP": emp}, names) == (
        "The East leads the AI index in 2021, the West the employment-quality index"
    )
    ungrouped = ai[["National"]].assign(National=[1.0, 2.0])
    assert reading.leaders_title(
        {"A": ungrouped, "B": ungrouped * 0 + 1}, {}
    ) == ("The mean of 1 of the 2 indices rose from 2020 to 2021")


def test_sensitivity_sentence_finds_the_farthest_variant():
    weights = pd.DataFrame(
        {
            "pooled, shift": [0.5, 0.5],
            "near": [0.52, 0.48],
            "far": [0.8, 0.2],
            "other way": [0.3, 0.7],
        },
        index=["a", "b"],
    )
    text = reading.sensitivity_sentence(weights)
    # the spread across all variants: 0.8 - 0.3 for indicator a
    assert "moves by up to 0.50" in text
    assert "is 'far', which moves a weight by up to 0.30" in text
    assert "the closest is 'near' (up to 0.02)" in text


def test_ranking_sentence_uses_the_off_diagonal():
    corr = pd.DataFrame([[1.0, 0.9, 0.8], [0.9, 1.0, 0.95], [0.8, 0.95, 1.0]])
    assert reading.ranking_sentence(corr, 2022).endswith(
        "run from 0.800 to 0.950."
    )
    # as many rankings as the matrix holds
    two = corr.iloc[:2, :2]
    assert "between the two rankings" in reading.ranking_sentence(two, 2022)


def test_dispersion_sentence_direction_and_top_weights():
    dispersion = pd.DataFrame(
        {"weight": [0.1, 0.4, 0.3, 0.2]}, index=["w", "x", "y", "z"]
    )
    labels = {"x": "robots"}
    positive = reading.dispersion_sentence(dispersion, 0.7, labels)
    assert "the more skewed an indicator, the larger its weight" in positive
    assert "go to robots, y and z." in positive
    negative = reading.dispersion_sentence(dispersion, -0.2, labels)
    assert "do not get larger weights" in negative


def test_per_year_sentence_reads_first_and_last_year():
    means = pd.DataFrame(
        {"pooled": [0.2, 0.3, 0.4], "per year": [0.41, 0.39, 0.40]},
        index=[2010, 2011, 2012],
    )
    text = reading.per_year_sentence(means)
    assert text.startswith(
        "Pooled, the national mean goes from 0.2000 in 2010 to 0.4000 in 2012; standardised per "
        "year it stays between 0.3900 and 0.4100"
    )


def test_rescaling_sentence_states_the_largest_and_mean_move():
    from helpers.indices.reading import rescaling_sentence

    change = pd.Series([0.01, -0.03, 0.02])
    sentence = rescaling_sentence(change, 2022, "AI index")
    assert sentence.startswith(
        "Adding 2022 to the panel moves the pooled AI index of the earlier years by up to 0.0300, "
        "0.0200 on average"
    )
