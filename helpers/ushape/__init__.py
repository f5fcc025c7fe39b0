"""Testing for a U-shaped relationship (U 型关系检验, chapter 7): the Lind-Mehlum test with Fieller
and delta-method intervals, Simonsohn's two lines, the industrial-structure measures, the check
on a provincial panel and its robustness checks (:mod:`helpers.ushape.robustness`: each unit's
range, unit trends, within-unit curvature, binned means).

Figures are in :mod:`helpers.ushape.figures`, the explorer in :mod:`helpers.ushape.widget` and the
simulated panels in :mod:`helpers.ushape.simulate`, the audit of the commentary's claim in
:mod:`helpers.ushape.commentary`.
"""

from helpers.ushape.lindmehlum import (
    FORMS,
    SHAPES,
    UTestResult,
    utest,
    utest_from_estimates,
)
from helpers.ushape.measures import advancement, rationalisation
from helpers.ushape.panel import (
    ShapeCheck,
    load_panel,
    shape_check,
    sign_reading,
    twfe_quadratic,
    two_lines_reading,
)
from helpers.ushape.robustness import (
    binned_means,
    trend_check,
    trend_checks,
    within_curvature,
    within_ranges,
)
from helpers.ushape.simulate import (
    USHAPE_VERSIONS,
    false_u_rates,
    ushape_panel,
    ushape_true_curve,
)
from helpers.ushape.twolines import two_lines

__all__ = [
    "binned_means",
    "trend_check",
    "trend_checks",
    "within_curvature",
    "within_ranges",
    "FORMS",
    "SHAPES",
    "USHAPE_VERSIONS",
    "ShapeCheck",
    "UTestResult",
    "advancement",
    "false_u_rates",
    "load_panel",
    "rationalisation",
    "shape_check",
    "sign_reading",
    "twfe_quadratic",
    "two_lines",
    "two_lines_reading",
    "ushape_panel",
    "ushape_true_curve",
    "utest",
    "utest_from_estimates",
]
