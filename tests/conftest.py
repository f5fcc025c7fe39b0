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
    """Build the book in ``source`` with warnings as errors; return its ``_build/html``."""
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    result = subprocess.run(
        [str(jupyter_book), "build", ".", "-W", "-n", "--keep-going"],
        cwd=source,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    log = result.stdout + result.stderr
    if result.returncode != 0:
        pytest.fail(
            f"jupyter-book build failed (exit {result.returncode}):\n{log[-6000:]}"
        )
    return source / "_build" / "html"


@pytest.fixture(scope="session")
def built_book(tmp_path_factory) -> Path:
    """The book built once per run (see :func:`build_book`). make test runs pytest-xdist workers,
    each running its own session: the first worker to need the book builds it while holding a lock,
    and the others wait for it and use that build (pytest-xdist's recipe for a fixture that must
    run once)."""
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        return build_book(REPO)
    # every worker's temporary folder is in this one
    shared = tmp_path_factory.getbasetemp().parent
    with open(shared / "built_book.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = shared / "built_book.done"
        if not done.exists():
            build_book(REPO)
            done.touch()
    return REPO / "_build" / "html"


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
