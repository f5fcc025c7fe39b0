"""Committed notebooks carry no outputs or execution counts, and open with a parameters cell."""

import nbformat
import pytest
from conftest import CHAPTERS


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

    nb = nbformat.read(notebook, as_version=4)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for node in ast.walk(ast.parse(cell.source)):
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
