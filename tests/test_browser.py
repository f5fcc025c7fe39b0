"""Open the rendered book in headless Chromium: every page loads, has its title, shows its figures
and logs no console errors; chapter pages carry launch (Binder, Colab), repository, issues and
download buttons that point at the right notebook. Screenshots go to _build/screenshots/.

Uses Debian's chromium (/usr/bin/chromium) driven by Playwright's Python package. Where it is
missing the test is skipped with the install command, except in CI, where it must run.
"""

import functools
import http.server
import json
import threading

import pytest
from conftest import ARGS, CHAPTERS, REPO

pytestmark = [pytest.mark.slow, pytest.mark.browser]

BOOK_TITLE = "AI and Regional Development"


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
    ("book/replicators.html", "Replicator"),
    ("book/instructors.html", "Instructor"),
] + [(f"chapters/{nb.stem}.html", None) for nb in CHAPTERS]


def test_site_root_serves_a_favicon(server):
    """A browser asks for /favicon.ico on a page without an icon link (the redirecting
    index.html); a 404 there is a console error, seen or not depending on timing."""
    import urllib.request

    with urllib.request.urlopen(f"{server}/favicon.ico") as response:
        assert response.status == 200
        assert response.read(4) == b"\x00\x00\x01\x00"  # an ICO header


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


def expected_links(stem: str) -> dict[str, str]:
    """The launch and repository URLs a chapter page must carry, from _config.yml alone."""
    import yaml

    config = yaml.safe_load((REPO / "_config.yml").read_text(encoding="utf-8"))
    repository = config["repository"]["url"].rstrip("/")
    branch = config["repository"]["branch"]
    owner_repo = repository.removeprefix("https://github.com/")
    notebook = f"chapters/{stem}.ipynb"
    binder = config["launch_buttons"]["binderhub_url"].rstrip("/")
    colab = config["launch_buttons"]["colab_url"].rstrip("/")
    return {
        "Binder": f"{binder}/v2/gh/{owner_repo}/{branch}?urlpath=lab/tree/{notebook}",
        "Colab": f"{colab}/github/{owner_repo}/blob/{branch}/{notebook}",
        "Repository": repository,
    }


@pytest.mark.parametrize("notebook", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_page_has_launch_repository_and_download_buttons(
    chromium, server, notebook
):
    """The rocket menu opens Binder and Colab on this chapter's notebook in the configured
    repository and branch; the repository and issues buttons are there; the download button
    serves this chapter's notebook."""
    from playwright.sync_api import sync_playwright

    wanted = expected_links(notebook.stem)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        try:
            tab = browser.new_page(viewport={"width": 1280, "height": 900})
            tab.goto(f"{server}/chapters/{notebook.stem}.html")
            tab.locator(".dropdown-launch-buttons > button").click()
            for name in ("Binder", "Colab"):
                link = tab.locator(".dropdown-launch-buttons a", has_text=name)
                assert link.is_visible(), f"no visible {name} button"
                assert link.get_attribute("href") == wanted[name]
            tab.locator(".dropdown-source-buttons > button").click()
            repository = tab.locator(".btn-source-repository-button")
            assert repository.is_visible()
            assert repository.get_attribute("href") == wanted["Repository"]
            issues = tab.locator(".btn-source-issues-button")
            assert issues.get_attribute("href").startswith(
                wanted["Repository"] + "/issues/new"
            )
            tab.locator(".dropdown-download-buttons > button").click()
            download = tab.locator(".btn-download-source-button")
            assert download.is_visible()
            response = tab.request.get(
                tab.evaluate(
                    "() => document.querySelector("
                    "'.btn-download-source-button').href"
                )
            )
            assert response.ok
            served = json.loads(response.body())
            assert served == json.loads(notebook.read_text(encoding="utf-8"))
        finally:
            browser.close()
