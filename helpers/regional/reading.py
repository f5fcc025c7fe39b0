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


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def data_sentence(
    ai: pd.DataFrame, firms: pd.DataFrame, index_label: str, firms_label: str
) -> str:
    """What this run analyses, with its provinces by region.

    Examples
    --------
    >>> ai = pd.DataFrame({"region": ["East", "East", "West"]})
    >>> text = data_sentence(ai, ai.head(2), "your file a.csv", "your file b.csv")
    >>> text[:72]
    'This run analyses your file a.csv, an index for 3 provinces (East 2, Wes'
    """
    regions = ai["region"].value_counts()
    order = [
        r for r in ["East", "Central", "West", "Northeast"] if r in regions
    ]
    by_region = ", ".join(f"{r} {regions[r]}" for r in order)
    read = " ".join(
        t for t in (data.format_sentence(ai), data.format_sentence(firms)) if t
    )
    return (
        f"This run analyses {index_label}, an index for "
        f"{_count(len(ai), 'province')} ({by_region}), and {firms_label}, the shares of "
        f"{_count(len(firms), 'province')}." + (f" {read}" if read else "")
    )


def pairing_sentence(index_mine: bool, firms_mine: bool) -> str:
    """Whether the run may set the index beside the shares: only when both tables come from the
    same place (both the paper's, or both the reader's files); "" when it may.

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
            "given): setting them side by side would pair unrelated data, so this run does "
            "not compare them."
        )
    return (
        "The shares are your file and the index is the paper's Table 1 (no data_path was "
        "given): setting them side by side would pair unrelated data, so this run does not "
        "compare them."
    )


def claims_sentence(card: Scorecard) -> str:
    """How many of the paper's checkable statements hold on the run's data, naming those that do
    not.

    Examples
    --------
    >>> card = Scorecard("P (2025)", "99_x")
    >>> _ = card.check("C1", "T1", "a claim", "x", "x", True)
    >>> _ = card.check("C2", "T1", "another", "x", "y", False)
    >>> claims_sentence(card)
    'On this data 1 of the 2 checkable statements holds; C2 does not.'
    """
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


def leaders_title(index: pd.Series, region: pd.Series, k: int = 10) -> str:
    """A figure title naming the region that holds most of the ``k`` highest values.

    Examples
    --------
    >>> index = pd.Series([9.0, 8.0, 1.0], index=["a", "b", "c"])
    >>> leaders_title(index, pd.Series(["East", "East", "West"], index=index.index))
    '2 of the 3 leading provinces are in the East'
    """
    k = min(k, len(index))
    top = region.loc[index.nlargest(k).index].value_counts()
    return (
        f"{top.iloc[0]} of the {k} leading provinces are in the {top.index[0]}"
    )


def extremes_sentence(ai: pd.DataFrame) -> str:
    """The highest and lowest values of the index, with their regions."""
    high, low = ai["index"].idxmax(), ai["index"].idxmin()
    return (
        f"The highest index is {high}'s ({ai.at[high, 'index']:.2f}, "
        f"{ai.at[high, 'region']}), the lowest {low}'s ({ai.at[low, 'index']:.2f}, "
        f"{ai.at[low, 'region']})."
    )


def inequality_sentences(
    gini: float, decomposition: dict, groups: pd.DataFrame
) -> str:
    """The Gini, the between-region shares of Theil T and L, where most of the inequality lies,
    and the region with the widest spread (from ``groups``, regional.group_summary's table)."""
    t, ell = decomposition["T"].between_share, decomposition["L"].between_share
    text = f"The Gini coefficient of the index is {gini:.3f}. "
    if len(decomposition["T"].groups) < 2:
        text += (
            "All provinces of this run are in one region, so all of the inequality lies within "
            "it."
        )
        return text
    text += (
        f"Between-region differences account for {t:.1%} of Theil T and {ell:.1%} of Theil L, "
        "so "
    )
    if t >= 0.5 and ell >= 0.5:
        text += "most of the inequality lies between the regions."
    elif t < 0.5 and ell < 0.5:
        text += "most of the inequality lies within the regions."
    else:
        text += "the two indices disagree on whether most of it lies between or within them."
    spread = groups.drop(index="All", errors="ignore")
    spread = spread[spread["count"] >= 2]
    if not spread.empty:
        widest = spread["cv"].idxmax()
        text += (
            f" The widest spread within a region is in the {widest} (coefficient of variation "
            f"{spread.at[widest, 'cv']:.2f}, from {spread.at[widest, 'min']:.2f} to "
            f"{spread.at[widest, 'max']:.2f})."
        )
    return text


def permutation_sentence(permutation: pd.Series, n_regions: int) -> str:
    """What the permutation test of the between-region share says."""
    if n_regions < 2:
        return (
            "All provinces of this run are in one region, so there is no between-region "
            "inequality to test."
        )
    p = float(permutation["pvalue"])
    n = int(permutation["n_reps"])
    verdict = (
        "the regions sort the provinces better than a random grouping would"
        if p <= 0.05
        else "a random grouping of the provinces into groups of the same sizes often does as "
        "well, so the regional pattern is not clearly more than chance"
    )
    return (
        f"Against {n:,} random regroupings, the observed between-region share of Theil T "
        f"({float(permutation['observed']):.1%}) has a permutation p-value of {p:.3f}: {verdict}."
    )


def concentration_sentences(concentration: pd.DataFrame) -> str:
    """The HHI bounds and numbers equivalent of each share column, and which is more concentrated.

    ``concentration`` is regional.concentration_summary's table (columns: the share columns).
    """
    names = {"firm_share_pct": "AI firms", "patent_share_pct": "AI patents"}
    parts = []
    for column in concentration.columns:
        c = concentration[column]
        parts.append(
            f"the HHI of {names.get(column, column)} lies between "
            f"{c['HHI lower bound']:.0f} and {c['HHI upper bound']:.0f}, as concentrated as if "
            f"they sat in {c['numbers equivalent (10000 / HHI upper)']:.1f} equal-sized provinces"
        )
    text = "Whatever the unlisted provinces hold, " + "; ".join(parts) + "."
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
