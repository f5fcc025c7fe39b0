"""Panel vector autoregressions estimated by GMM (面板向量自回归).

The model, for units ``i`` and periods ``t``, with ``M`` dependent variables stacked in ``y_it``:

.. math::

    y_{it} = \\sum_{l=1}^{p} A_l\\, y_{i,t-l} + B\\, w_{it} + C\\, x_{it} + \\mu_i +
    \\varepsilon_{it},

with predetermined variables ``w`` (correlated with past errors), strictly exogenous ``x``, fixed
effects ``mu_i`` and errors uncorrelated over time. The fixed effects are removed by first
differences (``"fd"``) or forward orthogonal deviations (``"fod"``, Arellano & Bover 1995: each
observation minus the mean of the unit's later observations, scaled by ``sqrt(n / (n + 1))`` for
``n`` later observations), and the transformed equations are estimated by GMM with lagged levels as
instruments (Arellano & Bond 1991; Holtz-Eakin, Newey & Rosen 1988; Love & Zicchino 2006).

The estimator follows R panelvar's ``pvargmm`` (Sigmund & Ferstl 2021) and Stata's ``xtabond2``
(Roodman 2009), against whose published results the tests check it:

- each column is transformed on its own: a lag column ``L1.y`` gets its own forward mean under
  FOD, so the last period is lost; with gaps, FD is missing across a gap and FOD uses the later
  observations that exist;
- "GMM-style" instruments: levels of each dependent variable at lags ``instrument_lags`` and of
  each predetermined variable at lags ``predetermined_lags``, one column per period and lag
  (block-diagonal by period) or one per lag (``collapse=True``); missing values are set to zero and
  all-zero columns dropped; strictly exogenous variables are one IV-style column each;
- lags are numbered as xtabond2 and panelvar number them, so that the same limits mean the same
  under both transforms: lag ``L`` is the level dated ``t - L`` for the first-differenced equation
  of period ``t`` and the level dated ``t - L + 1`` for its forward-orthogonal-deviations equation
  (xtabond2 stores FOD one period late, to line it up with FD; panelvar's
  ``min_instr_dependent_vars`` counts the same way). So ``instrument_lags=(2, None)``, the default,
  is xtabond2's ``gmm(y, lag(2 .))`` and panelvar's ``min_instr_dependent_vars = 2L`` under both
  transforms: ``y`` dated ``t-2`` and earlier for FD, ``t-1`` and earlier for FOD;
- system GMM (Blundell & Bond 1998) adds the level equations with a constant, instrumented by the
  difference of each GMM-style variable at its first lag minus one, and stacks the exogenous
  variables in one column (transformed in the transformed rows, in levels in the level rows);
- one-step weights ``W1 = (sum_i Z_i' H_i Z_i)^-1`` with ``H_i`` the covariance of the stacked
  transformed (and level) errors under i.i.d. errors (``xtabond2``'s default ``h(3)``); a
  cluster-robust one-step covariance; two-step weights from the one-step moment contributions of all
  equations jointly, ``W2 = (sum_i g_i g_i')^-1`` with ``g_i = vec(Z_i' U_i)``, and the Windmeijer
  (2005) corrected covariance; Hansen's J with the two-step weights.

Weight matrices are inverted in a scale-invariant way: instrument columns are scaled to unit
root-mean-square first (which leaves the estimates unchanged whenever the moment covariance has full
rank) and a pseudo-inverse with a tolerance relative to the largest eigenvalue is used. R panelvar
instead switches to ``MASS::ginv`` when the smallest eigenvalue of the moment covariance is below an
absolute 1e-9, so its two-step estimates can change with the units of the data;
``inverse="panelvar"`` mimics that rule.

No maintained Python package implements this estimator to the reference implementations' precision,
so it is written here.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
import scipy.linalg

from helpers import _checks
from helpers.errors import BookWarning, InputError, InputTypeError
from helpers.pvar.gmm import Moments, estimate
from helpers.pvar.results import PanelVARResults
from helpers.pvar.specification import LEVEL_GROUP

TRANSFORMS = ("fod", "fd")
STEPS = ("onestep", "twostep")
INVERSES = ("scaled", "panelvar")


class InstrumentWarning(BookWarning):
    """More moment conditions than the units can support: two-step weights and J are unreliable."""

    meaning = (
        "There are more moment conditions than the units can support (Roodman's 'too many "
        "instruments'). Hansen's J then cannot detect invalid instruments: its p-value says "
        "nothing, however reassuring it looks, and neither does a lag order chosen by the MMSC "
        "built on it."
    )


# -- validation and the balanced grid --------------------------------------------------------------


def _lag_range(value, argument: str) -> tuple[int, int | None]:
    try:
        first, last = value
    except (TypeError, ValueError):
        raise InputTypeError(
            f"{argument} must be a pair (first, last) of lags, last may be None; got {value!r}"
        ) from None
    first = _checks.integer(f"{argument} (first lag)", first, minimum=0)
    if last is not None:
        last = _checks.integer(f"{argument} (last lag)", last, minimum=first)
    return first, last


@dataclass
class _Grid:
    """Every variable on a balanced (units x periods) grid; missing unit-periods are NaN."""

    entities: pd.Index
    periods: np.ndarray
    values: dict[str, np.ndarray]


def _grid(
    data: pd.DataFrame,
    columns: list[str],
    entity: str | None,
    time: str | None,
) -> _Grid:
    if not isinstance(data, pd.DataFrame):
        raise InputTypeError(
            f"data must be a pandas DataFrame, got {type(data).__name__}"
        )
    if entity is None and time is None:
        if (
            not isinstance(data.index, pd.MultiIndex)
            or data.index.nlevels != 2
        ):
            raise InputError(
                "give entity= and time= column names, or pass data indexed by (entity, time)"
            )
        frame = data.reset_index()
        entity, time = frame.columns[0], frame.columns[1]
    elif entity is None or time is None:
        raise InputError(
            "give both entity= and time= (or neither, with data indexed by (entity, time))"
        )
    else:
        frame = data
    _checks.columns(frame, [entity, time, *columns], "data")
    non_numeric = [
        c
        for c in columns
        if not pd.api.types.is_numeric_dtype(frame[c])
        or pd.api.types.is_bool_dtype(frame[c])
    ]
    if non_numeric:
        raise InputTypeError(
            f"data must be numeric; column(s) {_checks.labels(non_numeric)} are not"
        )
    times = frame[time]
    if not pd.api.types.is_numeric_dtype(times) or pd.api.types.is_bool_dtype(
        times
    ):
        raise InputTypeError(
            f"time column {time!r} must hold whole numbers such as years (gaps are allowed)"
        )
    if times.isna().any() or not np.all(np.mod(times, 1) == 0):
        raise InputError(
            f"time column {time!r} must hold whole numbers such as years, without gaps in the "
            "column"
        )
    if frame[entity].isna().any():
        raise InputError(f"entity column {entity!r} has missing values")
    keys = frame[[entity, time]]
    duplicated = keys.duplicated(keep=False)
    if duplicated.any():
        pairs = sorted(
            {
                (str(e), int(t))
                for e, t in keys[duplicated].itertuples(index=False)
            }
        )
        raise InputError(
            f"data has duplicate (entity, time) keys {_checks.labels(pairs)}: each unit may appear "
            "once per period"
        )
    for column in columns:
        infinite = np.isinf(frame[column].to_numpy(dtype=float))
        if infinite.any():
            raise InputError(
                f"data[{column!r}] has infinite values at {_checks.labels(frame.index[infinite])}"
            )
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

    In a balanced panel of ``T`` periods ``n_t = T - t`` and this is the textbook form
    ``x*_it = sqrt((T - t) / (T - t + 1)) (x_it - (x_i,t+1 + ... + x_iT) / (T - t))``; with gaps,
    ``n_t`` counts the later values that exist. Under i.i.d. errors the transformed errors stay
    uncorrelated with a common variance, and a unit's fixed effect cancels.

    Parameters
    ----------
    array : numpy.ndarray
        Shape ``(units, periods)``, one row per unit in time order, NaN where a unit has no
        observation.

    Returns
    -------
    numpy.ndarray
        The same shape; the last observed period of every unit is NaN.

    Examples
    --------
    >>> forward_orthogonal_deviations(np.array([[1.0, 2.0, 4.0]])).round(4).tolist()
    [[-1.633, -1.4142, nan]]
    """
    count, total = _forward_counts(array)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.sqrt(count / (count + 1.0)) * (array - total / count)
    out[(count == 0) | np.isnan(array)] = np.nan
    return out


def _transform(array: np.ndarray, transform: str) -> np.ndarray:
    return (
        forward_orthogonal_deviations(array)
        if transform == "fod"
        else _first_difference(array)
    )


@dataclass
class _Design:
    """The stacked rows of the estimation sample, and the per-unit moment blocks."""

    moments: Moments
    # entity position, period, equation kind ("transformed"/"level") per row
    rows: pd.DataFrame
    x: np.ndarray
    y: np.ndarray
    instruments: list[str]
    regressors: list[str]
    # the instrument groups each instrument column belongs to, named as xtabond2 names them
    groups: list[tuple[str, ...]]
    # first-differenced rows for the Arellano-Bond test (in differences under every transform):
    # the unit's position in the moments, the period's position, and the differenced X and Y
    diff_unit: np.ndarray
    diff_period: np.ndarray
    diff_x: np.ndarray
    diff_y: np.ndarray


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
        First and last lag of the dependent variables' levels used as instruments (None: all),
        numbered as in xtabond2 and panelvar: lag ``L`` is dated ``t - L`` for FD and
        ``t - L + 1`` for FOD (see the module docstring), so a call ports unchanged:

        ==========================================================  ==============================
        their call                                                  this package
        ==========================================================  ==============================
        xtabond2 ``gmm(y, lag(2 .))`` (with or without orthogonal)  ``instrument_lags=(2, None)``
        xtabond2 ``gmm(y, lag(2 4)) orthogonal``                    ``instrument_lags=(2, 4)``,
                                                                    ``transform="fod"``
        panelvar ``min_instr_dependent_vars = 2L,``                 ``instrument_lags=(2, None)``
        ``max_instr_dependent_vars = 99``
        panelvar ``transformation = "fod"``                         ``transform="fod"``
        ==========================================================  ==============================

        The first lag must be at least 2 under FOD (lag 1 would be the current level) and at
        least 1 under FD.
    predetermined_lags : (int, int or None)
        The same for the predetermined variables, numbered the same way (default: from lag 1,
        xtabond2's ``gmm(w, lag(1 .))`` and panelvar's ``min_instr_predet_vars = 1L``).
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

    Examples
    --------
    A simulated bivariate PVAR(1) (true coefficients 0.5, 0.1 / 0.2, 0.4) by one-step GMM:

    >>> import pandas as pd
    >>> from helpers.pvar import pvar_panel
    >>> A = pd.DataFrame([[0.5, 0.1], [0.2, 0.4]], columns=["y1", "y2"])
    >>> panel = pvar_panel(A, n_units=500, n_periods=6, seed=1)
    >>> fit = PanelVAR(panel, ["y1", "y2"], entity="entity", time="time",
    ...                steps="onestep").fit()
    >>> fit.params.round(2).values.tolist(), fit.is_stable
    ([[0.51, 0.17], [0.16, 0.35]], True)
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
        self.dependent = _checks.names("dependent", dependent)
        self.predetermined = _checks.names("predetermined", predetermined)
        self.exog = _checks.names("exog", exog)
        if not self.dependent:
            raise InputError("dependent must name at least one column")
        every = self.dependent + self.predetermined + self.exog
        if len(set(every)) < len(every):
            raise InputError(
                f"a column appears twice among dependent, predetermined and exog: {every}"
            )
        self.lags = _checks.integer("lags", lags, minimum=1)
        for name, value, allowed in (
            ("transform", transform, TRANSFORMS),
            ("steps", steps, STEPS),
            ("inverse", inverse, INVERSES),
        ):
            _checks.option(name, value, allowed)
        self.transform, self.steps, self.inverse = transform, steps, inverse
        self.instrument_lags = _lag_range(instrument_lags, "instrument_lags")
        self.predetermined_lags = _lag_range(
            predetermined_lags, "predetermined_lags"
        )
        minimum = 2 if transform == "fod" else 1
        if self.instrument_lags[0] < minimum:
            raise InputError(
                f"instrument_lags must start at lag {minimum} or later under {transform.upper()}: "
                f"lag {minimum - 1} is the current level of the dependent variables, which is "
                "endogenous (lags are numbered as in xtabond2 and panelvar: lag L is dated t-L "
                "for FD and t-L+1 for FOD)"
            )
        if transform == "fod" and self.predetermined_lags[0] < 1:
            raise InputError(
                "predetermined_lags must start at lag 1 or later under FOD (lag 1 is the current "
                "level there)"
            )
        self.collapse, self.system = bool(collapse), bool(system)
        self.entity, self.time = entity, time
        self._grid = _grid(data, every, entity, time)
        self._check_variation()
        self._sample = sample
        self.design = self._build()

    # The column names of params, in the documented order.
    @property
    def regressors(self) -> list[str]:
        """The regressors of every equation, the columns of ``params``: ``L1.<y>`` for each
        dependent variable, then ``L2.<y>`` ... ``L<p>.<y>``, the predetermined and the exogenous
        variables, and ``const`` in system GMM.

        Returns
        -------
        list of str
            The names, in that order.
        """
        lagged = [
            f"L{lag}.{v}"
            for lag in range(1, self.lags + 1)
            for v in self.dependent
        ]
        return (
            lagged
            + self.predetermined
            + self.exog
            + (["const"] if self.system else [])
        )

    def _check_variation(self) -> None:
        for name in self.dependent + self.predetermined:
            array = self._grid.values[name]
            with np.errstate(invalid="ignore"):
                spread = np.nanmax(array, axis=1) - np.nanmin(array, axis=1)
            if not np.any(spread > 0):
                raise InputError(
                    f"{name!r} is constant within every unit: the fixed effects absorb it and it "
                    "cannot be estimated or used as an instrument"
                )

    def _build(self) -> _Design:
        grid, p = self._grid, self.lags
        v = grid.values
        n_units, n_periods = len(grid.entities), len(grid.periods)
        lagged = [
            _lag(v[name], lag)
            for lag in range(1, p + 1)
            for name in self.dependent
        ]
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
        in_level = (
            complete(levels_x + levels_y)
            if self.system
            else np.zeros_like(in_trans)
        )
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
            raise InputError(
                f"no observations are left after taking {p} lag(s) and the "
                f"{self.transform.upper()} transform: the panel has {n_periods} period(s) and a "
                f"unit needs at least {p + 2} consecutive ones"
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
            """Each row's value: from the level grid on level rows, else the transformed one."""
            return np.where(level, lev[unit, period], trans[unit, period])

        x = np.column_stack(
            [pick(t, lev) for t, lev in zip(trans_x, levels_x)]
        )
        if self.system:
            x = np.column_stack([x, level.astype(float)])
        y = np.column_stack(
            [pick(t, lev) for t, lev in zip(trans_y, levels_y)]
        )

        z, names, groups = self._instruments(unit, period, level)
        # Scale-invariant weights: instrument columns at unit root-mean-square (see module
        # docstring).
        if self.inverse == "scaled":
            z = z / np.sqrt((z**2).mean(axis=0))
        h_factor = self._error_factor(unit, period, level, trans_y)

        n_inst = z.shape[1]
        # Each unit's rows in a block of its own (rows are sorted by unit; shorter units padded
        # with zero rows, which add nothing), so the per-unit products are batched matrix
        # products: no rows x instruments x regressors temporary, no loop over units.
        first_row = np.searchsorted(unit, np.arange(n_units))
        position = np.arange(len(unit)) - first_row[unit]
        width = int(position.max()) + 1

        def blocks(a: np.ndarray) -> np.ndarray:
            out = np.zeros((n_units, width, a.shape[1]))
            out[unit, position] = a
            return out

        z_blocks = blocks(z)
        zx = z_blocks.transpose(0, 2, 1) @ blocks(x)
        zy = z_blocks.transpose(0, 2, 1) @ blocks(y)
        # R_i' Z_i (periods x instruments), so that Z_i' H_i Z_i = hz_i' hz_i: kept instead of
        # the instruments x instruments products, which a long panel could not hold per unit
        hz = blocks(h_factor).transpose(0, 2, 1) @ z_blocks
        del z_blocks
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
        moments = Moments(
            zx[keep],
            zy[keep],
            hz[keep],
            xx[keep],
            xy[keep],
            yy[keep],
            counts[keep],
        )
        rows_frame = pd.DataFrame(
            {
                "entity": grid.entities[unit],
                "time": grid.periods[period],
                "equation": np.where(level, "level", "transformed"),
            }
        )
        n_params = x.shape[1]
        if n_inst < n_params:
            raise InputError(
                f"the model has {n_params} regressors per equation but only {n_inst} instruments: "
                f"too few periods for {p} lag(s) with instrument_lags={self.instrument_lags}; use "
                "fewer lags or more instrument lags"
            )
        # The Arellano-Bond test reads residuals in first differences whatever the transform
        # (as xtabond2 does after FOD), on the units and years of the estimation sample.
        if self.transform == "fd":
            in_diff = in_trans
            diff_x = trans_x
            diff_y = trans_y
        else:
            diff_x = [_first_difference(a) for a in levels_x]
            diff_y = [_first_difference(a) for a in levels_y]
            in_diff = complete(diff_x + diff_y)
            if self._sample is not None:
                in_diff &= allowed
        in_diff &= np.isin(np.arange(n_units), keep)[:, None]
        d_unit, d_period = np.nonzero(in_diff)
        dx = np.column_stack([a[d_unit, d_period] for a in diff_x])
        if self.system:
            dx = np.column_stack([dx, np.zeros(len(d_unit))])
        dy = np.column_stack([a[d_unit, d_period] for a in diff_y])
        return _Design(
            moments,
            rows_frame,
            x,
            y,
            names,
            self.regressors,
            groups,
            np.searchsorted(keep, d_unit),
            d_period,
            dx,
            dy,
        )

    def _gmm_style(self):
        """(name, first lag, last lag) of each GMM-style instrument variable."""
        out = [(name, *self.instrument_lags) for name in self.dependent]
        out += [
            (name, *self.predetermined_lags) for name in self.predetermined
        ]
        return out

    def _instruments(self, unit, period, level):
        grid = self._grid
        n_periods = len(grid.periods)
        columns, names, groups = [], [], []

        def gmm_style(array, rows, label, group):
            """One column per period of ``rows`` (block-diagonal), or one in all (collapsed)."""
            source = np.where(rows, np.nan_to_num(array)[unit, period], 0.0)
            if self.collapse:
                columns.append(source)
                names.append(label)
                groups.append(group)
                return
            for t in np.unique(period[rows]):
                columns.append(np.where(period == t, source, 0.0))
                names.append(f"{label} t={grid.periods[t]}")
                groups.append(group)

        # xtabond2's numbering: under FOD, lag L is the level dated t - L + 1 (see above)
        shift = 1 if self.transform == "fod" else 0
        for name, first, last in self._gmm_style():
            values = grid.values[name]
            last = n_periods if last is None else last
            for lag in range(first, last + 1):
                gmm_style(
                    _lag(values, lag - shift),
                    ~level,
                    f"{name} L{lag - shift}",
                    (f"gmm({name})",),
                )
            if self.system:
                # Level equations: the difference at the first lag minus one (the others are
                # redundant).
                gmm_style(
                    _lag(_first_difference(values), first - 1),
                    level,
                    f"D.{name} L{first - 1} (level)",
                    (f"gmm({name})", LEVEL_GROUP),
                )
        for name in self.exog:
            trans = _transform(grid.values[name], self.transform)
            lev = grid.values[name]
            columns.append(
                np.where(
                    level,
                    lev[unit, period],
                    np.nan_to_num(trans[unit, period]),
                )
            )
            names.append(f"{name} (iv)")
            groups.append((f"iv({name})",))
        if self.system:
            columns.append(level.astype(float))
            names.append("const (level)")
            groups.append(())
        z = np.column_stack(columns)
        nonzero = np.any(z != 0, axis=0)
        return (
            z[:, nonzero],
            [n for n, k in zip(names, nonzero) if k],
            [g for g, k in zip(groups, nonzero) if k],
        )

    def _error_factor(self, unit, period, level, trans_y):
        """Rows R_i such that the stacked errors are R_i eps_i, so H_i = R_i R_i' (xtabond2's
        h(3))."""
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
                later = np.nonzero(observed[i, t + 1 :])[0] + t + 1
                c = np.sqrt(len(later) / (len(later) + 1.0))
                factor[r, t] = c
                factor[r, later] = -c / len(later)
        return factor

    # -- estimation --------------------------------------------------------------------------------

    def fit(self) -> PanelVARResults:
        """Estimate the model (one- or two-step GMM) and return a :class:`PanelVARResults`.

        The estimator is :func:`helpers.pvar.gmm.estimate` on the model's moment blocks (see the
        module docstring for the weights, the covariance and Hansen's J).

        Returns
        -------
        PanelVARResults
            The estimates, their covariance (two-step: Windmeijer-corrected; one-step:
            cluster-robust by unit), Hansen's J and the model.

        Raises
        ------
        InputError
            When the data cannot identify the model: a variable that is a linear combination of
            the others (so its coefficient is not identified), or no more units than coefficients
            per equation (so their cluster-robust covariance cannot have full rank).

        Warns
        -----
        InstrumentWarning
            When the units' moment contributions have a lower rank than the number of moment
            conditions (instrument columns x equations): Hansen's J and the MMSC cannot test
            anything, and after two steps the estimates and their standard errors are
            unreliable too.
        CovarianceWarning
            When a coefficient's estimated variance is clearly negative; its standard error,
            t statistic and p-value are then NaN.
        """
        self._check_identified()
        fit = estimate(self.design.moments, self.steps, self.inverse)
        if fit.rank < fit.n_moments:
            n_units = self.design.moments.zx.shape[0]
            counts = (
                f"{fit.n_moments} moment conditions ({len(self.design.instruments)} instruments x "
                f"{len(self.dependent)} equations) but rank {fit.rank} from {n_units} units"
            )
            if self.steps == "twostep":
                message = (
                    f"the two-step weight matrix is singular: {counts}. Two-step estimates, their "
                    "standard errors and Hansen's J are unreliable; use fewer instruments "
                    "(collapse=True, instrument_lags with a last lag) or steps='onestep'"
                )
            else:
                message = (
                    f"the moment covariance behind Hansen's J is singular: {counts}. J (and the "
                    "MMSC built on it) cannot test anything; the one-step estimates and their "
                    "robust standard errors are not affected"
                )
            warnings.warn(message, InstrumentWarning, stacklevel=2)
        return PanelVARResults(self, fit)

    def _check_identified(self) -> None:
        variables = self.dependent + self.predetermined + self.exog
        n_units, _, n_reg = self.design.moments.zx.shape
        if n_units <= n_reg:
            raise InputError(
                f"each equation has {n_reg} coefficients ({len(variables)} variable(s) x "
                f"{self.lags} lag(s)), and their cluster-robust covariance needs more units than "
                f"coefficients; the panel gives {n_units} unit(s) with usable observations. Use "
                "more units, fewer variables or fewer lags"
            )
        # a variable that is a linear combination of the others (within units) is not identified
        stacked = np.stack([self._grid.values[v] for v in variables], axis=-1)
        with np.errstate(invalid="ignore"):
            within = stacked - np.nanmean(stacked, axis=1, keepdims=True)
        rows = within.reshape(-1, len(variables))
        rows = rows[~np.isnan(rows).any(axis=1)]
        rows = rows / np.abs(rows).max(axis=0)
        _, r, pivot = scipy.linalg.qr(rows, mode="economic", pivoting=True)
        tol = np.abs(r[0, 0]) * max(rows.shape) * np.finfo(float).eps * 1e3
        rank = int((np.abs(np.diag(r)) > tol).sum())
        if rank < len(variables):
            redundant = [variables[k] for k in pivot[rank:]]
            what = (
                "is a linear combination"
                if len(redundant) == 1
                else "are linear combinations"
            )
            raise InputError(
                f"{', '.join(redundant)} {what} of the other variables ({', '.join(variables)}) "
                "within units, so the coefficients are not identified; drop or replace "
                + ("it" if len(redundant) == 1 else "them")
            )

    @property
    def nobs(self) -> int:
        """Observations of the transformed equations (what ``xtabond2`` reports for difference
        GMM).

        Returns
        -------
        int
            The number of (unit, period) rows of the transformed equations; the level rows of
            system GMM are not counted.
        """
        return int((self.design.rows["equation"] == "transformed").sum())

    def select_order(self, max_lags: int) -> pd.DataFrame:
        """Compare lag orders 1..max_lags on a common sample by Hansen's J and Andrews-Lu MMSC.

        Every model is estimated on the (entity, time) rows of the ``max_lags`` model, so the
        criteria compare like with like (Andrews & Lu 2001; Abrigo & Love 2016). The lag order with
        the smallest criterion is preferred (the table has no row that names it: take the
        ``idxmin`` of a criterion's column).

        With ``J`` Hansen's statistic of order ``p``, ``k`` its degrees of freedom (moments minus
        parameters) and ``n`` the observations, ``MMSC-BIC = J - k ln n``,
        ``MMSC-AIC = J - 2k`` and ``MMSC-HQIC = J - 2.1 k ln ln n``
        (:attr:`PanelVARResults.mmsc`). Each order is fitted with this model's other settings.

        Parameters
        ----------
        max_lags : int
            The largest lag order compared, at least 1.

        Returns
        -------
        DataFrame
            Indexed by ``lags`` (1..max_lags), with ``J``, ``J df``, ``J pvalue`` (a float, or
            ``"not defined"`` with zero degrees of freedom), ``MMSC-BIC``, ``MMSC-AIC``,
            ``MMSC-HQIC``, ``nobs`` and ``moment rank``.

        Raises
        ------
        InputTypeError
            When ``max_lags`` is not an integer.
        InputError
            When ``max_lags`` is below 1, or a model cannot be built or identified on the
            common sample (too few periods, instruments or units).

        Warns
        -----
        InstrumentWarning
            From a fit whose moment conditions are rank-deficient.
        """
        max_lags = _checks.integer("max_lags", max_lags, minimum=1)
        settings = self._settings()
        largest = PanelVAR(
            **{**settings, "lags": max_lags, "sample": self._sample}
        )
        rows = largest.design.rows
        common = rows.loc[
            rows["equation"] == "transformed", ["entity", "time"]
        ]
        table = {}
        for p in range(1, max_lags + 1):
            result = PanelVAR(
                **{**settings, "lags": p, "sample": common}
            ).fit()
            j = result.j_stat
            table[p] = {
                "J": j.stat,
                "J df": j.df,
                "J pvalue": j.pvalue if j.defined else "not defined",
                **result.mmsc.to_dict(),
                "nobs": result.nobs,
                "moment rank": result.moment_rank,
            }
        out = pd.DataFrame(table).T
        out.index.name = "lags"
        out[["J df", "nobs", "moment rank"]] = out[
            ["J df", "nobs", "moment rank"]
        ].astype(int)
        for column in ["J", "MMSC-BIC", "MMSC-AIC", "MMSC-HQIC"]:
            out[column] = out[column].astype(float)
        return out

    def _settings(self) -> dict:
        grid = self._grid
        frame = pd.DataFrame(
            {
                "entity": np.repeat(grid.entities, len(grid.periods)),
                "time": np.tile(grid.periods, len(grid.entities)),
            }
        )
        for name, array in grid.values.items():
            frame[name] = array.ravel()
        frame = frame.dropna(subset=list(grid.values), how="all")
        return dict(
            data=frame,
            dependent=self.dependent,
            lags=self.lags,
            entity="entity",
            time="time",
            transform=self.transform,
            predetermined=self.predetermined,
            exog=self.exog,
            instrument_lags=self.instrument_lags,
            predetermined_lags=self.predetermined_lags,
            collapse=self.collapse,
            system=self.system,
            steps=self.steps,
            inverse=self.inverse,
        )


def longest_lag(data: pd.DataFrame, entity: str, time: str) -> int:
    """The largest lag order a panel allows: a unit needs ``p + 2`` consecutive periods for a lag
    order ``p`` (the lags and one transformed observation), so the longest run of consecutive
    periods of any unit, less two (0 when no unit has three).

    Parameters
    ----------
    data : DataFrame
        A long panel with the columns ``entity`` and ``time`` (whole numbers).
    entity : str
        The column naming the unit.
    time : str
        The column of the period.

    Returns
    -------
    int
        The largest lag order ``p``, at least 0.

    Raises
    ------
    InputError
        When ``data`` lacks one of the two columns.

    Examples
    --------
    >>> frame = pd.DataFrame({"id": [1] * 4 + [2] * 3, "t": [1, 2, 3, 4, 1, 2, 5]})
    >>> longest_lag(frame, "id", "t")
    2
    """
    _checks.columns(data, [entity, time], "data")
    longest = 0
    for _, periods in data.groupby(entity)[time]:
        years = np.sort(periods.astype(int).unique())
        breaks = np.flatnonzero(np.diff(years) != 1)
        runs = np.diff(np.r_[-1, breaks, len(years) - 1])
        longest = max(longest, int(runs.max()) if len(runs) else 0)
    return max(longest - 2, 0)
