"""Panel vector autoregressions estimated by GMM (面板向量自回归).

The model, for units ``i`` and periods ``t``, with ``M`` dependent variables stacked in ``y_it``:

.. math::

    y_{it} = \\sum_{l=1}^{p} A_l\\, y_{i,t-l} + B\\, w_{it} + C\\, x_{it} + \\mu_i + \\varepsilon_{it},

with predetermined variables ``w`` (correlated with past errors), strictly exogenous ``x``, fixed
effects ``mu_i`` and errors uncorrelated over time. The fixed effects are removed by first
differences (``"fd"``) or forward orthogonal deviations (``"fod"``, Arellano & Bover 1995: each
observation minus the mean of the unit's later observations, scaled by ``sqrt(n / (n + 1))`` for
``n`` later observations), and the transformed equations are estimated by GMM with lagged levels
as instruments (Arellano & Bond 1991; Holtz-Eakin, Newey & Rosen 1988; Love & Zicchino 2006).

The estimator follows R panelvar's ``pvargmm`` (Sigmund & Ferstl 2021) and Stata's ``xtabond2``
(Roodman 2009), against whose published results the tests check it:

- each column is transformed on its own: a lag column ``L1.y`` gets its own forward mean under
  FOD, so the last period is lost; with gaps, FD is missing across a gap and FOD uses the later
  observations that exist;
- "GMM-style" instruments: levels of each dependent variable at lags ``instrument_lags`` and of
  each predetermined variable at lags ``predetermined_lags``, one column per period and lag
  (block-diagonal by period) or one per lag (``collapse=True``); missing values are set to zero
  and all-zero columns dropped; strictly exogenous variables are one IV-style column each;
- system GMM (Blundell & Bond 1998) adds the level equations with a constant, instrumented by the
  difference of each GMM-style variable at its first lag minus one, and stacks the exogenous
  variables in one column (transformed in the transformed rows, in levels in the level rows);
- one-step weights ``W1 = (sum_i Z_i' H_i Z_i)^-1`` with ``H_i`` the covariance of the stacked
  transformed (and level) errors under i.i.d. errors (``xtabond2``'s default ``h(3)``); a
  cluster-robust one-step covariance; two-step weights from the one-step moment contributions of
  all equations jointly, ``W2 = (sum_i g_i g_i')^-1`` with ``g_i = vec(Z_i' U_i)``, and the
  Windmeijer (2005) corrected covariance; Hansen's J with the two-step weights.

Weight matrices are inverted in a scale-invariant way: instrument columns are scaled to unit
root-mean-square first (which leaves the estimates unchanged whenever the moment covariance has
full rank) and a pseudo-inverse with a tolerance relative to the largest eigenvalue is used. R
panelvar instead switches to ``MASS::ginv`` when the smallest eigenvalue of the moment covariance
is below an absolute 1e-9, so its two-step estimates can change with the units of the data;
``inverse="panelvar"`` mimics that rule.

No maintained Python package implements this estimator to the reference implementations'
precision, so it is written here.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Sequence

import numpy as np
import pandas as pd
from scipy import stats

TRANSFORMS = ("fod", "fd")
STEPS = ("onestep", "twostep")
INVERSES = ("scaled", "panelvar")


class InstrumentWarning(UserWarning):
    """More moment conditions than the units can support: two-step weights and J are unreliable."""


# -- validation and the balanced grid --------------------------------------------------------------


def _names(value, argument: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    names = list(value)
    if not all(isinstance(name, str) for name in names):
        raise TypeError(f"{argument} must be a column name or a list of column names, got {value!r}")
    return names


def _lag_range(value, argument: str) -> tuple[int, int | None]:
    try:
        first, last = value
    except (TypeError, ValueError):
        raise TypeError(f"{argument} must be a pair (first, last) of lags, last may be None; got {value!r}") from None
    if not isinstance(first, (int, np.integer)) or first < 0:
        raise ValueError(f"{argument}: the first lag must be a non-negative integer, got {first!r}")
    if last is not None and (not isinstance(last, (int, np.integer)) or last < first):
        raise ValueError(f"{argument}: the last lag must be None or an integer >= {first}, got {last!r}")
    return int(first), None if last is None else int(last)


@dataclass
class _Grid:
    """Every variable on a balanced (units x periods) grid; missing unit-periods are NaN."""

    entities: pd.Index
    periods: np.ndarray
    values: dict[str, np.ndarray]


def _grid(data: pd.DataFrame, columns: list[str], entity: str | None, time: str | None) -> _Grid:
    if not isinstance(data, pd.DataFrame):
        raise TypeError(f"data must be a pandas DataFrame, got {type(data).__name__}")
    if entity is None and time is None:
        if not isinstance(data.index, pd.MultiIndex) or data.index.nlevels != 2:
            raise ValueError("give entity= and time= column names, or pass data indexed by (entity, time)")
        frame = data.reset_index()
        entity, time = frame.columns[0], frame.columns[1]
    elif entity is None or time is None:
        raise ValueError("give both entity= and time= (or neither, with data indexed by (entity, time))")
    else:
        frame = data
    missing = [c for c in [entity, time, *columns] if c not in frame.columns]
    if missing:
        raise ValueError(f"unknown column(s) {missing}; data has columns {list(frame.columns)}")
    non_numeric = [c for c in columns if not pd.api.types.is_numeric_dtype(frame[c]) or pd.api.types.is_bool_dtype(frame[c])]
    if non_numeric:
        raise TypeError(f"column(s) {non_numeric} are not numeric")
    times = frame[time]
    if not pd.api.types.is_numeric_dtype(times) or times.isna().any() or not np.all(np.mod(times, 1) == 0):
        raise TypeError(f"time column {time!r} must hold whole numbers such as years (gaps are allowed)")
    if frame[entity].isna().any():
        raise ValueError(f"entity column {entity!r} has missing values")
    keys = frame[[entity, time]]
    duplicated = keys.duplicated(keep=False)
    if duplicated.any():
        pairs = sorted({(str(e), int(t)) for e, t in keys[duplicated].itertuples(index=False)})
        raise ValueError(f"duplicate (entity, time) keys, e.g. {pairs[:5]}: each unit may appear once per period")
    for column in columns:
        if np.isinf(frame[column].to_numpy(dtype=float)).any():
            raise ValueError(f"column {column!r} has infinite values")
    entities = pd.Index(pd.unique(frame[entity]), name=entity)
    t = times.astype(int).to_numpy()
    periods = np.arange(t.min(), t.max() + 1)
    row = entities.get_indexer(frame[entity])
    col = t - periods[0]
    values = {}
    for column in columns:
        array = np.full((len(entities), len(periods)), np.nan)
        array[row, col] = frame[column].to_numpy(dtype=float)
        values[column] = array
    return _Grid(entities, periods, values)


# -- transforms ------------------------------------------------------------------------------------


def _lag(array: np.ndarray, lag: int) -> np.ndarray:
    """Shift along time: ``out[:, t] = array[:, t - lag]`` (NaN before the start)."""
    if lag == 0:
        return array
    out = np.full_like(array, np.nan)
    if lag < array.shape[1]:
        out[:, lag:] = array[:, :-lag]
    return out


def _first_difference(array: np.ndarray) -> np.ndarray:
    return array - _lag(array, 1)


def _forward_counts(array: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Number and sum of the observed values strictly after each period."""
    observed = ~np.isnan(array)
    filled = np.where(observed, array, 0.0)
    # Reverse cumulative sums, then shift by one so that period t counts only s > t.
    count = np.cumsum(observed[:, ::-1], axis=1)[:, ::-1] - observed
    total = np.cumsum(filled[:, ::-1], axis=1)[:, ::-1] - filled
    return count, total


def forward_orthogonal_deviations(array: np.ndarray) -> np.ndarray:
    """Helmert transform of each row (unit) of a (units x periods) array.

    ``x*_t = sqrt(n_t / (n_t + 1)) (x_t - mean of the n_t observed values after t)``; NaN where
    ``x_t`` is missing or nothing is observed later (Arellano & Bover 1995, eq. 13).
    """
    count, total = _forward_counts(array)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.sqrt(count / (count + 1.0)) * (array - total / count)
    out[(count == 0) | np.isnan(array)] = np.nan
    return out


def _transform(array: np.ndarray, transform: str) -> np.ndarray:
    return forward_orthogonal_deviations(array) if transform == "fod" else _first_difference(array)


# -- the generic linear GMM on per-unit moment blocks ----------------------------------------------


def _pinv_psd(matrix: np.ndarray) -> np.ndarray:
    """Pseudo-inverse of a symmetric positive semi-definite matrix, tolerance relative to its scale."""
    values, vectors = np.linalg.eigh((matrix + matrix.T) / 2)
    keep = values > values.max() * matrix.shape[0] * np.finfo(float).eps
    return (vectors[:, keep] / values[keep]) @ vectors[:, keep].T


def _panelvar_inverse(matrix: np.ndarray) -> np.ndarray:
    """R panelvar's rule: ``solve`` unless the smallest eigenvalue is below 1e-9, then ``MASS::ginv``."""
    matrix = (matrix + matrix.T) / 2
    if np.linalg.eigvalsh(matrix).min() < 1e-9:
        u, s, vt = np.linalg.svd(matrix)
        keep = s > max(np.sqrt(np.finfo(float).eps) * s[0], 0)
        return (vt[keep].T / s[keep]) @ u[:, keep].T
    return np.linalg.inv(matrix)


@dataclass
class _Moments:
    """Per-unit sums that the GMM needs: ``Z_i'X_i``, ``Z_i'Y_i`` and a factor of ``Z_i'H_iZ_i``."""

    zx: np.ndarray  # (N, L, K)
    zy: np.ndarray  # (N, L, M)
    zhz: np.ndarray  # (N, L, L)
    xx: np.ndarray  # (N, K, K), transformed rows only
    xy: np.ndarray  # (N, K, M)
    yy: np.ndarray  # (N, M, M)
    n_rows: np.ndarray  # (N,) transformed rows per unit

    def take(self, units: np.ndarray) -> "_Moments":
        return _Moments(*(getattr(self, f)[units] for f in ("zx", "zy", "zhz", "xx", "xy", "yy", "n_rows")))

    def residual_cov(self, beta: np.ndarray, first_differences: bool) -> np.ndarray:
        """Covariance of the errors from the transformed-equation residuals.

        ``U'U / n`` over the transformed rows; with first differences it is halved, because
        ``Var(e_t - e_{t-1}) = 2 Var(e_t)`` for errors uncorrelated over time.
        """
        xx, xy, yy = self.xx.sum(0), self.xy.sum(0), self.yy.sum(0)
        uu = yy - beta.T @ xy - xy.T @ beta + beta.T @ xx @ beta
        return uu / self.n_rows.sum() / (2.0 if first_differences else 1.0)


@dataclass
class _GMMFit:
    params: np.ndarray  # (K, M)
    cov: np.ndarray  # (K M, K M), parameters stacked equation by equation
    j_stat: float
    n_moments: int
    rank: int
    onestep_params: np.ndarray


def _gmm(moments: _Moments, steps: str, inverse: str) -> _GMMFit:
    zx, zy = moments.zx.sum(0), moments.zy.sum(0)
    n_units, n_inst, n_reg = moments.zx.shape
    n_eq = zy.shape[1]
    invert = _pinv_psd if inverse == "scaled" else _panelvar_inverse

    w1 = invert(moments.zhz.sum(0))
    a1 = np.linalg.inv(zx.T @ w1 @ zx)
    p1 = a1 @ zx.T @ w1  # (K, L): beta = P1 Z'Y
    beta1 = p1 @ zy
    # One-step moment contributions g_i = vec(Z_i'Y_i - Z_i'X_i beta), stacked equation by equation.
    u1 = moments.zy - moments.zx @ beta1  # (N, L, M)
    g1 = u1.transpose(0, 2, 1).reshape(n_units, n_eq * n_inst)
    h1 = np.einsum("kl,nlm->nmk", p1, u1).reshape(n_units, n_eq * n_reg)
    var1 = h1.T @ h1
    if steps == "onestep":
        g = g1.sum(0)
        omega = g1.T @ g1
        j = float(g @ _pinv_psd(omega) @ g) if inverse == "scaled" else float(g @ invert(omega) @ g)
        return _GMMFit(beta1, var1, j, n_inst * n_eq, int(np.linalg.matrix_rank(g1)), beta1)

    # Two-step weights W2 = (G1'G1)^+ through the thin SVD of G1: fast even with many moments.
    if inverse == "scaled":
        u, s, vt = np.linalg.svd(g1, full_matrices=False)
        keep = s > s[0] * max(g1.shape) * np.finfo(float).eps
        factor = vt[keep].T / s[keep]  # W2 = factor factor'
    else:
        w2 = invert(g1.T @ g1)
        values, vectors = np.linalg.eigh((w2 + w2.T) / 2)
        values = np.clip(values, 0, None)
        factor = vectors * np.sqrt(values)
    rank = factor.shape[1] if inverse == "scaled" else int(np.linalg.matrix_rank(g1))
    blocks = factor.reshape(n_eq, n_inst, -1)  # rows of the factor for each equation's moments
    b = np.concatenate([blocks[m].T @ zx for m in range(n_eq)], axis=1)  # (r, K M) = F' (I (x) Z'X)
    c = np.einsum("mlr,lm->r", blocks, zy)  # F' vec(Z'Y)
    a2 = np.linalg.inv(b.T @ b)
    theta2 = a2 @ b.T @ c
    beta2 = theta2.reshape(n_eq, n_reg).T
    u2 = zy - zx @ beta2
    g2 = u2.T.reshape(-1)
    fg2 = factor.T @ g2
    j = float(fg2 @ fg2)

    # Windmeijer (2005): derivative of the two-step estimate with respect to the one-step one.
    w_g2 = (factor @ fg2).reshape(n_eq, n_inst).T  # W2 g2 as (L, M)
    s_i = g1 @ w_g2.T.reshape(-1)  # g1_i' W2 g2, one per unit
    term1 = np.einsum("n,nlk->lk", s_i, moments.zx)  # sum_i s_i Z_i'X_i
    t_i = np.einsum("nlk,lm->nmk", moments.zx, w_g2).reshape(n_units, n_eq * n_reg)
    q = g1.T @ t_i  # (L M, K M)
    for m in range(n_eq):
        q[m * n_inst:(m + 1) * n_inst, m * n_reg:(m + 1) * n_reg] += term1
    d = a2 @ b.T @ (factor.T @ q)
    cov = a2 + d @ a2 + a2 @ d.T + d @ var1 @ d.T
    return _GMMFit(beta2, cov, j, n_inst * n_eq, rank, beta1)


# -- the model -------------------------------------------------------------------------------------


@dataclass
class _Design:
    """The stacked rows of the estimation sample, and the per-unit moment blocks."""

    moments: _Moments
    rows: pd.DataFrame  # entity position, period, equation kind ("transformed"/"level") per row
    x: np.ndarray
    y: np.ndarray
    instruments: list[str]
    regressors: list[str]


class PanelVAR:
    """A panel VAR (or a single dynamic panel equation) estimated by difference or system GMM.

    Parameters
    ----------
    data : DataFrame
        Long panel: one row per unit and period, with ``entity`` and ``time`` columns, or indexed by
        (entity, time). Unbalanced panels and gaps are allowed; time must be whole numbers.
    dependent : str or list of str
        The endogenous variables; each gets an equation and ``lags`` lags on the right-hand side.
    lags : int
        Lag order ``p``.
    entity, time : str
        Column names of the unit and period identifiers.
    transform : {"fod", "fd"}
        Forward orthogonal deviations or first differences, to remove the fixed effects.
    predetermined, exog : list of str
        Predetermined variables (instrumented GMM-style from ``predetermined_lags``) and strictly
        exogenous ones (their own IV-style instruments). Both enter every equation at time ``t``.
    instrument_lags : (int, int or None)
        First and last lag of the dependent variables' levels used as instruments (None: all).
    predetermined_lags : (int, int or None)
        The same for the predetermined variables (default: from lag 1).
    collapse : bool
        One instrument column per lag instead of one per lag and period (Roodman 2009b).
    system : bool
        Add the level equations with a constant (system GMM, Blundell & Bond 1998).
    steps : {"twostep", "onestep"}
    inverse : {"scaled", "panelvar"}
        How weight matrices are inverted (see the module docstring).
    sample : DataFrame, optional
        (entity, time) pairs to which the estimation rows are restricted, e.g. to compare lag orders
        on a common sample (:meth:`select_order` uses it).
    """

    def __init__(
        self,
        data: pd.DataFrame,
        dependent: str | Sequence[str],
        lags: int = 1,
        entity: str | None = None,
        time: str | None = None,
        transform: str = "fod",
        predetermined: str | Sequence[str] | None = None,
        exog: str | Sequence[str] | None = None,
        instrument_lags: tuple[int, int | None] = (2, None),
        predetermined_lags: tuple[int, int | None] = (1, None),
        collapse: bool = False,
        system: bool = False,
        steps: str = "twostep",
        inverse: str = "scaled",
        sample: pd.DataFrame | None = None,
    ) -> None:
        self.dependent = _names(dependent, "dependent")
        self.predetermined = _names(predetermined, "predetermined")
        self.exog = _names(exog, "exog")
        if not self.dependent:
            raise ValueError("dependent must name at least one column")
        every = self.dependent + self.predetermined + self.exog
        if len(set(every)) < len(every):
            raise ValueError(f"a column appears twice among dependent, predetermined and exog: {every}")
        if not isinstance(lags, (int, np.integer)) or isinstance(lags, bool) or lags < 1:
            raise ValueError(f"lags must be a positive integer, got {lags!r}")
        for name, value, allowed in (("transform", transform, TRANSFORMS), ("steps", steps, STEPS), ("inverse", inverse, INVERSES)):
            if value not in allowed:
                raise ValueError(f"{name} must be one of {allowed}, got {value!r}")
        self.lags = int(lags)
        self.transform, self.steps, self.inverse = transform, steps, inverse
        self.instrument_lags = _lag_range(instrument_lags, "instrument_lags")
        self.predetermined_lags = _lag_range(predetermined_lags, "predetermined_lags")
        if self.instrument_lags[0] < 1:
            raise ValueError("instrument_lags must start at lag 1 or later: current levels of the dependent variables are endogenous")
        self.collapse, self.system = bool(collapse), bool(system)
        self.entity, self.time = entity, time
        self._grid = _grid(data, every, entity, time)
        self._check_variation()
        self._sample = sample
        self.design = self._build()

    # The column names of params, in the documented order.
    @property
    def regressors(self) -> list[str]:
        lagged = [f"L{l}.{v}" for l in range(1, self.lags + 1) for v in self.dependent]
        return lagged + self.predetermined + self.exog + (["const"] if self.system else [])

    def _check_variation(self) -> None:
        for name in self.dependent + self.predetermined:
            array = self._grid.values[name]
            with np.errstate(invalid="ignore"):
                spread = np.nanmax(array, axis=1) - np.nanmin(array, axis=1)
            if not np.any(spread > 0):
                raise ValueError(
                    f"{name!r} is constant within every unit: the fixed effects absorb it and it cannot be "
                    "estimated or used as an instrument"
                )

    def _build(self) -> _Design:
        grid, p = self._grid, self.lags
        v = grid.values
        n_units, n_periods = len(grid.entities), len(grid.periods)
        lagged = [(_lag(v[name], l)) for l in range(1, p + 1) for name in self.dependent]
        current = [v[name] for name in self.predetermined + self.exog]
        levels_x = lagged + current
        levels_y = [v[name] for name in self.dependent]
        trans_x = [_transform(a, self.transform) for a in levels_x]
        trans_y = [_transform(a, self.transform) for a in levels_y]

        def complete(arrays):
            ok = np.ones((n_units, n_periods), bool)
            for a in arrays:
                ok &= ~np.isnan(a)
            return ok

        in_trans = complete(trans_x + trans_y)
        in_level = complete(levels_x + levels_y) if self.system else np.zeros_like(in_trans)
        if self._sample is not None:
            allowed = np.zeros_like(in_trans)
            s = self._sample
            r = grid.entities.get_indexer(s.iloc[:, 0])
            c = s.iloc[:, 1].astype(int).to_numpy() - grid.periods[0]
            good = (r >= 0) & (c >= 0) & (c < n_periods)
            allowed[r[good], c[good]] = True
            in_trans &= allowed
            in_level &= allowed
        if not in_trans.any():
            raise ValueError(
                f"no observations are left after taking {p} lag(s) and the {self.transform.upper()} transform: "
                f"the panel has {n_periods} period(s) and a unit needs at least {p + 2} consecutive ones"
            )

        # Rows: per unit, transformed rows in time order, then level rows.
        unit_t, per_t = np.nonzero(in_trans)
        unit_l, per_l = np.nonzero(in_level)
        kind = np.r_[np.zeros(len(unit_t), int), np.ones(len(unit_l), int)]
        unit = np.r_[unit_t, unit_l]
        period = np.r_[per_t, per_l]
        order = np.lexsort((period, kind, unit))
        unit, period, kind = unit[order], period[order], kind[order]
        level = kind == 1

        def pick(trans, lev):
            out = np.where(level, 0.0, 0.0)
            out[~level] = trans[unit[~level], period[~level]]
            out[level] = lev[unit[level], period[level]]
            return out

        x = np.column_stack([pick(t, l) for t, l in zip(trans_x, levels_x)])
        if self.system:
            x = np.column_stack([x, level.astype(float)])
        y = np.column_stack([pick(t, l) for t, l in zip(trans_y, levels_y)])

        z, names = self._instruments(unit, period, level)
        # Scale-invariant weights: instrument columns at unit root-mean-square (see module docstring).
        if self.inverse == "scaled":
            z = z / np.sqrt((z ** 2).mean(axis=0))
        h_factor = self._error_factor(unit, period, level, trans_y)

        n_inst = z.shape[1]
        zx = np.zeros((n_units, n_inst, x.shape[1]))
        zy = np.zeros((n_units, n_inst, y.shape[1]))
        np.add.at(zx, unit, z[:, :, None] * x[:, None, :])
        np.add.at(zy, unit, z[:, :, None] * y[:, None, :])
        zhz = np.zeros((n_units, n_inst, n_inst))
        for i in np.unique(unit):
            rows = unit == i
            f = h_factor[rows].T @ z[rows]  # R_i' Z_i, so that Z_i' H_i Z_i = f' f
            zhz[i] = f.T @ f
        keep = np.unique(unit)  # units with at least one row
        # Cross-products of the transformed rows, per unit: the residual covariance for any params.
        t_rows = ~level
        xx = np.zeros((n_units, x.shape[1], x.shape[1]))
        xy = np.zeros((n_units, x.shape[1], y.shape[1]))
        yy = np.zeros((n_units, y.shape[1], y.shape[1]))
        np.add.at(xx, unit[t_rows], x[t_rows, :, None] * x[t_rows, None, :])
        np.add.at(xy, unit[t_rows], x[t_rows, :, None] * y[t_rows, None, :])
        np.add.at(yy, unit[t_rows], y[t_rows, :, None] * y[t_rows, None, :])
        counts = np.bincount(unit[t_rows], minlength=n_units).astype(float)
        moments = _Moments(zx[keep], zy[keep], zhz[keep], xx[keep], xy[keep], yy[keep], counts[keep])
        rows_frame = pd.DataFrame(
            {
                "entity": grid.entities[unit],
                "time": grid.periods[period],
                "equation": np.where(level, "level", "transformed"),
            }
        )
        n_params = x.shape[1]
        if n_inst < n_params:
            raise ValueError(
                f"the model has {n_params} regressors per equation but only {n_inst} instruments: too few periods "
                f"for {p} lag(s) with instrument_lags={self.instrument_lags}; use fewer lags or more instrument lags"
            )
        return _Design(moments, rows_frame, x, y, names, self.regressors)

    def _gmm_style(self):
        """(name, first lag, last lag) of each GMM-style instrument variable."""
        out = [(name, *self.instrument_lags) for name in self.dependent]
        out += [(name, *self.predetermined_lags) for name in self.predetermined]
        return out

    def _instruments(self, unit, period, level):
        grid = self._grid
        n_periods = len(grid.periods)
        columns, names = [], []

        def gmm_style(array, rows, label):
            """One column per period of ``rows`` (block-diagonal), or one in all (collapsed)."""
            source = np.where(rows, np.nan_to_num(array)[unit, period], 0.0)
            if self.collapse:
                columns.append(source)
                names.append(label)
                return
            for t in np.unique(period[rows]):
                columns.append(np.where(period == t, source, 0.0))
                names.append(f"{label} t={grid.periods[t]}")

        for name, first, last in self._gmm_style():
            values = grid.values[name]
            last = n_periods if last is None else last
            for lag in range(first, last + 1):
                gmm_style(_lag(values, lag), ~level, f"{name} L{lag}")
            if self.system:
                # Level equations: the difference at the first lag minus one (the others are redundant).
                gmm_style(_lag(_first_difference(values), first - 1), level, f"D.{name} L{first - 1} (level)")
        for name in self.exog:
            trans = _transform(grid.values[name], self.transform)
            lev = grid.values[name]
            columns.append(np.where(level, lev[unit, period], np.nan_to_num(trans[unit, period])))
            names.append(f"{name} (iv)")
        if self.system:
            columns.append(level.astype(float))
            names.append("const (level)")
        z = np.column_stack(columns)
        nonzero = np.any(z != 0, axis=0)
        return z[:, nonzero], [n for n, k in zip(names, nonzero) if k]

    def _error_factor(self, unit, period, level, trans_y):
        """Rows R_i such that the stacked errors are R_i eps_i, so H_i = R_i R_i' (xtabond2's h(3))."""
        n_periods = len(self._grid.periods)
        factor = np.zeros((len(unit), n_periods))
        observed = np.ones((len(self._grid.entities), n_periods), bool)
        for name in self.dependent:
            observed &= ~np.isnan(self._grid.values[name])
        for r, (i, t, lev) in enumerate(zip(unit, period, level)):
            if lev:
                factor[r, t] = 1.0
            elif self.transform == "fd":
                factor[r, t], factor[r, t - 1] = 1.0, -1.0
            else:
                later = np.nonzero(observed[i, t + 1:])[0] + t + 1
                c = np.sqrt(len(later) / (len(later) + 1.0))
                factor[r, t] = c
                factor[r, later] = -c / len(later)
        return factor

    # -- estimation --------------------------------------------------------------------------------

    def fit(self) -> "PanelVARResults":
        """Estimate the model (one- or two-step GMM) and return a :class:`PanelVARResults`."""
        fit = _gmm(self.design.moments, self.steps, self.inverse)
        if fit.rank < fit.n_moments:
            n_units = self.design.moments.zx.shape[0]
            counts = (f"{fit.n_moments} moment conditions ({len(self.design.instruments)} instruments x "
                      f"{len(self.dependent)} equations) but rank {fit.rank} from {n_units} units")
            if self.steps == "twostep":
                message = (f"the two-step weight matrix is singular: {counts}. Two-step estimates, their standard "
                           "errors and Hansen's J are unreliable; use fewer instruments (collapse=True, "
                           "instrument_lags with a last lag) or steps='onestep'")
            else:
                message = (f"the moment covariance behind Hansen's J is singular: {counts}. J (and the MMSC built "
                           "on it) cannot test anything; the one-step estimates and their robust standard errors "
                           "are not affected")
            warnings.warn(message, InstrumentWarning, stacklevel=2)
        return PanelVARResults(self, fit)

    @property
    def nobs(self) -> int:
        """Observations of the transformed equations (what ``xtabond2`` reports for difference GMM)."""
        return int((self.design.rows["equation"] == "transformed").sum())

    def select_order(self, max_lags: int) -> pd.DataFrame:
        """Compare lag orders 1..max_lags on a common sample by Hansen's J and Andrews-Lu MMSC.

        Every model is estimated on the (entity, time) rows of the ``max_lags`` model, so the
        criteria compare like with like (Andrews & Lu 2001; Abrigo & Love 2016). The lag order with
        the smallest criterion is preferred; the ``selected`` row says which order each picks.
        """
        if not isinstance(max_lags, (int, np.integer)) or max_lags < 1:
            raise ValueError(f"max_lags must be a positive integer, got {max_lags!r}")
        settings = self._settings()
        largest = PanelVAR(**{**settings, "lags": int(max_lags), "sample": self._sample})
        rows = largest.design.rows
        common = rows.loc[rows["equation"] == "transformed", ["entity", "time"]]
        table = {}
        for p in range(1, int(max_lags) + 1):
            result = PanelVAR(**{**settings, "lags": p, "sample": common}).fit()
            table[p] = {"J": result.j_stat["stat"], "J df": result.j_stat["df"], "J p-value": result.j_stat["pvalue"],
                        **result.mmsc.to_dict(), "nobs": result.nobs, "moment rank": result.moment_rank}
        out = pd.DataFrame(table).T
        out.index.name = "lags"
        out["J df"] = out["J df"].astype(int)
        out[["nobs", "moment rank"]] = out[["nobs", "moment rank"]].astype(int)
        return out

    def _settings(self) -> dict:
        grid = self._grid
        frame = pd.DataFrame({"entity": np.repeat(grid.entities, len(grid.periods)), "time": np.tile(grid.periods, len(grid.entities))})
        for name, array in grid.values.items():
            frame[name] = array.ravel()
        frame = frame.dropna(subset=list(grid.values), how="all")
        return dict(
            data=frame, dependent=self.dependent, lags=self.lags, entity="entity", time="time", transform=self.transform,
            predetermined=self.predetermined, exog=self.exog, instrument_lags=self.instrument_lags,
            predetermined_lags=self.predetermined_lags, collapse=self.collapse, system=self.system, steps=self.steps,
            inverse=self.inverse,
        )


# -- results ---------------------------------------------------------------------------------------


def _companion(coefs: np.ndarray) -> np.ndarray:
    """Companion matrix of lag matrices ``coefs`` of shape (p, M, M)."""
    p, m, _ = coefs.shape
    top = np.concatenate(list(coefs), axis=1)
    if p == 1:
        return top
    return np.vstack([top, np.eye(m * (p - 1), m * p)])


def _ma_coefficients(coefs: np.ndarray, horizon: int) -> np.ndarray:
    """Moving-average matrices Phi_0..Phi_horizon for lag matrices (..., p, M, M), any leading axes."""
    *lead, p, m, _ = coefs.shape
    phi = np.zeros((*lead, horizon + 1, m, m))
    phi[..., 0, :, :] = np.eye(m)
    for h in range(1, horizon + 1):
        for j in range(1, min(p, h) + 1):
            phi[..., h, :, :] += coefs[..., j - 1, :, :] @ phi[..., h - j, :, :]
    return phi


def _impact(sigma: np.ndarray, kind: str, order_index: np.ndarray) -> np.ndarray:
    """Impact matrix whose column j is the response at horizon 0 to shock j."""
    if kind == "orthogonal":
        chol = np.linalg.cholesky(sigma[np.ix_(order_index, order_index)])
        impact = np.zeros_like(sigma)
        impact[order_index, :] = chol  # columns follow the ordering
        out = np.zeros_like(sigma)
        out[:, order_index] = impact  # back to the variables' own order for the impulses
        return out
    return sigma / np.sqrt(np.diag(sigma))  # Pesaran & Shin (1998): Sigma e_j / sqrt(sigma_jj)


class PanelVARResults:
    """Estimates of a :class:`PanelVAR`, in the style of linearmodels' results.

    ``params``, ``std_errors``, ``tstats`` and ``pvalues`` have one row per equation and one column
    per regressor; ``cov`` is the covariance of all coefficients stacked equation by equation
    (two-step: Windmeijer-corrected; one-step: cluster-robust by unit).
    """

    def __init__(self, model: PanelVAR, fit: _GMMFit) -> None:
        self.model = model
        self._fit = fit
        eqs, regs = model.dependent, model.regressors
        self.params = pd.DataFrame(fit.params.T, index=pd.Index(eqs, name="equation"), columns=regs)
        index = pd.MultiIndex.from_product([eqs, regs], names=["equation", "regressor"])
        self.cov = pd.DataFrame(fit.cov, index=index, columns=index)
        se = np.sqrt(np.clip(np.diag(fit.cov), 0, None)).reshape(len(eqs), len(regs))
        self.std_errors = pd.DataFrame(se, index=self.params.index, columns=regs)
        self.tstats = self.params / self.std_errors
        self.pvalues = pd.DataFrame(2 * stats.norm.sf(np.abs(self.tstats)), index=self.params.index, columns=regs)
        self.nobs = model.nobs
        self.n_entities = int(model.design.moments.zx.shape[0])
        self.n_instruments = len(model.design.instruments)
        df = (self.n_instruments - len(regs)) * len(eqs)
        self.j_stat = pd.Series(
            {"stat": fit.j_stat, "df": df, "pvalue": float(stats.chi2.sf(fit.j_stat, df)) if df > 0 else np.nan},
            name="Hansen J",
        )
        self.moment_rank = fit.rank
        sigma = model.design.moments.residual_cov(fit.params, model.transform == "fd")
        self.residual_cov = pd.DataFrame(sigma, index=eqs, columns=eqs)

    # -- diagnostics -------------------------------------------------------------------------------

    @property
    def mmsc(self) -> pd.Series:
        """Andrews & Lu (2001) model and moment selection criteria: smaller is better.

        With ``k`` = moments minus parameters (the J degrees of freedom) and ``n`` observations:
        ``BIC = J - k ln n``, ``AIC = J - 2 k``, ``HQIC = J - 2.1 k ln ln n`` (the 2.1 of R panelvar).
        """
        j, k, n = self.j_stat["stat"], self.j_stat["df"], self.nobs
        return pd.Series({"MMSC-BIC": j - k * np.log(n), "MMSC-AIC": j - 2 * k, "MMSC-HQIC": j - 2.1 * k * np.log(np.log(n))})

    def coefficient_matrices(self, params: np.ndarray | None = None) -> np.ndarray:
        """Lag matrices ``A_1..A_p`` as an array (p, M, M); ``A_l[i, j]`` is L{l}.{var j} in equation i."""
        m, p = len(self.model.dependent), self.model.lags
        beta = self.params.to_numpy() if params is None else params
        return beta[..., : m * p].reshape(*beta.shape[:-2], m, p, m).swapaxes(-3, -2)

    def stability(self) -> pd.DataFrame:
        """Eigenvalues of the companion matrix; the VAR is stable when every modulus is below one."""
        values = np.linalg.eigvals(_companion(self.coefficient_matrices()))
        values = values[np.argsort(-np.abs(values), kind="stable")]
        return pd.DataFrame({"real": values.real, "imaginary": values.imag, "modulus": np.abs(values)})

    @property
    def is_stable(self) -> bool:
        return bool(self.stability()["modulus"].max() < 1)

    def plot_stability(self, ax=None):
        """The companion-matrix eigenvalues against the unit circle."""
        import matplotlib.pyplot as plt

        if ax is None:
            _, ax = plt.subplots(figsize=(4.2, 4.2))
        angle = np.linspace(0, 2 * np.pi, 361)
        ax.plot(np.cos(angle), np.sin(angle), color="0.5", lw=1)
        table = self.stability()
        ax.scatter(table["real"], table["imaginary"], color="#0072B2", zorder=3)
        ax.axhline(0, color="0.85", lw=0.8)
        ax.axvline(0, color="0.85", lw=0.8)
        ax.set_aspect("equal")
        limit = max(1.1, table["modulus"].max() * 1.1)
        ax.set(xlim=(-limit, limit), ylim=(-limit, limit), xlabel="real part", ylabel="imaginary part",
               title="Companion-matrix eigenvalues and the unit circle")
        return ax

    def granger(self) -> pd.DataFrame:
        """Granger-causality Wald tests: in each equation, all lags of each other variable are zero,
        and (``ALL``) all lags of every other variable jointly. Chi-squared with the number of
        restrictions as degrees of freedom."""
        eqs, regs, p = self.model.dependent, self.model.regressors, self.model.lags
        out = []
        for equation in eqs:
            b = self.params.loc[equation]
            v = self.cov.loc[equation, equation]
            others = [name for name in eqs if name != equation]
            for excluded in others + ["ALL"]:
                names = others if excluded == "ALL" else [excluded]
                cols = [f"L{l}.{name}" for l in range(1, p + 1) for name in names]
                bb = b[cols].to_numpy()
                chi2 = float(bb @ np.linalg.solve(v.loc[cols, cols].to_numpy(), bb))
                out.append({"equation": equation, "excluded": excluded, "chi2": chi2, "df": len(cols),
                            "pvalue": float(stats.chi2.sf(chi2, len(cols)))})
        return pd.DataFrame(out).set_index(["equation", "excluded"])

    # -- impulse responses and variance decompositions -------------------------------------------

    def _order_index(self, order: Sequence[str] | None) -> np.ndarray:
        eqs = self.model.dependent
        if order is None:
            return np.arange(len(eqs))
        order = list(order)
        if sorted(order) != sorted(eqs):
            raise ValueError(f"order must list each dependent variable once: {eqs}; got {order}")
        return np.array([eqs.index(name) for name in order])

    def _responses(self, coefs, sigma, horizon, kind, order_index, cumulative):
        phi = _ma_coefficients(coefs, horizon)
        out = phi @ _impact(sigma, kind, order_index)
        return np.cumsum(out, axis=-3) if cumulative else out

    def _tidy(self, array: np.ndarray, value: str = "value") -> pd.DataFrame:
        eqs = self.model.dependent
        horizon = array.shape[0] - 1
        index = pd.MultiIndex.from_product([range(horizon + 1), eqs, eqs], names=["horizon", "response", "impulse"])
        frame = pd.DataFrame({value: array.reshape(-1)}, index=index)
        return frame.reorder_levels(["impulse", "response", "horizon"]).sort_index()

    def irf(self, horizon: int = 10, kind: str = "orthogonal", order: Sequence[str] | None = None,
            cumulative: bool = False) -> pd.DataFrame:
        """Impulse responses: orthogonalised (Cholesky, in ``order``) or generalised (Pesaran & Shin 1998).

        Returns a tidy frame indexed by (impulse, response, horizon). Orthogonalised responses at
        horizon 0 are the columns of the Cholesky factor of the error covariance; shocks are one
        standard deviation. ``cumulative`` sums the responses over horizons.
        """
        self._check_irf_args(horizon, kind)
        array = self._responses(self.coefficient_matrices(), self.residual_cov.to_numpy(), horizon, kind,
                                self._order_index(order), cumulative)
        return self._tidy(array)

    def irf_bands(self, horizon: int = 10, kind: str = "orthogonal", order: Sequence[str] | None = None,
                  cumulative: bool = False, method: str = "montecarlo", draws: int = 1000, level: float = 0.95,
                  seed: int = 0) -> pd.DataFrame:
        """Impulse responses with percentile confidence bands.

        ``"montecarlo"`` draws the coefficients from their estimated normal distribution (error
        covariance held at its estimate, as Stata's ``pvarirf``); ``"bootstrap"`` resamples whole
        units with replacement and re-estimates the model (coefficients and error covariance).
        """
        self._check_irf_args(horizon, kind)
        if method not in ("montecarlo", "bootstrap"):
            raise ValueError(f"method must be 'montecarlo' or 'bootstrap', got {method!r}")
        if not 0 < level < 1:
            raise ValueError(f"level must be between 0 and 1, got {level!r}")
        if not isinstance(draws, (int, np.integer)) or draws < 2:
            raise ValueError(f"draws must be an integer of at least 2, got {draws!r}")
        rng = np.random.default_rng(seed)
        order_index = self._order_index(order)
        sigma = self.residual_cov.to_numpy()
        if method == "montecarlo":
            theta = rng.multivariate_normal(self._fit.params.T.reshape(-1), self._fit.cov, size=draws, method="eigh")
            betas = theta.reshape(draws, len(self.model.dependent), -1).swapaxes(1, 2)
            coefs = self.coefficient_matrices(betas.swapaxes(1, 2))
            sims = self._responses(coefs, sigma, horizon, kind, order_index, cumulative)
        else:
            moments = self.model.design.moments
            n = moments.zx.shape[0]
            sims = []
            for _ in range(draws):
                sample = moments.take(rng.integers(0, n, n))
                fit = _gmm(sample, self.model.steps, self.model.inverse)
                s = sample.residual_cov(fit.params, self.model.transform == "fd")
                sims.append(self._responses(self.coefficient_matrices(fit.params.T), s, horizon, kind, order_index, cumulative))
            sims = np.stack(sims)
        tail = (1 - level) / 2
        out = self.irf(horizon, kind, order, cumulative)
        out["lower"] = self._tidy(np.quantile(sims, tail, axis=0))["value"]
        out["upper"] = self._tidy(np.quantile(sims, 1 - tail, axis=0))["value"]
        return out

    def fevd(self, horizon: int = 10, order: Sequence[str] | None = None) -> pd.DataFrame:
        """Forecast-error variance decomposition from the orthogonalised responses.

        Row (response, h) gives the shares of the h-step forecast-error variance of ``response``
        due to each orthogonalised shock (columns); each row sums to one (Lutkepohl 2005, 2.3.3).
        """
        self._check_irf_args(horizon, "orthogonal")
        theta = self._responses(self.coefficient_matrices(), self.residual_cov.to_numpy(), horizon - 1,
                                "orthogonal", self._order_index(order), False)
        contrib = np.cumsum(theta ** 2, axis=0)  # (h, response, impulse)
        shares = contrib / contrib.sum(axis=2, keepdims=True)
        eqs = self.model.dependent
        frame = pd.DataFrame(
            shares.transpose(1, 0, 2).reshape(-1, len(eqs)),
            index=pd.MultiIndex.from_product([eqs, range(1, horizon + 1)], names=["response", "horizon"]),
            columns=pd.Index(eqs, name="impulse"),
        )
        return frame

    @staticmethod
    def _check_irf_args(horizon, kind):
        if not isinstance(horizon, (int, np.integer)) or horizon < 1:
            raise ValueError(f"horizon must be a positive integer, got {horizon!r}")
        if kind not in ("orthogonal", "generalized"):
            raise ValueError(f"kind must be 'orthogonal' or 'generalized', got {kind!r}")

    # -- reporting -------------------------------------------------------------------------------

    @property
    def summary(self) -> pd.DataFrame:
        """Coefficients with standard errors, z statistics and p-values, one row per coefficient."""
        frame = pd.DataFrame({
            "coef": self.params.stack(), "std err": self.std_errors.stack(),
            "z": self.tstats.stack(), "P>|z|": self.pvalues.stack(),
        })
        frame.index.names = ["equation", "regressor"]
        return frame

    def __repr__(self) -> str:
        m = self.model
        kind = "system" if m.system else "difference"
        return (
            f"PanelVARResults({len(m.dependent)} equation(s), lags={m.lags}, {m.transform.upper()}, {kind} GMM, "
            f"{m.steps}; {self.nobs} obs, {self.n_entities} units, {self.n_instruments} instruments per equation; "
            f"Hansen J = {self.j_stat['stat']:.2f} on {self.j_stat['df']} df)"
        )


def stars(pvalue: float) -> str:
    """Conventional significance stars: *** p < 0.01, ** p < 0.05, * p < 0.1."""
    return "***" if pvalue < 0.01 else "**" if pvalue < 0.05 else "*" if pvalue < 0.1 else ""


def coefficient_table(results: PanelVARResults, decimals: int = 3) -> pd.DataFrame:
    """The layout of papers' PVAR tables: regressors as rows, equations as columns, each cell
    "coefficient with stars" above "(t statistic)"."""
    cells = {}
    for equation in results.params.index:
        column = []
        for regressor in results.params.columns:
            b, t, p = (results.params.loc[equation, regressor], results.tstats.loc[equation, regressor],
                       results.pvalues.loc[equation, regressor])
            column += [f"{b:.{decimals}f}{stars(p)}", f"({t:.2f})"]
        cells[equation] = column
    index = pd.MultiIndex.from_tuples(
        [(r, s) for r in results.params.columns for s in ("coef", "t")], names=["regressor", ""]
    )
    return pd.DataFrame(cells, index=index)
