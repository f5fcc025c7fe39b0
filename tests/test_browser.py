"""Open the rendered book in headless Chromium: every page loads, has its title, shows its figures
and logs no console errors. Screenshots go to _build/screenshots/.

Uses Debian's chromium (/usr/bin/chromium) driven by Playwright's Python package. Where it is
missing the test is skipped with the install command, except in CI, where it must run.
"""

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest
from conftest import CHAPTERS, REPO

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
BOOK_TITLE = "AI and Regional Development"


@pytest.fixture(scope="module")
def chromium() -> str:
    if not Path(CHROMIUM).exists():
        message = "Chromium is not installed; on Debian or Ubuntu: sudo apt-get install chromium"
        if os.environ.get("CI"):
            pytest.fail(
                message
                + " (CI must run the browser test; .ci/run installs it)"
            )
        pytest.skip(message)
    return CHROMIUM


@pytest.fixture(scope="module")
def server(built_book):
    handler = functools.partial(QuietHandler, directory=str(built_book))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep the test output clean
        pass


PAGES = [
    ("index.html", "AI and Regional Development"),
    ("book/data.html", "Data"),
] + [(f"chapters/{nb.stem}.html", None) for nb in CHAPTERS]


@pytest.mark.parametrize("page, title", PAGES, ids=[p for p, _ in PAGES])
def test_page_renders(chromium, server, page, title):
    from playwright.sync_api import sync_playwright

    shots = REPO / "_build" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        try:
            tab = browser.new_page(viewport={"width": 1280, "height": 900})
            tab.on(
                "console",
                lambda m: errors.append(m.text) if m.type == "error" else None,
            )
            tab.on("pageerror", lambda e: errors.append(str(e)))
            tab.on(
                "requestfailed",
                lambda r: errors.append(f"failed request {r.url}"),
            )
            # name the URL of any HTTP error: the console message alone does not say which resource
            tab.on(
                "response",
                lambda r: (
                    errors.append(f"HTTP {r.status} {r.url}")
                    if r.status >= 400
                    else None
                ),
            )
            response = tab.goto(f"{server}/{page}", wait_until="networkidle")
            assert response is not None and response.ok, (
                f"{page}: HTTP {response and response.status}"
            )
            page_title = tab.title()
            assert BOOK_TITLE in page_title
            if title is not None:
                assert page_title.startswith(title)
            images = tab.evaluate(
                "Array.from(document.images).map(i => [i.src, i.complete && i.naturalWidth > 0])"
            )
            broken = [src for src, ok in images if not ok]
            assert broken == [], f"{page}: images that did not load: {broken}"
            if page.startswith("chapters/"):
                figures = [src for src, _ in images if "_images/" in src]
                assert figures, f"{page}: no figure images"
                assert tab.locator("mjx-container").count() > 0, (
                    f"{page}: no typeset mathematics"
                )
            tab.screenshot(
                path=str(
                    shots
                    / (page.replace("/", "_").removesuffix(".html") + ".png")
                ),
                full_page=True,
            )
        finally:
            browser.close()
    assert errors == [], f"{page}: console errors: {errors}"
