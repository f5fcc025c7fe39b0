"""Unit roots, vector autoregressions, variance decompositions and cointegration (时间序列, chapter
5).

- :mod:`helpers.timeseries.unitroot`: ADF and KPSS tests, MacKinnon's critical values for any
  sample size, and the ADF test's size and power by simulation;
- :mod:`helpers.timeseries.var`: VAR lag selection, estimation and checks (statsmodels), the
  variance decomposition in the layout papers print, and an audit of a printed one;
- :mod:`helpers.timeseries.johansen`: Johansen's test in all five deterministic cases;
- :mod:`helpers.timeseries.causality`: the Toda-Yamamoto Granger-causality test in levels;
- :mod:`helpers.timeseries.panelunitroot`: panel unit-root tests (IPS, CIPS) and, from
  :mod:`helpers._panel`, Pesaran's CD test of cross-sectional dependence.

Figures are in :mod:`helpers.timeseries.figures`, the explorers in :mod:`helpers.timeseries.widget`
and the audit of Chen & Tang (2021) in :mod:`helpers.timeseries.chen_tang`.
"""

from helpers._panel import panel_table, pesaran_cd
from helpers.timeseries.causality import toda_yamamoto
from helpers.timeseries.johansen import (
    JOHANSEN_ALIASES,
    JOHANSEN_CASES,
    VECM_CASES,
    VECM_DETERMINISTIC,
    JohansenResult,
    centred_seasonal_dummies,
    deterministic_case,
    johansen,
    johansen_critical_values,
    johansen_minimum_observations,
    long_run_responses,
    ranks,
    ranks_by_lag,
    vecm_fit,
    vecm_table,
)
from helpers.timeseries.panelunitroot import (
    PanelUnitRootResult,
    cips,
    cips_critical_values,
    ips,
)
from helpers.timeseries.unitroot import (
    ADF_REGRESSIONS,
    adf_rejection_rates,
    adf_statistics,
    adf_table,
    integration_table,
    mackinnon_critical_values,
    match_mackinnon,
    simulate_ar1,
)
from helpers.timeseries.var import (
    VARReport,
    check_fevd_table,
    fevd_from_coefficients,
    fevd_table,
    own_share_range,
    var_minimum_observations,
    var_report,
)

__all__ = [
    "long_run_responses",
    "toda_yamamoto",
    "vecm_fit",
    "PanelUnitRootResult",
    "cips",
    "cips_critical_values",
    "ips",
    "panel_table",
    "pesaran_cd",
    "VECM_DETERMINISTIC",
    "VECM_CASES",
    "JOHANSEN_ALIASES",
    "deterministic_case",
    "integration_table",
    "own_share_range",
    "ranks",
    "ranks_by_lag",
    "vecm_table",
    "ADF_REGRESSIONS",
    "JOHANSEN_CASES",
    "JohansenResult",
    "VARReport",
    "adf_rejection_rates",
    "adf_statistics",
    "adf_table",
    "centred_seasonal_dummies",
    "check_fevd_table",
    "fevd_table",
    "fevd_from_coefficients",
    "johansen",
    "johansen_critical_values",
    "johansen_minimum_observations",
    "mackinnon_critical_values",
    "match_mackinnon",
    "simulate_ar1",
    "var_minimum_observations",
    "var_report",
]
