"""The book builds with warnings as errors (-W -n --keep-going) and has every page."""

import pytest
from conftest import CHAPTERS

pytestmark = pytest.mark.slow


def test_book_builds_with_every_page(built_book):
    for page in [
        "index.html",
        "book/intro.html",
        "book/how_to_use.html",
        "book/data.html",
        "book/glossary.html",
        "book/bibliography.html",
    ]:
        assert (built_book / page).exists(), page
    for notebook in CHAPTERS:
        html = (built_book / "chapters" / f"{notebook.stem}.html").read_text(
            encoding="utf-8"
        )
        assert "<img" in html, f"{notebook.stem} has no figures"
        assert "Traceback" not in html


def test_data_page_lists_every_dataset(built_book):
    html = (built_book / "book" / "data.html").read_text(encoding="utf-8")
    for name in [
        "provinces",
        "fang2025_ai_competitiveness",
        "fang2025_firms_patents",
    ]:
        assert name in html


def test_mathjax_is_served_locally(built_book):
    assert (built_book / "_static" / "mathjax" / "tex-chtml.js").exists()
    html = (built_book / "chapters" / f"{CHAPTERS[0].stem}.html").read_text(
        encoding="utf-8"
    )
    assert (
        "_static/mathjax/tex-chtml.js" in html and "cdn.jsdelivr" not in html
    )


def test_pages_carry_no_dead_scripts(built_book):
    """No duplicated inline scripts, and no widget state (the book loads no widget JavaScript)."""
    for page in built_book.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert html.count("const THEBE_JS_URL") <= 1, page
        assert "application/vnd.jupyter.widget-state+json" not in html, page
