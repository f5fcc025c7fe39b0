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
        "book/scorecard.html",
        "book/checklist.html",
    ]:
        assert (built_book / page).exists(), page
    for notebook in CHAPTERS:
        html = (built_book / "chapters" / f"{notebook.stem}.html").read_text(
            encoding="utf-8"
        )
        assert "<img" in html, f"{notebook.stem} has no figures"
        assert "Traceback" not in html
        # what a run shows for papermill's readers stays out of the book: the prose says it,
        # and the build's results folders are temporary
        assert (
            "Wrote scorecard.csv" not in html
            and ".csv and manifest.json to" not in html
        )
    # Markdown a page displays on purpose stays (the guide's generated sections)
    guide = (built_book / "book" / "replicators.html").read_text(
        encoding="utf-8"
    )
    assert "1. Regional AI competitiveness" in guide


def test_virtual_environments_in_the_clone_stay_out_of_the_book(built_book):
    """The build (with -W) ran with reader_environments in the clone; none of their files was
    read or copied, and git ignores the README's own name for one."""
    import subprocess

    from conftest import READER_ENVIRONMENTS, REPO

    copied = [
        str(path.relative_to(built_book))
        for path in built_book.rglob("*")
        if "somepackage" in str(path) or path.name in READER_ENVIRONMENTS
    ]
    assert not copied, copied[:5]
    for path in (".venv-lab/pyvenv.cfg", "venv/pyvenv.cfg"):
        ignored = subprocess.run(["git", "check-ignore", "-q", path], cwd=REPO)
        assert ignored.returncode == 0, f"git does not ignore {path}"


def test_launch_links_open_notebooks_only(built_book):
    """Colab and Binder open notebooks: no page links them to a Markdown source (the guides with
    code cells got a rocket menu whose Colab link failed)."""
    import re

    links = {
        str(page.relative_to(built_book)): re.findall(
            r'href="(https://(?:colab\.research\.google\.com/github|mybinder\.org/v2)/[^"]*)"',
            page.read_text("utf-8"),
        )
        for page in built_book.rglob("*.html")
    }
    assert all(links[f"chapters/{nb.stem}.html"] for nb in CHAPTERS)
    wrong = {
        page: url
        for page, urls in links.items()
        for url in urls
        if not url.endswith(".ipynb")
    }
    assert wrong == {}


def test_each_chapter_page_carries_its_explorers_in_at_most_1_5_megabytes(
    built_book,
):
    """Every chapter's explorer is in its page with its precomputed views (book/_ext/
    explorers.py), and they add at most 1.5 MB to the page (make bench reports the sizes)."""
    import re

    block = re.compile(r'<div class="book-explorer".*?</script></div>', re.S)
    for notebook in CHAPTERS:
        page = (built_book / "chapters" / f"{notebook.stem}.html").read_text(
            "utf-8"
        )
        found = block.findall(page)
        assert found, f"{notebook.stem}: no explorer"
        size = sum(len(b.encode()) for b in found)
        assert size <= 1_500_000, (
            f"{notebook.stem}: explorers of {size / 1e6:.2f} MB"
        )


def test_replication_appendix_is_the_chapters_scorecards(built_book):
    """The appendix's downloads hold every chapter's scorecard row for row, and the page states
    the counts by status computed from them, with every claim not reproduced."""
    import json
    from html import escape

    import pandas as pd

    from helpers.audit import status_summary

    scorecards = built_book.parent / "scorecards"
    combined = pd.read_csv(
        built_book / "book" / "scorecards.csv",
        dtype=str,
        keep_default_na=False,
    )
    assert combined.equals(
        pd.DataFrame(
            json.loads(
                (built_book / "book" / "scorecards.json").read_text(
                    encoding="utf-8"
                )
            )
        ).astype(str)
    )
    assert sorted(combined["chapter"].unique()) == [nb.stem for nb in CHAPTERS]
    for notebook in CHAPTERS:
        card = pd.read_csv(
            scorecards / f"{notebook.stem}.csv",
            dtype=str,
            keep_default_na=False,
        )
        rows = combined[combined["chapter"] == notebook.stem].drop(
            columns="chapter"
        )
        assert rows.reset_index(drop=True).equals(card[rows.columns])
    html = (built_book / "book" / "scorecard.html").read_text(encoding="utf-8")
    assert status_summary(combined) in html
    for claim in combined.loc[combined["status"] != "reproduced", "claim_id"]:
        assert f"{escape(claim)} (" in html, claim


def test_every_chapter_links_the_glossary_and_every_term_is_used(built_book):
    """The glossary covers the methods the chapters teach: each chapter links some of its terms at
    their first use, and no term of the glossary goes unused."""
    import re

    glossary = (built_book / "book" / "glossary.html").read_text(
        encoding="utf-8"
    )
    terms = set(re.findall(r'<dt id="(term-[^"]+)"', glossary))
    used = set()
    for notebook in CHAPTERS:
        html = (built_book / "chapters" / f"{notebook.stem}.html").read_text(
            encoding="utf-8"
        )
        linked = set(re.findall(r'glossary.html#(term-[^"]+)"', html))
        assert linked, f"{notebook.stem} links no glossary term"
        used |= linked
    # the status words are the appendix's, linked from there
    assert terms - used <= {"term-Replication-status"}, sorted(terms - used)


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
    # only on pages with mathematics of their own: the front page lists the chapters, has none
    front = (built_book / "book" / "intro.html").read_text(encoding="utf-8")
    assert (
        "mathjax/tex-chtml.js" not in front and "window.MathJax" not in front
    )


def test_pages_carry_no_dead_scripts(built_book):
    """No duplicated inline scripts, and no widget state (the book loads no widget JavaScript)."""
    for page in built_book.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert html.count("const THEBE_JS_URL") <= 1, page
        assert "application/vnd.jupyter.widget-state+json" not in html, page


def test_printed_output_renders_the_same_however_the_kernel_split_it():
    """book/_ext/merged_streams.py: a chunk boundary in mid-line adds no blank line, and a run's
    sentences for papermill's readers are left out."""
    import sys

    from conftest import REPO
    from nbformat.v4 import new_output

    sys.path.insert(0, str(REPO / "book" / "_ext"))
    from merged_streams import coalesce_streams

    def stream(text):
        return new_output("stream", name="stdout", text=text)

    said = new_output(
        "display_data",
        data={"text/markdown": "a sentence"},
        metadata={"book_prose": "n"},
    )
    assert coalesce_streams([stream("a\n"), said]) == [stream("a\n")]
    whole = coalesce_streams([stream("a\nb\n")])
    assert whole[0]["text"] == "a\nb\n"
    for chunks in (["a", "\nb\n"], ["a\n", "b\n"], ["a\nb", "\n"]):
        split = coalesce_streams([stream(c) for c in chunks])
        assert [o["text"] for o in split] == ["a\nb\n"], chunks


def test_chapters_depend_on_the_helpers_and_data_they_use(built_book):
    """book/_ext/dependencies.py: a change under helpers/ or data/ re-executes the chapters that
    reach it, and only those (Sphinx compares the noted files' times with the last read)."""
    import pickle

    with open(
        built_book.parent / ".doctrees" / "environment.pickle", "rb"
    ) as f:
        env = pickle.load(f)

    def uses(chapter):
        # noted relative to the source folder, the repository
        return env.dependencies[f"chapters/{chapter}"]

    audit = uses("05_var_cointegration_audit")
    # the chapter's own module, one it reaches through another, and their datasets
    assert (
        {
            "helpers/timeseries/chen_tang.py",
            "helpers/timeseries/johansen.py",
            "helpers/__init__.py",
            "data/chen_tang_fevd.csv",
            "data/chen_tang_fevd.yml",
            "data/ifr_robot_density.csv",  # named in helpers/timeseries/chen_tang.py
        }
        <= audit
    )
    assert not any(p.startswith("helpers/pvar/") for p in audit)
    assert "helpers/pvar/gmm.py" in uses("04_panel_var_gmm")
    assert "data/industrial_bank_figures.csv" not in uses(
        "07_ai_upgrading_u_shape"
    )


def test_parallel_reading_takes_its_process_count_from_book_jobs(monkeypatch):
    """book/_ext/parallel.py: one page per process at a time; BOOK_JOBS overrides the cores."""
    import sys

    from conftest import REPO

    sys.path.insert(0, str(REPO / "book" / "_ext"))
    import parallel

    assert parallel._one_page_per_chunk(["a", "b", "c"], 2) == [
        ["a"],
        ["b"],
        ["c"],
    ]
    monkeypatch.setenv("BOOK_JOBS", "1")
    assert parallel._jobs() == 1
    monkeypatch.setenv("BOOK_JOBS", "two")
    with pytest.raises(
        ValueError, match="BOOK_JOBS is 'two'; expected a whole number"
    ):
        parallel._jobs()
    docnames = ["book/intro", "chapters/02_b", "book/data", "chapters/01_a"]
    parallel._chapters_first(None, None, docnames)
    assert docnames == [
        "chapters/02_b",
        "chapters/01_a",
        "book/intro",
        "book/data",
    ]


REPLAY_SCRIPT = r"""
import json, sys
from pathlib import Path
import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook
sys.path.insert(0, sys.argv[1])
from execution_cache import ReplayingInlineClient, cache_key
from myst_nb.core.config import NbParserConfig

folder = Path(sys.argv[2])
path, store = folder / "ch.ipynb", folder / "store" / "ch.json"
config = NbParserConfig(execution_mode="inline", execution_in_temp=True)


class Log:
    def info(self, message, **_):
        pass

    warning = debug = info


def chapter(prose="x is", name="x", code="x = 3"):
    return new_notebook(
        cells=[
            new_code_cell("x, y = 2, 7\nprint('ran', x)"),
            new_markdown_cell(prose + " {eval}`" + name + "`"),
            new_code_cell(code),
            new_markdown_cell("now {eval}`x`"),
        ],
        metadata={
            "kernelspec": {
                "name": "python3", "language": "python", "display_name": "Python 3"
            }
        },
    )


def read(nb):
    # as myst-nb renders a page: each code cell's outputs, each eval where the page stands
    nbformat.write(nb, path)
    client = ReplayingInlineClient(nb, path, config, Log(), store, cache_key(nb, path))
    shown = []
    with client:
        for i, cell in enumerate(nb.cells):
            if cell.cell_type == "code":
                outputs = client.code_cell_outputs(i)[1]
                shown.append("".join(o.get("text", "") for o in outputs))
            else:
                name = cell.source.split("`")[1]
                shown.append(client.eval_variable(name)[0]["data"]["text/plain"])
        client.finalise_client()
    return {"live": client._live, "shown": shown}


print(json.dumps({
    "first": read(chapter()),
    "again": read(chapter()),
    "prose edited": read(chapter(prose="so x is")),
    "new expression": read(chapter(prose="y is", name="y")),
    "code edited": read(chapter(code="x = 4")),
}))
"""


def test_a_prose_edit_replays_the_stored_run_and_a_code_edit_does_not(
    tmp_path,
):
    """book/_ext/execution_cache.py: the outputs and {eval} values of a run are stored under a
    key of the code and what it uses; an edit to prose alone replays them without a kernel, a
    new expression or a code edit runs the chapter."""
    import json
    import subprocess
    import sys

    from conftest import REPO

    out = subprocess.run(
        [
            sys.executable,
            "-c",
            REPLAY_SCRIPT,
            str(REPO / "book" / "_ext"),
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert out.returncode == 0, out.stderr[-3000:]
    reads = json.loads(out.stdout)
    expected = ["ran 2\n", "2", "", "3"]
    assert reads["first"] == {"live": True, "shown": expected}
    assert reads["again"] == {"live": False, "shown": expected}
    assert reads["prose edited"] == {"live": False, "shown": expected}
    assert reads["new expression"] == {
        "live": True,
        "shown": ["ran 2\n", "7", "", "3"],
    }
    assert reads["code edited"] == {
        "live": True,
        "shown": ["ran 2\n", "2", "", "4"],
    }
