"""Run a chapter as the book renders it, to test what its prose says.

papermill executes the code but leaves the prose's ``{eval}`name``` roles as they are; the book
(myst-nb's inline execution) and JupyterLab (jupyterlab-myst) fill them with the kernel's values.
:func:`execute` does the same: it injects the parameters as papermill does, runs the code cells in
order in one kernel, and after each Markdown cell evaluates its roles in that kernel, so a test can
read the text a reader would read for that run.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path

import nbformat
from jupyter_client.manager import KernelManager
from myst_nb.core.execute.inline import ModifiedNotebookClient
from nbclient.exceptions import CellExecutionError
from papermill.iorw import load_notebook_node
from papermill.parameterize import parameterize_notebook

EVAL = re.compile(r"\{eval\}`([^`]+)`")
# what myst-nb evaluates (its nb_eval_name_regex, which _config.yml leaves at the default): a
# plain name; the book's build refuses anything else with a warning, which -W makes an error
EVAL_NAME = re.compile(r"^[a-zA-Z_][a-zA-Z0-9_]*$")


@dataclass
class Executed:
    notebook: nbformat.NotebookNode
    error: str | None  # the name of the error that stopped the run, if one did
    # in reading order: ("prose", a Markdown cell with its roles filled) or ("output", a code
    # cell's text output), up to where the run stopped
    blocks: list[tuple[str, str]]
    # the index of each Markdown cell with {eval} roles -> its text with the roles filled
    filled: dict[int, str]

    @property
    def prose(self) -> list[str]:
        return [text for kind, text in self.blocks if kind == "prose"]

    @property
    def printed(self) -> list[str]:
        return [text for kind, text in self.blocks if kind == "output"]

    @property
    def text(self) -> str:
        """All a reader sees: the prose and the printed outputs."""
        return "\n".join(text for _, text in self.blocks)

    def section(self, start: str, end: str | None = None) -> str:
        """What a reader sees from the prose block that starts with ``start`` up to the one that
        starts with ``end`` (or the end)."""
        found, out = False, []
        for kind, text in self.blocks:
            if kind == "prose" and text.startswith(start):
                found = True
            elif found and end and kind == "prose" and text.startswith(end):
                break
            if found:
                out.append(text)
        assert found, f"no section starting {start!r}"
        return "\n".join(out)

    @property
    def error_line(self) -> str:
        """What the failing cell showed (its rendered traceback), joined."""
        for cell in self.notebook.cells:
            for output in cell.get("outputs", []):
                if output.get("output_type") == "error":
                    return "\n".join(output.get("traceback", []))
        return ""


def _name(expression: str) -> str:
    if not EVAL_NAME.match(expression):
        raise AssertionError(
            f"{{eval}}`{expression}`: the book evaluates only plain names (myst-nb's "
            "eval_name_regex); compute it into a variable"
        )
    return expression


def _value(outputs: list) -> str:
    for output in outputs:
        if output.get("output_type") == "error":
            raise AssertionError(
                f"{output['ename']}: {output['evalue']} while evaluating prose"
            )
        if "text/plain" in output.get("data", {}):
            text = output["data"]["text/plain"]
            if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
                text = text[1:-1]
            return text
    raise AssertionError("an {eval} role gave no value")


TEXT = ("text/plain", "text/markdown", "text/html")


def _printed(cell) -> list[str]:
    found = []
    for output in cell.get("outputs", []):
        if output.get("output_type") == "stream":
            found.append(output["text"])
        for kind in TEXT:
            if kind in output.get("data", {}):
                found.append(output["data"][kind])
    return found


def execute(notebook: Path, folder: Path, **parameters) -> Executed:
    """Run ``notebook`` in ``folder`` with ``parameters``; stop at the first error."""
    return execute_node(
        load_notebook_node(str(notebook)), folder, **parameters
    )


def execute_node(
    nb: nbformat.NotebookNode, folder: Path, **parameters
) -> Executed:
    """:func:`execute` for a notebook already read (papermill's reader: ``load_notebook_node``),
    for example a chapter turned into its answer key."""
    nb = _as_papermill_reads(nb)
    nb = parameterize_notebook(nb, parameters, kernel_name="python3")
    # The kernel talks over Unix sockets in a folder of its own: TCP ports are picked free and
    # bound later, so kernels started side by side can race for the same port.
    sockets = tempfile.mkdtemp(prefix="kernel-")
    manager = KernelManager(
        kernel_name="python3", transport="ipc", ip=str(Path(sockets) / "ipc")
    )
    client = ModifiedNotebookClient(
        nb,
        km=manager,
        kernel_name="python3",
        resources={"metadata": {"path": str(folder)}},
        timeout=600,
        allow_errors=False,
        shutdown_kernel="immediate",  # the run is over; nothing to flush
        record_timing=False,  # as myst-nb's inline execution (its evaluation needs it)
    )
    blocks, filled, error = [], {}, None
    try:
        _run(client, nb, blocks, filled)
    except CellExecutionError as caught:
        error = caught.ename
    finally:
        shutil.rmtree(sockets, ignore_errors=True)
    return Executed(nb, error, blocks, filled)


def _as_papermill_reads(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """``nb`` with the metadata papermill's reader adds (it parameterises only such a node)."""
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "notebook.ipynb"
        nbformat.write(nb, path)
        return load_notebook_node(str(path))


def _run(client, nb, blocks: list, filled: dict) -> None:
    with warnings.catch_warnings():
        # nbclient and jupyter_client internals
        warnings.simplefilter("ignore")
        with client.setup_kernel():
            for i, cell in enumerate(nb.cells):
                if cell.cell_type == "code":
                    client.execute_cell(cell, i)
                    blocks.extend(("output", t) for t in _printed(cell))
                elif cell.cell_type == "markdown":
                    text = EVAL.sub(
                        lambda m: _value(
                            client.eval_expression(_name(m.group(1)))
                        ),
                        cell.source,
                    )
                    blocks.append(("prose", text))
                    if text != cell.source:
                        filled[i] = text
