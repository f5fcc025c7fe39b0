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
    """The true effect f(x) of AI exposure on upgrading in :func:`ushape_panel`."""
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
