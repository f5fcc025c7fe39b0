"""Figures of the coupling coordination model (chapter 3). Each function returns its Axes."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from helpers import _style
from helpers.coupling.model import LEVELS, METHODS, coupling_degree


def coupling_curves(
    larger: float = 0.6,
    ratios: pd.Series | None = None,
    ax: Axes | None = None,
) -> Axes:
    """C of two indices against their ratio q (smaller over larger, the larger held at ``larger``),
    for each form of C; with ``ratios`` (observed q), their histogram behind the curves.

    Parameters
    ----------
    larger
        The larger index, held fixed; the smaller is ``q * larger`` for q from 0.01 to 1.
    ratios
        Observed ratios q of the smaller to the larger index, drawn as a density histogram (30
        bins); ``None`` for none.
    ax
        The axes to draw on; ``None`` draws on a new pyplot figure of 6 x 4 inches.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on: one line per form (``standard``, ``wang``, ``fan``), y from 0 to 1.05.
    """
    ax = _style.axes(ax, (6, 4))
    q = np.linspace(0.01, 1, 200)
    for method, colour in zip(METHODS, _style.PALETTE):
        ax.plot(
            q,
            coupling_degree(
                q * larger, np.full_like(q, larger), method=method
            ),
            color=colour,
            label=method,
        )
    if ratios is not None:
        ax.hist(
            ratios,
            bins=30,
            density=True,
            color="0.8",
            alpha=0.6,
            label="observed ratio q",
        )
    ax.set(
        xlabel=f"ratio of the smaller to the larger index q (larger index {larger})",
        ylabel="C",
        ylim=(0, 1.05),
        title="The standard C exceeds 0.8 unless one index is 4 times the other",
    )
    ax.legend(frameon=False, loc="lower right")
    return ax


def level_bands(ax: Axes, upto: int = 6) -> Axes:
    """Faint horizontal lines at the level boundaries of Table 3 (the first ``upto`` of them).

    Parameters
    ----------
    ax
        The axes to draw on (their y axis is D).
    upto
        Lines are drawn at the upper bounds of Table 3's second to ``upto``-th levels: 0.2 to 0.6
        with the default 6.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax``.
    """
    for boundary in LEVELS["upper"].iloc[1:upto]:
        ax.axhline(boundary, color="0.85", lw=0.8, zorder=0)
    return ax


def d_heatmap(
    grid: pd.DataFrame,
    title: str = "",
    ax: Axes | None = None,
    gap: tuple[int, int] | None = None,
) -> Axes:
    """D by unit (rows, every one named) and year (columns). ``gap`` = (row, units): the grid
    leaves ``units`` out after its first ``row`` rows (the highest and the lowest of many
    units), which a white band across the map says.

    Parameters
    ----------
    grid
        D indexed by unit label (rows, drawn from the top) with one column per year.
    title
        Title of the axes.
    ax
        The axes to draw on; ``None`` draws on a new pyplot figure 8 inches wide and 0.18 inch
        per unit plus 1.5 high (from 4 to 10 inches).
    gap
        ``(row, units)``: draw the white band after row ``row``, labelled "<units> units not
        shown"; ``None`` for none.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on; the colour scale (viridis) runs from 0 to the larger of 0.8 and the
        largest D.
    """
    import seaborn as sns

    ax = _style.axes(ax, (8, max(4.0, min(10.0, 0.18 * len(grid) + 1.5))))
    sns.heatmap(
        grid,
        cmap="viridis",
        vmin=0,
        vmax=max(0.8, float(np.nanmax(grid.to_numpy()))),
        cbar_kws={"label": "D"},
        yticklabels=True,
        ax=ax,
    )
    ax.tick_params(axis="y", labelsize=8 if len(grid) > 30 else 9)
    if gap is not None:
        row, left_out = gap
        ax.axhline(row, color="white", linewidth=6)
        ax.text(
            grid.shape[1] / 2,
            row,
            f"{left_out:,} units not shown",
            ha="center",
            va="center",
            fontsize=8,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1},
        )
    ax.set(xlabel="year", ylabel="", title=title)
    return ax


def form_paths(national: pd.DataFrame, ax: Axes | None = None) -> Axes:
    """The national mean D per year under each form of C (one column per form).

    Parameters
    ----------
    national
        The mean D, indexed by year, one column per form (the legend's labels).
    ax
        The axes to draw on; ``None`` draws on a new pyplot figure of 6 x 4 inches.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.
    """
    ax = _style.axes(ax, (6, 4))
    for method, colour in zip(national.columns, _style.PALETTE):
        ax.plot(national.index, national[method], color=colour, label=method)
    ax.set(xlabel="year", ylabel="national mean D")
    ax.legend(frameon=False)
    return ax
