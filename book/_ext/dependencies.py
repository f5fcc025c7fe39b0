"""Re-execute a chapter when the code or data it uses change, not only when its notebook does.

Sphinx re-reads (and myst-nb, executing inline, re-executes) a page when its source changed or
when a file noted with ``env.note_dependency`` is newer than the last read. For every notebook
this extension notes:

- the ``helpers`` modules the notebook imports, and everything they import from ``helpers`` in
  turn (with the ``__init__.py`` of every package on the way, which Python runs too);
- the datasets (``data/<name>.csv`` and its manifest ``<name>.yml``) whose name appears as a
  string in the notebook's code or in one of those modules (``data.load("chen_tang_fevd")``,
  ``CLAIMS = "chen_tang_claims"``).

The analysis is static (``ast``), so an edit to ``helpers/pvar/gmm.py`` re-executes the chapters
that reach it through their imports and leaves the others cached. A dataset named only at run
time (from a variable built by string operations) would be missed; none is today, and
tests/test_book.py checks the dependencies of the built book.
"""

from __future__ import annotations

import ast
import json
import os
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "helpers"


def _module_file(module: str) -> Path | None:
    """The file of ``helpers.a.b``: ``helpers/a/b.py`` or ``helpers/a/b/__init__.py``."""
    base = ROOT.joinpath(*module.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _package_inits(module: str) -> list[Path]:
    """The ``__init__.py`` files Python runs before ``module``: one per enclosing package."""
    parts = module.split(".")
    return [
        init
        for i in range(1, len(parts) + 1)
        if (init := ROOT.joinpath(*parts[:i], "__init__.py")).is_file()
    ]


def _imports(tree: ast.AST, module: str | None, is_package: bool) -> set[str]:
    """The ``helpers`` modules imported in ``tree`` (``module`` resolves relative imports)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                if module is None:
                    continue
                parts = module.split(".")
                keep = len(parts) - node.level + (1 if is_package else 0)
                base = ".".join(
                    parts[:keep] + ([node.module] if node.module else [])
                )
            else:
                base = node.module or ""
            found.add(base)
            # from helpers import data: data may be a module rather than a name
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {
        name
        for name in found
        if (name == PACKAGE or name.startswith(PACKAGE + "."))
        and _module_file(name)
    }


def _strings(tree: ast.AST) -> set[str]:
    return {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }


@cache
def _module_facts(module: str) -> tuple[frozenset[str], frozenset[str]]:
    """(the helpers modules ``module`` imports, the strings in its code)."""
    path = _module_file(module)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return (
        frozenset(_imports(tree, module, path.name == "__init__.py")),
        frozenset(_strings(tree)),
    )


def _notebook_tree(path: Path) -> ast.AST:
    """The notebook's code cells as one module (IPython magics and shell lines dropped)."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    body = []
    for cell in cells:
        if cell["cell_type"] != "code":
            continue
        lines = "".join(cell["source"]).splitlines()
        code = "\n".join(
            line for line in lines if not line.lstrip().startswith(("%", "!"))
        )
        try:
            body.extend(ast.parse(code).body)
        except SyntaxError:
            continue
    return ast.Module(body=body, type_ignores=[])


def dependencies(notebook: str | Path) -> list[Path]:
    """The helpers files and datasets ``notebook`` uses, as absolute paths, sorted."""
    tree = _notebook_tree(Path(notebook))
    pending, seen = list(_imports(tree, None, False)), set()
    strings = _strings(tree)
    while pending:
        module = pending.pop()
        if module in seen:
            continue
        seen.add(module)
        imported, texts = _module_facts(module)
        strings |= texts
        pending.extend(imported - seen)
    files = {_module_file(m) for m in seen}
    files.update(init for m in seen for init in _package_inits(m))
    datasets = {p.stem for p in (ROOT / "data").glob("*.csv")}
    for name in strings & datasets:
        files.update(
            ROOT / "data" / f"{name}{suffix}" for suffix in (".csv", ".yml")
        )
    return sorted(f for f in files if f.is_file())


def _note(app, doctree) -> None:
    env = app.env
    source = Path(env.doc2path(env.docname))
    if source.suffix == ".ipynb":
        for path in dependencies(source):
            # relative to the source folder, so a moved checkout keeps its cache
            env.note_dependency(os.path.relpath(path, app.srcdir))


def setup(app):
    # a long-lived process (sphinx-autobuild) must not keep an old reading of the modules
    app.connect("builder-inited", lambda app: _module_facts.cache_clear())
    app.connect("doctree-read", _note)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
