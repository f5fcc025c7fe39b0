"""The classroom edition: student notebooks, answer keys, otter-grader autograders, and grading.

The chapters stay the single source. Their exercises are ``{exercise}`` directives, each followed
by a solution (a ``{solution-start}`` ... ``{solution-end}`` span of cells, or one ``{solution}``
block); ``book/classroom.yml`` says which answers of each exercise are graded automatically and how
the key computes them. From these:

``python book/classroom.py build OUT [--variants N] [--fast] [--chapters 04 07]`` writes

- ``OUT/student/<chapter>.ipynb``: the chapter without its solutions, with an answer cell after
  each exercise (``name = ...`` for every graded answer, and a Markdown cell for a written part);
  with ``--variants N`` also ``<chapter>_v01.ipynb`` ... for the chapters listed under
  ``variants``, each with its own seed in the parameters cell;
- ``OUT/key/<chapter>[_vNN].ipynb``: the chapter with its solutions, executed at the same
  parameters, and ``OUT/key/<chapter>[_vNN].json``, the answers it computed;
- ``OUT/autograder/<chapter>[_vNN].zip``: an otter-grader autograder (``otter generate``) whose
  hidden tests compare each answer with the key's;
- ``OUT/rubric.md``: the written parts and what a full answer says.

``python book/classroom.py grade SUBMISSIONS [--classroom OUT]`` runs ``otter run`` on every
notebook in SUBMISSIONS with the autograder of its chapter and variant (read from the notebook's
metadata) and writes ``SUBMISSIONS/grades.csv`` (student file, exercise, points, max points,
message) and ``SUBMISSIONS/feedback/<student>.md``.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import csv
import json
import multiprocessing
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = ROOT / "chapters"
SPEC = yaml.safe_load((ROOT / "book" / "classroom.yml").read_text("utf-8"))
FIRST_VARIANT_SEED = (
    1001  # variant k has seed 1000 + k: easy to read off a student's notebook
)

EXERCISE = re.compile(r"```\{exercise\}[^\n]*\n:label:\s*(\S+)")
SOLUTION_START = re.compile(r"```\{solution-start\}\s+(\S+)")
SOLUTION_END = "{solution-end}"
# a one-cell solution: the whole fenced block, options and text included
SOLUTION_BLOCK = re.compile(r"```\{solution\}\s+(\S+).*?\n```[ \t]*\n?", re.S)


@dataclass
class Exercise:
    label: str
    cell: int  # the Markdown cell holding the exercise
    # cells of a gated solution
    solution: list[int] = field(default_factory=list)
    block: bool = False  # a one-cell {solution} block inside a Markdown cell

    @property
    def spec(self) -> dict:
        return SPEC["exercises"].get(self.label, {})


def exercises(nb) -> list[Exercise]:
    """The chapter's exercises in order, each with the cells of its solution."""
    found: dict[str, Exercise] = {}
    open_label = None
    for i, cell in enumerate(nb.cells):
        source = cell.source
        if cell.cell_type == "markdown":
            for label in EXERCISE.findall(source):
                found[label] = Exercise(label, i)
            for match in SOLUTION_BLOCK.finditer(source):
                found[match.group(1)].block = True
            start = SOLUTION_START.search(source)
            if start:
                open_label = start.group(1)
        if open_label is not None:
            found[open_label].solution.append(i)
            if cell.cell_type == "markdown" and SOLUTION_END in source:
                open_label = None
    missing = [e.label for e in found.values() if not (e.solution or e.block)]
    if missing:
        raise SystemExit(f"exercises without a solution: {', '.join(missing)}")
    return list(found.values())


def with_parameters(nb, **values):
    """A copy of ``nb`` with ``values`` injected after its parameters cell, as papermill does
    (its ``injected-parameters`` cell); each name must be a parameter the cell assigns."""
    import ast

    from papermill.parameterize import parameterize_notebook

    cell = next(
        c for c in nb.cells if "parameters" in c.metadata.get("tags", [])
    )
    assigned = {
        target.id
        for node in ast.parse(cell.source).body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    unknown = sorted(set(values) - assigned)
    if unknown:
        raise SystemExit(f"the parameters cell has no {', '.join(unknown)}")
    nb = nbformat.from_dict(json.loads(json.dumps(nb)))
    # papermill reads a notebook through load_notebook_node, which gives every cell a tags
    # list and the notebook a papermill record; add them for it, and drop the empty tags after
    for cell in nb.cells:
        cell.metadata.setdefault("tags", [])
    nb.metadata.setdefault("papermill", {})
    nb = parameterize_notebook(nb, values, kernel_name="python3")
    for cell in nb.cells:
        if cell.metadata.get("tags") == []:
            del cell.metadata["tags"]
    return nb


def answer_cells(exercise: Exercise) -> list:
    from grading import expects

    spec, cells = exercise.spec, []
    answers = spec.get("answers", [])
    if answers:
        lines = [
            f"# Exercise {exercise.label}: assign your answers in place of ...",
            "# (add cells above this one for your working).",
        ] + [
            f"{a['name']} = ...  # {a['ask']} ({expects(a['kind'], a.get('digits'))}"
            + (
                "; the same in every variant)"
                if a.get("same_in_variants")
                else ")"
            )
            for a in answers
        ]
        cells.append(nbformat.v4.new_code_cell("\n".join(lines)))
    if spec.get("prose") or not answers:
        question = spec.get("prose", "Your answer.")
        cells.append(
            nbformat.v4.new_markdown_cell(
                f"**Your answer** ({question})\n\n..."
            )
        )
    for cell in cells:
        cell.metadata["tags"] = ["answer"]
        cell.metadata["classroom"] = {"exercise": exercise.label}
    return cells


def student(nb, answers: bool = True) -> nbformat.NotebookNode:
    """The chapter without solutions, with answer cells after each exercise (``answers``; the
    student edition of the book has none)."""
    found = exercises(nb)
    drop = {i for e in found for i in e.solution}
    after = {e.cell: e for e in found}
    out = []
    for i, cell in enumerate(nb.cells):
        if i in drop:
            continue
        if cell.cell_type == "markdown" and SOLUTION_BLOCK.search(cell.source):
            cell = nbformat.from_dict(dict(cell))
            cell.source = SOLUTION_BLOCK.sub("", cell.source).strip()
            if not cell.source:
                continue
        out.append(cell)
        if answers and i in after:
            out.extend(answer_cells(after[i]))
    nb = nbformat.from_dict(json.loads(json.dumps(nb)))
    nb.cells = out
    for cell in nb.cells:
        cell.metadata.pop("jupyter", None)  # nothing left to fold
    return nb


KEY_TAG = "classroom-key"


def key_source(nb) -> nbformat.NotebookNode:
    """The chapter with, after each graded solution, the answer cell filled in by the key's
    expressions, and a hidden cell recording the answers (removed from the key shown)."""
    found = exercises(nb)
    after = {}
    for e in found:
        answers = e.spec.get("answers", [])
        if answers:
            filled = answer_cells(e)[0]
            filled.source = "\n".join(
                [f"# Exercise {e.label}: the key's answers"]
                + [f"{a['name']} = {a['key']}" for a in answers]
            )
            names = ", ".join(f"{a['name']!r}: {a['name']}" for a in answers)
            record = _tagged(f"_classroom_answers[{e.label!r}] = {{{names}}}")
            after[e.solution[-1] if e.solution else e.cell] = [filled, record]
    cells = []
    for i, cell in enumerate(nb.cells):
        cells.append(cell)
        if "parameters" in cell.metadata.get("tags", []):
            cells.append(_tagged("_classroom_answers = {}"))
        cells.extend(after.get(i, []))
    cells.append(
        _tagged(
            "import json as _json\nprint(_json.dumps(_classroom_answers, default=str))"
        )
    )
    nb = nbformat.from_dict(json.loads(json.dumps(nb)))
    nb.cells = cells
    return nb


def _tagged(source: str):
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata["tags"] = [KEY_TAG, "remove-cell"]
    return cell


def execute(nb, folder: Path, timeout: int = 1800) -> nbformat.NotebookNode:
    """Execute ``nb`` with papermill in ``folder``; return the executed notebook.

    A cell's error stops the run with papermill's ``PapermillExecutionError``.
    """
    import papermill
    from jupyter_client.manager import KernelManager

    folder.mkdir(parents=True, exist_ok=True)
    # Unix sockets in a folder of the run's own: notebooks run side by side cannot race for a
    # TCP port, as kernels started at once over TCP can. The folder is a short one under the
    # system's temporary folder, not ``folder``: a socket's path may not exceed 107 bytes, and
    # a kernel that cannot bind leaves the client waiting for ever (a deep ``folder`` did).
    # papermill hands the kernel manager (km) on to nbclient.
    sockets = Path(tempfile.mkdtemp(prefix="nb-"))
    try:
        manager = KernelManager(
            kernel_name="python3", transport="ipc", ip=str(sockets / "kernel")
        )
        return papermill.execute_notebook(
            nb,
            None,
            kernel_name="python3",
            cwd=str(folder),
            execution_timeout=timeout,
            progress_bar=False,
            km=manager,
        )
    finally:
        shutil.rmtree(sockets, ignore_errors=True)


def run_key(nb, folder: Path) -> tuple[nbformat.NotebookNode, dict]:
    """Execute the key in ``folder``; return it (without the recording cells) and its answers."""
    done = execute(key_source(nb), folder)
    last = done.cells[-1]
    answers = json.loads(
        "".join(
            o.get("text", "")
            for o in last.outputs
            if o.output_type == "stream"
        )
    )
    done.cells = [
        c for c in done.cells if KEY_TAG not in c.metadata.get("tags", [])
    ]
    return done, answers


TEST_FILE = '''"""Hidden tests of {label}: each answer against the key's ({where})."""

import math
import numbers

from otter.test_files import test_case

OK_FORMAT = False
name = {label!r}
points = {points}

EXPECTED = {expected!r}


def within(got, expected, digits, floor):
    """The grader's own comparison (book/grading.py): to ``digits`` significant digits."""
    if not (math.isfinite(got) and math.isfinite(expected)):
        return got == expected
    if abs(expected) < floor:
        return abs(got - expected) <= floor
    unit = 10 ** (math.floor(math.log10(abs(expected))) - digits + 1)
    return abs(got - expected) <= unit * (1 + 1e-9)


def check(env, answer, kind, digits, floor):
    expected = EXPECTED[answer]
    if answer not in env or env[answer] is Ellipsis:
        raise AssertionError(f"{{answer}} is not answered")
    got = env[answer]
    if hasattr(got, "item") and getattr(got, "ndim", None) == 0:
        got = got.item()  # a numpy scalar
    if hasattr(got, "tolist") and not hasattr(got, "columns"):
        got = got.tolist()  # an array, Series or Index
    if kind == "number":
        ok = isinstance(got, numbers.Real) and not isinstance(got, bool)
        ok = ok and within(float(got), expected, digits, floor)
    elif kind == "integer":
        ok = isinstance(got, numbers.Integral) and got == expected
    elif kind == "boolean":
        ok = isinstance(got, bool) and got == expected
    elif kind == "names":
        ok = isinstance(got, (list, tuple, set, frozenset)) and sorted(
            map(str, got)
        ) == sorted(map(str, expected))
    else:
        ok = str(got).strip() == str(expected)
    if not ok:
        shown = repr(got) if len(repr(got)) <= 80 else repr(got)[:77] + "..."
        raise AssertionError(f"{{answer}} = {{shown}} is not the key's answer")
'''

TEST_CASE = """

@test_case(points=1, hidden=True)
def test_{name}(env):
    check(env, {name!r}, {kind!r}, {digits!r}, {floor!r})
"""


def write_tests(answers: dict, folder: Path, where: str) -> None:
    import grading

    folder.mkdir(parents=True, exist_ok=True)
    for label, values in answers.items():
        spec = SPEC["exercises"][label]["answers"]
        text = TEST_FILE.format(
            label=label, points=len(spec), expected=values, where=where
        )
        for a in spec:
            text += TEST_CASE.format(
                name=a["name"],
                kind=a["kind"],
                digits=int(a.get("digits", grading.DIGITS)),
                floor=float(a.get("tolerance", grading.ABS_FLOOR)),
            )
        (folder / f"{label}.py").write_text(text, encoding="utf-8")


def otter_generate(tests: Path, zip_path: Path) -> None:
    zip_path.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            _otter(),
            "generate",
            "--tests-dir",
            str(tests),
            "--output-path",
            str(zip_path.resolve()),
            "--no-config",
            "--no-requirements",
            "--no-environment",
        ],
        cwd=tests.parent,
        check=True,
        capture_output=True,
    )


def _otter() -> str:
    found = Path(sys.executable).with_name("otter")
    return str(found) if found.exists() else "otter"


@dataclass
class Job:
    chapter: str  # the notebook's stem
    name: str  # <chapter> or <chapter>_vNN
    parameters: dict
    variant: int | None


def jobs(chapters: list[Path], variants: int, fast: bool) -> list[Job]:
    out = []
    for path in chapters:
        base = {"fast": True} if fast else {}
        out.append(Job(path.stem, path.stem, base, None))
        seeded = SPEC["variants"].get(path.stem, [])
        for k in range(1, variants + 1) if seeded else ():
            seeds = dict.fromkeys(seeded, FIRST_VARIANT_SEED - 1 + k)
            out.append(
                Job(path.stem, f"{path.stem}_v{k:02d}", {**base, **seeds}, k)
            )
    return out


def build_one(job: Job, out: Path) -> str:
    chapter = nbformat.read(CHAPTERS / f"{job.chapter}.ipynb", as_version=4)
    nb = with_parameters(chapter, **job.parameters)
    meta = {"chapter": job.chapter, "variant": job.variant, **job.parameters}
    pupil = student(nb)
    pupil.metadata["classroom"] = meta
    nbformat.write(pupil, _mkdir(out / "student") / f"{job.name}.ipynb")
    with tempfile.TemporaryDirectory() as scratch:
        key, answers = run_key(nb, Path(scratch) / "key")
        key.metadata["classroom"] = meta
        nbformat.write(key, _mkdir(out / "key") / f"{job.name}.ipynb")
        (out / "key" / f"{job.name}.json").write_text(
            json.dumps(answers, indent=1, ensure_ascii=False) + "\n", "utf-8"
        )
        tests = Path(scratch) / "grader" / "tests"
        write_tests(answers, tests, f"{job.name}, parameters {job.parameters}")
        otter_generate(tests, out / "autograder" / f"{job.name}.zip")
    return job.name


def _mkdir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    return path


#: points of a written part, unless classroom.yml gives its exercise ``prose_points``
WRITTEN_POINTS = 2


def written_points(spec: dict) -> int:
    return int(spec.get("prose_points", WRITTEN_POINTS))


def rubric() -> str:
    """The written parts to grade by hand: each with its exercise's own words, the question, the
    points and what a full answer says."""
    lines = [
        "# Written parts and their rubric",
        "",
        "Each written part is graded by hand: full points for an answer that makes the points of",
        "the full answer below in the student's own words, half for one that makes part of them,",
        "none for an empty or wrong one. grades.csv lists the parts a student left empty.",
        "",
    ]
    for path in sorted(CHAPTERS.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        lines += [f"## {path.stem}", ""]
        for e in exercises(nb):
            spec = e.spec
            graded = ", ".join(a["name"] for a in spec.get("answers", []))
            lines += [
                f"### {e.label}",
                "",
                _exercise_text(nb.cells[e.cell].source),
                "",
            ]
            lines.append(f"- Autograded: {graded or 'nothing'}.")
            if spec.get("prose"):
                lines += [
                    f"- Written ({written_points(spec)} points): {spec['prose']}",
                    f"- Full answer: {spec.get('rubric', '')}",
                ]
            lines.append("")
    return "\n".join(lines)


def _exercise_text(source: str) -> str:
    """The words of an {exercise} directive, quoted, without its fences and options."""
    match = re.search(r"```\{exercise\}[^\n]*\n(.*?)\n```", source, re.S)
    body = match.group(1) if match else source
    body = re.sub(r"^:[a-z-]+:.*\n", "", body, flags=re.M).strip()
    return "\n".join(
        f"> {line}" if line else ">" for line in body.splitlines()
    )


def roster_variants(path: Path, variants: int) -> dict[str, int]:
    """Each student of a roster (CSV with a ``student`` column, and optionally ``variant``) and
    their variant: the roster's, or 1, 2, ... in the roster's order, cycling over ``variants``
    (at least as many as students when 0)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if not rows or "student" not in rows[0]:
        raise SystemExit(
            f"{path.name}: expected a column student (and optionally variant)"
        )
    students = [r["student"].strip() for r in rows]
    repeated = sorted({s for s in students if students.count(s) > 1})
    if repeated or not all(students):
        raise SystemExit(
            f"{path.name}: every student needs a name of their own"
            + (f"; repeated: {', '.join(repeated)}" if repeated else "")
        )
    if "variant" in rows[0]:
        return read_roster(path)
    size = variants or len(students)
    return {s: 1 + i % size for i, s in enumerate(students)}


def personalise(out: Path, assigned: dict[str, int]) -> Path:
    """``OUT/students/<student>/<chapter>.ipynb``: each student's notebooks (their variant of
    the chapters with simulated data, the base notebook of the others), and ``OUT/roster.csv``,
    the assignment ``make grade ROSTER=...`` grades by (a submission named ``<student>.ipynb``,
    or the student's folder)."""
    for student, variant in assigned.items():
        folder = _mkdir(out / "students" / student)
        for path in sorted((out / "student").glob("*.ipynb")):
            if "_v" in path.stem:
                continue
            name = path.stem
            if name in SPEC["variants"] and variant:
                name = f"{name}_v{variant:02d}"
            nb = nbformat.read(out / "student" / f"{name}.ipynb", as_version=4)
            nb.metadata["classroom"]["student"] = student
            nbformat.write(nb, folder / f"{path.stem}.ipynb")
    roster = out / "roster.csv"
    with roster.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["student", "variant"])
        writer.writerows(assigned.items())
    return roster


def build(
    out: Path,
    variants: int,
    fast: bool,
    only: list[str],
    roster: Path | None = None,
) -> None:
    assigned = roster_variants(roster, variants) if roster else None
    if assigned:
        variants = max(variants, *assigned.values())
    chapters = sorted(CHAPTERS.glob("*.ipynb"))
    if only:
        chapters = [p for p in chapters if p.stem[:2] in only]
    out.mkdir(parents=True, exist_ok=True)
    (out / "rubric.md").write_text(rubric(), encoding="utf-8")
    todo = jobs(chapters, variants, fast)
    spawn = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(4, mp_context=spawn) as pool:
        for name in pool.map(build_one, todo, [out] * len(todo)):
            print(f"built {name}", flush=True)
    if assigned:
        print(
            f"wrote {personalise(out, assigned)} and students/<student>/",
            flush=True,
        )


# -- grading -----------------------------------------------------------------------------------
#
# Each submission runs in a sandbox and its answers come back as data, compared here with the
# key's (book/grading.py says what the sandbox allows and what stays trusted).


def answer_specs(chapter: str) -> dict[str, list[dict]]:
    """The chapter's graded answers: exercise label -> its answers' specs, in the chapter's
    order."""
    nb = nbformat.read(CHAPTERS / f"{chapter}.ipynb", as_version=4)
    return {
        e.label: e.spec.get("answers", [])
        for e in exercises(nb)
        if e.spec.get("answers")
    }


def _written_parts(nb, chapter: str) -> dict[str, str]:
    """Each written part of the chapter's exercises: "empty" when its answer cell still holds
    only the prompt, else "written"."""
    source = nbformat.read(CHAPTERS / f"{chapter}.ipynb", as_version=4)
    prompts = {
        e.label: answer_cells(e)[-1].source.strip()
        for e in exercises(source)
        if e.spec.get("prose")
    }
    out = dict.fromkeys(prompts, "empty")
    for cell in nb.cells:
        label = cell.get("metadata", {}).get("classroom", {}).get("exercise")
        if cell.cell_type != "markdown" or label not in out:
            continue
        if cell.source.strip() not in (prompts[label], ""):
            out[label] = "written"
    return out


def notebook_variant(
    nb, roster_variant: int | None = None
) -> tuple[str, int | None, str]:
    """The chapter and variant to grade ``nb`` as, and a note when the notebook's own label
    disagrees with the roster (the roster wins)."""
    meta = nb.metadata.get("classroom")
    if not isinstance(meta, dict) or meta.get("chapter") not in {
        p.stem for p in CHAPTERS.glob("*.ipynb")
    }:
        raise ValueError(
            "not a classroom notebook (its metadata names no chapter of the book)"
        )
    variant = meta.get("variant")
    if variant is not None and not (isinstance(variant, int) and variant > 0):
        raise ValueError(f"its metadata names no valid variant ({variant!r})")
    note = ""
    if roster_variant is not None and roster_variant != (variant or 0):
        note = (
            f"the notebook is labelled variant {variant or 'base'}, the roster gives "
            f"{roster_variant or 'base'}: graded as the roster's"
        )
        variant = roster_variant or None
    return meta["chapter"], variant, note


def _row(
    submission, chapter, variant, exercise, points, max_points, message
) -> dict:
    return {
        "student file": submission.name,
        "chapter": chapter,
        "variant": variant or "",
        "exercise": exercise,
        "points": points,
        "max points": max_points,
        "message": message,
    }


def grade_one(
    submission: Path,
    classroom: Path,
    limits=None,
    roster: dict | None = None,
) -> list[dict]:
    """One row per exercise of ``submission`` (and one for whatever stopped it)."""
    import grading

    limits = limits or grading.Limits()

    def problem(message, chapter="", variant=None):
        return [_row(submission, chapter, variant, "", 0, "", message)]

    if submission.suffix != ".ipynb":
        return problem("not a notebook (.ipynb): not graded")
    try:
        nb = nbformat.read(submission, as_version=4)
        # the roster names a student by the submission's file name, or by the name the
        # personalised notebook carries (make classroom ROSTER=...)
        named = nb.metadata.get("classroom", {}).get("student")
        chapter, variant, note = notebook_variant(
            nb,
            (roster or {}).get(
                submission.stem, (roster or {}).get(named) if named else None
            ),
        )
    except Exception as error:  # a corrupt file, a notebook of something else
        reason = str(error).splitlines()[0][:200] if str(error) else ""
        return problem(
            f"not a gradable notebook ({type(error).__name__}: {reason})"
        )
    name = chapter + (f"_v{variant:02d}" if variant else "")
    key = classroom / "key" / f"{name}.json"
    if not key.is_file():
        return problem(
            f"no key {key.name} in {classroom}: build the classroom first",
            chapter,
            variant,
        )
    expected = json.loads(key.read_text("utf-8"))
    specs = answer_specs(chapter)
    names = [a["name"] for answers in specs.values() for a in answers]
    run = grading.run_submission(nb, names, limits)
    rows = problem(note, chapter, variant) if note else []
    if run.problem:
        rows += problem(run.problem, chapter, variant)
    for error in run.errors[:5]:
        rows += problem(
            f"code cell {error['cell']} raised {error['error']}",
            chapter,
            variant,
        )
    first_error = (
        f" (the notebook raised an error before: cell {run.errors[0]['cell']}, "
        f"{run.errors[0]['error']})"
        if run.errors
        else ""
    )
    for label, answers in specs.items():
        points, messages = 0, []
        for a in answers:
            ok, message = grading.compare(
                a["name"],
                run.answers.get(a["name"]),
                expected[label][a["name"]],
                a["kind"],
                a.get("digits"),
                a.get("tolerance"),
            )
            points += ok
            if not ok:
                unanswered = message.endswith("is not answered")
                messages.append(message + (first_error if unanswered else ""))
        rows.append(
            _row(
                submission,
                chapter,
                variant,
                label,
                points,
                len(answers),
                "; ".join(messages) or "all answers right",
            )
        )
    for label, state in _written_parts(nb, chapter).items():
        points = written_points(SPEC["exercises"][label])
        rows.append(
            _row(
                submission,
                chapter,
                variant,
                f"{label} (written)",
                "",
                "",
                f"left empty (0 of {points} points)"
                if state == "empty"
                else f"written: grade it by hand, {points} points (rubric.md)",
            )
        )
    return rows


def grade(
    submissions: Path,
    classroom: Path,
    limits=None,
    roster_path: Path | None = None,
    jobs: int | None = None,
) -> Path:
    """Grade every file in ``submissions`` (each in its own sandbox, ``jobs`` at a time) into
    ``grades.csv`` (a row per student and exercise), ``summary.csv`` and ``gradebook.csv`` (a
    row per student) and ``feedback/<student>.md``."""
    import grading

    ours = {"grades.csv", "summary.csv", "gradebook.csv"}
    files = sorted(
        p
        for p in submissions.iterdir()
        if p.is_file() and p.name not in ours and not p.name.startswith(".")
    )
    if not files:
        raise SystemExit(f"no submissions in {submissions}")
    grading.check_sandbox()
    roster = read_roster(roster_path) if roster_path else None
    jobs = jobs or max(1, min(4, os.cpu_count() or 1))
    results: dict[Path, list[dict]] = {}
    start = time.perf_counter()
    # SIGTERM (a killed make) ends the run as Ctrl-C does: the sandboxes are killed and the
    # temporary folders removed
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
            futures = {
                pool.submit(grade_one, f, classroom, limits, roster): f
                for f in files
            }
            try:
                for done in concurrent.futures.as_completed(futures):
                    file = futures[done]
                    results[file] = done.result()
                    got = sum(
                        r["points"] or 0
                        for r in results[file]
                        if r["max points"]
                    )
                    most = sum(
                        r["max points"]
                        for r in results[file]
                        if r["max points"]
                    )
                    print(
                        f"graded {len(results)}/{len(files)}: {file.name} "
                        f"({got}/{most} points, {time.perf_counter() - start:.0f} s in all)",
                        flush=True,
                    )
            except BaseException:
                grading.stop_all()
                for future in futures:
                    future.cancel()
                raise
    finally:
        signal.signal(signal.SIGTERM, previous)
    ordered = [results[f] for f in files]
    _write_reports(submissions, files, ordered)
    return submissions / "grades.csv"


def _interrupt(signum, frame):
    raise KeyboardInterrupt(f"signal {signum}")


def read_roster(path: Path) -> dict[str, int]:
    """A roster: CSV with the columns ``student`` (the submission's file name without .ipynb) and
    ``variant`` (0 for the base notebook)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    if not rows or not {"student", "variant"} <= set(rows[0]):
        raise SystemExit(
            f"{path.name}: expected the columns student and variant"
        )
    out = {}
    for i, row in enumerate(rows, start=2):
        try:
            out[row["student"].strip()] = int(row["variant"])
        except ValueError:
            raise SystemExit(
                f"{path.name}: line {i}: variant {row['variant']!r} is not a whole number"
            ) from None
    return out


def _write_reports(
    submissions: Path, files: list[Path], results: list[list[dict]]
) -> None:
    fields = list(_row(Path("x"), "", None, "", "", "", ""))
    with (submissions / "grades.csv").open(
        "w", newline="", encoding="utf-8"
    ) as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        for rows in results:
            writer.writerows(rows)
    summary, gradebook = [], []
    for file, rows in zip(files, results):
        points = sum(r["points"] or 0 for r in rows if r["max points"])
        most = sum(r["max points"] for r in rows if r["max points"])
        written = [r for r in rows if r["exercise"].endswith("(written)")]
        problems = [r["message"] for r in rows if not r["exercise"]]
        first = rows[0]
        summary.append(
            {
                "student file": file.name,
                "chapter": first["chapter"],
                "variant": first["variant"],
                "points": points,
                "max points": most,
                "written parts to grade": sum(
                    r["message"].startswith("written") for r in written
                ),
                "written parts left empty": sum(
                    r["message"].startswith("left empty") for r in written
                ),
                "problems": " | ".join(problems),
            }
        )
        gradebook.append(
            {
                "student": file.stem,
                "points": points,
                "max points": most,
                "percent": round(100 * points / most, 1) if most else "",
            }
        )
    for name, table in (
        ("summary.csv", summary),
        ("gradebook.csv", gradebook),
    ):
        with (submissions / name).open(
            "w", newline="", encoding="utf-8"
        ) as handle:
            writer = csv.DictWriter(handle, fieldnames=list(table[0]))
            writer.writeheader()
            writer.writerows(table)
    feedback = _mkdir(submissions / "feedback")
    for file, rows, total in zip(files, results, summary):
        lines = [
            f"# Feedback on {file.name}",
            "",
            f"Autograded: {total['points']} of {total['max points']} points.",
            "",
        ]
        for r in rows:
            score = (
                f"{r['points']} / {r['max points']}" if r["max points"] else ""
            )
            lines.append(
                f"- {r['exercise'] or 'notebook'}: {score} {r['message']}".rstrip()
            )
        (feedback / f"{file.stem}.md").write_text(
            "\n".join(lines) + "\n", "utf-8"
        )


#: a passage of the book's pages for readers of the full edition only
STUDENT_OMIT = re.compile(
    r"<!-- student-edition: omit -->.*?<!-- /student-edition -->\n?", re.S
)


def student_book(out: Path, replay_from: Path | None = None) -> int:
    """The book's sources with every chapter's solutions left out, ready for ``jupyter-book
    build``: the same pages, titled as the student edition, without launch buttons (they would
    open the chapters with their solutions).

    ``replay_from`` is the ``_build`` folder of a build of the book: each chapter whose stored run
    there is current (same code, helpers, data and pins) is replayed rather than executed again,
    its outputs those of the cells the student edition keeps. Returns how many were."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(
        ROOT / "book", out / "book", ignore=shutil.ignore_patterns("_build")
    )
    # what the chapters' runs depend on, so that the edition's store keys cover it as the book's do
    for folder in ("helpers", "data"):
        shutil.copytree(
            ROOT / folder,
            out / folder,
            ignore=shutil.ignore_patterns("__pycache__"),
        )
    shutil.copy(ROOT / "requirements.txt", out / "requirements.txt")
    config = yaml.safe_load((ROOT / "_config.yml").read_text("utf-8"))
    config["title"] += " (student edition)"
    config.pop("launch_buttons", None)
    # no way back to the solutions: no repository or issues buttons, no instructors' page, no
    # passage written for readers of the full edition
    config.setdefault("html", {}).update(
        use_repository_button=False,
        use_issues_button=False,
        use_edit_page_button=False,
    )
    (out / "book" / "instructors.md").unlink()
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text("utf-8"))
    for part in toc["parts"]:
        part["chapters"] = [
            c for c in part["chapters"] if c["file"] != "book/instructors"
        ]
    (out / "_toc.yml").write_text(
        yaml.safe_dump(toc, allow_unicode=True, sort_keys=False), "utf-8"
    )
    for page in (out / "book").glob("*.md"):
        text = page.read_text("utf-8")
        kept = STUDENT_OMIT.sub("", text)
        if kept != text:
            page.write_text(kept, "utf-8")
    (out / "_config.yml").write_text(
        yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8"
    )
    _mkdir(out / "chapters")
    replayed = 0
    for path in sorted(CHAPTERS.glob("*.ipynb")):
        full = nbformat.read(path, as_version=4)
        nb = student(nbformat.read(path, as_version=4), answers=False)
        nbformat.write(nb, out / "chapters" / path.name)
        if replay_from is not None:
            replayed += _replay(full, nb, path, out, replay_from)
    return replayed


def _replay(full, part, path: Path, out: Path, build: Path) -> bool:
    """Store, in the edition's ``_build``, the run of ``part`` derived from the book's stored run
    of ``full`` (``book/_ext/execution_cache.py``), when that run is current."""
    sys.path.insert(0, str(ROOT / "book" / "_ext"))
    from execution_cache import cache_key, derived_run

    store = build / ".execution_cache" / f"{path.stem}.json"
    scorecard = build / "scorecards" / f"{path.stem}.csv"
    if not (store.is_file() and scorecard.is_file()):
        return False
    stored = json.loads(store.read_text("utf-8"))
    if stored.get("key") != cache_key(full, path):
        return False
    mine = out / "chapters" / path.name
    derived = derived_run(stored, full, part, cache_key(part, mine, out))
    if derived is None:
        return False
    target = _mkdir(out / "_build" / ".execution_cache") / store.name
    target.write_text(json.dumps(derived), encoding="utf-8")
    shutil.copy(scorecard, _mkdir(out / "_build" / "scorecards"))
    return True


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    b = commands.add_parser(
        "build", help="student notebooks, keys and autograders"
    )
    b.add_argument("out", type=Path)
    b.add_argument("--variants", type=int, default=0)
    b.add_argument(
        "--fast", action="store_true", help="the chapters' fast parameters"
    )
    b.add_argument("--chapters", nargs="*", default=[], help="e.g. 04 07")
    b.add_argument(
        "--roster",
        type=Path,
        default=None,
        help="CSV of students (and optionally variant): a notebook folder for each",
    )
    s = commands.add_parser(
        "student-book", help="the book's sources without solutions"
    )
    s.add_argument("out", type=Path)
    s.add_argument(
        "--replay-from",
        type=Path,
        default=None,
        help="a build's _build folder whose current runs are replayed",
    )
    g = commands.add_parser(
        "grade",
        help="grade a folder of submissions, each in a sandbox (book/grading.py)",
    )
    g.add_argument("submissions", type=Path)
    g.add_argument(
        "--classroom", type=Path, default=ROOT / "_build" / "classroom"
    )
    g.add_argument(
        "--roster",
        type=Path,
        default=None,
        help="CSV of student (file name without .ipynb) and variant: grade by it",
    )
    g.add_argument(
        "--time-limit",
        type=float,
        default=None,
        help="seconds one notebook may run (default 300)",
    )
    g.add_argument(
        "--memory-gb",
        type=float,
        default=None,
        help="memory of each process of a notebook (default 4)",
    )
    g.add_argument(
        "--jobs", type=int, default=None, help="notebooks graded at once"
    )
    args = parser.parse_args(argv)
    if args.command == "build":
        if args.variants < 0:
            parser.error(f"--variants must be 0 or more, got {args.variants}")
        build(args.out, args.variants, args.fast, args.chapters, args.roster)
    elif args.command == "student-book":
        replayed = student_book(args.out, args.replay_from)
        if args.replay_from is not None:
            print(
                f"{replayed} chapter run(s) replayed from {args.replay_from}"
            )
    else:
        import grading

        limits = grading.Limits(
            time=args.time_limit or grading.TIME_LIMIT,
            memory_gb=args.memory_gb or grading.MEMORY_GB,
        )
        try:
            path = grade(
                args.submissions,
                args.classroom,
                limits,
                args.roster,
                args.jobs,
            )
        except KeyboardInterrupt:
            raise SystemExit(
                "grading interrupted: every sandbox stopped, no grades written"
            ) from None
        print(
            f"wrote {path}, summary.csv, gradebook.csv and feedback/ in {path.parent}"
        )


if __name__ == "__main__":
    main()
