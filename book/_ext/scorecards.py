"""The replication appendix (book/scorecard.md), generated from the chapters' scorecards.

Every chapter writes its scorecard when it runs (``helpers.runs.Run.write_scorecard``); during
the book's build the kernels find ``BOOK_SCORECARDS`` in their environment and leave a copy in
``_build/scorecards/<chapter>.csv``. The ``replication-appendix`` directive leaves a placeholder
that is filled when the appendix is written, after every chapter has been read (so chapters can be
read in parallel), and the appendix is written again whenever a chapter was re-read. It combines
the scorecards: per paper the counts by status and every claim that is not reproduced with its
reason and a link to the chapter's audit; the combined scorecard is offered as CSV and JSON.
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
    return [APPENDIX] if reread and APPENDIX in env.found_docs else []


def _audit_anchor(env, docname: str) -> str:
    """The id of the chapter's first section whose title starts with "Part 1" (its audit)."""
    doctree = env.get_doctree(docname)
    for section in doctree.findall(nodes.section):
        title = section.next_node(nodes.title)
        if title is not None and title.astext().startswith("Part 1"):
            return section["ids"][0]
    return ""


class appendix_placeholder(nodes.General, nodes.Element):
    """Where the appendix goes; replaced when the page is written."""


class ReplicationAppendix(SphinxDirective):
    def run(self):
        return [appendix_placeholder()]


def _fill(app, doctree, docname: str) -> None:
    for placeholder in list(doctree.findall(appendix_placeholder)):
        placeholder.replace_self(_appendix(app, docname))


def _appendix(app, here: str) -> nodes.raw:
    """The appendix's HTML for the page ``here``, from the scorecards in :func:`_folder`."""
    from helpers.audit import (
        COLUMNS,
        STATUSES,
        ScorecardReport,
        status_summary,
    )
    from helpers.display import table

    env = app.env
    folder = _folder(app)
    chapters = sorted(d for d in env.found_docs if d.startswith(CHAPTERS))
    missing = [
        d for d in chapters if not (folder / f"{Path(d).name}.csv").exists()
    ]
    if missing:
        raise ExtensionError(
            f"no scorecard from {', '.join(missing)} in {folder}: the chapters write them "
            "when the book executes them (BOOK_SCORECARDS)"
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
    combined = pd.concat(frames, ignore_index=True)
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
    counts = (
        combined.groupby("paper", sort=False)["status"]
        .value_counts()
        .unstack(fill_value=0)
        .reindex(columns=list(STATUSES), fill_value=0)
    )
    counts.columns = [c.replace("_", " ") for c in counts.columns]
    counts["chapters"] = combined.groupby("paper", sort=False)["title"].agg(
        lambda titles: "; ".join(dict.fromkeys(titles))
    )
    parts.append(table(counts.rename_axis("paper"))._repr_html_())
    for paper, rows in combined.groupby("paper", sort=False):
        parts.append(f"<h2>{html.escape(paper)}</h2>")
        for _, chapter_rows in rows.groupby("chapter", sort=False):
            first = chapter_rows.iloc[0]
            parts.append(
                f'<p>In <a href="{html.escape(first["link"])}">'
                f"{html.escape(first['title'])}</a>: "
                f"{status_summary(chapter_rows)}.</p>"
            )
            open_rows = chapter_rows[chapter_rows["status"] != "reproduced"]
            if len(open_rows):
                parts.append(
                    ScorecardReport(
                        open_rows, limit=len(open_rows)
                    )._repr_html_()
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
    return {"parallel_read_safe": True, "parallel_write_safe": True}
