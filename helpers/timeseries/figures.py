"""Figures of the time-series chapter (chapter 5): the ADF test's size and power, variance
decompositions, printed critical values against MacKinnon's surfaces, a printed FEVD's row sums and
standard errors, and series in levels and growth rates."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from helpers import _style

# shared with the panel VAR (chapter 4); re-exported for this family
from helpers._var_figures import fevd_bars as fevd_bars
from helpers.timeseries.unitroot import mackinnon_critical_values


def adf_power_plot(
    figure,
    rates: pd.Series,
    statistics: np.ndarray,
    critical: float,
    nobs: int,
    root: float,
    alpha: float = 0.05,
):
    """Two panels for the ADF Monte Carlo: the rejection rate against the sample size for one
    autoregressive ``root`` (size when it is 1, power below), and the simulated ADF statistics at
    ``nobs`` with the critical value. Draws on ``figure`` (a new pyplot figure when None).

    Parameters
    ----------
    figure : matplotlib.figure.Figure or None
        The figure to draw on, cleared first; None draws on a new pyplot figure of 10 x 3.8
        inches.
    rates : Series
        Rejection shares (0 to 1) indexed by sample size, for ``root`` (a column of
        :func:`~helpers.timeseries.adf_rejection_rates`).
    statistics : numpy.ndarray
        The simulated ADF statistics at ``nobs`` (:func:`~helpers.timeseries.adf_statistics`).
    critical : float
        The critical value they are compared with (the legend calls it the 5% value whatever
        ``alpha`` is).
    nobs : int
        The sample size of ``statistics``; circled on the left panel when ``rates`` has it.
    root : float
        The autoregressive root simulated (1 labels the curve as the size).
    alpha : float, default 0.05
        The nominal level, drawn as a dashed line on the left panel.

    Returns
    -------
    matplotlib.figure.Figure
        The figure drawn on: the rejection rate against T (left) and the histogram of the
        statistics with the critical value and the share below it (right).
    """
    figure = _style.figure(figure, (10, 3.8))
    left, right = figure.subplots(1, 2)
    what = (
        "size (true root 1)" if root == 1 else f"power (true root {root:.2f})"
    )
    left.plot(
        rates.index,
        rates.to_numpy(),
        "o-",
        color="#0072B2",
        ms=4,
        label=f"rejection rate: {what}",
    )
    left.axhline(
        alpha,
        color="#D55E00",
        ls="--",
        lw=1,
        label=f"nominal level {alpha:.0%}",
    )
    if nobs in rates.index:
        left.plot(
            [nobs],
            [rates.loc[nobs]],
            "o",
            color="#D55E00",
            ms=9,
            mfc="none",
            mew=2,
        )
    left.set(
        xlabel="number of periods T",
        ylabel="share of samples rejecting a unit root",
        ylim=(0, 1.02),
    )
    left.legend(fontsize=8, loc="upper left")
    left.set_title("How often the ADF test rejects", fontsize=10)
    share = float(np.mean(statistics < critical))
    right.hist(statistics, bins=50, color="#56B4E9", histtype="stepfilled")
    right.axvline(
        critical,
        color="#D55E00",
        lw=2,
        label=f"{alpha:.0%} critical value {critical:.2f}",
    )
    right.set(xlabel="ADF t statistic", ylabel="simulated samples")
    right.set_title(
        f"T = {nobs}, root = {root:.2f}: {share:.0%} of samples reject",
        fontsize=10,
    )
    right.legend(fontsize=8)
    figure.subplots_adjust(
        left=0.07, right=0.98, bottom=0.14, top=0.9, wspace=0.25
    )
    return figure


def rejection_rates_plot(
    rates: pd.DataFrame,
    n_reps: int,
    alpha: float = 0.05,
    ax: Axes | None = None,
) -> Axes:
    """Rejection rates of the ADF test by sample size (rows) for each autoregressive root (columns),
    as :func:`helpers.timeseries.adf_rejection_rates` returns them.

    Parameters
    ----------
    rates : DataFrame
        Rejection shares (0 to 1), indexed by sample size, one column per root; only the first
        five columns are drawn (black, then the palette), a root of 1 labelled as the size.
    n_reps : int
        Replications behind each share, quoted in the title.
    alpha : float, default 0.05
        The nominal level, drawn as a dashed line.
    ax : matplotlib.axes.Axes or None, default None
        The axes to draw on; None draws on a new pyplot figure of 7 x 3.8 inches.

    Returns
    -------
    matplotlib.axes.Axes
        The axes drawn on.
    """
    ax = _style.axes(ax, (7, 3.8))
    colours = ["#000000", *_style.PALETTE[3:4], *_style.PALETTE[:3]]
    for colour, root in zip(colours, rates.columns):
        label = f"root {root:.2f}" + (" (size)" if root == 1 else "")
        ax.plot(
            rates.index, rates[root], "o-", color=colour, ms=4, label=label
        )
    ax.axhline(
        alpha,
        color=_style.HIGHLIGHT,
        ls="--",
        lw=1,
        label=f"{alpha:.0%} level",
    )
    ax.set(
        xlabel="number of periods T",
        ylabel="share of simulated samples rejecting a unit root",
        ylim=(0, 1),
    )
    ax.set_title(
        f"ADF test, {alpha:.0%} level: right size, little power in short samples "
        f"(simulated, {n_reps} replications)",
        fontsize=10,
    )
    ax.legend(fontsize=8)
    return ax


def critical_values_plot(printed: pd.DataFrame, figure=None):
    """Printed ADF critical values (one dotted line per row of ``printed``, columns ``variable``,
    ``cv_1pct``, ``cv_5pct``, ``cv_10pct``) against every value MacKinnon's response surfaces give
    for samples of 4 to 2000 observations, one panel per level.

    The curves are :func:`~helpers.timeseries.mackinnon_critical_values` for the cases ``"n"``,
    ``"c"`` and ``"ct"`` at 200 sample sizes spaced evenly on a log scale; the y axis runs from
    -13.5 to 0.5.

    Parameters
    ----------
    printed : DataFrame
        One row per printed test, with ``variable`` (the label written beside its lines),
        ``cv_1pct``, ``cv_5pct`` and ``cv_10pct``.
    figure : matplotlib.figure.Figure or None, default None
        The figure to draw on, cleared first; None draws on a new pyplot figure of 11 x 3.8
        inches.

    Returns
    -------
    matplotlib.figure.Figure
        The figure drawn on.
    """
    figure = _style.figure(figure, (11, 3.8))
    axes = figure.subplots(1, 3, sharey=True)
    sizes = np.unique(np.geomspace(4, 2000, 200).astype(int))
    cases = {"n": "none", "c": "constant", "ct": "constant + trend"}
    for ax, level, column in zip(
        axes, ["1%", "5%", "10%"], ["cv_1pct", "cv_5pct", "cv_10pct"]
    ):
        for colour, (case, label) in zip(_style.PALETTE, cases.items()):
            curve = [mackinnon_critical_values(t, case)[level] for t in sizes]
            ax.plot(sizes, curve, color=colour, label=f"MacKinnon, {label}")
        for _, row in printed.iterrows():
            ax.axhline(row[column], color=_style.HIGHLIGHT, lw=0.8, ls=":")
            ax.annotate(
                row["variable"],
                (2200, row[column]),
                fontsize=8,
                color=_style.HIGHLIGHT,
                va="center",
            )
        ax.set(
            xscale="log",
            xlabel="observations T",
            title=f"{level} critical value",
            ylim=(-13.5, 0.5),
        )
    axes[0].set_ylabel("critical value")
    axes[0].legend(fontsize=8, loc="lower right")
    figure.suptitle(
        "The printed critical values (dotted) against every value MacKinnon's surfaces give",
        fontsize=10,
    )
    figure.set_layout_engine("constrained")
    return figure


def printed_fevd_plot(fevd: pd.DataFrame, shocks: list[str], figure=None):
    """Row sums and S.E. paths of printed variance decompositions: ``fevd`` has one row per table
    and period with columns ``table``, ``decomposed``, ``period``, ``se`` and the ``shocks``.

    The left panel shows each table's sum of shares by period against the line at 100 (any FEVD
    row's sum), the right its S.E. by period; one colour per table (up to eight).

    Parameters
    ----------
    fevd : DataFrame
        The printed decompositions (e.g. ``data.load("chen_tang_fevd")``), shares in per cent.
    shocks : list of str
        The share columns to sum.
    figure : matplotlib.figure.Figure or None, default None
        The figure to draw on, cleared first; None draws on a new pyplot figure of 11 x 3.8
        inches.

    Returns
    -------
    matplotlib.figure.Figure
        The figure drawn on.
    """
    figure = _style.figure(figure, (11, 3.8))
    left, right = figure.subplots(1, 2)
    for colour, (number, part) in zip(_style.PALETTE, fevd.groupby("table")):
        label = f"Table {number} ({part['decomposed'].iloc[0]})"
        left.plot(
            part["period"],
            part[shocks].sum(axis=1),
            "o-",
            color=colour,
            label=label,
        )
        right.plot(part["period"], part["se"], "o-", color=colour, label=label)
    left.axhline(
        100, color="black", lw=1.5, ls="--", label="what any FEVD row sums to"
    )
    top = max(110.0, float(fevd[shocks].sum(axis=1).max()) * 1.1)
    left.set(
        xlabel="period",
        ylabel="sum of the printed shares (%)",
        ylim=(0, top),
        title="Row sums",
    )
    right.set(
        xlabel="period",
        ylabel="printed S.E.",
        title="S.E. paths (must not fall)",
    )
    left.legend(fontsize=8, loc="lower left")
    figure.set_layout_engine("constrained")
    return figure


def levels_and_growth_plot(
    levels: pd.DataFrame, growth: pd.DataFrame, figure=None
):
    """Log levels relative to their first observation, and growth rates, side by side.

    Parameters
    ----------
    levels : DataFrame
        The series in logs, one column each, indexed by date; each is drawn minus its first
        value.
    growth : DataFrame
        The growth rates (100 x the log differences), the same columns.
    figure : matplotlib.figure.Figure or None, default None
        The figure to draw on, cleared first; None draws on a new pyplot figure of 11 x 3.5
        inches.

    Returns
    -------
    matplotlib.figure.Figure
        The figure drawn on.
    """
    figure = _style.figure(figure, (11, 3.5))
    left, right = figure.subplots(1, 2)
    colours = _style.PALETTE[: len(levels.columns)]
    (levels - levels.iloc[0]).plot(ax=left, color=colours)
    left.set(title="log levels, relative to the first observation", xlabel="")
    growth.plot(ax=right, lw=0.8, color=colours)
    right.set(title="growth rates (100 x change in log)", xlabel="")
    figure.suptitle(
        "Trending levels, mean-reverting growth rates", fontsize=10
    )
    figure.set_layout_engine("constrained")
    return figure


def long_run_plot(vecm, var, horizon: int, figure=None):
    """Orthogonalised responses of the levels, in percent, one panel per (response, impulse): the
    cumulated responses of the growth-rate VAR ``var`` and, when ``vecm`` is a fitted VECM (None
    when the data show no cointegration to model), the VECM's responses of the log levels.

    These are the curves whose values at ``horizon`` :func:`~helpers.timeseries.long_run_responses`
    tabulates: statsmodels' ``orth_cum_effects`` of ``var`` and 100 x ``orth_irfs`` of ``vecm``,
    over horizons 0..``horizon``.

    Parameters
    ----------
    vecm : VECMResults or None
        A fitted VECM in logs (:func:`~helpers.timeseries.vecm_fit`), or None.
    var : VARResults
        A fitted VAR in growth rates (100 x log differences); its variables name the panels.
    horizon : int
        The last horizon drawn.
    figure : matplotlib.figure.Figure or None, default None
        The figure to draw on, cleared first; None draws on a new pyplot figure of 9 x 7
        inches.

    Returns
    -------
    matplotlib.figure.Figure
        The figure drawn on: a k x k grid, row the response and column the impulse.
    """
    names = [str(n) for n in var.names]
    k = len(names)
    figure = _style.figure(figure, (9, 7))
    axes = figure.subplots(k, k, sharex=True, squeeze=False)
    steps = np.arange(horizon + 1)
    cumulated = var.irf(horizon).orth_cum_effects
    levels = None if vecm is None else 100 * vecm.irf(horizon).orth_irfs
    for i, response in enumerate(names):
        for j, impulse in enumerate(names):
            ax = axes[i, j]
            ax.axhline(0, color="0.6", lw=0.6)
            ax.plot(
                steps,
                cumulated[:, i, j],
                color=_style.PALETTE[0],
                label="growth-rate VAR, cumulated",
            )
            if levels is not None:
                ax.plot(
                    steps,
                    levels[:, i, j],
                    color=_style.PALETTE[1],
                    ls="--",
                    label="VECM, levels",
                )
            ax.set_title(f"{impulse} -> {response}", fontsize=9)
            ax.tick_params(labelsize=8)
    axes[-1, 0].set_xlabel("horizon", fontsize=9)
    handles, labels = axes[0, 0].get_legend_handles_labels()
    figure.legend(handles, labels, loc="lower center", ncol=2, fontsize=9)
    figure.suptitle(
        "Responses of the log levels to one-standard-deviation shocks (%)",
        fontsize=10,
    )
    figure.set_layout_engine("constrained")
    figure.get_layout_engine().set(rect=(0, 0.05, 1, 0.95))
    return figure
