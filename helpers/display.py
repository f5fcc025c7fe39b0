"""How the book shows numbers and tables to a reader: one set of rules, used by every chapter.

- p-values as ``p = 0.031``, or ``p < 0.001`` below a thousandth (:func:`pvalue`);
- an estimate to the precision its standard error supports: the standard error to two
  significant digits, the estimate to the same decimal place (:func:`estimate`);
- tables without an empty header row or corner cell, long text wrapped rather than cut off with
  "...", and numbers to a stated number of decimals (:func:`table`); they render the same in
  JupyterLab and in the HTML book, where a table wider than the column scrolls in its own box.

The rules follow the APA style for statistics (p-values to three decimals, "p < .001" below) and
the common practice of reporting an estimate to the first or second significant digit of its
standard error (e.g. the Particle Data Group's rounding rule).
"""

from __future__ import annotations

import contextlib
import html
import math
import numbers
import warnings

import numpy as np
import pandas as pd

from helpers import _checks
from helpers.errors import BookWarning, InputError, InputTypeError

#: Below this a p-value is shown as a bound.
P_FLOOR = 0.001


def _real(name: str, value) -> float:
    if not isinstance(value, numbers.Real) or isinstance(value, bool):
        raise InputTypeError(
            f"{name} must be a real number, got {type(value).__name__}"
        )
    value = float(value)
    if not math.isfinite(value):
        raise InputError(f"{name} must be finite, got {value}")
    return value


def pvalue(p: float, prefix: str = "p") -> str:
    """``p = 0.031`` (three decimals), or ``p < 0.001`` below a thousandth.

    Parameters
    ----------
    p : float
        The p-value, in [0, 1].
    prefix : str, default "p"
        What stands before the sign: ``"p"`` gives ``"p = 0.031"``, ``""`` gives
        ``" = 0.031"``.

    Returns
    -------
    str
        ``"<prefix> = <p to three decimals>"``, or ``"<prefix> < 0.001"`` when ``p`` is below
        :data:`P_FLOOR`.

    Raises
    ------
    InputTypeError
        When ``p`` is not a real number (a bool is refused).
    InputError
        When ``p`` is not finite (NaN included) or lies outside [0, 1].

    Examples
    --------
    >>> pvalue(0.0312), pvalue(7.8e-51), pvalue(1.0)
    ('p = 0.031', 'p < 0.001', 'p = 1.000')
    """
    p = _real("p", p)
    if not 0 <= p <= 1:
        raise InputError(f"p must lie in [0, 1], got {p}")
    if p < P_FLOOR:
        return f"{prefix} < {P_FLOOR:.3f}"
    return f"{prefix} = {p:.3f}"


def pvalue_cell(p: float) -> str:
    """A p-value for a table column headed "p": ``0.031`` or ``< 0.001``.

    Parameters
    ----------
    p : float
        The p-value, in [0, 1].

    Returns
    -------
    str
        ``p`` to three decimals, or ``"< 0.001"`` below :data:`P_FLOOR`.

    Raises
    ------
    InputTypeError
        When ``p`` is not a real number.
    InputError
        When ``p`` is not finite or lies outside [0, 1].

    Examples
    --------
    >>> pvalue_cell(0.0312), pvalue_cell(7.8e-51)
    ('0.031', '< 0.001')
    """
    return pvalue(p, prefix="").strip().removeprefix("= ")


def in_words(n: int) -> str:
    """A count as the prose writes it: in words from two to ten, in digits otherwise.

    Parameters
    ----------
    n : int
        The count.

    Returns
    -------
    str
        E.g. ``"three"``, ``"12"``.

    Examples
    --------
    >>> in_words(3), in_words(12)
    ('three', '12')
    """
    words = [
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
    ]
    return words[n - 2] if 2 <= n <= 10 else str(n)


def decimals_for(se: float, digits: int = 2) -> int:
    """Decimal places that show ``se`` to ``digits`` significant digits (at least 0).

    The places are ``max(0, digits - 1 - floor(log10(se)))``.

    Parameters
    ----------
    se : float
        A standard error (any positive number).
    digits : int, default 2
        Significant digits of ``se`` to show.

    Returns
    -------
    int
        Decimal places, at least 0 (a large ``se`` is rounded to units, not to tens).

    Raises
    ------
    InputTypeError
        When ``se`` is not a real number.
    InputError
        When ``se`` is not finite or not positive.

    Examples
    --------
    >>> decimals_for(0.0123), decimals_for(1.7), decimals_for(250.0)
    (3, 1, 0)
    """
    se = _real("se", se)
    if se <= 0:
        raise InputError(f"se must be positive, got {se}")
    return max(0, digits - 1 - math.floor(math.log10(se)))


def estimate(value: float, se: float) -> str:
    """``value (se)``, both to the decimal place of the standard error's second significant digit.

    Parameters
    ----------
    value : float
        The estimate.
    se : float
        Its standard error, positive; it sets the places (:func:`decimals_for` with two digits).

    Returns
    -------
    str
        ``"<value> (<se>)"``, both to the same number of decimals.

    Raises
    ------
    InputTypeError
        When ``value`` or ``se`` is not a real number.
    InputError
        When ``value`` or ``se`` is not finite, or ``se`` is not positive.

    Examples
    --------
    >>> estimate(0.553412, 0.0417), estimate(-1234.5, 310.2)
    ('0.553 (0.042)', '-1234 (310)')
    """
    value = _real("value", value)
    places = decimals_for(se)
    return f"{value:.{places}f} ({float(se):.{places}f})"


def number(value: float, decimals: int) -> str:
    """``value`` to ``decimals`` places, with a true minus sign avoided (plain ASCII).

    A value that rounds to zero is shown without a sign (``-0.0004`` to three places is
    ``0.000``, not ``-0.000``).

    Parameters
    ----------
    value : float
        The number, finite.
    decimals : int
        Decimal places, at least 0.

    Returns
    -------
    str
        ``value`` formatted with ``decimals`` places, the ASCII hyphen as its minus sign.

    Raises
    ------
    InputTypeError
        When ``value`` is not a real number or ``decimals`` not an integer.
    InputError
        When ``value`` is not finite or ``decimals`` is negative.

    Examples
    --------
    >>> number(2.345678, 2), number(-0.0004, 3)
    ('2.35', '0.000')
    """
    value = _real("value", value)
    decimals = _checks.integer("decimals", decimals, minimum=0)
    shown = f"{value:.{decimals}f}"
    return (
        "0" + shown[2:]
        if shown.startswith("-0") and float(shown) == 0
        else shown
    )


def interval(low: float, high: float, decimals: int) -> str:
    """``[low, high]`` to ``decimals`` places; infinite ends are shown as -inf and inf.

    Parameters
    ----------
    low : float
        Lower end; ``-numpy.inf`` for an interval open below.
    high : float
        Upper end; ``numpy.inf`` for an interval open above.
    decimals : int
        Decimal places of the finite ends (:func:`number`), at least 0.

    Returns
    -------
    str
        ``"[<low>, <high>]"``.

    Raises
    ------
    InputTypeError
        When an end is not a real number or ``decimals`` not an integer.
    InputError
        When an end is NaN (the message names it ``value``) or ``decimals`` is negative.

    Examples
    --------
    >>> interval(0.1234, float("inf"), 2)
    '[0.12, inf]'
    """
    ends = []
    for name, end in (("low", low), ("high", high)):
        if not isinstance(end, numbers.Real) or isinstance(end, bool):
            raise InputTypeError(
                f"{name} must be a real number, got {type(end).__name__}"
            )
        ends.append(
            ("inf" if end > 0 else "-inf")
            if math.isinf(end)
            else number(end, decimals)
        )
    return f"[{ends[0]}, {ends[1]}]"


def stars(p: float) -> str:
    """Conventional significance stars.

    Parameters
    ----------
    p : float
        A p-value.

    Returns
    -------
    str
        ``"***"`` below 0.01, ``"**"`` below 0.05, ``"*"`` below 0.1, else ``""``.

    Examples
    --------
    >>> stars(0.005), stars(0.03), stars(0.07), stars(0.2)
    ('***', '**', '*', '')
    """
    return "***" if p < 0.01 else "**" if p < 0.05 else "*" if p < 0.1 else ""


def estimates_text(coefficients: pd.DataFrame) -> pd.DataFrame:
    """Estimates as a reader is shown them: the text of a results object's ``summary``.

    Parameters
    ----------
    coefficients : DataFrame
        One row per coefficient with the numeric columns ``param``, ``std_error``, ``tstat`` and
        ``pvalue`` (e.g. :attr:`helpers.pvar.PanelVARResults.coefficients`).

    Returns
    -------
    DataFrame
        The same index and the text columns ``estimate`` and ``std. error`` (both to the decimal
        place of the standard error's second significant digit, :func:`decimals_for`), ``z`` (two
        decimals), ``p`` (:func:`pvalue_cell`) and ``stars`` (:func:`stars`). A missing standard
        error leaves the estimate to four significant digits and the other cells empty.

    Raises
    ------
    InputError
        When a column is missing.
    """
    missing = [
        c
        for c in ("param", "std_error", "tstat", "pvalue")
        if c not in coefficients
    ]
    if missing:
        raise InputError(
            f"coefficients lacks the column(s) {_checks.labels(missing)}"
        )
    rows = []
    for b, se, z, p in coefficients[
        ["param", "std_error", "tstat", "pvalue"]
    ].itertuples(index=False):
        if not (np.isfinite(se) and se > 0):
            rows.append((f"{b:.4g}", "", "", "", ""))
            continue
        places = decimals_for(se)
        rows.append(
            (
                number(b, places),
                number(se, places),
                number(z, 2),
                pvalue_cell(p),
                stars(p),
            )
        )
    return pd.DataFrame(
        rows,
        index=coefficients.index,
        columns=["estimate", "std. error", "z", "p", "stars"],
    )


def coefficient_table(results, decimals: int = 3) -> pd.DataFrame:
    """The layout of papers' VAR tables: regressors as rows, equations as columns.

    Parameters
    ----------
    results
        Estimates with ``params``, ``tstats`` and ``pvalues``, each a DataFrame with one row per
        equation and one column per regressor (a :class:`helpers.pvar.PanelVARResults`).
    decimals : int, default 3
        Decimal places of the coefficients.

    Returns
    -------
    DataFrame
        Index (regressor, ``"coef"`` or ``"t"``), one column per equation: each cell pair is
        "coefficient with stars" above "(t statistic)", the t statistic to two decimals.

    Raises
    ------
    InputTypeError
        When ``results`` lacks one of the three tables.
    """
    frames = [
        getattr(results, name, None)
        for name in ("params", "tstats", "pvalues")
    ]
    if not all(isinstance(f, pd.DataFrame) for f in frames):
        raise InputTypeError(
            "results must hold params, tstats and pvalues as DataFrames (equations by "
            f"regressors), as a panel VAR's results do; got {type(results).__name__}"
        )
    params, tstats, pvalues = frames
    cells = {}
    for equation in params.index:
        column = []
        for regressor in params.columns:
            b, t, p = (
                params.loc[equation, regressor],
                tstats.loc[equation, regressor],
                pvalues.loc[equation, regressor],
            )
            column += [f"{b:.{decimals}f}{stars(p)}", f"({t:.2f})"]
        cells[equation] = column
    index = pd.MultiIndex.from_tuples(
        [(r, s) for r in params.columns for s in ("coef", "t")],
        names=["regressor", ""],
    )
    return pd.DataFrame(cells, index=index)


class Table:
    """A table for reading: what :func:`table` returns. Rich output in JupyterLab and the book
    (HTML), plain text in a terminal; :attr:`frame` holds the shown cells as text."""

    def __init__(self, frame: pd.DataFrame, caption: str | None) -> None:
        self.frame = frame
        self.caption = caption

    def _repr_html_(self) -> str:
        head = "".join(
            f'<th scope="col">{_header(c)}</th>' for c in self.frame
        )
        rows = "".join(
            "<tr>"
            + "".join(
                f"<td{_align(v)}>{html.escape(str(v))}</td>" for v in row
            )
            + "</tr>"
            for row in self.frame.itertuples(index=False)
        )
        caption = (
            f"<caption>{html.escape(self.caption)}</caption>"
            if self.caption
            else ""
        )
        return (
            # a table wider than the column scrolls in its box, which keyboard users must be
            # able to reach
            '<div class="book-table" tabindex="0">'
            f'<table class="dataframe book-table">{caption}'
            f"<thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table></div>"
        )

    def __repr__(self) -> str:
        text = self.frame.to_string(index=False)
        return f"{self.caption}\n{text}" if self.caption else text

    def __len__(self) -> int:
        return len(self.frame)


#: An unnamed index column still needs a header for screen readers; it is hidden on screen.
_HIDDEN = (
    'style="position:absolute;width:1px;height:1px;overflow:hidden;'
    'clip:rect(0,0,0,0);white-space:nowrap"'
)


def _header(name: str) -> str:
    if str(name).strip():
        return html.escape(str(name))
    return f"<span {_HIDDEN}>row</span>"


def _align(value: str) -> str:
    try:
        float(str(value).replace(",", ""))
    except ValueError:
        return ""
    return ' class="num"'


def table(
    data: pd.DataFrame | pd.Series,
    decimals: int | dict | None = 3,
    *,
    index: bool = True,
    caption: str | None = None,
    names: dict | None = None,
    pvalues: tuple = (),
    errors: dict | None = None,
) -> Table:
    """``data`` as a table for reading.

    The index becomes the first column(s) (named after the index, or left unnamed when
    ``index=False`` drops it); a column index of several levels is joined into one header row.
    Floats are shown to ``decimals`` places (one number for all, or a ``{column: places}``
    mapping; None leaves them as they are), missing values as empty cells, everything else as
    text, never cut short.

    Parameters
    ----------
    data : DataFrame or Series
        The table; a Series is shown as one column named after it (``"value"`` when unnamed).
    decimals : int, dict or None, default 3
        Decimal places of float cells: one number for every column, a ``{column: places}``
        mapping (columns it does not list get 3), or None to show floats as ``str`` does.
        Columns named in ``pvalues`` or ``errors`` are shown by their own rule.
    index : bool, default True
        Keep the index as the leading column(s); an unnamed level is headed "" (one level) or
        ``"level <i>"`` (several), and a level named like a column gets a trailing space.
    caption : str or None, default None
        A caption above the table.
    names : dict or None, default None
        Column renames applied before showing (``{"old": "new"}``), after the index has become
        columns.
    pvalues : tuple, default ()
        Columns of p-values (names after ``names``), shown by :func:`pvalue_cell`; missing
        values as empty cells.
    errors : dict or None, default None
        ``{estimate column: standard-error column}`` (names after ``names``): in each row both
        are shown to the decimal place of the standard error's second significant digit
        (:func:`decimals_for`), as are any ``also`` columns listed with them:
        ``{"coef": ("se", "lower", "upper")}``. A row whose standard error is missing, zero or
        negative shows these cells unrounded.

    Returns
    -------
    Table
        The shown cells as text (:attr:`Table.frame`, on a default index, every column a string
        header; missing values empty, booleans "yes"/"no") with the caption; it renders as HTML in
        JupyterLab and the book and as plain text elsewhere.

    Raises
    ------
    InputTypeError
        When ``data`` is neither a DataFrame nor a Series.
    InputError
        When ``names``, ``pvalues`` or ``errors`` name a column the table does not have, or a
        p-value lies outside [0, 1].

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"coef": [0.5534, 1.2], "se": [0.0417, 0.31], "p": [0.02, 1e-5]})
    >>> table(frame, index=False, pvalues=("p",), errors={"coef": "se"}).frame.values.tolist()
    [['0.553', '0.042', '0.020'], ['1.20', '0.31', '< 0.001']]
    """
    if isinstance(data, pd.Series):
        data = data.to_frame(
            name=data.name if data.name is not None else "value"
        )
    if not isinstance(data, pd.DataFrame):
        raise InputTypeError(
            f"data must be a pandas DataFrame or Series, got {type(data).__name__}"
        )
    frame = data.copy()
    if isinstance(frame.columns, pd.MultiIndex):
        frame.columns = [
            " ".join(str(p) for p in c if str(p) != "") for c in frame.columns
        ]
    if index:
        index_names = [
            n
            if n is not None
            else ("" if frame.index.nlevels == 1 else f"level {i}")
            for i, n in enumerate(frame.index.names)
        ]
        frame.index.names = [
            n if n not in frame.columns else f"{n} " for n in index_names
        ]
        frame = frame.reset_index()
    if names:
        unknown = [c for c in names if c not in frame.columns]
        if unknown:
            raise InputError(
                f"names renames columns that are not in the table: {_checks.labels(unknown)}"
            )
        frame = frame.rename(columns=names)
    unknown = [c for c in pvalues if c not in frame.columns]
    if unknown:
        raise InputError(
            f"pvalues names columns that are not in the table: {_checks.labels(unknown)}"
        )
    by_error = {}  # column -> per-row decimal places set by a standard error
    for estimate_column, spec in (errors or {}).items():
        se_column, *also = (spec,) if isinstance(spec, str) else tuple(spec)
        unknown = [
            c
            for c in (estimate_column, se_column, *also)
            if c not in frame.columns
        ]
        if unknown:
            raise InputError(
                f"errors names columns that are not in the table: {_checks.labels(unknown)}"
            )
        places = [
            decimals_for(se) if np.isfinite(se) and se > 0 else None
            for se in frame[se_column].astype(float)
        ]
        for column in (estimate_column, se_column, *also):
            by_error[column] = places
    shown = pd.DataFrame(index=range(len(frame)))
    for position, column in enumerate(frame.columns):
        values = frame.iloc[:, position]
        if column in by_error:
            shown[position] = [
                _cell(v, p) for v, p in zip(values, by_error[column])
            ]
            continue
        if column in pvalues:
            shown[position] = [_p_cell(v) for v in values]
            continue
        places = (
            decimals.get(column, 3) if isinstance(decimals, dict) else decimals
        )
        shown[position] = [_cell(v, places) for v in values]
    shown.columns = [str(c) for c in frame.columns]
    return Table(shown, caption)


def _cell(value, places: int | None) -> str:
    if value is None or (
        isinstance(value, float | np.floating) and np.isnan(value)
    ):
        return ""
    if isinstance(value, bool | np.bool_):
        return "yes" if value else "no"
    if isinstance(value, float | np.floating) and places is not None:
        return (
            number(float(value), places) if np.isfinite(value) else str(value)
        )
    return str(value)


def _p_cell(value) -> str:
    if value is None or (
        isinstance(value, float | np.floating) and np.isnan(value)
    ):
        return ""
    return pvalue_cell(float(value))


class Note:
    """A warning of the package shown as a note for the reader: what happened in this run and
    what it means for the results. An admonition in the book (the theme's warning box) and in
    JupyterLab, plain text elsewhere."""

    title = "Read with care"

    def __init__(self, warning: BookWarning) -> None:
        self.message = str(warning)
        self.meaning = type(warning).meaning

    def _repr_html_(self) -> str:
        meaning = f"<p>{html.escape(self.meaning)}</p>" if self.meaning else ""
        return (
            '<div class="admonition warning" role="note">'
            f'<p class="admonition-title">{self.title}</p>'
            f"<p>{html.escape(_sentence(self.message))}</p>{meaning}</div>"
        )

    def __repr__(self) -> str:
        return " ".join(
            filter(
                None, [f"{self.title}:", _sentence(self.message), self.meaning]
            )
        )


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith(".") else text + "."


@contextlib.contextmanager
def explained_warnings():
    """Run the block and show each distinct :class:`~helpers.errors.BookWarning` it raised as a
    :class:`Note` (the same message once); other warnings are passed on as they came.

    >>> import warnings
    >>> from helpers.errors import BookWarning
    >>> with explained_warnings():
    ...     warnings.warn("the weights are singular", BookWarning)
    ...     warnings.warn("the weights are singular", BookWarning)
    Read with care: The weights are singular.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        yield
    shown = set()
    for record in caught:
        if not issubclass(record.category, BookWarning):
            warnings.warn_explicit(
                record.message, record.category, record.filename, record.lineno
            )
        elif str(record.message) not in shown:
            shown.add(str(record.message))
            _show(Note(record.message))


def show_warnings_as_notes() -> None:
    """In a kernel, show every :class:`~helpers.errors.BookWarning` as a :class:`Note` from now
    on, wherever it is raised; other warnings are shown as Python shows them.

    A chapter calls it once, through :func:`helpers.chapters.start`, so that no cell needs to
    catch the package's warnings to explain them. Outside a kernel (a script, the tests) it does
    nothing, and warnings stay warnings. Calling it again changes nothing.
    """
    try:
        from IPython import get_ipython
    except ImportError:
        return
    if get_ipython() is None or getattr(
        warnings.showwarning, "book_notes", False
    ):
        return
    python_shows = warnings.showwarning

    def showwarning(message, category, filename, lineno, file=None, line=None):
        if issubclass(category, BookWarning):
            _show(
                Note(
                    message
                    if isinstance(message, Warning)
                    else category(message)
                )
            )
        else:
            python_shows(message, category, filename, lineno, file, line)

    showwarning.book_notes = True
    warnings.showwarning = showwarning


def _show(note: Note) -> None:
    try:
        from IPython import get_ipython
        from IPython.display import display
    except ImportError:  # the package does not need IPython outside a kernel
        get_ipython = None
    if get_ipython is not None and get_ipython() is not None:
        display(note)
    else:
        print(repr(note))
