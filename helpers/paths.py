"""Where the repository's folders are, whatever the working directory.

Notebooks run with their own folder as working directory (Jupyter, papermill, the book build), so
paths are taken from this file's location instead: ``helpers`` sits at the repository root and is
installed in editable mode (``-e .`` in requirements.txt).
"""

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = REPO_ROOT / "data"
BUILD_DIR = REPO_ROOT / "_build"
SCORECARD_DIR = BUILD_DIR / "scorecards"
#: Downloaded API responses (helpers.data's online loaders); kept out of git and out of _build.
ONLINE_CACHE_DIR = REPO_ROOT / ".online_cache"
