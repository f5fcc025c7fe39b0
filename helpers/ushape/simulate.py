"""Simulated provincial panels of AI exposure and industrial upgrading with a known relation
(chapter 7). The numbers are **simulated** and describe no province.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers import _checks

#: The three versions of the simulated upgrading panel (chapter 7) and their true curves f(x).
USHAPE_VERSIONS = {
    "u": "a real U: f(x) = 0.08 (x - turning_point)^2, turning point inside the data",
    "concave": "monotone and concave: f(x) = 1.5 ln(1 + x), no extreme point",
    "outside": "a U whose minimum lies below the data: f(x) = 0.08 (x - turning_point)^2 with "
    "turning_point = 1",
}


def ushape_true_curve(
    x, version: str, turning_point: float = 6.0
) -> np.ndarray:
    """The true effect f(x) of AI exposure on upgrading in :func:`ushape_panel`.

    ``"u"``: :math:`f(x) = 0.08 (x - x^*)^2` with :math:`x^*` = ``turning_point``;
    ``"concave"``: :math:`f(x) = 1.5 \\ln(1 + x)`; ``"outside"``: :math:`f(x) = 0.08 (x - 1)^2`
    (see :data:`USHAPE_VERSIONS`).

    Parameters
    ----------
    x
        AI exposure, a number or an array.
    version
        ``"u"``, ``"concave"`` or ``"outside"``.
    turning_point
        The minimum of the ``"u"`` curve (6.0 by default); ignored by the other versions.

    Returns
    -------
    numpy.ndarray
        :math:`f(x)`, of the shape of ``x`` (0-dimensional for a number).

    Raises
    ------
    helpers.errors.InputError
        If ``version`` is not one of the three.

    Examples
    --------
    >>> ushape_true_curve([5.0, 6.0, 7.0], "u").round(2).tolist()
    [0.08, 0.0, 0.08]
    """
    _checks.option("version", version, list(USHAPE_VERSIONS))
    x = np.asarray(x, dtype=float)
    if version == "u":
        return 0.08 * (x - turning_point) ** 2
    if version == "concave":
        return 1.5 * np.log1p(x)
    return 0.08 * (x - 1.0) ** 2  # "outside"


def ushape_panel(
    version: str = "u",
    turning_point: float = 6.0,
    noise: float = 0.3,
    n_provinces: int = 31,
    years=range(2011, 2023),
    seed: int = 20261122,
) -> pd.DataFrame:
    """A SIMULATED provincial panel of AI exposure and industrial upgrading with a known relation.

    AI exposure ``x_it = 2 + level_i + trend_i (t - t0) + u_it`` with ``level_i ~ U(0, 4)``,
    ``trend_i ~ U(0.1, 0.7)`` and ``u_it ~ N(0, 0.5^2)``, so that it rises at different speeds in
    different provinces (two-way fixed effects keep that variation). Upgrading ``y_it = alpha_i +
    gamma_t + f(x_it) + e_it`` with ``alpha_i ~ N(0, 0.5^2)``, ``gamma_t = 0.02 (t - t0)``, ``e_it ~
    N(0, noise^2)`` and ``f`` from :func:`ushape_true_curve` (``version`` "u", "concave" or
    "outside"; ``turning_point`` applies to "u"). Columns ``province`` (P01...), ``year``,
    ``ai_exposure``, ``upgrading``, ``true_effect``. Seeded; not data about any province.

    Parameters
    ----------
    version
        The true curve: ``"u"`` (default), ``"concave"`` or ``"outside"``
        (:data:`USHAPE_VERSIONS`).
    turning_point
        The minimum of the ``"u"`` curve (6.0).
    noise
        The standard deviation of ``e_it``, non-negative (0.3).
    n_provinces
        The number of provinces, at least 2 (31).
    years
        The years, an iterable of whole numbers (2011-2022); ``t0`` is the first.
    seed
        The seed of ``numpy.random.default_rng``, a non-negative integer.

    Returns
    -------
    pandas.DataFrame
        ``n_provinces`` x ``len(years)`` rows on a default index, sorted by province then year.
        ``true_effect`` is :math:`f(x_{it})`.

    Raises
    ------
    helpers.errors.InputError
        If ``version`` is not one of the three, ``noise`` or ``seed`` is negative,
        ``turning_point`` is not finite, or ``n_provinces`` is less than 2.
    helpers.errors.InputTypeError
        If a numeric argument is not a number, or ``n_provinces`` or ``seed`` not a whole
        number.
    """
    _checks.option("version", version, list(USHAPE_VERSIONS))
    turning_point = _checks.number("turning_point", turning_point)
    noise = _checks.number("noise", noise, minimum=0)
    n_provinces = _checks.integer("n_provinces", n_provinces, minimum=2)
    seed = _checks.integer("seed", seed, minimum=0)
    rng = np.random.default_rng(seed)
    years = list(years)
    t = np.arange(len(years), dtype=float)
    level = rng.uniform(0, 4, n_provinces)
    trend = rng.uniform(0.1, 0.7, n_provinces)
    alpha = rng.normal(0, 0.5, n_provinces)
    x = (
        2
        + level[:, None]
        + trend[:, None] * t[None, :]
        + rng.normal(0, 0.5, (n_provinces, len(years)))
    )
    effect = ushape_true_curve(x, version, turning_point)
    y = (
        alpha[:, None]
        + 0.02 * t[None, :]
        + effect
        + rng.normal(0, noise, (n_provinces, len(years)))
    )
    return pd.DataFrame(
        {
            "province": np.repeat(
                [f"P{i + 1:02d}" for i in range(n_provinces)], len(years)
            ),
            "year": np.tile(years, n_provinces),
            "ai_exposure": x.ravel(),
            "upgrading": y.ravel(),
            "true_effect": effect.ravel(),
        }
    )


def false_u_rates(
    sizes=(372, 2000),
    n_reps: int = 200,
    noise: float = 0.5,
    x_max: float = 13.0,
    alpha: float = 0.05,
    seed: int = 20261205,
) -> pd.DataFrame:
    """How often a quadratic finds an inverted U that is not there (Simonsohn 2018): SIMULATED
    cross-sections with a concave, monotone truth ``y = ln(1 + x) + e``, ``x ~ U(0, x_max)``, ``e ~
    N(0, noise^2)``.

    For each sample size in ``sizes`` and each of ``n_reps`` samples, fit ``y = b0 + b1 x + b2 x^2``
    by OLS and record (i) whether the extreme point ``-b1 / (2 b2)`` lies inside the data, (ii)
    whether the Lind-Mehlum test (:func:`helpers.ushape.utest`) supports an inverted U at
    ``alpha``, and (iii) whether Simonsohn's two-lines test (:func:`helpers.ushape.two_lines`,
    HC3 errors) finds a positive slope below its breakpoint and a negative one above it, both
    significant at ``alpha`` (:func:`helpers.ushape.two_lines_reading`). The truth has no
    maximum, so (ii) and (iii) are false positives. Returns one row per sample size with the
    three shares and ``n_reps``. Seeded; no data about any place.

    Share (i) counts a maximum only (``b2 < 0``), strictly inside the sample's range of ``x``;
    the Lind-Mehlum test is run with ``shape="inverse U"`` over that range, with the residual
    degrees of freedom.

    Parameters
    ----------
    sizes
        Sample sizes, each a whole number of at least 10 (372 and 2,000 by default).
    n_reps
        Samples per size (``n_reps``), at least 1.
    noise
        The standard deviation of ``e``, positive.
    x_max
        The upper end of the uniform ``x``, positive.
    alpha
        The significance level of both tests, strictly between 0 and 1.
    seed
        The seed of ``numpy.random.default_rng``, a non-negative integer; one stream for all
        sizes, in order.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``observations`` (the sample size), with columns ``extreme inside the data``,
        ``Lind-Mehlum: inverted U`` and ``two lines: inverted U`` (shares of the samples, from 0
        to 1) and ``samples`` (``n_reps``).

    Raises
    ------
    helpers.errors.InputError
        If a size is under 10, ``n_reps`` under 1, ``noise`` or ``x_max`` not positive,
        ``alpha`` not in (0, 1), or ``seed`` negative.
    helpers.errors.InputTypeError
        If a size, ``n_reps`` or ``seed`` is not a whole number, or ``noise``, ``x_max`` or
        ``alpha`` not a number.
    """
    import statsmodels.api as sm

    from helpers.ushape.lindmehlum import utest
    from helpers.ushape.panel import two_lines_reading
    from helpers.ushape.twolines import two_lines

    sizes = [_checks.integer("sizes", n, minimum=10) for n in sizes]
    n_reps = _checks.integer("n_reps", n_reps, minimum=1)
    noise = _checks.number("noise", noise, minimum=0, strict=True)
    x_max = _checks.number("x_max", x_max, minimum=0, strict=True)
    alpha = _checks.probability("alpha", alpha)
    rng = np.random.default_rng(_checks.integer("seed", seed, minimum=0))
    rows = {}
    for n in sizes:
        inside = lind_mehlum = lines = 0
        for _ in range(n_reps):
            x = rng.uniform(0, x_max, n)
            y = np.log1p(x) + rng.normal(0, noise, n)
            design = pd.DataFrame({"x": x, "x2": x**2})
            fit = sm.OLS(y, sm.add_constant(design)).fit()
            b1, b2 = fit.params["x"], fit.params["x2"]
            inside += bool(b2 < 0 and x.min() < -b1 / (2 * b2) < x.max())
            test = utest(fit, "x", "x2", shape="inverse U")
            lind_mehlum += bool(test.pvalue < alpha)
            two = two_lines(pd.DataFrame({"y": y, "x": x}), "y", "x")
            lines += two_lines_reading(two, alpha) == "inverse U"
        rows[n] = {
            "extreme inside the data": inside / n_reps,
            "Lind-Mehlum: inverted U": lind_mehlum / n_reps,
            "two lines: inverted U": lines / n_reps,
            "samples": n_reps,
        }
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis(
        "observations"
    )
