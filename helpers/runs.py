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

import contextlib
import dataclasses
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
    sheet
        The sheet of a workbook the run read (its name or number), None for the first sheet
        or a text file.
    """

    dataset: str | None
    path: Path | None
    label: str
    short: str
    simulated: bool
    mine: bool
    seed: int | None = None
    sheet: str | int | None = None

    @property
    def sha256(self) -> str | None:
        """The sha256 of the input's file (hex digits), or None when there is no file."""
        return data.sha256(self.path) if self.path is not None else None

    def record(self) -> dict:
        """The manifest's entry for this input; for a replicator's file also how it was read
        (encoding, separator, decimal mark or sheet: :func:`helpers.data.read_table`).

        Returns
        -------
        dict
            ``dataset``, ``label``, ``file`` (the file's name), ``path``, ``sha256``,
            ``simulated``, ``yours`` (:attr:`mine`) and ``seed``, None where they do not apply;
            for a replicator's file that exists, ``format``
            (:meth:`helpers.data.FileFormat.record`, read from :attr:`sheet`), or
            ``{"error": ...}`` when it cannot be read.
        """
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
                entry["format"] = data.read_table(self.path, self.sheet)[
                    1
                ].record()
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

    Parameters
    ----------
    dataset
        A shipped dataset's name (the stem of ``data/<name>.yml``), or ``None``.
    path
        The reader's file, when the chapter was given one (it takes precedence).
    label
        How the text names the data when ``dataset`` is None and no ``path`` is given.
    seed
        For a simulated dataset generated anew, its seed (the label says it).

    Returns
    -------
    Source
        With ``mine`` for a ``path``; ``simulated`` when the dataset's manifest says
        ``synthetic``; ``path`` the shipped CSV for a shipped dataset, None for data generated
        anew or named by ``label``.

    Raises
    ------
    helpers.errors.InputError
        If there is neither ``dataset``, ``path`` nor ``label``, or a ``seed`` is given for a
        dataset that is not simulated.
    helpers.data.DataError
        If the dataset's manifest is missing or invalid.

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

    Parameters
    ----------
    label
        How the text names the data.
    short
        The same for a figure title.
    seed
        The seed the chapter simulated them with.

    Returns
    -------
    Source
        A source without dataset or file, ``simulated`` and not the reader's.

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
    installed from the repository with pip, from pip's record of the install; else None.

    Returns
    -------
    str or None
        The full commit hash; None when git fails or is missing, the package was not installed
        from a repository, or pip recorded no commit.
    """
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
        self._watch_prose()

    def _watch_prose(self) -> None:
        """In a kernel, show each sentence of the chapter's prose (:data:`helpers.chapters.PROSE`)
        as a Markdown output of the cell that computes it, so that a notebook executed by
        papermill, where nothing fills the prose's ``{eval}`` roles, still says what the run
        found. The book hides these outputs (its prose shows the same sentences)."""
        shell = _kernel_shell()
        if shell is None:
            return
        from IPython.display import display

        from helpers.chapters import PROSE

        names = PROSE.get(self.chapter, ())
        before: dict = {}

        def pre_run_cell(*_):
            before.clear()
            before.update({n: shell.user_ns.get(n) for n in names})

        def post_run_cell(*_):
            for name in names:
                value = shell.user_ns.get(name)
                if (
                    isinstance(value, str)
                    and value.strip()
                    and value is not before.get(name)
                ):
                    display(
                        {"text/markdown": value},
                        raw=True,
                        metadata={PROSE_KEY: name},
                    )

        # a chapter run again from the top makes a new Run: replace the old one's watch
        for event, old in getattr(shell, "_book_prose_hooks", {}).items():
            with contextlib.suppress(ValueError):
                shell.events.unregister(event, old)
        shell._book_prose_hooks = {
            "pre_run_cell": pre_run_cell,
            "post_run_cell": post_run_cell,
        }
        for event, hook in shell._book_prose_hooks.items():
            shell.events.register(event, hook)

    def prose(self) -> dict[str, str]:
        """The chapter's prose values as this run computed them (in a kernel; else empty).

        Returns
        -------
        dict of str to str
            The variables of :data:`helpers.chapters.PROSE` for this chapter that the kernel's
            namespace holds, as text.
        """
        from helpers.chapters import PROSE

        shell = _kernel_shell()
        if shell is None:
            return {}
        return {
            n: str(shell.user_ns[n])
            for n in PROSE.get(self.chapter, ())
            if n in shell.user_ns
        }

    def use(self, source: Source, role: str = "data") -> Source:
        """Record an input of the run under ``role`` (e.g. the parameter it came from).

        A reader's file recorded as ``data_path`` is read from the run's ``sheet`` parameter,
        where the chapter has one, as the chapter read it.

        Parameters
        ----------
        source
            The input (:func:`source` or :func:`simulated`).
        role
            Its name in the manifest's ``inputs``; a second input under the same role replaces
            the first.

        Returns
        -------
        Source
            ``source``, so that the call can be written where the source is made.
        """
        if (
            source.mine
            and role == "data_path"
            and self.parameters.get("sheet")
        ):
            source = dataclasses.replace(
                source, sheet=self.parameters["sheet"]
            )
        self.inputs[role] = source
        return source

    def save(self, name: str, frame: pd.DataFrame, what: str = "") -> Path:
        """Write a table computed from this run's data as ``<name>.csv`` in the run's folder
        (columns in levels, as a displayed table may have, joined into one header row: "Theil T
        value").

        Parameters
        ----------
        name
            The file's stem.
        frame
            The table; its index is written as the first column(s).
        what
            What the table holds, for the manifest; "" says "computed from" the inputs' labels.

        Returns
        -------
        pathlib.Path
            The path of the CSV (UTF-8 with LF line endings), overwritten if it exists; the
            folder is made if missing.
        """
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{name}.csv"
        if isinstance(frame.columns, pd.MultiIndex):
            frame = frame.set_axis(
                [" ".join(map(str, c)).strip() for c in frame.columns], axis=1
            )
        frame.to_csv(path, encoding="utf-8", lineterminator="\n")
        self.outputs[path.name] = what or f"computed from {self._data_label()}"
        return path

    def table(self, name: str, frame, what: str = "", **shown):
        """Save ``frame`` (a DataFrame or Series computed from this run's data) as
        ``<name>.csv``, with its numbers as numbers, and return it as a table for reading
        (:func:`helpers.display.table`, given ``shown``): every table a chapter shows from the
        data is also a file a replicator can reuse.

        Parameters
        ----------
        name
            The file's stem.
        frame
            A DataFrame or Series (saved as one column).
        what
            What the table holds, for the manifest (:meth:`save`).
        **shown
            Keyword arguments of :func:`helpers.display.table` (e.g. ``pvalues=``, ``errors=``).

        Returns
        -------
        helpers.display.Table
            What :func:`helpers.display.table` returns for ``frame``: a table that shows as
            HTML in a notebook and as text in a terminal.
        """
        from helpers.display import table

        self.save(
            name,
            frame.to_frame() if isinstance(frame, pd.Series) else frame,
            what,
        )
        return table(frame, **shown)

    def write_scorecard(self, scorecard) -> Path:
        """Write the audit of the paper (``scorecard.csv``) into the run's folder. It checks the
        paper's printed numbers, whatever data the run analyses.

        In the book's build (the environment variable ``BOOK_SCORECARDS`` names a folder) a copy
        is also written there as ``<chapter>.csv``.

        Parameters
        ----------
        scorecard
            The chapter's :class:`~helpers.audit.Scorecard`.

        Returns
        -------
        pathlib.Path
            The path of ``scorecard.csv`` in the run's folder.

        Raises
        ------
        helpers.errors.InputError
            If the scorecard has no rows.
        """
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
        and the scorecard (as :meth:`helpers.audit.Scorecard.report`).

        In a kernel it also shows a Markdown output carrying the run's record (its folder and
        prose values), which :mod:`helpers.report` reads.

        Parameters
        ----------
        scorecard
            The chapter's :class:`~helpers.audit.Scorecard`.

        Returns
        -------
        Finished
            The files written and the scorecard's report, shown as HTML in a notebook.

        Raises
        ------
        helpers.errors.InputError
            If the scorecard has no rows.
        """
        self.write_scorecard(scorecard)
        self.write_manifest()
        finished = Finished(self, scorecard)
        if _kernel_shell() is not None:
            # what helpers.report needs to render this run: where its files are and what its
            # prose said; the book hides Markdown outputs, so its pages do not name the build's
            # temporary folders
            from IPython.display import display

            display(
                {"text/markdown": finished.sentence},
                raw=True,
                metadata={
                    RUN_KEY: {
                        "output_dir": str(self.folder.resolve()),
                        "prose": self.prose(),
                    }
                },
            )
        return finished

    def _data_label(self) -> str:
        labels = [s.label for s in self.inputs.values()]
        return "; ".join(labels) if labels else "the chapter's data"

    def write_manifest(self) -> Path:
        """Write ``manifest.json`` (provenance of everything in the folder); return its path.

        Returns
        -------
        pathlib.Path
            The path of ``manifest.json``: ``chapter``, ``package``, ``version``, ``commit``
            (:func:`commit`), ``python``, ``time`` (UTC, ISO format to the second),
            ``parameters`` (JSON values, anything else as text), ``inputs`` (by role,
            :meth:`Source.record`) and ``outputs`` (by file name, with ``what`` and ``sha256``).
        """
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
        """ "Wrote <files> and manifest.json to <folder> for <paper>." (the folder as
        :func:`helpers.paths.shown` shows it)."""
        return (
            f"Wrote {', '.join(self.files[:-1])} and {self.files[-1]} to {self.folder} for "
            f"{self.paper}."
        )

    def _repr_html_(self) -> str:
        return self.report._repr_html_()

    def __repr__(self) -> str:
        return f"{self.sentence}\n{self.report!r}"


#: the metadata keys of a run's Markdown outputs: a sentence of the prose, and the run's record
PROSE_KEY = "book_prose"
RUN_KEY = "book_run"


def _kernel_shell():
    """The IPython shell of a Jupyter kernel running this code, or None (plain Python, tests)."""
    try:
        from IPython import get_ipython
    except ImportError:
        return None
    shell = get_ipython()
    return shell if shell is not None and hasattr(shell, "kernel") else None


def _jsonable(value):
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return str(value)
