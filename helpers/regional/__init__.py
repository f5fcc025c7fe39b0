"""Regional comparisons and inequality (chapter 1): inequality and concentration indices, and the
grouping of provinces into regions.

The estimators are importable without matplotlib or ipywidgets; figures are in
:mod:`helpers.regional.figures`, the explorer in :mod:`helpers.regional.widget`, and the audit of
Fang, Chang & Hu (2025) in :mod:`helpers.regional.fang2025`.
"""

from helpers.regional.concentration import (
    concentration_ratio,
    concentration_summary,
    hhi,
    hhi_bounds,
)
from helpers.regional.groups import (
    GROUPINGS,
    SharesAbove,
    attach_provinces,
    group_summary,
    rank_gaps,
    share_above,
    yearly_means,
)
from helpers.regional.inequality import (
    TheilDecomposition,
    between_share_permutation,
    gini,
    lorenz_curve,
    theil_decomposition,
    theil_l,
    theil_t,
)
from helpers.regional.units import (
    Units,
    attach_units,
    load_index,
    load_shares,
    shares_universe,
)

__all__ = [
    "GROUPINGS",
    "SharesAbove",
    "TheilDecomposition",
    "Units",
    "attach_provinces",
    "attach_units",
    "between_share_permutation",
    "concentration_ratio",
    "concentration_summary",
    "gini",
    "group_summary",
    "hhi",
    "hhi_bounds",
    "load_index",
    "load_shares",
    "lorenz_curve",
    "rank_gaps",
    "share_above",
    "shares_universe",
    "theil_decomposition",
    "theil_l",
    "theil_t",
    "yearly_means",
]
