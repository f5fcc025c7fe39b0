"""Figures of regional comparisons (chapter 1): ranked bars, a tile-grid map, Lorenz curves, shares
above a threshold and cumulative concentration. Each function returns its matplotlib Axes."""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import Patch, Rectangle

from helpers import _style
from helpers.errors import InputError, InputTypeError
from helpers.regional.groups import SharesAbove


def ranked_bar(
    values: pd.Series,
    groups: pd.Series,
    reference: float | None = None,
    reference_label: str = "mean",
    xlabel: str = "",
    title: str = "",
    ax: Axes | None = None,
) -> Axes:
    """Horizontal bars from the highest value (top) down, coloured by group, with an optional
    reference line (e.g. the national mean).

    Parameters
    ----------
    values
        One value per unit, indexed by the unit's label (shown on the y axis).
    groups
        Group of each unit, same index as ``values``; colours follow the book's region colours,
        then the palette.
    reference
        Where to draw a dashed vertical line, or ``None`` for none.
    reference_label
        The line's legend entry, followed by its value to two decimals.
    xlabel
        Label of the x axis.
    title
        Title of the axes.
    ax
        The axes to draw on; ``None`` draws on a new pyplot figure 7 inches wide and 0.25 inch
        per unit plus 1.2 high.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.

    Raises
    ------
    helpers.errors.InputError
        If ``values`` and ``groups`` do not have the same index.
    """
    if not values.index.equals(groups.index):
        raise InputError("values and groups must share the same index")
    order = values.sort_values(ascending=True, kind="mergesort").index
    colours = _style.group_colours(groups)
    ax = _style.axes(ax, (7, 0.25 * len(values) + 1.2))
    ax.barh(
        order.astype(str),
        values[order],
        color=[colours[groups[i]] for i in order],
    )
    handles = [Patch(color=c, label=g) for g, c in colours.items()]
    if reference is not None:
        line = ax.axvline(
            reference,
            color="black",
            linestyle="--",
            linewidth=1,
            label=f"{reference_label} ({reference:.2f})",
        )
        handles.append(line)
    ax.legend(handles=handles, loc="lower right", frameon=False)
    ax.set(xlabel=xlabel, title=title)
    ax.margins(y=0.01)
    return ax


#: above this many units a ranking is drawn as dots with the leaders and laggards labelled
BARS_UP_TO = 40


def ranked(
    values: pd.Series,
    groups: pd.Series | None = None,
    xlabel: str = "",
    title: str = "",
    label: int = 10,
    ax: Axes | None = None,
    reference: float | None = None,
    reference_label: str = "mean",
) -> Axes:
    """A ranking that reads for any number of units: :func:`ranked_bar` up to
    :data:`BARS_UP_TO` units, else every unit as a dot by rank (coloured by group when there are
    groups) with the ``label`` highest and the ``label`` // 2 lowest named, and an optional
    reference line as in :func:`ranked_bar`. ``groups`` None or all missing draws one colour.

    Parameters
    ----------
    values
        One value per unit, indexed by the unit's label.
    groups
        Group of each unit, same index as ``values``, or ``None``.
    xlabel
        Label of the x axis.
    title
        Title of the axes.
    label
        How many of the highest units to name on a dot ranking (half as many of the lowest).
    ax
        The axes to draw on; ``None`` draws on a new pyplot figure of 7 by 5 inches (dots) or
        as :func:`ranked_bar` does (bars).
    reference
        Where to draw a dashed vertical line, or ``None`` for none.
    reference_label
        The line's legend entry, followed by its value to two decimals.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.

    Raises
    ------
    helpers.errors.InputError
        If ``values`` and ``groups`` do not have the same index (bars only).
    """
    if groups is None or groups.isna().all():
        groups = pd.Series("all units", index=values.index)
    if len(values) <= BARS_UP_TO:
        return ranked_bar(
            values,
            groups,
            reference=reference,
            reference_label=reference_label,
            xlabel=xlabel,
            title=title,
            ax=ax,
        )
    order = values.sort_values(ascending=False, kind="mergesort")
    ranks = np.arange(1, len(order) + 1)
    colours = _style.group_colours(groups)
    ax = _style.axes(ax, (7, 5))
    for group, colour in colours.items():
        mask = (groups[order.index] == group).to_numpy()
        ax.scatter(
            order.to_numpy()[mask],
            ranks[mask],
            s=10,
            color=colour,
            label=group,
        )
    ax.set_ylim(len(order) + 1, 0)
    _label_ranks(ax, order, label)
    if reference is not None:
        ax.axvline(
            reference,
            color="black",
            linestyle="--",
            linewidth=1,
            label=f"{reference_label} ({reference:.2f})",
        )
    ax.set(
        xlabel=xlabel,
        ylabel=f"rank (1 = highest, of {len(order)})",
        title=title,
    )
    if len(colours) > 1 or reference is not None:
        ax.legend(frameon=False, fontsize=8, loc="lower right")
    return ax


def _label_ranks(
    ax: Axes, order: pd.Series, label: int, fontsize: float = 8
) -> None:
    """Name the ``label`` highest and ``label`` // 2 lowest of the ranked ``order`` beside their
    dots. Names closer than a line of text are moved apart (down from the top, up from the
    bottom) and joined to their dots by a thin line, so that near-equal ranks stay readable."""
    height = ax.get_position().height * ax.figure.get_figheight() * 72
    # one line of text, in ranks
    gap = 1.2 * fontsize * (len(order) + 1) / height
    x_shift = 0.02 * float(order.max() - order.min() or 1)
    n = len(order)
    top = list(range(min(label, n)))
    bottom = [i for i in range(n - label // 2, n) if i not in top]
    placed = {}
    for indices, step in ((top, 1), (bottom[::-1], -1)):
        last = None
        for i in indices:
            y = i + 1.0
            if last is not None:
                y = max(y, last + gap) if step == 1 else min(y, last - gap)
            placed[i], last = y, y
    for i, y in placed.items():
        x, rank = float(order.iloc[i]), i + 1
        moved = abs(y - rank) > gap / 4
        ax.annotate(
            str(order.index[i]),
            (x, rank),
            xytext=(x + x_shift, y),
            textcoords="data",
            fontsize=fontsize,
            va="center",
            arrowprops={"arrowstyle": "-", "lw": 0.5, "color": "grey"}
            if moved
            else None,
        )


def by_group(
    values: pd.Series,
    groups: pd.Series | None = None,
    xlabel: str = "",
    title: str = "",
    ax: Axes | None = None,
    seed: int = 0,
) -> Axes:
    """Every unit as a dot at its value, one row per group (a little vertical jitter, drawn from
    ``seed``, keeps equal values apart), with a bar at each group's median: where the values
    lie for units that have no map. ``groups`` None or all missing draws one row.

    Parameters
    ----------
    values
        One value per unit, indexed by unit.
    groups
        Group of each unit, same index as ``values``, or ``None``. Rows follow the grouping's
        conventional order (:data:`helpers.regional.GROUPINGS`), else natural order, and are
        labelled with the group's number of units.
    xlabel
        Label of the x axis.
    title
        Title of the axes.
    ax
        The axes to draw on; ``None`` draws on a new pyplot figure 7 inches wide and 0.6 inch
        per group plus 1.4 high.
    seed
        Seed of the uniform jitter in (-0.25, 0.25) (``numpy.random.default_rng``).

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.
    """
    from helpers.regional.groups import _order

    if groups is None or groups.isna().all():
        groups = pd.Series("all units", index=values.index)
    order = _order(groups)
    colours = _style.group_colours(groups)
    ax = _style.axes(ax, (7, 0.6 * len(order) + 1.4))
    jitter = np.random.default_rng(seed).uniform(-0.25, 0.25, len(values))
    rows = groups.map({g: i for i, g in enumerate(order)}).to_numpy(float)
    ax.scatter(
        values.to_numpy(),
        rows + jitter,
        s=12 if len(values) <= 300 else 4,
        alpha=0.8 if len(values) <= 300 else 0.4,
        color=[colours[g] for g in groups],
    )
    for i, g in enumerate(order):
        median = float(values[groups == g].median())
        ax.plot([median, median], [i - 0.35, i + 0.35], color="black", lw=2)
    ax.set_yticks(
        range(len(order)), [f"{g} ({(groups == g).sum()})" for g in order]
    )
    ax.invert_yaxis()
    ax.set(xlabel=xlabel, title=title)
    return ax


#: Characters of a tile's line at 8 points: "Guangdong" fits, "Heilongjiang" does not.
TILE_LINE = 10


def _tile_label(label: str) -> str:
    r"""A unit's name on the lines of one tile: a name too long for one line breaks at its first
    space ("Inner\nMongolia"), or, with no space, is hyphenated where a syllable starts (a
    consonant before a vowel) nearest its middle ("Heilong-\njiang", "Massachu-\nsetts").

    >>> _tile_label("Heilongjiang"), _tile_label("Inner Mongolia"), _tile_label("Beijing")
    ('Heilong-\njiang', 'Inner\nMongolia', 'Beijing')
    """
    if len(label) <= TILE_LINE:
        return label
    if " " in label:
        return label.replace(" ", "\n", 1)
    vowels = set("aeiouyAEIOUY")
    starts = [
        i
        for i in range(2, len(label) - 2)
        if label[i].isalpha()
        and label[i] not in vowels
        and label[i + 1] in vowels
        # not inside "ch", "sh", "zh", "th": the pair starts the syllable
        and not (label[i] == "h" and label[i - 1] not in vowels)
    ]
    if not starts:
        return label
    cut = min(starts, key=lambda i: abs(i - len(label) / 2))
    return f"{label[:cut]}-\n{label[cut:]}"


def tile_map(
    values: pd.Series,
    tiles: pd.DataFrame,
    labels: pd.Series | None = None,
    title: str = "",
    colorbar_label: str = "",
    cmap: str = "viridis",
    ax: Axes | None = None,
) -> Axes:
    """Tile-grid map: one equal square per unit at (``tile_col``, ``tile_row``), coloured by value.

    Every unit gets the same area, so large, sparsely populated provinces do not dominate the
    picture as they do on an area map. Each tile shows the unit's label and its value to one
    decimal; the colour scale runs from the smallest value to the largest.

    Parameters
    ----------
    values
        One value per unit, indexed by unit.
    tiles
        Indexed by unit, with integer columns ``tile_col`` and ``tile_row`` (row 0 at the top);
        units of ``tiles`` without a value are left blank.
    labels
        The name shown on each unit's tile, indexed by unit; ``None`` shows the index labels.
        Names longer than 10 characters are broken over two lines.
    title
        Title of the axes.
    colorbar_label
        Label of the colour bar.
    cmap
        Name of a matplotlib colour map.
    ax
        The axes to draw on; ``None`` draws on a new pyplot figure of 7 by 6 inches.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.

    Raises
    ------
    helpers.errors.InputError
        If ``tiles`` lacks ``tile_col`` or ``tile_row``, or has no position for a unit of
        ``values``.
    """
    missing = [c for c in ("tile_col", "tile_row") if c not in tiles.columns]
    if missing:
        raise InputError(f"tiles lacks column(s) {', '.join(missing)}")
    if set(values.index) - set(tiles.index):
        raise InputError(
            "tiles has no position for "
            + ", ".join(set(values.index) - set(tiles.index))
        )
    labels = (
        labels
        if labels is not None
        else pd.Series(values.index, index=values.index)
    )
    norm = plt.Normalize(values.min(), values.max())
    colormap = plt.get_cmap(cmap)
    ax = _style.axes(ax, (7, 6))
    for unit, value in values.items():
        col, row = (
            int(tiles.at[unit, "tile_col"]),
            int(tiles.at[unit, "tile_row"]),
        )
        rgba = colormap(norm(value))
        ax.add_patch(
            Rectangle(
                (col, -row), 0.95, 0.95, facecolor=rgba, edgecolor="white"
            )
        )
        dark = 0.299 * rgba[0] + 0.587 * rgba[1] + 0.114 * rgba[2] < 0.5
        label = _tile_label(str(labels[unit]))
        ax.text(
            col + 0.475,
            -row + 0.62,
            label,
            ha="center",
            va="center",
            fontsize=8,
            color="white" if dark else "black",
            linespacing=0.9,
        )
        ax.text(
            col + 0.475,
            -row + 0.3,
            f"{value:.1f}",
            ha="center",
            va="center",
            fontsize=8,
            color="white" if dark else "black",
        )
    ax.set_xlim(tiles["tile_col"].min() - 0.1, tiles["tile_col"].max() + 1.05)
    ax.set_ylim(
        -tiles["tile_row"].max() - 0.1, -tiles["tile_row"].min() + 1.05
    )
    ax.set_aspect("equal")
    ax.axis("off")
    mappable = plt.cm.ScalarMappable(norm=norm, cmap=colormap)
    ax.figure.colorbar(mappable, ax=ax, shrink=0.6, label=colorbar_label)
    ax.set_title(title)
    return ax


def lorenz_plot(
    curves: dict[str, pd.DataFrame],
    title: str = "",
    ax: Axes | None = None,
    noun: str = "province",
) -> Axes:
    """Lorenz curves (from :func:`helpers.regional.lorenz_curve`) against the equality line;
    ``noun`` names one unit on the axis. Points are marked for up to 100 units.

    Parameters
    ----------
    curves
        Lorenz curves by legend name, each with ``population_share`` and ``value_share``; the
        palette has three colours, so only the first three curves are drawn.
    title
        Title of the axes.
    ax
        The axes to draw on; ``None`` draws on a new pyplot figure of 5 by 5 inches.
    noun
        What one unit is called (the x axis reads "cumulative share of <noun>s").

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.
    """
    ax = _style.axes(ax, (5, 5))
    ax.plot(
        [0, 1], [0, 1], color="grey", linestyle=":", label="perfect equality"
    )
    for (name, curve), colour in zip(
        curves.items(), ["#0072B2", "#D55E00", "#009E73"]
    ):
        ax.plot(
            curve["population_share"],
            curve["value_share"],
            marker="o" if len(curve) <= 101 else None,
            markersize=3,
            color=colour,
            label=name,
        )
    ax.set(
        xlabel=f"cumulative share of {noun}s",
        ylabel="cumulative share of the total",
        xlim=(0, 1),
        ylim=(0, 1),
        title=title,
    )
    ax.set_aspect("equal")
    ax.legend(frameon=False, loc="upper left")
    return ax


def share_above_plot(
    result: SharesAbove,
    title: str = "",
    ax: Axes | None = None,
    noun: str = "province",
) -> Axes:
    """Bars of the share of each group above the threshold (:func:`helpers.regional.share_above`),
    labelled with the fraction; ``noun`` names one unit on the axis.

    Parameters
    ----------
    result
        What :func:`helpers.regional.share_above` returns.
    title
        Title of the axes; "" shows the threshold ("threshold 57.18").
    ax
        The axes to draw on; ``None`` draws on a new pyplot figure of 6 by 3.5 inches.
    noun
        What one unit is called.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.

    Raises
    ------
    helpers.errors.InputTypeError
        If ``result`` is not a :class:`~helpers.regional.SharesAbove`.
    """
    if not isinstance(result, SharesAbove):
        raise InputTypeError(
            f"result must be what share_above() returns; got {type(result).__name__}"
        )
    table = result.table
    colours = _style.group_colours(table.index)
    ax = _style.axes(ax, (6, 3.5))
    bars = ax.bar(
        table.index.astype(str),
        table["share_above"],
        color=[colours[g] for g in table.index],
    )
    for bar, text in zip(bars, table["fraction"]):
        ax.text(
            bar.get_x() + bar.get_width() / 2,
            bar.get_height() + 0.02,
            text,
            ha="center",
            va="bottom",
        )
    ax.set(
        ylim=(0, 1.12),
        ylabel=f"share of {noun}s above the threshold",
        title=title or f"threshold {result.threshold:.2f}",
    )
    ax.yaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    return ax


def refresh_share_above_plot(ax: Axes, result: SharesAbove) -> Axes:
    """Update a figure drawn by :func:`share_above_plot` in place for a new threshold.

    Moving the existing bars and labels, instead of drawing new ones, keeps a widget's redraw fast:
    discarded artists pile up for the garbage collector, whose full collections would otherwise
    stall some updates. The groups must be the ones already drawn.

    Parameters
    ----------
    ax
        Axes drawn by :func:`share_above_plot`.
    result
        What :func:`helpers.regional.share_above` returns for the new threshold, with the same
        groups in the same order.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax``, with its bars, labels and title updated (a custom title is replaced by the
        threshold).

    Raises
    ------
    helpers.errors.InputError
        If the axes show other groups than ``result``.
    """
    table = result.table
    drawn = [t.get_text() for t in ax.get_xticklabels()]
    if drawn != [str(g) for g in table.index]:
        raise InputError(
            f"the axes show groups {drawn}, the table has {list(map(str, table.index))}; draw it "
            "anew with share_above_plot()"
        )
    for bar, label, share, text in zip(
        ax.patches, ax.texts, table["share_above"], table["fraction"]
    ):
        bar.set_height(share)
        label.set_y(share + 0.02)
        label.set_text(text)
    ax.set_title(f"threshold {result.threshold:.2f}")
    return ax


def cumulative_share_plot(
    shares: pd.DataFrame,
    title: str = "",
    ax: Axes | None = None,
    noun: str = "province",
) -> Axes:
    """Cumulative share of the top-k units for each column of ``shares`` (in per cent), each column
    ranked on its own, with the 80 per cent line; every k is marked for up to 20 units.

    Parameters
    ----------
    shares
        One row per listed unit, one column per share variable (per cent), drawn under its
        column name; the palette has three colours, so only the first three columns are drawn.
    title
        Title of the axes.
    ax
        The axes to draw on; ``None`` draws on a new pyplot figure of 6 by 4 inches.
    noun
        What one unit is called.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.
    """
    ax = _style.axes(ax, (6, 4))
    for (name, col), colour in zip(
        shares.items(), ["#0072B2", "#D55E00", "#009E73"]
    ):
        ranked = np.sort(col.to_numpy())[::-1]
        ks = np.arange(1, len(ranked) + 1)
        ax.plot(
            ks,
            np.cumsum(ranked),
            marker="o" if len(ranked) <= 20 else None,
            color=colour,
            label=name,
        )
    ax.axhline(80, color="grey", linestyle=":", linewidth=1)
    ax.set(
        xlabel=f"top k {noun}s (each share ranked on its own)",
        ylabel="cumulative share (%)",
        ylim=(0, 100),
        title=title,
    )
    if len(shares) <= 20:
        ax.set_xticks(np.arange(1, len(shares) + 1))
    ax.legend(frameon=False, loc="best")
    return ax


def region_paths(
    paths: pd.DataFrame,
    ylabel: str,
    title: str = "",
    national: str = "National",
    ax: Axes | None = None,
) -> Axes:
    """One line per region over the years (:func:`helpers.regional.yearly_means`), the national mean
    dashed and black.

    Parameters
    ----------
    paths
        The table of :func:`helpers.regional.yearly_means`: indexed by year, one column per
        region and the national column.
    ylabel
        Label of the y axis.
    title
        Title of the axes.
    national
        The name of the national column.
    ax
        The axes to draw on; ``None`` draws on a new pyplot figure of 6 by 4 inches.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.
    """
    ax = _style.axes(ax, (6, 4))
    colours = _style.group_colours([c for c in paths.columns if c != national])
    for name in paths.columns:
        is_national = name == national
        ax.plot(
            paths.index,
            paths[name],
            color="black" if is_national else colours[name],
            lw=2.5 if is_national else 1.8,
            ls="--" if is_national else "-",
            label=name,
        )
    ax.set(xlabel="year", ylabel=ylabel, title=title)
    ax.legend(frameon=False, ncol=2)
    return ax
