"""Panel vector autoregressions estimated by GMM (面板向量自回归, chapter 4).

:class:`PanelVAR` follows R panelvar's ``pvargmm`` and Stata's ``xtabond2`` (see
:mod:`helpers.pvar.model`); the Arellano-Bond and difference-in-Hansen tests of a fit are in
:mod:`helpers.pvar.specification`, the fixed-effects estimator and its half-panel jackknife in
:mod:`helpers.pvar.compare`. Figures are in :mod:`helpers.pvar.figures`, the explorer in
:mod:`helpers.pvar.widget`, the simulation in :mod:`helpers.pvar.simulate` and the audit of Gan &
Zhang's Table 4 in :mod:`helpers.pvar.gan_zhang`.
"""

from helpers.pvar.compare import (
    against_truth,
    half_panel_jackknife,
    mean_band_width,
    rmse,
    within_ols,
)
from helpers.pvar.model import (
    INVERSES,
    STEPS,
    TRANSFORMS,
    InstrumentWarning,
    PanelVAR,
    forward_orthogonal_deviations,
    longest_lag,
)
from helpers.pvar.results import CovarianceWarning, PanelVARResults
from helpers.pvar.simulate import pvar_panel

__all__ = [
    "against_truth",
    "half_panel_jackknife",
    "mean_band_width",
    "rmse",
    "within_ols",
    "INVERSES",
    "STEPS",
    "TRANSFORMS",
    "CovarianceWarning",
    "InstrumentWarning",
    "PanelVAR",
    "PanelVARResults",
    "forward_orthogonal_deviations",
    "longest_lag",
    "pvar_panel",
]
