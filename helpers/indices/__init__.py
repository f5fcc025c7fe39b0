"""Composite indices with entropy weights (熵值法, chapter 2), and the simulated provincial panel
that chapters 2-4 use in place of Gan & Zhang's unpublished data.

The leave-one-unit-out jackknife of the weights and indices is :mod:`helpers.indices.jackknife`.
Figures are in :mod:`helpers.indices.figures`, the explorer in :mod:`helpers.indices.widget`, the
simulation in :mod:`helpers.indices.simulate` and the audit of Gan & Zhang's section 4.1 in
:mod:`helpers.indices.gan_zhang`.
"""

from helpers.indices.compare import (
    first_component_weights,
    weight_dispersion,
    weight_sensitivity,
)
from helpers.indices.entropy import (
    HierarchicalIndex,
    composite_index,
    directions_vector,
    entropy_weights,
    hierarchical_index,
    standardize_indicators,
    system_indices,
    weight_conventions,
)
from helpers.indices.jackknife import Jackknife, jackknife
from helpers.indices.panel import (
    DIMENSIONS,
    dimension_scores,
    indicator_system,
    load_panel,
    pvar_variables,
    true_dynamics,
)

__all__ = [
    "DIMENSIONS",
    "dimension_scores",
    "true_dynamics",
    "HierarchicalIndex",
    "Jackknife",
    "jackknife",
    "composite_index",
    "directions_vector",
    "entropy_weights",
    "first_component_weights",
    "hierarchical_index",
    "indicator_system",
    "load_panel",
    "pvar_variables",
    "standardize_indicators",
    "system_indices",
    "weight_conventions",
    "weight_dispersion",
    "weight_sensitivity",
]
