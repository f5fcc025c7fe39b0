"""Where the package finds its datasets, and where a run writes what it computes.

The datasets have one source, the repository's top-level ``data/`` folder. An installed wheel
carries a copy of it as ``helpers/datasets`` (``pyproject.toml`` maps the folder into the package),
so :mod:`helpers.data` works with no repository around; in a source checkout, editable install or
not, the folder is read in place.

What a run writes (scorecards, downloaded responses) goes under the working directory of that run,
or to a folder the caller names, never into the package or a checkout the notebook sits in. The
folders are resolved when they are asked for, so a kernel that changes directory writes into the
new one.
"""

from pathlib import Path

from helpers.errors import InputError, InputTypeError

PACKAGE_DIR = Path(__file__).resolve().parent
_INSTALLED_DATA = PACKAGE_DIR / "datasets"
_SOURCE_ROOT = PACKAGE_DIR.parent

#: True when the package runs from a checkout of the repository (data/ beside helpers/).
IN_SOURCE_TREE = (
    not _INSTALLED_DATA.is_dir() and (_SOURCE_ROOT / "data").is_dir()
)
DATA_DIR = _SOURCE_ROOT / "data" if IN_SOURCE_TREE else _INSTALLED_DATA

#: Folder, under the working directory, that holds one subfolder per chapter run.
RESULTS_FOLDER = "results"
#: Folder, under the working directory, for downloaded API responses (helpers.online).
ONLINE_CACHE_FOLDER = ".online_cache"


def output_dir(chapter: str, directory: str | Path | None = None) -> Path:
    """The folder a chapter's run writes to: ``directory`` when given, else
    ``results/<chapter>`` under the working directory. Not created here.

    Parameters
    ----------
    chapter
        The chapter's file stem (e.g. ``"01_regional_ai_competitiveness"``); used only when
        ``directory`` is None.
    directory
        The folder to write to (``~`` is expanded), or ``None``.

    Returns
    -------
    pathlib.Path
        ``directory`` as given (relative paths stay relative), or the absolute
        ``<cwd>/results/<chapter>``, resolved at the time of the call.

    Raises
    ------
    helpers.errors.InputTypeError
        If ``directory`` is not a string or path, or is empty.
    helpers.errors.InputError
        If ``directory`` names an existing file.

    Examples
    --------
    >>> output_dir("01_regional_ai_competitiveness", "my_run").name
    'my_run'
    >>> output_dir("01_regional_ai_competitiveness").relative_to(Path.cwd()).as_posix()
    'results/01_regional_ai_competitiveness'
    """
    if directory is not None:
        if not isinstance(directory, str | Path) or not str(directory).strip():
            raise InputTypeError(
                f"output_dir must be a folder path (a string), got {directory!r}"
            )
        folder = Path(directory).expanduser()
        if folder.exists() and not folder.is_dir():
            raise InputError(
                f"output_dir {str(folder)!r} is a file; give a folder to write the run's outputs "
                "into"
            )
        return folder
    return Path.cwd() / RESULTS_FOLDER / chapter


def online_cache_dir() -> Path:
    """The folder of cached downloads: ``.online_cache`` under the working directory.

    Returns
    -------
    pathlib.Path
        The absolute ``<cwd>/.online_cache``, resolved at the time of the call; not created here.
    """
    return Path.cwd() / ONLINE_CACHE_FOLDER


def shown(path: str | Path) -> str:
    """``path`` as a reader should see it: relative to the working directory when it lies under it
    (the same text on every machine), else in full.

    Parameters
    ----------
    path
        A file or folder; need not exist.

    Returns
    -------
    str
        The path relative to the working directory with ``/`` separators (both resolved first,
        so symbolic links are followed), or ``str(path)`` as given when it lies elsewhere.

    Examples
    --------
    >>> shown(Path.cwd() / "results" / "scorecard.csv")
    'results/scorecard.csv'
    """
    path = Path(path)
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)
