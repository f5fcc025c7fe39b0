"""Chapter 1's sentences about the data of a run, computed from that run's results.

The chapter shows these strings in its prose (``{eval}`` roles), so what it says about a
replicator's file is true of that file: which provinces lead, how unequal the index is and where,
what the permutation test found, how concentrated the shares are. Each function takes the results
the chapter computed and returns plain sentences; none assumes the paper's 31 provinces.
"""

from __future__ import annotations

import pandas as pd

from helpers import data
from helpers.audit import Scorecard


def _names(items) -> str:
    items = list(items)
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _the(group) -> str:
    """A group as a sentence names it: "the East" (an NBS region or belt), "region 2"."""
    return (
        f"the {group}"
        if group in ("East", "Central", "West", "Northeast")
        else str(group)
    )


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _in_groups(groups: pd.Series) -> str:
    """ "East 10, West 12" in the groups' natural order, or "" for units without groups."""
    from helpers.regional.groups import _order

    if groups.isna().all():
        return ""
    counts = groups.value_counts()
    return ", ".join(f"{g} {counts[g]}" for g in _order(groups.dropna()))


def data_sentence(
    ai: pd.DataFrame,
    firms: pd.DataFrame,
    index_label: str,
    firms_label: str,
    noun: str = "province",
    firms_noun: str | None = None,
) -> str:
    """What this run analyses, with its units by group (the ``group`` column, or ``region`` for a
    table of provinces without one); ``firms_noun`` names the shares table's units when they
    differ in kind from the index's. How a replicator's files were read
    (:func:`helpers.data.format_sentence`) is added at the end.

    Parameters
    ----------
    ai
        The index table of :func:`helpers.regional.load_index`, one row per unit, with a ``group``
        or ``region`` column.
    firms
        The shares table of :func:`helpers.regional.load_shares`.
    index_label
        How the sentence names the index's source ("the paper's Table 1", "your file a.csv").
    firms_label
        How the sentence names the shares' source.
    noun
        What one unit of the index is called.
    firms_noun
        What one unit of the shares table is called; ``None`` takes ``noun``.

    Returns
    -------
    str
        One or more sentences.

    Examples
    --------
    >>> ai = pd.DataFrame({"group": ["East", "East", "West"]})
    >>> text = data_sentence(ai, ai.head(2), "your file a.csv", "your file b.csv")
    >>> text[:72]
    'This run analyses your file a.csv, an index for 3 provinces (East 2, Wes'
    """
    groups = ai["group"] if "group" in ai else ai["region"]
    by_group = _in_groups(groups)
    read = " ".join(
        t for t in (data.format_sentence(ai), data.format_sentence(firms)) if t
    )
    return (
        f"This run analyses {index_label}, an index for {_count(len(ai), noun)}"
        + (f" ({by_group})" if by_group else ", not grouped")
        + f", and {firms_label}, the shares of {_count(len(firms), firms_noun or noun)}."
        + (f" {read}" if read else "")
    )


def pairing_sentence(index_mine: bool, firms_mine: bool) -> str:
    """Whether the run may set the index beside the shares: only when both tables come from the
    same place (both the paper's, or both the reader's files); "" when it may.

    Parameters
    ----------
    index_mine
        Whether the index is the reader's file (``data_path`` was given).
    firms_mine
        Whether the shares are the reader's file (``firms_path`` was given).

    Returns
    -------
    str
        "" when both come from the same place; otherwise a sentence saying which is whose and
        that the run does not compare them.

    Examples
    --------
    >>> pairing_sentence(True, False).split(":")[0]
    "The index is your file and the shares are the paper's Table 2 (no firms_path was given)"
    """
    if index_mine == firms_mine:
        return ""
    if index_mine:
        return (
            "The index is your file and the shares are the paper's Table 2 (no firms_path was "
            "given): setting them side by side would pair unrelated data, so this run does not "
            "compare them."
        )
    return (
        "The shares are your file and the index is the paper's Table 1 (no data_path was given): "
        "setting them side by side would pair unrelated data, so this run does not compare them."
    )


def claims_sentence(card: Scorecard | None, units: str = "") -> str:
    """How many of the paper's checkable statements hold on the run's data, naming those that do
    not; ``card`` None when the run's units (``units``, e.g. "48 units") are not China's
    provinces, on which the statements cannot be checked.

    Parameters
    ----------
    card
        The scorecard of the paper's statements checked on the run's data, or ``None``. Rows
        ``not_reproducible`` are not counted; a row counts as holding when ``reproduced``.
    units
        The run's units counted in words (:meth:`Units.count`), said when ``card`` is None.

    Returns
    -------
    str
        One sentence.

    Examples
    --------
    >>> card = Scorecard("P (2025)", "99_x")
    >>> _ = card.check("C1", "T1", "a claim", "x", "x", True)
    >>> _ = card.check("C2", "T1", "another", "x", "y", False)
    >>> claims_sentence(card)
    'On this data 1 of the 2 checkable statements holds; C2 does not.'
    >>> claims_sentence(None, "48 units")[:63]
    "The paper's statements name its own units and regions; this run"
    """
    if card is None:
        return (
            "The paper's statements name its own units and regions; this run's data include "
            f"{units} of another kind, so the statements are not checked on them."
        )
    frame = card.frame
    checkable = frame[frame["status"] != "not_reproducible"]
    failing = list(
        checkable.loc[checkable["status"] != "reproduced", "claim_id"]
    )
    holding = len(checkable) - len(failing)
    verb = "holds" if holding == 1 else "hold"
    text = f"On this data {holding} of the {len(checkable)} checkable statements {verb}"
    if not failing:
        return text + "."
    return (
        text
        + f"; {_names(failing)} "
        + ("does" if len(failing) == 1 else "do")
        + " not."
    )


def leaders_title(
    index: pd.Series, groups: pd.Series, k: int = 10, noun: str = "province"
) -> str:
    """A figure title naming the group that holds most of the ``k`` highest values, or, for
    units without groups, the leader.

    Parameters
    ----------
    index
        One value per unit, indexed by unit label.
    groups
        Group of each unit, same index; all missing for units without groups.
    k
        How many of the highest values to look at (at most the number of units).
    noun
        What one unit is called (made plural by adding "s").

    Returns
    -------
    str
        "<count> of the <k> leading <nouns> are in <group>", or "<unit> leads the <n> <nouns>".
        Ties in the count go to the group that ``value_counts`` lists first.

    Examples
    --------
    >>> index = pd.Series([9.0, 8.0, 1.0], index=["a", "b", "c"])
    >>> leaders_title(index, pd.Series(["East", "East", "West"], index=index.index))
    '2 of the 3 leading provinces are in the East'
    >>> leaders_title(index, pd.Series(pd.NA, index=index.index), noun="unit")
    'a leads the 3 units'
    """
    k = min(k, len(index))
    if groups.isna().all():
        return f"{index.idxmax()} leads the {_count(len(index), noun)}"
    top = groups.loc[index.nlargest(k).index].value_counts()
    return f"{top.iloc[0]} of the {k} leading {_plural(noun)} are in {_the(top.index[0])}"


def _plural(noun: str) -> str:
    return _count(2, noun)[2:]


def extremes_sentence(ai: pd.DataFrame) -> str:
    """The highest and lowest values of the index, with their groups when there are any.

    Parameters
    ----------
    ai
        The index table of :func:`helpers.regional.load_index`: ``index`` and a ``group`` (or
        ``region``) column, indexed by unit label.

    Returns
    -------
    str
        One sentence with both units, their values to two decimals and their groups (left out
        where missing). Ties go to the first unit in the table.
    """
    high, low = ai["index"].idxmax(), ai["index"].idxmin()

    def group(name) -> str:
        value = (
            ai.at[name, "group"] if "group" in ai else ai.at[name, "region"]
        )
        return "" if pd.isna(value) else f", {value}"

    return (
        f"The highest index is {high}'s ({ai.at[high, 'index']:.2f}{group(high)}), the lowest "
        f"{low}'s ({ai.at[low, 'index']:.2f}{group(low)})."
    )


def where_note(provinces: bool, grouped: bool = True) -> str:
    """How to read the figure of where the values lie: the tile map of China's provinces, or the
    values by group (in one row when the units are not grouped) for any other units.

    Parameters
    ----------
    provinces
        Whether the units are China's provinces (the figure is the tile map).
    grouped
        Whether units that are not provinces are grouped (ignored for provinces).

    Returns
    -------
    str
        One or two sentences.
    """
    if provinces:
        return (
            "The tile-grid map gives every province the same square, so the largest provinces do "
            "not dominate the picture as they would on an area map; provinces without a value are "
            "left blank."
        )
    if not grouped:
        return (
            "Each dot is a unit, drawn at its value (with a little vertical jitter so that equal "
            "values stay visible); the bar marks the median."
        )
    return (
        "Each dot is a unit, drawn at its value in its group's row (with a little vertical jitter "
        "so that equal values stay visible); the bar marks the group's median."
    )


def inequality_sentences(
    gini: float,
    decomposition: dict,
    groups: pd.DataFrame,
    noun: str = "province",
    group_noun: str = "region",
) -> str:
    """The Gini, the between-group shares of Theil T and L, where most of the inequality lies,
    and the group with the widest spread (from ``groups``, regional.group_summary's table). An
    empty ``decomposition`` means the units are not grouped.

    Parameters
    ----------
    gini
        The Gini coefficient of the index.
    decomposition
        The Theil decompositions by kind, ``{"T": ..., "L": ...}``
        (:class:`~helpers.regional.TheilDecomposition`), or empty.
    groups
        The table of :func:`helpers.regional.group_summary`; its ``All`` row and groups of one
        unit are left out when finding the widest spread (the largest ``cv``).
    noun
        What one unit is called.
    group_noun
        What one group is called ("region", "group").

    Returns
    -------
    str
        Two to four sentences. Most inequality is said to lie between groups when both between
        shares are at least one half, within them when both are below, and the indices to
        disagree otherwise.
    """
    text = f"The Gini coefficient of the index is {gini:.3f}. "
    if not decomposition:
        return text + (
            f"The {_plural(noun)} of this run are not grouped (no group column was given), so the "
            "Theil indices are not split into parts between and within groups."
        )
    t, ell = decomposition["T"].between_share, decomposition["L"].between_share
    if len(decomposition["T"].groups) < 2:
        return text + (
            f"All {_plural(noun)} of this run are in one {group_noun}, so all of the inequality "
            "lies within it."
        )
    text += (
        f"Between-{group_noun} differences account for {t:.1%} of Theil T and {ell:.1%} of Theil "
        "L, so "
    )
    if t >= 0.5 and ell >= 0.5:
        text += (
            f"most of the inequality lies between the {_plural(group_noun)}."
        )
    elif t < 0.5 and ell < 0.5:
        text += (
            f"most of the inequality lies within the {_plural(group_noun)}."
        )
    else:
        text += "the two indices disagree on whether most of it lies between or within them."
    spread = groups.drop(index="All", errors="ignore")
    spread = spread[spread["count"] >= 2]
    if not spread.empty:
        widest = spread["cv"].idxmax()
        text += (
            f" The widest spread within a {group_noun} is in {_the(widest)} (coefficient of "
            f"variation {spread.at[widest, 'cv']:.2f}, from {spread.at[widest, 'min']:.2f} to "
            f"{spread.at[widest, 'max']:.2f})."
        )
    return text


def permutation_sentence(
    permutation: pd.Series | None,
    n_groups: int,
    noun: str = "province",
    group_noun: str = "region",
) -> str:
    """What the permutation test of the between-group share says (``permutation`` None: the
    units are not grouped, so there is nothing to test).

    Parameters
    ----------
    permutation
        The result of :func:`helpers.regional.between_share_permutation` for Theil T, or
        ``None``.
    n_groups
        How many groups the units are in; with fewer than two there is nothing to test.
    noun
        What one unit is called.
    group_noun
        What one group is called.

    Returns
    -------
    str
        One sentence. A p-value of 0.05 or less is read as the groups sorting the units better
        than a random grouping would.
    """
    if permutation is None:
        return (
            f"Without groups there is no between-{group_noun} share to test: pass a group column "
            "(the parameter group) to run the permutation test."
        )
    if n_groups < 2:
        return (
            f"All {_plural(noun)} of this run are in one {group_noun}, so there is no "
            f"between-{group_noun} inequality to test."
        )
    p = float(permutation["pvalue"])
    n = int(permutation["n_reps"])
    verdict = (
        f"the {_plural(group_noun)} sort the {_plural(noun)} better than a random grouping would"
        if p <= 0.05
        else f"a random grouping of the {_plural(noun)} into groups of the same sizes often "
        f"does as well, so the pattern by {group_noun} is not clearly more than chance"
    )
    return (
        f"Against {n:,} random regroupings, the observed between-{group_noun} share of Theil T "
        f"({float(permutation['observed']):.1%}) has a permutation p-value of {p:.3f}: {verdict}."
    )


def concentration_sentences(
    concentration: pd.DataFrame, noun: str = "province", universe: str = ""
) -> str:
    """The HHI bounds and numbers equivalent of each share column, and which is more concentrated.

    ``concentration`` is regional.concentration_summary's table (columns: the share columns);
    ``universe`` says where the number of units the shares are shares of comes from.

    Parameters
    ----------
    concentration
        The table of :func:`helpers.regional.concentration_summary`, one column per share
        column; ``firm_share_pct`` and ``patent_share_pct`` are named "AI firms" and "AI patents".
    noun
        What one unit is called.
    universe
        A phrase for the number of units (the second value of
        :func:`helpers.regional.shares_universe`), or "".

    Returns
    -------
    str
        Sentences giving each column's HHI (its bounds when they differ, rounded to whole
        points) and numbers equivalent; with two columns, which is more concentrated when their
        bounds do not overlap.
    """
    names = {"firm_share_pct": "AI firms", "patent_share_pct": "AI patents"}
    parts = []
    for column in concentration.columns:
        c = concentration[column]
        lower, upper = (
            f"{c['HHI lower bound']:.0f}",
            f"{c['HHI upper bound']:.0f}",
        )
        parts.append(
            f"the HHI of {names.get(column, column)} "
            + (
                f"is {lower}"
                if lower == upper
                else f"lies between {lower} and {upper}"
            )
            + ", as concentrated as if "
            f"they sat in {c['numbers equivalent (10000 / HHI upper)']:.1f} equal-sized "
            f"{_plural(noun)}"
        )
    first = concentration.iloc[:, 0]
    unlisted = int(first["unlisted units"])
    n = unlisted + int(first["listed units"])
    text = f"The shares are taken as shares of {_count(n, noun)}" + (
        f" ({universe})" if universe else ""
    )
    if unlisted == 0:
        text += (
            "; all are listed, so the HHI is known: " + "; ".join(parts) + "."
        )
    else:
        text += (
            f". Whatever the {unlisted} unlisted ones hold, "
            + "; ".join(parts)
            + "."
        )
    if len(concentration.columns) == 2:
        upper = concentration.loc["HHI upper bound"].astype(float)
        lower = concentration.loc["HHI lower bound"].astype(float)
        first, second = concentration.columns
        if lower[first] > upper[second] or lower[second] > upper[first]:
            more = first if lower[first] > upper[second] else second
            name = names.get(more, more)
            text += f" {name[0].upper() + name[1:]} are the more concentrated."
        else:
            text += " The bounds overlap, so the tables cannot say which is more concentrated."
    return text
