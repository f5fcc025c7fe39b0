"""Grading students' notebooks (book/grading.py, book/classroom.py's grade): answers compared
outside the sandbox, to a stated precision, with feedback that never shows the key (make test);
hostile and sloppy notebooks run in the sandbox, which they cannot leave, outlive or stall
(make check)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time

import nbformat
import numpy as np
import pandas as pd
import pytest
from conftest import REPO

sys.path.insert(0, str(REPO / "book"))
import classroom  # noqa: E402
import grading  # noqa: E402


def as_data(value, tmp_path, monkeypatch) -> dict:
    """``value`` as the sandbox's answer cell writes it."""
    monkeypatch.chdir(tmp_path)
    namespace = {"answer": value}
    exec(grading.ANSWER_CELL % {"names": ["answer"]}, namespace)
    return json.loads((tmp_path / "answers.json").read_text("utf-8"))["answer"]


# -- the precision and the comparison (make test) ----------------------------------------------


def test_numbers_match_to_the_stated_significant_digits():
    key = 0.3157421
    for typed in (
        0.316,
        0.3157,
        0.315,
        0.31574,
    ):  # rounded, cut short, more digits
        assert grading.within(typed, key), typed
    for typed in (0.32, 0.313, 0.4639):
        assert not grading.within(typed, key), typed
    assert grading.within(1230.0, 1234.5678) and not grading.within(
        1250.0, 1234.5678
    )
    assert grading.within(5.238e-7, 5.24e-7) and not grading.within(
        5.4e-7, 5.24e-7
    )
    # a key that is zero up to rounding error is matched by zero, not by its last bits
    assert grading.within(0.0, 2.2e-16) and grading.within(1e-12, -3e-17)
    assert not grading.within(0.01, 2.2e-16)
    assert grading.within(4.0, 4.0, digits=1) and not grading.within(
        5.1, 4.0, digits=1
    )


@pytest.mark.parametrize(
    "value, kind",
    [
        (np.float64(0.3157), "number"),
        (np.int64(4), "integer"),
        (np.True_, "boolean"),
        (pd.Series(["吉林", "辽宁"]).unique(), "names"),
        (pd.Index(["吉林", "辽宁"]), "names"),
        (np.array(["吉林", "辽宁"]), "names"),
        ({"吉林", "辽宁"}, "names"),
        ("yes", "text"),
    ],
    ids=lambda v: type(v).__name__,
)
def test_numpy_and_pandas_answers_are_accepted(
    value, kind, tmp_path, monkeypatch
):
    expected = {
        "number": 0.315742,
        "integer": 4,
        "boolean": True,
        "names": ["辽宁", "吉林"],
        "text": "yes",
    }[kind]
    ok, message = grading.compare(
        "a", as_data(value, tmp_path, monkeypatch), expected, kind
    )
    assert ok, message


def test_feedback_says_what_is_wrong_and_never_the_key(tmp_path, monkeypatch):
    key = 0.4638517
    cases = [
        (..., "number", "a is not answered"),
        ("0.46", "number", "a should be a number, not a str"),
        (
            0.3157,
            "number",
            "a is not the key's answer to 3 significant digits",
        ),
        (1, "boolean", "a should be True or False, not a int"),
        (
            pd.DataFrame({"x": [1]}),
            "names",
            "a should be a list of names, not a ",
        ),
        (["吉林"], "names", "a has 1 names; that is not the key's number"),
        (3.0, "integer", "a should be a whole number, not a float"),
    ]
    expected = {
        "number": key,
        "boolean": True,
        "names": ["吉林", "辽宁"],
        "integer": 3,
    }
    for value, kind, said in cases:
        got = as_data(value, tmp_path, monkeypatch)
        ok, message = grading.compare("a", got, expected[kind], kind)
        assert not ok and message.startswith(said), (value, message)
        if (
            kind != "boolean"
        ):  # its message names both values a boolean can take
            for shown in (str(expected[kind]), f"{key:.3g}", "辽宁"):
                assert shown not in message, message
    assert grading.compare("a", None, key, "number") == (
        False,
        "a is not answered",
    )


def test_answer_cells_state_type_and_precision():
    nb = nbformat.read(
        REPO / "chapters" / "04_panel_var_gmm.ipynb", as_version=4
    )
    cells = [
        c.source
        for c in classroom.student(nb).cells
        if "answer" in c.metadata.get("tags", []) and c.cell_type == "code"
    ]
    text = "\n".join(cells)
    assert "(a number, to 3 significant digits or more)" in text
    for line in text.splitlines():
        if " = ..." in line:
            assert line.rstrip().endswith(")"), line


def test_the_roster_decides_the_variant_and_flags_a_relabelled_notebook(
    tmp_path,
):
    nb = nbformat.v4.new_notebook()
    nb.metadata["classroom"] = {"chapter": "04_panel_var_gmm", "variant": None}
    assert classroom.notebook_variant(nb) == ("04_panel_var_gmm", None, "")
    chapter, variant, note = classroom.notebook_variant(nb, 3)
    assert variant == 3 and "labelled variant base, the roster gives 3" in note
    nb.metadata["classroom"] = {"chapter": "../../etc/passwd", "variant": 1}
    with pytest.raises(ValueError, match="names no chapter of the book"):
        classroom.notebook_variant(nb)
    roster = tmp_path / "roster.csv"
    roster.write_text("\ufeffstudent,variant\nalice,1\nbob,0\n", "utf-8")
    assert classroom.read_roster(roster) == {"alice": 1, "bob": 0}
    roster.write_text("student,variant\nalice,one\n", "utf-8")
    with pytest.raises(SystemExit, match="line 2: variant 'one'"):
        classroom.read_roster(roster)


def test_written_parts_left_as_prompted_are_empty():
    stem = "01_regional_ai_competitiveness"
    nb = classroom.student(
        nbformat.read(REPO / "chapters" / f"{stem}.ipynb", 4)
    )
    parts = classroom._written_parts(nb, stem)
    assert set(parts.values()) == {"empty"} and len(parts) == 3
    cell = next(
        c
        for c in nb.cells
        if c.cell_type == "markdown" and "answer" in c.metadata.get("tags", [])
    )
    cell.source += "\n\nThe ordering holds; only the Northeast moves."
    assert sorted(classroom._written_parts(nb, stem).values()) == [
        "empty",
        "empty",
        "written",
    ]


# -- the sandbox (make check) ------------------------------------------------------------------


def notebook(*sources):
    return nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell(s) for s in sources]
    )


def nobody_left() -> bool:
    mine = subprocess.run(
        ["ps", "-e", "-o", "args="], capture_output=True, text=True
    )
    return "sleep 777" not in mine.stdout


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("bwrap") is None, reason="bubblewrap is not installed"
)
def test_a_hostile_notebook_cannot_see_write_reach_or_outlive(tmp_path):
    """What the sandbox lets a notebook see and do: no key, repository or other submission; no
    network; no write outside its folder; no process left behind."""
    hidden = (str(REPO / "_build" / "classroom"), str(REPO / "chapters"))
    targets = (
        str(REPO / "helpers" / "pwned.py"),
        str(tmp_path / "pwned"),
        "/usr/pwned",
    )
    hostile = notebook(
        "import os, pathlib, socket, subprocess, helpers\n"
        "root = pathlib.Path(helpers.__file__).resolve().parents[1]\n"
        "seen = sorted(p.name for p in root.iterdir())\n"
        f"keys = any(os.path.exists(p) for p in {hidden!r})\n"
        f"home = os.path.exists({str(tmp_path)!r})\n"
        "try:\n"
        "    socket.create_connection(('pypi.org', 443), timeout=3)\n"
        "    net = True\n"
        "except OSError:\n"
        "    net = False\n"
        "writes = []\n"
        f"for target in {targets!r}:\n"
        "    try:\n"
        "        open(target, 'w').write('x'); writes.append(target)\n"
        "    except OSError:\n"
        "        pass\n"
        "subprocess.Popen(['sh', '-c', 'sleep 777'], start_new_session=True)\n"
        "import builtins, math\n"
        "math.isclose = lambda *a, **k: True\n"
        "builtins.sorted = lambda *a, **k: []\n"
        "answer = 0.5",
    )
    run = grading.run_submission(
        hostile,
        ["seen", "keys", "home", "net", "writes", "answer"],
        grading.Limits(time=60),
    )
    got = {k: v.get("value") for k, v in run.answers.items()}
    assert run.problem is None, run.problem
    assert set(got["seen"]) <= {"helpers", "data", ".venv"}, got["seen"]
    assert (
        got["keys"] is False and got["home"] is False and got["net"] is False
    )
    assert got["writes"] == []
    assert (
        not (REPO / "helpers" / "pwned.py").exists()
        and not (tmp_path / "pwned").exists()
    )
    time.sleep(0.5)
    assert nobody_left()
    # patching Python inside changed nothing outside: the comparison is the grader's
    assert (
        grading.compare("answer", run.answers["answer"], 0.25, "number")[0]
        is False
    )


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("bwrap") is None, reason="bubblewrap is not installed"
)
def test_sleepers_hogs_and_fork_bombs_are_stopped_in_bounded_time():
    limits = grading.Limits(time=30, memory_gb=2)
    start = time.perf_counter()
    sleeper = grading.run_submission(
        notebook("x = 1.0", "import time\ntime.sleep(1000)", "y = 2.0"),
        ["x", "y"],
        limits,
    )
    # the sleeping cell is interrupted at its own limit (a third of the notebook's) and the
    # answers before and after it still count
    assert {k: v["value"] for k, v in sleeper.answers.items()} == {
        "x": "1.0",
        "y": "2.0",
    }
    assert "time limit of a cell" in sleeper.errors[0]["error"]
    hog = grading.run_submission(
        notebook("x = bytearray(8 * 2**30)"), ["x"], limits
    )
    assert hog.errors and hog.errors[0]["error"].startswith("MemoryError")
    bomb = grading.run_submission(
        notebook(
            "import os, time\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n     "
            "   time.sleep(1000)"
        ),
        ["x"],
        limits,
    )
    # stopped by its cell's limit (or the notebook's), with the sandbox and all its processes;
    # its forked copies of the kernel may answer for it, so what it reports varies, but it
    # answers nothing
    assert "x" not in bomb.answers
    assert time.perf_counter() - start < 3 * 30 + 30
    time.sleep(0.5)
    ps = subprocess.run(
        ["ps", "-e", "-o", "uid=,args="], capture_output=True, text=True
    )
    left = [
        line
        for line in ps.stdout.splitlines()
        if int(line.split()[0]) in grading.SANDBOX_UIDS
    ]
    assert not left, left


def test_what_the_sandbox_wrote_is_read_only_as_plain_files(tmp_path):
    """A notebook could leave answers.json as a link to a key outside its sandbox, or as a pipe
    that never ends; the grader, outside, reads neither."""
    key = tmp_path / "key.json"
    key.write_text('{"a": {"type": "float", "value": "0.5"}}', "utf-8")
    link = tmp_path / "answers.json"
    link.symlink_to(key)
    assert grading._read_json(link, {}) == {}
    pipe = tmp_path / "run.json"
    os.mkfifo(pipe)
    assert grading._read_json(pipe, {}) == {}
    assert grading._read_json(key, {})["a"]["value"] == "0.5"


def test_an_interrupted_grading_kills_its_sandboxes():
    """stop_all() (Ctrl-C or SIGTERM during make grade) kills every running sandbox's process
    group, and a group already gone is no error."""
    process = subprocess.Popen(["sleep", "100"], start_new_session=True)
    grading.RUNNING.add(process)
    try:
        grading.stop_all()
        assert process.wait(timeout=10) == -9
        grading.stop_all()  # gone by now
    finally:
        grading.RUNNING.clear()


def test_a_roster_gives_each_student_their_notebooks_and_variant(tmp_path):
    """make classroom ROSTER=...: variants in the roster's order (or as it says), a folder of
    notebooks per student carrying their name, and the roster make grade reads."""
    students = tmp_path / "students.csv"
    students.write_text("student\nalice\nbob\ncarol\n", "utf-8")
    assigned = classroom.roster_variants(students, variants=2)
    assert assigned == {"alice": 1, "bob": 2, "carol": 1}
    out = tmp_path / "classroom"
    (out / "student").mkdir(parents=True)
    for stem, variant in (
        ("01_regional_ai_competitiveness", None),
        ("07_ai_upgrading_u_shape", None),
        ("07_ai_upgrading_u_shape", 1),
        ("07_ai_upgrading_u_shape", 2),
    ):
        nb = nbformat.v4.new_notebook()
        nb.metadata["classroom"] = {"chapter": stem, "variant": variant}
        name = stem + (f"_v{variant:02d}" if variant else "")
        nbformat.write(nb, out / "student" / f"{name}.ipynb")
    roster = classroom.personalise(out, assigned)
    assert classroom.read_roster(roster) == assigned
    bob = nbformat.read(
        out / "students" / "bob" / "07_ai_upgrading_u_shape.ipynb", 4
    ).metadata["classroom"]
    assert bob == {
        "chapter": "07_ai_upgrading_u_shape",
        "variant": 2,
        "student": "bob",
    }
    carol = nbformat.read(
        out / "students" / "carol" / "01_regional_ai_competitiveness.ipynb", 4
    ).metadata["classroom"]
    assert carol["variant"] is None and carol["student"] == "carol"
    students.write_text("student\nalice\nalice\n", "utf-8")
    with pytest.raises(SystemExit, match="repeated: alice"):
        classroom.roster_variants(students, 2)


def test_the_rubric_quotes_each_exercise_with_points():
    text = classroom.rubric()
    assert "### ex-ch4-equivalence" in text
    assert (
        "> Take the first 300 units of the bivariate simulated panel" in text
    )
    assert "- Written (2 points): Why do they agree?" in text
    assert "- Full answer: With all available lags" in text
