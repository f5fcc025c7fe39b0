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
    whether it ``straddles`` the quadratic's ``extreme`` point (observes x on both sides).

    Parameters
    ----------
    panel
        The panel in long form, with the columns ``x`` and ``entity``.
    x
        The regressor whose shape is tested; numeric, without gaps, not constant.
    entity
        The column of units.
    extreme
        The extreme point of the fitted quadratic (``UTestResult.extreme``); NaN straddles
        nothing.

    Returns
    -------
    pandas.DataFrame
        Indexed by unit (the index named ``entity``, units sorted), with columns ``low`` and
        ``high`` (the unit's smallest and largest ``x``), ``share`` (``(high - low)`` over the
        pooled range, from 0 to 1) and ``straddles`` (bool: ``low < extreme < high``).

    Raises
    ------
    helpers.errors.InputError
        If a column is missing, ``x`` has missing or infinite values, or does not vary.
    helpers.errors.InputTypeError
        If ``x`` holds text.
    """
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
    quadratic trends keep such curvature in the units' time paths out of the squared term.

    The model is :func:`~helpers.ushape.twfe_quadratic` with the regressors
    :math:`\\tau^p \\, 1[i = k]`, :math:`p = 1..` ``degree``, for every unit :math:`k` but the
    first, where :math:`\\tau` is the year centred on the mean year of the rows; the test is
    :func:`~helpers.ushape.utest` over the observed range with the fit's residual degrees of
    freedom.

    Parameters
    ----------
    panel
        The panel in long form, one row per (entity, time).
    y
        The outcome column.
    x
        The regressor whose shape is tested.
    entity
        The column of units.
    time
        The column of years (numbers, or text that reads as numbers).
    controls
        Further regressors, a name or a list of names; ``None`` for none.
    degree
        1 (linear unit trends, default) or 2 (linear and quadratic).

    Returns
    -------
    UTestResult
        The Lind-Mehlum test of the quadratic with unit trends.

    Raises
    ------
    helpers.errors.InputTypeError
        If ``degree`` is not a whole number, ``controls`` are not names, or a column used holds
        text.
    helpers.errors.InputError
        If ``degree`` is not 1 or 2, a column is missing or has gaps, the panel has no more
        observations than the coefficients and effects + 2, or :func:`~helpers.ushape.utest`
        refuses the fit.
    """
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
            f"the panel has {len(with_trends)} observations, too few for a quadratic with unit and "
            f"year effects and {kind} trends for {len(units) - 1} units"
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
    the panel has too few years (under six) or observations for it.

    Parameters
    ----------
    panel
        The panel in long form, one row per (entity, time).
    y
        The outcome column.
    x
        The regressor whose shape is tested.
    entity
        The column of units.
    time
        The column of years.
    controls
        Further regressors, a name or a list of names; ``None`` for none.

    Returns
    -------
    linear : UTestResult
        The test with linear unit trends.
    quadratic : UTestResult or None
        The test with linear and quadratic unit trends, or ``None`` when the panel has fewer
        than six distinct years or the quadratic trends raise an :class:`InputError` (too few
        observations, or a test that cannot be run).

    Raises
    ------
    helpers.errors.InputError
        If the linear-trend check fails (see :func:`trend_check`).
    helpers.errors.InputTypeError
        If ``controls`` are not names or a column used holds text.
    """
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
    ``d**2`` (``b2``), its ``se`` and ``pvalue``.

    .. math::

        y_{it} = c_1 d_{it} + b_2 d_{it}^2 + \\gamma' z_{it} + \\mu_i + \\lambda_t + e_{it},
        \\qquad d_{it} = x_{it} - \\bar x_i

    Parameters
    ----------
    panel
        The panel in long form, one row per (entity, time).
    y
        The outcome column.
    x
        The regressor whose shape is tested.
    entity
        The column of units (the means :math:`\\bar x_i`, the fixed effects and the clusters).
    time
        The column of years.
    controls
        Further regressors :math:`z_{it}`, a name or a list of names; ``None`` for none.

    Returns
    -------
    pandas.Series
        Indexed by ``b2``, ``se`` (clustered by unit) and ``pvalue`` (two-sided, linearmodels').

    Raises
    ------
    helpers.errors.InputError
        If a column is missing or a column used has missing or infinite values.
    helpers.errors.InputTypeError
        If a column used holds text or ``controls`` are not names.
    """
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
    mean ``x``, ``effect``, ``se`` and number of observations ``n``.

    Parameters
    ----------
    panel
        The panel in long form, one row per (entity, time), with numeric ``y`` and ``x``.
    y
        The outcome column.
    x
        The regressor whose bins are formed (quantiles over all rows, ``pandas.qcut``).
    entity
        The column of units.
    time
        The column of years.
    bins
        The number of quantile bins, at least 3; fewer remain when quantiles coincide.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``bin`` (1 for the lowest ``x``), with columns ``x`` (the bin's mean),
        ``effect`` (0 for the first bin, the reference), ``se`` (clustered by unit; 0 for the
        first bin) and ``n``.

    Raises
    ------
    helpers.errors.InputTypeError
        If ``bins`` is not a whole number.
    helpers.errors.InputError
        If ``bins`` is less than 3 or a column is missing.
    """
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
