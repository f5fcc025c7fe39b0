"""The book's figures: one function per kind of figure, each returning its matplotlib Axes.

Colours come from the Okabe-Ito palette, which stays distinguishable under the common forms of
colour blindness (Okabe & Ito 2008, *Color Universal Design*).
"""

from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.patches import Patch, Rectangle

#: Okabe-Ito colours for the groupings of provinces.
GROUP_COLOURS = {
    "East": "#0072B2",
    "Central": "#E69F00",
    "Northeast": "#CC79A7",
    "West": "#009E73",
}
OTHER_COLOURS = ["#56B4E9", "#D55E00", "#F0E442", "#000000"]


def group_colours(groups) -> dict:
    """A colour per group label: the book's fixed colours for known regions, then others."""
    colours, spare = {}, iter(OTHER_COLOURS)
    for g in pd.unique(pd.Series(list(groups))):
        colours[g] = GROUP_COLOURS.get(g) or next(spare, "#999999")
    return colours


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is None:
        _, ax = plt.subplots(figsize=size, layout="constrained")
    return ax


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
    reference line (e.g. the national mean)."""
    if not values.index.equals(groups.index):
        raise ValueError("values and groups must share the same index")
    order = values.sort_values(ascending=True, kind="mergesort").index
    colours = group_colours(groups)
    ax = _axes(ax, (7, 0.25 * len(values) + 1.2))
    ax.barh(order.astype(str), values[order], color=[colours[groups[i]] for i in order])
    handles = [Patch(color=c, label=g) for g, c in colours.items()]
    if reference is not None:
        line = ax.axvline(reference, color="black", linestyle="--", linewidth=1,
                          label=f"{reference_label} ({reference:.2f})")
        handles.append(line)
    ax.legend(handles=handles, loc="lower right", frameon=False)
    ax.set(xlabel=xlabel, title=title)
    ax.margins(y=0.01)
    return ax


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
    picture as they do on an area map.
    """
    missing = [c for c in ("tile_col", "tile_row") if c not in tiles.columns]
    if missing:
        raise ValueError(f"tiles lacks column(s) {', '.join(missing)}")
    if set(values.index) - set(tiles.index):
        raise ValueError("tiles has no position for " + ", ".join(set(values.index) - set(tiles.index)))
    labels = labels if labels is not None else pd.Series(values.index, index=values.index)
    norm = plt.Normalize(values.min(), values.max())
    colormap = plt.get_cmap(cmap)
    ax = _axes(ax, (7, 6))
    for unit, value in values.items():
        col, row = int(tiles.at[unit, "tile_col"]), int(tiles.at[unit, "tile_row"])
        rgba = colormap(norm(value))
        ax.add_patch(Rectangle((col, -row), 0.95, 0.95, facecolor=rgba, edgecolor="white"))
        dark = 0.299 * rgba[0] + 0.587 * rgba[1] + 0.114 * rgba[2] < 0.5
        label = str(labels[unit])
        if len(label) > 10:  # "Inner Mongolia" does not fit on one line of a tile
            label = label.replace(" ", "\n", 1)
        ax.text(col + 0.475, -row + 0.62, label, ha="center", va="center",
                fontsize=6.5, color="white" if dark else "black", linespacing=0.9)
        ax.text(col + 0.475, -row + 0.3, f"{value:.1f}", ha="center", va="center",
                fontsize=7, color="white" if dark else "black")
    ax.set_xlim(tiles["tile_col"].min() - 0.1, tiles["tile_col"].max() + 1.05)
    ax.set_ylim(-tiles["tile_row"].max() - 0.1, -tiles["tile_row"].min() + 1.05)
    ax.set_aspect("equal")
    ax.axis("off")
    mappable = plt.cm.ScalarMappable(norm=norm, cmap=colormap)
    ax.figure.colorbar(mappable, ax=ax, shrink=0.6, label=colorbar_label)
    ax.set_title(title)
    return ax


def lorenz_plot(curves: dict[str, pd.DataFrame], title: str = "", ax: Axes | None = None) -> Axes:
    """Lorenz curves (from :func:`helpers.inequality.lorenz_curve`) against the equality line."""
    ax = _axes(ax, (5, 5))
    ax.plot([0, 1], [0, 1], color="grey", linestyle=":", label="perfect equality")
    for (name, curve), colour in zip(curves.items(), ["#0072B2", "#D55E00", "#009E73"]):
        ax.plot(curve["population_share"], curve["value_share"], marker="o", markersize=3,
                color=colour, label=name)
    ax.set(xlabel="cumulative share of provinces", ylabel="cumulative share of the total",
           xlim=(0, 1), ylim=(0, 1), title=title)
    ax.set_aspect("equal")
    ax.legend(frameon=False, loc="upper left")
    return ax


def share_above_plot(table: pd.DataFrame, title: str = "", ax: Axes | None = None) -> Axes:
    """Bars of the share of each group above the threshold, from
    :func:`helpers.regional.share_above`, labelled with the fraction."""
    for col in ("share_above", "fraction"):
        if col not in table.columns:
            raise ValueError(f"table lacks column {col!r}; pass the result of share_above()")
    colours = group_colours(table.index)
    ax = _axes(ax, (6, 3.5))
    bars = ax.bar(table.index.astype(str), table["share_above"],
                  color=[colours[g] for g in table.index])
    for bar, text in zip(bars, table["fraction"]):
        ax.text(bar.get_x() + bar.get_width() / 2, bar.get_height() + 0.02, text,
                ha="center", va="bottom")
    ax.set(ylim=(0, 1.12), ylabel="share of provinces above the threshold",
           title=title or _threshold_title(table))
    ax.yaxis.set_major_formatter(lambda v, _: f"{v:.0%}")
    return ax


def _threshold_title(table: pd.DataFrame) -> str:
    threshold = table.attrs.get("threshold")
    return f"threshold {threshold:.2f}" if threshold is not None else ""


def refresh_share_above_plot(ax: Axes, table: pd.DataFrame) -> Axes:
    """Update a figure drawn by :func:`share_above_plot` in place for a new threshold.

    Moving the existing bars and labels, instead of drawing new ones, keeps a widget's redraw
    fast: discarded artists pile up for the garbage collector, whose full collections would
    otherwise stall some updates. The groups must be the ones already drawn.
    """
    drawn = [t.get_text() for t in ax.get_xticklabels()]
    if drawn != [str(g) for g in table.index]:
        raise ValueError(
            f"the axes show groups {drawn}, the table has {list(map(str, table.index))}; "
            "draw it anew with share_above_plot()"
        )
    for bar, label, share, text in zip(ax.patches, ax.texts, table["share_above"], table["fraction"]):
        bar.set_height(share)
        label.set_y(share + 0.02)
        label.set_text(text)
    ax.set_title(_threshold_title(table))
    return ax


def cumulative_share_plot(shares: pd.DataFrame, title: str = "", ax: Axes | None = None) -> Axes:
    """Cumulative share of the top-k units for each column of ``shares`` (in per cent), each
    column ranked on its own, with the 80 per cent line."""
    ax = _axes(ax, (6, 4))
    for (name, col), colour in zip(shares.items(), ["#0072B2", "#D55E00", "#009E73"]):
        ranked = np.sort(col.to_numpy())[::-1]
        ks = np.arange(1, len(ranked) + 1)
        ax.plot(ks, np.cumsum(ranked), marker="o", color=colour, label=name)
    ax.axhline(80, color="grey", linestyle=":", linewidth=1)
    ax.set(xlabel="top k provinces (each share ranked on its own)", ylabel="cumulative share (%)",
           ylim=(0, 100), title=title)
    ax.set_xticks(np.arange(1, len(shares) + 1))
    ax.legend(frameon=False, loc="lower right")
    return ax


def irf_grid(responses: pd.DataFrame, figure=None, labels: dict | None = None, title: str | None = None):
    """Impulse responses in a grid: one row per response, one column per impulse.

    ``responses`` is the tidy frame of :meth:`helpers.pvar.PanelVARResults.irf` or ``irf_bands``
    (index impulse, response, horizon; column ``value`` and optionally ``lower`` and ``upper``).
    Draws on ``figure`` (a new pyplot figure when None) and returns it.
    """
    impulses = list(dict.fromkeys(responses.index.get_level_values("impulse")))
    names = list(dict.fromkeys(responses.index.get_level_values("response")))
    labels = labels or {}
    if figure is None:
        figure = plt.figure(figsize=(1.9 * len(impulses) + 0.8, 1.5 * len(names) + 0.8))
    figure.clear()
    axes = figure.subplots(len(names), len(impulses), sharex=True, squeeze=False)
    bands = {"lower", "upper"} <= set(responses.columns)
    for r, response in enumerate(names):
        for c, impulse in enumerate(impulses):
            ax = axes[r, c]
            part = responses.loc[(impulse, response)]
            if bands:
                ax.fill_between(part.index, part["lower"], part["upper"], color="#56B4E9", alpha=0.35, lw=0)
            ax.plot(part.index, part["value"], color="#0072B2", lw=1.6)
            ax.axhline(0, color="0.4", lw=0.7)
            ax.tick_params(labelsize=7)
            if r == 0:
                ax.set_title(f"shock: {labels.get(impulse, impulse)}", fontsize=8)
            if c == 0:
                ax.set_ylabel(labels.get(response, response), fontsize=8)
            if r == len(names) - 1:
                ax.set_xlabel("years", fontsize=8)
    if title:
        figure.suptitle(title, fontsize=10)
    # fixed margins rather than tight_layout, which dominates the widget's redraw time
    figure.subplots_adjust(left=0.1, right=0.98, bottom=0.07, top=0.9 if title else 0.94, wspace=0.4, hspace=0.3)
    return figure


def adf_power_plot(figure, rates: pd.Series, statistics: np.ndarray, critical: float, nobs: int, root: float,
                   alpha: float = 0.05):
    """Two panels for the ADF Monte Carlo: the rejection rate against the sample size for one
    autoregressive ``root`` (size when it is 1, power below), and the simulated ADF statistics at
    ``nobs`` with the critical value. Draws on ``figure`` (a new pyplot figure when None)."""
    if figure is None:
        figure = plt.figure(figsize=(10, 3.8))
    figure.clear()
    left, right = figure.subplots(1, 2)
    what = "size (true root 1)" if root == 1 else f"power (true root {root:.2f})"
    left.plot(rates.index, rates.to_numpy(), "o-", color="#0072B2", ms=4, label=f"rejection rate: {what}")
    left.axhline(alpha, color="#D55E00", ls="--", lw=1, label=f"nominal level {alpha:.0%}")
    if nobs in rates.index:
        left.plot([nobs], [rates.loc[nobs]], "o", color="#D55E00", ms=9, mfc="none", mew=2)
    left.set(xlabel="number of periods T", ylabel="share of samples rejecting a unit root", ylim=(0, 1.02))
    left.legend(fontsize=8, loc="upper left")
    left.set_title("How often the ADF test rejects", fontsize=10)
    share = float(np.mean(statistics < critical))
    right.hist(statistics, bins=50, color="#56B4E9", edgecolor="white")
    right.axvline(critical, color="#D55E00", lw=2, label=f"5% critical value {critical:.2f}")
    right.set(xlabel="ADF t statistic", ylabel="simulated samples")
    right.set_title(f"T = {nobs}, root = {root:.2f}: {share:.0%} of samples reject", fontsize=10)
    right.legend(fontsize=8)
    figure.subplots_adjust(left=0.07, right=0.98, bottom=0.14, top=0.9, wspace=0.25)
    return figure


def fevd_bars(table: pd.DataFrame, horizon: int, figure=None, title: str | None = None):
    """Stacked horizontal bars of a variance decomposition at one horizon: one bar per variable,
    segments the percentage shares of each shock (``table`` as :func:`helpers.timeseries.fevd_table`)."""
    if figure is None:
        figure = plt.figure(figsize=(8, 3.2))
    figure.clear()
    ax = figure.subplots()
    at = table.xs(horizon, level="period").drop(columns="S.E.")
    colours = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00"]
    left = np.zeros(len(at))
    for k, shock in enumerate(at.columns):
        ax.barh(at.index, at[shock], left=left, color=colours[k % len(colours)], label=f"shock to {shock}")
        for y, (start, width) in enumerate(zip(left, at[shock])):
            if width >= 8:
                ax.text(start + width / 2, y, f"{width:.0f}", ha="center", va="center", fontsize=8, color="white")
        left += at[shock].to_numpy()
    ax.invert_yaxis()
    ax.set(xlim=(0, 100), xlabel="share of the forecast-error variance (%)")
    ax.legend(fontsize=8, ncol=len(at.columns), loc="lower center", bbox_to_anchor=(0.5, 1.0), frameon=False)
    ax.set_title(title or f"Variance decomposition at horizon {horizon}", fontsize=10, pad=24)
    figure.subplots_adjust(left=0.14, right=0.98, bottom=0.16, top=0.8)
    return figure


def scale_scatter(shown: pd.DataFrame, scale: str, rho: float, figure=None, title: str = ""):
    """AI preparedness against FDI (column ``fdi``) in levels (log axis) or as % of GDP, with
    Spearman's rank correlation in the title."""
    if figure is None:
        figure = plt.figure(figsize=(6.5, 4))
    figure.clear()
    ax = figure.subplots()
    positive = shown[shown["fdi"] > 0] if scale == "levels" else shown
    ax.scatter(positive["aipi"], positive["fdi"], s=18, color="#0072B2", alpha=0.7, edgecolor="none")
    if scale == "levels":
        ax.set_yscale("log")
    ax.set(xlabel="AI Preparedness Index", ylabel="FDI net inflows (US$)" if scale == "levels" else "FDI net inflows (% of GDP)")
    ax.set_title(f"{title}: Spearman rank correlation {rho:+.2f} (n = {len(shown)})", fontsize=9)
    figure.subplots_adjust(left=0.14, right=0.97, bottom=0.13, top=0.9)
    return figure


def ushape_plot(x_values: np.ndarray, fitted: tuple[float, float], result, true_curve=None, figure=None, title: str = ""):
    """The fitted quadratic ``b1 x + b2 x^2`` over the data's range (both curves centred at their
    mean over the data), the extreme point with its Fieller interval, and the data's x range as a
    rug. ``result`` is a :class:`helpers.ushape.UTestResult`; ``true_curve`` an optional function."""
    if figure is None:
        figure = plt.figure(figsize=(7, 4))
    figure.clear()
    ax = figure.subplots()
    low, high = float(np.min(x_values)), float(np.max(x_values))
    grid = np.linspace(low, high, 200)
    b1, b2 = fitted
    curve = b1 * grid + b2 * grid**2
    ax.plot(grid, curve - np.mean(b1 * x_values + b2 * x_values**2), color="#0072B2", lw=2, label="fitted quadratic")
    if true_curve is not None:
        truth = true_curve(grid)
        ax.plot(grid, truth - np.mean(true_curve(x_values)), color="#000000", ls="--", lw=1.2, label="true relation")
    kind, parts = result.fieller
    for lo, hi in parts:
        ax.axvspan(max(lo, low - 1), min(hi, high + 1), color="#E69F00", alpha=0.2, lw=0)
    ax.axvspan(np.nan, np.nan, color="#E69F00", alpha=0.2, label=f"Fieller {result.level:.0%} interval ({kind})")
    if low - 1 <= result.extreme <= high + 1:
        ax.axvline(result.extreme, color="#D55E00", lw=1, label=f"extreme point {result.extreme:.2f}")
    ax.plot(x_values, np.full_like(x_values, ax.get_ylim()[0]), "|", color="0.5", ms=6)
    ax.set(xlim=(low - 1, high + 1), xlabel="AI exposure", ylabel="effect on upgrading (centred)")
    ax.legend(fontsize=7, loc="upper center")
    ax.set_title(f"{title}{result.verdict()}", fontsize=9)
    figure.subplots_adjust(left=0.12, right=0.97, bottom=0.13, top=0.88)
    return figure
