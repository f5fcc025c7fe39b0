"""Write the generated parts of every chapter: its setup cell and its collapsed solutions.

1. The setup cell. Each chapter's first cell after its parameters installs the book's package
   where it is missing (Colab, a fresh Binder kernel, a notebook downloaded on its own) and does
   nothing where it is installed. It installs the package as of a commit of the repository
   (``repository.url`` in ``_config.yml``, which the launch buttons use too): the last commit that
   changed the package's files (:data:`PACKAGE_FILES`), which this script reads from git. Commits
   are what the repository publishes (it has no tags), and the hygiene tests check that the
   package files at that commit are today's. When pip fails (no network, a commit the repository
   does not have), the cell stops with one line that names pip's error and what to do.
2. Collapsed solution code. A solution with code spans cells, between a ``solution-start`` and a
   ``solution-end`` directive. The book shows it as a dropdown. JupyterLab (with jupyterlab-myst)
   shows the solution's title; its code cells carry ``jupyter.source_hidden``, so their code
   stays folded until the reader clicks it (the cells still run with the rest), and
   ``jupyter.outputs_hidden``, which folds what they printed in a notebook saved with its outputs
   (JupyterLab shows a cell's output again whenever the cell runs). JupyterLab has no way to
   fold a rendered Markdown cell, so a solution's closing prose stays visible there.

Run ``python book/chapter_cells.py`` (``make chapter-cells``) after committing a change to the
package, the repository URL or an exercise, and commit what it rewrites; the test suite fails
while a chapter differs from what it writes.
"""

import json
import subprocess
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))
CELL_ID = "setup"
PACKAGE = "ai-regional-development-book-helpers"


def repository_url() -> str:
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    return config["repository"]["url"].rstrip("/")


def git(*args: str) -> str:
    """The output of ``git <args>`` in the repository, or a one-line error."""
    result = subprocess.run(
        ["git", *args], cwd=ROOT, capture_output=True, text=True
    )
    if result.returncode != 0:
        raise RuntimeError(
            f"git {' '.join(args)} failed in {ROOT}: {result.stderr.strip()}"
        )
    return result.stdout.strip()


# What the package is built from (pyproject.toml's package-dir and data-files): a change to any of
# them changes what a chapter's setup cell installs. README.md feeds only the package's long
# description.
PACKAGE_FILES = ("helpers", "data", "book/jupyterlab", "pyproject.toml")


def package_commit() -> str:
    """The last commit that changed the package's files: what the setup cells install."""
    if git("rev-parse", "--is-shallow-repository") == "true":
        raise RuntimeError(
            "this clone is shallow, so the last change to the package cannot be found: git fetch "
            "--unshallow"
        )
    return git("log", "-1", "--format=%H", "--", *PACKAGE_FILES)


def cell_source(commit: str | None = None) -> str:
    commit = commit or package_commit()
    return f"""\
# Setup. Where the book's package is missing (Colab, a new Binder
# session, a notebook downloaded on its own), install it as of commit
# {commit[:12]} of the book's repository, the last change to the
# package; where it is installed, nothing happens.
book_package = (
    "git+{repository_url()}"
    "@{commit}"
)
try:
    import helpers.audit  # noqa: F401
except ModuleNotFoundError:
    import importlib
    import subprocess
    import sys

    book_pip = subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-color"]
        + [book_package],
        capture_output=True,
        text=True,
    )
    importlib.invalidate_caches()
    if book_pip.returncode != 0:
        book_reason = next(
            (
                line.strip()
                for line in book_pip.stderr.splitlines()
                if line.strip().startswith(("fatal:", "ERROR:"))
            ),
            f"pip exited with code {{book_pip.returncode}}",
        )
        book_error = RuntimeError(
            f"Setup: pip could not install {{book_package}}"
            f" ({{book_reason}}). Check the internet connection and run"
            " this cell again; if it still fails, report it at"
            " {repository_url()}/issues"
        )
        # IPython shows what _render_traceback_ returns instead of a
        # traceback: the one line above
        book_error._render_traceback_ = [str(book_error)].copy
        raise book_error from None"""


def _lines(text: str) -> list[str]:
    lines = text.split("\n")
    return [line + "\n" for line in lines[:-1]] + [lines[-1]]


def setup_cell(notebook: dict) -> tuple[int, dict | None]:
    """Index where the setup cell belongs (right after the parameters) and the cell there, if it
    is the setup cell."""
    for i, cell in enumerate(notebook["cells"]):
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            following = notebook["cells"][i + 1 : i + 2]
            if following and following[0].get("id") == CELL_ID:
                return i + 1, following[0]
            return i + 1, None
    raise ValueError("the notebook has no cell tagged 'parameters'")


def solution_cells(notebook: dict) -> list[int]:
    """Indices of the cells inside solutions: after each ``solution-start`` cell, up to and
    including the cell that holds the matching ``solution-end``."""
    inside, found = False, []
    for i, cell in enumerate(notebook["cells"]):
        text = "".join(cell["source"])
        if cell["cell_type"] == "markdown" and "{solution-start}" in text:
            inside = True
            continue
        if inside:
            found.append(i)
            if cell["cell_type"] == "markdown" and "{solution-end}" in text:
                inside = False
    if inside:
        raise ValueError("a solution-start has no solution-end")
    return found


def collapse_solutions(notebook: dict) -> None:
    """Fold the code and outputs of every solution in JupyterLab, and no other cell."""
    hidden = set(solution_cells(notebook))
    for i, cell in enumerate(notebook["cells"]):
        if i in hidden and cell["cell_type"] == "code":
            cell["metadata"]["jupyter"] = {
                "source_hidden": True,
                "outputs_hidden": True,
            }
        else:
            cell["metadata"].pop("jupyter", None)


def updated(text: str) -> str:
    """The chapter whose JSON is ``text`` with its generated cells as this script writes them."""
    notebook = json.loads(text)
    collapse_solutions(notebook)
    index, cell = setup_cell(notebook)
    wanted = {
        "cell_type": "code",
        "execution_count": None,
        "id": CELL_ID,
        "metadata": {"tags": ["remove-cell"]},
        "outputs": [],
        "source": _lines(cell_source()),
    }
    if cell is None:
        notebook["cells"].insert(index, wanted)
    else:
        notebook["cells"][index] = wanted
    return json.dumps(notebook, ensure_ascii=False, indent=1) + "\n"


def write(path: Path) -> bool:
    """Bring the chapter at ``path`` up to date; True when the file changed."""
    text = path.read_text(encoding="utf-8")
    new = updated(text)
    if new != text:
        path.write_text(new, encoding="utf-8")
    return new != text


if __name__ == "__main__":
    changed = [path.name for path in CHAPTERS if write(path)]
    print(f"{len(changed)} of {len(CHAPTERS)} chapters updated")
