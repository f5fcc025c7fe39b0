"""Each chapter executed once per test session, shared by every test that reads a chapter's run.

A chapter is run at its fast parameters in the form of its answer key (``book/classroom.py``'s
``key_source``): the chapter itself, plus hidden cells after each graded solution that assign the
key's answers and record them. So one execution serves the chapter's own tests (no error or
warning, its figures, its scorecard, what it wrote and where, the fingerprint of what a reader
reads) and the classroom's (the key's answers against the autograders' comparisons). The prose's
``{eval}`` roles are filled as the book fills them (``tests/prose.py``), so a role that fails is
found here too.

The runs are made in worker processes, two at a time (the machine's cores), into a folder shared
by pytest-xdist's workers; the first worker that needs them makes them under a lock and the others
read what it wrote.
"""

from __future__ import annotations

import concurrent.futures
import fcntl
import hashlib
import json
import multiprocessing
import re
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parents[1]
CHAPTERS = sorted((REPO / "chapters").glob("*.ipynb"))
sys.path.insert(0, str(REPO / "book"))
import classroom  # noqa: E402

FAST = {"fast": True}


@dataclass
class ChapterRun:
    stem: str
    folder: Path  # the run's working folder: what it wrote is under results/<stem>/
    notebook: nbformat.NotebookNode  # executed, the key's cells included
    error: str | None  # what stopped the run, if anything did
    filled: dict[int, str]  # Markdown cells with {eval} roles, filled
    answers: dict  # the key's answers, exercise -> answer name -> value

    @property
    def chapter_cells(self) -> list[tuple[int, nbformat.NotebookNode]]:
        """The chapter's own cells with their index in :attr:`notebook` (the key's left out)."""
        return [
            (i, c)
            for i, c in enumerate(self.notebook.cells)
            if classroom.KEY_TAG not in c.metadata.get("tags", [])
            and "answer" not in c.metadata.get("tags", [])
        ]


def _execute(stem: str, folder: str) -> None:
    """Run chapter ``stem`` as its key in ``folder`` and write the run there (a worker process)."""
    from prose import execute_node

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    chapter = nbformat.read(REPO / "chapters" / f"{stem}.ipynb", as_version=4)
    try:
        result = execute_node(classroom.key_source(chapter), folder, **FAST)
        nb, error, filled = result.notebook, result.error, result.filled
        if error is not None:
            error = f"{error}: {result.error_line[-2000:]}"
    except Exception:  # a prose role that failed, or the kernel
        nb, filled = chapter, {}
        error = traceback.format_exc(limit=3)[-2000:]
    answers = {}
    if error is None:
        last = nb.cells[-1]
        answers = json.loads(
            "".join(o.get("text", "") for o in last.get("outputs", []))
        )
    nbformat.write(nb, folder / "executed.ipynb")
    (folder / "run.json").write_text(
        json.dumps(
            {"error": error, "filled": filled, "answers": answers},
            ensure_ascii=False,
        ),
        encoding="utf-8",
    )


def _load(stem: str, folder: Path) -> ChapterRun:
    record = json.loads((folder / "run.json").read_text(encoding="utf-8"))
    return ChapterRun(
        stem,
        folder,
        nbformat.read(folder / "executed.ipynb", as_version=4),
        record["error"],
        {int(k): v for k, v in record["filled"].items()},
        record["answers"],
    )


def chapter_runs(shared: Path) -> dict[str, ChapterRun]:
    """Every chapter's run, made once in ``shared`` (a folder all test workers see)."""
    root = shared / "chapter_runs"
    root.mkdir(exist_ok=True)
    with open(shared / "chapter_runs.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        todo = [
            p.stem
            for p in CHAPTERS
            if not (root / p.stem / "run.json").exists()
        ]
        if todo:
            spawn = multiprocessing.get_context("spawn")
            with concurrent.futures.ProcessPoolExecutor(
                2, mp_context=spawn
            ) as pool:
                list(
                    pool.map(
                        _execute, todo, [str(root / stem) for stem in todo]
                    )
                )
    return {p.stem: _load(p.stem, root / p.stem) for p in CHAPTERS}


# -- what a reader reads, fingerprinted -----------------------------------------------------------

TEXT_TYPES = ("text/plain", "text/html", "text/markdown", "text/latex")
WIDGET = "application/vnd.jupyter.widget-view+json"
FINGERPRINTS = REPO / "tests" / "fixtures" / "fingerprints"
# a decimal number, as printed in text, tables and prose
DECIMAL = re.compile(r"(?<![\w.])-?\d+\.\d+(?:[eE][+-]?\d+)?")


def cell_text(cell) -> str:
    """Everything a reader can read of a code cell's outputs: its printed text joined (how the
    kernel splits a stream into messages depends on timing, not on what the reader sees) and its
    displayed text; widget state (random ids) and images left out."""
    outputs = cell.get("outputs", [])
    parts = [
        "".join(o["text"] for o in outputs if o.get("output_type") == "stream")
    ]
    for output in outputs:
        shown = output.get("data", {})
        if WIDGET not in shown:
            parts.extend(shown[kind] for kind in TEXT_TYPES if kind in shown)
    return "\n".join(p for p in parts if p)


def reader_precision(text: str) -> str:
    """``text`` with every decimal number at four significant digits: what a reader compares,
    without the last bits that another BLAS or CPU may change."""

    def rounded(match: re.Match) -> str:
        value = float(match.group(0))
        return format(0.0 if value == 0 else value, ".4g")

    return DECIMAL.sub(rounded, text)


def fingerprint(run: ChapterRun) -> dict[str, str]:
    """Cell id -> a short hash of what the reader reads there at reader precision: the outputs of
    each code cell and the filled prose of each Markdown cell with {eval} roles."""
    found = {}
    for i, cell in run.chapter_cells:
        if cell.cell_type == "code":
            text = cell_text(cell)
        else:
            text = run.filled.get(i, "")
        if text:
            digest = hashlib.sha256(reader_precision(text).encode("utf-8"))
            found[cell.get("id", str(i))] = digest.hexdigest()[:16]
    return found
