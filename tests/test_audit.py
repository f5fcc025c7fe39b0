"""helpers.audit.Scorecard: statuses come from computations, and the CSV has the agreed columns."""

import numpy as np
import pandas as pd
import pytest

from helpers.audit import COLUMNS, Scorecard


@pytest.fixture
def card() -> Scorecard:
    return Scorecard("Paper (2025)", "99_test_chapter")


@pytest.mark.parametrize(
    "recomputed, status",
    [
        (57.1835, "reproduced"),
        (57.185, "reproduced"),
        (57.175, "reproduced"),
        (57.1851, "discrepancy"),
        (57.17, "discrepancy"),
    ],
)
def test_compare_uses_printed_precision(card, recomputed, status):
    assert (
        card.compare(
            "C1",
            "Table 1",
            "mean",
            reported=57.18,
            recomputed=recomputed,
            decimals=2,
        )
        == status
    )
    row = card.frame.iloc[0]
    assert row["reported"] == "57.18" and row["status"] == status


def test_check_and_not_reproducible(card):
    assert (
        card.check("C2", "§2", "set", {"b", "a"}, {"a", "b"}, holds=True)
        == "reproduced"
    )
    assert (
        card.check("C3", "§2", "order", "x", "y", holds=False, note="differs")
        == "discrepancy"
    )
    assert (
        card.not_reproducible(
            "X1", "§2", "outside figure", 14.75, why="not in the tables"
        )
        == "not_reproducible"
    )
    frame = card.frame
    assert list(frame.columns) == COLUMNS
    assert frame.loc[0, "reported"] == "a, b"
    assert (
        frame.loc[2, "reported"] == "14.75"
        and frame.loc[2, "note"] == "not in the tables"
    )
    assert card.counts().to_dict() == {
        "reproduced": 1,
        "discrepancy": 1,
        "not_reproducible": 1,
        "finding": 0,
    }
    assert len(card) == 3


def test_a_finding_is_counted_apart_from_the_claims(card):
    card.check("C1", "§1", "mean", 1, 1, holds=True)
    assert (
        card.finding(
            "F1",
            "Table 4",
            "is the VAR stable?",
            "modulus 1.5",
            note="explosive",
        )
        == "finding"
    )
    row = card.frame.set_index("claim_id").loc["F1"]
    assert (row["reported"], row["status"]) == ("(no claim)", "finding")
    assert card.counts()["finding"] == 1
    assert card.summary() == (
        "no defect in 1 claim (1 reproduced, 0 not reproducible); 1 finding on what the paper "
        "does not claim"
    )
    with pytest.raises(ValueError, match="note must say what finding 'F2'"):
        card.finding("F2", "T", "x", 1, note=" ")


def test_check_accepts_numpy_booleans(card):
    assert (
        card.check("C1", "T", "c", 1, 1, holds=np.bool_(True)) == "reproduced"
    )
    assert (
        card.check("C3", "T", "c", 1, 2, holds=(np.float64(1.0) > 2))
        == "discrepancy"
    )


def test_write_creates_the_scorecard_in_the_given_folder(card, tmp_path):
    card.compare("C1", "Table 1", "mean", 1.0, 1.0, decimals=1)
    path = card.write(tmp_path / "my run")
    assert path == tmp_path / "my run" / "scorecard.csv"
    back = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert list(back.columns) == COLUMNS
    assert back.loc[0, "status"] == "reproduced"


def test_write_defaults_to_the_working_folder(card, tmp_path, monkeypatch):
    """Not the package, not the repository: results/<chapter> where the run is."""
    from helpers import paths

    monkeypatch.chdir(tmp_path)
    card.compare("C1", "Table 1", "mean", 1.0, 1.0, decimals=1)
    path = card.write()
    assert path == tmp_path / "results" / "99_test_chapter" / "scorecard.csv"
    assert paths.shown(path) == "results/99_test_chapter/scorecard.csv"
    assert paths.online_cache_dir() == tmp_path / ".online_cache"


def test_write_refuses_a_file_as_the_folder(card, tmp_path):
    card.compare("C1", "Table 1", "mean", 1.0, 1.0, decimals=1)
    a_file = tmp_path / "notes.txt"
    a_file.write_text("x")
    with pytest.raises(ValueError, match="output_dir .*notes.txt' is a file"):
        card.write(a_file)
    with pytest.raises(TypeError, match="output_dir must be a folder path"):
        card.write(3)


def test_bad_input_is_refused(card):
    with pytest.raises(ValueError, match="paper must be a non-empty string"):
        Scorecard("", "ch")
    with pytest.raises(
        TypeError, match="recomputed must be a real number, got str"
    ):
        card.compare("C1", "T", "c", 1.0, "1.0", decimals=1)
    with pytest.raises(ValueError, match="recomputed must be finite"):
        card.compare("C1", "T", "c", 1.0, float("nan"), decimals=1)
    with pytest.raises(
        ValueError, match="decimals must be an integer at least 0; got -1"
    ):
        card.compare("C1", "T", "c", 1.0, 1.0, decimals=-1)
    with pytest.raises(TypeError, match="holds must be a boolean, got str"):
        card.check("C1", "T", "c", 1, 1, holds="yes")
    with pytest.raises(ValueError, match="why must explain"):
        card.not_reproducible("X", "T", "c", 1, why=" ")
    with pytest.raises(ValueError, match="claim must be a non-empty string"):
        card.check("C1", "T", "", 1, 1, holds=True)
    card.check("C1", "T", "c", 1, 1, holds=True)
    with pytest.raises(
        ValueError, match="claim_id 'C1' is already on the scorecard"
    ):
        card.check("C1", "T", "c", 1, 1, holds=True)
    with pytest.raises(ValueError, match="the scorecard is empty"):
        Scorecard("P", "ch").write()


def test_feasible_finds_a_solution_or_none():
    from helpers.audit import feasible

    solution = feasible(
        [({"x": 1, "y": 1}, "==", 1.0), ({"x": 1}, ">=", 0.6)],
        {"x": (0, 1), "y": (0, 1)},
    )
    assert (
        solution is not None
        and solution["x"] >= 0.6 - 1e-9
        and abs(solution["x"] + solution["y"] - 1) < 1e-9
    )
    assert feasible([({"x": 1}, ">=", 2.0)], {"x": (0, 1)}) is None
    with pytest.raises(ValueError, match="without bounds"):
        feasible([({"z": 1}, ">=", 0.0)], {"x": (0, 1)})


def test_implied_totals_overlap_and_conflict():
    import pandas as pd

    from helpers.audit import implied_totals

    # 30 of 120 is 25%, 18 of 120 is 15%: one total fits both
    fine = implied_totals(
        pd.Series({"a": 30.0, "b": 18.0}),
        pd.Series({"a": 25.0, "b": 15.0}),
        0,
        0,
    )
    low, high = fine.common
    assert low <= 120 <= high
    assert fine.table.loc["a", "point"] == 120
    # 506 at 55.0% implies about 920; 112.0 at 13.6% about 824: no common total
    clash = implied_totals(
        pd.Series({"US": 506.0, "CN": 112.0}),
        pd.Series({"US": 55.0, "CN": 13.6}),
        1,
        1,
    )
    assert clash.common is None
    assert clash.table.loc["US", "low"] > clash.table.loc["CN", "high"]
    with pytest.raises(ValueError, match="same index"):
        implied_totals(pd.Series({"a": 1.0}), pd.Series({"b": 1.0}), 0, 0)


def test_rows_showing_one_defect_count_once():
    """Gan & Zhang's two senses of 倍 fail several claims: they are one defect, counted once,
    with the rows behind it listed; a row the paper's defects do not group counts alone."""
    card = Scorecard("Gan & Zhang (2025)", "99_test_chapter")
    card.check(
        "A1", "§4.1", "rise", "3.5倍", "at least 3.6", holds=False, note="n1"
    )
    card.check(
        "K1b", "§4.2", "rise", "1.8倍", "rise 82%", holds=False, note="n2"
    )
    card.check("A1b", "§4.1", "as rises", "3.5倍", "fits", holds=True)
    card.check(
        "NEW", "§9", "something else", 1, 2, holds=False, note="its own reason"
    )
    # grouped, but reproduced
    card.check("A6", "§4.1", "gaps", "x", "y", holds=True)
    frame = card.frame.set_index("claim_id")
    assert frame.loc[["A1", "K1b"], "defect"].eq("TIMES").all()
    assert frame.loc["A1", "defect_description"].startswith(
        "倍 is used in two senses"
    )
    assert frame.loc["NEW", ["defect", "defect_description"]].tolist() == [
        "NEW",
        "its own reason",
    ]
    assert frame.loc[["A1b", "A6"], "defect"].eq("").all()
    assert card.summary() == (
        "2 defects, shown by 3 of 5 claims (2 reproduced, 0 not reproducible)"
    )
    defects = card.defects()
    assert defects["defect"].tolist() == ["TIMES", "NEW"]
    assert defects.set_index("defect").loc["TIMES", "claims"] == "A1; K1b"
    html = card.report(limit=2)._repr_html_()
    assert html.count('<details class="book-defect">') == 2
    assert "(2 claims: A1, K1b)" in html


def test_a_claim_in_two_defects_is_refused(monkeypatch):
    import helpers.audit as audit
    from helpers import data

    frame = data.load("paper_defects")
    twice = pd.concat([frame, frame.iloc[[0]].assign(defect="OTHER")])
    monkeypatch.setattr(data, "load", lambda name: twice)
    audit._defects_by_paper.cache_clear()
    try:
        with pytest.raises(ValueError, match="is in defects '.+' and 'OTHER'"):
            audit.defects_of("Gan & Zhang (2025)")
    finally:
        audit._defects_by_paper.cache_clear()


def test_defect_ids_belong_to_their_paper():
    """The appendix counts defects across papers: the same id in two papers is two defects."""
    from helpers.audit import status_summary

    rows = pd.DataFrame(
        {
            "paper": ["A (2020)", "B (2021)", "A (2020)"],
            "claim_id": ["x", "y", "z"],
            "status": ["discrepancy"] * 3,
            "defect": ["D1", "D1", "D1"],
        }
    )
    assert status_summary(rows).startswith("2 defects, shown by 3 of 3 claims")
