"""Inequality: Gini, Theil T and L with their group decomposition, and the Lorenz curve.

``weights`` are population weights throughout: a unit with weight ``p`` counts as ``p`` identical
individuals. This is the regional form used in Chinese studies of regional disparity, where each
province's per-capita value is weighted by its population. With ``weights=None`` every unit counts
once.

Written by hand because the maintained alternatives do not fit: PySAL's ``inequality`` package has
no population weights and no Theil L, and statsmodels has none of these. The unweighted results are
checked in ``tests/regional/test_inequality.py`` against PySAL's published values for Mexico.

References
----------
Theil, H. (1967). *Economics and Information Theory*. North-Holland. Shorrocks, A. F. (1980). The
class of additively decomposable inequality measures. *Econometrica* 48(3), 613-625. Cowell, F. A.
(2011). *Measuring Inequality*, 3rd ed. Oxford University Press. Rhoades, S. A. (1993). The
Herfindahl-Hirschman index. *Federal Reserve Bulletin* 79, 188-189.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from helpers import _checks
from helpers.errors import InputError, InputTypeError

# -- input checks ------------------------------------------------------------------------------


def _values(
    values, name: str = "values", allow_zero: bool = True
) -> pd.Series:
    """``values`` as a float Series, refusing what the indices cannot take."""
    numeric = _checks.series(values, name, nonnegative=True)
    if not allow_zero and (numeric == 0).any():
        raise InputError(
            f"{name} must be positive (the index takes logs); zero at "
            f"{_checks.labels(numeric == 0)}"
        )
    if numeric.sum() == 0:
        raise InputError(f"{name} are all zero; the mean must be positive")
    return numeric


def _weights(weights, values: pd.Series) -> np.ndarray:
    """Population weights aligned with ``values`` (ones when ``weights`` is None).

    Weights must be strictly positive: a unit of zero population has no place in a population-
    weighted index, and zero weights could leave the weighted mean (or a group) empty.
    """
    if weights is None:
        return np.ones(len(values))
    w = _checks.series(weights, "weights", positive=True)
    return _checks.aligned(w, values, "weights").to_numpy()


def _weighted_mean(y: np.ndarray, w: np.ndarray) -> float:
    return float(np.sum(w * y) / np.sum(w))


# -- Gini and Lorenz ---------------------------------------------------------------------------


def gini(values, weights=None, small_sample: bool = False) -> float:
    r"""Gini coefficient.

    .. math::
        G = \frac{\sum_i \sum_j p_i p_j |y_i - y_j|}{2 P^2 \mu},
        \qquad P = \sum_i p_i,\quad \mu = \frac{1}{P}\sum_i p_i y_i

    with :math:`p_i = 1` when unweighted. Computed in :math:`O(n \log n)` from the sorted values.

    Parameters
    ----------
    values
        Non-negative values (income, output per head, an index score), not all zero.
    weights
        Population weights, or ``None``.
    small_sample
        Multiply by :math:`n/(n-1)` (Deltas 2003, *Review of Economics and Statistics* 85(1)), which
        makes the index reach one when a single unit has everything. Unweighted data only.

    Returns
    -------
    float
        Between 0 (equality) and :math:`1 - 1/n` (one unit has all), or 1 with the correction.

    Examples
    --------
    >>> round(gini([1, 1, 2, 4]), 4)
    0.3125
    """
    y = _values(values)
    w = _weights(weights, y)
    if small_sample:
        if weights is not None:
            raise InputError(
                "small_sample=True is defined for unweighted data; with population weights the "
                "number of individuals, not units, would set the correction"
            )
        if len(y) < 2:
            raise InputError("small_sample=True needs at least two units")
    order = np.argsort(y.to_numpy(), kind="mergesort")
    ys, ws = y.to_numpy()[order], w[order]
    w_before = np.cumsum(ws) - ws  # population below unit i
    z_before = np.cumsum(ws * ys) - ws * ys  # total value below unit i
    # sum over i<j of p_i p_j (y_j - y_i)
    pairs = np.sum(ws * (ys * w_before - z_before))
    g = pairs / (np.sum(ws) * np.sum(ws * ys))
    if small_sample:
        g *= len(y) / (len(y) - 1)
    return float(g)


def lorenz_curve(values, weights=None) -> pd.DataFrame:
    r"""Lorenz curve: cumulative population share against cumulative value share.

    Units are sorted from the lowest value up (ties keep their input order). The first row is the
    origin (0, 0); point :math:`k` is :math:`(\sum_{i \le k} p_i / P,\ \sum_{i \le k} p_i y_i /
    \sum_i p_i y_i)`.

    Parameters
    ----------
    values
        Non-negative values, not all zero (a Series keeps its labels as the units).
    weights
        Population weights, strictly positive and aligned with ``values``, or ``None`` (every unit
        counts once).

    Returns
    -------
    pandas.DataFrame
        ``n + 1`` rows on a default index, with columns ``unit`` (the label of the unit added at
        that point, as text; empty at the origin), ``population_share`` and ``value_share``, both
        from 0 to 1.

    Raises
    ------
    helpers.errors.InputTypeError
        If ``values`` or ``weights`` is not one-dimensional or holds text.
    helpers.errors.InputError
        If a value is missing, infinite or negative, all values are zero, or a weight is not
        positive or does not match a unit of ``values``.

    Examples
    --------
    >>> lorenz_curve([1, 3])["value_share"].tolist()
    [0.0, 0.25, 1.0]
    """
    y = _values(values)
    w = _weights(weights, y)
    order = np.argsort(y.to_numpy(), kind="mergesort")
    ys, ws = y.to_numpy()[order], w[order]
    pop = np.concatenate([[0.0], np.cumsum(ws) / ws.sum()])
    val = np.concatenate([[0.0], np.cumsum(ws * ys) / np.sum(ws * ys)])
    units = [""] + [str(label) for label in y.index[order]]
    return pd.DataFrame(
        {"unit": units, "population_share": pop, "value_share": val}
    )


# -- Theil indices -----------------------------------------------------------------------------


def theil_t(values, weights=None) -> float:
    r"""Theil T index (GE(1), the mean log deviation weighted by value shares).

    .. math::
        T = \sum_i \frac{p_i}{P}\,\frac{y_i}{\mu}\,\ln\frac{y_i}{\mu}

    with :math:`0 \ln 0 = 0`, so zero values are allowed. 0 means equality; the maximum is
    :math:`\ln P` when one unit holds everything.

    Parameters
    ----------
    values
        Non-negative values, not all zero.
    weights
        Population weights :math:`p_i`, strictly positive and aligned with ``values``, or ``None``
        (:math:`p_i = 1`).

    Returns
    -------
    float
        The index, from 0 (equality) to :math:`\ln P`.

    Raises
    ------
    helpers.errors.InputTypeError
        If ``values`` or ``weights`` is not one-dimensional or holds text.
    helpers.errors.InputError
        If a value is missing, infinite or negative, all values are zero, or a weight is not
        positive or does not match a unit of ``values``.

    Examples
    --------
    >>> round(theil_t([1, 1, 2, 4]), 4)
    0.1733
    """
    y = _values(values)
    w = _weights(weights, y)
    return _theil_t(y.to_numpy(), w)


def theil_l(values, weights=None) -> float:
    r"""Theil L index (GE(0), the mean log deviation).

    .. math::
        L = \sum_i \frac{p_i}{P}\,\ln\frac{\mu}{y_i}

    Values must be strictly positive (the index takes :math:`\ln y_i`). 0 means equality; the
    index has no upper bound as the smallest value approaches zero.

    Parameters
    ----------
    values
        Strictly positive values.
    weights
        Population weights :math:`p_i`, strictly positive and aligned with ``values``, or ``None``
        (:math:`p_i = 1`).

    Returns
    -------
    float
        The index, zero or more.

    Raises
    ------
    helpers.errors.InputTypeError
        If ``values`` or ``weights`` is not one-dimensional or holds text.
    helpers.errors.InputError
        If a value is missing, infinite, negative or zero, or a weight is not positive or does not
        match a unit of ``values``.

    Examples
    --------
    >>> round(theil_l([1, 2, 4]), 4)
    0.1542
    """
    y = _values(values, allow_zero=False)
    w = _weights(weights, y)
    return _theil_l(y.to_numpy(), w)


def _theil_t(y: np.ndarray, w: np.ndarray) -> float:
    ratio = y / _weighted_mean(y, w)
    terms = np.zeros_like(ratio)
    pos = ratio > 0
    terms[pos] = ratio[pos] * np.log(ratio[pos])
    return float(np.sum(w * terms) / np.sum(w))


def _theil_l(y: np.ndarray, w: np.ndarray) -> float:
    return float(np.sum(w * np.log(_weighted_mean(y, w) / y)) / np.sum(w))


@dataclass(frozen=True)
class TheilDecomposition:
    """Result of :func:`theil_decomposition`.

    Attributes
    ----------
    kind
        ``"T"`` or ``"L"``.
    total, within, between
        The index and its two parts; ``within + between == total``.
    groups
        One row per group: ``units``, ``population_share``, ``value_share``, ``mean``, ``index``
        (the group's own Theil index), ``weight`` (value share for T, population share for L),
        ``within_contribution`` (weight times index) and ``share_of_total`` (that contribution over
        the total index; zero when the total is zero).
    """

    kind: str
    total: float
    within: float
    between: float
    groups: pd.DataFrame

    @property
    def between_share(self) -> float:
        """Share of total inequality that lies between groups (0 when the total is 0)."""
        return self.between / self.total if self.total > 0 else 0.0

    def to_frame(self) -> pd.DataFrame:
        """Total, within and between with their shares of the total, as a table.

        Returns
        -------
        pandas.DataFrame
            Index ``total``, ``within``, ``between`` (named ``Theil T`` or ``Theil L``), columns
            ``value`` (the index or its part) and ``share`` (the part over the total; 0 for every
            row when the total is 0).
        """
        share = (
            (lambda x: x / self.total) if self.total > 0 else (lambda x: 0.0)
        )
        return pd.DataFrame(
            {
                "value": [self.total, self.within, self.between],
                "share": [
                    share(self.total),
                    share(self.within),
                    share(self.between),
                ],
            },
            index=pd.Index(
                ["total", "within", "between"], name=f"Theil {self.kind}"
            ),
        )


def theil_decomposition(
    values, groups, weights=None, kind: str = "T"
) -> TheilDecomposition:
    r"""Exact decomposition of the Theil T or L index into within- and between-group parts.

    For groups :math:`g` with population shares :math:`\pi_g = P_g/P`, means :math:`\mu_g` and value
    shares :math:`s_g = \pi_g \mu_g / \mu` (Shorrocks 1980):

    .. math::
        T = \underbrace{\sum_g s_g T_g}_{\text{within}}
          + \underbrace{\sum_g s_g \ln\frac{\mu_g}{\mu}}_{\text{between}},
        \qquad
        L = \underbrace{\sum_g \pi_g L_g}_{\text{within}}
          + \underbrace{\sum_g \pi_g \ln\frac{\mu}{\mu_g}}_{\text{between}}.

    Parameters
    ----------
    values
        Non-negative values (strictly positive for ``kind="L"``).
    groups
        Group label of each unit, same length (and, for Series, same index) as ``values``.
    weights
        Population weights, or ``None``.
    kind
        ``"T"`` (Theil T, GE(1)) or ``"L"`` (Theil L, GE(0)).

    Returns
    -------
    TheilDecomposition
        ``total``, ``within`` and ``between`` (``within + between == total``) and the table of
        ``groups``, indexed by group label in order of first appearance.

    Raises
    ------
    helpers.errors.InputTypeError
        If ``values``, ``weights`` or ``groups`` is not one-dimensional, or ``values`` holds text.
    helpers.errors.InputError
        If ``kind`` is not ``"T"`` or ``"L"``; a value is missing, infinite or negative (zero for
        ``"L"``), or all are zero; a group label is missing; or ``groups`` or ``weights`` do not
        match the units of ``values``.

    Examples
    --------
    >>> parts = theil_decomposition([1, 1, 2, 4], ["A", "A", "B", "B"])
    >>> round(parts.within, 4), round(parts.between, 4), round(parts.between_share, 4)
    (0.0425, 0.1308, 0.7549)
    """
    _checks.option("kind", kind, ("T", "L"))
    y = _values(values, allow_zero=(kind == "T"))
    w = _weights(weights, y)
    g = _groups(groups, y)

    theil = _theil_t if kind == "T" else _theil_l
    mu = _weighted_mean(y.to_numpy(), w)
    total = theil(y.to_numpy(), w)
    rows = {}
    for label in pd.unique(g):
        member = (g == label).to_numpy()
        yg, wg = y.to_numpy()[member], w[member]
        mu_g = _weighted_mean(yg, wg)
        pop_share = wg.sum() / w.sum()
        value_share = pop_share * mu_g / mu
        if kind == "L":
            index, between_term = theil(yg, wg), pop_share * np.log(mu / mu_g)
        elif mu_g > 0:
            index, between_term = (
                theil(yg, wg),
                value_share * np.log(mu_g / mu),
            )
        else:
            # a group of zeros (possible for T only) is equal inside, and its between term is
            # s_g ln(mu_g / mu) = 0 ln 0 = 0 by the convention used for units
            index, between_term = 0.0, 0.0
        rows[label] = {
            "units": int(member.sum()),
            "population_share": pop_share,
            "value_share": value_share,
            "mean": mu_g,
            "index": index,
            "weight": value_share if kind == "T" else pop_share,
            "between_term": between_term,
        }
    table = pd.DataFrame.from_dict(rows, orient="index")
    table["within_contribution"] = table["weight"] * table["index"]
    within = float(table["within_contribution"].sum())
    between = float(table["between_term"].sum())
    table["share_of_total"] = (
        table["within_contribution"] / total if total > 0 else 0.0
    )
    table.index.name = "group"
    table = table.drop(columns="between_term")
    return TheilDecomposition(
        kind=kind, total=total, within=within, between=between, groups=table
    )


def _groups(groups, y: pd.Series) -> pd.Series:
    if isinstance(groups, pd.DataFrame):
        raise InputTypeError(
            "groups must be one-dimensional (a Series or a list); got a DataFrame"
        )
    g = (
        groups.copy()
        if isinstance(groups, pd.Series)
        else pd.Series(list(groups))
    )
    g = _checks.aligned(g, y, "groups")
    if g.isna().any():
        raise InputError(
            f"groups has missing labels at {_checks.labels(g.isna())}"
        )
    return g


def between_share_permutation(
    values,
    groups,
    weights=None,
    kind: str = "T",
    n_reps: int = 999,
    seed: int = 0,
) -> pd.Series:
    """Permutation test: is the between-group share larger than random groupings give?

    Group labels are shuffled across units (keeping the group sizes) ``n_reps`` times and the
    between-group share of the Theil index recomputed each time. The p-value is ``(1 + #{null >=
    observed}) / (1 + n_reps)`` (Phipson & Smyth 2010, *Statistical Applications in Genetics and
    Molecular Biology* 9(1)).

    The units are treated as exchangeable under the null of no regional pattern; with a full
    population of provinces this is a descriptive benchmark, not sampling inference.

    Parameters
    ----------
    values
        Non-negative values (strictly positive for ``kind="L"``), not all zero.
    groups
        Group label of each unit, aligned with ``values`` as in :func:`theil_decomposition`.
    weights
        Population weights, or ``None``. They stay with their units when the labels are shuffled.
    kind
        ``"T"`` or ``"L"``: which Theil index to decompose.
    n_reps
        Number of random groupings, at least 1.
    seed
        Seed of ``numpy.random.default_rng``, a non-negative integer.

    Returns
    -------
    pandas.Series
        ``observed`` share, the null distribution's ``null_mean`` and ``null_p95`` (its 95th
        percentile), ``pvalue`` and ``n_reps``. Shares are 0 when the total index is 0.

    Raises
    ------
    helpers.errors.InputTypeError
        If ``n_reps`` or ``seed`` is not an integer, or the data are not as
        :func:`theil_decomposition` needs.
    helpers.errors.InputError
        If ``n_reps`` is below 1 or ``seed`` negative, or the data are not as
        :func:`theil_decomposition` needs.

    Examples
    --------
    >>> test = between_share_permutation([1, 1, 2, 4, 5, 6], list("AAABBB"), n_reps=99, seed=1)
    >>> round(float(test["observed"]), 3), round(float(test["pvalue"]), 2)
    (0.886, 0.06)
    """
    n_reps = _checks.integer("n_reps", n_reps, minimum=1)
    _checks.integer("seed", seed, minimum=0)
    observed = theil_decomposition(values, groups, weights, kind).between_share
    checked = _values(values, allow_zero=(kind == "T"))
    y, w = checked.to_numpy(), _weights(weights, checked)
    codes = pd.factorize(_groups(groups, checked))[0]
    rng = np.random.default_rng(seed)
    null = np.empty(n_reps)
    total = (_theil_t if kind == "T" else _theil_l)(y, w)
    mu = _weighted_mean(y, w)
    for b in range(n_reps):
        perm = rng.permutation(codes)
        pop = np.bincount(perm, weights=w)
        mean_g = np.bincount(perm, weights=w * y) / pop
        pi = pop / pop.sum()
        if kind == "T":
            s = pi * mean_g / mu
            term = np.where(
                s > 0, s * np.log(np.where(mean_g > 0, mean_g, 1.0) / mu), 0.0
            )
        else:
            term = pi * np.log(mu / mean_g)
        null[b] = term.sum() / total if total > 0 else 0.0
    pvalue = (1 + np.sum(null >= observed - 1e-12)) / (1 + n_reps)
    return pd.Series(
        {
            "observed": observed,
            "null_mean": float(null.mean()),
            "null_p95": float(np.quantile(null, 0.95)),
            "pvalue": float(pvalue),
            "n_reps": int(n_reps),
        }
    )
