"""Regional comparisons of provincial values: attach the province table, summarise by region, count
provinces above a threshold, and find the natural breaks in a ranking.

Groupings come from ``data/provinces.csv``: ``"region"`` is the National Bureau of Statistics' four
regions (East, Central, West, Northeast), ``"belt"`` the older three belts (East, Central, West).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np
import pandas as pd

from helpers import _checks, data
from helpers.errors import InputError, InputTypeError

#: Groupings a chapter can choose, with their display names and group order.
GROUPINGS = {
    "region": ("NBS four regions", ["East", "Central", "Northeast", "West"]),
    "belt": ("Three belts", ["East", "Central", "West"]),
}


def attach_provinces(
    frame: pd.DataFrame, on: str = "province_zh"
) -> pd.DataFrame:
    """Add the province table's columns (codes, English names, groupings, tile positions).

    Parameters
    ----------
    frame
        Table with one row per province and a column ``on`` of short Chinese names (the ``name_zh``
        of ``data/provinces.csv``).
    on
        Name of that column.

    Returns
    -------
    pandas.DataFrame
        ``frame``'s rows in their order, on a new default index, with the columns of
        ``data/provinces.csv`` added after its own (``name_zh`` itself is dropped unless ``on`` is
        ``"name_zh"``).

    Raises
    ------
    helpers.errors.InputTypeError
        If ``frame`` is not a DataFrame.
    helpers.data.DataError
        If ``on`` is missing, a name is not one of the 31 provinces (e.g. a misprint such as 工苏
        for 江苏), or a name is repeated: the message lists the names.
    """
    if not isinstance(frame, pd.DataFrame):
        raise InputTypeError(
            f"frame must be a DataFrame, got {type(frame).__name__}"
        )
    if on not in frame.columns:
        raise data.DataError(
            f"frame has no column {on!r}; columns are {', '.join(frame.columns)}"
        )
    provinces = data.load("provinces")
    unknown = sorted(set(frame[on].astype(str)) - set(provinces["name_zh"]))
    if unknown:
        raise data.DataError(
            f"column {on!r} has names that are not provincial-level divisions: "
            f"{', '.join(unknown)}; expected short names such as 北京, 内蒙古, 新疆"
        )
    dup = frame[on].duplicated()
    if dup.any():
        raise data.DataError(
            f"column {on!r} repeats {', '.join(frame.loc[dup, on].astype(str))}"
        )
    merged = frame.merge(provinces, left_on=on, right_on="name_zh", how="left")
    if on != "name_zh":
        merged = merged.drop(columns="name_zh")
    return merged


def _grouped(
    values: pd.Series, groups: pd.Series
) -> tuple[pd.Series, pd.Series]:
    if not isinstance(values, pd.Series) or not isinstance(groups, pd.Series):
        raise InputTypeError(
            "values and groups must be pandas Series indexed by unit"
        )
    numeric = _checks.series(values, "values")
    groups = _checks.aligned(groups, numeric, "groups")
    if groups.isna().any():
        raise InputError(
            f"groups has no group for {_checks.labels(groups.isna())}"
        )
    return numeric, groups


def _order(groups: pd.Series) -> list:
    """Known groupings in their conventional order, anything else sorted as people sort labels
    (region 2 before region 10)."""
    present = list(pd.unique(groups))
    for _, order in GROUPINGS.values():
        if set(present) <= set(order):
            return [g for g in order if g in present]
    return sorted(present, key=_natural)


_natural = _checks.natural_key


@dataclass(frozen=True)
class SharesAbove:
    """Result of :func:`share_above`: the ``threshold`` used, and a ``table`` indexed by group with
    ``units``, ``above``, ``share_above`` (0 to 1) and ``fraction`` (the share as a reduced fraction
    in text, e.g. ``"4/5"``)."""

    table: pd.DataFrame
    threshold: float


def share_above(
    values: pd.Series, groups: pd.Series, threshold: float | None = None
) -> SharesAbove:
    """Share of each group's units whose value is strictly above ``threshold``.

    Parameters
    ----------
    values
        One value per unit (e.g. province), indexed by unit.
    groups
        Group of each unit, same index.
    threshold
        The cut-off; ``None`` takes the unweighted mean of ``values`` (the "national mean" of a
        table of provinces).

    Returns
    -------
    SharesAbove
        The ``threshold`` used and the ``table`` indexed by group (named after ``groups``, or
        ``group``), in the grouping's conventional order (:data:`GROUPINGS`) or else sorted
        naturally, with columns ``units``, ``above``, ``share_above`` (0 to 1) and ``fraction``.

    Raises
    ------
    helpers.errors.InputTypeError
        If ``values`` or ``groups`` is not a Series, ``values`` holds text, or ``threshold`` is not
        a number.
    helpers.errors.InputError
        If a value is missing or infinite, a unit has no group, ``groups`` does not match the units
        of ``values``, or ``threshold`` is not finite.

    Examples
    --------
    >>> import pandas as pd
    >>> values = pd.Series([1.0, 5.0, 2.0, 8.0], index=["a", "b", "c", "d"])
    >>> groups = pd.Series(["East", "East", "West", "West"], index=values.index)
    >>> share_above(values, groups).table["fraction"].to_dict()
    {'East': '1/2', 'West': '1/2'}
    """
    values, groups = _grouped(values, groups)
    if threshold is None:
        threshold = float(values.mean())
    threshold = _checks.number("threshold", threshold)
    above = values > threshold
    table = pd.DataFrame(
        {"units": groups.value_counts(), "above": above.groupby(groups).sum()}
    )
    table = table.reindex(_order(groups)).astype(int)
    table["share_above"] = table["above"] / table["units"]
    table["fraction"] = [
        _fraction(a, n) for a, n in zip(table["above"], table["units"])
    ]
    table.index.name = groups.name or "group"
    return SharesAbove(table, threshold)


def _fraction(above: int, units: int) -> str:
    if above == 0:
        return f"0/{units}"
    f = Fraction(int(above), int(units))
    return f"{f.numerator}/{f.denominator}"


def group_summary(values: pd.Series, groups: pd.Series | None) -> pd.DataFrame:
    """Per-group count, mean, median, standard deviation (n-1), min, max and coefficient of
    variation (sd over mean), with a final row for all units together (the only row when
    ``groups`` is None: units without groups).

    A group of a single unit has no standard deviation: its ``std`` and ``cv`` are NaN (the one NaN
    this module returns, by design), since zero would wrongly report a measured absence of spread.

    Parameters
    ----------
    values
        One value per unit, indexed by unit.
    groups
        Group of each unit, same index as ``values``; or ``None`` for units without groups.

    Returns
    -------
    pandas.DataFrame
        One row per group (conventional order of :data:`GROUPINGS`, or else sorted naturally),
        then ``All``; the index is named after ``groups`` (or ``group``). Columns ``count`` (int),
        ``mean``, ``median``, ``std``, ``min``, ``max`` and ``cv``; ``cv`` is infinite or NaN
        where a group's mean is zero.

    Raises
    ------
    helpers.errors.InputTypeError
        If ``values`` or ``groups`` is not a Series (``values`` may be any one-dimensional data
        when ``groups`` is None), or ``values`` holds text.
    helpers.errors.InputError
        If a value is missing or infinite, a unit has no group, or ``groups`` does not match the
        units of ``values``.
    """
    stats = ["count", "mean", "median", "std", "min", "max"]
    if groups is None:
        values = _checks.series(values, "values")
        table = values.agg(stats).to_frame("All").T
        table.index.name = "group"
    else:
        values, groups = _grouped(values, groups)
        table = values.groupby(groups).agg(stats).reindex(_order(groups))
        table.loc["All"] = values.agg(stats).to_numpy()
        table.index.name = groups.name or "group"
    table["cv"] = table["std"] / table["mean"]
    table["count"] = table["count"].astype(int)
    return table


def rank_gaps(values: pd.Series) -> pd.DataFrame:
    """Values ranked from the top with the drop to the next unit (``gap``); the largest gaps are the
    natural places to cut a ranking into tiers.

    Parameters
    ----------
    values
        One value per unit, indexed by unit.

    Returns
    -------
    pandas.DataFrame
        Indexed by unit from the highest value down (ties keep their input order), with columns
        ``rank`` (1 at the top), ``value`` and ``gap`` (this value minus the next one's; NaN for
        the last unit, which has no next).

    Raises
    ------
    helpers.errors.InputTypeError
        If ``values`` is not a Series or holds text.
    helpers.errors.InputError
        If a value is missing or infinite.
    """
    if not isinstance(values, pd.Series):
        raise InputTypeError("values must be a pandas Series indexed by unit")
    ranked = _checks.series(values, "values").sort_values(
        ascending=False, kind="mergesort"
    )
    table = pd.DataFrame(
        {"rank": np.arange(1, len(ranked) + 1), "value": ranked}
    )
    table["gap"] = ranked - ranked.shift(-1)
    return table


def yearly_means(
    values: pd.Series, regions: pd.Series, national: str = "National"
) -> pd.DataFrame:
    """Mean of ``values`` per region and year, and the mean over all units (``national``).

    ``values`` and ``regions`` are indexed by (unit, year); the result has one row per year and one
    column per region present (in the conventional order), then the national column. Units
    without groups (``regions`` None or all missing) give the national column alone.

    Parameters
    ----------
    values
        Values indexed by a two-level (unit, year) MultiIndex.
    regions
        Region of each (unit, year), same index as ``values``; or ``None``.
    national
        Name of the column of the mean over all units (unweighted).

    Returns
    -------
    pandas.DataFrame
        Indexed by ``year``; one column per region (conventional order of :data:`GROUPINGS`, or
        else sorted naturally), then ``national``. A region with no unit in a year is NaN there.

    Raises
    ------
    helpers.errors.InputError
        If ``values`` is not indexed by (unit, year), a value is missing or infinite, a unit has
        no region while others have one, or ``regions`` does not match ``values``.
    helpers.errors.InputTypeError
        If ``regions`` is not a Series, or ``values`` holds text.
    """
    if (
        not isinstance(values.index, pd.MultiIndex)
        or values.index.nlevels != 2
    ):
        raise InputError("values must be indexed by (unit, year)")
    if (
        regions is None or regions.isna().all()
    ):  # ungrouped units: the mean alone
        numeric = _checks.series(values, "values")
        years = numeric.index.get_level_values(1)
        table = numeric.groupby(years).mean().to_frame(national)
        table.index.name = "year"
        return table
    values, regions = _grouped(values, regions)
    years = values.index.get_level_values(1)
    table = values.groupby([regions.to_numpy(), years]).mean().unstack(0)
    table = table[_order(regions)]
    table[national] = values.groupby(years).mean()
    table.index.name = "year"
    table.columns.name = None
    return table
