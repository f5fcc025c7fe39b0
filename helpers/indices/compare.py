"""Other weightings beside the entropy weights (chapter 2's robustness checks): equal weights, the
first principal component, the entropy weights under other options, and how weights track the spread
of their indicators."""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from helpers import _checks
from helpers.errors import InputError
from helpers.indices.entropy import entropy_weights, standardize_indicators


def first_component_weights(data: pd.DataFrame, directions=None) -> pd.Series:
    """Weights from the first principal component of the min-max standardised indicators.

    The loadings of the first eigenvector of the correlation matrix, signed to be mostly positive,
    with negative loadings set to zero and the rest squared and normalised to sum to one (a common
    way of turning PCA into weights; see OECD/JRC 2008, Handbook on Constructing Composite
    Indicators, section 6.1). A comparison method, not the paper's.

    With :math:`v` the eigenvector of the largest eigenvalue of the correlation matrix of the
    non-constant standardised indicators, signed so that :math:`\\sum_j v_j \\ge 0`,
    :math:`w_j = \\max(v_j, 0)^2 / \\sum_k \\max(v_k, 0)^2`.

    Parameters
    ----------
    data
        One row per unit (or unit-year), one numeric column per indicator.
    directions
        Mapping from indicator to ``"+"`` or ``"-"``; indicators not named are positive.

    Returns
    -------
    pandas.Series
        Named ``weight``, indexed by the columns of ``data``, summing to one; an indicator
        constant over the rows gets 0.

    Raises
    ------
    helpers.errors.InputTypeError
        If ``data`` is not a numeric DataFrame or ``directions`` is not a mapping.
    helpers.errors.InputError
        If a value is missing or infinite, or ``directions`` names an unknown indicator or label.
    """
    z = standardize_indicators(data, directions)
    varying = z.columns[z.std() > 0]
    corr = np.corrcoef(z[varying].to_numpy(), rowvar=False)
    values, vectors = np.linalg.eigh(corr)
    loading = vectors[:, np.argmax(values)]
    loading = loading if loading.sum() >= 0 else -loading
    loading = np.clip(loading, 0, None) ** 2
    weights = pd.Series(0.0, index=z.columns, name="weight")
    weights[varying] = loading / loading.sum()
    return weights


def weight_sensitivity(
    data: pd.DataFrame, directions, variants: Mapping[str, dict]
) -> pd.DataFrame:
    """Entropy weights of ``data`` under each named set of options (keyword arguments of
    :func:`helpers.indices.entropy_weights`): one column per variant, one row per indicator.

    Parameters
    ----------
    data
        The indicators, as for :func:`~helpers.indices.entropy_weights` (a (unit, year) index for
        a variant with a ``panel`` option).
    directions
        Mapping from indicator to ``"+"`` or ``"-"``, the same for every variant; ``None`` for all
        positive.
    variants
        Mapping from a variant's name to its keyword arguments of
        :func:`~helpers.indices.entropy_weights` (``standardize``, ``zero``, ``shift``, ``panel``),
        e.g. ``{"pooled, shift": {"panel": "pooled"}}``. A ``"per_year"`` variant gives a
        (year, indicator) index that does not align with the others.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``indicator``, one column of weights per variant in the order of ``variants``.

    Raises
    ------
    helpers.errors.InputError
        If ``variants`` is empty or not a mapping, or :func:`~helpers.indices.entropy_weights`
        refuses a variant.
    """
    if not isinstance(variants, Mapping) or not variants:
        raise InputError(
            "variants must map a name to the options of entropy_weights"
        )
    return pd.DataFrame(
        {
            name: entropy_weights(data, directions, **options)["weight"]
            for name, options in variants.items()
        }
    )


def weight_dispersion(
    data: pd.DataFrame, system: pd.DataFrame
) -> pd.DataFrame:
    """Each indicator's pooled entropy weight within its system beside the skewness and the
    coefficient of variation of its min-max scaled values.

    ``system`` is the indicator table (columns ``system``, ``indicator``, ``direction``).

    Parameters
    ----------
    data
        The panel's indicators, indexed by (unit, year), with a column for every indicator of
        ``system``.
    system
        The indicator table (:func:`helpers.indices.indicator_system`).

    Returns
    -------
    pandas.DataFrame
        One row per indicator (index ``indicator``), systems in the table's order, with columns
        ``system``, ``weight`` (the pooled entropy weight among the indicators of its system,
        ``zero="shift"``, dimensions ignored), ``skewness`` (pandas' adjusted sample skewness)
        and ``cv`` (standard deviation over mean) of its values min-max scaled over all
        unit-years; ``cv`` is NaN for an indicator constant over the panel.

    Raises
    ------
    helpers.errors.InputError
        If ``system`` or ``data`` lacks a column it needs, or
        :func:`~helpers.indices.entropy_weights` refuses a system's data.
    """
    _checks.columns(system, ["system", "indicator", "direction"], "system")
    rows = []
    for name, block in system.groupby("system", sort=False):
        columns = list(block["indicator"])
        directions = dict(zip(block["indicator"], block["direction"]))
        _checks.columns(data, columns, "data")
        weights = entropy_weights(data[columns], directions, panel="pooled")[
            "weight"
        ]
        z = standardize_indicators(data[columns], directions)
        rows.append(
            pd.DataFrame(
                {
                    "system": name,
                    "weight": weights,
                    "skewness": z.skew(),
                    "cv": z.std() / z.mean(),
                }
            )
        )
    return pd.concat(rows)
