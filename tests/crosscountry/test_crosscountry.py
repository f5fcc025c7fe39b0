"""helpers.crosscountry: the simulated cross-section, levels against shares of GDP, and the explorer."""

import numpy as np
import pandas as pd
import pytest

from helpers.crosscountry import economies, fdi_cross_section, rank_correlation, scale_regressions


def test_fdi_cross_section_has_no_effect_of_aipi_relative_to_gdp():
    frame = fdi_cross_section(4000, seed=1)
    share = np.log(frame["fdi_usd"] / frame["gdp_usd"])
    # by construction: FDI/GDP independent of AIPI, while FDI in levels rises with it
    assert abs(np.corrcoef(frame["aipi"], share)[0, 1]) < 0.05
    assert frame["aipi"].corr(frame["fdi_usd"], method="spearman") > 0.3
    assert frame["aipi"].between(0.2, 0.8).all()
    assert fdi_cross_section(50, seed=3).equals(fdi_cross_section(50, seed=3))


def test_economies_and_rank_correlation():
    frame = fdi_cross_section(120, seed=2)
    shown = economies(frame, "% of GDP")
    assert shown["fdi"].equals(100 * shown["fdi_usd"] / shown["gdp_usd"])
    top = economies(frame, "levels", "30 largest by GDP")
    assert len(top) == 30 and top["gdp_usd"].min() >= frame["gdp_usd"].nlargest(30).min()
    assert len(economies(frame, "levels", "all but the 10 largest")) == 110
    assert rank_correlation(frame, "% of GDP") == pytest.approx(shown["aipi"].corr(shown["fdi"], method="spearman"))
    with pytest.raises(ValueError, match="data lacks column\\(s\\) aipi"):
        economies(frame.drop(columns="aipi"))
    with pytest.raises(ValueError, match="scale must be one of 'levels', '% of GDP'; got 'log'"):
        economies(frame, "log")


def test_scale_regressions_find_the_size_effect_not_an_aipi_effect():
    result = scale_regressions(fdi_cross_section(400, seed=4))
    assert result.rho_levels > 0.2 and abs(result.rho_share) < 0.15
    assert result.controls == ["log_gdp", "log_gdp_per_capita"]
    plain, controlled = result.table["AIPI coefficient"]
    assert plain > controlled  # the AIPI's raw association is mostly size and income
    assert result.table["pvalue"].iloc[1] > 0.01
    no_income = fdi_cross_section(400, seed=4).drop(columns="gdp_per_capita_usd")
    assert scale_regressions(no_income).controls == ["log_gdp"]
    with pytest.raises(ValueError, match="data has 2 economies with positive FDI"):
        scale_regressions(fdi_cross_section(40, seed=4).head(2))


def test_scale_explorer_switches_measure_and_sample():
    import matplotlib

    matplotlib.use("Agg")
    from helpers.crosscountry.widget import ScaleExplorer

    frame = fdi_cross_section(120, seed=2)
    explorer = ScaleExplorer(frame, "SIMULATED data")
    levels = explorer.view.series["rho"]
    explorer.controls["scale"].value = "% of GDP"
    assert explorer.view.series["rho"] == pytest.approx(rank_correlation(frame, "% of GDP")) != levels
    explorer.controls["sample"].value = "30 largest by GDP"
    assert len(explorer.view.table) == 30 and "30 economies" in explorer.status.value
    with pytest.raises(ValueError, match="lacks column"):
        ScaleExplorer(frame.drop(columns="aipi"))
    figure = explorer.static_figure(scale="levels", sample="all economies")
    assert figure.axes[0].get_yscale() == "log"
