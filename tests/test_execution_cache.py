"""The execution cache's derived runs (book/_ext/execution_cache.py): the student edition replays
the book's stored run of each chapter for the cells it keeps. The client's replay itself is tested
with a build in tests/test_book.py."""

import sys

from conftest import REPO
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

sys.path.insert(0, str(REPO / "book" / "_ext"))
from execution_cache import derived_run  # noqa: E402


def notebook(*cells):
    return new_notebook(cells=list(cells))


def test_a_run_is_derived_for_the_cells_kept_and_values_follow_them():
    setup = new_code_cell("x = 1", id="a")
    solution = new_code_cell("y = x + 1", id="b")
    later = new_code_cell("print(x)", id="c")
    full = notebook(
        setup, new_markdown_cell("{eval}`x`", id="m1"), solution, later
    )
    stored = {
        "key": "old",
        "cells": [[1, []], [2, []], [3, ["3's output"]]],
        # asked after cell 0 (setup), after cell 2 (the solution) and after cell 3
        "evaluated": {"0:x": ["one"], "2:y": ["two"], "3:x": ["one again"]},
        "metadata": {},
    }
    part = notebook(setup, new_markdown_cell("{eval}`x`", id="m1"), later)
    derived = derived_run(stored, full, part, "new")
    assert derived["key"] == "new"
    assert derived["cells"] == [[1, []], [3, ["3's output"]]]
    # the value asked after the solution is gone: that page would execute after all
    assert derived["evaluated"] == {"0:x": ["one"], "2:x": ["one again"]}


def test_no_run_is_derived_for_a_cell_the_full_notebook_lacks():
    full = notebook(new_code_cell("x = 1", id="a"))
    stored = {"key": "k", "cells": [[1, []]], "evaluated": {}, "metadata": {}}
    changed = notebook(new_code_cell("x = 2", id="a"))
    new = notebook(new_code_cell("x = 1", id="a"), new_code_cell("z", id="z"))
    assert derived_run(stored, full, changed, "k2") is None
    assert derived_run(stored, full, new, "k2") is None
