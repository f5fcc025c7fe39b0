"""Make the rendered book self-contained and free of console errors.

1. Serve MathJax from the book's own files instead of a CDN, so the mathematics shows offline (a
   student on a train, the test suite with the network blocked). MathJax 3.2.2 comes from the PyPI
   package ``django-static-mathjax``, which ships MathJax's files; only the TeX-to-HTML bundle, its
   TeX extensions, its fonts and its menu are copied.
2. Drop the second copy of an inline script: with jupyter-book 1.0.4 and sphinx-thebe 0.3.1 the
   Thebe configuration (``const THEBE_JS_URL = ...``) lands in every page twice, and the browser
   reports the redeclaration as an error.
3. Drop the executed notebooks' widget state. The book loads no widget JavaScript (widgets need a
   live kernel; pages show static figures instead), so the state was dead weight: a fifth of
   chapter 1's page, with model ids that changed on every build.
4. Load MathJax only on pages with mathematics of their own. Sphinx also counts the equations of
   the pages a page's toctree includes, so the front page, which has none, loaded 1.2 MB of
   MathJax for the chapters it lists.
"""

import shutil
from importlib.util import find_spec
from pathlib import Path

BUNDLE = "tex-chtml.js"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
PARTS = [BUNDLE, "input/tex/extensions", "output/chtml/fonts/woff-v2", "ui"]


def _mathjax_source() -> Path:
    # django-static-mathjax's import name; no need to import it
    spec = find_spec("mathjax")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(
            "MathJax files not found: pip install -r requirements.txt"
        )
    return (
        Path(list(spec.submodule_search_locations)[0])
        / "static"
        / "mathjax"
        / "es5"
    )


def _copy_mathjax(app, exception):
    if exception is not None or app.builder.format != "html":
        return
    source, target = (
        _mathjax_source(),
        Path(app.outdir) / "_static" / "mathjax",
    )
    for part in PARTS:
        src, dst = source / part, target / part
        if src.is_dir():
            shutil.copytree(src, dst, dirs_exist_ok=True)
        else:
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dst)


def _is_mathjax(script) -> bool:
    """MathJax's bundle, or the inline ``window.MathJax = ...`` configuration before it."""
    filename = getattr(script, "filename", script) or ""
    body = getattr(script, "attributes", {}).get("body", "")
    return f"mathjax/{BUNDLE}" in str(filename) or body.startswith(
        "window.MathJax"
    )


def _tidy_scripts(app, pagename, templatename, context, doctree):
    scripts = context.get("script_files")
    if not scripts:
        return
    own_math = (
        app.env.get_domain("math").data["has_equations"].get(pagename, False)
    )
    # Sphinx already drops exact duplicates; these inline copies differ only in having the
    # filename None or "" (the same script added once at set-up and again when the env is read).
    seen, unique = set(), []
    for script in scripts:
        attributes = getattr(script, "attributes", {})
        if attributes.get("type") == WIDGET_STATE:
            continue
        if not own_math and _is_mathjax(script):
            continue
        key = (
            getattr(script, "filename", script) or "",
            tuple(sorted(attributes.items())),
        )
        if key not in seen:
            seen.add(key)
            unique.append(script)
    context["script_files"] = unique


def setup(app):
    _mathjax_source()  # fail early, with the message above, if the package is missing
    app.config.mathjax_path = f"mathjax/{BUNDLE}"
    app.connect("build-finished", _copy_mathjax)
    # run after the other extensions, which may still add scripts for this page
    app.connect("html-page-context", _tidy_scripts, priority=1000)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
