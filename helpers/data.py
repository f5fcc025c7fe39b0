"""Load the book's datasets through their manifests.

Every dataset is ``data/<name>.csv`` with a manifest ``data/<name>.yml`` beside it. The manifest
records where the numbers come from, their terms of use, the CSV's sha256 and a schema: each
column's name, type, unit and meaning, and optionally allowed values (``values``, a list, or
``values_from: <dataset>.<column>``, the values of another dataset's column), a range, and the key
columns.

:func:`load` refuses a file whose checksum or schema does not match, naming the file and the
problem. A replicator who passes their own file (``path=...``) gets the same schema check, without
the checksum, so that data of the wrong shape stops with a message instead of a traceback deep
inside a chapter.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml

from helpers import _checks
from helpers.errors import DataError, InputError, InputTypeError
from helpers.paths import DATA_DIR

#: Column types a manifest may declare, and the pandas dtype each becomes.
COLUMN_TYPES = {
    "string": "string",
    "integer": "Int64",
    "float": "float64",
    "boolean": "boolean",
}

#: Keys every manifest must have.
REQUIRED_KEYS = ("title", "source", "terms", "synthetic", "sha256", "columns")


def sha256(path: str | Path) -> str:
    """Return the hex sha256 digest of a file's bytes.

    Parameters
    ----------
    path
        The file.

    Returns
    -------
    str
        64 lower-case hexadecimal digits.

    Raises
    ------
    OSError
        If the file cannot be read (``FileNotFoundError`` when it does not exist).
    """
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def available() -> list[str]:
    """Names of the datasets in ``data/`` (every ``.yml`` manifest).

    Returns
    -------
    list of str
        The manifests' file stems, sorted.
    """
    return sorted(p.stem for p in DATA_DIR.glob("*.yml"))


def manifest(name: str) -> dict[str, Any]:
    """Return the parsed manifest of dataset ``name``.

    Parameters
    ----------
    name
        Dataset name, the stem of ``data/<name>.yml``.

    Returns
    -------
    dict
        The YAML mapping: at least the keys of :data:`REQUIRED_KEYS`, and ``columns``, a list of
        mappings with ``name`` and a ``type`` of :data:`COLUMN_TYPES`.

    Raises
    ------
    helpers.errors.InputTypeError
        If ``name`` is not a string.
    DataError
        If there is no such dataset, the manifest is not a YAML mapping, lacks a required key, or
        declares a column type that is not one of :data:`COLUMN_TYPES`.
    """
    if not isinstance(name, str):
        raise InputTypeError(
            f"name must be a dataset name (str), got {type(name).__name__}"
        )
    path = DATA_DIR / f"{name}.yml"
    if not path.exists():
        raise DataError(
            f"no dataset named {name!r}; available: {', '.join(available())}"
        )
    meta = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(meta, dict):
        raise DataError(f"{path.name}: the manifest is not a YAML mapping")
    missing = [k for k in REQUIRED_KEYS if k not in meta]
    if missing:
        raise DataError(f"{path.name}: manifest lacks {', '.join(missing)}")
    for col in meta["columns"]:
        if col.get("type") not in COLUMN_TYPES:
            raise DataError(
                f"{path.name}: column {col.get('name')!r} has type {col.get('type')!r}; expected "
                f"one of {', '.join(COLUMN_TYPES)}"
            )
    return meta


def load(
    name: str, path: str | Path | None = None, sheet: str | int | None = None
) -> pd.DataFrame:
    """Load dataset ``name`` after checking it against its manifest.

    Parameters
    ----------
    name
        Dataset name, the stem of ``data/<name>.yml``.
    path
        A replacement file with the same schema (a replicator's own data): a CSV in UTF-8 or
        GB18030/GBK, separated by commas, semicolons or tabs, or an ``.xlsx`` workbook
        (:func:`read_table`). Its checksum is not checked, its schema is; numbers may carry
        thousands separators and, in a file not separated by commas, decimal commas, and years
        may read "2015年". ``None`` loads the shipped ``data/<name>.csv``.
    sheet
        The workbook's sheet (name or number) when ``path`` is an ``.xlsx`` file; its first by
        default.

    Returns
    -------
    pandas.DataFrame
        Columns in manifest order, typed as the manifest says (string, nullable Int64, float64 or
        boolean). Columns a replacement file has beyond the schema are kept after them. For a
        replicator's file, ``attrs["file_format"]`` records how it was read
        (:class:`FileFormat`).

    Raises
    ------
    DataError
        Naming the file and the problem: a missing file, a changed checksum, missing columns, values
        that do not parse as the declared type, missing values, values outside the allowed set or
        range, or duplicate keys.
    """
    meta = manifest(name)
    shipped = path is None
    csv = DATA_DIR / f"{name}.csv" if shipped else Path(path)
    if not csv.exists():
        raise DataError(f"{csv}: file not found (dataset {name!r})")
    if shipped and sha256(csv) != meta["sha256"]:
        raise DataError(
            f"{csv.name}: sha256 is {sha256(csv)}, but the manifest {name}.yml records "
            f"{meta['sha256']}; the file was changed. Restore it, or, if the change is deliberate, "
            "update the manifest's sha256 and describe the change there."
        )
    if shipped:
        raw = pd.read_csv(
            csv, dtype=str, keep_default_na=False, encoding="utf-8"
        )
        return _apply_schema(raw, meta, csv.name, strict_columns=True)
    raw, form = read_table(csv, sheet)
    out = _apply_schema(raw, meta, csv.name, strict_columns=False, form=form)
    out.attrs["file_format"] = form.record()
    return out


def _apply_schema(
    raw: pd.DataFrame,
    meta: dict,
    fname: str,
    strict_columns: bool,
    form: FileFormat | None = None,
) -> pd.DataFrame:
    """Check and type ``raw`` (all strings) against the manifest's columns; what was read in a
    way worth saying (thousands separators, "2015年") is noted in ``form``."""
    declared = [c["name"] for c in meta["columns"]]
    # a column marked ``required: false`` may be absent from a replicator's file (e.g. the true
    # latent scores of simulated data); the shipped file must have every column
    missing = [
        c["name"]
        for c in meta["columns"]
        if c["name"] not in raw.columns
        and (strict_columns or c.get("required", True))
    ]
    if missing:
        raise DataError(_missing_message(raw, meta, fname, missing))
    extra = [c for c in raw.columns if c not in declared]
    if strict_columns and extra:
        raise DataError(
            f"{fname}: unexpected column(s) {', '.join(extra)} not in the manifest"
        )
    if raw.empty:
        raise DataError(f"{fname}: the file has a header but no rows")

    out = pd.DataFrame(index=raw.index)
    for col in meta["columns"]:
        if col["name"] in raw.columns:
            out[col["name"]] = _typed_column(
                raw[col["name"]], col, fname, form
            )
    for c in extra:
        out[c] = raw[c]

    key = meta.get("primary_key")
    if key:
        dup = out.duplicated(subset=key, keep=False)
        if dup.any():
            rows = _rows(dup)
            raise DataError(
                f"{fname}: duplicate key ({', '.join(key)}) in {rows}"
            )
    return out


def _missing_message(
    raw: pd.DataFrame, meta: dict, fname: str, missing: list[str]
) -> str:
    """One line: the missing columns, the required and optional ones apart, and what to do when
    the file has years as columns (a wide panel)."""
    years = [
        c for c in raw.columns if re.fullmatch(r"(1[89]|20)\d{2}\s*年?", c)
    ]
    if len(years) >= 2:
        keep = [c for c in raw.columns if c not in years]
        return (
            f"{fname}: years are columns ({years[0]}, ..., {years[-1]}): reshape to long, one row "
            f"per unit and year, e.g. frame.melt(id_vars={keep!r}, var_name='year', "
            "value_name='<the variable>')"
        )
    optional = [
        c["name"] for c in meta["columns"] if not c.get("required", True)
    ]
    message = f"{fname}: missing column(s) {_checks.labels(missing)}"
    if optional:
        message += f"; optional, may be absent: {_checks.labels(optional)}"
    return message + f"; the file has: {_checks.labels(raw.columns)}"


#: a number with thousands separators, written with decimal points or with decimal commas, and
#: the separators it may use (a comma or a space; a point or a space)
GROUPED = {
    ".": (
        r"^[+-]?\d{1,3}(?:[, \u00a0\u2009]\d{3})+(?:\.\d*)?$",
        r"[, \u00a0\u2009]",
    ),
    ",": (
        r"^[+-]?\d{1,3}(?:[. \u00a0\u2009]\d{3})+(?:,\d*)?$",
        r"[. \u00a0\u2009]",
    ),
}


def _numbers(
    text: pd.Series, name: str, kind: str, form: FileFormat | None
) -> pd.Series:
    """Numbers as Python reads them, from numbers as people write them: thousands separators
    dropped, decimal commas (in a file the reader found to use them) made points, and a year
    written "2015年" read as 2015; each noted in ``form``."""
    decimal = form.decimal if form is not None else "."
    pattern, separator = GROUPED[decimal]
    cleaned = text.str.strip()
    grouped = cleaned.str.match(pattern).fillna(False).astype(bool)
    if grouped.any():
        dropped = cleaned.str.replace(separator + r"(?=\d{3})", "", regex=True)
        cleaned = cleaned.where(~grouped, dropped)
        _note(form, f"thousands separators dropped in column {name!r}")
    if decimal == ",":
        cleaned = cleaned.str.replace(",", ".", regex=False)
    if kind == "integer":
        years = cleaned.str.fullmatch(r"\d{4}\s*年").fillna(False).astype(bool)
        if years.any():
            cleaned = cleaned.str.replace(r"\s*年$", "", regex=True)
            shown = text[years].iloc[0].strip()
            _note(
                form,
                f"values such as {shown!r} in column {name!r} read as years",
            )
    return pd.to_numeric(cleaned, errors="coerce")


def _note(form: FileFormat | None, note: str) -> None:
    if form is not None and note not in form.notes:
        form.notes.append(note)


def _typed_column(
    values: pd.Series, col: dict, fname: str, form: FileFormat | None = None
) -> pd.Series:
    name, kind = col["name"], col["type"]
    blank = values.str.strip() == ""
    if blank.any() and not col.get("nullable", False):
        raise DataError(
            f"{fname}: column {name!r} has missing values in {_rows(blank)}"
        )
    text = values.where(~blank)
    if kind == "string":
        # "北京 " from a spreadsheet is 北京
        typed = text.str.strip().astype("string")
    elif kind == "boolean":
        mapping = {"true": True, "false": False}
        lowered = text.str.strip().str.lower()
        bad = ~blank & ~lowered.isin(list(mapping))
        if bad.any():
            raise DataError(
                f"{fname}: column {name!r} must be true/false; {_rows_are_not(bad)}"
            )
        typed = lowered.map(mapping).astype("boolean")
    else:
        numbers = _numbers(text, name, kind, form)
        bad = ~blank & numbers.isna()
        if kind == "integer":
            bad |= ~blank & numbers.notna() & (numbers != numbers.round())
        if bad.any():
            shown = ", ".join(repr(v) for v in values[bad].head(3))
            raise DataError(
                f"{fname}: column {name!r} must be {kind}; {_rows_are_not(bad)} ({shown})"
            )
        typed = numbers.astype(COLUMN_TYPES[kind])

    allowed = col.get("values")
    if allowed is not None:
        bad = typed.notna() & ~typed.isin(allowed)
        if bad.any():
            shown = ", ".join(sorted({str(v) for v in typed[bad]}))
            raise DataError(
                f"{fname}: column {name!r} has value(s) {shown} in {_rows(bad)}; allowed: "
                f"{', '.join(map(str, allowed))}"
            )
    reference = col.get("values_from")
    if reference is not None:
        dataset, column = reference.split(".")
        known = load(dataset)[column]
        bad = typed.notna() & ~typed.isin(set(known))
        if bad.any():
            shown = ", ".join(sorted({str(v) for v in typed[bad]}))
            raise DataError(
                f"{fname}: column {name!r} has value(s) {shown} in {_rows(bad)} that are not in "
                f"{reference}; expected values such as {', '.join(known.head(3))}"
            )
    for bound in ("min", "max"):
        limit = col.get(bound)
        if limit is None:
            continue
        outside = (typed < limit) if bound == "min" else (typed > limit)
        outside = outside.fillna(False).astype(bool)
        if outside.any():
            raise DataError(
                f"{fname}: column {name!r} has values outside its {bound} of {col[bound]} in "
                f"{_rows(outside)}"
            )
    return typed


_rows = _checks.file_lines


def _rows_are_not(mask: pd.Series) -> str:
    return _rows(mask) + (" is not" if int(mask.sum()) == 1 else " are not")


def catalogue() -> pd.DataFrame:
    """One row per dataset: title, source, terms, whether simulated, rows and checksum status.

    This is what the book's data page shows.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``dataset`` (sorted), with ``title``, ``source`` and ``terms`` (whitespace
        collapsed to single spaces), ``simulated`` (``"yes"`` or ``"no"``), ``rows`` and
        ``sha256 verified`` (bool).

    Raises
    ------
    DataError
        If a manifest or a dataset does not check (:func:`load` loads every one, so a changed
        checksum raises rather than showing ``False``).
    """
    rows = []
    for name in available():
        meta = manifest(name)
        csv = DATA_DIR / f"{name}.csv"
        rows.append(
            {
                "dataset": name,
                "title": meta["title"],
                "source": " ".join(str(meta["source"]).split()),
                "terms": " ".join(str(meta["terms"]).split()),
                "simulated": "yes" if meta["synthetic"] else "no",
                "rows": len(load(name)),
                "sha256 verified": sha256(csv) == meta["sha256"],
            }
        )
    return pd.DataFrame(rows).set_index("dataset")


def columns_table(name: str) -> pd.DataFrame:
    """The manifest's column schema of dataset ``name`` as a table.

    Parameters
    ----------
    name
        Dataset name, the stem of ``data/<name>.yml``.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``column`` in manifest order, with ``type``, ``unit`` ("" when none) and
        ``meaning`` (the column's description, whitespace collapsed).

    Raises
    ------
    helpers.errors.InputTypeError
        If ``name`` is not a string.
    DataError
        If there is no such dataset or its manifest is invalid (:func:`manifest`).
    """
    meta = manifest(name)
    rows = [
        {
            "column": c["name"],
            "type": c["type"],
            "unit": c.get("unit", ""),
            "meaning": " ".join(str(c.get("description", "")).split()),
        }
        for c in meta["columns"]
    ]
    return pd.DataFrame(rows).set_index("column")


# -- time series for the time-series chapter ------------------------------------------------------

#: The quarterly US series of statsmodels' macrodata that chapter 5 uses by default.
MACRO_SERIES = ("realgdp", "realcons", "realinv")


def statsmodels_macrodata() -> pd.DataFrame:
    """statsmodels' US macroeconomic data (quarterly, 1959Q1-2009Q3), with a ``date`` column such as
    ``"1959Q1"`` first: the shape :func:`load_series` expects of a replicator's file.

    The data ship with statsmodels (``statsmodels.datasets.macrodata``, compiled from the Federal
    Reserve Bank of St. Louis FRED database and the BLS; public domain), so no download is needed.

    Returns
    -------
    pandas.DataFrame
        203 quarters on a default index: ``date`` (text such as ``"1959Q1"``), then statsmodels'
        columns other than ``year`` and ``quarter`` (``realgdp``, ``realcons``, ``realinv``,
        ...), as floats in their units.
    """
    from statsmodels.datasets import macrodata

    raw = macrodata.load_pandas().data
    date = (
        raw["year"].astype(int).astype(str)
        + "Q"
        + raw["quarter"].astype(int).astype(str)
    )
    return pd.concat(
        [date.rename("date"), raw.drop(columns=["year", "quarter"])], axis=1
    )


def load_series(
    path: str | Path | None,
    variables: list[str],
    positive: bool = False,
    sheet: str | int | None = None,
) -> pd.DataFrame:
    """Time series for chapter 5: a CSV (or a workbook's first sheet, or ``sheet``) with a
    ``date`` column and numeric columns ``variables``.

    ``path=None`` gives :func:`statsmodels_macrodata`. Dates may be quarters (``1959Q1``) or
    anything ``pandas.to_datetime`` reads; they must increase without repeats. The named columns
    must be numbers without gaps, and strictly positive when ``positive`` (the chapter takes logs).
    Returns the columns ``variables`` indexed by a ``DatetimeIndex``. Problems raise
    :class:`DataError` naming the file, column and lines.

    Parameters
    ----------
    path
        A replicator's file (CSV or ``.xlsx``, read by :func:`read_table`), or ``None``.
    variables
        The names of the numeric columns to return, a non-empty list.
    positive
        Refuse values that are zero or negative.
    sheet
        The workbook's sheet (name or number) when ``path`` is an ``.xlsx`` file.

    Returns
    -------
    pandas.DataFrame
        The columns ``variables`` (float64), indexed by a ``DatetimeIndex`` named ``date``
        (quarters at their first day). A replicator's file adds ``attrs["file_format"]``.

    Raises
    ------
    helpers.errors.InputError
        If ``variables`` is not a non-empty list of names.
    DataError
        If the file cannot be read (:func:`read_table`), lacks ``date`` or a variable, has no
        rows, a date that does not parse, dates that do not increase strictly, a value that is
        missing or not a number, or, with ``positive``, a value that is not positive.
    """
    if (
        isinstance(variables, str)
        or not variables
        or not all(isinstance(v, str) for v in variables)
    ):
        raise InputError(
            f"variables must be a non-empty list of column names, got {variables!r}"
        )
    form = None
    if path is None:
        fname = "statsmodels macrodata"
        raw = statsmodels_macrodata().astype(str)
    else:
        csv = Path(path)
        fname = csv.name
        raw, form = read_table(csv, sheet)
    missing = [c for c in ["date", *variables] if c not in raw.columns]
    if missing:
        raise DataError(
            f"{fname}: missing column(s) {', '.join(missing)}; expected a date column and "
            f"{', '.join(variables)}"
        )
    if raw.empty:
        raise DataError(f"{fname}: the file has a header but no rows")
    dates = raw["date"].str.strip()
    quarterly = dates.str.fullmatch(r"\d{4}Q[1-4]")
    if quarterly.all():
        index = pd.PeriodIndex(dates, freq="Q").to_timestamp()
    else:
        parsed = pd.to_datetime(dates, errors="coerce")
        if parsed.isna().any():
            raise DataError(
                f"{fname}: column 'date' does not parse as dates in {_rows(parsed.isna())}"
            )
        index = pd.DatetimeIndex(parsed)
    if not index.is_monotonic_increasing or index.has_duplicates:
        # the first date not after the one before it, as CSV lines (the header is line 1)
        line = int(np.flatnonzero(np.diff(index.asi8) <= 0)[0]) + 3
        raise DataError(
            f"{fname}: dates must increase without repeats; line {line} ({dates.iloc[line - 2]}) "
            f"does not come after line {line - 1} ({dates.iloc[line - 3]})"
        )
    out = pd.DataFrame(
        {
            v: _typed_column(raw[v], {"name": v, "type": "float"}, fname, form)
            for v in variables
        }
    )
    if positive:
        for v in variables:
            bad = out[v] <= 0
            if bad.any():
                raise DataError(
                    f"{fname}: column {v!r} must be positive to take logs; {_rows_are_not(bad)}"
                )
    out.index = pd.DatetimeIndex(index, name="date")
    if form is not None:
        out.attrs["file_format"] = form.record()
    return out


# -- reading a replicator's file -------------------------------------------------------------------

#: Encodings a file is read in, in this order: UTF-8 (with or without the byte-order mark Excel
#: writes) and GB18030, the superset of GBK that Excel on Chinese Windows saves CSV files in.
ENCODINGS = (("utf-8-sig", "UTF-8"), ("gb18030", "GB18030 (GBK)"))
SEPARATORS = {",": "commas", ";": "semicolons", "\t": "tabs"}
EXCEL = (".xlsx", ".xlsm")


@dataclass
class FileFormat:
    """How a file was read: what :func:`read_table` detected, for the run's manifest."""

    kind: str  # "csv" or "xlsx"
    encoding: str | None = None
    separator: str | None = None
    decimal: str = "."
    sheet: str | None = None
    notes: list[str] = field(default_factory=list)

    def record(self) -> dict:
        """How the file was read, as a plain mapping for a run's ``manifest.json``.

        Returns
        -------
        dict
            ``kind``, ``encoding``, ``separator``, ``decimal``, ``sheet`` and ``notes`` (a copy
            of the list).
        """
        return {
            "kind": self.kind,
            "encoding": self.encoding,
            "separator": self.separator,
            "decimal": self.decimal,
            "sheet": self.sheet,
            "notes": list(self.notes),
        }

    def sentence(self) -> str:
        """What a reader should know about how the file was read, or "" when it was a plain
        UTF-8 CSV with commas.

        Returns
        -------
        str
            "Read as ..." naming the sheet, or the encoding and separator when either is not
            UTF-8 and commas, and the decimal commas; then each note as a sentence.
        """
        said = []
        if self.kind == "xlsx":
            said.append(f"sheet {self.sheet!r} of the workbook")
        elif self.encoding != "UTF-8" or self.separator != ",":
            said.append(
                f"{self.encoding} text separated by {SEPARATORS[self.separator]}"
            )
        if self.decimal == ",":
            said.append("with decimal commas")
        text = "Read as " + ", ".join(said) + "." if said else ""
        notes = " ".join(n[0].upper() + n[1:] + "." for n in self.notes)
        return " ".join(t for t in (text, notes) if t)


def load_columns(
    path: str | Path,
    columns: dict[str, str],
    key: list[str] | None = None,
    sheet: str | int | None = None,
) -> pd.DataFrame:
    """A replicator's table whose columns are named by the chapter's parameters rather than by a
    shipped dataset: ``columns`` maps each column the chapter needs to its type (``"string"``,
    ``"integer"``, ``"float"``), ``key`` the columns that identify a row. The file is read and
    checked as :func:`load` reads and checks a dataset's (:func:`read_table`; missing columns,
    values that are not numbers, blanks and repeated keys raise one :class:`DataError` line); it
    returns those columns, typed, with ``attrs["file_format"]``.

    Parameters
    ----------
    path
        The replicator's file: a CSV (UTF-8 or GB18030/GBK; commas, semicolons or tabs) or an
        ``.xlsx`` workbook.
    columns
        Column name to type, each ``"string"``, ``"integer"``, ``"float"`` or ``"boolean"``; none
        may be blank.
    key
        Columns whose values together identify a row (no repeats allowed), or ``None``.
    sheet
        The workbook's sheet (name or number) when ``path`` is an ``.xlsx`` file.

    Returns
    -------
    pandas.DataFrame
        The columns of ``columns`` in that order, typed (string, nullable Int64, float64 or
        boolean), on a default index, with ``attrs["file_format"]`` (:meth:`FileFormat.record`).

    Raises
    ------
    helpers.errors.InputTypeError
        If ``columns`` is not a non-empty dict.
    helpers.errors.InputError
        If a type in ``columns`` is not one of :data:`COLUMN_TYPES`.
    helpers.errors.DataError
        If the file is missing, a folder, an old ``.xls`` workbook, neither text in UTF-8 or
        GB18030 nor a readable ``.xlsx`` workbook, not parseable as CSV, or the named sheet does not
        exist.
        Or if a column is missing, has blanks or values not of its type, the file has no rows,
        or a key repeats.

    Examples
    --------
    >>> import tempfile
    >>> csv = Path(tempfile.mkdtemp()) / "p.csv"
    >>> _ = csv.write_text('city,year,y\\n苏州,2015年,"1,250.5"\\n', encoding="utf-8")
    >>> frame = load_columns(csv, {"city": "string", "year": "integer", "y": "float"})
    >>> frame.to_dict("records")
    [{'city': '苏州', 'year': 2015, 'y': 1250.5}]
    """
    if not isinstance(columns, dict) or not columns:
        raise InputTypeError(
            f"columns must map column names to types; got {columns!r}"
        )
    bad = {n: t for n, t in columns.items() if t not in COLUMN_TYPES}
    if bad:
        raise InputError(
            f"columns: types must be one of {', '.join(COLUMN_TYPES)}; got {bad}"
        )
    meta = {
        "columns": [{"name": n, "type": t} for n, t in columns.items()],
        "primary_key": list(key or []),
    }
    path = Path(path)
    raw, form = read_table(path, sheet)
    out = _apply_schema(
        raw[[c for c in raw.columns if c in columns]]
        if set(columns) <= set(raw.columns)
        else raw,
        meta,
        path.name,
        strict_columns=False,
        form=form,
    )
    out = out[list(columns)]
    out.attrs["file_format"] = form.record()
    return out


def format_sentence(frame: pd.DataFrame) -> str:
    """How a replicator's file behind ``frame`` was read, in a sentence for the chapter's note
    about the data ("Read as GB18030 (GBK) text separated by semicolons, with decimal commas.
    Thousands separators dropped in column 'ai_firms'."), or "" for a plain UTF-8 CSV with commas
    and for the book's own data.

    Parameters
    ----------
    frame
        A table returned by :func:`load` or :func:`load_columns` (or a loader built on them).

    Returns
    -------
    str
        :meth:`FileFormat.sentence` of its ``attrs["file_format"]``, or "" when it has none.
    """
    record = frame.attrs.get("file_format")
    return FileFormat(**record).sentence() if record else ""


def read_table(
    path: str | Path, sheet: str | int | None = None
) -> tuple[pd.DataFrame, FileFormat]:
    """Every cell of a replicator's table as text, and how it was read.

    Accepts a CSV (or semicolon- or tab-separated text) in UTF-8, UTF-8 with a byte-order mark or
    GB18030/GBK, with decimal points or, in a file separated by semicolons or tabs, decimal commas;
    or an ``.xlsx`` workbook (its first sheet, or ``sheet``). Types come from the schema later
    (:func:`load`). A file that is none of these raises one :class:`DataError` line.

    Parameters
    ----------
    path
        The file; ``.xlsx`` and ``.xlsm`` are read as workbooks, anything else as text.
    sheet
        The workbook's sheet, by name or number (0 is the first); ``None`` takes the first.
        Ignored for text files.

    Returns
    -------
    frame : pandas.DataFrame
        Every cell as text (blanks as "", whole numbers of a workbook without ".0", dates as
        ``YYYY-MM-DD``), on a default index, with the header's names stripped of blanks.
    form : FileFormat
        How the file was read: ``kind``, and the encoding, separator and decimal mark of a CSV or
        the sheet of a workbook.

    Raises
    ------
    helpers.errors.DataError
        If the file is missing, a folder, an old ``.xls`` workbook, neither text in UTF-8 or
        GB18030 nor a readable ``.xlsx`` workbook, not parseable as CSV, or the named sheet does not
        exist.
    """
    path = Path(path)
    if path.is_dir():
        raise DataError(f"{path}: is a folder; expected a CSV or .xlsx file")
    if not path.exists():
        raise DataError(f"{path}: file not found")
    if path.suffix.lower() == ".xls":
        raise DataError(
            f"{path.name}: an old Excel .xls workbook; save it as .xlsx or CSV (UTF-8)"
        )
    if path.suffix.lower() in EXCEL:
        return _read_excel(path, sheet)
    raw = path.read_bytes()
    if b"\x00" in raw[:8192]:
        raise DataError(
            f"{path.name}: not a text file; expected a CSV (UTF-8 or GBK) or an .xlsx workbook"
        )
    text, encoding = _decode(raw, path.name)
    separator = _separator(text)
    try:
        frame = pd.read_csv(
            io.StringIO(text),
            sep=separator,
            dtype=str,
            keep_default_na=False,
            skipinitialspace=True,
        )
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        detail = " ".join(str(exc).split())  # pandas' messages span lines
        raise DataError(
            f"{path.name}: not a readable CSV with {SEPARATORS[separator]} ({detail})"
        ) from exc
    frame.columns = [str(c).strip() for c in frame.columns]
    decimal = "," if separator != "," and _decimal_commas(frame) else "."
    return frame, FileFormat("csv", encoding, separator, decimal)


def _decode(raw: bytes, name: str) -> tuple[str, str]:
    for codec, label in ENCODINGS:
        try:
            return raw.decode(codec), label
        except UnicodeDecodeError:
            continue
    raise DataError(
        f"{name}: neither UTF-8 nor GB18030/GBK text; save it from Excel as 'CSV UTF-8 (comma "
        "delimited)'"
    )


def _separator(text: str) -> str:
    """The separator of the header line: the candidate that splits it into most fields (quoted
    fields left whole)."""
    header = next((line for line in text.splitlines() if line.strip()), "")
    unquoted = re.sub(r'"[^"]*"', "", header)
    counts = {s: unquoted.count(s) for s in SEPARATORS}
    best = max(counts, key=counts.get)
    return best if counts[best] > 0 else ","


DECIMAL_COMMA = re.compile(
    r"^[+-]?\d{1,3}(?:[. \u00a0\u2009]\d{3})*,\d+$|^[+-]?\d+,\d+$"
)


def _decimal_commas(frame: pd.DataFrame) -> bool:
    """Whether numbers are written with decimal commas: some cell reads "3,14" and none "3.14"."""
    cells = pd.Series(frame.to_numpy().ravel(), dtype="string").str.strip()
    return bool(cells.str.match(DECIMAL_COMMA).any()) and not bool(
        cells.str.match(r"^[+-]?\d+\.\d+$").any()
    )


def _read_excel(path: Path, sheet) -> tuple[pd.DataFrame, FileFormat]:
    try:
        with pd.ExcelFile(path, engine="openpyxl") as book:
            names = book.sheet_names
    except (
        Exception
    ) as exc:  # a damaged or mislabelled file: openpyxl's own errors vary
        raise DataError(
            f"{path.name}: not a readable .xlsx workbook ({type(exc).__name__})"
        ) from exc
    chosen = names[0] if sheet is None else sheet
    if isinstance(chosen, int):
        if not 0 <= chosen < len(names):
            raise DataError(
                f"{path.name}: no sheet number {chosen}; sheets: {', '.join(names)}"
            )
        chosen = names[chosen]
    if chosen not in names:
        raise DataError(
            f"{path.name}: no sheet {chosen!r}; sheets: {', '.join(names)}"
        )
    frame = pd.read_excel(
        path, sheet_name=chosen, dtype=object, engine="openpyxl"
    )
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame.map(_cell_text), FileFormat("xlsx", sheet=chosen)


def _cell_text(value) -> str:
    """An Excel cell as the text a CSV would hold: 2015.0 as "2015", blanks as ""."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (pd.Timestamp, datetime.datetime, datetime.date)):
        return pd.Timestamp(value).strftime("%Y-%m-%d")
    return str(value)
