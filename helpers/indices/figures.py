"""Figures of composite indices (chapter 2): indicator weights, and weights against the spread of
their indicators. Each function returns its matplotlib Axes."""

from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes

from helpers import _style


def weight_bars(
    weights: pd.Series, title: str = "", ax: Axes | None = None
) -> Axes:
    """Horizontal bars of indicator weights, the first indicator at the top.

    Parameters
    ----------
    weights
        One weight per indicator, indexed by the label shown on the y axis, in the order drawn.
    title
        Title of the axes; ``""`` (default) names the largest weight, "Largest weight: <label>
        (<weight to two decimals>)".
    ax
        The axes to draw on; ``None`` draws on a new pyplot figure of 6.5 x 4.5 inches.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on, the x axis from 0 to 1.15 times the largest weight (at least 0.05).
    """
    ax = _style.axes(ax, (6.5, 4.5))
    ax.barh(range(len(weights)), weights.to_numpy(), color=_style.PALETTE[0])
    ax.set_yticks(range(len(weights)), weights.index)
    ax.invert_yaxis()
    ax.set(
        xlabel="entropy weight",
        xlim=(0, max(0.05, float(weights.max()) * 1.15)),
    )
    ax.set_title(
        title or f"Largest weight: {weights.idxmax()} ({weights.max():.2f})",
        fontsize=10,
    )
    return ax


def weight_skewness_plot(
    table: pd.DataFrame, rho: float, ax: Axes | None = None
) -> Axes:
    """Entropy weight against the skewness of the min-max scaled indicator, one colour per system
    (``table`` as :func:`helpers.indices.weight_dispersion` returns it).

    Parameters
    ----------
    table
        The table of :func:`helpers.indices.weight_dispersion`: columns ``system``,
        ``skewness`` and ``weight``.
    rho
        The Spearman correlation of weight with skewness, shown in the title to two decimals.
    ax
        The axes to draw on; ``None`` draws on a new pyplot figure of 6 x 4 inches.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.
    """
    ax = _style.axes(ax, (6, 4))
    for colour, (system, part) in zip(
        _style.PALETTE, table.groupby("system", sort=False)
    ):
        ax.scatter(
            part["skewness"], part["weight"], color=colour, label=system, s=25
        )
    ax.set(
        xlabel="skewness of the min-max scaled indicator",
        ylabel="entropy weight within its system",
        title=f"More skewed indicators get larger weights (Spearman {rho:.2f})",
    )
    ax.legend(title="system", frameon=False)
    return ax
