"""What a chapter's run used and what it wrote: the data's label, and a manifest of provenance.

A chapter has two parts. The audit of its paper works on the paper's printed numbers and gives
the same scorecard on every run. The analysis works on the data *this run* uses: the book's own
data by default, or a replicator's file passed as a parameter. :func:`source` says which, in words
the chapter's text and titles use, so that nothing in the text assumes which file it was given.

:class:`Run` keeps the run's outputs together in one folder (``results/<chapter>`` under the
working directory, or the chapter's ``output_dir``): the audit's ``scorecard.csv``, the tables
computed from the run's data, and ``manifest.json``, which records the chapter, the package
version and commit, the parameters, each input file with its sha256, and the time.
"""

from __future__ import annotations

import datetime
import json
import os
import platform
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers import __version__, data, paths
from helpers.errors import InputError

PACKAGE = "ai-regional-development-book-helpers"


@dataclass(frozen=True)
class Source:
    """The data a run analyses.

    Attributes
    ----------
    label
        How the text names it: "the book's simulated panel (seed 20250817)", "Table 1 of the
        paper, as printed", "your file my_panel.csv".
    short
        The same for a figure title: "simulated data", "the paper's Table 1", "my_panel.csv".
    simulated
        True only for the book's own simulation, whose true model is known.
    mine
        True when the reader passed the file (a replicator's data).
    """

    dataset: str | None
    path: Path | None
    label: str
    short: str
    simulated: bool
    mine: bool
    seed: int | None = None

    @property
    def sha256(self) -> str | None:
        return data.sha256(self.path) if self.path is not None else None

    def record(self) -> dict:
        """The manifest's entry for this input; for a replicator's file also how it was read
        (encoding, separator, decimal mark or sheet: :func:`helpers.data.read_table`)."""
        entry = {
            "dataset": self.dataset,
            "label": self.label,
            "file": self.path.name if self.path is not None else None,
            "path": str(self.path) if self.path is not None else None,
            "sha256": self.sha256,
            "simulated": self.simulated,
            "yours": self.mine,
            "seed": self.seed,
        }
        if self.mine and self.path is not None and self.path.is_file():
            try:
                entry["format"] = data.read_table(self.path)[1].record()
            except data.DataError as error:  # the run stopped on it: say so
                entry["format"] = {"error": str(error)}
        return entry


def source(
    dataset: str | None,
    path: str | Path | None = None,
    label: str = "",
    seed: int | None = None,
) -> Source:
    """Describe the data of a run: ``dataset``'s shipped file, or ``path`` when given, or, with
    ``seed``, the simulated ``dataset`` generated anew with that seed.

    ``label`` names data that are not a shipped dataset (``dataset=None``, e.g. statsmodels'
    macro data); a shipped dataset's label and short name come from its manifest (``label`` and
    ``short``, else its title).

    Examples
    --------
    >>> source("gan_zhang_simulated_panel").label
    "the book's simulated panel (seed 20250817)"
    >>> source("gan_zhang_simulated_panel", "my_panel.csv").short
    'my_panel.csv'
    >>> source("gan_zhang_simulated_panel", seed=1001).label
    "the book's simulated panel (seed 1001)"
    """
    if path is not None:
        path = Path(path)
        return Source(
            dataset,
            path,
            f"your file {path.name}",
            path.name,
            simulated=False,
            mine=True,
        )
    if dataset is None:
        if not label:
            raise InputError(
                "label must name the data when there is no dataset"
            )
        return Source(None, None, label, label, simulated=False, mine=False)
    meta = data.manifest(dataset)
    simulated = bool(meta.get("synthetic", False))
    if seed is not None:
        if not simulated:
            raise InputError(f"{dataset} is not simulated, so it has no seed")
        shipped = str(meta.get("label", "the book's simulated data"))
        named = re.sub(r"\s*\(seed \d+\)$", "", shipped) + f" (seed {seed})"
        short = str(meta.get("short", "simulated data"))
        return Source(
            dataset, None, named, f"{short}, seed {seed}", True, False, seed
        )
    seed = meta.get("seed")
    default = (
        f"the book's simulated data (seed {seed})"
        if simulated
        else str(meta["title"])
    )
    return Source(
        dataset,
        paths.DATA_DIR / f"{dataset}.csv",
        str(meta.get("label", default)),
        str(meta.get("short", "simulated data" if simulated else dataset)),
        simulated=simulated,
        mine=False,
        seed=seed,
    )


def simulated(label: str, short: str, seed: int) -> Source:
    """Data a chapter simulates as it runs (no file), named for the text, the figures and the
    manifest.

    Examples
    --------
    >>> simulated("the simulated panel with a real U", "simulated, a real U", 7).record()["seed"]
    7
    """
    return Source(
        None, None, label, short, simulated=True, mine=False, seed=seed
    )


def commit() -> str | None:
    """The git commit of the package's code: from the checkout it runs in, or, for a package
    installed from the repository with pip, from pip's record of the install; else None."""
    if paths.IN_SOURCE_TREE:
        try:
            out = subprocess.run(
                ["git", "rev-parse", "HEAD"],
                cwd=paths.PACKAGE_DIR,
                capture_output=True,
                text=True,
                timeout=10,
            )
        except (OSError, subprocess.SubprocessError):
            return None
        return out.stdout.strip() or None if out.returncode == 0 else None
    from importlib import metadata

    try:
        record = metadata.distribution(PACKAGE).read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return None
    if not record:
        return None
    return json.loads(record).get("vcs_info", {}).get("commit_id")


class Run:
    """One execution of a chapter: its folder, its inputs and what it wrote.

    Examples
    --------
    >>> import tempfile
    >>> run = Run("99_example", {"seed": 1}, tempfile.mkdtemp())
    >>> _ = run.use(source("gan_zhang_simulated_panel"))
    >>> path = run.save("means", pd.DataFrame({"x": [1.0]}))
    >>> manifest = run.write_manifest()
    >>> sorted(json.loads(manifest.read_text())["outputs"])
    ['means.csv']
    """

    def __init__(
        self,
        chapter: str,
        parameters: dict,
        output_dir: str | Path | None = None,
    ) -> None:
        self.chapter = chapter
        self.parameters = dict(parameters)
        self.folder = paths.output_dir(chapter, output_dir)
        self.inputs: dict[str, Source] = {}
        self.outputs: dict[str, str] = {}

    def use(self, source: Source, role: str = "data") -> Source:
        """Record an input of the run under ``role`` (e.g. the parameter it came from)."""
        self.inputs[role] = source
        return source

    def save(self, name: str, frame: pd.DataFrame, what: str = "") -> Path:
        """Write a table computed from this run's data as ``<name>.csv`` in the run's folder."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{name}.csv"
        frame.to_csv(path, encoding="utf-8", lineterminator="\n")
        self.outputs[path.name] = what or f"computed from {self._data_label()}"
        return path

    def write_scorecard(self, scorecard) -> Path:
        """Write the audit of the paper (``scorecard.csv``) into the run's folder. It checks the
        paper's printed numbers, whatever data the run analyses."""
        path = scorecard.write(self.folder)
        self.outputs[path.name] = (
            "the audit of the paper's printed numbers (the same on every run)"
        )
        # The book's build collects every chapter's scorecard for its replication appendix
        # (book/_ext/scorecards.py sets this variable for the kernels it starts).
        collect = os.environ.get("BOOK_SCORECARDS")
        if collect:
            Path(collect).mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, Path(collect) / f"{self.chapter}.csv")
        return path

    def finish(self, scorecard) -> Finished:
        """Write the scorecard and ``manifest.json``; return what to show: the files written
        and the scorecard (as :meth:`helpers.audit.Scorecard.report`)."""
        self.write_scorecard(scorecard)
        self.write_manifest()
        return Finished(self, scorecard)

    def _data_label(self) -> str:
        labels = [s.label for s in self.inputs.values()]
        return "; ".join(labels) if labels else "the chapter's data"

    def write_manifest(self) -> Path:
        """Write ``manifest.json`` (provenance of everything in the folder); return its path."""
        self.folder.mkdir(parents=True, exist_ok=True)
        record = {
            "chapter": self.chapter,
            "package": PACKAGE,
            "version": __version__,
            "commit": commit(),
            "python": platform.python_version(),
            "time": datetime.datetime.now(datetime.UTC).isoformat(
                timespec="seconds"
            ),
            "parameters": {
                k: _jsonable(v) for k, v in self.parameters.items()
            },
            "inputs": {
                role: source.record() for role, source in self.inputs.items()
            },
            "outputs": {
                name: {
                    "what": what,
                    "sha256": data.sha256(self.folder / name),
                }
                for name, what in sorted(self.outputs.items())
            },
        }
        path = self.folder / "manifest.json"
        path.write_text(
            json.dumps(record, ensure_ascii=False, indent=2) + "\n",
            encoding="utf-8",
        )
        return path


class Finished:
    """What :meth:`Run.finish` returns: the files written, then the scorecard for reading."""

    def __init__(self, run: Run, scorecard) -> None:
        from helpers.paths import shown

        self.files = sorted(run.outputs) + ["manifest.json"]
        self.folder = shown(run.folder)
        self.paper = scorecard.paper
        self.report = scorecard.report()

    @property
    def sentence(self) -> str:
        return (
            f"Wrote {', '.join(self.files[:-1])} and {self.files[-1]} to {self.folder} "
            f"for {self.paper}."
        )

    def _repr_html_(self) -> str:
        import html

        return (
            f"<p>{html.escape(self.sentence)}</p>" + self.report._repr_html_()
        )

    def __repr__(self) -> str:
        return f"{self.sentence}\n{self.report!r}"


def _jsonable(value):
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return str(value)
