"""Panel-data tools shared by the panel VAR (chapter 4) and the panel unit-root tests (chapter 5):
a long panel as a units x periods table, and Pesaran's CD test of cross-sectional dependence."""

from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import special

from helpers import _checks
from helpers._stats import TestStatistic
from helpers.errors import InputError, InputTypeError


def panel_table(
    data: pd.DataFrame, variable: str, entity: str, time: str
) -> pd.DataFrame:
    """``data[variable]`` as a units x periods table (NaN where a unit has no observation), the
    units in the order they first appear.

    ``data`` is a long panel with one row per unit and period; the periods must be whole numbers
    (years), and each (unit, period) may appear once.
    """
    if not isinstance(data, pd.DataFrame):
        raise InputTypeError(
            f"data must be a DataFrame (a long panel); got {type(data).__name__}"
        )
    _checks.columns(data, [entity, time, variable])
    frame = data[[entity, time, variable]].dropna(subset=[variable])
    frame = frame.reset_index(drop=True)
    frame["value"] = _checks.series(
        frame[variable], f"data[{variable!r}]", min_length=1
    )
    times = pd.to_numeric(frame[time], errors="coerce")
    if times.isna().any() or not np.all(np.mod(times, 1) == 0):
        raise InputError(
            f"time column {time!r} must hold whole numbers such as years"
        )
    duplicated = frame.duplicated([entity, time], keep=False)
    if duplicated.any():
        raise InputError(
            f"data has {int(duplicated.sum())} rows with a repeated ({entity}, {time}) pair, e.g. "
            f"{_checks.labels(frame.loc[duplicated, entity].astype(str).unique())}: each unit may "
            "appear once per period"
        )
    table = frame.assign(**{time: times.astype(int)}).pivot(
        index=entity, columns=time, values="value"
    )
    # units in the order they first appear in data, periods without gaps
    return table.reindex(
        index=pd.unique(frame[entity]),
        columns=range(table.columns.min(), table.columns.max() + 1),
    )


def pesaran_cd(
    residuals: pd.DataFrame, weighted: bool = False, seed: int = 0
) -> TestStatistic:
    """Pesaran's (2004, 2021) CD test that a panel's units are uncorrelated with one another.

    ``residuals`` is a units x periods table (:func:`wide`), for instance a model's residuals. With
    ``rho_ij`` the correlation of units ``i`` and ``j`` over the ``T_ij`` periods both have,

    ``CD = sqrt(2 / (N (N - 1))) sum_{i<j} sqrt(T_ij) rho_ij``,

    standard normal when the units are independent; the p-value is two-sided. Pairs with fewer than
    three common periods are left out (as R plm's ``pcdtest`` does with fewer than two).

    The residuals of a model with unit or time effects are correlated by the estimation itself
    (demeaning by year makes every pair correlate at about -1/(N - 1)), and CD is then biased.
    ``weighted=True`` computes Juodis and Reese's (2022) randomly weighted CD: each unit's
    correlations are multiplied by an independent random sign ``w_i`` (``w_i w_j rho_ij``, drawn
    with ``seed``), which removes that bias at the cost of some power. A large CD
    says common shocks move the units together: estimators and tests that assume independent units
    (the panel VAR's standard errors, the IPS unit-root test) are then unreliable, and cross-section
    averages (CIPS) or year effects are needed.
    """
    values = np.asarray(residuals, dtype=float)
    if values.ndim != 2 or values.shape[0] < 2:
        raise InputError(
            "residuals must be a units x periods table with at least two units"
        )
    present = ~np.isnan(values)
    n_units = values.shape[0]
    signs = (
        np.random.default_rng(_checks.integer("seed", seed, minimum=0)).choice(
            [-1.0, 1.0], size=n_units
        )
        if weighted
        else np.ones(n_units)
    )
    total, pairs = 0.0, 0
    for i in range(n_units - 1):
        for j in range(i + 1, n_units):
            both = present[i] & present[j]
            t_ij = int(both.sum())
            if t_ij < 3:
                continue
            a, b = values[i, both], values[j, both]
            a, b = a - a.mean(), b - b.mean()
            scale = np.sqrt((a @ a) * (b @ b))
            if scale == 0:
                continue
            total += signs[i] * signs[j] * np.sqrt(t_ij) * (a @ b) / scale
            pairs += 1
    if pairs == 0:
        raise InputError(
            "no two units share three periods with variation: the CD test needs overlapping series"
        )
    cd = float(np.sqrt(2 / (n_units * (n_units - 1))) * total)
    return TestStatistic(
        "CD (randomly weighted)" if weighted else "Pesaran CD",
        cd,
        None,
        float(2 * special.ndtr(-abs(cd))),
        null="the units' errors are uncorrelated with one another",
    )
