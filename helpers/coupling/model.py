"""The coupling coordination degree model (耦合协调度模型).

For ``n >= 2`` subsystem indices ``U_1..U_n`` in [0, 1] of the same unit:

- coupling degree ``C`` (耦合度), in three forms:

  - ``"standard"``: the geometric over the arithmetic mean,
    ``C = (prod U_i)^(1/n) / (sum U_i / n)``; for two systems ``C = 2 sqrt(U1 U2) / (U1 + U2)``;
  - ``"wang"`` (Wang, Tang & Wang 2021, 自然资源学报 36(3): 793-810), which spreads C over [0, 1]:
    ``C = sqrt( [1 - sum_{i>j} |U_i - U_j| / sum_{m=1}^{n-1} m] * prod_i (U_i / max U)^(1/(n-1))
    )``;
  - ``"fan"`` (Fan, Ke & Cao 2024, 统计与决策 40): ``C = 1 - 2 sd(U)``, with the population standard
    deviation (divisor ``n``);

- comprehensive development ``T = sum_i a_i U_i`` (综合协调指数) with weights ``a_i`` summing to one
  (equal by default), and the coupling coordination degree ``D = sqrt(C T)`` (耦合协调度).

The three forms agree with the R package ``coupling`` (vignette ``ccd.Rmd``), which the tests check.
No maintained Python package implements them, so they are written here.

:func:`classify` maps D to the ten levels and four stages of the paper's Table 3 (Gan & Zhang 2025):
intervals ``(a, b]``, open on the left and closed on the right, so D = 0.5 is 濒临失调 and D = 0.6
is 勉强协调; D = 0 belongs to no interval of the table and is placed in the lowest level.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers import _checks, data
from helpers.errors import InputError

METHODS = ("standard", "wang", "fan")

#: Table 3 of Gan & Zhang (2025): each interval (lower, upper] of D with its level and stage, in
#: Chinese as printed and in English (``data/gan_zhang_coordination_levels``, its one source).
LEVELS = data.load("gan_zhang_coordination_levels")


def _indices(U) -> tuple[np.ndarray, pd.Index | None, list[str]]:
    """Stack the subsystem indices into an (units, n) array, checking them."""
    if len(U) < 2:
        raise InputError(
            f"the coupling model needs at least two subsystem indices; got {len(U)}"
        )
    names = [getattr(u, "name", None) or f"U{k + 1}" for k, u in enumerate(U)]
    index = next((u.index for u in U if isinstance(u, pd.Series)), None)
    columns = []
    for name, u in zip(names, U):
        if (
            isinstance(u, pd.Series)
            and index is not None
            and not u.index.equals(index)
        ):
            raise InputError(
                f"subsystem {name} is indexed differently from the first Series"
            )
        values = _checks.series(u, f"subsystem {name}")
        outside = (values < 0) | (values > 1)
        if outside.any():
            where = (
                values.index[outside]
                if index is None
                else index[outside.to_numpy()]
            )
            raise InputError(
                f"subsystem {name} has values outside [0, 1] at {_checks.labels(where)}"
            )
        columns.append(values.to_numpy())
    lengths = [len(c) for c in columns]
    if len(set(lengths)) > 1:
        raise InputError(
            f"subsystem indices have different lengths: {lengths}"
        )
    return np.column_stack(columns), index, names


def _coupling(x: np.ndarray, method: str) -> np.ndarray:
    _checks.option("method", method, METHODS)
    n = x.shape[1]
    if method == "standard":
        mean = x.mean(axis=1)
        with np.errstate(divide="ignore"):
            geometric = np.exp(np.log(x).mean(axis=1))
        # all subsystems at zero: no development to couple, C taken as 0 rather than 0/0
        return np.where(
            mean > 0, geometric / np.where(mean > 0, mean, 1.0), 0.0
        )
    if method == "wang":
        i, j = np.triu_indices(n, k=1)
        spread = np.abs(x[:, i] - x[:, j]).sum(axis=1) / (n * (n - 1) / 2)
        top = x.max(axis=1)
        ratio = np.where(
            top[:, None] > 0, x / np.where(top > 0, top, 1.0)[:, None], 0.0
        )
        return np.sqrt((1 - spread) * np.prod(ratio, axis=1) ** (1 / (n - 1)))
    # fan: the population sd of values in [0, 1] is at most 1/2, so C = 1 - 2 sd lies in [0, 1]
    # the clip only removes rounding below zero
    return np.clip(1 - 2 * x.std(axis=1), 0.0, None)


def coupling_degree(*U, method: str = "standard"):
    """Coupling degree C of two or more subsystem indices (see the module docstring for formulas).

    Each ``U`` is a number, an array or a Series (aligned on the same index). Returns a Series named
    ``C``, one value per unit (one value for numbers), indexed like the Series given.

    For :math:`n` indices :math:`U_1..U_n` of a unit:

    - ``"standard"``: :math:`C = (\\prod_i U_i)^{1/n} / (\\sum_i U_i / n)`, the geometric over the
      arithmetic mean; for two, :math:`C = 2\\sqrt{U_1 U_2} / (U_1 + U_2)`. In [0, 1] (AM-GM): 1
      when all are equal, 0 when one is zero (and 0, not 0/0, when all are). It stays high
      for unequal indices (0.8 when one is four times the other).
    - ``"wang"`` (Wang, Tang & Wang 2021, 自然资源学报 36(3): 793-810):
      :math:`C = \\sqrt{[1 - \\sum_{i>j} |U_i - U_j| / \\sum_{m=1}^{n-1} m] \\prod_i
      (U_i / \\max U)^{1/(n-1)}}`, in [0, 1] and spread over it; 0 when every index is zero.
    - ``"fan"`` (Fan, Ke & Cao 2024, 统计与决策 40): :math:`C = 1 - 2\\,\\mathrm{sd}(U)` with the
      population standard deviation (divisor :math:`n`); in [0, 1], since that sd is at most 1/2.

    Parameters
    ----------
    *U
        Two or more subsystem indices, each a number, an array or a Series, all of one length,
        with values in [0, 1] and none missing; Series must share one index.
    method
        ``"standard"`` (default), ``"wang"`` or ``"fan"``.

    Returns
    -------
    pandas.Series
        ``C`` of each unit, named ``C``, indexed as the first Series among ``U`` (a default index
        when there is none).

    Raises
    ------
    helpers.errors.InputError
        If fewer than two indices are given, one has values missing or outside [0, 1], their
        lengths or indices differ, or ``method`` is not one of the three.
    helpers.errors.InputTypeError
        If an index is not one-dimensional or holds text.

    Examples
    --------
    >>> coupling_degree(0.2, 0.8).round(4).tolist()
    [0.8]
    """
    x, index, _ = _indices(U)
    return pd.Series(_coupling(x, method), index=index, name="C")


def coordination_degree(
    *U, weights=None, method: str = "standard"
) -> pd.DataFrame:
    """Coupling C, comprehensive index T and coupling coordination degree D = sqrt(C T).

    ``weights`` are the ``a_i`` of ``T = sum a_i U_i``: one per subsystem, non-negative, summing to
    one (equal weights if omitted; the paper gives AI and employment quality 0.5 each). Returns a
    DataFrame with columns ``C``, ``T``, ``D`` (one row per unit).

    .. math::

        T = \\sum_k a_k U_k, \\qquad D = \\sqrt{C\\,T},

    with :math:`C` of :func:`coupling_degree` (Gan & Zhang 2025, section 3.3.2, gives the steps
    and the weights 0.5, not the formulas). D and T lie in [0, 1]; D is classified by Table 3
    with :func:`classify`.

    Parameters
    ----------
    *U
        Two or more subsystem indices in [0, 1], as for :func:`coupling_degree`.
    weights
        The :math:`a_k`, one per index in the order of ``U`` (a list, array or Series),
        non-negative and summing to one (within 1e-9); ``None`` gives equal weights.
    method
        The form of C: ``"standard"`` (default), ``"wang"`` or ``"fan"``.

    Returns
    -------
    pandas.DataFrame
        Columns ``C``, ``T`` and ``D``, indexed as the first Series among ``U`` (a default index
        when there is none).

    Raises
    ------
    helpers.errors.InputError
        If the indices fail the checks of :func:`coupling_degree`, or ``weights`` has a missing
        or negative value, the wrong number of entries, or does not sum to one.
    helpers.errors.InputTypeError
        If an index or ``weights`` holds text.

    Examples
    --------
    >>> coordination_degree(0.2, 0.8).round(4).to_dict("records")
    [{'C': 0.8, 'T': 0.5, 'D': 0.6325}]
    """
    x, index, _ = _indices(U)
    n = x.shape[1]
    if weights is None:
        a = np.full(n, 1.0 / n)
    else:
        a = _checks.series(
            list(weights) if not isinstance(weights, pd.Series) else weights,
            "weights",
            nonnegative=True,
        ).to_numpy()
        if len(a) != n:
            raise InputError(
                f"weights has {len(a)} entries for {n} subsystems"
            )
        if not np.isclose(a.sum(), 1.0, atol=1e-9):
            raise InputError(
                f"weights must sum to one; they sum to {a.sum():.6g}"
            )
    C = _coupling(x, method)
    T = x @ a
    return pd.DataFrame({"C": C, "T": T, "D": np.sqrt(C * T)}, index=index)


def first_weighted(weight: float, k: int) -> list[float]:
    """Weights of ``k`` subsystems in T: ``weight`` for the first and the rest shared equally
    (the paper's two systems with 0.5 each are ``first_weighted(0.5, 2)``).

    Parameters
    ----------
    weight
        The first subsystem's weight, strictly between 0 and 1.
    k
        The number of subsystems, at least 2.

    Returns
    -------
    list of float
        ``k`` weights summing to one: ``weight``, then ``(1 - weight) / (k - 1)`` for each other.

    Raises
    ------
    helpers.errors.InputError
        If ``weight`` is not strictly between 0 and 1 or ``k`` is less than 2.
    helpers.errors.InputTypeError
        If ``weight`` is not a number or ``k`` not a whole number.

    Examples
    --------
    >>> first_weighted(0.4, 3)
    [0.4, 0.3, 0.3]
    """
    weight = _checks.probability("weight", weight)
    k = _checks.integer("k", k, minimum=2)
    return [weight] + [(1 - weight) / (k - 1)] * (k - 1)


def levels_table() -> pd.DataFrame:
    """Table 3 with its intervals written out, e.g. ``(0.4, 0.5]``, in Chinese and English.

    Returns
    -------
    pandas.DataFrame
        Ten rows indexed by ``interval`` (text, from ``(0.0, 0.1]`` to ``(0.9, 1.0]``), with the
        columns ``level_zh``, ``level_en``, ``stage_zh`` and ``stage_en``.
    """
    interval = (
        "("
        + LEVELS["lower"].map("{:.1f}".format)
        + ", "
        + LEVELS["upper"].map("{:.1f}".format)
        + "]"
    )
    return LEVELS.drop(columns=["lower", "upper"]).set_index(
        interval.rename("interval")
    )


def classify(D) -> pd.DataFrame | pd.Series:
    """Level (耦合协调关系) and stage (耦合协调阶段) of Table 3 for each coordination degree D.

    Intervals are ``(a, b]``; D must lie in [0, 1] (D = 0 goes to the lowest level). Returns, for a
    scalar, a Series with the level and stage in Chinese and English; for a Series or array, a
    DataFrame with one row per value.

    Parameters
    ----------
    D
        A coordination degree, or an array or Series of them, each finite and in [0, 1].

    Returns
    -------
    pandas.Series or pandas.DataFrame
        For a scalar, a Series indexed by ``D``, ``level_zh``, ``level_en``, ``stage_zh`` and
        ``stage_en``; otherwise a DataFrame with those columns, one row per value, indexed as
        ``D`` when it is a Series (else by position).

    Raises
    ------
    helpers.errors.InputError
        If a value is missing, infinite or outside [0, 1].

    Examples
    --------
    >>> classify(0.4367)[["level_en", "stage_en"]].tolist()
    ['on the verge of imbalance', 'antagonism and running-in']
    """
    scalar = np.ndim(D) == 0
    values = np.atleast_1d(np.asarray(D, dtype=float))
    bad = ~np.isfinite(values) | (values < 0) | (values > 1)
    if bad.any():
        raise InputError(
            f"D must lie in [0, 1]; got {_checks.labels(values[bad])}"
        )
    # searchsorted on the upper bounds with side="left" puts b itself in the interval (a, b]
    rows = np.searchsorted(LEVELS["upper"].to_numpy(), values, side="left")
    table = (
        LEVELS.iloc[rows]
        .drop(columns=["lower", "upper"])
        .reset_index(drop=True)
    )
    table.insert(0, "D", values)
    if scalar:
        return table.iloc[0]
    if isinstance(D, pd.Series):
        table.index = D.index
    return table


def relative_development(
    U1, U2, band: tuple[float, float] = (0.9, 1.1)
) -> pd.DataFrame:
    """The relative development degree ``E = U1 / U2`` (相对发展度) and which subsystem lags.

    D says how high and how balanced two subsystems are together, not which of them lags. ``E``
    does: within ``band`` (0.9 to 1.1 by a common convention) the two develop in step, below it
    the first lags, above it the second. Returns columns ``E`` and ``type`` ("first lags", "in
    step", "second lags", or "undefined (U2 = 0)" where the second index is zero, as a min-max
    index can be), one row per unit.

    .. math::

        E = U_1 / U_2

    (the 相对发展度 of the Chinese coupling literature); :math:`E < b_0`: the first lags,
    :math:`b_0 \\le E \\le b_1`: in step, :math:`E > b_1`: the second lags.

    Parameters
    ----------
    U1, U2
        The two subsystem indices, in [0, 1], as for :func:`coupling_degree` (numbers, arrays or
        Series on one index).
    band
        ``(low, high)``, positive with ``low < 1 < high``; (0.9, 1.1) by default.

    Returns
    -------
    pandas.DataFrame
        Columns ``E`` (float; NaN where ``U2`` is zero) and ``type`` (text), indexed as the first
        Series given (a default index when there is none).

    Raises
    ------
    helpers.errors.InputError
        If ``band`` is not positive or does not enclose 1, or the indices fail the checks of
        :func:`coupling_degree`.
    helpers.errors.InputTypeError
        If an end of ``band`` is not a number, or an index holds text.

    Examples
    --------
    >>> relative_development(0.3, 0.6)[["E", "type"]].to_dict("records")
    [{'E': 0.5, 'type': 'first lags'}]
    """
    low, high = (
        _checks.number("band[0]", band[0], minimum=0, strict=True),
        _checks.number("band[1]", band[1], minimum=0, strict=True),
    )
    if not low < 1 < high:
        raise InputError(f"band must enclose 1 (low < 1 < high); got {band}")
    x, index, _ = _indices((U1, U2))
    positive = x[:, 1] > 0
    e = np.full(len(x), np.nan)
    e[positive] = x[positive, 0] / x[positive, 1]
    kind = np.where(
        e < low, "first lags", np.where(e > high, "second lags", "in step")
    )
    kind = np.where(positive, kind, "undefined (U2 = 0)")
    return pd.DataFrame({"E": e, "type": kind}, index=index)


def jackknife_levels(
    draws: pd.DataFrame, full: pd.DataFrame, weights=None
) -> pd.DataFrame:
    """How far D and its Table 3 level move when the indices are rebuilt without one unit.

    ``draws`` holds the two subsystems' indices of each replication, indexed by (left_out, unit,
    time) (:func:`helpers.indices.jackknife`'s ``indices``, first two columns used); ``full`` the
    indices on all units. Returns, per (unit, time): ``D`` on all units, the smallest and largest
    D over the replications that keep the unit, the number of distinct ``levels`` they give, and
    whether the level ever differs from the full sample's (``changed``).

    D is :func:`coordination_degree`'s standard form, :math:`D = \\sqrt{C T}`, recomputed from
    each replication's indices; the levels are those of :func:`classify` (Table 3).

    Parameters
    ----------
    draws
        The replications' indices, indexed by (left_out, unit, time), the first two columns the
        two subsystems in the order of ``full``.
    full
        The indices on all units, indexed by (unit, time); its first two columns are used.
    weights
        The weights of the two subsystems in T, or ``None`` for 0.5 each.

    Returns
    -------
    pandas.DataFrame
        Indexed by (unit, time), with columns ``D`` (all units), ``D min`` and ``D max`` (over the
        replications that keep the unit), ``levels`` (int, distinct Table 3 levels among them) and
        ``changed`` (bool).

    Raises
    ------
    helpers.errors.InputError
        If an index is outside [0, 1] or missing, or ``weights`` does not fit
        (:func:`coordination_degree`).
    """
    columns = list(full.columns[:2])
    base = coordination_degree(*(full[c] for c in columns), weights=weights)[
        "D"
    ]
    again = coordination_degree(*(draws[c] for c in columns), weights=weights)[
        "D"
    ]
    level = classify(again)["level_en"]
    by_unit_year = again.groupby(level=[1, 2])
    out = pd.DataFrame(
        {
            "D": base,
            "D min": by_unit_year.min(),
            "D max": by_unit_year.max(),
            "levels": level.groupby(level=[1, 2]).nunique(),
        }
    )
    base_level = classify(base)["level_en"]
    differs = level != base_level.reindex(level.droplevel(0).index).to_numpy()
    out["changed"] = differs.groupby(level=[1, 2]).any()
    return out
