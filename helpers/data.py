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

import hashlib
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
    """Return the hex sha256 digest of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def available() -> list[str]:
    """Names of the datasets in ``data/`` (every ``.yml`` manifest)."""
    return sorted(p.stem for p in DATA_DIR.glob("*.yml"))


def manifest(name: str) -> dict[str, Any]:
    """Return the parsed manifest of dataset ``name``.

    Raises
    ------
    DataError
        If there is no such dataset, or the manifest lacks a required key.
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
                f"{path.name}: column {col.get('name')!r} has type {col.get('type')!r}; "
                f"expected one of {', '.join(COLUMN_TYPES)}"
            )
    return meta


def load(name: str, path: str | Path | None = None) -> pd.DataFrame:
    """Load dataset ``name`` after checking it against its manifest.

    Parameters
    ----------
    name
        Dataset name, the stem of ``data/<name>.yml``.
    path
        A replacement CSV with the same schema (a replicator's own data). Its checksum is not
        checked, its schema is. ``None`` loads the shipped ``data/<name>.csv``.

    Returns
    -------
    pandas.DataFrame
        Columns in manifest order, typed as the manifest says (string, nullable Int64, float64 or
        boolean). Columns a replacement file has beyond the schema are kept after them.

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
            f"{meta['sha256']}; the file was changed. Restore it, or, if the change is "
            "deliberate, update the manifest's sha256 and describe the change there."
        )
    raw = _read_csv(csv)
    return _apply_schema(raw, meta, csv.name, strict_columns=shipped)


def _read_csv(csv: Path) -> pd.DataFrame:
    """Every cell of a CSV as text (types come from the schema), or a one-line DataError."""
    if csv.is_dir():
        raise DataError(f"{csv}: is a folder; expected a CSV file")
    try:
        return pd.read_csv(
            csv, dtype=str, keep_default_na=False, encoding="utf-8"
        )
    except (
        UnicodeDecodeError,
        pd.errors.ParserError,
        pd.errors.EmptyDataError,
    ) as exc:
        detail = " ".join(str(exc).split())  # pandas' messages span lines
        raise DataError(
            f"{csv.name}: not a readable UTF-8 CSV ({detail})"
        ) from exc


def _apply_schema(
    raw: pd.DataFrame, meta: dict, fname: str, strict_columns: bool
) -> pd.DataFrame:
    """Check and type ``raw`` (all strings) against the manifest's columns."""
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
        raise DataError(
            f"{fname}: missing column(s) {', '.join(missing)}; "
            f"expected columns: {', '.join(declared)}"
        )
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
            out[col["name"]] = _typed_column(raw[col["name"]], col, fname)
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


def _typed_column(values: pd.Series, col: dict, fname: str) -> pd.Series:
    name, kind = col["name"], col["type"]
    blank = values.str.strip() == ""
    if blank.any() and not col.get("nullable", False):
        raise DataError(
            f"{fname}: column {name!r} has missing values in {_rows(blank)}"
        )
    text = values.where(~blank)
    if kind == "string":
        typed = text.astype("string")
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
        numbers = pd.to_numeric(text, errors="coerce")
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
                f"{fname}: column {name!r} has value(s) {shown} in {_rows(bad)}; "
                f"allowed: {', '.join(map(str, allowed))}"
            )
    reference = col.get("values_from")
    if reference is not None:
        dataset, column = reference.split(".")
        known = load(dataset)[column]
        bad = typed.notna() & ~typed.isin(set(known))
        if bad.any():
            shown = ", ".join(sorted({str(v) for v in typed[bad]}))
            raise DataError(
                f"{fname}: column {name!r} has value(s) {shown} in {_rows(bad)} that are not "
                f"in {reference}; expected values such as {', '.join(known.head(3))}"
            )
    for bound in ("min", "max"):
        limit = col.get(bound)
        if limit is None:
            continue
        outside = (typed < limit) if bound == "min" else (typed > limit)
        outside = outside.fillna(False).astype(bool)
        if outside.any():
            raise DataError(
                f"{fname}: column {name!r} has values outside its {bound} of {col[bound]} "
                f"in {_rows(outside)}"
            )
    return typed


def _rows(mask: pd.Series) -> str:
    """Name offending rows as the CSV's line numbers (the header is line 1)."""
    lines = [i + 2 for i in mask[mask].index]
    return ("line " if len(lines) == 1 else "lines ") + _checks.labels(lines)


def _rows_are_not(mask: pd.Series) -> str:
    return _rows(mask) + (" is not" if int(mask.sum()) == 1 else " are not")


def catalogue() -> pd.DataFrame:
    """One row per dataset: title, source, terms, whether simulated, rows and checksum status.

    This is what the book's data page shows.
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
    """The manifest's column schema of dataset ``name`` as a table."""
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
    path: str | Path | None, variables: list[str], positive: bool = False
) -> pd.DataFrame:
    """Time series for chapter 5: a CSV with a ``date`` column and numeric columns ``variables``.

    ``path=None`` gives :func:`statsmodels_macrodata`. Dates may be quarters (``1959Q1``) or
    anything ``pandas.to_datetime`` reads; they must increase without repeats. The named columns
    must be numbers without gaps, and strictly positive when ``positive`` (the chapter takes logs).
    Returns the columns ``variables`` indexed by a ``DatetimeIndex``. Problems raise
    :class:`DataError` naming the file, column and lines.
    """
    if (
        isinstance(variables, str)
        or not variables
        or not all(isinstance(v, str) for v in variables)
    ):
        raise InputError(
            f"variables must be a non-empty list of column names, got {variables!r}"
        )
    if path is None:
        fname = "statsmodels macrodata"
        raw = statsmodels_macrodata().astype(str)
    else:
        csv = Path(path)
        fname = csv.name
        if not csv.exists():
            raise DataError(f"{csv}: file not found")
        raw = _read_csv(csv)
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
            f"{fname}: dates must increase without repeats; line {line} "
            f"({dates.iloc[line - 2]}) does not come after line {line - 1} "
            f"({dates.iloc[line - 3]})"
        )
    out = pd.DataFrame(
        {
            v: _typed_column(raw[v], {"name": v, "type": "float"}, fname)
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
    return out
