"""Committed notebooks carry no outputs or execution counts, open with a parameters cell followed
by the generated setup cell, and keep their logic in helpers/."""

import sys

import nbformat
import pytest
from conftest import CHAPTERS, REPO

sys.path.insert(0, str(REPO / "book"))
import chapter_cells  # noqa: E402


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
def test_generated_cells_are_current(notebook):
    """The setup cell and the collapsed solutions are what book/chapter_cells.py writes."""
    text = notebook.read_text(encoding="utf-8")
    assert chapter_cells.updated(text) == text, (
        "the chapter's generated cells are out of date: run make chapter-cells"
    )


def test_setup_cells_install_a_published_commit_with_todays_package():
    """Every setup cell installs one commit, hidden in the book; the commit is in the history of
    this checkout (what the repository publishes) and the package's files there are those of the
    working tree, so Colab and a downloaded notebook get the package the book was built with."""
    import json
    import re

    commits = set()
    for notebook in CHAPTERS:
        notebook_json = json.loads(notebook.read_text("utf-8"))
        _, cell = chapter_cells.setup_cell(notebook_json)
        assert cell is not None and cell["metadata"]["tags"] == ["remove-cell"]
        found = re.findall(r'"@([0-9a-f]{40})"', "".join(cell["source"]))
        assert len(found) == 1, f"{notebook.name}: no commit in its setup cell"
        commits |= set(found)
    assert len(commits) == 1, (
        f"the chapters install different commits: {commits}"
    )
    (commit,) = commits
    chapter_cells.git("cat-file", "-e", f"{commit}^{{commit}}")
    chapter_cells.git("merge-base", "--is-ancestor", commit, "HEAD")
    paths = ("--", *chapter_cells.PACKAGE_FILES)
    changed = [
        *chapter_cells.git("diff", "--name-only", commit, *paths).split(),
        # new files not yet added
        *chapter_cells.git(
            "ls-files", "--others", "--exclude-standard", *paths
        ).split(),
    ]
    assert not changed, (
        f"the setup cells install commit {commit[:12]}, but the package has changed since: "
        f"{changed[:5]}; commit the change, run make chapter-cells and commit the chapters"
    )


@pytest.mark.parametrize("notebook", CHAPTERS, ids=lambda p: p.stem)
def test_solution_code_and_output_are_folded_in_jupyterlab_and_nothing_else(
    notebook,
):
    nb = nbformat.read(notebook, as_version=4)
    collapsed = [
        i for i, c in enumerate(nb.cells) if c.metadata.get("jupyter")
    ]
    assert collapsed, "no solution code cells found"
    for i in collapsed:
        assert nb.cells[i].cell_type == "code"
        # the code and what it prints: a printed answer is an answer
        assert nb.cells[i].metadata["jupyter"] == {
            "source_hidden": True,
            "outputs_hidden": True,
        }
        before = "".join(
            c.source for c in nb.cells[:i] if c.cell_type == "markdown"
        )
        # the nearest directive above is a solution-start, not a solution-end
        assert before.rfind("{solution-start}") > before.rfind(
            "{solution-end}"
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


# The tag of a teaching cell: the chapter's core computation written out as a small function
# and checked against the package (issue 32, item 2).
ALGORITHM = "algorithm"
# Chapters that teach an estimator or index; 06 audits printed figures and has none.
METHOD_CHAPTERS = [p for p in CHAPTERS if not p.stem.startswith("06_")]
# What a teaching cell's check may not count as "the package": showing, running, auditing.
NOT_THE_METHOD = {
    "helpers.display",
    "helpers.runs",
    "helpers.chapters",
    "helpers.audit",
}


def _python(cell):
    """The cell's code as an AST (IPython's %magics turned into Python first)."""
    import ast

    from IPython.core.inputtransformer2 import TransformerManager

    return ast.parse(TransformerManager().transform_cell(cell.source))


def _tags(cell) -> list:
    return cell.metadata.get("tags", [])


@pytest.mark.parametrize("notebook", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_defines_functions_only_in_teaching_cells(notebook):
    """Logic belongs in helpers/ with a test; a chapter holds narrative and calls, and, in a cell
    tagged ``algorithm``, its method written out as a small function. No class or lambda
    anywhere."""
    import ast

    nb = nbformat.read(notebook, as_version=4)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        teaching = ALGORITHM in _tags(cell)
        for node in ast.walk(_python(cell)):
            defines = isinstance(node, (ast.Lambda, ast.ClassDef)) or (
                isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))
                and not teaching
            )
            assert not defines, (
                f"cell {i} ({cell.get('id')}) defines a {type(node).__name__} (line "
                f"{node.lineno}); move it to helpers/ (only a cell tagged {ALGORITHM!r} may define "
                "a function, to write the method out)"
            )


def _package_names(nb) -> set:
    """Names the notebook binds by importing the package (helpers, except its display, run and
    audit modules) or the libraries it checks itself against (statsmodels, linearmodels)."""
    import ast

    names = set()
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        for node in ast.walk(_python(cell)):
            if isinstance(node, ast.Import):
                pairs = [
                    (a.name, a.asname or a.name.split(".")[0])
                    for a in node.names
                ]
            elif isinstance(node, ast.ImportFrom) and node.module:
                pairs = [
                    (f"{node.module}.{a.name}", a.asname or a.name)
                    for a in node.names
                ]
            else:
                continue
            for module, name in pairs:
                top = module.split(".")[0]
                if top in (
                    "helpers",
                    "statsmodels",
                    "linearmodels",
                ) and not any(
                    module == m or module.startswith(m + ".")
                    for m in NOT_THE_METHOD
                ):
                    names.add(name)
    return names


def checks_against_package(tree, package: set) -> bool:
    """Whether an ``assert`` of the cell depends both on a call of a function the cell defines and
    on the package: the names in its test, followed back through the cell's assignments (outside
    the functions), must include the cell's own function and a name in ``package``."""
    import ast

    own = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
    inside = {
        id(node)
        for f in tree.body
        if isinstance(f, ast.FunctionDef)
        for node in ast.walk(f)
        if node is not f
    }
    statements = [n for n in ast.walk(tree) if id(n) not in inside]
    bindings = []  # (names bound, node they are computed from)
    for node in statements:
        if isinstance(node, ast.Assign):
            bindings += [(t, node.value) for t in node.targets]
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)) and node.value:
            bindings.append((node.target, node.value))
        elif isinstance(node, (ast.For, ast.comprehension)):
            bindings.append((node.target, node.iter))

    def names(node) -> set:
        return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}

    depends: dict = {}
    changed = True
    while (
        changed
    ):  # to a fixed point, so that the order of the statements does not matter
        changed = False
        for target, value in bindings:
            used = names(value)
            used |= set().union(*(depends.get(n, set()) for n in used))
            for name in names(target):
                if not used <= depends.get(name, set()):
                    depends[name] = depends.get(name, set()) | used
                    changed = True
    for node in statements:
        if isinstance(node, ast.Assert):
            used = names(node.test)
            used |= set().union(*(depends.get(n, set()) for n in used))
            if used & own and used & package:
                return True
    return False


@pytest.mark.parametrize("notebook", METHOD_CHAPTERS, ids=lambda p: p.stem)
def test_method_chapter_writes_its_method_out_and_checks_it(notebook):
    """Each method chapter has a teaching cell (tagged ``algorithm``) that writes its core
    computation out as a function and asserts that it agrees with the package: a teaching cell
    that checks nothing, or checks the function against itself, fails here."""
    nb = nbformat.read(notebook, as_version=4)
    package = _package_names(nb)
    cells = [
        c for c in nb.cells if c.cell_type == "code" and ALGORITHM in _tags(c)
    ]
    assert cells, f"no cell tagged {ALGORITHM!r}"
    checked = [
        c.get("id")
        for c in cells
        if checks_against_package(_python(c), package)
    ]
    assert checked, (
        f"no {ALGORITHM!r} cell asserts that its own function agrees with the package "
        f"({', '.join(str(c.get('id')) for c in cells)})"
    )
    for cell in cells:
        # the markdown before it states the equations it writes out
        before = nb.cells[nb.cells.index(cell) - 1]
        assert before.cell_type == "markdown" and "$" in before.source, (
            f"cell {cell.get('id')}: the Markdown cell before a teaching cell states its equations"
        )


def test_the_teaching_cell_check_can_fail():
    """The check above accepts a function compared with the package and rejects a comparison of
    the function with itself, an assert on the package alone and a cell without an assert."""
    import ast

    package = {"regional"}
    head = "def gini(y):\n    return y.sum()\n\nmine = gini(y)\n"
    good = (
        head + "theirs = regional.gini(y)\nassert np.isclose(mine, theirs)\n"
    )
    assert checks_against_package(ast.parse(good), package)
    for bad in (
        head + "assert np.isclose(mine, gini(y))\n",
        head + "assert regional.gini(y) > 0\n",
        head + "theirs = regional.gini(y)\nprint(mine, theirs)\n",
    ):
        assert not checks_against_package(ast.parse(bad), package), bad


@pytest.mark.parametrize("notebook", CHAPTERS, ids=lambda p: p.stem)
def test_no_cell_ends_by_showing_what_the_run_wrote(notebook):
    """``run.save(...)`` returns the file's path; left as a cell's last line, the reader would see
    ``PosixPath('/home/...')``, which is noise and differs from machine to machine. (``run.finish``
    is meant to be shown: it returns the files written and the scorecard, for reading; so is
    ``run.table``, which returns the table it saved, for reading.)"""
    import ast

    from IPython.core.inputtransformer2 import TransformerManager

    nb = nbformat.read(notebook, as_version=4)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or not cell.source.strip():
            continue
        body = ast.parse(TransformerManager().transform_cell(cell.source)).body
        last = body[-1] if body else None
        shown = (
            isinstance(last, ast.Expr)
            and isinstance(last.value, ast.Call)
            and isinstance(last.value.func, ast.Attribute)
            and isinstance(last.value.func.value, ast.Name)
            and last.value.func.value.id == "run"
            and last.value.func.attr not in ("finish", "table")
            and not cell.source.rstrip().endswith(";")
        )
        assert not shown, f"cell {i} ends with run.{last.value.func.attr}(...)"


def test_every_exercise_has_its_classroom_entry_and_no_other():
    """book/classroom.yml describes the chapters' exercises, all of them and nothing else."""
    import classroom

    labels = [
        e.label
        for notebook in CHAPTERS
        for e in classroom.exercises(nbformat.read(notebook, as_version=4))
    ]
    assert len(labels) == len(set(labels)), "an exercise label is repeated"
    assert sorted(labels) == sorted(classroom.SPEC["exercises"])
    for label, item in classroom.SPEC["exercises"].items():
        assert item.get("answers") or item.get("prose"), label
        for answer in item.get("answers", []):
            assert answer["kind"] in (
                "number",
                "integer",
                "boolean",
                "text",
                "names",
            )
            assert {"name", "ask", "key"} <= set(answer), (label, answer)


@pytest.mark.parametrize("notebook", CHAPTERS, ids=lambda p: p.stem)
def test_cells_hold_no_control_characters(notebook):
    """A control character in a cell is almost always a LaTeX command whose backslash an editing
    script read as an escape (\\b of \\big, \\v of \\varepsilon): MathJax then shows a red "Math
    input error" in the book."""
    import re

    nb = nbformat.read(notebook, as_version=4)
    for i, cell in enumerate(nb.cells):
        found = re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", cell.source)
        assert found is None, (
            f"cell {i} ({cell.get('id')}) holds {found.group()!r} near "
            f"{cell.source[max(0, found.start() - 20) : found.end() + 10]!r}"
        )


@pytest.mark.parametrize("notebook", CHAPTERS, ids=lambda p: p.stem)
def test_no_prose_line_starts_with_a_plus(notebook):
    """Markdown reads a line that starts with "+ " as a list bullet: a formula wrapped before its
    plus sign becomes a new list item and the mathematics breaks (seen in chapters 6 and 7). Put
    the sign at the end of the previous line instead; the book writes its lists with "-"."""
    import re

    nb = nbformat.read(notebook, as_version=4)
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            assert not re.match(r"\s*\+\s", line), (
                f"cell {cell.get('id')}: a line starts with '+': {line[:60]!r}"
            )


@pytest.mark.parametrize("notebook", CHAPTERS, ids=lambda p: p.stem)
def test_figure_references_read_the_same_in_jupyterlab(notebook):
    """A reference's text is shown as written in JupyterLab, where jupyterlab-myst cannot number
    a figure that is a code cell's output: ``{numref}`Figure %s <label>``` read "Figure %s"
    there. References say which figure in words, with {ref} (the book numbers the captions)."""
    import re

    nb = nbformat.read(notebook, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            found = re.findall(r"\{numref\}`[^`]*%s[^`]*`", cell.source)
            assert found == [], f"{cell.get('id')}: {found}"


def test_files_the_text_names_exist():
    """Every file of the repository that the package's docstrings, the chapters, the book's
    pages, the extensions or the contributor docs name by its path exists: moved tests left
    pointers to tests/test_inequality.py and tests/test_pvar.py behind (issue 32)."""
    import re
    import subprocess

    # illustrations of a pattern, not files (book/_ext/dependencies.py)
    examples = {"helpers/a/b.py", "helpers/a/b/__init__.py"}
    texts = [
        *REPO.glob("helpers/**/*.py"),
        *CHAPTERS,
        *REPO.glob("book/*.md"),
        *REPO.glob("book/*.py"),
        *REPO.glob("book/_ext/*.py"),
        *REPO.glob("benchmarks/*.py"),
        REPO / "README.md",
        REPO / "CONTRIBUTING.md",
        REPO / "Makefile",
        REPO / "pyproject.toml",
    ]
    pattern = re.compile(
        r"(?:tests|helpers|book|benchmarks)/[A-Za-z0-9_./-]+\.(?:json|js|css|yml|py|md)\b"
    )
    missing = sorted(
        (str(text.relative_to(REPO)), path)
        for text in texts
        for path in set(pattern.findall(text.read_text(encoding="utf-8")))
        if path not in examples and not (REPO / path).exists()
    )
    # what git ignores is made by an install or a run (tests/node_modules/ after npm ci)
    made = subprocess.run(
        ["git", "check-ignore", "--stdin"],
        input="\n".join(path for _, path in missing),
        capture_output=True,
        text=True,
        cwd=REPO,
    ).stdout.split()
    assert [
        f"{text}: {path}" for text, path in missing if path not in made
    ] == []
