"""The classroom edition (book/classroom.py): student notebooks without solutions that run with
blank answers, answer keys that grade full marks with otter-grader, blank notebooks that grade
zero, a wrong answer that loses exactly its point, seeded variants with their own answers, and the
student edition of the book without solutions."""

import concurrent.futures
import json
import multiprocessing
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from conftest import CHAPTERS, REPO, build_book

sys.path.insert(0, str(REPO / "book"))
import classroom  # noqa: E402

pytestmark = [
    pytest.mark.slow,
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


@pytest.mark.parametrize("notebook", CHAPTERS, ids=lambda p: p.stem)
def test_student_notebook_has_no_solution_and_an_answer_cell_per_exercise(
    built, notebook
):
    student = (built / "student" / notebook.name).read_text("utf-8")
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


def _execute(path: str) -> list[str]:
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.read(path, as_version=4)
    try:
        classroom.execute(
            nb, Path(path).parent / (Path(path).stem + "_run"), 600
        )
    except CellExecutionError as error:
        return [str(error).splitlines()[-1]]
    return [
        f"stderr: {o['text'][:200]}"
        for c in nb.cells
        for o in c.get("outputs", [])
        if o.get("name") == "stderr"
    ]


def test_student_notebooks_run_with_blank_answers(built, tmp_path):
    paths = []
    for notebook in sorted((built / "student").glob("*.ipynb")):
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
    folder = tmp_path_factory.mktemp("submissions")
    wrong_exercise = {}
    for key in sorted((built / "key").glob("*.ipynb")):
        stem = key.stem
        (folder / f"{stem}__key.ipynb").write_bytes(key.read_bytes())
        if "_v" not in stem:
            (folder / f"{stem}__blank.ipynb").write_bytes(
                (built / "student" / key.name).read_bytes()
            )
            wrong_exercise[stem] = wrong(key, folder / f"{stem}__wrong.ipynb")
    # make grade, as an instructor runs it
    subprocess.run(
        [
            sys.executable,
            str(REPO / "book" / "classroom.py"),
            "grade",
            str(folder),
            "--classroom",
            str(built),
        ],
        check=True,
        capture_output=True,
    )
    grades = pd.read_csv(folder / "grades.csv", keep_default_na=False)
    return folder, grades, wrong_exercise


def autograded(grades: pd.DataFrame, student: str) -> pd.DataFrame:
    rows = grades[grades["student file"] == student]
    return rows[rows["max points"] != ""].astype(
        {"points": float, "max points": float}
    )


def test_every_key_grades_full_marks_and_every_blank_zero(graded):
    folder, grades, _ = graded
    keys = [
        f for f in grades["student file"].unique() if f.endswith("__key.ipynb")
    ]
    assert (
        len(keys) == len(CHAPTERS) + len(classroom.SPEC["variants"]) * VARIANTS
    )
    for student in grades["student file"].unique():
        rows = autograded(grades, student)
        assert not rows.empty, student
        if student.endswith("__key.ipynb"):
            assert (rows["points"] == rows["max points"]).all(), rows
        elif student.endswith("__blank.ipynb"):
            assert (rows["points"] == 0).all(), rows
    assert (folder / "feedback").is_dir()
    assert (
        len(list((folder / "feedback").glob("*.md")))
        == grades["student file"].nunique()
    )


def test_a_wrong_answer_loses_exactly_its_point(graded):
    _, grades, wrong_exercise = graded
    for stem, exercise in wrong_exercise.items():
        key = autograded(grades, f"{stem}__key.ipynb").set_index("exercise")
        bad = autograded(grades, f"{stem}__wrong.ipynb").set_index("exercise")
        lost = key["points"] - bad["points"]
        assert lost[exercise] == 1, (stem, bad)
        assert (lost.drop(exercise) == 0).all(), (stem, bad)
        assert "is not the key's answer" in bad.loc[exercise, "message"]


def test_variants_have_their_own_seed_and_answers(built, graded):
    _, grades, _ = graded
    for chapter, seeded in classroom.SPEC["variants"].items():
        answers = []
        for k in range(1, VARIANTS + 1):
            name = f"{chapter}_v{k:02d}"
            student = nbformat.read(built / "student" / f"{name}.ipynb", 4)
            seed = classroom.FIRST_VARIANT_SEED - 1 + k
            parameters = next(
                c
                for c in student.cells
                if "parameters" in c.metadata.get("tags", [])
            )
            for parameter in seeded:
                assert f"{parameter} = {seed}" in parameters.source
            assert student.metadata["classroom"]["variant"] == k
            answers.append(
                json.loads((built / "key" / f"{name}.json").read_text())
            )
            # each variant's key grades full marks against its own autograder
            rows = autograded(grades, f"{name}__key.ipynb")
            assert (rows["points"] == rows["max points"]).all()
        assert answers[0] != answers[1], (
            f"{chapter}: both variants have the same answers"
        )


def test_student_edition_of_the_book_has_no_solutions(tmp_path):
    source = tmp_path / "student"
    classroom.student_book(source)
    html = build_book(source)
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
