"""Granger causality when the integration order is uncertain: the Toda-Yamamoto (1995) test.

A Wald test of Granger causality in a VAR in levels of integrated or cointegrated series has a
non-standard distribution, and a VAR in differences is misspecified under cointegration. Toda and
Yamamoto's way round both: fit the VAR in levels with ``p + d_max`` lags, where ``p`` is the lag
order the data choose and ``d_max`` the largest order of integration suspected, and test only the
first ``p`` lags of the causing variable. The ``d_max`` extra lags are left unrestricted; they make
the Wald statistic chi-squared with ``p`` degrees of freedom whatever the integration and
cointegration of the series (at the cost of some power).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import special

from helpers import _checks
from helpers.errors import InputError


def toda_yamamoto(
    levels: pd.DataFrame, lags: int, d_max: int = 1, trend: str = "c"
) -> pd.DataFrame:
    """Toda-Yamamoto Granger-causality tests for every ordered pair of the columns of ``levels``.

    The VAR in levels has ``lags + d_max`` lags (statsmodels, deterministic terms ``trend``); for
    each ``caused`` equation and ``causing`` variable, the Wald statistic that the first ``lags``
    lags of ``causing`` are zero is chi-squared with ``lags`` degrees of freedom. With
    ``d_max=0`` this is the ordinary Wald test of Granger causality (statsmodels'
    ``test_causality(kind="wald")``). Returns one row per pair: ``chi2``, ``df``, ``pvalue``.
    """
    from statsmodels.tsa.api import VAR

    values = _checks.frame(levels, "levels", min_columns=2, nonconstant=True)
    lags = _checks.integer("lags", lags, minimum=1)
    d_max = _checks.integer("d_max", d_max, minimum=0, maximum=2)
    _checks.option("trend", trend, ("n", "c", "ct"))
    total = lags + d_max
    n_params = values.shape[1] * total + len(trend.replace("n", ""))
    if len(values) - total <= n_params:
        raise InputError(
            f"levels has {len(values)} observations: a VAR with {lags} + {d_max} lags needs "
            f"more than {n_params} after the first {total}"
        )
    results = VAR(values).fit(total, trend=trend)
    names = [str(c) for c in values.columns]
    cov = results.cov_params()
    rows = []
    for caused in names:
        for causing in names:
            if caused == causing:
                continue
            tested = [f"L{lag}.{causing}" for lag in range(1, lags + 1)]
            b = results.params.loc[tested, caused].to_numpy()
            keys = [(name, caused) for name in tested]
            v = cov.loc[keys, keys].to_numpy()
            chi2 = float(b @ np.linalg.solve(v, b))
            rows.append(
                {
                    "caused": caused,
                    "causing": causing,
                    "chi2": chi2,
                    "df": lags,
                    "pvalue": float(special.chdtrc(lags, chi2)),
                }
            )
    return pd.DataFrame(rows).set_index(["caused", "causing"])
