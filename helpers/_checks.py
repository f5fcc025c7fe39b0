"""Input checks shared by every public function of the package.

One fault, one error type, one wording:

- ``TypeError`` when an argument is the wrong kind of object, or holds text (or booleans) where
  numbers are expected;
- ``ValueError`` when it is the right kind but its values do not fit: missing or infinite values,
  negative or zero values where they are not allowed, too few units, an option that does not exist,
  labels that do not match.

Every message names the argument, the offending labels (rows, columns or units; at most
:data:`LIMIT` of them, then "and N more") and what was expected.
"""

from __future__ import annotations

import numbers
import re
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from helpers.errors import InputError, InputTypeError

#: How many offending labels a message lists before "and N more".
LIMIT = 5


def labels(where: Iterable) -> str:
    """The first :data:`LIMIT` labels of ``where`` (a boolean mask with an index, or labels)."""
    if isinstance(where, pd.Series) and where.dtype == bool:
        items = list(where.index[where.to_numpy()])
    elif isinstance(where, np.ndarray) and where.dtype == bool:
        items = list(np.flatnonzero(where))
    else:
        items = list(where)
    shown = ", ".join(map(str, items[:LIMIT]))
    more = len(items) - LIMIT
    return shown + (f" and {more} more" if more > 0 else "")


def option(name: str, value, allowed: Sequence) -> None:
    """``value`` must be one of ``allowed``."""
    if isinstance(value, (list, dict, set)) or value not in allowed:
        choices = ", ".join(repr(a) for a in allowed)
        raise InputError(f"{name} must be one of {choices}; got {value!r}")


def integer(
    name: str, value, minimum: int | None = None, maximum: int | None = None
) -> int:
    """A whole number (not a bool), optionally within ``[minimum, maximum]``."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise InputTypeError(
            f"{name} must be an integer; got {value!r} ({type(value).__name__})"
        )
    _within(name, int(value), minimum, maximum, "an integer")
    return int(value)


def number(
    name: str,
    value,
    minimum: float | None = None,
    maximum: float | None = None,
    strict: bool = False,
) -> float:
    """A finite real number (not a bool) within the bounds (``strict`` excludes them)."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise InputTypeError(
            f"{name} must be a number; got {value!r} ({type(value).__name__})"
        )
    value = float(value)
    if not np.isfinite(value):
        raise InputError(f"{name} must be a finite number; got {value}")
    _within(name, value, minimum, maximum, "a number", strict)
    return value


def probability(name: str, value) -> float:
    """A number strictly between 0 and 1 (a level, a share, a significance level)."""
    return number(name, value, 0.0, 1.0, strict=True)


def _within(name, value, minimum, maximum, kind, strict=False) -> None:
    low = minimum is not None and (
        value <= minimum if strict else value < minimum
    )
    high = maximum is not None and (
        value >= maximum if strict else value > maximum
    )
    if low or high:
        if minimum is not None and maximum is not None:
            span = f"between {minimum} and {maximum}" + (
                " (exclusive)" if strict else ""
            )
        elif minimum is not None:
            span = f"{'above' if strict else 'at least'} {minimum}"
        else:
            span = f"{'below' if strict else 'at most'} {maximum}"
        raise InputError(f"{name} must be {kind} {span}; got {value}")


def names(name: str, value) -> list[str]:
    """A column name or a list of column names (None gives an empty list)."""
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    try:
        items = list(value)
    except TypeError:
        raise InputTypeError(
            f"{name} must be a column name or a list of names; got {value!r}"
        ) from None
    if not all(isinstance(item, str) for item in items):
        raise InputTypeError(
            f"{name} must be a column name or a list of names; got {value!r}"
        )
    return items


def file_lines(mask: pd.Series) -> str:
    """The rows where ``mask`` is true as a file's line numbers ("line 4", "lines 2, 3, ...";
    the header is line 1), for a frame read from that file with its default index."""
    lines = [i + 2 for i in mask.index[mask.to_numpy(dtype=bool)]]
    return ("line " if len(lines) == 1 else "lines ") + labels(lines)


def columns(
    frame: pd.DataFrame, required: Iterable[str], name: str = "data"
) -> None:
    """``frame`` must have every column in ``required``."""
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise InputError(
            f"{name} lacks column(s) {labels(missing)}; its columns are {labels(frame.columns)}"
        )


def series(
    values,
    name: str = "values",
    *,
    nonnegative: bool = False,
    positive: bool = False,
    min_length: int = 1,
) -> pd.Series:
    """One-dimensional numeric data as a float Series, keeping its labels.

    Text or booleans are a ``TypeError``; missing or infinite values, negatives (``nonnegative``),
    zeros or negatives (``positive``) and too few values are a ``ValueError``.
    """
    if isinstance(values, pd.DataFrame):
        raise InputTypeError(
            f"{name} must be one-dimensional (a Series or a list); got a DataFrame"
        )
    if isinstance(values, (str, bytes)) or np.ndim(values) > 1:
        raise InputTypeError(
            f"{name} must be one-dimensional (a Series or a list); got {values!r}"
        )
    data = (
        values.copy()
        if isinstance(values, pd.Series)
        else pd.Series(np.atleast_1d(values))
    )
    if len(data) < min_length:
        raise InputError(
            f"{name} has {len(data)} value(s); at least {min_length} are needed"
        )
    if pd.api.types.is_bool_dtype(data):
        raise InputTypeError(f"{name} must be numeric; got booleans")
    numeric = pd.to_numeric(data, errors="coerce")
    text = numeric.isna() & data.notna()
    if text.any():
        raise InputTypeError(
            f"{name} must be numeric; not a number at {labels(text)}"
        )
    numeric = numeric.astype(float)
    _finite(numeric, name)
    if positive and (numeric <= 0).any():
        raise InputError(
            f"{name} must be positive; zero or negative at {labels(numeric <= 0)}"
        )
    if nonnegative and (numeric < 0).any():
        raise InputError(
            f"{name} must not be negative; negative at {labels(numeric < 0)}"
        )
    return numeric


def frame(
    data,
    name: str = "data",
    *,
    min_columns: int = 1,
    min_rows: int = 1,
    nonconstant: bool = False,
) -> pd.DataFrame:
    """A DataFrame (or Series, as one column) of finite numbers, as floats.

    Columns of text or booleans are a ``TypeError``; duplicated column names, missing or infinite
    values, constant columns (``nonconstant``) and too few rows or columns are a ``ValueError``.
    """
    if isinstance(data, pd.Series):
        data = data.to_frame(data.name if data.name is not None else "y")
    if not isinstance(data, pd.DataFrame):
        raise InputTypeError(
            f"{name} must be a pandas DataFrame; got {type(data).__name__}"
        )
    if data.shape[1] < min_columns:
        raise InputError(
            f"{name} has {data.shape[1]} column(s); at least {min_columns} are needed"
        )
    if len(data) < min_rows:
        raise InputError(
            f"{name} has {len(data)} row(s); at least {min_rows} are needed"
        )
    if data.columns.duplicated().any():
        raise InputError(
            f"{name} has duplicated column names: {labels(data.columns[data.columns.duplicated()])}"
        )
    text = [
        c
        for c, dtype in data.dtypes.items()
        if not pd.api.types.is_numeric_dtype(dtype)
        or pd.api.types.is_bool_dtype(dtype)
    ]
    if text:
        raise InputTypeError(
            f"{name} must be numeric; column(s) {labels(text)} are not"
        )
    values = data.astype("float64")
    # one pass over the whole array; the column at fault is looked for only when there is one
    # (column by column, the checks were 40% of computing the Gan & Zhang indices)
    if not np.isfinite(values.to_numpy()).all():
        for column in values.columns:
            _finite(values[column], f"{name}[{column!r}]")
    for column in values.columns if nonconstant else ():
        if values[column].nunique() < 2:
            raise InputError(
                f"{name}[{column!r}] is constant; a constant column carries no information"
            )
    return values


def not_collinear(values: pd.DataFrame, name: str = "data") -> None:
    """No column of ``values`` may be a linear combination of the others and a constant: the
    methods that regress on all of them (a VAR, Johansen's test) could not separate them.

    Examples
    --------
    >>> frame = pd.DataFrame({"a": [1.0, 2, 4, 3], "b": [2.0, 4, 8, 6]})
    >>> not_collinear(frame)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    helpers.errors.InputError: data: b is a linear combination of the other columns (a) and ...
    """
    import scipy.linalg

    centred = values - values.mean()
    spread = centred.abs().max()
    scaled = (centred / spread.where(spread > 0, 1.0)).to_numpy(float)
    _, r, pivot = scipy.linalg.qr(scaled, mode="economic", pivoting=True)
    tol = abs(r[0, 0]) * max(scaled.shape) * np.finfo(float).eps * 1e3
    rank = int((np.abs(np.diag(r)) > tol).sum())
    if rank < values.shape[1]:
        redundant = [str(values.columns[k]) for k in pivot[rank:]]
        others = [str(c) for c in values.columns if str(c) not in redundant]
        what = (
            "is a linear combination"
            if len(redundant) == 1
            else "are linear combinations"
        )
        raise InputError(
            f"{name}: {', '.join(redundant)} {what} of the other columns ({', '.join(others)}) and "
            "a constant, so the methods cannot tell them apart; drop "
            + ("it" if len(redundant) == 1 else "them")
            + " or use another series"
        )


def _finite(values: pd.Series, name: str) -> None:
    missing = values.isna()
    if missing.any():
        raise InputError(f"{name} has missing values at {labels(missing)}")
    infinite = ~np.isfinite(values.to_numpy())
    if infinite.any():
        raise InputError(
            f"{name} has infinite values at {labels(values.index[infinite])}"
        )


def aligned(other: pd.Series, values: pd.Series, name: str) -> pd.Series:
    """``other`` matched to ``values``: by label when both carry the same labels, by position when
    either has a default (0..n-1) index and the lengths agree."""
    if len(other) != len(values):
        raise InputError(
            f"{name} has {len(other)} entries but values has {len(values)}"
        )
    if other.index.equals(values.index):
        return other
    if set(other.index) == set(values.index) and other.index.is_unique:
        return other.reindex(values.index)
    if isinstance(other.index, pd.RangeIndex) or isinstance(
        values.index, pd.RangeIndex
    ):
        return pd.Series(other.to_numpy(), index=values.index, name=other.name)
    missing = [
        label for label in values.index if label not in set(other.index)
    ]
    raise InputError(
        f"{name} has no entry for unit(s) {labels(missing)} of values"
    )


def enough(
    n: int, needed: int, what: str, name: str = "data", hint: str = ""
) -> None:
    """``n`` observations must be at least ``needed`` for ``what``; the message gives both, and
    ``hint`` says what to change."""
    if n < needed:
        raise InputError(
            f"{name} has {n} observations; {what} needs at least {needed}"
            + (f"; {hint}" if hint else "")
        )


def natural_key(label) -> list:
    """Sort labels as people sort them: "region 2" before "region 10"."""
    return [
        (0, int(part), "") if part.isdigit() else (1, 0, part)
        for part in re.split(r"(\d+)", str(label))
        if part
    ]
