"""Figures of the panel VAR (chapter 4): impulse responses in a grid, and eigenvalues against the
unit circle."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from helpers import _style


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
    """
    impulses = list(dict.fromkeys(responses.index.get_level_values("impulse")))
    names = list(dict.fromkeys(responses.index.get_level_values("response")))
    labels = labels or {}
    figure = _style.figure(
        figure, (1.9 * len(impulses) + 0.8, 1.5 * len(names) + 0.8)
    )
    axes = figure.subplots(
        len(names), len(impulses), sharex=True, squeeze=False
    )
    bands = {"lower", "upper"} <= set(responses.columns)
    for r, response in enumerate(names):
        for c, impulse in enumerate(impulses):
            ax = axes[r, c]
            part = responses.loc[(impulse, response)]
            if bands:
                ax.fill_between(
                    part.index,
                    part["lower"],
                    part["upper"],
                    color=_style.BAND,
                    alpha=0.35,
                    lw=0,
                )
            ax.plot(part.index, part["value"], color=_style.PALETTE[0], lw=1.6)
            ax.axhline(0, color="0.4", lw=0.7)
            ax.tick_params(labelsize=8)
            if r == 0:
                ax.set_title(
                    f"shock: {labels.get(impulse, impulse)}", fontsize=8
                )
            if c == 0:
                ax.set_ylabel(labels.get(response, response), fontsize=8)
            if r == len(names) - 1:
                ax.set_xlabel("years", fontsize=8)
    if title:
        figure.suptitle(title, fontsize=10)
    # fixed margins rather than tight_layout, which dominates the widget's redraw time
    figure.subplots_adjust(
        left=0.1,
        right=0.98,
        bottom=0.07,
        top=0.9 if title else 0.94,
        wspace=0.4,
        hspace=0.3,
    )
    return figure


def unit_circle_plot(
    eigenvalues,
    title: str = "Companion-matrix eigenvalues and the unit circle",
    ax: Axes | None = None,
) -> Axes:
    """Eigenvalues (complex numbers) against the unit circle: a VAR is stable when all lie inside.
    Pass ``results.stability()`` of a fit, or the eigenvalues of a printed coefficient matrix."""
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
    coefficients, one row per coefficient."""
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
