"""Chapter 6's computed sentence follows the regressions of the section's data, and states the
simulation's truth only for the simulation."""

import pandas as pd

from helpers import crosscountry
from helpers.crosscountry import reading
from helpers.crosscountry.scale import CrossSection, ScaleRegressions


def regressions(levels: float, share: float) -> ScaleRegressions:
    table = pd.DataFrame(
        {
            "AIPI coefficient": [2.0, 0.123],
            "robust s.e.": [0.5, 0.456],
            "pvalue": [0.0, 0.789],
            "n": [40, 40],
        },
        index=["alone", "with controls"],
    )
    return ScaleRegressions(
        levels, share, table, ["log_gdp", "log_gdp_per_capita"]
    )


def section(simulated: bool) -> CrossSection:
    label = "SIMULATED data" if simulated else "World Bank and IMF data, 2023"
    return CrossSection(pd.DataFrame({"x": range(40)}), label, simulated)


def test_scale_sentence_on_downloaded_data_states_no_truth():
    text = reading.scale_sentence(regressions(0.6, 0.1), section(False))
    assert text.startswith(
        "On World Bank and IMF data, 2023 (40 economies), Spearman's rank correlation of the AIPI "
        "with FDI is +0.60 in levels and +0.10 as a share of GDP: scaling by GDP lowers it."
    )
    assert (
        "With ln GDP and ln GDP per capita as controls, the AIPI coefficient on ln FDI is "
        "0.123 (robust s.e. 0.456, p = 0.789)." in text
    )
    assert "by construction" not in text and "simulated" not in text


def test_scale_sentence_on_the_simulation_says_so():
    text = reading.scale_sentence(regressions(0.2, -0.5), section(True))
    assert text.startswith("On the simulated cross-section (40 economies)")
    assert "scaling by GDP does not lower it" in text
    assert "by construction, no effect" in text


def test_scale_sentence_matches_the_computed_regressions():
    cross = crosscountry.cross_section(2023, online=False, seed=1)
    fitted = crosscountry.scale_regressions(cross.data)
    text = reading.scale_sentence(fitted, cross)
    assert f"{fitted.rho_levels:+.2f} in levels" in text
    assert f"{fitted.table.iloc[-1]['AIPI coefficient']:.3f}" in text
