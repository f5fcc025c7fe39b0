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

    With ``b`` the coefficients of lags ``1..lags`` of ``causing`` in the ``caused`` equation and
    ``V`` their block of the OLS covariance (statsmodels' ``cov_params``: ``(Z'Z)^-1`` times the
    degrees-of-freedom-adjusted residual covariance), the statistic is ``W = b' V^-1 b`` and its
    p-value the upper tail of chi-squared with ``lags`` degrees of freedom (Toda & Yamamoto 1995).

    Parameters
    ----------
    levels : DataFrame
        The series in levels (e.g. logs), one column each, at least two, finite, none constant.
    lags : int
        ``p``, the VAR's lag order chosen for the series (e.g. by :func:`var_report`), at least 1.
    d_max : int, default 1
        The largest order of integration suspected, 0 to 2: the extra, untested lags.
    trend : str, default "c"
        Deterministic terms: ``"n"``, ``"c"`` or ``"ct"``.

    Returns
    -------
    DataFrame
        Indexed by (``caused``, ``causing``), one row per ordered pair of distinct columns, with
        ``chi2``, ``df`` (= ``lags``) and ``pvalue``.

    Raises
    ------
    InputTypeError
        When ``levels`` is not a DataFrame or holds text, or ``lags`` or ``d_max`` is not an
        integer.
    InputError
        For fewer than two columns, a missing, infinite or constant column, ``lags`` below 1,
        ``d_max`` outside 0..2, an unknown ``trend``, or no more observations after the first
        ``lags + d_max`` than coefficients per equation.

    Examples
    --------
    >>> import numpy as np
    >>> import statsmodels.api as sm
    >>> m = sm.datasets.macrodata.load_pandas().data
    >>> table = toda_yamamoto(np.log(m[["realgdp", "realcons"]]), lags=2)
    >>> table.index.tolist(), table["df"].tolist()
    ([('realgdp', 'realcons'), ('realcons', 'realgdp')], [2, 2])
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
            f"levels has {len(values)} observations: a VAR with {lags} + {d_max} lags needs more "
            f"than {n_params} after the first {total}"
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
