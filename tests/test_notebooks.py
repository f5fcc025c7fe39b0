"""Every chapter, executed once at its fast parameters (``tests/chapter_runs.py``), and what its run
must show: no error and nothing on stderr (where Python warnings go), its figures, the scorecard its
tested audit gives, written into the folder it runs in and never into the repository, and what a
reader reads there the same as the stored fingerprint (``tests/fixtures/fingerprints/``; after an
intended change, ``make fingerprints`` stores the new one).

``make check`` adds, marked slow: a second execution of each chapter as papermill runs it, which
must read the same as the first, and a run on a replicator's file. What a chapter says of
replicators' files, and how it refuses bad ones, is tested in tests/test_replicators.py and
tests/test_replicator_inputs.py.
"""

import json
import os
import warnings
from pathlib import Path

import nbformat
import pandas as pd
import papermill as pm
import pytest
from chapter_runs import (
    FINGERPRINTS,
    ChapterRun,
    cell_text,
    fingerprint,
    reader_precision,
)
from conftest import CHAPTERS, REPO

from helpers import data
from helpers.audit import COLUMNS

FAST = {"fast": True}
STEMS = [p.stem for p in CHAPTERS]


def run(notebook: Path, out_dir: Path, **parameters) -> nbformat.NotebookNode:
    """Execute ``notebook`` with papermill, ``out_dir`` as its working folder; return the
    executed copy."""
    out = out_dir / notebook.name
    with warnings.catch_warnings():
        # papermill/nbclient warn about their own internals; the chapter's warnings are checked
        # below
        warnings.simplefilter("ignore")
        pm.execute_notebook(
            str(notebook),
            str(out),
            parameters={**FAST, **parameters},
            cwd=str(out_dir),
            kernel_name="python3",
            progress_bar=False,
            log_output=False,
        )
    return nbformat.read(out, as_version=4)


def problems(cells) -> list[str]:
    found = []
    for i, cell in cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                found.append(
                    f"cell {i}: {output['ename']}: {output['evalue']}"
                )
            if (
                output.get("output_type") == "stream"
                and output.get("name") == "stderr"
            ):
                found.append(
                    f"cell {i} wrote to stderr: {output['text'][:500]}"
                )
    return found


def text_outputs(cells) -> list[str]:
    """What a reader reads of each code cell (see :func:`chapter_runs.cell_text`)."""
    return [
        text
        for _, cell in cells
        if cell.cell_type == "code" and (text := cell_text(cell))
    ]


def scorecard_in(folder: Path, stem: str) -> Path:
    """Where a run in ``folder`` writes the chapter's scorecard (its default output_dir)."""
    return folder / "results" / stem / "scorecard.csv"


def test_chapters_exist():
    assert CHAPTERS, "no chapters/*.ipynb found"


@pytest.mark.parametrize("stem", STEMS)
def test_chapter_runs_without_errors_or_warnings(stem, chapter_runs):
    run = chapter_runs[stem]
    assert run.error is None, run.error
    assert problems(run.chapter_cells) == []
    setup = next(c for c in run.notebook.cells if c.get("id") == "setup")
    assert setup.outputs == [], "the setup cell acted although helpers is here"
    # what the run wrote is in its working folder, and nothing in the repository
    assert scorecard_in(run.folder, stem).exists()
    for place in (REPO / "results", REPO / "chapters" / "results"):
        assert not place.exists(), f"a run wrote into the repository: {place}"
    images = sum(
        "image/png" in o.get("data", {})
        for _, c in run.chapter_cells
        for o in c.get("outputs", [])
    )
    assert images > 0, "the chapter displayed no figures"


@pytest.mark.parametrize("stem", STEMS)
def test_chapter_reads_as_its_fingerprint(stem, chapter_runs):
    """What a reader reads, cell by cell at reader precision, is what it was when the
    fingerprint was stored: a change nobody meant (a number that moved, a run that is not
    deterministic) fails here. UPDATE_FINGERPRINTS=1 (make fingerprints) stores the new one."""
    run = chapter_runs[stem]
    assert run.error is None, run.error
    found = fingerprint(run)
    assert found, "the chapter shows no text"
    stored_file = FINGERPRINTS / f"{stem}.json"
    if os.environ.get("UPDATE_FINGERPRINTS"):
        FINGERPRINTS.mkdir(parents=True, exist_ok=True)
        stored_file.write_text(
            json.dumps(found, indent=1, sort_keys=True) + "\n", "utf-8"
        )
    assert stored_file.exists(), f"no {stored_file}: run make fingerprints"
    stored = json.loads(stored_file.read_text("utf-8"))
    changed = sorted(k for k in found.keys() & stored if found[k] != stored[k])
    added, gone = sorted(found.keys() - stored), sorted(stored.keys() - found)
    assert not (changed or added or gone), (
        f"{stem}: what the reader reads differs from {stored_file.name} in cells {changed} "
        f"(changed), {added} (new), {gone} (gone); if the change is meant, run make fingerprints "
        "and review the diff"
    )


def test_reader_precision_keeps_four_significant_digits():
    assert (
        reader_precision(
            "0.1234567 or 12.345678 in 2015 (-0.0000123456, 0.000)"
        )
        == "0.1235 or 12.35 in 2015 (-1.235e-05, 0)"
    )


def test_a_fingerprint_changes_with_what_a_reader_reads():
    """A number that moves at reader precision changes its cell's fingerprint; one that moves
    beyond it (another BLAS) does not."""
    from nbformat.v4 import new_code_cell, new_notebook, new_output

    def run_showing(text: str) -> ChapterRun:
        cell = new_code_cell("x", id="c1")
        cell.outputs = [new_output("stream", name="stdout", text=text)]
        return ChapterRun(
            "s", Path("."), new_notebook(cells=[cell]), None, {}, {}
        )

    same = fingerprint(run_showing("J = 3.14159265"))
    assert fingerprint(run_showing("J = 3.14159271")) == same
    assert fingerprint(run_showing("J = 3.14259265")) != same


@pytest.mark.slow
@pytest.mark.parametrize("stem", STEMS)
def test_chapter_is_deterministic(stem, chapter_runs, tmp_path):
    """A second execution, as papermill runs the chapter alone (without the key's cells), reads
    the same as the shared run."""
    first = text_outputs(chapter_runs[stem].chapter_cells)
    nb = run(REPO / "chapters" / f"{stem}.ipynb", tmp_path)
    second = text_outputs(list(enumerate(nb.cells)))
    assert first, "the chapter printed nothing to compare"
    assert json.dumps(first, ensure_ascii=False) == json.dumps(
        second, ensure_ascii=False
    )


@pytest.mark.slow
def test_chapter1_runs_on_a_replicator_file(tmp_path):
    """A well-formed file of other numbers runs through: the paper's statements are judged on it
    in a results table, while the audit's scorecard stays that of the printed tables."""
    notebook = next(p for p in CHAPTERS if p.stem.startswith("01_"))
    source = (
        notebook.parents[1] / "data" / "fang2025_ai_competitiveness.csv"
    ).read_text(encoding="utf-8")
    lines = source.splitlines()
    # swap the index values of Beijing (rank 1) and Tibet (rank 31): the top-ten split changes
    lines[1], lines[31] = "北京,18.70,31", "西藏,96.58,1"
    mine = tmp_path / "mine.csv"
    mine.write_text("\n".join(lines) + "\n", encoding="utf-8")
    nb = run(notebook, tmp_path, data_path=str(mine), output_dir="my run")
    assert problems(enumerate(nb.cells)) == []
    folder = tmp_path / "my run"
    on_mine = pd.read_csv(folder / "claims_on_this_data.csv")
    assert "discrepancy" in set(on_mine["status"])
    written = pd.read_csv(
        folder / "scorecard.csv", dtype=str, keep_default_na=False
    )
    pd.testing.assert_frame_equal(
        written, expected_scorecard(notebook.stem).reset_index(drop=True)
    )
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    assert manifest["inputs"]["data_path"]["sha256"] == data.sha256(mine)
    assert not (tmp_path / "results").exists()


def expected_scorecard(stem: str) -> pd.DataFrame:
    """The scorecard the chapter's audit helpers give on the shipped data, as the CSV stores it."""
    from helpers import regional
    from helpers.audit import Claims, Scorecard
    from helpers.coupling import gan_zhang as coupling_audit
    from helpers.crosscountry import industrial_bank
    from helpers.indices import gan_zhang as indices_audit
    from helpers.pvar import gan_zhang as pvar_audit
    from helpers.regional import fang2025
    from helpers.timeseries import chen_tang

    if stem.startswith("01_"):
        ai = regional.attach_provinces(
            data.load("fang2025_ai_competitiveness")
        ).set_index("name_en")
        firms = regional.attach_provinces(
            data.load("fang2025_firms_patents")
        ).set_index("name_en")
        card = fang2025.audit(ai, firms)
    elif stem.startswith("02_"):
        card = Scorecard(indices_audit.PAPER, stem)
        indices_audit.check_section41(card, Claims(indices_audit.CLAIMS))
    elif stem.startswith("03_"):
        card = Scorecard(coupling_audit.PAPER, stem)
        coupling_audit.check_section42(card, Claims(coupling_audit.CLAIMS))
    else:
        card = {"04": pvar_audit, "05": chen_tang, "06": industrial_bank}[
            stem[:2]
        ].audit()
    return card.frame.astype(str)


@pytest.mark.parametrize("stem", [s for s in STEMS if not s.startswith("07_")])
def test_chapter_scorecard_is_its_audit(stem, chapter_runs):
    """The chapter writes exactly the rows its tested audit helpers give (they carry the assertions
    about each paper, in tests/<family>/)."""
    written = pd.read_csv(
        scorecard_in(chapter_runs[stem].folder, stem),
        dtype=str,
        keep_default_na=False,
    )
    assert list(written.columns) == COLUMNS
    pd.testing.assert_frame_equal(
        written, expected_scorecard(stem).reset_index(drop=True)
    )


def test_every_defect_is_listed_once_and_shown(chapter_runs):
    """The papers' defects (data/paper_defects.csv) and the chapters' rows agree: every row that
    is a discrepancy or a finding belongs to a defect listed there (so counts are of problems,
    grouped as the file says), and every listed defect is shown by a row of some chapter."""
    rows = pd.concat(
        pd.read_csv(
            scorecard_in(run.folder, stem), dtype=str, keep_default_na=False
        )
        for stem, run in chapter_runs.items()
    )
    assert not rows.duplicated(["paper", "claim_id"]).any()
    listed = data.load("paper_defects")
    open_rows = rows[rows["status"].isin(["discrepancy", "finding"])]
    ungrouped = open_rows.loc[
        ~open_rows.set_index(["paper", "defect"]).index.isin(
            listed.set_index(["paper", "defect"]).index
        ),
        "claim_id",
    ]
    assert ungrouped.empty, (
        f"rows not in data/paper_defects.csv: {list(ungrouped)}"
    )
    shown = set(zip(open_rows["paper"], open_rows["defect"]))
    unshown = [
        f"{p}: {d}"
        for p, d in zip(listed["paper"], listed["defect"])
        if (p, d) not in shown
    ]
    assert not unshown, f"defects no row shows: {unshown}"


def test_chapter6_says_it_uses_simulated_data_offline(chapter_runs):
    run = chapter_runs[next(s for s in STEMS if s.startswith("06_"))]
    text = "\n".join(text_outputs(run.chapter_cells))
    # the run's folder is new, so it holds no downloads
    assert "is not cached (.online_cache/" in text and "SIMULATED data" in text


def test_chapter7_verdicts_follow_the_test_not_the_signs(chapter_runs):
    """At the chapter's own parameters the test gets all three simulated curves right while the
    signs announce a shape for the two that have none (tests/test_replicators.py checks what the
    prose says of other runs)."""
    stem = next(s for s in STEMS if s.startswith("07_"))
    folder = chapter_runs[stem].folder
    table = pd.read_csv(
        folder / "results" / stem / "shape_checks.csv", index_col=0
    )
    assert table["test verdict"].to_dict() == {
        "a real U": "U supported",
        "monotone concave": "no inverse U",
        "minimum outside the data": "no U",
    }
    assert table["the signs suggest"].to_dict() == {
        "a real U": "U",
        "monotone concave": "inverse U",
        "minimum outside the data": "U",
    }
    card = pd.read_csv(scorecard_in(folder, stem)).set_index("claim_id")
    assert (
        card.loc["U1", "status"] == "not_reproducible"
        and "cites no study" in card.loc["U1", "note"]
    )


def test_prose_is_read_as_the_book_reads_it():
    """The shared runs fill {eval} roles as myst-nb does: plain names only, so an expression the
    book would refuse (a warning, an error under -W) fails here first."""
    from prose import _name

    assert _name("width_ratio") == "width_ratio"
    with pytest.raises(AssertionError, match="only plain names"):
        _name("order[0]")


def test_tables_are_saved_for_reuse(chapter_runs):
    """The tables a replicator reuses hold numbers in numeric columns: chapter 4's estimates
    (stars in a column of their own) and chapter 5's unit-root, lag-selection, Johansen, VECM and
    FEVD tables."""
    stem4 = next(s for s in STEMS if s.startswith("04_"))
    estimates = pd.read_csv(
        chapter_runs[stem4].folder / "results" / stem4 / "estimates.csv",
        index_col=[0, 1],
    )
    numeric = ["param", "std_error", "tstat", "pvalue"]
    assert all(estimates[c].dtype.kind == "f" for c in numeric)
    assert set(estimates["stars"].fillna("")) <= {"", "*", "**", "***"}
    stem5 = next(s for s in STEMS if s.startswith("05_"))
    folder = chapter_runs[stem5].folder / "results" / stem5
    for name, columns in {
        "unit_roots": ["statistic", "pvalue"],
        "lag_selection": ["AIC", "BIC"],
        "johansen_cases": ["trace rank", "trace, r = 0"],
        "fevd": ["S.E."],
    }.items():
        table = pd.read_csv(folder / f"{name}.csv")
        assert all(table[c].dtype.kind in "if" for c in columns), name
    vecm = pd.read_csv(folder / "vecm.csv", header=[0, 1], index_col=0)
    assert all(dtype.kind == "f" for dtype in vecm.dtypes)
