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

import pandas as pd

from helpers import _checks, data
from helpers.errors import InputTypeError


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
        """ "30 provinces", "48 units", "1 unit"."""
        n = self.n if n is None else n
        return f"{n} {self.noun}" + ("" if n == 1 else "s")

    @property
    def grouping(self) -> str:
        """How the units are grouped, in words: "NBS region", "region (the file's column)"."""
        if self.group is None:
            return "no grouping"
        if self.provinces and self.group == "region":
            return "NBS region"
        return f"{self.group} (the file's column)"


def province_names() -> set[str]:
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
    regions without a word.

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
            f"{provinces_among} other unit(s) are; expected short names such as 北京, 内蒙古, "
            "新疆 (if your units are not provinces, none of them should be)"
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
