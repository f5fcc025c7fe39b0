"""Panel unit-root tests (chapter 5): Im, Pesaran & Shin's (2003) W-tbar test, and Pesaran's (2007)
CIPS test, which allows for a common factor (cross-sectional dependence).

A regional panel has few years per region, too few for one ADF test per region to have power, but
many regions. Both tests average the regions' Dickey-Fuller t statistics under the null that every
region's series has a unit root; the alternative is that some are stationary.

- **IPS** runs an ADF regression per unit and standardises the average t statistic with the
  moments IPS (2003, Table 3) tabulate by sample size and lag order. It assumes the units are
  independent; common shocks (a national business cycle) make it over-reject.
- **CIPS** adds the cross-section averages of the levels and differences to each unit's regression
  (the "cross-sectionally augmented" ADF, CADF), which absorbs one common factor, and averages the
  CADF t statistics. Its critical values do not depend on nuisance parameters; Pesaran (2007,
  Table II) tabulates them for N, T >= 10, and :func:`cips_critical_values` simulates them for the
  panel at hand.

The computations follow R plm (``purtest(test = "ips")``, ``cipstest(model = "cmg")``), against
whose published outputs the tests check them; the options keep plm's names and defaults.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import special

from helpers import _checks, _panel
from helpers._stats import TestStatistic
from helpers.data import load
from helpers.errors import InputError

#: Deterministic terms: plm's ``exo`` of purtest (cipstest's "drift" is "intercept").
EXO = ("none", "intercept", "trend")


@dataclass
class PanelUnitRootResult:
    """A panel unit-root test: the ``statistic`` (a :class:`helpers._stats.TestStatistic`) and the
    ``units`` table of each unit's regression (lags, observations, the coefficient on the lagged
    level ``rho`` and its t statistic ``trho``; for IPS also the tabulated ``mean`` and ``var``)."""

    statistic: TestStatistic
    units: pd.DataFrame
    exo: str
    lags: int | list[int]

    def __str__(self) -> str:
        return f"{self.statistic} ({len(self.units)} units, exo={self.exo!r})"


def _ols_t(y: np.ndarray, x: np.ndarray, column: int, dfcor: bool):
    """OLS of ``y`` on ``x``: the coefficient of ``column`` and its t statistic, with the error
    variance RSS / (n - k) (``dfcor``) or RSS / n."""
    beta, *_ = np.linalg.lstsq(x, y, rcond=None)
    resid = y - x @ beta
    n, k = x.shape
    if n <= k:
        raise InputError(
            f"a unit's regression has {n} observation(s) for {k} coefficients: use fewer lags or a "
            "longer panel"
        )
    sigma2 = resid @ resid / (n - k if dfcor else n)
    xtx_inv = np.linalg.pinv(x.T @ x)
    return beta[column], beta[column] / np.sqrt(
        sigma2 * xtx_inv[column, column]
    )


def _adf_design(series: np.ndarray, lags: int):
    """Rows of the ADF regression of one series: dy_t, y_{t-1} and dy_{t-1..t-lags}."""
    dy = np.diff(series)
    rows = range(lags, len(dy))
    target = np.array([dy[t] for t in rows])
    # y_{t-1} for dy_t = y_{t+1} - y_t
    level = np.array([series[t] for t in rows])
    lagged = np.array([[dy[t - j] for j in range(1, lags + 1)] for t in rows])
    return target, level, lagged.reshape(len(target), lags)


def _consecutive(table: pd.DataFrame, variable: str) -> dict:
    out = {}
    for unit, row in table.iterrows():
        observed = row.to_numpy()
        where = np.flatnonzero(~np.isnan(observed))
        if len(where) and np.any(np.isnan(observed[where[0] : where[-1] + 1])):
            raise InputError(
                f"{variable!r} has a gap in the years of unit {unit!r}: the ADF regressions need "
                "consecutive years"
            )
        out[unit] = (
            observed[where[0] : where[-1] + 1] if len(where) else observed[:0]
        )
    return out


def ips(
    data: pd.DataFrame,
    variable: str,
    entity: str,
    time: str,
    lags: int | list[int] = 2,
    exo: str = "intercept",
    dfcor: bool = False,
) -> PanelUnitRootResult:
    """Im, Pesaran & Shin's (2003) W-tbar test that every unit's ``variable`` has a unit root.

    Each unit's ADF regression ``dy_t = a (+ b t) + rho y_{t-1} + sum_{j<=p} g_j dy_{t-j}`` gives
    a t statistic ``t_i`` for ``rho``; with their average ``tbar`` and the null mean ``E_i`` and
    variance ``V_i`` of each (IPS 2003, Table 3, linearly interpolated in T = the regression's
    observations, as plm does),

    ``W = sqrt(N) (tbar - mean(E_i)) / sqrt(mean(V_i))``,

    standard normal under the null; the p-value is the lower tail. ``lags`` is one lag order or one
    per unit (0-8, the table's range). ``exo`` is ``"intercept"`` or ``"trend"`` (the table has no
    case without deterministic terms). ``dfcor=False`` (plm's default) estimates the error
    variance as RSS / n; ``dfcor=True`` uses RSS / (n - k), the t statistic IPS tabulated.
    Unbalanced panels are allowed; a unit's years must be consecutive.

    In each unit's regression the trend runs ``1..T_i`` over its ``T_i = (years) - 1 - p_i``
    observations. Outside the tabulated T the moments are those of the nearest tabulated T,
    except below a table whose first T exceeds 10 (5 lags and more), where the unit is refused.

    Parameters
    ----------
    data : DataFrame
        A long panel, one row per unit and year (rows where ``variable`` is missing are dropped).
    variable : str
        The column tested, numeric (e.g. a log level).
    entity : str
        The column naming the unit.
    time : str
        The column of the period, whole numbers (years).
    lags : int or list of int, default 2
        The ADF lag order ``p``: one for every unit, or one per unit in the order the units first
        appear in ``data``; each 0 to 8.
    exo : str, default "intercept"
        The deterministic terms: ``"intercept"`` or ``"trend"`` (intercept and trend).
    dfcor : bool, default False
        Estimate the error variance as RSS / (n - k) instead of RSS / n.

    Returns
    -------
    PanelUnitRootResult
        ``statistic``: W-tbar with its lower-tail normal p-value (``df`` None); ``units``:
        indexed by ``entity``, with ``lags``, ``obs``, ``rho``, ``trho``, ``mean`` and ``var``;
        ``exo``; ``lags`` as given.

    Raises
    ------
    InputTypeError
        When ``data`` is not a DataFrame, ``variable`` is not numeric, or a lag order not an
        integer.
    InputError
        For a missing column, periods that are not whole numbers, a repeated (unit, year), a gap
        in a unit's years, an unknown ``exo``, a list of lags of the wrong length, a lag order
        outside 0-8, a unit with no more observations than coefficients, or a unit the table has
        no moments for.

    Examples
    --------
    R plm: ``purtest(pG$inv, lags = 2, exo = "intercept", test = "ips")`` is
    ``ips(grunfeld, "inv", "firm", "year", lags=2)``.
    """
    _checks.option("exo", exo, ("intercept", "trend"))
    table = _panel.panel_table(data, variable, entity, time)
    series = _consecutive(table, variable)
    n_units = len(series)
    if isinstance(lags, (list, tuple, np.ndarray, pd.Series)):
        if len(lags) != n_units:
            raise InputError(
                f"lags has {len(lags)} orders but the panel has {n_units} units: give one lag "
                "order or one per unit"
            )
        orders = [
            _checks.integer("lags", int(p), minimum=0, maximum=8) for p in lags
        ]
    else:
        orders = [
            _checks.integer("lags", lags, minimum=0, maximum=8)
        ] * n_units
    rows = []
    for (unit, y), p in zip(series.items(), orders):
        target, level, lagged = _adf_design(y, p)
        columns = [level[:, None], lagged, np.ones((len(target), 1))]
        if exo == "trend":
            columns.append(np.arange(1, len(target) + 1)[:, None])
        rho, trho = _ols_t(target, np.hstack(columns), 0, dfcor)
        n_obs = len(target)
        mean, var = (
            _ips_moment(exo, kind, p, n_obs) for kind in ("mean", "var")
        )
        rows.append(
            {
                entity: unit,
                "lags": p,
                "obs": n_obs,
                "rho": rho,
                "trho": trho,
                "mean": mean,
                "var": var,
            }
        )
    units = pd.DataFrame(rows).set_index(entity)
    if units[["mean", "var"]].isna().any().any():
        short = units.index[units["mean"].isna()]
        raise InputError(
            "IPS (2003, Table 3) has no moments for the lag order and length of unit(s) "
            f"{_checks.labels(short)}: use fewer lags (the table starts at 20 observations for 5 "
            "lags and 25 for 6-8)"
        )
    stat = float(
        np.sqrt(n_units)
        * (units["trho"].mean() - units["mean"].mean())
        / np.sqrt(units["var"].mean())
    )
    statistic = TestStatistic(
        "IPS W-tbar",
        stat,
        None,
        float(special.ndtr(stat)),
        null="every unit's series has a unit root",
    )
    return PanelUnitRootResult(statistic, units, exo, lags)


def _ips_moment(exo: str, kind: str, lags: int, n_obs: int) -> float:
    """IPS (2003, Table 3; ``data/ips_moments``) at ``n_obs`` observations: linear interpolation
    between the tabulated T, the first or last column outside them (as plm)."""
    table = load("ips_moments")
    rows = table[(table["exo"] == exo) & (table["lags"] == lags)]
    if rows.empty or n_obs < rows["T"].min() and rows["T"].min() > 10:
        return np.nan
    return float(np.interp(n_obs, rows["T"], rows[kind]))


def _cadf_t(levels: np.ndarray, lags: int, exo: str) -> np.ndarray:
    """The CADF t statistics of every unit of a balanced (units x periods) array, or of a stack of
    such arrays (replications x units x periods): every unit's OLS at once."""
    dy = np.diff(levels, axis=-1)
    t_index = np.arange(lags, dy.shape[-1])
    target = dy[..., t_index]
    own = [levels[..., t_index]] + [
        dy[..., t_index - j] for j in range(1, lags + 1)
    ]
    # cross-section averages of the differenced target and of every regressor (plm's cmg model)
    averages = [a.mean(axis=-2, keepdims=True) for a in [target] + own]
    columns = own + [np.broadcast_to(a, target.shape) for a in averages]
    n_obs = len(t_index)
    if exo != "none":
        columns.append(np.ones(target.shape))
    if exo == "trend":
        columns.append(
            np.broadcast_to(np.arange(1.0, n_obs + 1), target.shape)
        )
    x = np.stack(columns, axis=-1)  # (..., units, n_obs, k)
    if n_obs <= x.shape[-1]:
        raise InputError(
            f"each unit's CADF regression has {n_obs} observations for {x.shape[-1]} coefficients: "
            "use fewer lags or a longer panel"
        )
    xtx = np.swapaxes(x, -1, -2) @ x
    inverse = np.linalg.inv(xtx)
    beta = inverse @ (np.swapaxes(x, -1, -2) @ target[..., None])
    resid = target - (x @ beta)[..., 0]
    sigma2 = (resid**2).sum(-1) / (n_obs - x.shape[-1])
    return beta[..., 0, 0] / np.sqrt(sigma2 * inverse[..., 0, 0])


def cips(
    data: pd.DataFrame,
    variable: str,
    entity: str,
    time: str,
    lags: int = 2,
    exo: str = "trend",
    truncated: bool = False,
) -> PanelUnitRootResult:
    """Pesaran's (2007) CIPS test: the average of the units' cross-sectionally augmented ADF t
    statistics, for a balanced panel.

    Each unit's regression is ``dy_it = a_i (+ b_i t) + rho_i y_i,t-1 + sum_{j<=p} g_ij dy_i,t-j``
    plus the cross-section averages (over units, per year) of ``dy_t``, ``y_{t-1}`` and
    ``dy_{t-j}``, which absorb one common factor. ``exo`` is ``"none"``, ``"intercept"`` (plm's
    ``"drift"``, Pesaran's case II) or ``"trend"`` (case III); ``truncated`` bounds each t
    statistic as Pesaran (2007, eq. 34) does. The statistic has no p-value formula: compare it with
    :func:`cips_critical_values` (reject the unit root when it is below the critical value).

    With ``t_i`` the t statistic of ``rho_i`` (error variance RSS / (T - k), the trend running
    ``1..T`` over the ``T = (years) - 1 - p`` observations used), ``CIPS = N^-1 sum_i t_i``
    (Pesaran 2007). The truncation clips each ``t_i`` to Pesaran's bounds: (-6.12, 4.16)
    without deterministic terms, (-6.19, 2.61) with an intercept, (-6.42, 1.70) with a trend.

    Parameters
    ----------
    data : DataFrame
        A long panel, one row per unit and year, balanced in ``variable`` (every unit observed in
        every year from the first to the last).
    variable : str
        The column tested, numeric.
    entity : str
        The column naming the unit.
    time : str
        The column of the period, whole numbers (years).
    lags : int, default 2
        The lag order ``p`` of every unit's regression, at least 0.
    exo : str, default "trend"
        ``"none"``, ``"intercept"`` (or its plm name ``"drift"``) or ``"trend"``.
    truncated : bool, default False
        Clip each unit's t statistic to Pesaran's bounds (the truncated CIPS*).

    Returns
    -------
    PanelUnitRootResult
        ``statistic``: CIPS (``pvalue`` None, its ``note`` pointing to
        :func:`cips_critical_values`); ``units``: indexed like the units of ``data`` (in the order
        they first appear), with ``lags``, ``obs`` and ``trho`` (after any truncation);
        ``exo`` (``"drift"`` given as ``"intercept"``); ``lags``.

    Raises
    ------
    InputTypeError
        When ``data`` is not a DataFrame, ``variable`` is not numeric, or ``lags`` not an
        integer.
    InputError
        For a missing column, periods that are not whole numbers, a repeated (unit, year), an
        unbalanced panel, fewer than two units, an unknown ``exo``, a negative ``lags``, or no
        more observations per unit than coefficients.

    Examples
    --------
    R plm: ``cipstest(Produc$gsp, lags = 2, type = "trend", model = "cmg")`` is
    ``cips(produc, "gsp", "state", "year", lags=2, exo="trend")``.
    """
    exo = "intercept" if exo == "drift" else exo
    _checks.option("exo", exo, EXO)
    lags = _checks.integer("lags", lags, minimum=0)
    table = _panel.panel_table(data, variable, entity, time)
    if table.isna().any().any():
        raise InputError(
            f"CIPS needs a balanced panel: {variable!r} is missing for unit(s) "
            f"{_checks.labels(table.index[table.isna().any(axis=1)])}"
        )
    if table.shape[0] < 2:
        raise InputError("CIPS needs at least two units")
    tstats = _cadf_t(table.to_numpy(dtype=float), lags, exo)
    if truncated:
        low, high = {
            "none": (-6.12, 4.16),
            "intercept": (-6.19, 2.61),
            "trend": (-6.42, 1.70),
        }[exo]
        tstats = np.clip(tstats, low, high)
    units = pd.DataFrame(
        {"lags": lags, "obs": table.shape[1] - 1 - lags, "trho": tstats},
        index=table.index,
    )
    statistic = TestStatistic(
        "CIPS",
        float(tstats.mean()),
        None,
        None,
        null="every unit's series has a unit root",
        note="compare with cips_critical_values(); CIPS has no p-value formula",
    )
    return PanelUnitRootResult(statistic, units, exo, lags)


def cips_critical_values(
    n_units: int,
    n_periods: int,
    lags: int = 0,
    exo: str = "trend",
    n_reps: int = 2000,
    seed: int = 0,
) -> pd.Series:
    """Critical values of CIPS at 1%, 5% and 10% for a panel of ``n_units`` x ``n_periods``, by
    simulating independent random walks (Pesaran 2007 simulated his Table II the same way, with
    ``lags=0``). A simulation with ``seed`` and ``n_reps`` replications: the values move by a few
    hundredths from one seed to another.

    Each replication draws ``n_units`` independent Gaussian random walks ``y_it = sum_{s<=t}
    e_is`` of ``n_periods`` values (``numpy.random.default_rng(seed)``, 100 replications at a
    time) and computes CIPS as :func:`cips` does, without truncation; the critical values are the
    empirical 1%, 5% and 10% quantiles (the test rejects in the lower tail).

    Parameters
    ----------
    n_units : int
        ``N``, at least 2.
    n_periods : int
        ``T``, the years per unit, at least ``lags + 5``.
    lags : int, default 0
        Lag order of the CADF regressions (use the one the test used).
    exo : str, default "trend"
        ``"none"``, ``"intercept"`` (or ``"drift"``) or ``"trend"``.
    n_reps : int, default 2000
        Replications, at least 20.
    seed : int, default 0
        Seed of the generator, at least 0.

    Returns
    -------
    Series
        The critical values indexed ``"1%"``, ``"5%"``, ``"10%"``, named ``"CIPS, N=<n_units>,
        T=<n_periods>, <exo>"``.

    Raises
    ------
    InputTypeError
        When an argument that must be an integer is not.
    InputError
        For ``n_units`` below 2, ``n_periods`` below ``lags + 5``, an unknown ``exo``, ``n_reps``
        below 20, a negative seed, or no more observations per unit than coefficients.

    Examples
    --------
    >>> cips_critical_values(10, 20, n_reps=100, seed=1).index.tolist()
    ['1%', '5%', '10%']
    """
    n_units = _checks.integer("n_units", n_units, minimum=2)
    n_periods = _checks.integer("n_periods", n_periods, minimum=lags + 5)
    exo = "intercept" if exo == "drift" else exo
    _checks.option("exo", exo, EXO)
    n_reps = _checks.integer("n_reps", n_reps, minimum=20)
    rng = np.random.default_rng(_checks.integer("seed", seed, minimum=0))
    stats = np.concatenate(
        [
            _cadf_t(
                np.cumsum(
                    rng.standard_normal((size, n_units, n_periods)), axis=-1
                ),
                lags,
                exo,
            ).mean(axis=-1)
            for size in np.diff(np.r_[0:n_reps:100, n_reps])  # 100 at a time
        ]
    )
    return pd.Series(
        np.quantile(stats, [0.01, 0.05, 0.10]),
        index=["1%", "5%", "10%"],
        name=f"CIPS, N={n_units}, T={n_periods}, {exo}",
    )
