"""Chapter 7's sentences about its simulated panels, computed from the fitted checks: whether the
signs of the coefficients, the Lind-Mehlum test and the two-lines check agree with the true
curves depends on the turning point, the noise and the seed of the run."""

from __future__ import annotations

import math

import pandas as pd

from helpers.display import pvalue, pvalue_cell
from helpers.ushape.lindmehlum import UTestResult
from helpers.ushape.panel import ShapeCheck


def utest_verdict(result: UTestResult, alpha: float = 0.05) -> str:
    """The conclusion of a Lind-Mehlum test in words.

    Parameters
    ----------
    result : UTestResult
        A test from :func:`helpers.ushape.utest` or :func:`helpers.ushape.utest_from_estimates`.
    alpha : float, default 0.05
        The significance level.

    Returns
    -------
    str
        That the test fails trivially (the extreme point outside the interval), that the shape is
        supported, or that there is no evidence of it, with the statistic and its p-value.
    """
    if result.trivially_fails:
        low, high = result.interval
        return (
            f"no {result.shape}: the extreme point {result.extreme:.4g} lies outside the interval "
            f"[{low:.4g}, {high:.4g}], so the test fails trivially"
        )
    test = f"Lind-Mehlum t = {result.statistic:.3f}, {pvalue(result.pvalue)}"
    if result.pvalue < alpha:
        return f"{result.shape} supported ({test})"
    article = "an" if result.shape == "inverse U" else "a"
    return f"no evidence of {article} {result.shape} ({test})"


def utest_summary(result: UTestResult) -> pd.Series:
    """A Lind-Mehlum test as a reader is shown it.

    Parameters
    ----------
    result : UTestResult
        The test.

    Returns
    -------
    Series
        Text indexed by quantity: the shape and form tested, the interval, each end's slope with
        its t statistic, the Lind-Mehlum t and p-value, the extreme point with its Fieller and
        delta-method intervals, and the verdict at 5%.
    """
    kind, parts = result.fieller
    fieller = (
        kind
        if kind == "whole line"
        else " or ".join(f"[{lo:.4g}, {hi:.4g}]" for lo, hi in parts)
    )
    slopes = result.slopes
    low, high = result.interval
    return pd.Series(
        {
            "shape tested": result.shape,
            "form": result.form,
            "interval": f"[{low:.4g}, {high:.4g}]",
            "slope at xL (t)": f"{slopes.loc['xL', 'slope']:.4g} "
            f"({slopes.loc['xL', 't']:.3f})",
            "slope at xH (t)": f"{slopes.loc['xH', 'slope']:.4g} "
            f"({slopes.loc['xH', 't']:.3f})",
            "Lind-Mehlum t": f"{result.statistic:.4f}",
            "p-value": pvalue_cell(result.pvalue),
            "extreme point": f"{result.extreme:.4f}",
            f"Fieller {result.level:.0%} interval": fieller,
            f"delta-method {result.level:.0%} interval": f"[{result.delta[0]:.4g}, "
            f"{result.delta[1]:.4g}]",
            "verdict": utest_verdict(result),
        }
    )


def _names(items) -> str:
    items = list(items)
    if not items:
        return "none"
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def signs_sentence(
    checks: dict[str, ShapeCheck], expected: dict[str, str], alpha: float
) -> str:
    """How many versions a reading by signs would call a U or an inverse U, the test's verdicts,
    and how many match the truth (``expected``: the verdict's first words for each version).

    Parameters
    ----------
    checks
        The :class:`~helpers.ushape.ShapeCheck` of each simulated version, by its label.
    expected
        For each label, the start of the verdict that matches the truth (``"U supported"``,
        ``"no inverse U"``...).
    alpha
        The significance level of the test's verdicts.

    Returns
    -------
    str
        Three sentences: the versions whose coefficients are both significant (at each check's
        own ``alpha``), the test's verdict on each, and how many verdicts match ``expected``.
    """
    by_signs = [
        label
        for label, check in checks.items()
        if check.row["the signs suggest"] != "no shape"
    ]
    right = sum(
        check.test.verdict(alpha).startswith(expected[label])
        for label, check in checks.items()
    )
    verdicts = "; ".join(
        f"{label}: {check.test.verdict(alpha)}"
        for label, check in checks.items()
    )
    return (
        f"In {len(by_signs)} of the {len(checks)} versions ({_names(by_signs)}) both coefficients "
        f"are significant at {alpha:g}, so a reading by signs would announce a U or an inverse U "
        f"there, as the table's column says. The Lind-Mehlum test gives {verdicts}. Verdicts "
        f"matching the truth: {right} of {len(checks)}."
    )


def extremes_sentence(checks: dict[str, ShapeCheck]) -> str:
    """Where the fitted extreme point lies, and what the two-lines check found, per version.

    Parameters
    ----------
    checks
        The :class:`~helpers.ushape.ShapeCheck` of each version, by its label.

    Returns
    -------
    str
        Two sentences: the versions whose extreme point lies inside and outside the observed
        range (with why the test then fails trivially), and each version's two-lines reading.
    """
    inside = [label for label, c in checks.items() if c.test.extreme_inside]
    outside = [
        label for label, c in checks.items() if not c.test.extreme_inside
    ]
    lines = "; ".join(
        f"{label}: {c.row['two lines']}" for label, c in checks.items()
    )
    text = (
        f"The fitted extreme point lies inside the observed range in {_names(inside)} and outside "
        f"it in {_names(outside)}"
    )
    text += (
        "; where it lies outside, both end slopes have the same sign and the test fails "
        "trivially, whatever the signs of the coefficients suggest."
        if outside
        else "."
    )
    return text + f" The two-lines check finds: {lines}."


def edge_sentence(rows: dict[float, tuple[str, str]]) -> str:
    """The test as the true turning point moves towards the edge of the data (``rows``: turning
    point -> (the test's verdict, the kind of Fieller interval)).

    Parameters
    ----------
    rows
        For each true turning point, the verdict of :meth:`~helpers.ushape.UTestResult.verdict`
        and the kind of Fieller interval (``"bounded"``, ``"unbounded"``, ``"whole line"``).

    Returns
    -------
    str
        One sentence listing the turning points in the order given.

    Examples
    --------
    >>> edge_sentence({6.0: ("U supported", "bounded")})
    "On this run's simulations: turning point 6: U supported; Fieller interval bounded."
    """
    parts = [
        f"turning point {tp:g}: {verdict}; Fieller interval {kind}"
        for tp, (verdict, kind) in rows.items()
    ]
    return "On this run's simulations: " + "; ".join(parts) + "."


def _number(value: float) -> str:
    """Four significant digits, large values in full with thousands separators."""
    return (
        f"{value:,.0f}"
        if math.isfinite(value) and abs(value) >= 1e4
        else f"{value:.4g}"
    )


def _span(low: float, high: float) -> str:
    return f"[{_number(low)}, {_number(high)}]"


def _shape(reading: str) -> str:
    """ "U" -> "a U", "inverse U" -> "an inverse U"; other readings as they are."""
    return {"U": "a U", "inverse U": "an inverse U"}.get(reading, reading)


def panel_sentence(
    check: ShapeCheck,
    label: str,
    panel,
    unit: str,
    time: str,
    controls: list[str],
) -> str:
    """What the check found on the run's own panel (a replicator's file, or the simulated panel
    the chapter uses without one): its size, the coefficients and what their signs suggest, the
    Lind-Mehlum verdict with the extreme point and its intervals, and the two lines.

    Parameters
    ----------
    check
        The :class:`~helpers.ushape.ShapeCheck` of the run's panel.
    label
        What the sentence says is tested ("your file p.csv: upgrading on ai_exposure").
    panel
        The panel checked, in long form, with the columns ``unit`` and ``time``.
    unit
        The column of units.
    time
        The column of periods.
    controls
        The controls used (their names are listed), or an empty list.

    Returns
    -------
    str
        Four sentences: the panel's size and span, b1 and b2 with their p-values and what the
        signs suggest, the Lind-Mehlum verdict with the extreme point and its Fieller and
        delta-method intervals, and the two-lines reading.
    """
    from helpers.display import pvalue

    test, row = check.test, check.row
    kind, parts = test.fieller
    fieller = (
        "the whole line"
        if kind == "whole line"
        else " or ".join(_span(lo, hi) for lo, hi in parts)
    )
    with_controls = f", controlling for {_names(controls)}" if controls else ""
    return (
        f"This run tests {label}: {len(panel)} observations of {panel[unit].nunique()} units "
        f"({unit}) over {panel[time].min()}-{panel[time].max()}{with_controls}. The fixed-effects "
        f"quadratic gives b1 = {row['b1 (x)']:.4g} ({pvalue(row['p(b1)'])}) and b2 = "
        f"{row['b2 (x squared)']:.4g} ({pvalue(row['p(b2)'])}), so the signs suggest "
        f"{_shape(row['the signs suggest'])}. Over the observed range {_span(*test.interval)} the "
        f"Lind-Mehlum test finds {test.verdict(check.alpha)}; the extreme point is "
        f"{_number(test.extreme)}, with Fieller {test.level:.0%} interval {fieller} and "
        f"delta-method interval {_span(*test.delta)}. The two-lines check finds "
        f"{_shape(row['two lines'])}."
    )


def false_u_sentence(rates, noise: float, alpha: float = 0.05) -> str:
    """What :func:`helpers.ushape.simulate.false_u_rates` found: how often a quadratic fitted to a
    concave, monotone truth puts its maximum inside the data and how often Lind-Mehlum and the two
    lines then report an inverted U that is not there.

    Parameters
    ----------
    rates
        The table of :func:`~helpers.ushape.simulate.false_u_rates`, indexed by sample size.
    noise
        The noise's standard deviation used, as the sentence states it.
    alpha
        The significance level used, as the sentence states it.

    Returns
    -------
    str
        One sentence with, for each sample size, the three shares as percentages.
    """
    parts = [
        f"with {n:,} observations the fitted maximum lies inside the data in "
        f"{row['extreme inside the data']:.0%} of samples, Lind-Mehlum reports an inverted U in "
        f"{row['Lind-Mehlum: inverted U']:.0%} and the two lines in "
        f"{row['two lines: inverted U']:.0%}"
        for n, row in rates.iterrows()
    ]
    samples = int(rates["samples"].iloc[0])
    return (
        f"On {samples} simulated samples of each size (ln(1 + x) plus noise with standard "
        f"deviation {noise:g}, tests at {alpha:g}): " + "; ".join(parts) + "."
    )


def robustness_sentence(
    check: ShapeCheck,
    ranges: pd.DataFrame,
    trend_test,
    binned: pd.DataFrame,
    noun: str = "unit",
    within: pd.Series | None = None,
) -> str:
    """The three specification checks in words: each unit's own range of x against the extreme
    point, the test with unit trends (``trend_test``: the linear-trend result, or a pair of the
    linear- and quadratic-trend results, the second None when the panel is too short for it), the
    squared term from within-unit curvature alone (``within``, from
    :func:`helpers.ushape.within_curvature`), and where the binned outcome turns.

    Parameters
    ----------
    check
        The :class:`~helpers.ushape.ShapeCheck` of the panel (its ``alpha`` is used throughout).
    ranges
        The table of :func:`helpers.ushape.within_ranges` at the check's extreme point.
    trend_test
        A :class:`~helpers.ushape.UTestResult` with linear unit trends, or the pair of
        :func:`helpers.ushape.trend_checks`.
    binned
        The table of :func:`helpers.ushape.binned_means`, indexed by bin from 1.
    noun
        What one unit is called.
    within
        The result of :func:`helpers.ushape.within_curvature`, or ``None`` to leave that
        sentence out.

    Returns
    -------
    str
        Four or five sentences: the median share of the pooled range a unit observes and how
        many units straddle the extreme point (or that it lies outside the range), the verdicts
        with unit trends, the within-unit squared term against the usual one, and the bin where
        the binned outcome is lowest (convex fit) or highest and whether it is interior.
    """
    alpha = check.alpha
    n, straddle = len(ranges), int(ranges["straddles"].sum())
    extreme = check.test.extreme
    low, high = check.test.interval
    share = f"Each {noun} observes a median {ranges['share'].median():.0%} of the pooled range"
    if not low < extreme < high:
        text = (
            f"{share}; the extreme point {_number(extreme)} lies outside the observed range, so no "
            f"{noun} observes both sides of it."
        )
    else:
        text = (
            f"{share}, and {straddle} of {n} observe the exposure on both sides of the extreme "
            f"point {_number(extreme)}"
        )
        text += (
            ": the curve around the turning point is read mostly from differences between "
            f"{noun}s, not from any {noun}'s own response."
            if straddle < n / 2
            else "."
        )
    linear, quadratic = (
        trend_test if isinstance(trend_test, tuple) else (trend_test, None)
    )
    text += (
        f" With a linear trend for every {noun}, the Lind-Mehlum test finds {linear.verdict(alpha)}"
        + (
            f"; with a quadratic trend for every {noun}, {quadratic.verdict(alpha)}."
            if quadratic is not None
            else "."
        )
    )
    if within is not None:
        from helpers.display import pvalue

        usual = check.fit.params[check.x + "_sq"]
        usual_p = check.fit.pvalues[check.x + "_sq"]
        text += (
            f" From each {noun}'s own curvature alone (its squared deviations from its mean "
            f"exposure), the squared term is {within['b2']:.4g} ({pvalue(within['pvalue'])}), "
            f"against {usual:.4g} in the usual quadratic"
        )
        text += (
            f": its curvature comes from differences between the {noun}s' levels, not from their "
            "own responses."
            if usual_p < alpha <= within["pvalue"]
            else "."
        )
    convex = check.fit.params[check.x + "_sq"] > 0
    position = int(
        binned["effect"].idxmin() if convex else binned["effect"].idxmax()
    )
    where = "lowest" if convex else "highest"
    interior = 1 < position < len(binned)
    text += (
        f" Binned within {noun}s and years, the outcome is {where} in bin {position} of "
        f"{len(binned)} (mean exposure {_number(binned.loc[position, 'x'])})"
        + (
            ", inside the range, as a turning point needs to be (not enough on its own: the "
            "intervals show whether it stands out from its neighbours)."
            if interior
            else ", at the edge of the range: the bins show no turning point."
        )
    )
    return text
