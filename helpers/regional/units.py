"""The units of a run's data, whatever they are: China's provinces, prefecture-level cities,
counties, US states, EU regions, firms.

A replicator's file names its units in a column the chapter's ``unit`` parameter names, and may
group them in a column named by ``group``. :func:`attach_units` adds what the chapters need to
show them: a ``label`` for figures and a ``group`` for regional comparisons. When every unit is one
of China's 31 provincial-level divisions the province table supplies both (the English name, the
NBS four regions) and the tile map's positions, as the book's own data have; other units are
labelled by their own names and grouped by the file's group column, or not at all. The
:class:`Units` returned with them says which, in the words the chapters' sentences use.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers import _checks, data
from helpers.errors import InputError, InputTypeError


@dataclass(frozen=True)
class Units:
    """What the units of a run are.

    Attributes
    ----------
    column
        The data's column of unit names.
    provinces
        True when every unit is a Chinese provincial-level division.
    group
        Where the groups come from: the file's column name, ``"region"`` (the NBS four regions of
        Chinese provinces), or ``None`` when the units are not grouped.
    n
        How many units there are.
    """

    column: str
    provinces: bool
    group: str | None
    n: int

    @property
    def noun(self) -> str:
        """ "province" or "unit", as the sentences name one of them."""
        return "province" if self.provinces else "unit"

    def count(self, n: int | None = None) -> str:
        """ "30 provinces", "48 units", "1 unit".

        Parameters
        ----------
        n
            The number to say; ``None`` says :attr:`n`, the number of units.

        Returns
        -------
        str
            The number and :attr:`noun`, plural unless ``n`` is 1.
        """
        n = self.n if n is None else n
        return f"{n} {self.noun}" + ("" if n == 1 else "s")

    @property
    def group_noun(self) -> str:
        """ "region" for the NBS regions of provinces, "group" for any other grouping."""
        return (
            "region" if self.provinces and self.group == "region" else "group"
        )

    def groupings(self, frame: pd.DataFrame) -> pd.DataFrame:
        """The groupings of ``frame``'s units a reader may choose between (chapter 1's
        explorer): the file's group column, named as in the file; for provinces also the NBS
        four regions and the three belts; a single "all units" column for units without groups.

        Parameters
        ----------
        frame
            The units' table as :func:`attach_units` returns it: its ``group`` column, and for
            provinces its ``region`` and ``belt`` columns.

        Returns
        -------
        pandas.DataFrame
            ``frame``'s index; first the ``group`` column renamed to the grouping's name (the
            file's column, ``region``, or ``all units``, which is all missing), then for
            provinces ``region`` and ``belt`` where the first column is not already one of them.
        """
        name = (
            "all units"
            if self.group is None
            else "region"
            if self.provinces and self.group == "region"
            else self.group
        )
        out = frame[["group"]].rename(columns={"group": name})
        if self.provinces:
            out = out.join(frame[[c for c in ("region", "belt") if c != name]])
        return out

    @property
    def grouping(self) -> str:
        """How the units are grouped, in words: "NBS region", "region (the file's column)"."""
        if self.group is None:
            return "no grouping"
        if self.provinces and self.group == "region":
            return "NBS region"
        return f"{self.group} (the file's column)"


def province_names() -> set[str]:
    """The short Chinese names of China's 31 provincial-level divisions.

    Returns
    -------
    set of str
        The ``name_zh`` column of ``data/provinces.csv`` (北京, 内蒙古, 新疆, ...).
    """
    return set(data.load("provinces")["name_zh"])


def attach_units(
    frame: pd.DataFrame,
    unit: str = "province_zh",
    group: str | None = None,
    fname: str = "data",
) -> tuple[pd.DataFrame, Units]:
    """``frame`` with a ``label`` and a ``group`` column for its units, and what the units are.

    Units that are all Chinese provinces get the province table's columns (code, English name,
    NBS region and belt, tile position); ``label`` is the English name and ``group`` the file's
    ``group`` column or else the NBS region. Any other units keep their names as ``label`` and
    are grouped by ``group`` (missing values are refused) or not at all (``group`` all missing).

    A file whose units are mostly provinces but not all (a misprint such as 工苏 for 江苏, or 北平)
    is refused with the names that are not provinces, since the other units would lose their
    regions without a word. When fewer than half of the distinct names are provinces, the units are
    taken as units of another kind.

    Parameters
    ----------
    frame
        One row per unit (or per unit and year), with the columns ``unit`` and, if given,
        ``group``.
    unit
        The column of unit names; provinces by their short Chinese names (``name_zh`` of
        ``data/provinces.csv``).
    group
        The column of group labels, or ``None``: for provinces, the NBS four regions then; for
        other units, no grouping. Groups coded by whole numbers read as ``"<group> 2"``.
    fname
        The file's name, as the error messages name it.

    Returns
    -------
    frame : pandas.DataFrame
        A copy of ``frame`` on its index, with ``label`` and ``group`` (string dtype; all missing
        for ungrouped units) added; for provinces also ``code``, ``name_en``, ``region``,
        ``belt``, ``tile_col``, ``tile_row`` and ``province_zh`` where ``frame`` lacks them.
    units : Units
        What the units are; ``n`` counts distinct names.

    Raises
    ------
    helpers.errors.InputTypeError
        If ``frame`` is not a DataFrame.
    helpers.errors.InputError
        If ``unit`` or ``group`` is not a column of ``frame``.
    helpers.data.DataError
        If half or more of the distinct names are provinces but not all (the message names the
        others and their lines), or, for units that are not provinces, the ``group`` column has
        blanks.

    Examples
    --------
    >>> states = pd.DataFrame({"state": ["Ohio", "Iowa"], "division": ["Midwest", "Midwest"]})
    >>> frame, units = attach_units(states, "state", "division")
    >>> units.count(), units.grouping, list(frame["label"])
    ('2 units', "division (the file's column)", ['Ohio', 'Iowa'])
    >>> frame, units = attach_units(pd.DataFrame({"province_zh": ["北京", "四川"]}))
    >>> units.count(), list(frame["group"]), list(frame["label"])
    ('2 provinces', ['East', 'West'], ['Beijing', 'Sichuan'])
    """
    if not isinstance(frame, pd.DataFrame):
        raise InputTypeError(
            f"frame must be a DataFrame, got {type(frame).__name__}"
        )
    _checks.columns(frame, [unit] + ([group] if group else []), fname)
    names = frame[unit].astype(str)
    known = province_names()
    is_province = names.isin(known)
    distinct = names.unique()
    provinces_among = sum(n in known for n in distinct)
    if (
        0 < provinces_among < len(distinct)
        and provinces_among >= len(distinct) / 2
    ):
        unknown = sorted(n for n in distinct if n not in known)
        raise data.DataError(
            f"{fname}: column {unit!r} has value(s) {', '.join(unknown)} in "
            f"{_checks.file_lines(~is_province)} that are not provincial-level divisions, while "
            f"{provinces_among} other unit(s) are; expected short names such as 北京, 内蒙古, 新疆 "
            "(if your units are not provinces, none of them should be)"
        )
    out = frame.copy()
    if provinces_among == len(distinct):
        table = data.load("provinces").set_index("name_zh")
        for column in (
            "code",
            "name_en",
            "region",
            "belt",
            "tile_col",
            "tile_row",
        ):
            if column not in out.columns:
                out[column] = table.loc[names, column].to_numpy()
        if "province_zh" not in out.columns:
            out["province_zh"] = names.to_numpy()
        out["label"] = out["name_en"]
        out["group"] = (
            out[group].astype("string")
            if group
            else out["region"].astype("string")
        )
        units = Units(unit, True, group or "region", len(distinct))
    else:
        out["label"] = names.to_numpy()
        if group:
            blank = out[group].isna() | (
                out[group].astype(str).str.strip() == ""
            )
            if blank.any():
                raise data.DataError(
                    f"{fname}: column {group!r} (the groups) has missing values in "
                    f"{_checks.file_lines(blank)}"
                )
            labels = out[group].astype(str).str.strip()
            # groups coded by numbers read as "region 2", not "2"
            if labels.str.fullmatch(r"\d+").all():
                labels = group + " " + labels
            out["group"] = labels.astype("string")
        else:
            out["group"] = pd.Series(pd.NA, index=out.index, dtype="string")
        units = Units(unit, False, group, len(distinct))
    return out, units


#: chapter 1's two tables: the shipped dataset, and the numeric columns a replicator's file needs
INDEX_TABLE = "fang2025_ai_competitiveness"
SHARES_TABLE = "fang2025_firms_patents"
SHARE_COLUMNS = ["firm_share_pct", "patent_share_pct"]


def _read_table(
    path: Path,
    unit: str,
    numeric: dict[str, dict],
    optional: dict[str, dict],
    sheet,
) -> pd.DataFrame:
    """A replicator's cross-section: ``unit`` (any names, one row each) and the ``numeric``
    columns, with the ``optional`` ones typed when the file has them."""
    raw, form = data.read_table(path, sheet)
    columns = [
        {"name": unit, "type": "string"},
        *({"name": n, **c} for n, c in numeric.items()),
        *({"name": n, **c, "required": False} for n, c in optional.items()),
    ]
    meta = {"columns": columns, "primary_key": [unit]}
    try:
        frame = data._apply_schema(
            raw, meta, path.name, strict_columns=False, form=form
        )
    except data.DataError as error:
        if "duplicate key" in str(error):
            raise data.DataError(
                f"{error}: one row per unit is expected (for a panel, keep one year)"
            ) from None
        raise
    frame = frame[[c["name"] for c in columns if c["name"] in frame.columns]]
    frame.attrs["file_format"] = form.record()
    return frame


def _by_label(
    frame: pd.DataFrame, unit: str, group: str | None, fname: str
) -> tuple[pd.DataFrame, Units]:
    """A cross-section with its units attached (:func:`attach_units`), indexed by ``label``,
    keeping how its file was read."""
    form = frame.attrs.get("file_format")
    out, units = attach_units(frame, unit, group, fname)
    out = out.set_index("label", drop=False)
    out.index.name = "unit"
    if form:
        out.attrs["file_format"] = form
    return out, units


def load_index(
    path: str | Path | None = None,
    unit: str = "province_zh",
    group: str | None = None,
    sheet: str | int | None = None,
) -> tuple[pd.DataFrame, Units]:
    """Chapter 1's index, one row per unit, indexed by ``label`` (:func:`attach_units`), and
    what its units are.

    ``path=None`` loads the paper's Table 1. A replicator's file (CSV in UTF-8 or GBK, or .xlsx)
    needs the columns ``unit`` and ``index`` (a score of 0 or more, one row per unit), may have
    ``rank`` (1 = highest; computed from the index when absent) and the ``group`` column when
    ``group`` is given.

    Parameters
    ----------
    path
        A replicator's file, or ``None`` for the shipped ``fang2025_ai_competitiveness``.
    unit
        The file's column of unit names (ignored when ``path`` is None).
    group
        The file's column of group labels, or ``None`` (ignored when ``path`` is None).
    sheet
        The workbook's sheet (name or number) for an ``.xlsx`` file; its first by default.

    Returns
    -------
    frame : pandas.DataFrame
        One row per unit, indexed by ``label`` (index named ``unit``), with ``index`` (float),
        ``rank`` (Int64; ties share the best rank when computed) and the columns of
        :func:`attach_units`. A replicator's file keeps ``attrs["file_format"]``.
    units : Units
        What the units are.

    Raises
    ------
    helpers.errors.InputError
        If ``group`` names the unit, ``index`` or ``rank`` column.
    helpers.data.DataError
        If the file cannot be read, lacks a column, has a value that is not a number, is
        missing, negative (``index``) or below 1 (``rank``), or repeats a unit; or as
        :func:`attach_units` raises.

    Examples
    --------
    >>> ai, units = load_index()
    >>> units.count(), int(ai.loc["Jiangsu", "rank"])
    ('31 provinces', 5)
    """
    if path is None:
        frame = data.load(INDEX_TABLE)
        unit, group, fname = "province_zh", None, INDEX_TABLE
    else:
        path = Path(path)
        if group is not None and group in (unit, "index", "rank"):
            raise InputError(
                f"group = {group!r}: the groups must be a column of their own, not the units, the "
                "index or the rank"
            )
        frame = _read_table(
            path,
            unit,
            {
                "index": {"type": "float", "min": 0},
                **({group: {"type": "string"}} if group else {}),
            },
            {"rank": {"type": "integer", "min": 1}},
            sheet,
        )
        if "rank" not in frame.columns:
            frame["rank"] = (
                frame["index"]
                .rank(ascending=False, method="min")
                .astype("Int64")
            )
        fname = path.name
    return _by_label(frame, unit, group, fname)


def load_shares(
    path: str | Path | None = None,
    unit: str = "province_zh",
    sheet: str | int | None = None,
) -> tuple[pd.DataFrame, Units]:
    """Chapter 1's shares of AI firms and patents (per cent of a whole), one row per listed unit,
    indexed by ``label``, and what the units are.

    ``path=None`` loads the paper's Table 2 (the ten leading provinces). A replicator's file
    needs the columns ``unit``, ``firm_share_pct`` and ``patent_share_pct`` (0 to 100, summing to
    100 or less: a table of the leading units leaves the rest unlisted).

    Parameters
    ----------
    path
        A replicator's file, or ``None`` for the shipped ``fang2025_firms_patents``.
    unit
        The file's column of unit names (ignored when ``path`` is None).
    sheet
        The workbook's sheet (name or number) for an ``.xlsx`` file; its first by default.

    Returns
    -------
    frame : pandas.DataFrame
        One row per listed unit, indexed by ``label`` (index named ``unit``), with
        ``firm_share_pct`` and ``patent_share_pct`` (per cent, float) and the columns of
        :func:`attach_units` (the units are never grouped by a file column here). A replicator's
        file keeps ``attrs["file_format"]``.
    units : Units
        What the units are.

    Raises
    ------
    helpers.data.DataError
        If the file cannot be read, lacks a column, has a share that is not a number, missing or
        outside 0 to 100, repeats a unit, or a share column adds up to more than 100; or as
        :func:`attach_units` raises.
    """
    if path is None:
        frame, unit, fname = (
            data.load(SHARES_TABLE),
            "province_zh",
            SHARES_TABLE,
        )
    else:
        path = Path(path)
        share = {"type": "float", "min": 0, "max": 100}
        frame = _read_table(
            path, unit, dict.fromkeys(SHARE_COLUMNS, share), {}, sheet
        )
        fname = path.name
        totals = frame[SHARE_COLUMNS].sum()
        over = totals[totals > 100 + 1e-6]
        if not over.empty:
            raise data.DataError(
                f"{fname}: the shares in column(s) {', '.join(over.index)} add up to "
                f"{', '.join(f'{t:.2f}' for t in over)} per cent; shares of a whole add up to 100 "
                "or less"
            )
    return _by_label(frame, unit, None, fname)


def shares_universe(
    n_units: int | None,
    shares: pd.DataFrame,
    shares_units: Units,
    ai: pd.DataFrame | None = None,
) -> tuple[int, str]:
    """How many units the shares are shares of, and where that number comes from (a phrase for
    the chapter's text): ``n_units`` when given; else China's 31 provincial-level divisions for
    shares of provinces; else the units of ``ai`` and ``shares`` together (``ai``: the index of
    the same run, when it comes from the same place as the shares), or the listed units alone.

    Parameters
    ----------
    n_units
        The number of units the shares are shares of, as the reader gave it, or ``None``.
    shares
        The shares table of :func:`load_shares`, indexed by unit label.
    shares_units
        What the shares' units are (the second value :func:`load_shares` returns).
    ai
        The index table of the same run, indexed by unit label, or ``None`` when it comes from
        elsewhere than the shares.

    Returns
    -------
    n : int
        The number of units.
    phrase : str
        Where ``n`` comes from, in words.

    Raises
    ------
    helpers.errors.InputTypeError
        If ``n_units`` is not an integer.
    helpers.errors.InputError
        If ``n_units`` is below 1 or below the number of listed units, or the ``firm_share_pct``
        column cannot be the shares of ``n`` units (:func:`hhi_bounds`); the message says to set
        ``n_units``.

    Examples
    --------
    >>> shares = pd.DataFrame({"firm_share_pct": [60.0, 40.0]}, index=["a", "b"])
    >>> shares_universe(None, shares, Units("city", False, None, 2))
    (2, 'only the units listed; give n_units if there are more')
    """
    n, phrase = _universe(n_units, shares, shares_units, ai)
    from helpers.regional.concentration import hhi_bounds

    try:
        hhi_bounds(shares[SHARE_COLUMNS[0]], n_units=n)
    except InputError as error:
        raise InputError(
            f"{error}: the shares are taken as shares of {n} units ({phrase}); set n_units to the "
            "number of units they are shares of"
        ) from None
    return n, phrase


def _universe(n_units, shares, shares_units, ai) -> tuple[int, str]:
    listed = len(shares)
    if n_units is not None:
        n = _checks.integer("n_units", n_units, minimum=1)
        if n < listed:
            raise InputError(
                f"n_units = {n}: the shares table lists {listed} units, so there are at least "
                f"{listed}"
            )
        return n, "the number given as n_units"
    if shares_units.provinces:
        return len(province_names()), "China's provincial-level divisions"
    if ai is not None:
        return (
            len(ai.index.union(shares.index)),
            "the units of the index and the shares tables together",
        )
    return listed, "only the units listed; give n_units if there are more"
