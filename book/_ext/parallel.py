"""Read (and so execute) the chapters in parallel, one per core.

The book executes each chapter inline while Sphinx reads it, so reading is almost all of a build's
time, and Sphinx reads in parallel only when it is started with ``-j``, which ``jupyter-book
build`` does not pass on. This extension sets the number of reading processes itself: the
environment variable ``BOOK_JOBS`` if set (``BOOK_JOBS=1`` reads serially), else the number of
cores. Sphinx's own partition would put half the pages in each process, most chapters in one of
them; here each process reads one page at a time, chapters first, so two cores stay busy until the
last chapter.
"""

from __future__ import annotations

import os
from importlib import metadata

import sphinx.builders

CHAPTERS = "chapters/"


def _one_page_per_chunk(arguments, nproc, maxbatch=10):
    return [[name] for name in arguments]


def _jobs() -> int:
    value = os.environ.get("BOOK_JOBS", "")
    if value:
        try:
            jobs = int(value)
        except ValueError:
            raise ValueError(
                f"BOOK_JOBS is {value!r}; expected a whole number of processes (1 reads serially)"
            ) from None
        return max(jobs, 1)
    return (
        len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1
    )


def _chapters_first(app, env, docnames: list[str]) -> None:
    """The chapters (slow: they execute) before the other pages, in place."""
    docnames.sort(key=lambda d: not d.startswith(CHAPTERS))


#: Extensions jupyter-book loads that do not declare parallel reading safe, which Sphinx takes as
#: unsafe, and why each is safe (read from their code at these versions; another version stays
#: undeclared, so Sphinx warns and the -W build fails until it is read again).
UNDECLARED_BUT_SAFE = {
    # replaces the toctree collector's section numbering, which Sphinx runs once, in the main
    # process, on the merged environment after reading
    "sphinx_multitoc_numbering": "0.1.3",
    # per-document transforms that keep no state in the environment (and LaTeX-only settings)
    "sphinx_jupyterbook_latex": "1.0.0",
}


def _declare_safe(app) -> None:
    for name, version in UNDECLARED_BUT_SAFE.items():
        extension = app.extensions.get(name)
        if (
            extension is not None
            and extension.parallel_read_safe is None
            and metadata.version(name.replace("_", "-")) == version
        ):
            extension.parallel_read_safe = True


def setup(app):
    jobs = _jobs()
    if jobs > 1 and app.parallel <= 1:
        app.parallel = jobs
        sphinx.builders.make_chunks = _one_page_per_chunk
    app.connect("builder-inited", _declare_safe)
    app.connect("env-before-read-docs", _chapters_first, priority=900)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
