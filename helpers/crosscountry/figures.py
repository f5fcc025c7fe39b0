"""Figures of chapter 6: the report's printed points and shares, robot densities, China's textile
export share by phase, the AIPI, and AI preparedness against FDI in levels or shares of GDP."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from helpers import _style


def scale_scatter(
    shown: pd.DataFrame, scale: str, rho: float, figure=None, title: str = ""
):
    """AI preparedness against FDI (column ``fdi``) in levels (log axis) or as % of GDP, with
    Spearman's rank correlation in the title.

    Parameters
    ----------
    shown
        The economies to plot, with ``aipi`` and ``fdi``
        (:func:`helpers.crosscountry.economies`). In levels, economies whose FDI is not positive
        are left out of the log axis (the title's n still counts them).
    scale
        ``"levels"`` (log y axis, US$) or ``"% of GDP"``.
    rho
        Spearman's rank correlation to show in the title.
    figure
        A matplotlib figure to clear and draw on; ``None`` makes a new pyplot figure of 6.5 by 4
        inches.
    title
        The title's beginning, before ": Spearman rank correlation ...".

    Returns
    -------
    matplotlib.figure.Figure
        The figure drawn on, with one axes.
    """
    figure = _style.figure(figure, (6.5, 4))
    ax = figure.subplots()
    positive = shown[shown["fdi"] > 0] if scale == "levels" else shown
    ax.scatter(
        positive["aipi"],
        positive["fdi"],
        s=18,
        color=_style.PALETTE[0],
        alpha=0.7,
        edgecolor="none",
    )
    if scale == "levels":
        ax.set_yscale("log")
    ax.set(
        xlabel="AI Preparedness Index",
        ylabel="FDI net inflows (US$)"
        if scale == "levels"
        else "FDI net inflows (% of GDP)",
    )
    ax.set_title(
        f"{title}: Spearman rank correlation {rho:+.2f} (n = {len(shown)})",
        fontsize=9,
    )
    figure.subplots_adjust(left=0.14, right=0.97, bottom=0.13, top=0.9)
    return figure


def _colour(colour: int | str) -> str:
    """A colour of the book's palette by position, or any matplotlib colour."""
    return _style.PALETTE[colour] if isinstance(colour, int) else colour


def two_points(
    ax: Axes,
    years: list[int],
    values: list[float],
    title: str,
    colour: int | str = 0,
    fmt: str = "{:,.0f}",
    ylim: tuple[float, float] | None = None,
) -> Axes:
    """A series of which only a few points are printed: the points, joined, each labelled.

    Parameters
    ----------
    ax
        The axes to draw on.
    years
        The years of the printed points (also the x ticks).
    values
        The printed values, one per year.
    title
        Title of the axes.
    colour
        A position in the book's palette, or any matplotlib colour.
    fmt
        Format of each point's label.
    ylim
        Limits of the y axis; ``None`` runs from 0 to 1.15 times the largest value.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.
    """
    ax.plot(years, values, "o-", color=_colour(colour))
    for x, y in zip(years, values):
        ax.annotate(
            fmt.format(y),
            (x, y),
            textcoords="offset points",
            xytext=(0, 8),
            ha="center",
            fontsize=8,
        )
    ax.set(
        title=title,
        xlabel="year",
        xticks=years,
        ylim=ylim or (0, max(values) * 1.15),
    )
    return ax


def share_bars(
    shares: pd.Series,
    labels: pd.Series,
    xlabel: str,
    title: str,
    colour: int | str = 0,
    ax: Axes | None = None,
) -> Axes:
    """Horizontal bars of shares (per cent) by economy, each labelled with its share and
    ``labels``.

    Parameters
    ----------
    shares
        Shares in per cent, indexed by economy; drawn from the first (top) down.
    labels
        Text beside each share (e.g. the printed amount), indexed by economy.
    xlabel
        Label of the x axis.
    title
        Title of the axes.
    colour
        A position in the book's palette, or any matplotlib colour.
    ax
        The axes to draw on; ``None`` draws on a new pyplot figure of 5.5 by 3.6 inches.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.
    """
    ax = _style.axes(ax, (5.5, 3.6))
    order = list(shares.index)[::-1]
    ax.barh(order, shares[order], color=_colour(colour))
    for y, part in enumerate(order):
        ax.annotate(
            f"{shares[part]:g}%  ({labels[part]})",
            (shares[part], y),
            xytext=(3, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
        )
    ax.set(xlim=(0, float(shares.max()) * 1.35), xlabel=xlabel, title=title)
    return ax


def paired_bars(
    wide: pd.DataFrame,
    xlabel: str,
    title: str,
    labels: dict | None = None,
    ax: Axes | None = None,
) -> Axes:
    """Two horizontal bars per row of ``wide`` (its two columns, e.g. two years).

    Parameters
    ----------
    wide
        One row per bar pair (its index labels the y axis) and two numeric columns; further
        columns are not drawn.
    xlabel
        Label of the x axis.
    title
        Title of the axes.
    labels
        Legend entry by column; a column not in it is shown by its name.
    ax
        The axes to draw on; ``None`` draws on a new pyplot figure of 8 by 4.2 inches.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.
    """
    ax = _style.axes(ax, (8, 4.2))
    y = np.arange(len(wide))
    labels = labels or {}
    for offset, colour, column in zip(
        (-0.2, 0.2), (_style.BAND, _style.PALETTE[0]), wide.columns
    ):
        ax.barh(
            y + offset,
            wide[column],
            height=0.4,
            color=colour,
            label=labels.get(column, str(column)),
        )
    ax.set_yticks(y, wide.index)
    ax.set(xlabel=xlabel)
    ax.legend(fontsize=8, loc="lower right")
    ax.set_title(title, fontsize=10)
    return ax


def phases_plot(
    series: pd.Series,
    phases: list[tuple[float, float, str]],
    joined: list[list[int]],
    ylabel: str,
    title: str,
    ax: Axes | None = None,
) -> Axes:
    """Printed points of a series over shaded phases ``(start, end, label)``; ``joined`` lists the
    runs of years to connect (dotted where years between are not printed).

    Parameters
    ----------
    series
        Printed values indexed by year, each labelled with its value.
    phases
        ``(start, end, label)`` of each shaded span; three colours, so only the first three are
        drawn.
    joined
        Runs of years to join with a line: solid when the years are consecutive, dotted
        otherwise.
    ylabel
        Label of the y axis.
    title
        Title of the axes.
    ax
        The axes to draw on; ``None`` draws on a new pyplot figure of 8 by 3.6 inches.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.
    """
    ax = _style.axes(ax, (8, 3.6))
    for (start, end, label), colour in zip(
        phases, [_style.PALETTE[1], _style.PALETTE[3], _style.BAND]
    ):
        ax.axvspan(start, end, color=colour, alpha=0.15, label=label)
    ax.plot(series.index, series.to_numpy(), "o", color=_style.PALETTE[0])
    for years in joined:
        consecutive = all(b - a == 1 for a, b in zip(years, years[1:]))
        ax.plot(
            years,
            series[years],
            "-" if consecutive else ":",
            color=_style.PALETTE[0],
            lw=1,
        )
    for x, value in series.items():
        ax.annotate(
            f"{value:g}",
            (x, value),
            textcoords="offset points",
            xytext=(0, 7),
            ha="center",
            fontsize=8,
        )
    ax.set(xlabel="year", ylabel=ylabel, ylim=(0, float(series.max()) * 1.15))
    ax.legend(fontsize=8, loc="lower right")
    ax.set_title(title, fontsize=10)
    return ax


def ranked_values(
    values: pd.Series,
    highlight: str | None,
    xlabel: str,
    title: str,
    ax: Axes | None = None,
) -> Axes:
    """Horizontal bars from the lowest value (bottom) up, each labelled, one bar highlighted.

    Parameters
    ----------
    values
        Values indexed by label (e.g. the AIPI by economy), each labelled to three decimals.
    highlight
        The label of the bar to highlight, or ``None``.
    xlabel
        Label of the x axis.
    title
        Title of the axes.
    ax
        The axes to draw on; ``None`` draws on a new pyplot figure of 7 by 3.8 inches.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.
    """
    ax = _style.axes(ax, (7, 3.8))
    shown = values.sort_values()
    colours = [
        _style.HIGHLIGHT if label == highlight else _style.PALETTE[0]
        for label in shown.index
    ]
    ax.barh(shown.index, shown.to_numpy(), color=colours)
    for y, value in enumerate(shown.to_numpy()):
        ax.annotate(
            f"{value:.3f}",
            (value, y),
            xytext=(3, 0),
            textcoords="offset points",
            va="center",
            fontsize=8,
        )
    ax.set(xlim=(0, float(shown.max()) * 1.15), xlabel=xlabel)
    ax.set_title(title, fontsize=10)
    return ax
