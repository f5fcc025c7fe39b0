"""Write the generated parts of every chapter: its setup cell and its collapsed solutions.

1. The setup cell. Each chapter's first cell after its parameters installs the book's package
   where it is missing (Colab, a fresh Binder kernel, a notebook downloaded on its own) and does
   nothing where it is installed. It is generated from two settings, so that a release changes
   them in one place: the repository (``repository.url`` in ``_config.yml``, which the launch
   buttons use too) and the release (``helpers.__version__``, installed from the git tag
   ``v<version>``).
2. Collapsed solution code. A solution with code spans cells, between a ``solution-start`` and a
   ``solution-end`` directive. The book shows it as a dropdown. JupyterLab (with jupyterlab-myst)
   shows the solution's title; its code cells carry ``jupyter.source_hidden``, so their code stays
   folded until the reader clicks it (the cells still run with the rest). JupyterLab has no way to
   fold a rendered Markdown cell, so a solution's closing prose stays visible there.

Run ``python book/chapter_cells.py`` (``make chapter-cells``) after changing the release, the
repository or an exercise; the test suite fails while a chapter differs from what it writes.
"""

import json
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CHAPTERS = sorted((ROOT / "chapters").glob("*.ipynb"))
CELL_ID = "setup"
PACKAGE = "ai-regional-development-book-helpers"


def repository_url() -> str:
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    return config["repository"]["url"].rstrip("/")


def release() -> str:
    text = (ROOT / "helpers" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'^__version__ = "([^"]+)"', text, re.M).group(1)


def cell_source() -> str:
    return f'''\
# Setup. Where the book's package is missing (Colab, a new Binder
# session, a notebook downloaded on its own), install its release
# {release()}; where it is installed, nothing happens.
book_release = (
    "git+{repository_url()}@v{release()}"
)
try:
    import helpers.audit  # noqa: F401
except ModuleNotFoundError:
    book_package = "{PACKAGE}"
    %pip install -q "{{book_package}} @ {{book_release}}"
    import importlib

    importlib.invalidate_caches()'''


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
    """Fold the code of every solution in JupyterLab, and no other cell."""
    hidden = set(solution_cells(notebook))
    for i, cell in enumerate(notebook["cells"]):
        if i in hidden and cell["cell_type"] == "code":
            cell["metadata"]["jupyter"] = {"source_hidden": True}
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
