"""A run's report (helpers.report) and the sentences a run shows without the book
(helpers.runs.Run): every chapter's prose reaches its executed notebook and its report."""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from conftest import CHAPTERS, REPO

from helpers import chapters, report
from helpers.runs import PROSE_KEY, RUN_KEY

EVAL = re.compile(r"\{eval\}`([^`]+)`")


def _roles(notebook: Path) -> tuple[str, ...]:
    names: list[str] = []
    for cell in nbformat.read(notebook, as_version=4).cells:
        if cell.cell_type == "markdown":
            names += [n for n in EVAL.findall(cell.source) if n not in names]
    return tuple(names)


def _outside_solutions(notebook) -> list[str]:
    """The {eval} names of the prose a report keeps: exercises' solutions are left out."""
    names, solution = [], False
    for cell in notebook.cells:
        if cell.cell_type != "markdown":
            continue
        solution = solution or "{solution-start}" in cell.source
        if not solution:
            names += EVAL.findall(cell.source)
        solution = solution and "{solution-end}" not in cell.source
    return names


@pytest.mark.parametrize("notebook", CHAPTERS, ids=lambda p: p.stem[:2])
def test_prose_names_are_the_chapters_eval_roles(notebook):
    assert chapters.PROSE[notebook.stem] == _roles(notebook), (
        f"helpers.chapters.PROSE[{notebook.stem!r}] must list the chapter's {{eval}} names in "
        f"order: {_roles(notebook)}"
    )


def test_markdown_fills_roles_and_reduces_myst():
    text = """See {numref}`Figure %s <fig-b>` and {term}`HHI <Herfindahl-Hirschman index>`;
CR{sub}`5` {cite}`fang2025,oecd2008`. {eval}`n` units, {eval}`gone`.

:::{note}
{eval}`n` units
:::

```{exercise}
:label: ex-1

Do this.
```
Read the [guide](../book/replicators.md)."""
    out = report.markdown(
        text, {"n": "48"}, {"fig-a": (1, ""), "fig-b": (2, "")}
    )
    assert out.startswith(
        "See Figure 2 and HHI;\nCR<sub>5</sub> (fang2025, oecd2008)."
    )
    assert "48 units, [gone: not computed in this run]." in out
    assert "> **Note.**\n>\n> 48 units" in out
    assert "Do this" not in out and "exercise" not in out
    assert out.endswith("Read the guide.")


def test_a_notebook_without_a_run_is_refused_in_one_line(tmp_path):
    plain = tmp_path / "plain.ipynb"
    nbformat.write(nbformat.v4.new_notebook(), plain)
    with pytest.raises(ValueError, match="no record of a chapter's run"):
        report.write(plain)
    broken = tmp_path / "broken.ipynb"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(
        ValueError, match="broken.ipynb: not a Jupyter notebook"
    ):
        report.write(broken)


@pytest.mark.parametrize(
    "stem", [p.stem for p in CHAPTERS], ids=lambda s: s[:2]
)
def test_every_run_says_its_prose_and_reports_it(stem, chapter_runs, tmp_path):
    run = chapter_runs[stem]
    assert run.error is None, run.error
    shown = {
        o["metadata"][PROSE_KEY]: o["data"]["text/markdown"]
        for c in run.notebook.cells
        for o in c.get("outputs", [])
        if PROSE_KEY in o.get("metadata", {})
    }
    record = next(
        o["metadata"][RUN_KEY]
        for c in run.notebook.cells
        for o in c.get("outputs", [])
        if RUN_KEY in o.get("metadata", {})
    )
    prose = record["prose"]
    assert set(prose) == set(chapters.PROSE[stem])
    # every sentence shows in the executed notebook where it is computed, as it reads in the book
    sentences = {
        n: v
        for n, v in prose.items()
        if isinstance(v, str) and v.strip() and not v[0].isdigit()
    }
    for name, value in sentences.items():
        assert shown.get(name) == value, name
    notebook = tmp_path / "executed.ipynb"
    nbformat.write(run.notebook, notebook)
    written = report.write(notebook, tmp_path / "report")
    page = html.unescape(written.read_text(encoding="utf-8"))
    assert "{eval}" not in page and "not computed in this run" not in page
    assert not re.search(r"\{(numref|term|cite|sub)\}`", page)
    # the report as read (Markdown rendered), both without Markdown's marks
    text = re.sub(r"[`*_]", "", re.sub(r"<[^>]+>", "", page))
    for name in _outside_solutions(run.notebook):
        if name in sentences:
            assert re.sub(r"[`*_]", "", sentences[name])[:60] in text, name
    figures = sum(
        1
        for c in run.notebook.cells
        if c.get("metadata", {}).get("mystnb", {}).get("figure")
    )
    assert len(re.findall(r"Figure \d+\.</em>", page)) == figures
    assert "<img" in page or figures == 0


@pytest.mark.slow
def test_book_run_leaves_notebook_report_tables_and_manifest(tmp_path):
    """As a replicator runs it: the command, from an empty folder, on US states."""
    sys.path.insert(0, str(REPO / "tests"))
    from replicator_cases import states_index, states_shares

    states_index().to_csv(tmp_path / "index.csv", index=False)
    states_shares().to_csv(tmp_path / "shares.csv", index=False)
    command = [
        str(Path(sys.executable).with_name("book-run")),
        str(REPO / "chapters" / "01_regional_ai_competitiveness.ipynb"),
        *("-p", "data_path", "index.csv", "-p", "firms_path", "shares.csv"),
        *(
            "-p",
            "unit",
            "state",
            "-p",
            "group",
            "region",
            "-p",
            "fast",
            "True",
        ),
        *("-p", "output_dir", "mine"),
    ]
    done = subprocess.run(
        command, cwd=tmp_path, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stderr[-2000:]
    folder = tmp_path / "mine"
    manifest = json.loads(
        (folder / "manifest.json").read_text(encoding="utf-8")
    )
    assert {
        "report.html",
        "01_regional_ai_competitiveness.ipynb",
        "concentration.csv",
    } <= set(manifest["outputs"])
    page = html.unescape((folder / "report.html").read_text(encoding="utf-8"))
    assert "an index for 48 units (region 1 6, region 2 3," in page
    assert "{eval}" not in page
    # a parameter that does not fit: one line, no traceback
    bad = subprocess.run(
        command[:2] + ["-p", "unit", "state", "-p", "group", "region"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert bad.returncode != 0
    assert (
        "ParameterError: unit = 'state', group = 'region': applies to your file"
        in (bad.stderr + bad.stdout)
    )
