"""A report of a chapter's run that reads without the book: ``report.html`` beside the run's
tables and manifest.

A chapter executed by papermill keeps its prose's ``{eval}`` roles unfilled (only the book and
JupyterLab fill them); the run records what they said (:meth:`helpers.runs.Run.finish`). The
report is the executed notebook as a reader of the book would see it, without the code: the
prose with those values, MyST's roles and directives turned into plain Markdown, the tables and
figures with their captions. Two commands::

    book-run chapters/02_entropy_composite_index.ipynb -p data_path my_panel.csv
    book-report executed.ipynb

``book-run`` executes a chapter with papermill (parameters as papermill takes them: ``-p name
value``, ``-y 'yaml'``), keeps the executed notebook in the run's folder and writes the report
there; ``book-report`` writes the report of a notebook papermill has already executed.
"""

from __future__ import annotations

import argparse
import copy
import json
import re
import sys
import tempfile
from pathlib import Path

from helpers import data
from helpers.errors import InputError
from helpers.runs import PROSE_KEY, RUN_KEY

EVAL = re.compile(r"\{eval\}`([^`]+)`")
NUMREF = re.compile(r"\{numref\}`(?:([^`<]*?)\s*<([^`>]+)>|([^`]+))`")
ROLE = re.compile(r"\{([a-z-]+)\}`([^`]*)`")
# a MyST directive in backtick or colon fences: ```{name} args / options / body ```
DIRECTIVE = re.compile(
    r"^(?P<fence>`{3,}|:{3,})\{(?P<name>[a-z-]+)\}[^\n]*\n(?P<body>.*?)^(?P=fence)\s*$",
    re.S | re.M,
)
OPTION = re.compile(r"^:[a-z-]+:.*\n", re.M)


def _record(notebook) -> dict:
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            record = output.get("metadata", {}).get(RUN_KEY)
            if record:
                return record
    raise InputError(
        "the notebook has no record of a chapter's run: execute the chapter to its end (with "
        "papermill, or book-run) and pass the executed notebook"
    )


def _figures(notebook) -> dict[str, tuple[int, str]]:
    """Each figure's label -> its number in the chapter and its caption."""
    out = {}
    for cell in notebook.cells:
        figure = cell.get("metadata", {}).get("mystnb", {}).get("figure")
        if figure and figure.get("name"):
            out[figure["name"]] = (len(out) + 1, figure.get("caption", ""))
    return out


def _role(match: re.Match) -> str:
    name, text = match.group(1), match.group(2)
    shown = re.sub(r"\s*<[^>]*>$", "", text)  # {term}`shown <target>`
    if name == "cite":
        return "(" + ", ".join(k.strip() for k in text.split(",")) + ")"
    if name in ("sub", "sup"):
        return f"<{name}>{shown}</{name}>"
    if name == "math":
        return f"${text}$"
    return shown


def _directive(match: re.Match) -> str:
    name, body = (
        match.group("name"),
        OPTION.sub("", match.group("body")).strip(),
    )
    if name in ("exercise", "solution-start", "solution-end", "solution"):
        return ""
    if name in (
        "note",
        "warning",
        "important",
        "tip",
        "admonition",
        "caution",
    ):
        quoted = "\n".join(f"> {line}" for line in body.splitlines())
        return f"> **{name.capitalize()}.**\n>\n{quoted}"
    if name in ("math",):
        return f"$$\n{body}\n$$"
    return body


def markdown(
    text: str, prose: dict[str, str], figures: dict[str, tuple[int, str]]
) -> str:
    """``text`` (a chapter's MyST Markdown) as plain Markdown: ``{eval}`` roles filled from
    ``prose``, figure references numbered, other roles reduced to their text, exercises dropped
    and admonitions quoted.

    Parameters
    ----------
    text
        The Markdown source of a cell (or a caption).
    prose
        The run's computed prose values by the variable name an ``{eval}`` role gives; a name not
        in it shows as "[name: not computed in this run]".
    figures
        Figure label to (number, caption), as the chapter numbers its figures; a reference to a
        label not in it shows the number as "?".

    Returns
    -------
    str
        The text with roles and directives replaced: citations as "(key, ...)", ``sub``, ``sup``
        as HTML, ``math`` in dollars, exercises and solutions removed, admonitions as block
        quotes, links to the book's other pages reduced to their text.

    Examples
    --------
    >>> markdown("{eval}`n` of {term}`units <Unit>`, see {numref}`Figure %s <fig-a>`.",
    ...          {"n": "31"}, {"fig-a": (2, "")})
    '31 of units, see Figure 2.'
    """

    def fill(match: re.Match) -> str:
        name = match.group(1)
        return prose.get(name, f"[{name}: not computed in this run]")

    def numref(match: re.Match) -> str:
        label = match.group(2) or match.group(3)
        number = figures.get(label.strip(), ("?", ""))[0]
        template = match.group(1) or "Figure %s"
        return template.replace("%s", str(number))

    text = EVAL.sub(fill, text)
    text = NUMREF.sub(numref, text)
    text = DIRECTIVE.sub(_directive, text)
    text = ROLE.sub(_role, text)
    # links to the book's other pages lead nowhere outside the book: keep their text
    return re.sub(r"\[([^\]]+)\]\((?:\.\./)?book/[^)]*\)", r"\1", text)


def report_notebook(notebook):
    """The executed ``notebook`` as its report shows it (a new notebook; the input is unchanged).

    Solutions and cells tagged ``remove-cell`` are dropped, Markdown goes through
    :func:`markdown`, outputs of cells tagged ``remove-output``, the prose records and error
    outputs are removed, and each figure with an output is followed by its numbered caption.

    Parameters
    ----------
    notebook
        An nbformat (v4) notebook executed to its end, so that an output holds the run's record.

    Returns
    -------
    nbformat.NotebookNode
        The report's notebook (code cells keep their source; the HTML export hides it).

    Raises
    ------
    helpers.errors.InputError
        If no output of the notebook holds the record of a chapter's run.
    """
    record = _record(notebook)
    prose = record.get("prose", {})
    figures = _figures(notebook)
    out = copy.deepcopy(notebook)
    cells, solution = [], False
    for cell in out.cells:
        tags = set(cell.get("metadata", {}).get("tags", []))
        source = cell.source
        if cell.cell_type == "markdown" and "{solution-start}" in source:
            solution = True
        if solution:
            solution = "{solution-end}" not in source
            continue
        if "remove-cell" in tags:
            continue
        if cell.cell_type == "markdown":
            cell.source = markdown(source, prose, figures)
            if cell.source.strip():
                cells.append(cell)
            continue
        if cell.cell_type != "code":
            continue
        if "remove-output" in tags:
            cell.outputs = []
        cell.outputs = [
            o
            for o in cell.get("outputs", [])
            if PROSE_KEY not in o.get("metadata", {})
            and o.get("output_type") != "error"
        ]
        cells.append(cell)
        figure = cell.get("metadata", {}).get("mystnb", {}).get("figure")
        if figure and figure.get("name") in figures and cell.outputs:
            number, caption = figures[figure["name"]]
            cells.append(
                _markdown_cell(
                    f"*Figure {number}.* {markdown(caption, prose, figures)}"
                )
            )
    out.cells = cells
    return out


def _markdown_cell(text: str):
    import nbformat

    return nbformat.v4.new_markdown_cell(text)


def write(notebook_path: str | Path, folder: str | Path | None = None) -> Path:
    """Write ``report.html`` for the executed chapter at ``notebook_path`` into the folder where
    its run wrote its files (or ``folder``); record it in that folder's ``manifest.json``; return
    its path.

    Parameters
    ----------
    notebook_path
        The notebook papermill executed (or ``book-run`` kept).
    folder
        Where to write the report (made if missing); ``None`` takes the run's ``output_dir``
        from its record.

    Returns
    -------
    pathlib.Path
        The path of ``report.html``, titled by the notebook's first level-one heading (else its
        file stem). When the folder has a ``manifest.json``, the report is listed in its
        ``outputs`` with its sha256.

    Raises
    ------
    helpers.errors.InputError
        If ``notebook_path`` is not a file or not a Jupyter notebook, or holds no record of a
        chapter's run.
    """
    import nbformat
    from nbconvert import HTMLExporter

    path = Path(notebook_path)
    if not path.is_file():
        raise InputError(f"{path}: no such notebook")
    try:
        notebook = nbformat.read(path, as_version=4)
    except Exception as error:  # nbformat raises several kinds for a file that is not a notebook
        raise InputError(
            f"{path.name}: not a Jupyter notebook ({error})"
        ) from None
    record = _record(notebook)
    folder = Path(folder or record["output_dir"])
    folder.mkdir(parents=True, exist_ok=True)
    exporter = HTMLExporter(
        template_name="lab", exclude_input=True, exclude_input_prompt=True
    )
    exporter.exclude_output_prompt = True
    body, _ = exporter.from_notebook_node(report_notebook(notebook))
    title = next(
        (
            c.source.splitlines()[0].lstrip("# ")
            for c in notebook.cells
            if c.cell_type == "markdown" and c.source.startswith("# ")
        ),
        path.stem,
    )
    body = re.sub(
        r"<title>.*?</title>", f"<title>{title}</title>", body, count=1
    )
    target = folder / "report.html"
    target.write_text(body, encoding="utf-8")
    _add_to_manifest(
        folder,
        target,
        "this run's report: the chapter as run, its prose filled in, without code",
    )
    return target


def _add_to_manifest(folder: Path, path: Path, what: str) -> None:
    manifest = folder / "manifest.json"
    if not manifest.is_file():
        return
    record = json.loads(manifest.read_text(encoding="utf-8"))
    record.setdefault("outputs", {})[path.name] = {
        "what": what,
        "sha256": data.sha256(path),
    }
    record["outputs"] = dict(sorted(record["outputs"].items()))
    manifest.write_text(
        json.dumps(record, ensure_ascii=False, indent=2) + "\n",
        encoding="utf-8",
    )


def run(chapter: str | Path, parameters: dict) -> tuple[Path, Path]:
    """Execute ``chapter`` with papermill and ``parameters``; keep the executed notebook in the
    run's folder and write its report there. Returns both paths.

    Parameters
    ----------
    chapter
        The chapter's notebook.
    parameters
        The chapter's parameters by name, as papermill takes them.

    Returns
    -------
    executed : pathlib.Path
        The executed notebook, under the chapter's file name in the run's folder (listed in its
        ``manifest.json``).
    report : pathlib.Path
        The report written by :func:`write`.

    Raises
    ------
    helpers.errors.InputError
        If ``chapter`` is not a file.
    papermill.exceptions.PapermillExecutionError
        If the chapter stops with an error (a bad parameter or file is its one line).
    """
    import papermill

    chapter = Path(chapter)
    if not chapter.is_file():
        raise InputError(f"{chapter}: no such chapter notebook")
    with tempfile.TemporaryDirectory() as scratch:
        executed = Path(scratch) / chapter.name
        papermill.execute_notebook(
            str(chapter),
            str(executed),
            parameters=parameters,
            progress_bar=False,
            kernel_name="python3",
        )
        import nbformat

        folder = Path(
            _record(nbformat.read(executed, as_version=4))["output_dir"]
        )
        kept = folder / chapter.name
        kept.write_bytes(executed.read_bytes())
    _add_to_manifest(folder, kept, "the chapter as executed by this run")
    return kept, write(kept)


def _parameters(args) -> dict:
    """papermill's -p/-y parameters, typed as papermill types them."""
    import yaml
    from papermill.cli import _resolve_type

    parameters = {}
    for text in args.yaml or []:
        loaded = yaml.safe_load(text)
        if not isinstance(loaded, dict):
            raise InputError(
                f"-y {text!r}: expected YAML of name: value pairs"
            )
        parameters.update(loaded)
    for name, value in args.parameters or []:
        parameters[name] = _resolve_type(value)
    return parameters


def main_report(argv: list[str] | None = None) -> int:
    """The ``book-report`` command: write ``report.html`` for an executed chapter.

    Parameters
    ----------
    argv
        The command's arguments (the executed notebook, and ``--output-dir`` to write
        elsewhere); ``None`` reads ``sys.argv``.

    Returns
    -------
    int
        The exit status: 0 after printing the report's path, 2 after printing a problem with the
        input as one line on stderr.
    """
    parser = argparse.ArgumentParser(
        prog="book-report",
        description="Write report.html for a chapter executed by papermill, in its run's folder.",
    )
    parser.add_argument(
        "notebook", help="the executed notebook (papermill's output)"
    )
    parser.add_argument("--output-dir", help="write the report here instead")
    args = parser.parse_args(argv)
    return _main(lambda: print(write(args.notebook, args.output_dir)))


def main_run(argv: list[str] | None = None) -> int:
    """The ``book-run`` command: run a chapter with papermill and write its report.

    Parameters
    ----------
    argv
        The command's arguments (the chapter's notebook, then papermill's ``-p NAME VALUE`` and
        ``-y YAML``, each repeatable); ``None`` reads ``sys.argv``.

    Returns
    -------
    int
        The exit status: 0 after printing both paths, 2 for a problem with the input and 1 when
        the chapter stopped, each as one line on stderr.
    """
    parser = argparse.ArgumentParser(
        prog="book-run",
        description="Run a chapter with papermill and write its report beside its tables.",
    )
    parser.add_argument("chapter", help="the chapter's notebook")
    parser.add_argument(
        "-p",
        nargs=2,
        action="append",
        dest="parameters",
        metavar=("NAME", "VALUE"),
        help="a parameter, as papermill -p takes it",
    )
    parser.add_argument(
        "-y",
        action="append",
        dest="yaml",
        help="parameters as YAML, as papermill -y",
    )
    args = parser.parse_args(argv)

    def go():
        kept, report = run(args.chapter, _parameters(args))
        print(f"Executed notebook: {kept}\nReport: {report}")

    return _main(go)


def _main(action) -> int:
    """Run ``action``; a problem with the input is one line on stderr, as in the chapters."""
    from papermill.exceptions import PapermillExecutionError

    from helpers.errors import BookError

    try:
        action()
    except BookError as error:
        print(f"{type(error).__name__}: {error}", file=sys.stderr)
        return 2
    except PapermillExecutionError as error:
        # the chapter stopped: its own one line (a bad file or parameter), not papermill's dump
        print(f"{error.ename}: {error.evalue}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main_report())
