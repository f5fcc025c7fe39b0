"""Leave every virtual environment inside the clone out of the book, whatever its name.

The README's JupyterLab path creates an environment inside the clone (``.venv-lab``), and readers
name theirs as they like (``venv``, ``env``, ``lab``). Sphinx would read the documentation that
packages ship inside it, warn about every file (the build runs with ``-W``) and copy them into the
built book. ``_config.yml`` excludes ``.venv*``; this extension also excludes every other
top-level folder that is a virtual environment (it holds ``pyvenv.cfg``) or a conda environment
(``conda-meta/``).
"""

from pathlib import Path


def environments(source: Path) -> list[str]:
    """The top-level folders of ``source`` that are Python environments."""
    return sorted(
        folder.name
        for folder in source.iterdir()
        if folder.is_dir()
        and (
            (folder / "pyvenv.cfg").is_file()
            or (folder / "conda-meta").is_dir()
        )
    )


def _exclude(app, config) -> None:
    found = [
        name
        for name in environments(Path(app.srcdir))
        if name not in config.exclude_patterns
    ]
    config.exclude_patterns = [*config.exclude_patterns, *found]


def setup(app):
    # priority 100: before extensions that list the sources at config-inited
    app.connect("config-inited", _exclude, priority=100)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
