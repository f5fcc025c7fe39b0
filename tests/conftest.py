"""Shared fixtures: the repository root, and one build of the book for the tests that need it."""

import fcntl
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

# jupyter_core's standard platform directories (without this it warns about its migration on
# every import). MPLBACKEND is deliberately left alone: kernels inherit the environment, and with
# Agg forced on them plt.show() would display nothing.
os.environ.setdefault("JUPYTER_PLATFORM_DIRS", "1")

REPO = Path(__file__).resolve().parents[1]
CHAPTERS = sorted((REPO / "chapters").glob("*.ipynb"))


@pytest.fixture(autouse=True)
def close_figures():
    """Close the pyplot figures a test opened; pyplot keeps them in memory otherwise."""
    yield
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")


def build_book(source: Path) -> Path:
    """Build the book in ``source`` with warnings as errors; return its ``_build/html`` (the
    build's log is left in ``_build/jupyter-book.log``)."""
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    result = subprocess.run(
        [str(jupyter_book), "build", ".", "-W", "-n", "--keep-going"],
        cwd=source,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    log = result.stdout + result.stderr
    (source / "_build").mkdir(exist_ok=True)
    (source / "_build" / "jupyter-book.log").write_text(log, encoding="utf-8")
    if result.returncode != 0:
        pytest.fail(
            f"jupyter-book build failed (exit {result.returncode}):\n{log[-6000:]}"
        )
    return source / "_build" / "html"


def shared_folder(tmp_path_factory) -> Path:
    """A temporary folder every pytest-xdist worker of this run sees (the run's own without
    xdist)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@pytest.fixture(scope="session")
def chapter_runs(tmp_path_factory):
    """Every chapter executed once at its fast parameters, as its answer key
    (``tests/chapter_runs.py``): name of the notebook -> its run."""
    from chapter_runs import chapter_runs as make

    return make(shared_folder(tmp_path_factory))


# what a copy of the repository for a build leaves out: builds, environments, caches, runs
NOT_SOURCES = shutil.ignore_patterns(
    ".git",
    "_build",
    ".venv*",
    "node_modules",
    "__pycache__",
    ".online_cache",
    "results",
    "*.egg-info",
)


def source_copy(folder: Path) -> Path:
    """The repository's sources copied into ``folder``, to build there: a test never builds into
    the repository's own ``_build``, where a developer's replay cache would stand in for the
    executions the test means to make."""
    shutil.copytree(REPO, folder, ignore=NOT_SOURCES)
    return folder


# virtual environments a reader may create in the clone (README's path 2 and any other name)
READER_ENVIRONMENTS = (".venv-lab", "lab-env")


def reader_environments(source: Path) -> None:
    """Put environments into ``source`` as a reader's clone may have them: a venv holds
    ``pyvenv.cfg`` and packages that ship documentation and notebooks of their own, which the
    build must neither read nor copy."""
    for name in READER_ENVIRONMENTS:
        package = (
            source
            / name
            / "lib"
            / "python3.11"
            / "site-packages"
            / "somepackage"
        )
        package.mkdir(parents=True)
        (source / name / "pyvenv.cfg").write_text("home = /usr/bin\n")
        (package / "README.md").write_text(
            "# A package\n\nSee {ref}`missing-label`.\n"
        )
        (package / "example.ipynb").write_text("not a notebook")


@pytest.fixture(scope="session")
def built_book(tmp_path_factory) -> Path:
    """The book built once per run from a copy of the sources (see :func:`build_book`), in a
    temporary folder. make check runs pytest-xdist workers, each running its own session: the
    first worker to need the book builds it while holding a lock, and the others wait for it and
    use that build (pytest-xdist's recipe for a fixture that must run once)."""
    shared = shared_folder(tmp_path_factory)
    source = shared / "book_source"
    with open(shared / "built_book.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = shared / "built_book.done"
        if not done.exists():
            if source.exists():  # a build that failed before
                shutil.rmtree(source)
            source_copy(source)
            reader_environments(source)
            build_book(source)
            done.touch()
    return source / "_build" / "html"


@pytest.fixture(scope="session")
def screenshots(tmp_path_factory) -> Path:
    """Where the browser tests save their screenshots for review: the run's temporary folder
    (pytest prints it at the end), or $SCREENSHOTS."""
    folder = Path(
        os.environ.get("SCREENSHOTS")
        or shared_folder(tmp_path_factory) / "screenshots"
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def pytest_terminal_summary(terminalreporter, config):
    factory = getattr(config, "_tmp_path_factory", None)
    if factory is None or os.environ.get("PYTEST_XDIST_WORKER"):
        return
    folder = Path(
        os.environ.get("SCREENSHOTS") or factory.getbasetemp() / "screenshots"
    )
    if folder.is_dir() and any(folder.iterdir()):
        terminalreporter.write_line(f"screenshots: {folder}")


# Debian's chromium, driven by Playwright's Python package, for the browser tests
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def chromium() -> str:
    """The browser's path; skipped with the install command where it is missing, except in CI."""
    if not Path(CHROMIUM).exists():
        message = "Chromium is not installed; on Debian or Ubuntu: sudo apt-get install chromium"
        if os.environ.get("CI"):
            pytest.fail(
                message
                + " (CI must run the browser tests; .ci/run installs it)"
            )
        pytest.skip(message)
    return CHROMIUM


# axe-core (accessibility rules), pinned in tests/package.json and installed by `npm ci --prefix
# tests` (make test and .ci/run do it where npm exists)
AXE = REPO / "tests" / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="session")
def axe_script() -> str:
    """axe-core's script; skipped with the install command where it is missing, except in CI."""
    if not AXE.exists():
        message = "axe-core is not installed: npm ci --prefix tests"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI must run the accessibility checks)")
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")
