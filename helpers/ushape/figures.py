"""Figures of chapter 7: a fitted quadratic with its extreme point and Fieller interval, the AI
industry chain as a diagram, and a quadratic fitted to a scatter."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from helpers import _style
from helpers.ushape.simulate import ushape_true_curve


def _fieller_spans(
    ax: Axes, result, limits: tuple[float, float], label: str
) -> None:
    """Shade the Fieller interval of the extreme point (one or two pieces) within ``limits``."""
    for lo, hi in result.fieller[1]:
        ax.axvspan(
            max(lo, limits[0]),
            min(hi, limits[1]),
            color=_style.PALETTE[1],
            alpha=0.2,
            lw=0,
        )
    # the legend entry
    ax.axvspan(np.nan, np.nan, color=_style.PALETTE[1], alpha=0.2, label=label)


def ushape_plot(
    x_values: np.ndarray,
    fitted: tuple[float, float],
    result,
    truth: tuple[str, float] | None = None,
    figure=None,
    title: str = "",
    ax=None,
    xlabel: str = "AI exposure",
    ylabel: str = "effect on upgrading (centred)",
):
    """The fitted quadratic ``b1 x + b2 x^2`` over the data's range (both curves centred at their
    mean over the data), the extreme point with its Fieller interval, and the data's x range as a
    rug. ``result`` is a :class:`helpers.ushape.UTestResult`; ``truth`` the (version, turning point)
    of a simulated panel, whose true curve (:func:`helpers.ushape.ushape_true_curve`) is drawn
    too. ``ax`` draws into one panel of a larger figure instead of a figure of its own; ``xlabel``
    and ``ylabel`` name the axes after the run's variables.

    Parameters
    ----------
    x_values
        The observed values of x (their range sets the curve's; each is drawn as a tick of the
        rug).
    fitted
        ``(b1, b2)``, the coefficients of x and of its square.
    result
        The :class:`~helpers.ushape.UTestResult` of the fit: its extreme point, Fieller set,
        level and verdict are drawn.
    truth
        ``(version, turning_point)`` of :func:`helpers.ushape.ushape_panel`, or ``None`` for data
        whose true curve is unknown.
    figure
        A matplotlib figure to clear and draw on, or ``None`` for a new pyplot figure of 7 x 4
        inches; ignored when ``ax`` is given.
    title
        Text put before the verdict in the title (include its own separator, e.g. ``"Panel: "``).
    ax
        The axes to draw on, or ``None`` to draw on ``figure``.
    xlabel
        Label of the x axis.
    ylabel
        Label of the y axis.

    Returns
    -------
    matplotlib.figure.Figure
        The figure drawn on (``ax.figure`` when ``ax`` is given). The x axis runs from the
        smallest to the largest x with a margin of 1 or 5% of the range, whichever is larger;
        the extreme point is drawn only when it falls within it.
    """
    if ax is None:
        figure = _style.figure(figure, (7, 4))
        ax = figure.subplots()
        figure.subplots_adjust(left=0.12, right=0.97, bottom=0.13, top=0.88)
    else:  # a panel of a larger figure, which lays itself out
        figure = ax.figure
    low, high = float(np.min(x_values)), float(np.max(x_values))
    margin = max(1.0, 0.05 * (high - low))  # 1 on the book's exposure scale
    grid = np.linspace(low, high, 200)
    b1, b2 = fitted
    curve = b1 * grid + b2 * grid**2
    ax.plot(
        grid,
        curve - np.mean(b1 * x_values + b2 * x_values**2),
        color=_style.PALETTE[0],
        lw=2,
        label="fitted quadratic",
    )
    if truth is not None:
        version, turning_point = truth
        true_grid = ushape_true_curve(grid, version, turning_point)
        true_mean = np.mean(
            ushape_true_curve(x_values, version, turning_point)
        )
        ax.plot(
            grid,
            true_grid - true_mean,
            color="#000000",
            ls="--",
            lw=1.2,
            label="true relation",
        )
    kind, parts = result.fieller
    _fieller_spans(
        ax,
        result,
        (low - margin, high + margin),
        f"Fieller {result.level:.0%} interval ({kind})",
    )
    if low - margin <= result.extreme <= high + margin:
        ax.axvline(
            result.extreme,
            color=_style.HIGHLIGHT,
            lw=1,
            label=f"extreme point {result.extreme:.4g}",
        )
    ax.plot(
        x_values,
        np.full_like(x_values, ax.get_ylim()[0]),
        "|",
        color="0.5",
        ms=6,
    )
    ax.set(xlim=(low - margin, high + margin), xlabel=xlabel, ylabel=ylabel)
    ax.legend(fontsize=8, loc="upper center")
    ax.set_title(f"{title}{result.verdict()}", fontsize=9)
    return figure


def layer_diagram(
    layers: list[tuple[str, str]], title: str = "", ax: Axes | None = None
) -> Axes:
    """Stacked boxes from the top layer down, each ``(name, detail)``, with arrows from each layer
    to the one above it (upstream at the bottom supports downstream at the top).

    Parameters
    ----------
    layers
        ``(name, detail)`` of each layer from the top down; ``detail`` may be ``""``.
    title
        Title of the axes.
    ax
        The axes to draw on; ``None`` draws on a new pyplot figure 8 inches wide and 1.2 inches
        per layer high.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on, with their axis lines turned off.
    """
    from matplotlib.patches import FancyBboxPatch

    ax = _style.axes(ax, (8, 1.2 * len(layers)))
    n = len(layers)
    for k, ((name, detail), colour) in enumerate(
        zip(
            layers,
            [_style.PALETTE[2], _style.PALETTE[0], _style.PALETTE[1]]
            + _style.PALETTE[3:],
        )
    ):
        y = n - 1 - k
        ax.add_patch(
            FancyBboxPatch(
                (0.05, y + 0.1),
                0.9,
                0.75,
                boxstyle="round,pad=0.02",
                facecolor=colour,
                alpha=0.25,
                edgecolor=colour,
            )
        )
        ax.text(
            0.5,
            y + 0.6,
            name,
            ha="center",
            va="center",
            fontsize=11,
            weight="bold",
        )
        if detail:
            ax.text(0.5, y + 0.3, detail, ha="center", va="center", fontsize=9)
        if k < n - 1:
            ax.annotate(
                "",
                xy=(0.5, y + 0.1),
                xytext=(0.5, y - 0.13),
                arrowprops={"arrowstyle": "->", "color": "0.3"},
            )
    ax.set(xlim=(0, 1), ylim=(0, n))
    ax.axis("off")
    ax.set_title(title, fontsize=10)
    return ax


def quadratic_scatter(
    data: pd.DataFrame,
    x: str,
    y: str,
    fit,
    result,
    xlabel: str = "",
    ylabel: str = "",
    title: str = "",
    ax: Axes | None = None,
) -> Axes:
    """A scatter of ``y`` on ``x`` with the fitted quadratic (a statsmodels formula fit) and the
    Fieller interval of its extreme point (``result`` from :func:`helpers.ushape.utest`).

    Parameters
    ----------
    data
        The observations, with the columns ``x`` and ``y``.
    x
        The column on the x axis.
    y
        The column on the y axis.
    fit
        The quadratic fitted with a statsmodels formula in ``x`` alone (its ``predict`` is given
        a frame with the column ``x`` only).
    result
        Its :class:`~helpers.ushape.UTestResult`.
    xlabel
        Label of the x axis; ``""`` takes ``x``.
    ylabel
        Label of the y axis; ``""`` takes ``y``.
    title
        Title of the axes.
    ax
        The axes to draw on; ``None`` draws on a new pyplot figure of 7 x 4 inches.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.
    """
    ax = _style.axes(ax, (7, 4))
    ax.scatter(data[x], data[y], s=18, color=_style.PALETTE[0], alpha=0.7)
    grid = np.linspace(data[x].min(), data[x].max(), 200)
    ax.plot(
        grid,
        fit.predict(pd.DataFrame({x: grid})),
        color=_style.HIGHLIGHT,
        lw=2,
        label="fitted quadratic",
    )
    kind = result.fieller[0]
    label = (
        f"Fieller {result.level:.0%} interval of the extreme point ({kind})"
    )
    _fieller_spans(ax, result, (grid[0], grid[-1]), label)
    ax.set(xlabel=xlabel or x, ylabel=ylabel or y)
    ax.legend(fontsize=8)
    ax.set_title(title, fontsize=10)
    return ax


def binned_plot(
    binned: pd.DataFrame,
    b1: float,
    b2: float,
    xlabel: str = "",
    ylabel: str = "",
    title: str = "",
    ax: Axes | None = None,
) -> Axes:
    """The outcome by bins of x within units and years (:func:`helpers.ushape.robustness.
    binned_means`), with 95% intervals, beside the fixed-effects quadratic ``b1 x + b2 x^2``
    drawn relative to its value at the first bin's mean x, as the bins are.

    The curve is :math:`b_1 (x - \\bar x_1) + b_2 (x^2 - \\bar x_1^2)`, with :math:`\\bar x_1`
    the first bin's mean x; the intervals are :math:`\\pm 1.96` standard errors.

    Parameters
    ----------
    binned
        The table of :func:`helpers.ushape.binned_means` (columns ``x``, ``effect`` and ``se``),
        the first row the reference bin.
    b1
        The fixed-effects quadratic's coefficient of x.
    b2
        Its coefficient of x squared.
    xlabel
        Label of the x axis.
    ylabel
        Label of the y axis.
    title
        Title of the axes.
    ax
        The axes to draw on; ``None`` draws on a new pyplot figure of 7 x 4 inches.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.
    """
    ax = _style.axes(ax, (7, 4))
    ax.errorbar(
        binned["x"],
        binned["effect"],
        yerr=1.96 * binned["se"],
        fmt="o",
        color=_style.PALETTE[0],
        capsize=3,
        label="bins of x: mean outcome relative to the first bin",
    )
    grid = np.linspace(binned["x"].min(), binned["x"].max(), 200)
    first = binned["x"].iloc[0]
    ax.plot(
        grid,
        b1 * (grid - first) + b2 * (grid**2 - first**2),
        color=_style.HIGHLIGHT,
        lw=2,
        label="fixed-effects quadratic",
    )
    ax.axhline(0, color="0.6", lw=0.6)
    ax.set(xlabel=xlabel, ylabel=ylabel)
    ax.legend(fontsize=8)
    ax.set_title(title, fontsize=10)
    return ax
