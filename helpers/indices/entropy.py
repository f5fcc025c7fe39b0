"""Composite indices weighted by the entropy weight method (熵值法).

For ``n`` units and indicators ``j = 1..m`` with standardised values ``z_ij >= 0``:

.. math::

    p_{ij} = z_{ij} / \\sum_i z_{ij}, \\qquad
    e_j = -\\frac{1}{\\ln n} \\sum_i p_{ij} \\ln p_{ij}, \\qquad
    d_j = 1 - e_j, \\qquad
    w_j = d_j / \\sum_k d_k,

and the composite score of unit ``i`` is ``sum_j w_j z_ij`` (Shannon 1948; for the method as used in
multi-criteria decision making see Zeleny 1982, Xu 2004 and Zavadskas & Podvezko 2016). No
maintained Python package implements the variants below, so they are written here.

Choices that change the weights, all documented where they are made:

- ``standardize="minmax"``: positive indicators ``(x - min) / (max - min)``, negative ones
  ``(max - x) / (max - min)``; ``"none"``: the raw (non-negative) values, as in much of the MCDM
  literature, where the direction of an indicator does not enter the weights.
- ``zero="shift"`` adds ``shift`` to every standardised value so that ``ln p`` exists;
  ``zero="limit"`` uses the limit ``p ln p -> 0`` as ``p -> 0`` instead.
- A constant indicator carries no information: its entropy is one and its weight zero (with
  ``"minmax"`` its standardised values are all set to zero, so it adds nothing to a score either).
- Panels (a two-level index, units then time): ``"pooled"`` standardises over all unit-years and
  uses ``k = 1 / ln(r n)`` for ``r`` years, so scores are comparable over time; ``"per_year"``
  standardises and weights each year on its own; ``"mean_of_years"`` averages the per-year weights
  (scores are then standardised over all unit-years, as with ``"pooled"``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from helpers import _checks
from helpers.errors import InputError, InputTypeError

STANDARDIZE = ("minmax", "none")
ZERO = ("shift", "limit")
PANEL = (None, "pooled", "per_year", "mean_of_years")
_POSITIVE = {"+", "positive", "benefit", 1}
_NEGATIVE = {"-", "negative", "cost", -1}


# -- validation ---------------------------------------------------------------------------------


def _check_data(data: pd.DataFrame, standardize: str) -> pd.DataFrame:
    values = _checks.frame(data, "data")
    if standardize == "none":
        for column in values.columns:
            negative = values[column] < 0
            if negative.any():
                raise InputError(
                    f"indicator {column!r} has negative values in rows {_checks.labels(negative)}; "
                    "standardize='none' needs non-negative data (use standardize='minmax')"
                )
            if values[column].sum() == 0:
                raise InputError(
                    f"indicator {column!r} is zero for every unit; its proportions are undefined"
                )
    return values


def directions_vector(directions, columns: pd.Index) -> np.ndarray:
    """Return +1 / -1 per column from ``directions`` (a mapping or Series; missing means positive).

    Labels may be ``"+"``/``"positive"``/``"benefit"``/``1`` or
    ``"-"``/``"negative"``/``"cost"``/``-1``.

    Parameters
    ----------
    directions
        Mapping or Series from indicator name to its direction label; ``None`` makes every
        indicator positive. An indicator of ``columns`` it does not name is positive.
    columns
        The indicators, in the order of the result.

    Returns
    -------
    numpy.ndarray
        One float per column of ``columns``: ``1.0`` for a positive indicator (higher is better),
        ``-1.0`` for a negative one.

    Raises
    ------
    helpers.errors.InputTypeError
        If ``directions`` is neither a mapping nor a Series (nor ``None``).
    helpers.errors.InputError
        If ``directions`` names an indicator not in ``columns``, or has a label other than those
        above.

    Examples
    --------
    >>> directions_vector({"b": "-"}, pd.Index(["a", "b"])).tolist()
    [1.0, -1.0]
    """
    if directions is None:
        return np.ones(len(columns))
    if not isinstance(directions, (Mapping, pd.Series)):
        raise InputTypeError(
            "directions must be a mapping or Series from indicator name to direction"
        )
    directions = dict(directions)
    unknown_columns = [c for c in directions if c not in columns]
    if unknown_columns:
        raise InputError(
            f"directions name indicator(s) not in data: {_checks.labels(unknown_columns)}"
        )
    signs = []
    for column in columns:
        label = directions.get(column, "+")
        if label in _POSITIVE:
            signs.append(1.0)
        elif label in _NEGATIVE:
            signs.append(-1.0)
        else:
            raise InputError(
                f"unknown direction {label!r} for indicator {column!r}; use '+'/'positive' or "
                "'-'/'negative'"
            )
    return np.array(signs)


def _groups(data: pd.DataFrame, panel) -> np.ndarray | None:
    """Year labels for ``panel="per_year"``/``"mean_of_years"``, None otherwise."""
    _checks.option("panel", panel, PANEL)
    if panel is None:
        return None
    if not isinstance(data.index, pd.MultiIndex) or data.index.nlevels != 2:
        raise InputError(
            f"panel={panel!r} needs data indexed by (unit, year): a two-level MultiIndex"
        )
    if data.index.duplicated().any():
        raise InputError(
            f"duplicate (unit, year) rows: {_checks.labels(data.index[data.index.duplicated()])}"
        )
    return (
        data.index.get_level_values(1).to_numpy()
        if panel != "pooled"
        else None
    )


# -- the method ---------------------------------------------------------------------------------


def standardize_indicators(
    data: pd.DataFrame,
    directions=None,
    standardize: str = "minmax",
    panel=None,
) -> pd.DataFrame:
    """Standardise indicators to [0, 1] (``"minmax"``) or return them as floats (``"none"``).

    With ``panel="per_year"`` the minimum and maximum are taken within each year, otherwise over all
    rows. A constant indicator becomes zero.

    For a positive indicator :math:`z_{ij} = (x_{ij} - \\min_i x_{ij}) / (\\max_i x_{ij} -
    \\min_i x_{ij})`, for a negative one :math:`z_{ij} = (\\max_i x_{ij} - x_{ij}) / (\\max_i
    x_{ij} - \\min_i x_{ij})` (the min-max rescaling of the entropy weight method; Zeleny 1982,
    Zavadskas & Podvezko 2016).

    Parameters
    ----------
    data
        One row per unit (or unit-year), one numeric column per indicator; no missing or infinite
        values. With ``"none"`` every value must be non-negative and no column all zero.
    directions
        Mapping or Series from indicator to ``"+"`` or ``"-"`` (see :func:`directions_vector`);
        ``None`` or an indicator not named means positive.
    standardize
        ``"minmax"`` (default) or ``"none"`` (the values as they are, as floats; negative
        indicators are then refused, since raw values cannot be turned round).
    panel
        ``None``, ``"pooled"``, ``"per_year"`` or ``"mean_of_years"``. Only ``"per_year"`` changes
        the result (bounds taken within each year); any panel option needs ``data`` indexed by
        (unit, year) without duplicated rows.

    Returns
    -------
    pandas.DataFrame
        Indexed and labelled as ``data``: with ``"minmax"`` the values in [0, 1] (0 at the worst
        unit, 1 at the best; 0 throughout for an indicator constant over the rows, or over a
        year's rows with ``"per_year"``); with ``"none"`` the values as floats.

    Raises
    ------
    helpers.errors.InputTypeError
        If ``data`` is not a DataFrame, holds text or booleans, or ``directions`` is not a mapping.
    helpers.errors.InputError
        If ``standardize`` or ``panel`` is not one of the options, a value is missing or
        infinite, ``directions`` names an unknown indicator or label, ``"none"`` meets a
        negative value, an all-zero column or a negative indicator, or a panel option meets an
        index that is not a unique (unit, year) MultiIndex.

    Examples
    --------
    >>> x = pd.DataFrame({"a": [1.0, 2.0, 3.0], "b": [4.0, 1.0, 1.0]})
    >>> standardize_indicators(x, {"b": "-"})["b"].tolist()
    [0.0, 1.0, 1.0]
    """
    _checks.option("standardize", standardize, STANDARDIZE)
    values = _check_data(data, standardize)
    signs = directions_vector(directions, values.columns)
    groups = _groups(values, panel) if panel is not None else None
    if standardize == "none":
        if (signs < 0).any():
            negative = list(values.columns[signs < 0])
            raise InputError(
                f"negative indicator(s) {_checks.labels(negative)} need standardize='minmax' to be "
                "scored"
            )
        return values
    if panel != "per_year":
        groups = None
    out = values.copy()
    blocks = (
        [np.ones(len(values), bool)]
        if groups is None
        else [groups == g for g in pd.unique(groups)]
    )
    for rows in blocks:
        x = values.to_numpy()[rows]
        low, high = x.min(axis=0), x.max(axis=0)
        span = np.where(high > low, high - low, 1.0)
        z = np.where(signs > 0, (x - low) / span, (high - x) / span)
        out.iloc[np.flatnonzero(rows)] = np.where(high > low, z, 0.0)
    return out


def _entropy(
    z: np.ndarray, zero: str, shift: float, n_units: int
) -> np.ndarray:
    """Entropy ``e_j`` of each column of non-negative ``z`` (rows are units)."""
    if zero == "shift":
        z = z + shift
    totals = z.sum(axis=0)
    # a column of zeros (a constant indicator under min-max with zero="limit") carries no
    # information
    p = np.where(
        totals > 0, z / np.where(totals > 0, totals, 1.0), 1.0 / len(z)
    )
    with np.errstate(divide="ignore", invalid="ignore"):
        plogp = np.where(p > 0, p * np.log(p), 0.0)
    return -plogp.sum(axis=0) / np.log(n_units)


def _weights_table(e: np.ndarray, columns: pd.Index) -> pd.DataFrame:
    # rounding can push a constant column's entropy a hair above one
    e = np.clip(e, 0.0, 1.0)
    d = 1.0 - e
    if d.sum() <= 0:
        raise InputError(
            "every indicator is constant, so the entropy weights are undefined"
        )
    table = pd.DataFrame(
        {"entropy": e, "divergence": d, "weight": d / d.sum()}, index=columns
    )
    table.index.name = "indicator"
    return table


def entropy_weights(
    data: pd.DataFrame,
    directions=None,
    standardize: str = "minmax",
    zero: str = "shift",
    shift: float = 1e-4,
    panel=None,
) -> pd.DataFrame:
    """Entropy weights of the indicators in ``data``.

    With :math:`z_{ij}` the standardised values (:func:`standardize_indicators`, plus ``shift``
    with ``zero="shift"``) of unit :math:`i = 1..n` and indicator :math:`j`,

    .. math::

        p_{ij} = z_{ij} / \\sum_i z_{ij}, \\qquad
        e_j = -\\frac{1}{\\ln n} \\sum_i p_{ij} \\ln p_{ij}, \\qquad
        d_j = 1 - e_j, \\qquad
        w_j = d_j / \\sum_k d_k

    (Shannon 1948; Zeleny 1982; Zavadskas & Podvezko 2016). A column of zeros (a constant
    indicator under min-max with ``zero="limit"``) gets :math:`p_{ij} = 1/n`, so :math:`e_j = 1`
    and :math:`w_j = 0`; entropies a rounding error above one are clipped to one. With
    ``panel="pooled"`` :math:`n` is the number of unit-years.

    Parameters
    ----------
    data
        One row per unit (``panel=None``) or per unit-year (a two-level index, unit then year), one
        numeric column per indicator.
    directions
        Mapping from indicator to ``"+"`` or ``"-"``; indicators not named are positive.
    standardize
        ``"minmax"`` or ``"none"`` (proportions of the raw, non-negative values).
    zero
        ``"shift"`` (add ``shift`` to every standardised value) or ``"limit"`` (``0 ln 0 = 0``).
    shift
        The constant added with ``zero="shift"``; must be positive.
    panel
        ``None``, ``"pooled"``, ``"per_year"`` or ``"mean_of_years"`` (see the module docstring).

    Returns
    -------
    DataFrame
        Columns ``entropy`` (e_j), ``divergence`` (d_j = 1 - e_j) and ``weight`` (w_j), one row per
        indicator; with ``panel="per_year"`` one row per (year, indicator).
        The index is named ``indicator`` (``year``, ``indicator`` with ``"per_year"``); the
        weights sum to one (in each year with ``"per_year"``). With ``"mean_of_years"`` each
        column is the mean of the per-year values, so the weights still sum to one.

    Raises
    ------
    helpers.errors.InputTypeError
        If ``data`` is not a DataFrame, holds text or booleans, or ``directions`` is not a mapping.
    helpers.errors.InputError
        If an option is not one of those above, ``shift`` is not positive, a value is missing or
        infinite (or negative with ``"none"``), a panel option meets an index that is not a
        unique (unit, year) MultiIndex, there are fewer than two units (in a year, per year),
        or every indicator is constant.

    Examples
    --------
    >>> import pandas as pd
    >>> x = pd.DataFrame({"a": [1.0, 2.0, 3.0], "b": [1.0, 1.0, 4.0]})
    >>> entropy_weights(x, zero="limit")["weight"].round(4).tolist()
    [0.2961, 0.7039]
    """
    _checks.option("zero", zero, ZERO)
    _checks.number("shift", shift, minimum=0, strict=True)
    groups = (
        _groups(
            data if isinstance(data, pd.DataFrame) else pd.DataFrame(), panel
        )
        if panel
        else None
    )
    by_year = panel in ("per_year", "mean_of_years")
    if standardize == "none":
        # proportions of the raw values: a column's entropy has no direction, so directions are
        # only checked here (they matter when the indicators are scored)
        directions_vector(directions, _check_data(data, standardize).columns)
        directions = None
    z = standardize_indicators(
        data, directions, standardize, panel="per_year" if by_year else None
    )
    if groups is None:
        if len(z) < 2:
            raise InputError(
                f"entropy weights need at least two units, got {len(z)}"
            )
        return _weights_table(
            _entropy(z.to_numpy(), zero, shift, len(z)), z.columns
        )
    per_year = {}
    for year in pd.unique(groups):
        rows = groups == year
        if rows.sum() < 2:
            raise InputError(
                f"entropy weights need at least two units per year; year {year} has {rows.sum()}"
            )
        per_year[year] = _weights_table(
            _entropy(z.to_numpy()[rows], zero, shift, int(rows.sum())),
            z.columns,
        )
    stacked = pd.concat(per_year, names=["year", "indicator"])
    if panel == "per_year":
        return stacked
    return stacked.groupby(level="indicator", sort=False).mean()


def composite_index(
    data: pd.DataFrame,
    weights: pd.Series | pd.DataFrame,
    directions=None,
    standardize: str = "minmax",
    panel=None,
) -> pd.Series:
    """Weighted sum of standardised indicators, ``s_i = sum_j w_j z_ij``.

    ``weights`` is a Series indexed by indicator, or the table returned by :func:`entropy_weights`
    (its ``weight`` column; with ``panel="per_year"`` each year's own weights). Scores use the same
    standardisation as the weights, without the zero shift, so with ``"minmax"`` they lie in [0, 1].

    Parameters
    ----------
    data
        The indicators, one row per unit or unit-year (a (unit, year) MultiIndex with any panel
        option), as for :func:`entropy_weights`.
    weights
        A Series indexed by indicator, naming exactly the columns of ``data``, finite and
        non-negative; or the table of :func:`entropy_weights`, whose ``weight`` column is used.
        With ``panel="per_year"``: weights indexed by (year, indicator), one set for each year of
        ``data``.
    directions
        Mapping from indicator to ``"+"`` or ``"-"``; indicators not named are positive.
    standardize
        ``"minmax"`` (default) or ``"none"``, as for the weights.
    panel
        ``None``, ``"pooled"`` or ``"mean_of_years"`` (one set of weights, the indicators
        standardised over all rows) or ``"per_year"`` (each year standardised on its own and
        scored with its own weights).

    Returns
    -------
    pandas.Series
        The score :math:`s_i` of each row, indexed as ``data`` and named ``index``.

    Raises
    ------
    helpers.errors.InputTypeError
        If ``weights`` is neither a Series nor a table, or ``data`` is not a numeric DataFrame.
    helpers.errors.InputError
        If the table has no ``weight`` column, the weights and the columns of ``data`` disagree,
        a weight is negative or not finite, per-year weights are not indexed by (year,
        indicator) or miss a year of ``data``, or ``data`` fails the checks of
        :func:`standardize_indicators`.

    Examples
    --------
    >>> import pandas as pd
    >>> x = pd.DataFrame({"a": [1.0, 2.0, 3.0], "b": [1.0, 1.0, 4.0]})
    >>> composite_index(x, entropy_weights(x, zero="limit")).round(4).tolist()
    [0.0, 0.148, 1.0]
    """
    if isinstance(weights, pd.DataFrame):
        if "weight" not in weights:
            raise InputError(
                "weights table has no 'weight' column (pass the output of entropy_weights)"
            )
        weights = weights["weight"]
    if not isinstance(weights, pd.Series):
        raise InputTypeError(
            f"weights must be a Series or the entropy_weights table, got {type(weights).__name__}"
        )
    if panel == "per_year":
        z = standardize_indicators(
            data, directions, standardize, panel="per_year"
        )
        years = data.index.get_level_values(1)
        if not isinstance(weights.index, pd.MultiIndex):
            raise InputError(
                "panel='per_year' needs per-year weights indexed by (year, indicator)"
            )
        w = (
            weights.unstack("indicator")
            if "indicator" in weights.index.names
            else weights.unstack()
        )
        missing_years = sorted(set(years) - set(w.index))
        if missing_years:
            raise InputError(
                f"no weights for year(s) {_checks.labels(missing_years)}"
            )
        _check_weight_names(w.columns, z.columns)
        scores = (z[w.columns].to_numpy() * w.loc[years].to_numpy()).sum(
            axis=1
        )
        return pd.Series(scores, index=data.index, name="index")
    _groups(data, panel)  # validates the panel option and the index
    z = standardize_indicators(data, directions, standardize)
    _check_weight_names(weights.index, z.columns)
    if not np.isfinite(weights.to_numpy(float)).all() or (weights < 0).any():
        raise InputError("weights must be finite and non-negative")
    return pd.Series(
        z[weights.index].to_numpy() @ weights.to_numpy(float),
        index=data.index,
        name="index",
    )


def _check_weight_names(weight_names: pd.Index, columns: pd.Index) -> None:
    missing = [c for c in columns if c not in weight_names]
    extra = [c for c in weight_names if c not in columns]
    if missing or extra:
        raise InputError(
            f"weights and data disagree: no weight for {_checks.labels(missing) or 'none'}; "
            f"weights for unknown {_checks.labels(extra) or 'none'}"
        )


# -- the hierarchical index of the paper --------------------------------------------------------


@dataclass(frozen=True)
class HierarchicalIndex:
    """Result of :func:`hierarchical_index`.

    Attributes
    ----------
    indicator_weights
        Entropy, divergence and weight of each indicator *within its dimension* (index: dimension,
        indicator; for ``panel="per_year"`` also year).
    dimension_weights
        Entropy, divergence and weight of each dimension index in the system index.
    dimensions
        The dimension indices, one column per dimension, each in [0, 1] with ``"minmax"``.
    index
        The system index, ``sum_k W_k D_k``.
    """

    indicator_weights: pd.DataFrame
    dimension_weights: pd.DataFrame
    dimensions: pd.DataFrame
    index: pd.Series


def hierarchical_index(
    data: pd.DataFrame,
    structure: Mapping[str, list],
    directions=None,
    standardize: str = "minmax",
    zero: str = "shift",
    shift: float = 1e-4,
    panel=None,
) -> HierarchicalIndex:
    """Two-level entropy index: indicators within dimensions, then dimensions within the system.

    Stage 1 weights the indicators of each dimension by entropy and scores the dimension (``D_k =
    sum_{j in k} w_j z_j``). Stage 2 weights the dimension indices by entropy, treating them as
    positive indicators, and the system index is ``sum_k W_k D_k`` (the dimension indices enter
    unstandardised, so the system index stays on their scale). This is one reading of the paper's
    step 3 (各指标权重以及各层维度权重); the paper does not give its formulas.

    Parameters
    ----------
    data
        The indicators, one row per unit or unit-year (a (unit, year) MultiIndex with any panel
        option); it may hold other columns, which are ignored.
    structure
        Mapping from dimension name to the list of its indicators (columns of ``data``); each
        indicator in one dimension only, each dimension with at least one indicator.
    directions
        Mapping from indicator to ``"+"`` or ``"-"``; indicators not named are positive.
    standardize, zero, shift, panel
        Options of :func:`entropy_weights`, used at both stages (defaults ``"minmax"``,
        ``"shift"``, ``1e-4`` and ``None``).

    Returns
    -------
    HierarchicalIndex
        ``indicator_weights`` indexed by (dimension, indicator), or (dimension, year, indicator)
        with ``panel="per_year"``, with columns ``entropy``, ``divergence`` and ``weight``;
        ``dimension_weights`` the same columns indexed by ``dimension`` (by (year, indicator),
        the dimensions as ``indicator``, with ``"per_year"``); ``dimensions`` indexed as
        ``data`` with one column per dimension; ``index`` the system index indexed as ``data``.

    Raises
    ------
    helpers.errors.InputError
        If ``structure`` is empty or not a mapping, names an indicator not in ``data`` or one
        twice, has a dimension without indicators, or if :func:`entropy_weights` or
        :func:`composite_index` refuses the data or options.
    helpers.errors.InputTypeError
        If an indicator column is not numeric.

    Examples
    --------
    >>> x = pd.DataFrame({"a": [1.0, 2.0, 3.0], "b": [1.0, 1.0, 4.0], "c": [3.0, 1.0, 2.0]})
    >>> result = hierarchical_index(x, {"A": ["a", "b"], "C": ["c"]}, zero="limit")
    >>> result.dimension_weights["weight"].round(4).tolist()
    [0.6072, 0.3928]
    """
    if not isinstance(structure, Mapping) or not structure:
        raise InputError(
            "structure must map each dimension to a non-empty list of indicators"
        )
    listed = [c for columns in structure.values() for c in columns]
    unknown = [c for c in listed if c not in data.columns]
    if unknown:
        raise InputError(
            f"structure names indicator(s) not in data: {_checks.labels(unknown)}"
        )
    twice = sorted({c for c in listed if listed.count(c) > 1})
    if twice:
        raise InputError(
            f"indicator(s) {_checks.labels(twice)} appear in more than one dimension"
        )
    options = dict(
        standardize=standardize, zero=zero, shift=shift, panel=panel
    )
    weights, dims = {}, {}
    for dimension, columns in structure.items():
        if not columns:
            raise InputError(f"dimension {dimension!r} has no indicators")
        block = data[list(columns)]
        block_directions = (
            None
            if directions is None
            else {c: d for c, d in dict(directions).items() if c in columns}
        )
        weights[dimension] = entropy_weights(
            block, block_directions, **options
        )
        dims[dimension] = composite_index(
            block, weights[dimension], block_directions, standardize, panel
        )
    dimensions = pd.DataFrame(dims)
    dimension_weights = entropy_weights(dimensions, **options)
    if panel == "per_year":
        w = (
            dimension_weights["weight"]
            .unstack("indicator")
            .loc[data.index.get_level_values(1), dimensions.columns]
        )
        system = (dimensions.to_numpy() * w.to_numpy()).sum(axis=1)
    else:
        system = (
            dimensions.to_numpy()
            @ dimension_weights.loc[dimensions.columns, "weight"].to_numpy()
        )
    indicator_weights = pd.concat(weights, names=["dimension"])
    dimension_weights.index.name = (
        "dimension" if panel != "per_year" else dimension_weights.index.name
    )
    return HierarchicalIndex(
        indicator_weights,
        dimension_weights,
        dimensions,
        pd.Series(system, index=data.index, name="index"),
    )


def system_indices(
    data: pd.DataFrame, system: pd.DataFrame, **options
) -> dict[str, HierarchicalIndex]:
    """:func:`hierarchical_index` for every system of an indicator table.

    ``system`` has one row per indicator with columns ``system``, ``dimension``, ``indicator`` and
    ``direction`` (as ``data/gan_zhang_indicators.csv``); ``options`` go to
    :func:`hierarchical_index`. Returns one result per system, in the table's order.

    Parameters
    ----------
    data
        The indicators, one row per unit or unit-year, with a column for every ``indicator`` of
        ``system`` (other columns are ignored).
    system
        The indicator table (:func:`helpers.indices.indicator_system`): its dimensions and
        indicators in the order they are listed, the directions from ``direction``.
    **options
        ``standardize``, ``zero``, ``shift`` and ``panel`` of :func:`hierarchical_index`.

    Returns
    -------
    dict of str to HierarchicalIndex
        One entry per value of ``system["system"]``, in the order of first appearance.

    Raises
    ------
    helpers.errors.InputError
        If ``system`` is not a DataFrame with the four columns, ``data`` lacks an indicator of a
        system, or :func:`hierarchical_index` refuses a system's data or the options.
    """
    needed = {"system", "dimension", "indicator", "direction"}
    if not isinstance(system, pd.DataFrame) or not needed <= set(
        system.columns
    ):
        raise InputError(
            f"system must be a table with columns {sorted(needed)}"
        )
    results = {}
    for name, block in system.groupby("system", sort=False):
        structure = {
            d: list(g["indicator"])
            for d, g in block.groupby("dimension", sort=False)
        }
        directions = dict(zip(block["indicator"], block["direction"]))
        missing = [c for c in directions if c not in data.columns]
        if missing:
            raise InputError(
                f"data lacks indicator column(s) {_checks.labels(missing)} of system {name!r}"
            )
        results[name] = hierarchical_index(
            data[list(directions)], structure, directions, **options
        )
    return results


def weight_conventions(
    data: pd.DataFrame,
    structure: Mapping[str, list],
    directions=None,
    panel=None,
    **options,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The two common ways to weight an index's dimensions, side by side.

    *Two levels* (:func:`hierarchical_index`, this book's reading of Gan & Zhang): entropy weights
    ``W_k`` of the dimension indices ``D_k``, computed on the min-max rescaled ``D_k`` but applied
    to the raw ones. *One pass*, the convention most applied papers follow: entropy weights ``w_j``
    of all indicators at once, so that a dimension weighs ``W_k = sum_{j in k} w_j`` and the index
    is ``sum_j w_j z_j``. Returns the dimension weights under both (one row per dimension) and the
    two indices (one column each, indexed as ``data``). ``panel="per_year"`` is not supported
    (weights then differ by year).

    Parameters
    ----------
    data
        The indicators, one row per unit or unit-year (a (unit, year) MultiIndex with
        ``panel="pooled"`` or ``"mean_of_years"``).
    structure
        Mapping from dimension to the list of its indicators, as for :func:`hierarchical_index`.
    directions
        Mapping from indicator to ``"+"`` or ``"-"``; indicators not named are positive.
    panel
        ``None``, ``"pooled"`` or ``"mean_of_years"``.
    **options
        ``standardize``, ``zero`` and ``shift`` of :func:`entropy_weights`, used by both
        conventions.

    Returns
    -------
    dimension_weights : pandas.DataFrame
        Indexed by ``dimension``, with columns ``two levels`` (:math:`W_k` of
        :func:`hierarchical_index`) and ``one pass (sum of indicator weights)``; each column sums
        to one.
    indices : pandas.DataFrame
        Indexed as ``data``, with columns ``two levels`` and ``one pass``.

    Raises
    ------
    helpers.errors.InputError
        If ``panel`` is ``"per_year"``, or :func:`hierarchical_index` refuses the data,
        ``structure`` or the options.
    """
    if panel == "per_year":
        raise InputError(
            "weight_conventions compares one set of weights: use panel=None or 'pooled'"
        )
    two_levels = hierarchical_index(
        data, structure, directions, panel=panel, **options
    )
    columns = [c for cols in structure.values() for c in cols]
    block_directions = (
        None
        if directions is None
        else {c: d for c, d in dict(directions).items() if c in columns}
    )
    weights = entropy_weights(
        data[columns], block_directions, panel=panel, **options
    )["weight"]
    one_pass = composite_index(
        data[columns],
        weights,
        block_directions,
        options.get("standardize", "minmax"),
        panel,
    )
    dimension_weights = pd.DataFrame(
        {
            "two levels": two_levels.dimension_weights["weight"],
            "one pass (sum of indicator weights)": pd.Series(
                {
                    k: float(weights[list(cols)].sum())
                    for k, cols in structure.items()
                }
            ),
        }
    ).rename_axis("dimension")
    indices = pd.DataFrame(
        {"two levels": two_levels.index, "one pass": one_pass}
    )
    return dimension_weights, indices
