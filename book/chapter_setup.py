"""Write, or check, the setup cell of every chapter.

Each chapter's first cell after its parameters installs the book's package where it is missing
(Colab, a fresh Binder kernel, a notebook downloaded on its own) and does nothing where it is
installed. The cell is generated from two settings so that a release changes them in one place:

- the repository, ``repository.url`` in ``_config.yml`` (the launch buttons use the same);
- the release, ``helpers.__version__``, installed from the git tag ``v<version>``.

Run ``python book/chapter_setup.py`` after changing either (``make setup-cells`` does); the test
suite fails while any chapter's cell differs from what this script writes.
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
# Setup. Where the book's package is missing (Colab, a new Binder session, a
# notebook downloaded on its own), install its release {release()}; where it is
# installed, nothing happens.
book_release = "git+{repository_url()}@v{release()}"
try:
    import helpers.audit  # noqa: F401
except ModuleNotFoundError:
    %pip install -q "{PACKAGE} @ {{book_release}}"
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


def write(path: Path) -> bool:
    """Put the current setup cell into the chapter at ``path``; True when the file changed."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    index, cell = setup_cell(notebook)
    wanted = {
        "cell_type": "code",
        "execution_count": None,
        "id": CELL_ID,
        "metadata": {"tags": ["remove-cell"]},
        "outputs": [],
        "source": _lines(cell_source()),
    }
    if cell == wanted:
        return False
    if cell is None:
        notebook["cells"].insert(index, wanted)
    else:
        notebook["cells"][index] = wanted
    text = json.dumps(notebook, ensure_ascii=False, indent=1) + "\n"
    path.write_text(text, encoding="utf-8")
    return True


if __name__ == "__main__":
    changed = [path.name for path in CHAPTERS if write(path)]
    print(f"setup cells updated in {len(changed)} of {len(CHAPTERS)} chapters")
