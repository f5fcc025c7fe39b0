"""Where the package finds its datasets and writes what it computes, whatever the working directory.

The datasets have one source, the repository's top-level ``data/`` folder. An installed wheel
carries a copy of it as ``helpers/datasets`` (``pyproject.toml`` maps the folder into the package),
so :mod:`helpers.data` works with no repository around; in a source checkout, editable install or
not, the folder is read in place.
"""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
_INSTALLED_DATA = PACKAGE_DIR / "datasets"
_SOURCE_ROOT = PACKAGE_DIR.parent

#: True when the package runs from a checkout of the repository (data/ beside helpers/).
IN_SOURCE_TREE = (
    not _INSTALLED_DATA.is_dir() and (_SOURCE_ROOT / "data").is_dir()
)
DATA_DIR = _SOURCE_ROOT / "data" if IN_SOURCE_TREE else _INSTALLED_DATA
REPO_ROOT = _SOURCE_ROOT if IN_SOURCE_TREE else None

#: What a run writes: under the repository's _build/ in a checkout, else under the working
# directory.
BUILD_DIR = (_SOURCE_ROOT if IN_SOURCE_TREE else Path.cwd()) / "_build"
SCORECARD_DIR = BUILD_DIR / "scorecards"
#: Downloaded API responses (helpers.online); kept out of git and out of _build.
ONLINE_CACHE_DIR = (
    _SOURCE_ROOT if IN_SOURCE_TREE else Path.cwd()
) / ".online_cache"
