"""Checks of the fixed-effects quadratic behind a U claim (chapter 7): where the curve is identified
(each unit's own range of x), whether unit-specific trends change it, and what binned means of the
outcome show without assuming a quadratic.

**Within-unit range.** With unit fixed effects, the quadratic is estimated from each unit's
deviations from its own means (McIntosh & Schlenker 2006). If every unit observes only a narrow
slice of x, the curve over the pooled range is stitched together from slices, and a turning point
that no single unit straddles is read from differences between units, not from anyone's response.

**Unit trends.** Provinces that upgrade steadily while their AI exposure rises steadily produce a
slope out of two trends; unit-specific linear trends remove that, and quadratic ones also the
curvature a trending exposure gives its square.

**Binned means.** The outcome on one dummy per quantile bin of x, with the same fixed effects,
shows the shape the within-unit variation has before a quadratic imposes one (a step function, the
simplest spline).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers import _checks
from helpers.errors import InputError
from helpers.ushape.lindmehlum import UTestResult, utest
from helpers.ushape.panel import twfe_quadratic


def within_ranges(
    panel: pd.DataFrame, x: str, entity: str, extreme: float
) -> pd.DataFrame:
    """Each unit's own range of ``x``: ``low``, ``high``, its ``share`` of the pooled range, and
    whether it ``straddles`` the quadratic's ``extreme`` point (observes x on both sides)."""
    _checks.columns(panel, [x, entity], "panel")
    values = _checks.series(panel[x], f"panel[{x!r}]")
    pooled = float(values.max() - values.min())
    if pooled <= 0:
        raise InputError(
            f"panel[{x!r}] does not vary: there is no range to check"
        )
    grouped = values.groupby(panel[entity])
    table = pd.DataFrame({"low": grouped.min(), "high": grouped.max()})
    table["share"] = (table["high"] - table["low"]) / pooled
    table["straddles"] = (table["low"] < extreme) & (extreme < table["high"])
    table.index.name = entity
    return table


def trend_check(
    panel: pd.DataFrame,
    y: str,
    x: str,
    entity: str,
    time: str,
    controls: list[str] | None = None,
    degree: int = 1,
) -> UTestResult:
    """The Lind-Mehlum test of the two-way fixed-effects quadratic with a trend of ``degree`` 1
    (linear) or 2 (quadratic) for every unit (one unit's left out: the year effects absorb their
    sum). A linear trend in the exposure makes its square trend quadratically, so only unit
    quadratic trends keep such curvature in the units' time paths out of the squared term."""
    degree = _checks.integer("degree", degree, minimum=1, maximum=2)
    _checks.columns(panel, [entity, time], "panel")
    years = pd.to_numeric(panel[time], errors="coerce")
    centred = years - years.mean()
    units = pd.unique(panel[entity])
    trends = {
        f"trend{power}_{k}": np.where(
            panel[entity] == unit, centred**power, 0.0
        )
        for power in range(1, degree + 1)
        for k, unit in enumerate(units[1:], start=1)
    }
    with_trends = panel.assign(**trends)
    controls = [*_checks.names("controls", controls), *trends]
    if len(with_trends) <= len(controls) + len(units) + years.nunique() + 2:
        kind = "linear" if degree == 1 else "quadratic"
        raise InputError(
            f"the panel has {len(with_trends)} observations, too few for a quadratic with unit "
            f"and year effects and {kind} trends for {len(units) - 1} units"
        )
    fit = twfe_quadratic(with_trends, y, x, entity, time, controls)
    return utest(fit, x, f"{x}_sq")


def trend_checks(
    panel: pd.DataFrame,
    y: str,
    x: str,
    entity: str,
    time: str,
    controls: list[str] | None = None,
) -> tuple[UTestResult, UTestResult | None]:
    """:func:`trend_check` with linear and with quadratic unit trends; the second is None when
    the panel has too few years (under six) or observations for it."""
    linear = trend_check(panel, y, x, entity, time, controls)
    try:
        if pd.unique(panel[time]).size < 6:
            return linear, None
        return linear, trend_check(panel, y, x, entity, time, controls, 2)
    except InputError:  # too few observations for the quadratic trends
        return linear, None


def within_curvature(
    panel: pd.DataFrame,
    y: str,
    x: str,
    entity: str,
    time: str,
    controls: list[str] | None = None,
) -> pd.Series:
    """The squared term estimated from within-unit curvature only (McIntosh & Schlenker 2006):
    ``y`` on ``d = x - mean_i(x)`` and ``d**2`` with unit and year fixed effects, clustered by
    unit. The usual quadratic's demeaned square also holds ``2 mean_i(x) d``, a slope that grows
    with the unit's level; squaring the deviations leaves that out. Returns the coefficient on
    ``d**2`` (``b2``), its ``se`` and ``pvalue``."""
    _checks.columns(panel, [x, entity], "panel")
    deviation = panel[x] - panel.groupby(entity)[x].transform("mean")
    frame = panel.assign(_deviation=deviation)
    fit = twfe_quadratic(frame, y, "_deviation", entity, time, controls)
    return pd.Series(
        {
            "b2": fit.params["_deviation_sq"],
            "se": fit.std_errors["_deviation_sq"],
            "pvalue": fit.pvalues["_deviation_sq"],
        }
    )


def binned_means(
    panel: pd.DataFrame,
    y: str,
    x: str,
    entity: str,
    time: str,
    bins: int = 10,
) -> pd.DataFrame:
    """The outcome by quantile bins of ``x``, within units and years: the coefficients of ``y`` on
    one dummy per bin (the first left out) with unit and year fixed effects (linearmodels
    ``PanelOLS``, clustered by unit), so each bin's ``effect`` is its mean outcome relative to the
    first bin's, from the same within-unit variation the quadratic uses (binning the raw ``x``
    against an outcome netted of the effects would mix levels across units). One row per bin: its
    mean ``x``, ``effect``, ``se`` and number of observations ``n``."""
    from linearmodels.panel import PanelOLS

    bins = _checks.integer("bins", bins, minimum=3)
    _checks.columns(panel, [y, x, entity, time], "panel")
    indexed = panel.set_index([entity, time])
    groups = pd.qcut(indexed[x], bins, labels=False, duplicates="drop") + 1
    dummies = pd.get_dummies(groups, prefix="bin", dtype=float).iloc[:, 1:]
    fit = PanelOLS(
        indexed[y], dummies, entity_effects=True, time_effects=True
    ).fit(cov_type="clustered", cluster_entity=True)
    out = pd.DataFrame(
        {
            "x": indexed[x].groupby(groups).mean(),
            "n": groups.value_counts().sort_index(),
        }
    )
    out["effect"] = np.r_[0.0, fit.params.to_numpy()]
    out["se"] = np.r_[0.0, fit.std_errors.to_numpy()]
    out.index.name = "bin"
    return out[["x", "effect", "se", "n"]]
