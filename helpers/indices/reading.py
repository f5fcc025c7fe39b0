"""Sentences about the panel of a run (chapters 2-4), computed from that run's data and results.

What the chapters say about their panel comes from here: which data it is (the book's simulation
with its seed, or the reader's file with its provinces and years), which region and province lead,
how much the weights move, how the rankings agree. None of it assumes the simulated panel's 30
provinces or its years.
"""

from __future__ import annotations

import pandas as pd

from helpers import data
from helpers.display import in_words
from helpers.runs import Source

REGIONS = ["East", "Central", "West", "Northeast"]


def _names(items) -> str:
    items = [str(i) for i in items]
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _units(panel: pd.DataFrame):
    """The panel's units (``attrs["units"]`` of :func:`helpers.indices.load_panel`), or, for a
    panel built without it, Chinese provinces grouped by a ``region`` column."""
    from helpers.regional.units import Units

    units = panel.attrs.get("units")
    if units is None:
        names = panel.index.get_level_values(0)
        units = Units(panel.index.names[0], True, "region", names.nunique())
    return units


def _group_column(panel: pd.DataFrame) -> str | None:
    if "group" in panel.columns:
        return "group" if panel["group"].notna().any() else None
    return "region" if "region" in panel.columns else None


def panel_shape(panel: pd.DataFrame) -> str:
    """Units by group, years, and gaps of a panel indexed by (unit, year).

    Parameters
    ----------
    panel
        A panel indexed by (unit, year) with whole-number years, e.g. from
        :func:`helpers.indices.load_panel`; its groups are the ``group`` column (unless all
        missing) or else ``region``, and its kind of unit ``attrs["units"]`` (provinces when
        absent).

    Returns
    -------
    str
        The number of units with their counts by group (NBS regions first, in the conventional
        order; "in N groups" beyond eight), the span of years, and how many of the possible
        unit-years are present, with the number missing or "(balanced)".

    Examples
    --------
    >>> index = pd.MultiIndex.from_tuples(
    ...     [("a", 2010), ("a", 2011), ("b", 2010)], names=["province_zh", "year"])
    >>> panel_shape(pd.DataFrame({"region": ["East", "East", "West"]}, index=index))
    '2 provinces (East 1, West 1), 2010-2011, 3 of 4 province-years (1 missing)'
    """
    units = _units(panel)
    names = panel.index.get_level_values(0)
    years = panel.index.get_level_values(1)
    n_units, first, last = names.nunique(), int(years.min()), int(years.max())
    column = _group_column(panel)
    by_group = ""
    if column is not None:
        groups = (
            panel.reset_index()
            .drop_duplicates(panel.index.names[0])[column]
            .value_counts()
        )
        order = [g for g in REGIONS if g in groups.index] + sorted(
            g for g in groups.index if g not in REGIONS
        )
        by_group = (
            " (" + ", ".join(f"{g} {groups[g]}" for g in order) + ")"
            if len(order) <= 8
            else f" in {len(order)} groups"
        )
    possible = n_units * years.nunique()
    gaps = possible - len(panel)
    span = f"{first}" if first == last else f"{first}-{last}"
    shape = (
        f"{units.count(n_units)}{by_group}, {span}, {len(panel)} of {possible} "
        f"{units.noun}-years"
    )
    return shape + (f" ({gaps} missing)" if gaps else " (balanced)")


def system_caption(name: str, system: pd.DataFrame, default: bool) -> str:
    """A caption for the table of one subsystem's indicators: the paper's table for Gan & Zhang's
    system, the subsystem's name otherwise.

    Parameters
    ----------
    name
        The subsystem, a value of ``system["system"]``.
    system
        The indicator table (:func:`helpers.indices.indicator_system`).
    default
        Whether the table is Gan & Zhang's (the run uses no ``indicators_path``).

    Returns
    -------
    str
        "AI development (Table 1)" or "Employment quality (Table 2)" for Gan & Zhang's two
        systems (the name itself for any other); for a replicator's, "Subsystem <name>: <n>
        indicators (your specification)".
    """
    if default:
        return {
            "AI": "AI development (Table 1)",
            "EMP": "Employment quality (Table 2)",
        }.get(name, name)
    n = int((system["system"] == name).sum())
    return f"Subsystem {name}: {n} indicator{'s' if n != 1 else ''} (your specification)"


def system_note(paper_system: bool) -> str:
    """Where the run's indicator system comes from.

    Parameters
    ----------
    paper_system
        Whether the run uses Gan & Zhang's indicator system (no ``indicators_path``).

    Returns
    -------
    str
        Two to three sentences: for the paper's system, that it is transcribed from Tables 1-2
        and which indicators the book treats as negative; otherwise that it is the replicator's
        specification.
    """
    if paper_system:
        return (
            "The indicator systems are transcribed from Tables 1 and 2 "
            "(`gan_zhang_indicators`). The paper gives only the Chinese names; the English "
            "names, units and directions are the book's. The paper does not say which "
            "indicators are negative; we treat the urban-rural income gap, registered "
            "unemployment and the occupational-disease rate as negative."
        )
    return (
        "The indicator system is the one given by `indicators_path`: its subsystems, "
        "dimensions, directions and labels as the specification states them."
    )


def systems_sentence(system: pd.DataFrame, names: dict[str, str]) -> str:
    """What each subsystem's index is built from, e.g. "the AI index from 3 dimensions
    (Foundation and support, ...) of 9 indicators, and ...".

    Parameters
    ----------
    system
        The indicator table (:func:`helpers.indices.indicator_system`), with columns ``system``
        and ``dimension_en``.
    names
        How the text names each system's index (:func:`index_name`), by system.

    Returns
    -------
    str
        One sentence, the systems in the table's order; a system with one dimension is "from
        <n> indicators in one level".
    """
    parts = []
    for name, block in system.groupby("system", sort=False):
        dimensions = list(pd.unique(block["dimension_en"]))
        n = len(block)
        if len(dimensions) == 1:
            parts.append(
                f"the {names[name]} from {n} indicator{'s' * (n != 1)} in one level"
            )
        else:
            parts.append(
                f"the {names[name]} from {len(dimensions)} dimensions ({_names(dimensions)}) "
                f"of {n} indicators"
            )
    return _names(parts) + "."


def index_name(name: str, default: bool) -> str:
    """How the text names a subsystem's index: "AI index", "employment-quality index" for Gan &
    Zhang's, "X index" otherwise.

    Parameters
    ----------
    name
        The subsystem's name.
    default
        Whether the indicator system is Gan & Zhang's.

    Returns
    -------
    str
        "AI index" or "employment-quality index" for Gan & Zhang's ``AI`` and ``EMP``; "<name>
        index" for any other.

    Examples
    --------
    >>> index_name("EMP", True), index_name("EMP", False)
    ('employment-quality index', 'EMP index')
    """
    if default:
        return {
            "AI": "AI index",
            "EMP": "employment-quality index",
        }.get(name, f"{name} index")
    return f"{name} index"


def data_note(source: Source, panel: pd.DataFrame) -> str:
    """The text of the chapter's box about the data of this run.

    Parameters
    ----------
    source
        The run's data (:class:`helpers.runs.Source`): its ``label`` names it and ``simulated``
        says whether it is the book's simulation.
    panel
        The panel analysed (:func:`helpers.indices.load_panel`).

    Returns
    -------
    str
        The data's name and shape (:func:`panel_shape`), that nothing computed from it is the
        paper's result, and for a simulation that every value is invented; for a replicator's
        file, how it was read (:func:`helpers.data.format_sentence`) when there is anything to
        say.
    """
    shape = panel_shape(panel)
    if source.simulated:
        return (
            f"The panel of this run is simulated: {source.label}, generated by "
            f"helpers.indices.simulate, {shape}. It has the paper's 31 indicators, provinces "
            "and years, but every value is invented; it was calibrated so that the pipeline "
            "gives figures of the shape the paper reports. Nothing computed from it is the "
            "paper's result or a replication of its estimates."
        )
    read = data.format_sentence(panel)
    return (
        f"This run analyses {source.label}: {shape}. Nothing computed from it is the paper's "
        "data or a replication of its estimates."
        + (f" {read}" if read else "")
    )


def leaders_title(
    means: dict[str, pd.DataFrame], names: dict[str, str]
) -> str:
    """Which group leads each index in the last year (``means``: system -> ``yearly_means``
    table; ``names``: system -> how the text names its index); without groups, how many indices
    rose over the years.

    Parameters
    ----------
    means
        For each system, the table of :func:`helpers.regional.yearly_means`: indexed by year,
        one column per group, then ``National``. The first table sets the groups and years.
    names
        How the text names each system's index, by system.

    Returns
    -------
    str
        A figure title: "The East leads both indices in 2022" when one group leads all, else
        which group leads each index in the last year; without groups, "The mean of k of the n
        indices rose from <first year> to <last year>".
    """
    first_table = next(iter(means.values()))
    last, first = first_table.index.max(), first_table.index.min()
    groups = [c for c in first_table.columns if c != "National"]
    if not groups:
        rose = [
            s
            for s, t in means.items()
            if t.loc[last, "National"] > t.loc[first, "National"]
        ]
        return f"The mean of {len(rose)} of the {len(means)} indices rose from {first} to {last}"
    tops = {s: t.loc[last, groups].idxmax() for s, t in means.items()}
    if len(set(tops.values())) == 1:
        which = (
            "both indices" if len(tops) == 2 else f"all {len(tops)} indices"
        )
        return (
            f"{_the(next(iter(tops.values())), 'The')} leads {which} in {last}"
        )
    first_system, *others = tops
    text = f"{_the(tops[first_system], 'The')} leads the {names[first_system]} in {last}"
    return _capital(
        text
        + "".join(f", {_the(tops[s], 'the')} the {names[s]}" for s in others)
    )


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _the(group: str, article: str) -> str:
    """ "The East" for the NBS regions, other groups as named."""
    return f"{article} {group}" if group in REGIONS else str(group)


def top_title(values: pd.Series, what: str, year) -> str:
    """``"<unit> leads the <what> in <year>"`` for a Series indexed by unit label.

    Parameters
    ----------
    values
        The values of one year, indexed by unit label.
    what
        How the title names the values ("AI index").
    year
        The year shown.

    Returns
    -------
    str
        The title, naming the unit with the largest value (the first such when tied).

    Examples
    --------
    >>> top_title(pd.Series({"Beijing": 0.4, "Shanghai": 0.6}), "AI index", 2022)
    'Shanghai leads the AI index in 2022'
    """
    return f"{values.idxmax()} leads the {what} in {year}"


def sensitivity_sentence(
    sensitivity: pd.DataFrame, baseline: str = "pooled, shift"
) -> str:
    """How far each variant moves the weights from ``baseline``, and which moves them most.

    Parameters
    ----------
    sensitivity
        The table of :func:`helpers.indices.weight_sensitivity`: one row per indicator, one
        column of weights per variant, including ``baseline`` and at least one other.
    baseline
        The column the other variants are compared with.

    Returns
    -------
    str
        Two sentences: the largest range of one indicator's weight across all variants, the
        variant farthest from the baseline and the closest, each with the largest absolute change
        of a weight (two decimals).

    Raises
    ------
    KeyError
        If ``baseline`` is not a column of ``sensitivity``.
    """
    moved = sensitivity.drop(columns=baseline).sub(
        sensitivity[baseline], axis=0
    )
    largest = moved.abs().max()
    most = largest.idxmax()
    spread = float((sensitivity.max(axis=1) - sensitivity.min(axis=1)).max())
    return (
        f"Across these choices a single indicator's weight moves by up to {spread:.2f}. The "
        f"variant farthest from the {baseline!r} baseline is {most!r}, which moves a weight "
        f"by up to {largest[most]:.2f}; the closest is {largest.idxmin()!r} (up to "
        f"{largest.min():.2f})."
    )


def ranking_sentence(rank_corr: pd.DataFrame, year) -> str:
    """The range of the Spearman correlations between the rankings of ``year``.

    Parameters
    ----------
    rank_corr
        The square matrix of Spearman correlations between the rankings (the chapter's three:
        entropy, equal and first-component weights), at least two rows.
    year
        The year of the rankings.

    Returns
    -------
    str
        One sentence with the smallest and largest correlation off the diagonal (three decimals).
    """
    pairs = [
        rank_corr.iloc[i, j]
        for i in range(len(rank_corr))
        for j in range(i + 1, len(rank_corr))
    ]
    return (
        f"In {year} the Spearman correlations between the {in_words(len(rank_corr))} rankings "
        f"of the units run from {min(pairs):.3f} to {max(pairs):.3f}."
    )


def dispersion_sentence(
    dispersion: pd.DataFrame, rho: float, labels: dict
) -> str:
    """The correlation of weight with skewness, and the most heavily weighted indicators.

    Parameters
    ----------
    dispersion
        The table of :func:`helpers.indices.weight_dispersion` (its ``weight`` column, indexed by
        indicator).
    rho
        The rank correlation of weight with skewness.
    labels
        Display name of each indicator; indicators not in it are shown by their column name.

    Returns
    -------
    str
        Two sentences: ``rho`` to two decimals with what its sign means, and the three indicators
        with the largest weights.
    """
    top = dispersion["weight"].nlargest(3).index
    named = _names(labels.get(i, i) for i in top)
    direction = (
        "the more skewed an indicator, the larger its weight"
        if rho > 0
        else "here more skewed indicators do not get larger weights"
    )
    return (
        f"The rank correlation between weight and skewness is {rho:.2f}: {direction}. The "
        f"largest weights in this run go to {named}."
    )


def per_year_sentence(means: pd.DataFrame) -> str:
    """Pooled against per-year national means (columns ``pooled`` and ``per year``).

    Parameters
    ----------
    means
        The national mean of the index in each year, indexed by year, under pooled and under
        per-year standardisation (columns ``pooled`` and ``per year``).

    Returns
    -------
    str
        One sentence: the pooled mean in the first and the last year, the range of the per-year
        means (four decimals), and why the per-year index shows no growth.
    """
    pooled, per_year = means["pooled"], means["per year"]
    first, last = means.index.min(), means.index.max()
    return (
        f"Pooled, the national mean goes from {pooled[first]:.4f} in {first} to "
        f"{pooled[last]:.4f} in {last}; standardised per year it stays between "
        f"{per_year.min():.4f} and {per_year.max():.4f}, because each year's worst province "
        "scores 0 and its best 1 on every indicator, so the per-year index measures only "
        "how the provinces are spread within the year, not growth."
    )


def conventions_sentence(
    weights: pd.DataFrame, indices: pd.DataFrame, name: str, time: str
) -> str:
    """What :func:`helpers.indices.entropy.weight_conventions` found on this run's data: the
    dimension weights under the two conventions, how the two indices rank the units, and whether
    the last year's leader is the same.

    Parameters
    ----------
    weights
        The dimension weights of :func:`~helpers.indices.entropy.weight_conventions`: indexed by
        dimension, the two levels' weights in the first column and the one pass's in the second.
    indices
        Its indices: indexed by (unit, ``time``), columns ``two levels`` and ``one pass``.
    name
        How the text names the index.
    time
        The name of the index level of years.

    Returns
    -------
    str
        Two sentences: each dimension's two weights (two decimals), the Spearman correlation of
        the two indices over all unit-years (three decimals), and the leader of each in the last
        year.
    """
    two, one = weights.columns[:2]
    pairs = ", ".join(
        f"{dim} {row[two]:.2f} against {row[one]:.2f}"
        for dim, row in weights.iterrows()
    )
    rho = indices["two levels"].corr(indices["one pass"], method="spearman")
    last = indices.xs(indices.index.get_level_values(time).max(), level=time)
    leaders = last.idxmax()
    same = leaders["two levels"] == leaders["one pass"]
    return (
        f"For the {name} (pooled over the years), the dimension weights are {pairs} (two "
        "levels against one pass). The two indices rank the unit-years with a Spearman "
        f"correlation of {rho:.3f}; in the last year "
        + (
            f"both put {leaders['two levels']} first."
            if same
            else f"the two levels put {leaders['two levels']} first and the one pass "
            f"{leaders['one pass']}."
        )
    )


def rescaling_sentence(change: pd.Series, added_year, name: str) -> str:
    """How much adding the last year to a pooled index moved the earlier years' scores
    (``change``: new minus old score per unit-year of the earlier years).

    Parameters
    ----------
    change
        The pooled index of the earlier unit-years computed with the last year minus the same
        computed without it.
    added_year
        The year added.
    name
        How the text names the index.

    Returns
    -------
    str
        One sentence: the largest and the mean absolute change (four decimals), and why pooled
        scores change when a year is added.
    """
    moved = change.abs()
    return (
        f"Adding {added_year} to the panel moves the pooled {name} of the earlier years by "
        f"up to {moved.max():.4f}, {moved.mean():.4f} on average: the bounds of the min-max "
        "scaling and the entropy weights are computed over all years, so each new year "
        "rewrites the scores of the past, and an index published last year cannot be "
        "extended with this year's data alone."
    )


def jackknife_sentence(
    jk, system_name: str, name: str, year, noun: str = "province"
) -> str:
    """What leaving out one unit at a time does to the weights and to the ranking by the index of
    ``system_name`` (its readable ``name``) in ``year`` (:func:`helpers.indices.jackknife`;
    None when the panel has too few units for it).

    Parameters
    ----------
    jk
        The :class:`~helpers.indices.Jackknife` of the run, or ``None`` when the panel has fewer
        than three units.
    system_name
        The system whose weights and ranking are described (``"AI"``).
    name
        How the text names its index.
    year
        The year of the ranking.
    noun
        What one unit is called.

    Returns
    -------
    str
        One sentence: the indicator whose overall weight ranges most over the replications, its
        smallest, largest and full-sample weight (three decimals), and how many units change rank
        in ``year`` and by up to how many places; or, for ``jk=None``, why there is no jackknife.
    """
    if jk is None:
        return (
            f"With fewer than three {noun}s the jackknife cannot be computed: leaving one "
            "out would leave too little to weight."
        )
    ranges = jk.weight_ranges().xs(system_name, level="system")
    spread = ranges["max"] - ranges["min"]
    widest = spread.idxmax()
    row = ranges.loc[widest]
    which = widest[1] + (f" (in {widest[2]})" if len(widest) > 2 else "")
    moves = jk.rank_changes(system_name, year)
    moved = moves[(moves["up"] > 0) | (moves["down"] > 0)]
    n = len(moves)
    largest = int(moves[["up", "down"]].to_numpy().max())
    text = (
        f"Leaving out one {noun} at a time, the overall weight of {which} in the {name} "
        f"ranges from {row['min']:.3f} to {row['max']:.3f} (all {noun}s: {row['full']:.3f})"
    )
    if moved.empty:
        return text + (
            f", yet no {noun}'s rank in {year} changes when the weights are re-estimated "
            "without another."
        )
    return text + (
        f", and {len(moved)} of {n} {noun}s change rank in {year} when the weights are "
        f"re-estimated without another {noun}, by up to {largest} place"
        + ("s" if largest != 1 else "")
        + " (compared with their rank among the same units under the full-sample weights)."
    )
