"""Chapter 3's sentences about the coupling coordination model on the panel of a run, computed
from that run's results (nothing assumes the simulated panel's provinces or years)."""

from __future__ import annotations

import pandas as pd

from helpers.coupling.model import METHODS, classify
from helpers.display import in_words

FORMS = {"standard": "the standard", "wang": "Wang's", "fan": "Fan's"}


REGIONS = ("East", "Central", "West", "Northeast")


def paths_title(means: pd.DataFrame) -> str:
    """National D from the first to the last year, and the leading group in the last year
    (``means``: regional.yearly_means of D, with a ``National`` column; without groups, the mean
    alone).

    Parameters
    ----------
    means
        :func:`helpers.regional.yearly_means` of D: indexed by year, one column per group, then
        ``National``.

    Returns
    -------
    str
        A figure title: "National D rises from 0.24 (2010) to 0.44 (2022); the East leads in
        2022" ("Mean D" when no group is an NBS region; "does not rise" when the last year's mean
        is not above the first's; no leader without groups).
    """
    first, last = means.index.min(), means.index.max()
    national = means["National"]
    verb = "rises" if national[last] > national[first] else "does not rise"
    groups = [c for c in means.columns if c != "National"]
    # the mean of China's provinces is national; the mean of other units is their mean
    what = "National D" if any(g in REGIONS for g in groups) else "Mean D"
    title = f"{what} {verb} from {national[first]:.2f} ({first}) to {national[last]:.2f} ({last})"
    if not groups:
        return title
    leader = means.loc[last, groups].idxmax()
    leader = f"the {leader}" if leader in REGIONS else leader
    return f"{title}; {leader} leads in {last}"


def top_sentence(ranking: pd.DataFrame, year, noun: str = "province") -> str:
    """The unit with the highest D in ``year``, its level, and how many reach coordination
    (``ranking``: the year's rows with ``label``, ``D`` and ``level_zh``, sorted by D; ``noun``
    names one unit).

    Parameters
    ----------
    ranking
        The units of one year sorted by D from the highest, with columns ``D``, ``level_zh`` and
        ``label`` (or ``name_en``).
    year
        The year.
    noun
        What one unit is called.

    Returns
    -------
    str
        One sentence: the first unit, its D (four decimals) and level, and how many units have D
        above 0.6, the lower bound of the benign coordination stage (良性协调阶段) of Table 3.
    """
    best = ranking.iloc[0]
    coordinated = int((ranking["D"] > 0.6).sum())
    verb = "is" if coordinated == 1 else "are"
    name = best["label"] if "label" in ranking.columns else best["name_en"]
    return (
        f"In {year}, {name} has the highest D, {best['D']:.4f} ({best['level_zh']}); {coordinated} "
        f"of {len(ranking)} {noun}s {verb} above 0.6, the threshold of coordination in Table 3."
    )


def heatmap_rows(n_units: int, limit: int = 50) -> str | None:
    """None when a heat map can show every unit; else what it shows instead: the 40 highest and
    the 10 lowest of ``n_units``.

    Parameters
    ----------
    n_units
        The number of units.
    limit
        The most units a heat map shows in full.

    Returns
    -------
    str or None
        ``None`` when ``n_units <= limit``; else "the 40 highest and the 10 lowest of <n_units>"
        (40 and 10 whatever ``limit`` is).

    Examples
    --------
    >>> heatmap_rows(285)
    'the 40 highest and the 10 lowest of 285'
    """
    if n_units <= limit:
        return None
    return f"the 40 highest and the 10 lowest of {n_units:,}"


def spread_sentence(summary: pd.DataFrame) -> str:
    """The median and range of C under each form (``summary``: describe() rows by form).

    Parameters
    ----------
    summary
        Rows ``min``, ``50%`` and ``max`` of ``describe()`` of C, one column per form
        (``standard``, and any of ``wang`` and ``fan``).

    Returns
    -------
    str
        Two sentences: the median of the standard C and the range of each form present (three
        decimals).
    """
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
    """How much of the variance of ln D comes from ln T, and what that means.

    Since :math:`\\ln D = \\tfrac12 \\ln C + \\tfrac12 \\ln T`, the covariance shares
    :math:`\\mathrm{cov}(\\tfrac12 \\ln T, \\ln D) / \\mathrm{var}(\\ln D)` and the same for
    :math:`\\ln C` add up to one.

    Parameters
    ----------
    share_T
        The covariance share of :math:`\\ln T`, a fraction (not a percentage).

    Returns
    -------
    str
        One sentence: the share as a percentage and whether the level T (share above one half)
        or the balance C moves D more.
    """
    text = (
        f"{share_T:.0%} of the variance of ln D is attributable to ln T (the covariance share, "
        "which adds up to one with the share of ln C), "
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
    """Whether the modified forms lower D on average (``national``: mean D by year and form).

    Parameters
    ----------
    national
        The national mean D, indexed by year, with the columns ``standard``, ``wang`` and
        ``fan``.

    Returns
    -------
    str
        A figure title naming the forms whose mean D over the years is below the standard
        form's, or "The modified C does not lower D here".
    """
    means = national.mean()
    lower = [FORMS[m] for m in ("wang", "fan") if means[m] < means["standard"]]
    if not lower:
        return "The modified C does not lower D here"
    return " and ".join(lower).capitalize() + " C lower D and its level"


def forms_sentence(in_last: pd.DataFrame, year) -> str:
    """How the forms agree on the ranking and on the levels in ``year`` (``in_last``: D by form,
    one row per province).

    Parameters
    ----------
    in_last
        D of one year, one row per unit, one column per form (at least two of ``standard``,
        ``wang`` and ``fan``).
    year
        The year.

    Returns
    -------
    str
        Two sentences or more: the lowest Spearman correlation between the forms' rankings
        (three decimals), the most common Table 3 level under each form, and, when they differ,
        why Table 3's thresholds do not carry over to the other forms.
    """
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
        f"In {year} the rankings of the {in_words(len(corr))} forms correlate at least "
        f"{lowest:.3f} (Spearman). "
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
    """The standard and Wang coupling degrees of three subsystems for one province-year.

    Parameters
    ----------
    table
        Indexed by form, with a column ``C``; rows ``standard`` and ``wang`` are used.
    who
        The province-year, as the sentence names it.

    Returns
    -------
    str
        One sentence with the two values of C (three decimals).
    """
    return (
        f"For {who}, the standard C is {table.at['standard', 'C']:.3f} and Wang's "
        f"{table.at['wang', 'C']:.3f}."
    )


def jackknife_sentence(table: pd.DataFrame, noun: str = "province") -> str:
    """What rebuilding the indices without one unit at a time does to D and its Table 3 level
    (:func:`helpers.coupling.jackknife_levels`; None when the panel has too few units).

    Parameters
    ----------
    table
        The table of :func:`helpers.coupling.jackknife_levels` (columns ``D min``, ``D max`` and
        ``changed``), or ``None`` when the panel has fewer than three units.
    noun
        What one unit is called.

    Returns
    -------
    str
        The largest range of a unit's D over the replications (three decimals), the share of
        unit-years whose level changes in at least one, and what that means for reading D; or,
        for ``None``, that the jackknife cannot be computed.
    """
    if table is None:
        return (
            f"With fewer than three {noun}s the jackknife cannot be computed, and D's sampling "
            "variation cannot be shown."
        )
    spread = (table["D max"] - table["D min"]).max()
    changed = float(table["changed"].mean())
    return (
        f"Rebuilding both indices without one {noun} at a time moves a {noun}'s D by up to "
        f"{spread:.3f}, and the Table 3 level of {changed:.0%} of {noun}-years changes in at least "
        "one replication. D inherits how much the entropy weights and the min-max bounds depend "
        "on the units included; a level read off it to two decimals claims a precision it does "
        "not have, and a paper that prints D without any such check cannot say which level "
        "changes are real."
    )


def relative_sentence(
    relative: pd.DataFrame,
    year,
    first: str,
    second: str,
    noun: str = "province",
    band: tuple[float, float] = (0.9, 1.1),
) -> str:
    """The relative development degree in ``year`` (:func:`helpers.coupling.
    relative_development` of the first index over the second), in words.

    Parameters
    ----------
    relative
        The table of :func:`helpers.coupling.relative_development`, indexed by (unit, year) with
        the year last; its ``type`` column is counted.
    year
        The year described.
    first
        The name of the first index (the numerator).
    second
        The name of the second index.
    noun
        What one unit is called.
    band
        The band ``relative`` was classified with (:func:`helpers.coupling.relative_development`'s
        ``band``), quoted in the text.

    Returns
    -------
    str
        Two sentences: how many units have the first index behind, in step with and ahead of the
        second (units with ``U2 = 0``, where E is undefined, are not counted), and why E compares
        the indices' scales as much as development.
    """
    in_year = relative.xs(year, level=-1)["type"].value_counts()
    behind, level, ahead = (
        int(in_year.get(k, 0))
        for k in ("first lags", "in step", "second lags")
    )
    return (
        f"In {year}, E = {first} / {second} puts {behind} {noun}s' {first} behind their {second} "
        f"(E < {band[0]:g}), {level} in step and {ahead} ahead (E > {band[1]:g}). The two indices "
        "are built separately, each on the scale its own min-max bounds and weights give it, so E "
        "compares scales as much as development: it says which subsystem lags only when the two "
        "are measured on a common scale."
    )
