"""The classroom edition (book/classroom.py): student notebooks without solutions that run with
blank answers, answer keys that grade full marks, blank notebooks that grade zero, a wrong answer
that loses exactly its point, seeded variants with their own answers, hostile and sloppy
submissions graded safely in the sandbox (book/grading.py), and the student edition of the book
without solutions.

Each property is checked where it lives. ``make test``: the student notebooks' cells (written
without executing anything); every exercise's hidden test, the code otter runs, against the key's
answers from the chapters' shared runs (``tests/chapter_runs.py``): the key passes, a blank and a
wrong answer fail with their message; the variants differ from the base notebooks only in their
seeds. ``make check`` (marked slow): the classroom built as ``make classroom`` builds it, the base
student notebooks run with blank answers, one submission per chapter and variant graded end to end
by ``make grade``, and the student edition of the book built.
"""

import concurrent.futures
import copy
import json
import multiprocessing
import re
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from conftest import CHAPTERS, REPO, build_book

sys.path.insert(0, str(REPO / "book"))
import classroom  # noqa: E402
import grading  # noqa: E402

pytestmark = [
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
]

VARIANTS = 2


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("classroom")
    classroom.build(out, VARIANTS, fast=True, only=[])
    return out


def solution_lines(notebook: Path) -> set[str]:
    """Distinctive lines of the chapter's solutions: long enough to be specific, and found in no
    other cell of the chapter."""
    nb = nbformat.read(notebook, as_version=4)
    found = classroom.exercises(nb)
    inside = {i for e in found for i in e.solution}
    solution_text, other_text = [], []
    for i, cell in enumerate(nb.cells):
        blocks = [
            m.group(0) for m in classroom.SOLUTION_BLOCK.finditer(cell.source)
        ]
        (solution_text if i in inside else other_text).append(
            classroom.SOLUTION_BLOCK.sub("", cell.source)
        )
        solution_text.extend(blocks)
    others = "\n".join(other_text)
    lines = set()
    for text in solution_text:
        for line in text.splitlines():
            line = line.strip()
            if (
                len(line) >= 25
                and "{solution" not in line
                and line not in others
            ):
                lines.add(line)
    return lines


def student_notebook(job: classroom.Job) -> nbformat.NotebookNode:
    """The student notebook ``make classroom`` writes for ``job`` (built_one's first step)."""
    chapter = nbformat.read(REPO / "chapters" / f"{job.chapter}.ipynb", 4)
    return classroom.student(
        classroom.with_parameters(chapter, **job.parameters)
    )


JOBS = classroom.jobs(CHAPTERS, VARIANTS, fast=True)


@pytest.mark.parametrize("notebook", CHAPTERS, ids=lambda p: p.stem)
def test_student_notebook_has_no_solution_and_an_answer_cell_per_exercise(
    notebook,
):
    job = next(j for j in JOBS if j.name == notebook.stem)
    student = json.dumps(student_notebook(job), ensure_ascii=False)
    lines = solution_lines(notebook)
    assert lines, "found no solution text to look for"
    leaked = [line for line in lines if json.dumps(line)[1:-1] in student]
    assert not leaked, f"solution lines in the student notebook: {leaked[:3]}"
    nb = nbformat.reads(student, as_version=4)
    answered = {
        c.metadata["classroom"]["exercise"]
        for c in nb.cells
        if "answer" in c.metadata.get("tags", [])
    }
    labels = {
        e.label
        for e in classroom.exercises(nbformat.read(notebook, as_version=4))
    }
    assert answered == labels
    assert len(labels) >= 3


def test_variants_differ_from_the_base_only_in_their_seeds():
    """So running the base student notebooks (make check) runs every variant's code."""
    variants = [j for j in JOBS if j.variant is not None]
    assert len(variants) == len(classroom.SPEC["variants"]) * VARIANTS
    for job in variants:
        base = student_notebook(next(j for j in JOBS if j.name == job.chapter))
        mine = student_notebook(job)
        seed = classroom.FIRST_VARIANT_SEED - 1 + job.variant
        seeded = classroom.SPEC["variants"][job.chapter]
        assert job.parameters == {"fast": True, **dict.fromkeys(seeded, seed)}
        assert len(mine.cells) == len(base.cells)
        for ours, theirs in zip(mine.cells, base.cells):
            # papermill's cell after the chapter's own parameters cell
            if "injected-parameters" not in ours.metadata.get("tags", []):
                # answer cells are new cells, with new random ids
                assert {**ours, "id": ""} == {**theirs, "id": ""}, job.name
                continue
            differ = set(ours.source.splitlines()) ^ set(
                theirs.source.splitlines()
            )
            assert {line.split(" = ")[0] for line in differ} == set(seeded)
            for parameter in seeded:
                assert f"{parameter} = {seed}" in ours.source, job.name


def hidden_tests(answers: dict, folder: Path) -> dict[str, dict]:
    """The hidden test functions ``make classroom`` writes for ``answers`` (the code otter runs
    on a submission), loaded here: exercise -> answer name -> function of the student's
    variables."""
    classroom.write_tests(answers, folder, "in-process")
    found = {}
    for path in sorted(folder.glob("*.py")):
        namespace: dict = {}
        exec(compile(path.read_text("utf-8"), str(path), "exec"), namespace)
        found[namespace["name"]] = {
            key.removeprefix("test_"): value.test_func
            for key, value in namespace.items()
            if key.startswith("test_") and hasattr(value, "test_func")
        }
    return found


def failure(test, env: dict) -> str | None:
    try:
        test(env)
    except AssertionError as error:
        return str(error)
    return None


@pytest.mark.parametrize("stem", [p.stem for p in CHAPTERS])
def test_hidden_tests_pass_the_key_and_fail_blank_and_wrong_answers(
    stem, chapter_runs, tmp_path
):
    """Every graded answer of the chapter, compared in-process by the autograder's own code: the
    key's answers (the chapter's shared run, executed as its key) get every point, a blank
    notebook none, and a wrong answer loses exactly its own point with a message that does not
    reveal the expected value."""
    run = chapter_runs[stem]
    assert run.error is None, run.error
    graded = {
        e.label: e.spec["answers"]
        for e in classroom.exercises(
            nbformat.read(REPO / "chapters" / f"{stem}.ipynb", 4)
        )
        if e.spec.get("answers")
    }
    assert set(run.answers) == set(graded)
    tests = hidden_tests(run.answers, tmp_path)
    assert {k: set(v) for k, v in tests.items()} == {
        k: {a["name"] for a in v} for k, v in graded.items()
    }
    key = {
        n: v for answers in run.answers.values() for n, v in answers.items()
    }
    for exercise, by_name in tests.items():
        for name, test in by_name.items():
            assert failure(test, key) is None, (exercise, name, key[name])
            blank = {**key, name: Ellipsis}
            assert failure(test, blank) == f"{name} is not answered"
            wrong = copy.deepcopy(key) | {name: "a wrong answer"}
            message = failure(test, wrong)
            assert (
                message == f"{name} = 'a wrong answer' is not the key's answer"
            )
            # the other answers of the exercise keep their points
            for other, other_test in by_name.items():
                if other != name:
                    assert failure(other_test, wrong) is None


def _execute(path: str) -> list[str]:
    from papermill.exceptions import PapermillExecutionError

    try:
        nb = classroom.execute(
            nbformat.read(path, as_version=4),
            Path(path).parent / (Path(path).stem + "_run"),
            600,
        )
    except PapermillExecutionError as error:
        return [f"{error.ename}: {error.evalue}"]
    return [
        f"stderr: {o['text'][:200]}"
        for c in nb.cells
        for o in c.get("outputs", [])
        if o.get("name") == "stderr"
    ]


@pytest.mark.slow
def test_student_notebooks_run_with_blank_answers(built, tmp_path):
    """The base notebooks; a variant differs from its base only in its seeds (checked above)."""
    paths = []
    for notebook in sorted((built / "student").glob("*.ipynb")):
        if "_v" in notebook.stem:
            continue
        copy = tmp_path / notebook.name
        copy.write_bytes(notebook.read_bytes())
        paths.append(str(copy))
    spawn = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(4, mp_context=spawn) as pool:
        problems = dict(zip(paths, pool.map(_execute, paths)))
    failing = {Path(k).name: v for k, v in problems.items() if v}
    assert not failing, failing


def wrong(key: Path, out: Path) -> str:
    """A copy of ``key`` whose first graded answer is a string no answer can be; the exercise it
    belongs to."""
    nb = nbformat.read(key, as_version=4)
    cell = next(c for c in nb.cells if "answer" in c.metadata.get("tags", []))
    first = next(
        line for line in cell.source.splitlines() if re.match(r"^\w+ = ", line)
    )
    name = first.split(" = ")[0]
    cell.source = cell.source.replace(first, f'{name} = "a wrong answer"')
    nbformat.write(nb, out)
    return cell.metadata["classroom"]["exercise"]


@pytest.fixture(scope="module")
def graded(built, tmp_path_factory):
    """make grade, as an instructor runs it, on one submission per chapter (its key with one
    answer wrong), the last variant's key of each chapter that has variants, and one blank
    notebook."""
    folder = tmp_path_factory.mktemp("submissions")
    wrong_exercise = {}
    for key in sorted((built / "key").glob("*.ipynb")):
        stem = key.stem
        if "_v" not in stem:
            wrong_exercise[stem] = wrong(key, folder / f"{stem}__wrong.ipynb")
        elif stem.endswith(f"_v{VARIANTS:02d}"):
            (folder / f"{stem}__key.ipynb").write_bytes(key.read_bytes())
    first = sorted(wrong_exercise)[0]
    (folder / f"{first}__blank.ipynb").write_bytes(
        (built / "student" / f"{first}.ipynb").read_bytes()
    )
    hostile(built, folder)
    # the last variant's key, submitted by a student the roster gives variant 1
    relabelled = sorted(folder.glob(f"*_v{VARIANTS:02d}__key.ipynb"))[0]
    roster = folder.parent / "roster.csv"
    roster.write_text(
        f"student,variant\n{relabelled.stem},1\n", encoding="utf-8"
    )
    start = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            str(REPO / "book" / "classroom.py"),
            "grade",
            str(folder),
            "--classroom",
            str(built),
            "--roster",
            str(roster),
            "--time-limit",
            str(TIME_LIMIT),
        ],
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - start
    assert done.returncode == 0, done.stderr[-3000:]
    grades = pd.read_csv(folder / "grades.csv", keep_default_na=False)
    return (
        folder,
        grades,
        wrong_exercise,
        elapsed,
        relabelled.name,
        done.stdout,
    )


TIME_LIMIT = 90
FIRST = "01_regional_ai_competitiveness"


def hostile(built: Path, folder: Path) -> None:
    """Submissions written the way some students cheat and others are sloppy, all on chapter
    1's student notebook: each changes the cells before the first answer cell."""
    student = built / "student" / f"{FIRST}.ipynb"
    keys = json.loads((built / "key" / f"{FIRST}.json").read_text("utf-8"))

    def submit(name: str, code: str, answers: dict | None = None) -> None:
        nb = nbformat.read(student, as_version=4)
        first = next(
            i
            for i, c in enumerate(nb.cells)
            if "answer" in c.metadata.get("tags", [])
        )
        nb.cells.insert(first, nbformat.v4.new_code_cell(code))
        for cell in nb.cells:
            label = cell.metadata.get("classroom", {}).get("exercise")
            if answers and cell.cell_type == "code" and label in answers:
                cell.source = "\n".join(
                    f"{k} = {v}" for k, v in answers[label].items()
                )
        nbformat.write(nb, folder / f"{FIRST}__{name}.ipynb")

    submit("sleeper", "import time\ntime.sleep(10_000)")
    submit(
        "fork_bomb",
        "import os, time\nwhile True:\n    try:\n        os.fork()\n"
        "    except OSError:\n        time.sleep(10_000)",
    )
    submit("memory_hog", "hog = [bytearray(2**30) for _ in range(64)]")
    submit(
        "reads_keys",
        "import pathlib, helpers\n"
        "root = pathlib.Path(helpers.__file__).resolve().parents[1]\n"
        "found = [p for p in root.rglob('*.json') if 'key' in str(p)]\n"
        "central_belt_share = len(found)",
    )
    submit(
        "patches_python",
        "import builtins, math\nmath.isclose = lambda *a, **k: True\n"
        "builtins.sorted = lambda *a, **k: []\n"
        "builtins.float = lambda *a: 0.0",
        {
            label: dict.fromkeys(values, "'nonsense'")
            for label, values in keys.items()
        },
    )
    submit(
        "daemon_and_network",
        "import subprocess, socket\n"
        f"subprocess.Popen(['sh', '-c', 'sleep 600; echo 0 > {folder}/grades.csv'],"
        " start_new_session=True)\n"
        "try:\n    socket.create_connection(('pypi.org', 443), timeout=3)\n"
        "except OSError:\n    pass",
    )
    # numpy and pandas answers, typed to 4 significant digits: full marks
    typed = {}
    for label, values in keys.items():
        typed[label] = {}
        for k, v in values.items():
            if isinstance(v, float):
                typed[label][k] = f"np.float64({float(f'{v:.4g}')!r})"
            elif isinstance(v, list):
                typed[label][k] = f"pd.Series({v!r}).unique()"
            elif isinstance(v, bool):
                typed[label][k] = f"np.bool_({v!r})"
            else:
                typed[label][k] = repr(v)
    submit("numpy_answers", "import numpy as np, pandas as pd", typed)
    (folder / f"{FIRST}__corrupt.ipynb").write_text("{not json", "utf-8")
    (folder / "notes.txt").write_text("not a notebook", "utf-8")


def autograded(grades: pd.DataFrame, student: str) -> pd.DataFrame:
    rows = grades[grades["student file"] == student]
    return rows[rows["max points"] != ""].astype(
        {"points": float, "max points": float}
    )


@pytest.mark.slow
def test_grading_writes_a_row_and_feedback_for_every_submission(graded):
    folder, grades, wrong_exercise, elapsed, _, printed = graded
    students = set(grades["student file"])
    files = {p.name for p in folder.iterdir() if p.is_file()} - {
        "grades.csv",
        "summary.csv",
        "gradebook.csv",
    }
    assert students == files
    for student in students:
        if student.endswith(("__corrupt.ipynb", ".txt")):
            continue
        rows = autograded(grades, student)
        assert not rows.empty, student
        if student.endswith("__blank.ipynb"):
            assert (rows["points"] == 0).all(), rows
    assert len(list((folder / "feedback").glob("*.md"))) == len(students)
    summary = pd.read_csv(folder / "summary.csv", keep_default_na=False)
    gradebook = pd.read_csv(folder / "gradebook.csv", keep_default_na=False)
    assert set(summary["student file"]) == students
    assert len(gradebook) == len(students)
    # progress while grading, one line per notebook
    assert printed.count("graded ") == len(students)


@pytest.mark.slow
def test_a_wrong_answer_loses_exactly_its_point(graded):
    """Graded end to end: the key's other answers keep every point, the wrong one loses its own."""
    _, grades, wrong_exercise, *_ = graded
    for stem, exercise in wrong_exercise.items():
        bad = autograded(grades, f"{stem}__wrong.ipynb").set_index("exercise")
        lost = bad["max points"] - bad["points"]
        assert lost[exercise] == 1, (stem, bad)
        assert (lost.drop(exercise) == 0).all(), (stem, bad)
        said = bad.loc[exercise, "message"]
        assert " should be " in said or "is not the key's answer" in said


@pytest.mark.slow
def test_hostile_and_sloppy_submissions(built, graded):
    """In bounded time, a row for everyone; cheats get nothing; fair answers (numpy and pandas
    types, four significant digits) get everything; nothing is left running or written outside
    the sandbox; no feedback shows an expected value."""
    folder, grades, _, elapsed, relabelled, _ = graded
    assert elapsed < 4 * TIME_LIMIT + 300

    def points(name):
        rows = autograded(grades, f"{FIRST}__{name}.ipynb")
        return rows["points"].sum(), rows["max points"].sum()

    for cheat in ("reads_keys", "patches_python", "sleeper", "memory_hog"):
        assert points(cheat)[0] == 0, cheat
    got, most = points("numpy_answers")
    assert got == most > 0
    summary = pd.read_csv(
        folder / "summary.csv", keep_default_na=False
    ).set_index("student file")
    assert (
        "not a gradable notebook (NotJSONError"
        in summary.loc[f"{FIRST}__corrupt.ipynb", "problems"]
    )
    assert "not a notebook" in summary.loc["notes.txt", "problems"]
    assert (
        "time limit of a cell"
        in summary.loc[f"{FIRST}__sleeper.ipynb", "problems"]
    )
    assert (
        "MemoryError" in summary.loc[f"{FIRST}__memory_hog.ipynb", "problems"]
    )
    # the roster's variant, not the notebook's label
    assert "the roster gives 1" in summary.loc[relabelled, "problems"]
    rows = autograded(grades, relabelled)
    assert rows["points"].sum() < rows["max points"].sum()
    # nothing outlives the grading, or writes into the folder after it
    ps = subprocess.run(
        ["ps", "-e", "-o", "args="], capture_output=True, text=True
    )
    assert "sleep 600" not in ps.stdout and "sleep(10_000)" not in ps.stdout
    time.sleep(1)
    assert (folder / "grades.csv").read_text("utf-8").strip() != "0"
    # feedback never shows the key's values
    for key in sorted((built / "key").glob("*.json")):
        values = [
            v
            for answers in json.loads(key.read_text("utf-8")).values()
            for v in answers.values()
            if isinstance(v, float)
        ]
        for text in (folder / "feedback").glob(f"{key.stem}__*.md"):
            said = text.read_text("utf-8")
            for v in values:
                shown = f"{v:.4g}"
                if len(shown) >= 4:  # "1" or "0.5" would match the points
                    assert shown not in said, (text.name, v)


@pytest.mark.slow
def test_an_interrupted_grading_leaves_nothing_behind(built, tmp_path):
    """make grade stopped by SIGTERM (a killed job) while notebooks sleep in their sandboxes:
    it stops at once, with one line, and leaves no sandbox process and no temporary folder. The
    grading gets a temporary directory of its own (TMPDIR), so that gradings other tests run at
    the same time do not show up in its count."""
    import os

    folder = tmp_path / "submissions"
    folder.mkdir()
    private_tmp = tmp_path / "tmp"
    private_tmp.mkdir()
    student = nbformat.read(built / "student" / f"{FIRST}.ipynb", as_version=4)
    student.cells.insert(
        3, nbformat.v4.new_code_cell("import time\ntime.sleep(10_000)")
    )
    for name in ("a", "b", "c"):
        nbformat.write(student, folder / f"{name}.ipynb")
    process = subprocess.Popen(
        [
            sys.executable,
            str(REPO / "book" / "classroom.py"),
            "grade",
            str(folder),
            "--classroom",
            str(built),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "TMPDIR": str(private_tmp)},
    )
    time.sleep(8)
    # the grading is under way in its own temporary directory
    assert list(private_tmp.glob("grading-*")), "no grading folder was made"
    start = time.perf_counter()
    process.terminate()
    _, stderr = process.communicate(timeout=60)
    assert time.perf_counter() - start < 30
    assert process.returncode != 0
    assert stderr.strip().splitlines()[-1].startswith("grading interrupted"), (
        stderr
    )
    assert not (folder / "grades.csv").exists()
    assert list(private_tmp.glob("grading-*")) == []
    first = 1_800_000_000 + process.pid * 64
    ps = subprocess.run(
        ["ps", "-e", "-o", "uid="], capture_output=True, text=True
    )
    assert not [u for u in ps.stdout.split() if first <= int(u) < first + 64]


@pytest.mark.slow
def test_variants_have_their_own_seed_and_answers(built, graded):
    _, grades, _, _, relabelled, _ = graded
    for chapter, seeded in classroom.SPEC["variants"].items():
        answers = []
        for k in range(1, VARIANTS + 1):
            name = f"{chapter}_v{k:02d}"
            student = nbformat.read(built / "student" / f"{name}.ipynb", 4)
            seed = classroom.FIRST_VARIANT_SEED - 1 + k
            parameters = next(
                c
                for c in student.cells
                if "injected-parameters" in c.metadata.get("tags", [])
            )
            for parameter in seeded:
                assert f"{parameter} = {seed}" in parameters.source
            assert student.metadata["classroom"]["variant"] == k
            answers.append(
                json.loads((built / "key" / f"{name}.json").read_text())
            )
        # the last variant's key grades full marks against its own key (the one the roster
        # gives another variant is test_hostile_and_sloppy_submissions')
        if f"{name}__key.ipynb" != relabelled:
            rows = autograded(grades, f"{name}__key.ipynb")
            assert not rows.empty
            assert (rows["points"] == rows["max points"]).all()
        assert answers[0] != answers[1], (
            f"{chapter}: both variants have the same answers"
        )
        # every number that depends on the data differs between the variants, to the precision
        # it is graded at; one that does not says so (classroom.yml's same_in_variants)
        for label, given in answers[0].items():
            for a in classroom.SPEC["exercises"][label]["answers"]:
                if a["kind"] != "number":
                    continue
                first, second = given[a["name"]], answers[1][label][a["name"]]
                same = grading.within(
                    second, first, a.get("digits", 3), a.get("tolerance")
                )
                assert same == bool(a.get("same_in_variants")), (
                    label,
                    a["name"],
                    first,
                    second,
                )


@pytest.mark.slow
def test_student_edition_of_the_book_has_no_solutions(built_book, tmp_path):
    """Built, as make book-student builds it after make book, from the book's runs: the test is
    about the pages, so each chapter's run is replayed (its outputs those of the cells the
    edition keeps), not executed again."""
    source = tmp_path / "student"
    replayed = classroom.student_book(source, replay_from=built_book.parent)
    assert replayed == len(CHAPTERS)
    html = build_book(source)
    log = (source / "_build" / "jupyter-book.log").read_text("utf-8")
    assert log.count("Replaying the stored run") == len(CHAPTERS), log[-3000:]
    checked = 0
    for notebook in CHAPTERS:
        page = (html / "chapters" / f"{notebook.stem}.html").read_text("utf-8")
        classes = " ".join(re.findall(r'class="([^"]*)"', page))
        assert "solution" not in classes, notebook.stem
        assert "(student edition)" in page
        # prose lines without markup, quotes or mathematics read the same in the HTML
        prose = [
            line
            for line in solution_lines(notebook)
            if line.isascii() and not re.search(r"[=(){}\[\]`$\\*_'\"]", line)
        ]
        checked += len(prose)
        leaked = [line for line in prose if line in page]
        assert not leaked, f"{notebook.stem}: {leaked[:3]}"
    assert checked >= 10, "too few solution lines to look for"
    # no way back to the solutions: no repository button, no instructors' page, no passage
    # about solutions
    assert not (html / "book" / "instructors.html").exists()
    for page in html.rglob("*.html"):
        text = page.read_text("utf-8")
        assert "github.com/ai-regional-development" not in text, page.name
    how_to = (html / "book" / "how_to_use.html").read_text("utf-8")
    assert "solution" not in re.sub(r"<[^>]+>", " ", how_to).lower()


@pytest.mark.timeout(120)
def test_execute_runs_in_a_folder_deeper_than_a_socket_path_allows(tmp_path):
    """A kernel's Unix sockets may not have a path over 107 bytes; a run folder that deep once
    left the client waiting for a kernel that never bound. They now live in a short temporary
    folder of their own, removed afterwards."""
    import tempfile

    from nbformat.v4 import new_code_cell, new_notebook

    folder = tmp_path.joinpath(*["a-rather-long-folder-name"] * 5)
    folder.mkdir(parents=True)
    notebook = folder / "deep.ipynb"
    nbformat.write(
        new_notebook(cells=[new_code_cell("print(6 * 7)")]), notebook
    )
    assert len(str(folder / "deep_run" / "kernel-1")) > 107
    before = set(Path(tempfile.gettempdir()).glob("nb-*"))
    # in a process of its own, as the other runs here (its kernel's sockets are closed with it)
    spawn = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(1, mp_context=spawn) as pool:
        assert pool.submit(_execute, str(notebook)).result(timeout=100) == []
    assert set(Path(tempfile.gettempdir()).glob("nb-*")) == before
