"""Replay a chapter's outputs when neither its code nor anything it uses has changed.

The book executes inline (``execute_notebooks: inline``): myst-nb runs a chapter in a kernel
while Sphinx reads it, because the prose's ``{eval}`` roles ask the live kernel for their values.
Sphinx re-reads a page whenever its source changes, so an edit to one sentence of prose used to
run the whole chapter again.

This extension wraps myst-nb's inline client. After a run that succeeded it stores the chapter's
outputs, and the value of every ``{eval}`` expression the page asked for, in
``_build/.execution_cache/<chapter>.json`` under a key of everything the run depends on: the code
cells (source and tags), the files ``dependencies.py`` finds the chapter using (``helpers``
modules, datasets), ``requirements.txt`` and ``_config.yml``. When Sphinx reads the chapter again
and the key is unchanged, the stored outputs are replayed without a kernel. A request the store
cannot answer (an ``{eval}`` expression new to the prose) starts the kernel and runs the chapter
after all. ``make clean`` empties the store with the rest of ``_build``.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from datetime import datetime
from pathlib import Path

import nbformat
from myst_nb.core.execute.inline import NotebookClientInline

sys.path.insert(0, str(Path(__file__).parent))
from dependencies import ROOT, dependencies  # noqa: E402

#: Part of every key: a change to what is stored makes old entries misses.
FORMAT = 1


def cache_key(notebook, path: Path, root: Path = ROOT) -> str:
    """What a run of ``notebook`` (read from ``path``) depends on, hashed; prose is left out.

    ``root`` is the book whose ``requirements.txt`` and ``_config.yml`` count (another book's
    sources, such as the student edition's, can be keyed from here: its helpers and data are
    copies of these)."""
    digest = hashlib.sha256(f"format {FORMAT}; python {sys.version}".encode())
    for cell in notebook.cells:
        if cell.cell_type == "code":
            tags = sorted(cell.get("metadata", {}).get("tags", []))
            digest.update(json.dumps([cell.source, tags]).encode())
    kernel = notebook.metadata.get("kernelspec", {}).get("name", "")
    digest.update(kernel.encode())
    for file in dependencies(path):
        digest.update(str(file.relative_to(ROOT)).encode())
        digest.update(hashlib.sha256(file.read_bytes()).digest())
    for file in (root / "requirements.txt", root / "_config.yml"):
        if file.is_file():
            digest.update(file.name.encode())
            digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()


def derived_run(stored: dict, full, part, key: str) -> dict | None:
    """A stored run of ``part``, a notebook made from ``full`` by leaving cells out (the student
    edition leaves out the solutions), taken from ``stored``, a run of ``full``: the outputs of the
    code cells ``part`` keeps, matched by id and source, and the ``{eval}`` values asked for after
    one of those. ``None`` when ``part`` has a code cell that ``full`` has not. A value asked for
    after a cell ``part`` lacks is left out: the page that asks for it executes ``part`` after
    all."""
    code = [c for c in full.cells if c.cell_type == "code"]
    by_id = {
        c.get("id"): (c.source, run) for c, run in zip(code, stored["cells"])
    }
    cells = []
    for cell in part.cells:
        if cell.cell_type != "code":
            continue
        source, run = by_id.get(cell.get("id"), (None, None))
        if source != cell.source:
            return None
        cells.append(run)
    ids = [c.get("id") for c in full.cells]
    where = {c.get("id"): i for i, c in enumerate(part.cells)}
    evaluated = {}
    for asked, outputs in stored["evaluated"].items():
        index, name = asked.split(":", 1)
        if int(index) < 0:
            evaluated[asked] = outputs
        elif ids[int(index)] in where:
            evaluated[f"{where[ids[int(index)]]}:{name}"] = outputs
    return {**stored, "key": key, "cells": cells, "evaluated": evaluated}


class ReplayingInlineClient(NotebookClientInline):
    """myst-nb's inline client, replaying a stored run whose key matches (see the module)."""

    def __init__(
        self, notebook, path, nb_config, logger, store: Path, key: str
    ):
        super().__init__(notebook, path, nb_config, logger)
        self._store, self._key = store, key
        # "<index of the last cell run>:<expression>" -> outputs: an expression is evaluated
        # where the page stands, so the same name may have another value further on
        self._evaluated: dict[str, list] = {}
        self._stored: dict | None = None
        # while replaying: the last code cell the page has shown
        self._requested = -1

    # -- replay -------------------------------------------------------------------------------

    def start_client(self):
        self._live = False
        stored = self._load()
        if stored is None:
            self._go_live()
            return
        self._stored = stored
        self._time_start = datetime.now().timestamp()
        code = [c for c in self.notebook.cells if c.cell_type == "code"]
        for cell, (count, outputs) in zip(code, stored["cells"]):
            cell.execution_count = count
            cell.outputs = [nbformat.from_dict(o) for o in outputs]
        self.notebook.metadata.update(nbformat.from_dict(stored["metadata"]))
        self.logger.info(
            "Replaying the stored run: code and dependencies unchanged"
        )

    def _load(self) -> dict | None:
        if not self._store.is_file():
            return None
        try:
            stored = json.loads(self._store.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        # the appendix reads the scorecard the run left: without it, run again
        scorecards = os.environ.get("BOOK_SCORECARDS")
        left = stored.get("scorecard")
        if scorecards and left and not (Path(scorecards) / left).is_file():
            return None
        if stored.get("key") != self._key:
            return None
        return stored

    def _go_live(self):
        if not self._live:
            if (
                self._stored is not None
            ):  # keep what was replayed, valid under the same key
                self._evaluated = dict(self._stored["evaluated"])
            super().start_client()
            self._live = True
            self._stored = None
            if self._requested >= 0:  # catch the kernel up with the page
                super().code_cell_outputs(self._requested)

    def code_cell_outputs(self, cell_index: int):
        if self._live:
            return super().code_cell_outputs(cell_index)
        self._requested = max(self._requested, cell_index)
        cell = self.notebook.cells[cell_index]
        return cell.get("execution_count", None), cell.get("outputs", [])

    def eval_variable(self, name: str):
        if not self._live:
            where = f"{self._requested}:{name}"
            if where in self._stored["evaluated"]:
                return [
                    nbformat.from_dict(o)
                    for o in self._stored["evaluated"][where]
                ]
            # new to the prose: run the chapter as far as the page has got, then evaluate
            self.logger.info(
                f"{name!r} is not in the stored run: executing the chapter"
            )
            self._go_live()
        outputs = super().eval_variable(name)
        self._evaluated[f"{self._last_cell_executed}:{name}"] = [
            dict(o) for o in outputs
        ]
        return outputs

    def finalise_client(self):
        if self._live:
            super().finalise_client()

    def close_client(self, exc_type, exc_val, exc_tb):
        if not self._live:
            self.exec_metadata = {
                "mtime": datetime.now().timestamp(),
                "runtime": 0.0,
                "method": "inline (replayed)",
                "succeeded": True,
                "error": None,
                "traceback": None,
            }
            return
        super().close_client(exc_type, exc_val, exc_tb)
        if (
            exc_type is None
            and self.exec_metadata
            and self.exec_metadata["succeeded"]
        ):
            self._save()

    def _save(self) -> None:
        code = [c for c in self.notebook.cells if c.cell_type == "code"]
        metadata = {
            k: self.notebook.metadata[k]
            for k in ("language_info", "widgets")
            if k in self.notebook.metadata
        }
        scorecard = f"{self.path.stem}.csv"
        record = {
            "key": self._key,
            "cells": [
                [c.get("execution_count"), c.get("outputs", [])] for c in code
            ],
            "evaluated": self._evaluated,
            "metadata": metadata,
            "scorecard": scorecard
            if (
                Path(os.environ.get("BOOK_SCORECARDS", "/nonexistent"))
                / scorecard
            ).is_file()
            else None,
        }
        self._store.parent.mkdir(parents=True, exist_ok=True)
        partial = self._store.with_suffix(".partial")
        partial.write_text(json.dumps(record), encoding="utf-8")
        partial.replace(self._store)  # whole or not at all


def setup(app):
    import myst_nb.sphinx_ as nb_sphinx

    original = nb_sphinx.create_client

    def create_client(notebook, source, nb_config, logger, read_fmt=None):
        path = Path(source)
        if (
            nb_config.execution_mode != "inline"
            or nb_config.execution_excludepatterns
            or not path.is_file()
            or path.suffix != ".ipynb"
        ):
            return original(notebook, source, nb_config, logger, read_fmt)
        store = (
            Path(app.outdir).parent / ".execution_cache" / f"{path.stem}.json"
        )
        return ReplayingInlineClient(
            notebook, path, nb_config, logger, store, cache_key(notebook, path)
        )

    nb_sphinx.create_client = create_client
    return {"parallel_read_safe": True, "parallel_write_safe": True}
