"""A simulated cross-section of economies for chapter 6's method section, used when no online data
are available. The numbers are **simulated** and describe no economy.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers import _checks


def fdi_cross_section(
    n_economies: int = 150, seed: int = 20261122
) -> pd.DataFrame:
    """A SIMULATED cross-section of economies in which AI preparedness has no effect on FDI relative
    to GDP, yet correlates with FDI in levels, because both grow with income and size.

    log GDP per capita ~ N(9, 1.2) and log population ~ N(16, 1.5); AIPI = 0.2 + 0.6 * logistic(1.2
    (log GDP per capita - 9) + N(0, 0.4^2)), a function of income only; FDI = GDP * exp(-3.5 + N(0,
    0.8^2)), so FDI / GDP is independent of AIPI by construction. Columns ``economy`` (E001...),
    ``gdp_usd``, ``gdp_per_capita_usd``, ``aipi``, ``fdi_usd``. Seeded; not data about any economy.

    Parameters
    ----------
    n_economies
        How many economies to simulate, at least 10.
    seed
        Seed of ``numpy.random.default_rng``, a non-negative integer.

    Returns
    -------
    pandas.DataFrame
        ``n_economies`` rows on a default index: ``economy`` (E001, E002, ...), ``gdp_usd`` and
        ``gdp_per_capita_usd`` (US dollars), ``aipi`` (between 0.2 and 0.8) and ``fdi_usd`` (US
        dollars, positive).

    Raises
    ------
    helpers.errors.InputTypeError
        If ``n_economies`` or ``seed`` is not an integer.
    helpers.errors.InputError
        If ``n_economies`` is below 10 or ``seed`` is negative.
    """
    n_economies = _checks.integer("n_economies", n_economies, minimum=10)
    seed = _checks.integer("seed", seed, minimum=0)
    rng = np.random.default_rng(seed)
    log_income = rng.normal(9, 1.2, n_economies)
    log_population = rng.normal(16, 1.5, n_economies)
    gdp = np.exp(log_income + log_population)
    aipi = 0.2 + 0.6 / (
        1 + np.exp(-(1.2 * (log_income - 9) + rng.normal(0, 0.4, n_economies)))
    )
    fdi = gdp * np.exp(-3.5 + rng.normal(0, 0.8, n_economies))
    return pd.DataFrame(
        {
            "economy": [f"E{i + 1:03d}" for i in range(n_economies)],
            "gdp_usd": gdp,
            "gdp_per_capita_usd": np.exp(log_income),
            "aipi": aipi,
            "fdi_usd": fdi,
        }
    )
