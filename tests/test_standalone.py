"""The offline stand-in for Colab: the package installed by the chapters' own setup cell in a fresh
virtual environment on another Python, and every chapter run alone from an empty folder.

1. Make a virtual environment on Python 3.12 or 3.13 (the machine's pyenv, or the interpreter in
   $STANDALONE_PYTHON) with only papermill and ipykernel to drive it.
2. Install the package the way a reader's notebook does: run the chapters' setup cell in that
   environment, with the repository's URL (out of reach offline) replaced by this clone's, so
   that pip fetches and builds the very commit the cell names. First with a commit that does not
   exist: the cell must stop with its one line.
3. Copy each chapter alone into an empty folder and run it there at its fast parameters: it reads
   its data from the installed package and writes its scorecard into that folder.

Slow (the environment is installed from the package registry), so ``make test`` leaves it out and
``make standalone`` (run by .ci/run) runs it.
"""

import concurrent.futures
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from conftest import CHAPTERS, REPO

sys.path.insert(0, str(REPO / "book"))
import chapter_cells  # noqa: E402

pytestmark = [pytest.mark.slow, pytest.mark.standalone]
KERNEL = "book-standalone"


def interpreter(version: str) -> str:
    """A python<version> that runs: $STANDALONE_PYTHON, one on PATH, or pyenv's."""
    candidates = [os.environ.get("STANDALONE_PYTHON", "")]
    candidates.append(shutil.which(f"python{version}") or "")
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    candidates += sorted(
        str(p) for p in pyenv.glob(f"versions/{version}*/bin/python{version}")
    )
    for candidate in filter(None, candidates):
        probe = subprocess.run(
            [candidate, "-c", "import sys; print(sys.version_info[:2])"],
            capture_output=True,
            text=True,
        )
        if probe.returncode == 0 and probe.stdout.strip() == str(
            tuple(int(x) for x in version.split("."))
        ):
            return candidate
    message = f"Python {version} not found (pyenv install {version}, or set STANDALONE_PYTHON)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def sh(*command, venv: Path | None = None, fails: bool = False, **kwargs):
    """Run ``command``; fail the test with its output if it fails (if it succeeds, with
    ``fails``). Inside ``venv``, matplotlib
    keeps its font cache there: a cache shared with other environments would list this one's
    fonts, and once the temporary environment is deleted, other runs would warn about them."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    if venv is not None:
        env["MPLCONFIGDIR"] = str(venv / "matplotlib")
    result = subprocess.run(
        [str(c) for c in command],
        capture_output=True,
        text=True,
        env=env,
        **kwargs,
    )
    assert (result.returncode != 0) == fails, (
        f"{' '.join(map(str, command))} exited with {result.returncode}:\n{result.stdout[-3000:]}\n"
        f"{result.stderr[-3000:]}"
    )
    return result


@pytest.fixture(scope="module", params=["3.13", "3.12"])
def environment(request, tmp_path_factory) -> Path:
    """A fresh venv whose only copy of the package came in through the setup cell."""
    python = interpreter(request.param)
    venv = tmp_path_factory.mktemp(f"venv{request.param}")
    sh(python, "-m", "venv", venv)
    bin_ = venv / "bin"
    sh(bin_ / "python", "-m", "pip", "install", "-q", "papermill", "ipykernel")
    sh(
        bin_ / "python",
        "-m",
        "ipykernel",
        "install",
        "--sys-prefix",
        "--name",
        KERNEL,
    )
    # the setup cell as the chapters carry it, with this clone for the repository
    url = chapter_cells.repository_url()
    source = chapter_cells.cell_source()
    assert source.count(f'"git+{url}"') == 1
    source = source.replace(f'"git+{url}"', f'"git+{REPO.as_uri()}"')
    folder = tmp_path_factory.mktemp("setup")
    missing = "0" * 40
    assert_setup_fails_in_one_line(
        venv,
        folder,
        source.replace(chapter_cells.package_commit(), missing),
        f"not our ref {missing}",
    )
    setup = nbformat.v4.new_notebook()
    setup.cells = [
        nbformat.v4.new_code_cell(source),
        nbformat.v4.new_code_cell(
            "import helpers.paths\nprint(helpers.__version__, helpers.paths.IN_SOURCE_TREE, "
            "helpers.paths.DATA_DIR)"
        ),
        nbformat.v4.new_code_cell(source),  # run again: now it does nothing
    ]
    nbformat.write(setup, folder / "setup.ipynb")
    sh(
        bin_ / "papermill",
        "setup.ipynb",
        "done.ipynb",
        "-k",
        KERNEL,
        "--cwd",
        folder,
        cwd=folder,
        venv=venv,
    )
    done = nbformat.read(folder / "done.ipynb", as_version=4)
    version, in_tree, data_dir = (
        done.cells[1].outputs[0]["text"].split(maxsplit=2)
    )
    import helpers

    assert version == helpers.__version__ and in_tree == "False"
    assert Path(data_dir.strip()).is_relative_to(venv), data_dir
    assert done.cells[2].outputs == [], "the setup cell acted a second time"
    return venv


def assert_setup_fails_in_one_line(
    venv: Path, folder: Path, source: str, reason: str
):
    """Run the setup cell ``source`` where the package is missing and pip must fail: the cell
    stops the notebook with one line that carries pip's ``reason``."""
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_code_cell(source),
        nbformat.v4.new_code_cell("print('ran on')"),
    ]
    nbformat.write(notebook, folder / "failing.ipynb")
    # the notebook stops at the setup cell, so papermill exits with an error
    sh(
        venv / "bin" / "papermill",
        "failing.ipynb",
        "failed.ipynb",
        "-k",
        KERNEL,
        cwd=folder,
        venv=venv,
        fails=True,
    )
    failed = nbformat.read(folder / "failed.ipynb", as_version=4)
    setup, after = [c for c in failed.cells if c.cell_type == "code"]
    (error,) = setup.outputs
    assert error["output_type"] == "error" and len(error["traceback"]) == 1
    line = error["traceback"][0]
    assert line.startswith("Setup: pip could not install") and reason in line
    assert after.outputs == []


def run_alone(
    venv: Path, notebook: Path, folder: Path
) -> nbformat.NotebookNode:
    folder.mkdir()
    shutil.copy(notebook, folder / notebook.name)
    sh(
        venv / "bin" / "papermill",
        notebook.name,
        "executed.ipynb",
        "-k",
        KERNEL,
        "-p",
        "fast",
        "True",
        "--cwd",
        folder,
        cwd=folder,
        venv=venv,
    )
    return nbformat.read(folder / "executed.ipynb", as_version=4)


def test_every_chapter_runs_alone_from_an_empty_folder(environment, tmp_path):
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        runs = {
            nb: pool.submit(run_alone, environment, nb, tmp_path / nb.stem)
            for nb in CHAPTERS
        }
    failures = []
    for notebook, future in runs.items():
        try:
            executed = future.result()
        except AssertionError as error:
            failures.append(f"{notebook.stem}: {error}")
            continue
        folder = tmp_path / notebook.stem
        written = folder / "results" / notebook.stem / "scorecard.csv"
        errors = [
            f"{o['ename']}: {o['evalue']}"
            if o.get("output_type") == "error"
            else f"stderr: {o['text'][:300]}"
            for c in executed.cells
            for o in c.get("outputs", [])
            if o.get("output_type") == "error" or o.get("name") == "stderr"
        ]
        if errors or not written.exists():
            failures.append(f"{notebook.stem}: {errors or 'no scorecard'}")
        setup = next(c for c in executed.cells if c.get("id") == "setup")
        assert setup.outputs == [], f"{notebook.stem}: the setup cell acted"
        leftovers = {p.name for p in folder.iterdir()} - {
            notebook.name,
            "executed.ipynb",
            "results",
        }
        assert not leftovers, f"{notebook.stem} wrote {sorted(leftovers)}"
    assert not failures, "\n".join(failures)
    assert not (REPO / "results").exists()
