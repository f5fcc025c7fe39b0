"""Figures of the panel VAR (chapter 4): impulse responses in a grid, and eigenvalues against the
unit circle."""

from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.ticker import MaxNLocator

from helpers import _style

# shared with the time-series VAR (chapter 5); re-exported for this family
from helpers._var_figures import fevd_bars as fevd_bars

#: Points of the grid's text: a 5 x 5 grid is shown about 0.9 times its size in the book's column,
#: and 10 points there are about 12 pixels.
GRID_FONT = 10


def irf_grid(
    responses: pd.DataFrame,
    figure=None,
    labels: dict | None = None,
    title: str | None = None,
):
    """Impulse responses in a grid: one row per response, one column per impulse.

    ``responses`` is the tidy frame of :meth:`helpers.pvar.PanelVARResults.irf` or ``irf_bands``
    (index impulse, response, horizon; column ``value`` and optionally ``lower`` and ``upper``).
    Draws on ``figure`` (a new pyplot figure when None) and returns it.

    Columns and rows follow ``responses.attrs["order"]`` (the Cholesky ordering) where it is
    set, else the order of the index; the band, when there is one, is the area between
    ``lower`` and ``upper``. The x axes read "years".

    Parameters
    ----------
    responses : DataFrame
        The responses, indexed by (impulse, response, horizon).
    figure : matplotlib.figure.Figure or None, default None
        The figure to draw on, cleared first; None draws on a new pyplot figure 1.9 inches per
        impulse plus 0.9 wide and 1.7 inches per response plus 0.8 high.
    labels : dict or None, default None
        Display names by variable for the column titles ("shock: <name>") and the row labels,
        wrapped at 18 characters; a variable without one is shown under its own name.
    title : str or None, default None
        A title above the grid.

    Returns
    -------
    matplotlib.figure.Figure
        The figure drawn on.
    """
    impulses, names = _grid_names(responses)
    figure = _style.figure(
        figure, (1.9 * len(impulses) + 0.9, 1.7 * len(names) + 0.8)
    )
    # Every panel has the same horizons; the x axes are not shared, because shared axes make
    # each limit lookup visit all 25 panels, a seventh of a redraw.
    axes = figure.subplots(len(names), len(impulses), squeeze=False)
    last_row = len(names) - 1
    for r, row in enumerate(axes):
        for ax in row:
            band = PolyCollection([], color=_style.BAND, alpha=0.35, lw=0)
            ax.add_collection(band, autolim=False)
            ax.plot([], [], color=_style.PALETTE[0], lw=1.6)
            ax.axhline(0, color="0.4", lw=0.7)
            ax.tick_params(labelsize=GRID_FONT)
            ax.yaxis.set_major_locator(MaxNLocator(nbins=3))
            ax.xaxis.set_major_locator(MaxNLocator(nbins=4, integer=True))
            if r == last_row:
                ax.set_xlabel("years", fontsize=GRID_FONT)
            else:
                ax.tick_params(labelbottom=False)
    _fill_irf_grid(axes, responses, labels or {}, scalex=True)
    if title:
        figure.suptitle(title, fontsize=GRID_FONT + 2)
    # fixed margins rather than tight_layout, which dominates the widget's redraw time
    figure.subplots_adjust(
        left=0.11,
        right=0.98,
        bottom=0.07,
        top=0.88 if title else 0.92,
        wspace=0.5,
        hspace=0.3,
    )
    return figure


def redraw_irf_grid(
    figure, responses: pd.DataFrame, labels: dict | None = None
) -> bool:
    """Move the curves, bands, limits and titles of a grid :func:`irf_grid` drew on ``figure`` to
    ``responses``; False (nothing changed) when the grid has another number of panels.

    The chapter 4 explorer redraws this way: creating the 25 axes anew took about half of each
    update.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
        A figure :func:`irf_grid` drew on.
    responses : DataFrame
        The new responses, as :func:`irf_grid` takes them.
    labels : dict or None, default None
        Display names by variable for the column titles ("shock: <name>") and the row labels,
        wrapped at 18 characters; a variable without one is shown under its own name.

    Returns
    -------
    bool
        True when the grid was updated; False when the figure has another number of axes than
        impulses x responses (then nothing is changed and the caller draws anew).
    """
    impulses, names = _grid_names(responses)
    if len(figure.axes) != len(impulses) * len(names):
        return False
    axes = np.array(figure.axes).reshape(len(names), len(impulses))
    _fill_irf_grid(axes, responses, labels or {}, scalex=False)
    return True


def _wrap(label) -> str:
    """A panel's title or row label on lines of at most 18 characters: five panels side by side
    leave each about that much room at the grid's font size."""
    return textwrap.fill(str(label), 18)


def _grid_names(responses: pd.DataFrame) -> tuple[list, list]:
    """Impulses (columns) and responses (rows) in the order the responses were computed in
    (``attrs["order"]``: the Cholesky ordering), not the index's sorted order."""
    order = responses.attrs.get("order", [])
    index = responses.index
    return tuple(
        [n for n in order if n in present]
        + [n for n in present if n not in order]
        for present in (
            dict.fromkeys(index.get_level_values(level))
            for level in ("impulse", "response")
        )
    )


def _fill_irf_grid(
    axes: np.ndarray, responses: pd.DataFrame, labels: dict, scalex: bool
):
    """Set each panel's curve, band, y limits and labels; the axes keep everything
    else. ``scalex`` for a new grid only: the horizons do not change."""
    impulses, names = _grid_names(responses)
    bands = {"lower", "upper"} <= set(responses.columns)
    for r, response in enumerate(names):
        for c, impulse in enumerate(impulses):
            ax = axes[r, c]
            part = responses.loc[(impulse, response)]
            x = part.index.to_numpy(dtype=float)
            ax.lines[0].set_data(x, part["value"].to_numpy())
            ys = [part["value"].to_numpy(), np.zeros(1)]
            outline = []
            if bands:
                lower, upper = (
                    part["lower"].to_numpy(),
                    part["upper"].to_numpy(),
                )
                outline = [
                    np.column_stack(
                        [
                            np.concatenate([x, x[::-1]]),
                            np.concatenate([lower, upper[::-1]]),
                        ]
                    )
                ]
                ys += [lower, upper]
            # the band's outline is set in place: a new fill_between per update would add an
            # artist to each panel and keep the old band's limits
            ax.collections[0].set_verts(outline)
            # the limits of this panel's data alone (autoscaling would keep the previous
            # bands')
            y = np.concatenate(ys)
            ax.ignore_existing_data_limits = True
            ax.update_datalim(
                np.column_stack(
                    [np.resize(x, len(y)), np.where(np.isfinite(y), y, 0)]
                )
            )
            ax.autoscale_view(scalex=scalex)
            ax.set_title(
                _wrap(f"shock: {labels.get(impulse, impulse)}")
                if r == 0
                else "",
                fontsize=GRID_FONT,
            )
            ax.set_ylabel(
                _wrap(labels.get(response, response)) if c == 0 else "",
                fontsize=GRID_FONT,
            )


def unit_circle_plot(
    eigenvalues,
    title: str = "Companion-matrix eigenvalues and the unit circle",
    ax: Axes | None = None,
) -> Axes:
    """Eigenvalues (complex numbers) against the unit circle: a VAR is stable when all lie inside.
    Pass ``results.stability()`` of a fit, or the eigenvalues of a printed coefficient matrix.

    Eigenvalues inside the circle are drawn in the palette's first colour, those on or outside
    it in the highlight colour; the axes reach at least 1.1 and 10% beyond the largest modulus.

    Parameters
    ----------
    eigenvalues : DataFrame or array_like
        A frame with ``real`` and ``imaginary`` columns
        (:meth:`~helpers.pvar.PanelVARResults.stability`), or complex numbers.
    title : str, default "Companion-matrix eigenvalues and the unit circle"
        Title of the axes.
    ax : matplotlib.axes.Axes or None, default None
        The axes to draw on; None draws on a new pyplot figure of 4.5 x 4.5 inches.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.
    """
    values = (
        np.asarray(eigenvalues["real"] + 1j * eigenvalues["imaginary"])
        if hasattr(eigenvalues, "columns")
        else np.asarray(eigenvalues, dtype=complex)
    )
    ax = _style.axes(ax, (4.5, 4.5))
    angle = np.linspace(0, 2 * np.pi, 361)
    ax.plot(np.cos(angle), np.sin(angle), color="0.5", lw=1)
    outside = np.abs(values) >= 1
    ax.scatter(
        values.real[~outside],
        values.imag[~outside],
        color=_style.PALETTE[0],
        zorder=3,
        label="inside",
    )
    if outside.any():
        ax.scatter(
            values.real[outside],
            values.imag[outside],
            color=_style.HIGHLIGHT,
            zorder=3,
            label="outside",
        )
    ax.axhline(0, color="0.85", lw=0.8)
    ax.axvline(0, color="0.85", lw=0.8)
    ax.set_aspect("equal")
    limit = max(1.1, float(np.abs(values).max()) * 1.1)
    ax.set(
        xlim=(-limit, limit),
        ylim=(-limit, limit),
        xlabel="real part",
        ylabel="imaginary part",
        title=title,
    )
    return ax


def coverage_plot(table, title: str = "", ax: Axes | None = None) -> Axes:
    """Estimates with their intervals (:func:`helpers.pvar.compare.against_truth`) and the true
    coefficients, one row per coefficient.

    Parameters
    ----------
    table : DataFrame
        :func:`~helpers.pvar.compare.against_truth`'s table: indexed by (equation, regressor),
        with ``estimate``, ``lower``, ``upper`` and ``truth``; rows are labelled
        "<equation> <- <regressor>", the first at the top. The legend calls the intervals 95%
        whatever their level.
    title : str, default ""
        Title of the axes.
    ax : matplotlib.axes.Axes or None, default None
        The axes to draw on; None draws on a new pyplot figure of 7 x 6 inches.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.
    """
    ax = _style.axes(ax, (7, 6))
    y = np.arange(len(table))[::-1]
    ax.errorbar(
        table["estimate"],
        y,
        xerr=[
            table["estimate"] - table["lower"],
            table["upper"] - table["estimate"],
        ],
        fmt="o",
        color=_style.PALETTE[0],
        ms=4,
        lw=1,
        label="estimate, 95% CI",
    )
    ax.scatter(
        table["truth"],
        y,
        marker="x",
        color=_style.HIGHLIGHT,
        zorder=3,
        label="true coefficient",
    )
    ax.set_yticks(y, [f"{eq} <- {reg}" for eq, reg in table.index], fontsize=8)
    ax.axvline(0, color="0.6", lw=0.8)
    ax.set(xlabel="coefficient", title=title)
    ax.legend(frameon=False, fontsize=8)
    return ax
