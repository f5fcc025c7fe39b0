"""Cross-country comparisons (chapter 6): levels against shares of GDP, rank correlation and
controls, and a simulated cross-section for offline runs.

Figures are in :mod:`helpers.crosscountry.figures`, the explorer in
:mod:`helpers.crosscountry.widget` and the audit of the Industrial Bank report in
:mod:`helpers.crosscountry.industrial_bank`. The online loaders are in :mod:`helpers.online`.
"""

from helpers.crosscountry.scale import (
    SAMPLES,
    SCALES,
    CrossSection,
    ScaleRegressions,
    cross_section,
    economies,
    rank_correlation,
    scale_regressions,
)
from helpers.crosscountry.simulate import fdi_cross_section

__all__ = [
    "CrossSection",
    "cross_section",
    "SAMPLES",
    "SCALES",
    "ScaleRegressions",
    "economies",
    "fdi_cross_section",
    "rank_correlation",
    "scale_regressions",
]
