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
    with negative loadings set to zero and the rest normalised to sum to one (a common way of
    turning PCA into weights; see OECD/JRC 2008, Handbook on Constructing Composite Indicators,
    section 6.1). A comparison method, not the paper's.
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
    :func:`helpers.indices.entropy_weights`): one column per variant, one row per indicator."""
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
