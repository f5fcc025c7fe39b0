"""Committed notebooks carry no outputs or execution counts, open with a parameters cell followed
by the generated setup cell, and keep their logic in helpers/."""

import sys

import nbformat
import pytest
from conftest import CHAPTERS, REPO

sys.path.insert(0, str(REPO / "book"))
import chapter_setup  # noqa: E402


@pytest.mark.parametrize("notebook", CHAPTERS, ids=lambda p: p.stem)
def test_notebook_is_stripped(notebook):
    nb = nbformat.read(notebook, as_version=4)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            assert cell.outputs == [], f"cell {i} has stored outputs"
            assert cell.execution_count is None, (
                f"cell {i} has an execution count"
            )


@pytest.mark.parametrize("notebook", CHAPTERS, ids=lambda p: p.stem)
def test_first_code_cell_is_parameters(notebook):
    nb = nbformat.read(notebook, as_version=4)
    first = next(c for c in nb.cells if c.cell_type == "code")
    assert "parameters" in first.metadata.get("tags", [])
    assert "fast = False" in first.source, (
        "the parameters cell must define fast = False"
    )


@pytest.mark.parametrize("notebook", CHAPTERS, ids=lambda p: p.stem)
def test_setup_cell_follows_the_parameters(notebook):
    """The cell is what book/chapter_setup.py writes from the repository URL and the release,
    hidden in the book; it pins the release of this checkout (a tag, not a branch)."""
    import json

    _, cell = chapter_setup.setup_cell(json.loads(notebook.read_text("utf-8")))
    assert cell is not None, (
        "no setup cell after the parameters: run python book/chapter_setup.py"
    )
    source = "".join(cell["source"])
    assert source == chapter_setup.cell_source(), (
        "the setup cell is out of date: run python book/chapter_setup.py"
    )
    assert cell["metadata"].get("tags") == ["remove-cell"]
    import helpers

    assert f"@v{helpers.__version__}" in source


@pytest.mark.parametrize("notebook", CHAPTERS, ids=lambda p: p.stem)
def test_notebook_is_valid_and_in_the_toc(notebook):
    nb = nbformat.read(notebook, as_version=4)
    nbformat.validate(nb)
    toc = (notebook.parents[1] / "_toc.yml").read_text(encoding="utf-8")
    assert f"chapters/{notebook.stem}" in toc


@pytest.mark.parametrize("notebook", CHAPTERS, ids=lambda p: p.stem)
def test_code_fits_the_rendered_column(notebook):
    """79 characters: what the book's code column shows at 1280 px without a scroll bar."""
    nb = nbformat.read(notebook, as_version=4)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            long = [
                line for line in cell.source.splitlines() if len(line) > 79
            ]
            assert not long, (
                f"cell {i} has lines over 79 characters: {long[0]!r}"
            )


@pytest.mark.parametrize("notebook", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_defines_no_function(notebook):
    """Logic belongs in helpers/ with a test; a chapter holds narrative and calls."""
    import ast

    from IPython.core.inputtransformer2 import TransformerManager

    nb = nbformat.read(notebook, as_version=4)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        python = TransformerManager().transform_cell(cell.source)  # %pip
        for node in ast.walk(ast.parse(python)):
            assert not isinstance(
                node,
                (
                    ast.FunctionDef,
                    ast.AsyncFunctionDef,
                    ast.Lambda,
                    ast.ClassDef,
                ),
            ), (
                f"cell {i} defines a {type(node).__name__} "
                f"(line {node.lineno}); move it to helpers/"
            )
