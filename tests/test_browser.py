"""Open the rendered book in headless Chromium: every page loads, has its title, shows its figures
and logs no console errors; chapter pages carry launch (Binder, Colab), repository, issues and
download buttons that point at the right notebook; no page has a serious or critical
accessibility fault by axe-core; a chapter's figures are numbered, captioned, described and drawn
large enough to read, and its code fits the column. Screenshots of every page go to
the run's temporary folder (conftest's ``screenshots``) for review.

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
    ("book/how_to_use.html", "How to use"),
    ("book/data.html", "Data"),
    ("book/replicators.html", "Replicator"),
    ("book/instructors.html", "Instructor"),
    ("book/scorecard.html", "Replication appendix"),
    ("book/checklist.html", "Reading an empirical paper"),
    ("book/glossary.html", "Glossary"),
    ("book/bibliography.html", "Bibliography"),
] + [(f"chapters/{nb.stem}.html", None) for nb in CHAPTERS]

#: axe-core findings the book cannot fix, by rule id, with the reason. Empty: the theme's search
#: and colour-mode buttons are fixed by the templates in book/_templates, myst-nb's and docutils'
#: markup by book/_ext/accessibility.py.
ALLOWED_AXE_FINDINGS: dict[str, str] = {}


def test_site_root_serves_a_favicon(server):
    """A browser asks for /favicon.ico on a page without an icon link (the redirecting
    index.html); a 404 there is a console error, seen or not depending on timing."""
    import urllib.request

    with urllib.request.urlopen(f"{server}/favicon.ico") as response:
        assert response.status == 200
        assert response.read(4) == b"\x00\x00\x01\x00"  # an ICO header


@pytest.mark.parametrize("page, title", PAGES, ids=[p for p, _ in PAGES])
def test_page_renders(chromium, server, page, title, screenshots):
    from playwright.sync_api import sync_playwright

    shots = screenshots
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
                    "() => document.querySelector('.btn-download-source-button').href"
                )
            )
            assert response.ok
            served = json.loads(response.body())
            assert served == json.loads(notebook.read_text(encoding="utf-8"))
        finally:
            browser.close()


@pytest.mark.parametrize("page, title", PAGES, ids=[p for p, _ in PAGES])
def test_page_has_no_serious_accessibility_fault(
    chromium, axe_script, server, page, title
):
    """axe-core's rules (WCAG 2.x A and AA and its best practices) on the page as loaded: no
    finding of serious or critical impact outside the allow-list."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        try:
            tab = browser.new_page(viewport={"width": 1280, "height": 900})
            tab.goto(f"{server}/{page}", wait_until="networkidle")
            tab.add_script_tag(content=axe_script)
            found = tab.evaluate(
                """async () => (await axe.run(document, {resultTypes: ["violations"]}))
                .violations
                .filter(v => v.impact === "serious" || v.impact === "critical")
                .map(v => `${v.id} (${v.impact}, ${v.nodes.length}x): ${v.help}; `
                     + `first at ${v.nodes[0].target.join(" ")}`)"""
            )
        finally:
            browser.close()
    found = [f for f in found if f.split(" ")[0] not in ALLOWED_AXE_FINDINGS]
    assert found == [], f"{page}: " + "\n".join(found)


#: A chapter's figures are shown at no less than this fraction of their natural size; their
#: smallest text is 8 pt (test_figure_text_is_at_least_8_points) at 100 dpi, 11.1 px, so on
#: screen at least 8.9 px.
MIN_FIGURE_SCALE = 0.8


@pytest.mark.parametrize("notebook", CHAPTERS, ids=lambda p: p.stem)
def test_chapter_reads_at_1280_pixels(chromium, server, notebook):
    """At 1280 px: every figure is numbered and captioned, its alt text says what it shows (not
    a file name), it is drawn at MIN_FIGURE_SCALE of its size or more, and every figure is
    referenced from the text; no code box or display equation is wider than its column, so
    nothing needs scrolling sideways."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        try:
            tab = browser.new_page(viewport={"width": 1280, "height": 900})
            tab.goto(
                f"{server}/chapters/{notebook.stem}.html",
                wait_until="networkidle",
            )
            # open the hidden code and the solutions, which are read too
            tab.evaluate(
                "() => document.querySelectorAll('details').forEach(d => d.open = true)"
            )
            figures = tab.evaluate(
                """() => Array.from(document.querySelectorAll("main img"))
                .filter(i => i.src.includes("/_images/"))
                .map(i => ({
                    src: i.src.split("/").pop(),
                    alt: i.alt,
                    scale: i.getBoundingClientRect().width / i.naturalWidth,
                    caption: i.closest("figure")?.querySelector("figcaption")?.innerText ?? "",
                    id: i.closest("figure")?.id ?? "",
                }))"""
            )
            referenced = set(
                tab.evaluate(
                    """() => Array.from(document.querySelectorAll("a[href^='#']"))
                    .map(a => a.getAttribute("href").slice(1))"""
                )
            )
            # display mathematics, once MathJax has typeset it, that the column cuts off
            wide_math = tab.evaluate(
                """async () => {
                await MathJax.startup.promise;
                return Array.from(document.querySelectorAll('mjx-container[display="true"]'))
                    .filter(m => m.scrollWidth > m.clientWidth + 1)
                    .map(m => m.textContent.slice(0, 60));
            }"""
            )
            wide_code = tab.evaluate(
                """() => Array.from(document.querySelectorAll("div.cell_input pre"))
                .filter(p => p.scrollWidth > p.clientWidth + 1)
                .map(p => p.textContent.split("\\n")
                     .reduce((a, l) => l.length > a.length ? l : a, ""))"""
            )
        finally:
            browser.close()
    assert figures, "no figures"
    for f in figures:
        assert f["caption"].startswith("Fig."), (
            f"{f['src']}: no numbered caption"
        )
        assert (
            f["alt"]
            and not f["alt"].endswith(".png")
            and len(f["alt"].split()) >= 5
        ), f"{f['src']}: alt text {f['alt']!r} does not describe the figure"
        assert f["scale"] >= MIN_FIGURE_SCALE, (
            f"{f['caption'][:40]}: shown at {f['scale']:.0%} of its size"
        )
        assert f["id"] in referenced, (
            f"{f['caption'][:40]}: not referenced from the text"
        )
    assert wide_code == [], f"code wider than its column: {wide_code}"
    assert wide_math == [], f"equations wider than the column: {wide_math}"


@pytest.mark.parametrize(
    "page",
    ["book/intro.html", "book/scorecard.html"]
    + [f"chapters/{nb.stem}.html" for nb in CHAPTERS],
)
def test_audit_tables_fit_the_column_at_1280_pixels(chromium, server, page):
    """Every scorecard table (a chapter's audit, its scorecard, the appendix's defects and the
    front page's counts), with every dropdown open, fits its column at 1280 px: a reader never
    scrolls sideways to read a claim, a printed value or a reason (issue 29)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        try:
            tab = browser.new_page(viewport={"width": 1280, "height": 900})
            tab.goto(f"{server}/{page}", wait_until="networkidle")
            tab.evaluate(
                "() => document.querySelectorAll('details').forEach(d => d.open = true)"
            )
            checked, wide = tab.evaluate(
                """() => {
                const boxes = Array.from(document.querySelectorAll('div.book-table'))
                    .filter(d => d.querySelector('table.book-scorecard')
                             || !location.pathname.includes('/chapters/'));
                return [boxes.length, boxes.filter(d => d.scrollWidth > d.clientWidth + 1)
                    .map(d => d.innerText.slice(0, 60))];
            }"""
            )
        finally:
            browser.close()
    assert checked > 0, f"{page}: no audit table found"
    assert wide == [], f"{page}: audit tables wider than the column: {wide}"


def test_figure_text_is_at_least_8_points():
    """No figure of the package sets text smaller than 8 pt (see MIN_FIGURE_SCALE)."""
    import re

    small = []
    for path in sorted((REPO / "helpers").rglob("*.py")):
        for number, line in enumerate(
            path.read_text(encoding="utf-8").splitlines(), 1
        ):
            for size in re.findall(
                r"(?:fontsize|labelsize)[\"']?\s*[=:]\s*([0-9.]+)", line
            ):
                if float(size) < 8:
                    small.append(
                        f"{path.relative_to(REPO)}:{number}: {line.strip()}"
                    )
    assert small == []


@pytest.mark.parametrize("notebook", CHAPTERS, ids=lambda p: p.stem)
def test_explorers_move_their_figure_without_a_kernel(
    chromium, server, notebook
):
    """Every chapter's explorer works in the page: its controls are shown, each one, operated
    from the keyboard (arrow keys on a slider, a new option of a select), changes the image of
    the figure below it and its description, and the status line follows; the page says the
    views were precomputed (issue 31)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=ARGS)
        try:
            tab = browser.new_page(viewport={"width": 1280, "height": 900})
            tab.goto(
                f"{server}/chapters/{notebook.stem}.html",
                wait_until="networkidle",
            )
            boxes = tab.locator(".book-explorer")
            assert boxes.count() >= 1, "no explorer in the page"
            for b in range(boxes.count()):
                box = boxes.nth(b)
                assert box.locator(".book-explorer-controls").is_visible(), (
                    "the explorer's controls stay hidden"
                )
                assert (
                    "Precomputed when the book was built" in box.inner_text()
                )
                # numbered and captioned like any figure of the chapter
                caption = box.locator("xpath=ancestor::figure[1]/figcaption")
                assert caption.inner_text().startswith("Fig.")
                figure = box.locator("img")
                controls = box.locator("[data-control]")
                assert controls.count() >= 1
                for c in range(controls.count()):
                    control = controls.nth(c)
                    before = (
                        figure.get_attribute("src"),
                        figure.get_attribute("alt"),
                    )
                    if control.evaluate("e => e.tagName") == "SELECT":
                        count = control.locator("option").count()
                        now = int(control.input_value())
                        # by index: select_option("1") would also match an option labelled "1"
                        control.select_option(index=(now + 1) % count)
                    else:
                        control.focus()
                        key = (
                            "ArrowLeft"
                            if control.input_value()
                            == control.get_attribute("max")
                            else "ArrowRight"
                        )
                        tab.keyboard.press(key)
                        assert control.get_attribute("aria-valuetext")
                    after = (
                        figure.get_attribute("src"),
                        figure.get_attribute("alt"),
                    )
                    label = box.locator(
                        f"label[for='{control.get_attribute('id')}']"
                    )
                    assert label.count() == 1 and label.inner_text().strip()
                    assert after[0] != before[0], (
                        f"{label.inner_text()}: the figure did not change"
                    )
                    assert after[0].startswith("data:image/png;base64,")
                    assert after[1] != before[1] and "Shown for:" in after[1]
        finally:
            browser.close()
