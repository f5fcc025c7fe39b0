"""Figures of the VAR algebra in :mod:`helpers._var`, shared by the panel VAR (:mod:`helpers.pvar`,
chapter 4) and the time-series VAR (:mod:`helpers.timeseries`, chapter 5); each family's
``figures`` module re-exports them."""

from __future__ import annotations

import numpy as np

from helpers import _style


def fevd_bars(table, horizon: int, figure=None, title: str | None = None):
    """Stacked horizontal bars of a variance decomposition at one horizon.

    One bar per variable, its segments the percentage shares of each shock, labelled where a
    segment is wide enough to hold its number.

    Parameters
    ----------
    table : DataFrame
        A variance decomposition as :func:`helpers._var.fevd` lays it out (which both the panel
        VAR and the time-series VAR return): index (variable, horizon), one column per shock in
        percent, and ``S.E.``.
    horizon : int
        The horizon to draw (a value of the index level ``horizon``).
    figure : matplotlib Figure, optional
        Where to draw; a new pyplot figure when None.
    title : str, optional
        The title; "Variance decomposition at horizon <horizon>" when None.

    Returns
    -------
    matplotlib Figure
        The figure drawn on.
    """
    figure = _style.figure(figure, (8, 3.2))
    ax = figure.subplots()
    at = table.xs(horizon, level="horizon").drop(columns="S.E.")
    left = np.zeros(len(at))
    for k, shock in enumerate(at.columns):
        colour = _style.PALETTE[k % len(_style.PALETTE)]
        ax.barh(
            at.index,
            at[shock],
            left=left,
            color=colour,
            label=f"shock to {shock}",
        )
        for y, (start, width) in enumerate(zip(left, at[shock])):
            if width >= 8:
                ax.text(
                    start + width / 2,
                    y,
                    f"{width:.0f}",
                    ha="center",
                    va="center",
                    fontsize=8,
                    color="white",
                )
        left += at[shock].to_numpy()
    ax.invert_yaxis()
    ax.set(xlim=(0, 100), xlabel="share of the forecast-error variance (%)")
    ax.legend(
        fontsize=8,
        ncol=len(at.columns),
        loc="lower center",
        bbox_to_anchor=(0.5, 1.0),
        frameon=False,
    )
    ax.set_title(
        title or f"Variance decomposition at horizon {horizon}",
        fontsize=10,
        pad=24,
    )
    figure.subplots_adjust(left=0.14, right=0.98, bottom=0.16, top=0.8)
    return figure
