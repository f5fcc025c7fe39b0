"""Execute every chapter with papermill at its fast parameters, in a temporary working folder.

A chapter fails on any error, and on anything written to stderr (which is where Python warnings go).
Executing it twice must give the same text outputs. It writes its scorecard into the folder it runs
in, never into the repository. What a chapter says of a replicator's file, and how it refuses a
bad one, is tested in tests/test_replicators.py.
"""

import json
import warnings
from pathlib import Path

import nbformat
import pandas as pd
import papermill as pm
import pytest
from conftest import CHAPTERS, REPO

from helpers import data
from helpers.audit import COLUMNS

FAST = {"fast": True}
TEXT_TYPES = ("text/plain", "text/html", "text/markdown", "text/latex")

pytestmark = pytest.mark.slow


def run(notebook: Path, out_dir: Path, **parameters) -> nbformat.NotebookNode:
    """Execute ``notebook`` with ``out_dir`` as its working folder; return the executed copy."""
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


def problems(nb: nbformat.NotebookNode) -> list[str]:
    found = []
    for i, cell in enumerate(nb.cells):
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


def text_outputs(nb: nbformat.NotebookNode) -> list:
    """Everything a reader can read, cell by cell; widget state (random ids) and images excluded.

    A cell's printed text is joined into one string: how the kernel splits a stream into messages
    depends on timing (a loaded machine flushes more often), not on what the reader sees.
    """
    texts = []
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        streams = "".join(
            o["text"]
            for o in cell.get("outputs", [])
            if o.get("output_type") == "stream"
        )
        if streams:
            texts.append(streams)
        for output in cell.get("outputs", []):
            for kind in TEXT_TYPES:
                if (
                    kind in output.get("data", {})
                    and "application/vnd.jupyter.widget-view+json"
                    not in output["data"]
                ):
                    texts.append(output["data"][kind])
    return texts


def scorecard_in(folder: Path, notebook: Path) -> Path:
    """Where a run in ``folder`` writes the chapter's scorecard (its default output_dir)."""
    return folder / "results" / notebook.stem / "scorecard.csv"


_first_runs: dict[str, tuple[nbformat.NotebookNode, Path]] = {}


def first_run(notebook: Path, tmp_path_factory) -> nbformat.NotebookNode:
    return first_run_and_folder(notebook, tmp_path_factory)[0]


def first_run_and_folder(
    notebook: Path, tmp_path_factory
) -> tuple[nbformat.NotebookNode, Path]:
    if notebook.name not in _first_runs:
        folder = tmp_path_factory.mktemp("run1")
        _first_runs[notebook.name] = (run(notebook, folder), folder)
    return _first_runs[notebook.name]


def test_chapters_exist():
    assert CHAPTERS, "no chapters/*.ipynb found"


@pytest.mark.parametrize("notebook", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_runs_without_errors_or_warnings(notebook, tmp_path_factory):
    nb, folder = first_run_and_folder(notebook, tmp_path_factory)
    assert problems(nb) == []
    setup = next(c for c in nb.cells if c.get("id") == "setup")
    assert setup.outputs == [], "the setup cell acted although helpers is here"
    # what the run wrote is in its working folder, and nothing in the repository
    assert scorecard_in(folder, notebook).exists()
    for place in (REPO / "results", REPO / "chapters" / "results"):
        assert not place.exists(), f"a run wrote into the repository: {place}"
    images = sum(
        "image/png" in o.get("data", {})
        for c in nb.cells
        for o in c.get("outputs", [])
    )
    assert images > 0, "the chapter displayed no figures"


@pytest.mark.parametrize("notebook", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_is_deterministic(notebook, tmp_path_factory):
    first = text_outputs(first_run(notebook, tmp_path_factory))
    second = text_outputs(run(notebook, tmp_path_factory.mktemp("run2")))
    assert first, "the chapter printed nothing to compare"
    assert json.dumps(first, ensure_ascii=False) == json.dumps(
        second, ensure_ascii=False
    )


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
    assert problems(nb) == []
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


@pytest.mark.parametrize(
    "notebook",
    [p for p in CHAPTERS if not p.stem.startswith("07_")],
    ids=lambda p: p.stem,
)
def test_chapter_scorecard_is_its_audit(notebook, tmp_path_factory):
    """The chapter writes exactly the rows its tested audit helpers give (they carry the assertions
    about each paper, in tests/<family>/)."""
    _, folder = first_run_and_folder(notebook, tmp_path_factory)
    written = pd.read_csv(
        scorecard_in(folder, notebook), dtype=str, keep_default_na=False
    )
    assert list(written.columns) == COLUMNS
    pd.testing.assert_frame_equal(
        written, expected_scorecard(notebook.stem).reset_index(drop=True)
    )


def test_chapter6_says_it_uses_simulated_data_offline(tmp_path_factory):
    notebook = next(p for p in CHAPTERS if p.stem.startswith("06_"))
    nb = first_run(notebook, tmp_path_factory)
    text = "\n".join(str(t) for t in text_outputs(nb))
    # the run's folder is new, so it holds no downloads
    assert "is not cached (.online_cache/" in text and "SIMULATED data" in text


def test_chapter7_verdicts_follow_the_test_not_the_signs(tmp_path_factory):
    """At the chapter's own parameters the test gets all three simulated curves right while the
    signs announce a shape for the two that have none (tests/test_replicators.py checks what the
    prose says of other runs)."""
    notebook = next(p for p in CHAPTERS if p.stem.startswith("07_"))
    _, folder = first_run_and_folder(notebook, tmp_path_factory)
    table = pd.read_csv(
        folder / "results" / notebook.stem / "shape_checks.csv", index_col=0
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
    card = pd.read_csv(scorecard_in(folder, notebook)).set_index("claim_id")
    assert (
        card.loc["U1", "status"] == "not_reproducible"
        and "cites no study" in card.loc["U1", "note"]
    )
