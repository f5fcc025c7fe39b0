"""The coupling coordination degree model (耦合协调度模型, chapter 3).

Figures are in :mod:`helpers.coupling.figures`, the explorer in :mod:`helpers.coupling.widget` and
the audit of Gan & Zhang's section 4.2 in :mod:`helpers.coupling.gan_zhang`.
"""

from helpers.coupling.model import (
    LEVELS,
    METHODS,
    classify,
    coordination_degree,
    coupling_degree,
    first_weighted,
    jackknife_levels,
    levels_table,
    relative_development,
)

__all__ = [
    "LEVELS",
    "METHODS",
    "classify",
    "coordination_degree",
    "coupling_degree",
    "first_weighted",
    "jackknife_levels",
    "levels_table",
    "relative_development",
]
