"""What the book's patches of myst-nb and Sphinx rely on, checked against the installed versions.

Four extensions in ``book/_ext`` replace or wrap something of myst-nb's or Sphinx's:
``execution_cache.py`` (myst-nb's inline client and the function that creates it),
``kernel_sockets.py`` (the kernel manager that client creates), ``merged_streams.py`` (myst-nb's
merge of a cell's printed output) and ``parallel.py`` (Sphinx's partition of the pages among
reading processes, and two extensions it declares safe to read in parallel). An upgrade that
renames or moves one of these would not fail loudly in the build: the patch would apply to
nothing, or wrap a method nobody calls, and the book would build slower, render differently or
start its kernels on racing ports again. Each test here names the patch, what changed and where
CONTRIBUTING explains the workaround ("Patches of myst-nb and Sphinx"), so an upgrade fails here
first, in seconds.
"""

from __future__ import annotations

import inspect
import sys
from importlib import metadata
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "book" / "_ext"))

SEE = "see CONTRIBUTING.md, 'Patches of myst-nb and Sphinx'"


def _parameters(function) -> list[str]:
    return list(inspect.signature(function).parameters)


def test_execution_cache_wraps_the_client_myst_nb_creates():
    import myst_nb.sphinx_ as nb_sphinx
    from myst_nb.core.execute import create_client

    assert nb_sphinx.create_client is create_client, (
        "myst_nb.sphinx_ no longer imports create_client by name: execution_cache.py replaces "
        f"that name and would replace nothing; {SEE}"
    )
    assert "create_client(" in inspect.getsource(nb_sphinx), (
        f"myst_nb.sphinx_ no longer calls create_client; {SEE}"
    )
    assert _parameters(create_client) == [
        "notebook",
        "source",
        "nb_config",
        "logger",
        "read_fmt",
    ], (
        f"myst-nb's create_client now takes {_parameters(create_client)}; execution_cache.py's "
        f"replacement passes (notebook, source, nb_config, logger, read_fmt); {SEE}"
    )


@pytest.mark.parametrize(
    "method",
    [
        "start_client",
        "code_cell_outputs",
        "eval_variable",
        "finalise_client",
        "close_client",
    ],
)
def test_execution_cache_overrides_methods_the_inline_client_has(method):
    from execution_cache import ReplayingInlineClient
    from myst_nb.core.execute.inline import NotebookClientInline

    theirs = getattr(NotebookClientInline, method, None)
    assert theirs is not None, (
        f"myst-nb's NotebookClientInline has no {method} any more; execution_cache.py overrides "
        f"it; {SEE}"
    )
    ours = getattr(ReplayingInlineClient, method)
    assert (
        _parameters(ours)[: len(_parameters(theirs))]
        == _parameters(theirs)[: len(_parameters(ours))]
    ), (
        f"NotebookClientInline.{method} now takes {_parameters(theirs)}; execution_cache.py's "
        f"override takes {_parameters(ours)}; {SEE}"
    )


def test_execution_cache_reads_where_the_inline_client_stands():
    """The replay keys each evaluated expression by the last cell run, a private attribute."""
    from myst_nb.core.execute.inline import NotebookClientInline

    source = inspect.getsource(NotebookClientInline.code_cell_outputs)
    assert "self._last_cell_executed" in source, (
        "myst-nb's inline client no longer counts the cells it ran in _last_cell_executed, which "
        f"execution_cache.py reads to key the {{eval}} values it stores; {SEE}"
    )
    init = inspect.getsource(NotebookClientInline)
    for attribute in ("self.exec_metadata", "self.notebook", "self.logger"):
        assert attribute in init or attribute in inspect.getsource(
            NotebookClientInline.__mro__[1]
        ), f"myst-nb's client no longer has {attribute}; {SEE}"


def test_merged_streams_replaces_the_name_myst_nb_renders_with():
    from myst_nb.core import render, utils

    assert render.coalesce_streams is utils.coalesce_streams, (
        "myst_nb.core.render no longer imports coalesce_streams from myst_nb.core.utils: "
        f"merged_streams.py replaces render.coalesce_streams and would change nothing; {SEE}"
    )
    assert "coalesce_streams(outputs)" in inspect.getsource(render), (
        f"myst-nb's renderer no longer calls coalesce_streams(outputs); {SEE}"
    )
    assert _parameters(utils.coalesce_streams) == ["outputs"], SEE


def test_parallel_replaces_the_partition_sphinx_reads_with():
    import sphinx.builders
    from sphinx.util import parallel

    assert sphinx.builders.make_chunks is parallel.make_chunks, (
        "sphinx.builders no longer imports make_chunks by name: parallel.py replaces "
        f"sphinx.builders.make_chunks and would change nothing; {SEE}"
    )
    assert "make_chunks(docnames, nproc)" in inspect.getsource(
        sphinx.builders.Builder
    ), (
        f"Sphinx's builder no longer partitions the pages with make_chunks; {SEE}"
    )
    assert _parameters(parallel.make_chunks)[:2] == ["arguments", "nproc"], SEE


def test_parallel_hooks_events_sphinx_still_emits():
    from sphinx.events import core_events

    for event in ("builder-inited", "env-before-read-docs"):
        assert event in core_events, (
            f"Sphinx has no {event!r} event any more; parallel.py connects to it; {SEE}"
        )


def test_extensions_declared_parallel_safe_are_the_versions_read():
    """parallel.py declares two extensions safe only at the versions whose code was read."""
    from parallel import UNDECLARED_BUT_SAFE

    for name, version in UNDECLARED_BUT_SAFE.items():
        installed = metadata.version(name.replace("_", "-"))
        assert installed == version, (
            f"{name} is {installed}, not the {version} whose code was read and declared safe for "
            "parallel reading in book/_ext/parallel.py; read the new version's code, then update "
            f"UNDECLARED_BUT_SAFE (until then the -W build fails on its warning); {SEE}"
        )


def test_kernel_sockets_gives_myst_nb_s_kernels_unix_sockets(monkeypatch):
    """kernel_sockets.py wraps the kernel manager myst-nb's inline client creates, so that the
    build's kernels talk over Unix sockets in the build's folder (the book build starts them)."""
    import kernel_sockets
    import nbformat
    from myst_nb.core.execute.inline import ModifiedNotebookClient

    # the patch replaces a class attribute: undone after the test
    monkeypatch.setattr(
        ModifiedNotebookClient,
        "create_kernel_manager",
        ModifiedNotebookClient.create_kernel_manager,
    )
    connected = []

    class App:
        def connect(self, event, handler):
            connected.append(event)

    kernel_sockets.setup(App())
    assert connected == ["build-finished"], SEE
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "language": "python"}
    managers = [
        ModifiedNotebookClient(notebook).create_kernel_manager()
        for _ in range(2)
    ]
    assert all(m.transport == "ipc" for m in managers), (
        "myst-nb's inline client no longer creates its kernel manager through "
        f"create_kernel_manager, which kernel_sockets.py wraps; {SEE}"
    )
    # each kernel its own sockets, in the build's folder
    assert managers[0].ip != managers[1].ip
    assert {Path(m.ip).parent for m in managers} == {kernel_sockets._folder}
    kernel_sockets._remove_folder(None, None)
