"""Chapter 3's sentences about the coupling coordination model on the panel of a run, computed
from that run's results (nothing assumes the simulated panel's provinces or years)."""

from __future__ import annotations

import pandas as pd

from helpers.coupling.model import METHODS, classify

FORMS = {"standard": "the standard", "wang": "Wang's", "fan": "Fan's"}


REGIONS = ("East", "Central", "West", "Northeast")


def paths_title(means: pd.DataFrame) -> str:
    """National D from the first to the last year, and the leading group in the last year
    (``means``: regional.yearly_means of D, with a ``National`` column; without groups, the mean
    alone)."""
    first, last = means.index.min(), means.index.max()
    national = means["National"]
    verb = "rises" if national[last] > national[first] else "does not rise"
    groups = [c for c in means.columns if c != "National"]
    # the mean of China's provinces is national; the mean of other units is their mean
    what = "National D" if any(g in REGIONS for g in groups) else "Mean D"
    title = (
        f"{what} {verb} from {national[first]:.2f} ({first}) to {national[last]:.2f} "
        f"({last})"
    )
    if not groups:
        return title
    leader = means.loc[last, groups].idxmax()
    leader = f"the {leader}" if leader in REGIONS else leader
    return f"{title}; {leader} leads in {last}"


def top_sentence(ranking: pd.DataFrame, year, noun: str = "province") -> str:
    """The unit with the highest D in ``year``, its level, and how many reach coordination
    (``ranking``: the year's rows with ``label``, ``D`` and ``level_zh``, sorted by D; ``noun``
    names one unit)."""
    best = ranking.iloc[0]
    coordinated = int((ranking["D"] > 0.6).sum())
    verb = "is" if coordinated == 1 else "are"
    name = best["label"] if "label" in ranking.columns else best["name_en"]
    return (
        f"In {year}, {name} has the highest D, {best['D']:.4f} ({best['level_zh']}); "
        f"{coordinated} of {len(ranking)} {noun}s {verb} above 0.6, the threshold of "
        "coordination in Table 3."
    )


def heatmap_rows(n_units: int, limit: int = 50) -> str | None:
    """None when a heat map can show every unit; else what it shows instead: the 40 highest and
    the 10 lowest of ``n_units``."""
    if n_units <= limit:
        return None
    return f"the 40 highest and the 10 lowest of {n_units:,}"


def spread_sentence(summary: pd.DataFrame) -> str:
    """The median and range of C under each form (``summary``: describe() rows by form)."""
    parts = [
        f"{FORMS[m]} C from {summary.at['min', m]:.3f} to {summary.at['max', m]:.3f}"
        for m in METHODS
        if m in summary.columns
    ]
    return (
        f"On this run's panel the median standard C is {summary.at['50%', 'standard']:.3f}. "
        "The forms range as follows: " + "; ".join(parts) + "."
    )


def share_sentence(share_T: float) -> str:
    """How much of the variance of ln D comes from ln T, and what that means."""
    text = (
        f"{share_T:.0%} of the variance of ln D is attributable to ln T (the covariance "
        "share, which adds up to one with the share of ln C), "
    )
    if share_T > 0.5:
        return text + (
            "so on this data most of the variation in D comes from T, the level of "
            "development, not from the balance of the two systems that the word "
            '"coordination" suggests.'
        )
    return text + (
        "so on this data the balance of the two systems moves D more than their level does."
    )


def forms_title(national: pd.DataFrame) -> str:
    """Whether the modified forms lower D on average (``national``: mean D by year and form)."""
    means = national.mean()
    lower = [FORMS[m] for m in ("wang", "fan") if means[m] < means["standard"]]
    if not lower:
        return "The modified C does not lower D here"
    return " and ".join(lower).capitalize() + " C lower D and its level"


def forms_sentence(in_last: pd.DataFrame, year) -> str:
    """How the forms agree on the ranking and on the levels in ``year`` (``in_last``: D by form,
    one row per province)."""
    corr = in_last.corr(method="spearman")
    lowest = min(
        corr.iloc[i, j]
        for i in range(len(corr))
        for j in range(i + 1, len(corr))
    )
    modal = {
        m: classify(in_last[m])["level_zh"].mode().iloc[0]
        for m in METHODS
        if m in in_last.columns
    }
    same = len(set(modal.values())) == 1
    text = (
        f"In {year} the rankings of the three forms correlate at least {lowest:.3f} (Spearman). "
        "The most common Table 3 level is "
        + ", ".join(f"{lvl} under {FORMS[m]} form" for m, lvl in modal.items())
        + "."
    )
    if not same:
        text += (
            " The same data land on different levels: Table 3's thresholds were made for the "
            "standard form, and applying them to another is one of the misuses Wang et al. warn "
            "about. Levels are a convention, not a measurement."
        )
    return text


def three_sentence(table: pd.DataFrame, who: str) -> str:
    """The standard and Wang coupling degrees of three subsystems for one province-year."""
    return (
        f"For {who}, the standard C is {table.at['standard', 'C']:.3f} and Wang's "
        f"{table.at['wang', 'C']:.3f}."
    )


def jackknife_sentence(table: pd.DataFrame, noun: str = "province") -> str:
    """What rebuilding the indices without one unit at a time does to D and its Table 3 level
    (:func:`helpers.coupling.jackknife_levels`; None when the panel has too few units)."""
    if table is None:
        return (
            f"With fewer than three {noun}s the jackknife cannot be computed, and D's sampling "
            "variation cannot be shown."
        )
    spread = (table["D max"] - table["D min"]).max()
    changed = float(table["changed"].mean())
    return (
        f"Rebuilding both indices without one {noun} at a time moves a {noun}'s D by up to "
        f"{spread:.3f}, and the Table 3 level of {changed:.0%} of {noun}-years changes in at "
        "least one replication. D inherits how much the entropy weights and the min-max bounds "
        "depend on the units included; a level read off it to two decimals claims a precision "
        "it does not have, and a paper that prints D without any such check cannot say which "
        "level changes are real."
    )


def relative_sentence(
    relative: pd.DataFrame,
    year,
    first: str,
    second: str,
    noun: str = "province",
) -> str:
    """The relative development degree in ``year`` (:func:`helpers.coupling.
    relative_development` of the first index over the second), in words."""
    in_year = relative.xs(year, level=-1)["type"].value_counts()
    behind, level, ahead = (
        int(in_year.get(k, 0))
        for k in ("first lags", "in step", "second lags")
    )
    return (
        f"In {year}, E = {first} / {second} puts {behind} {noun}s' {first} behind their "
        f"{second} (E < 0.9), {level} in step and {ahead} ahead (E > 1.1). The two indices are "
        "built separately, each on the scale its own min-max bounds and weights give it, so E "
        "compares scales as much as development: it says which subsystem lags only when the "
        "two are measured on a common scale."
    )
