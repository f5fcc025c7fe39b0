"""Comparisons around the panel VAR (chapter 4): the fixed-effects least-squares estimate that
Nickell (1981) showed to be biased, estimates against a known truth, and the width of IRF bands."""

from __future__ import annotations

import numpy as np
import pandas as pd

# scipy.special rather than scipy.stats: the same functions (norm.sf is ndtr(-x), norm.ppf is
# ndtri, chi2.sf is chdtrc) without the half second scipy.stats takes to import in every kernel
from scipy import special

from helpers import _checks
from helpers.pvar.results import PanelVARResults


def within_ols(
    data: pd.DataFrame, dependent: list[str], entity: str, time: str
) -> pd.DataFrame:
    """Each equation of a VAR(1) by least squares with unit fixed effects (linearmodels
    ``PanelOLS``), the estimator whose own-lag coefficients are biased towards zero in short panels
    (Nickell 1981). Rows are equations, columns ``L1.<var>``."""
    from linearmodels.panel import PanelOLS

    dependent = _checks.names("dependent", dependent)
    _checks.columns(data, [entity, time, *dependent], "data")
    lagged = data.set_index([entity, time]).sort_index()
    lag_names = [f"L1.{v}" for v in dependent]
    lagged[lag_names] = (
        lagged.groupby(level=entity)[dependent].shift(1).to_numpy()
    )
    lagged = lagged.dropna(subset=[*dependent, *lag_names])
    rows = {
        eq: PanelOLS(lagged[eq], lagged[lag_names], entity_effects=True)
        .fit()
        .params
        for eq in dependent
    }
    return pd.DataFrame(rows).T.rename_axis("equation")


def against_truth(
    results: PanelVARResults, truth: pd.DataFrame, level: float = 0.95
) -> pd.DataFrame:
    """The lag-1 coefficients beside the true ones (``truth``: rows equations, columns variables),
    with normal confidence intervals at ``level`` and whether each covers the truth."""
    level = _checks.probability("level", level)
    names = results.model.dependent
    lagged = [f"L1.{v}" for v in names]
    estimate = results.params[lagged].stack()
    se = results.std_errors[lagged].stack()
    true = truth.loc[names, names].set_axis(lagged, axis=1).stack()
    z = special.ndtri(0.5 + level / 2)
    table = pd.DataFrame(
        {
            "truth": true,
            "estimate": estimate,
            "s.e.": se,
            "lower": estimate - z * se,
            "upper": estimate + z * se,
        }
    )
    table["truth inside"] = (table["lower"] <= table["truth"]) & (
        table["truth"] <= table["upper"]
    )
    table.index.names = ["equation", "regressor"]
    return table


def mean_band_width(bands: pd.DataFrame, response: str) -> pd.Series:
    """Mean width (upper - lower) of the bands of ``response`` over horizons, per impulse."""
    _checks.columns(bands, ["lower", "upper"], "bands")
    part = bands.xs(response, level="response")
    return (part["upper"] - part["lower"]).groupby(level="impulse").mean()


def rmse(table: pd.DataFrame) -> float:
    """Root mean squared error of ``estimate`` against ``truth`` in :func:`against_truth`'s
    table."""
    return float(np.sqrt(((table["estimate"] - table["truth"]) ** 2).mean()))
