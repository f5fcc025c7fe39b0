"""Comparisons around the panel VAR (chapter 4): the fixed-effects least-squares estimate that
Nickell (1981) showed to be biased and its half-panel jackknife correction, estimates against a
known truth, and the width of IRF bands."""

from __future__ import annotations

import numpy as np
import pandas as pd

# scipy.special rather than scipy.stats: the same functions (norm.sf is ndtr(-x), norm.ppf is
# ndtri, chi2.sf is chdtrc) without the half second scipy.stats takes to import in every kernel
from scipy import special

from helpers import _checks
from helpers.errors import InputError
from helpers.pvar.results import PanelVARResults


def within_ols(
    data: pd.DataFrame,
    dependent: list[str],
    entity: str,
    time: str,
    periods=None,
) -> pd.DataFrame:
    """Each equation of a VAR(1) by least squares with unit fixed effects (linearmodels
    ``PanelOLS``), the estimator whose own-lag coefficients are biased towards zero in short panels
    (Nickell 1981). Rows are equations, columns ``L1.<var>``. ``periods`` restricts the equations to
    those dates (the lags may come from before them).

    Each equation is ``y_it = sum_j a_j y_j,i,t-1 + f_i + e_it`` with ``y_j,i,t-1`` the value of
    the year before (missing across a gap, which drops the row), estimated by within OLS.

    Parameters
    ----------
    data : DataFrame
        A long panel with the columns ``entity``, ``time`` (whole numbers) and ``dependent``.
    dependent : list of str
        The variables of the VAR(1); a single name is accepted.
    entity : str
        The column naming the unit.
    time : str
        The column of the period.
    periods : iterable or None, default None
        The equation dates to keep; None for every date with a lag.

    Returns
    -------
    DataFrame
        Indexed by ``equation`` (the dependent variables), one column ``L1.<var>`` per lagged
        variable.

    Raises
    ------
    InputTypeError
        When ``dependent`` is not a name or a list of names.
    InputError
        When ``data`` lacks a column.
    """
    from linearmodels.panel import PanelOLS

    dependent = _checks.names("dependent", dependent)
    _checks.columns(data, [entity, time, *dependent], "data")
    lagged = data.set_index([entity, time]).sort_index()
    lag_names = [f"L1.{v}" for v in dependent]
    # the lag is the previous year's value, missing across a gap
    previous = lagged.groupby(level=entity)[dependent].shift(1)
    years = lagged.index.get_level_values(time).to_numpy()
    step = lagged.groupby(level=entity).cumcount().to_numpy() > 0
    prior = np.r_[np.nan, years[:-1]]
    previous[~(step & (years - prior == 1))] = np.nan
    lagged[lag_names] = previous.to_numpy()
    lagged = lagged.dropna(subset=[*dependent, *lag_names])
    if periods is not None:
        lagged = lagged[
            lagged.index.get_level_values(time).isin(list(periods))
        ]
    rows = {
        eq: PanelOLS(lagged[eq], lagged[lag_names], entity_effects=True)
        .fit()
        .params
        for eq in dependent
    }
    return pd.DataFrame(rows).T.rename_axis("equation")


def half_panel_jackknife(
    data: pd.DataFrame, dependent: list[str], entity: str, time: str
) -> pd.DataFrame:
    """The split-panel jackknife of the fixed-effects estimator of a VAR(1) (Dhaene & Jochmans
    2015): ``2 b - b_half``, with ``b`` the within estimate on all equation years and ``b_half``
    the mean of the estimates on the first and second half of them. With an odd number ``m`` of
    equation years, ``b_half`` averages the two ways of halving them (the first ``(m + 1) / 2``
    and the last ``(m - 1) / 2``, and the first ``(m - 1) / 2`` and the last ``(m + 1) / 2``), as
    Dhaene and Jochmans do. Nickell's bias is of order 1/T, so the half-panels' bias is about twice
    as large and the combination removes the 1/T term. The estimator needs no instruments, which
    suits panels with few units, but it has a larger variance than the within estimator, and it
    assumes the two halves share the same distribution: the same coefficients and stationary
    starting values. Rows are equations, columns ``L1.<var>``.

    In formulae, with ``b`` from :func:`within_ols` and ``b_1``, ``b_2`` on the two halves of
    the equation years, ``b_J = 2 b - (b_1 + b_2) / 2`` (Dhaene & Jochmans 2015, even
    number of equation years). The equation years are the panel's years but its first.

    Parameters
    ----------
    data : DataFrame
        A long panel with the columns ``entity``, ``time`` (whole numbers) and ``dependent``.
    dependent : list of str
        The variables of the VAR(1).
    entity : str
        The column naming the unit.
    time : str
        The column of the period.

    Returns
    -------
    DataFrame
        Indexed by ``equation``, one column ``L1.<var>`` per lagged variable: the corrected
        estimates.

    Raises
    ------
    InputError
        When the panel has fewer than five years, or ``data`` lacks a column.
    InputTypeError
        When ``dependent`` is not a name or a list of names.
    """
    within = within_ols(data, dependent, entity, time)
    years = np.sort(pd.unique(data[time]))[
        1:
    ]  # equation dates: the first has no lag
    m = len(years)
    if m < 4:
        raise InputError(
            "the half-panel jackknife needs at least 5 years (4 equation dates); the panel has "
            f"{m + 1}"
        )
    splits = {m // 2} if m % 2 == 0 else {m // 2, m // 2 + 1}
    halves = [
        (
            within_ols(data, dependent, entity, time, years[:k])
            + within_ols(data, dependent, entity, time, years[k:])
        )
        / 2
        for k in sorted(splits)
    ]
    return 2 * within - sum(halves) / len(halves)


def against_truth(
    results: PanelVARResults, truth: pd.DataFrame, level: float = 0.95
) -> pd.DataFrame:
    """The lag-1 coefficients beside the true ones (``truth``: rows equations, columns variables),
    with normal confidence intervals at ``level`` and whether each covers the truth.

    Parameters
    ----------
    results : PanelVARResults
        A fitted panel VAR (only its ``L1.`` coefficients are compared).
    truth : DataFrame
        The true ``A_1``: indexed by equation, one column per variable, covering the
        dependent variables (e.g. the ``coefs`` given to :func:`~helpers.pvar.pvar_panel`).
    level : float, default 0.95
        Coverage of the intervals, strictly between 0 and 1.

    Returns
    -------
    DataFrame
        Indexed by (``equation``, ``regressor``), with ``truth``, ``estimate``, ``s.e.``,
        ``lower``, ``upper`` (``estimate -/+ z s.e.``) and ``truth inside`` (bool).

    Raises
    ------
    InputError
        When ``level`` is not strictly between 0 and 1.
    """
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
    """Mean width (upper - lower) of the bands of ``response`` over horizons, per impulse.

    Parameters
    ----------
    bands : DataFrame
        :meth:`~helpers.pvar.PanelVARResults.irf_bands`: indexed by (impulse, response,
        horizon), with ``lower`` and ``upper``.
    response : str
        The responding variable.

    Returns
    -------
    Series
        The mean width over the horizons, indexed by ``impulse``.

    Raises
    ------
    InputError
        When ``bands`` lacks ``lower`` or ``upper``.
    """
    _checks.columns(bands, ["lower", "upper"], "bands")
    part = bands.xs(response, level="response")
    return (part["upper"] - part["lower"]).groupby(level="impulse").mean()


def rmse(table: pd.DataFrame) -> float:
    """Root mean squared error of ``estimate`` against ``truth`` in :func:`against_truth`'s
    table.

    Parameters
    ----------
    table : DataFrame
        :func:`against_truth`'s table, or any frame with ``estimate`` and ``truth``.

    Returns
    -------
    float
        ``sqrt(mean((estimate - truth)^2))`` over the rows.

    Examples
    --------
    >>> rmse(pd.DataFrame({"estimate": [0.5, 0.2], "truth": [0.4, 0.4]}))
    0.15811388300841897
    """
    return float(np.sqrt(((table["estimate"] - table["truth"]) ** 2).mean()))
