"""The replication appendix (book/scorecard.md), generated from the chapters' scorecards.

Every chapter writes its scorecard when it runs (``helpers.runs.Run.write_scorecard``); during
the book's build the kernels find ``BOOK_SCORECARDS`` in their environment and leave a copy in
``_build/scorecards/<chapter>.csv``. The ``replication-appendix`` directive leaves a placeholder
that is filled when the appendix is written, after every chapter has been read (so chapters can be
read in parallel), and the appendix is written again whenever a chapter was re-read. It combines
the scorecards: per paper the counts by status, its defects (each problem once, with the claims
that show it in a dropdown) and the claims that cannot be checked, with a link to each chapter's
audit; the combined scorecard is offered as CSV and JSON. The ``replication-summary`` directive
puts the per-paper counts on the front page the same way.
"""

from __future__ import annotations

import html
import json
import os
from pathlib import Path

import pandas as pd
from docutils import nodes
from sphinx.errors import ExtensionError
from sphinx.util.docutils import SphinxDirective

APPENDIX = "book/scorecard"
SUMMARY = "book/intro"  # the front page counts each paper's defects
CHAPTERS = "chapters/"
DOWNLOADS = ("scorecards.csv", "scorecards.json")


def _folder(app) -> Path:
    return Path(app.outdir).parent / "scorecards"


def _started(app) -> None:
    # inherited by the kernels myst-nb starts for the chapters
    os.environ["BOOK_SCORECARDS"] = str(_folder(app))


def _note_rereads(app, env, docnames: list[str]) -> None:
    app.chapters_reread = any(d.startswith(CHAPTERS) for d in docnames)


def _rewrite_appendix(app, env) -> list[str]:
    """Write the appendix again when a chapter was re-read (its scorecard may have changed)."""
    reread = getattr(app, "chapters_reread", False)
    return [d for d in (APPENDIX, SUMMARY) if reread and d in env.found_docs]


def _audit_anchor(env, docname: str) -> str:
    """The id of the chapter's first section whose title starts with "Part 1" (its audit)."""
    doctree = env.get_doctree(docname)
    for section in doctree.findall(nodes.section):
        title = section.next_node(nodes.title)
        if title is not None and title.astext().startswith("Part 1"):
            return section["ids"][0]
    return ""


def _paper_anchor(paper: str) -> str:
    return "paper-" + "".join(
        c if c.isalnum() else "-" for c in paper.lower()
    ).strip("-")


def counts_by_paper(combined: pd.DataFrame) -> pd.DataFrame:
    """Per paper: the claims checked and their statuses, the defects and the findings (each
    problem once, however many rows show it), and the chapters that check it."""
    from helpers.audit import defect_table

    out = []
    for paper, rows in combined.groupby("paper", sort=False):
        status = rows["status"]
        kinds = defect_table(rows)["kind"]
        out.append(
            {
                "paper": paper,
                "claims checked": int((status != "finding").sum()),
                "reproduced": int((status == "reproduced").sum()),
                "not reproducible": int((status == "not_reproducible").sum()),
                "defects": int((kinds == "discrepancy").sum()),
                "claims showing them": int((status == "discrepancy").sum()),
                "findings": int((kinds == "finding").sum()),
                "chapters": "; ".join(dict.fromkeys(rows["title"])),
            }
        )
    return pd.DataFrame(out)


class appendix_placeholder(nodes.General, nodes.Element):
    """Where the appendix goes; replaced when the page is written."""


class ReplicationAppendix(SphinxDirective):
    def run(self):
        return [appendix_placeholder()]


class summary_placeholder(nodes.General, nodes.Element):
    """Where the front page's counts go; replaced when the page is written."""


class ReplicationSummary(SphinxDirective):
    def run(self):
        return [summary_placeholder()]


def _fill(app, doctree, docname: str) -> None:
    for placeholder in list(doctree.findall(appendix_placeholder)):
        placeholder.replace_self(_appendix(app, docname))
    for placeholder in list(doctree.findall(summary_placeholder)):
        placeholder.replace_self(_summary(app, docname))


def _summary(app, here: str) -> nodes.raw:
    """The front page's table: per paper the claims checked, the defects and the findings, each
    paper linked to its part of the appendix."""
    from helpers.display import table

    counts = counts_by_paper(_combined(app, here)).drop(columns="chapters")
    appendix = app.builder.get_relative_uri(here, APPENDIX)
    links = {
        paper: f'<a href="{html.escape(appendix)}#{_paper_anchor(paper)}">'
        f"{html.escape(paper)}</a>"
        for paper in counts["paper"]
    }
    shown = table(counts, index=False)._repr_html_()
    for paper, link in links.items():
        shown = shown.replace(
            f"<td>{html.escape(paper)}</td>", f"<td>{link}</td>", 1
        )
    return nodes.raw("", shown, format="html")


def _combined(app, here: str) -> pd.DataFrame:
    """Every chapter's scorecard from :func:`_folder`, with the chapter, its title and a link to its
    audit from the page ``here``."""
    env = app.env
    folder = _folder(app)
    chapters = sorted(d for d in env.found_docs if d.startswith(CHAPTERS))
    missing = [
        d for d in chapters if not (folder / f"{Path(d).name}.csv").exists()
    ]
    if missing:
        raise ExtensionError(
            f"no scorecard from {', '.join(missing)} in {folder}: the chapters write them when the "
            "book executes them (BOOK_SCORECARDS)"
        )
    frames = []
    for docname in chapters:
        card = pd.read_csv(
            folder / f"{Path(docname).name}.csv",
            dtype=str,
            keep_default_na=False,
        )
        link = app.builder.get_relative_uri(here, docname)
        anchor = _audit_anchor(env, docname)
        frames.append(
            card.assign(
                chapter=Path(docname).name,
                link=link + (f"#{anchor}" if anchor else ""),
                title=f"{int(Path(docname).name[:2])}. "
                + env.titles[docname].astext(),
            )
        )
    return pd.concat(frames, ignore_index=True)


def _appendix(app, here: str) -> nodes.raw:
    """The appendix's HTML for the page ``here``, from the scorecards in :func:`_folder`."""
    from helpers.audit import COLUMNS, ScorecardReport, status_summary
    from helpers.display import table

    folder = _folder(app)
    combined = _combined(app, here)
    chapters = combined["chapter"].unique()
    columns = [
        "chapter",
        *COLUMNS,
    ]  # the scorecard's columns, led by the chapter
    combined[columns].to_csv(
        folder / DOWNLOADS[0],
        index=False,
        encoding="utf-8",
        lineterminator="\n",
    )
    (folder / DOWNLOADS[1]).write_text(
        json.dumps(
            combined[columns].to_dict(orient="records"),
            ensure_ascii=False,
            indent=1,
        )
        + "\n",
        encoding="utf-8",
    )
    parts = [
        f"<p>{status_summary(combined)} across {len(chapters)} chapters. Download the "
        f'combined scorecard as <a href="{DOWNLOADS[0]}">CSV</a> or '
        f'<a href="{DOWNLOADS[1]}">JSON</a>.</p>'
    ]
    # the chapters are linked in each paper's part below; the table stays narrow
    counts = counts_by_paper(combined).drop(columns="chapters")
    parts.append(table(counts, index=False)._repr_html_())
    for paper, rows in combined.groupby("paper", sort=False):
        parts.append(
            f'<h2 id="{_paper_anchor(paper)}">{html.escape(paper)}</h2>'
        )
        for _, chapter_rows in rows.groupby("chapter", sort=False):
            first = chapter_rows.iloc[0]
            parts.append(
                f'<p>In <a href="{html.escape(first["link"])}">'
                f"{html.escape(first['title'])}</a>: "
                f"{status_summary(chapter_rows)}.</p>"
            )
        report = ScorecardReport(rows.reset_index(drop=True), limit=0)
        defects = report.defects_html()
        if defects:
            parts.append(
                "<p>Its defects, each with the claims that show it (open one to see them):</p>"
                + defects
            )
        unchecked = rows[rows["status"] == "not_reproducible"]
        if len(unchecked):
            parts.append(
                f"<details><summary>{len(unchecked)} claims the published numbers do not allow "
                "checking, and why</summary>"
                + ScorecardReport(
                    unchecked.reset_index(drop=True), limit=len(unchecked)
                )._repr_html_()
                + "</details>"
            )
    return nodes.raw("", "\n".join(parts), format="html")


def _copy_downloads(app, exception) -> None:
    if exception is not None or app.builder.format != "html":
        return
    target = Path(app.outdir) / Path(APPENDIX).parent
    for name in DOWNLOADS:
        source = _folder(app) / name
        if source.exists():
            target.mkdir(parents=True, exist_ok=True)
            (target / name).write_bytes(source.read_bytes())


def _skip(self, node) -> None:
    raise nodes.SkipNode


def setup(app):
    app.connect("builder-inited", _started)
    app.connect("env-before-read-docs", _note_rereads)
    app.connect("env-get-updated", _rewrite_appendix)
    app.connect("doctree-resolved", _fill)
    app.connect("build-finished", _copy_downloads)
    app.add_node(
        appendix_placeholder,
        html=(_skip, None),
        latex=(_skip, None),
        text=(_skip, None),
    )
    app.add_directive("replication-appendix", ReplicationAppendix)
    app.add_node(
        summary_placeholder,
        html=(_skip, None),
        latex=(_skip, None),
        text=(_skip, None),
    )
    app.add_directive("replication-summary", ReplicationSummary)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
