"""helpers.crosscountry: the simulated cross-section, levels against shares of GDP, and the
explorer."""

import numpy as np
import pandas as pd
import pytest

from helpers.crosscountry import (
    economies,
    fdi_cross_section,
    rank_correlation,
    scale_regressions,
)


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
    assert (
        len(top) == 30
        and top["gdp_usd"].min() >= frame["gdp_usd"].nlargest(30).min()
    )
    assert len(economies(frame, "levels", "all but the 10 largest")) == 110
    assert rank_correlation(frame, "% of GDP") == pytest.approx(
        shown["aipi"].corr(shown["fdi"], method="spearman")
    )
    with pytest.raises(ValueError, match="data lacks column\\(s\\) aipi"):
        economies(frame.drop(columns="aipi"))
    with pytest.raises(
        ValueError,
        match="scale must be one of 'levels', '% of GDP'; got 'log'",
    ):
        economies(frame, "log")


def test_scale_regressions_find_the_size_effect_not_an_aipi_effect():
    result = scale_regressions(fdi_cross_section(400, seed=4))
    assert result.rho_levels > 0.2 and abs(result.rho_share) < 0.15
    assert result.controls == ["log_gdp", "log_gdp_per_capita"]
    plain, controlled = result.table["AIPI coefficient"]
    # the AIPI's raw association is mostly size and income
    assert plain > controlled
    assert result.table["pvalue"].iloc[1] > 0.01
    no_income = fdi_cross_section(400, seed=4).drop(
        columns="gdp_per_capita_usd"
    )
    assert scale_regressions(no_income).controls == ["log_gdp"]
    with pytest.raises(
        ValueError, match="data has 2 economies with positive FDI"
    ):
        scale_regressions(fdi_cross_section(40, seed=4).head(2))


def test_scale_explorer_switches_measure_and_sample():
    import matplotlib

    matplotlib.use("Agg")
    from helpers.crosscountry.widget import ScaleExplorer

    frame = fdi_cross_section(120, seed=2)
    explorer = ScaleExplorer(frame, "SIMULATED data")
    levels = explorer.view.series["rho"]
    explorer.controls["scale"].value = "% of GDP"
    assert (
        explorer.view.series["rho"]
        == pytest.approx(rank_correlation(frame, "% of GDP"))
        != levels
    )
    explorer.controls["sample"].value = "30 largest by GDP"
    assert (
        len(explorer.view.table) == 30
        and "30 economies" in explorer.status.value
    )
    with pytest.raises(ValueError, match="lacks column"):
        ScaleExplorer(frame.drop(columns="aipi"))
    figure = explorer.static_figure(scale="levels", sample="all economies")
    assert figure.axes[0].get_yscale() == "log"


def test_audit_of_the_report():
    from helpers.crosscountry import industrial_bank as ib

    audit = ib.audit()
    card = audit.frame.set_index("claim_id")
    assert set(card.index[card["status"] == "discrepancy"]) == {
        "INV-total",
        "CN-ODI-FDI",
        "US-RESHORE",
        "ROBOT-CHN-2015",
        "IMF-EXP-LIC",
        "CHIPS-JOBS",
        "CHIPS-DATE",
        "AGE-60",
    }
    assert (
        card.loc["VC-total", "status"] == "reproduced"
        and card.loc["AIPI-NEXT", "status"] == "reproduced"
    )
    assert "918-922" in card.loc["INV-total", "recomputed"]
    assert card["status"].value_counts().to_dict() == {
        "reproduced": 26,
        "discrepancy": 8,
        "not_reproducible": 7,
        "finding": 2,
    }
    assert audit.summary().startswith("8 defects, shown by 8 of 41 claims")
    # each IMF exposure share against the IMF's own publication, not against each other
    assert (
        card.loc[["IMF-EXP-WORLD", "IMF-EXP-AE", "IMF-EXP-EM"], "status"]
        .eq("reproduced")
        .all()
    )
    assert card.loc["IMF-EXP-LIC", "recomputed"] == "26.00"
    # the 0.5 gap is stated with its size, and TEX-PEAK's 'return' cannot be checked
    assert "0.03% of FDI" in card.loc["CN-ODI-FDI", "note"]
    assert card.loc["TEX-PEAK", "status"] == "not_reproducible"
    # against sources: the chip jobs, the Act's month, the share aged 60+, GlobalData, the EIA
    assert "9.6 times" in card.loc["CHIPS-JOBS", "note"]
    assert card.loc["AGE-60", "recomputed"] == "21.067"
    assert (
        card.loc[["GF-SHARE", "CHATGPT", "CHIPS-SIA"], "status"]
        .eq("reproduced")
        .all()
    )
    assert card.loc["CHIP-TOTALS", "status"] == "finding"
    # "mainly to advanced economies": a majority of the named, not provably of the world's
    assert card.loc["GF-MAIN", "status"] == "not_reproducible"
    assert (
        "(51.5-65.9%)" in card.loc["GF-MAIN", "note"]
        and "45.6%" in card.loc["GF-MAIN", "note"]
    )
    # across papers: China's own pair gives the report's world total, not the US pair
    cross = card.loc["CROSS-CN-AI-2023"]
    assert "world 824" in cross["recomputed"] and "1475" in cross["recomputed"]
    assert "world totals by about 79%" in cross["note"]
    # across papers: the report dates China's 97 robots to 2015, Chen & Tang and the IFR to 2017
    assert card.loc["ROBOT-KOR-2015", "status"] == "reproduced"
    assert card.loc["ROBOT-CHN-2015", "recomputed"] == "49.00"
    assert "give China 97 in 2017" in card.loc["ROBOT-CHN-2015", "note"]
    figures = ib.Figures()
    assert ib.us_share_if_others(figures) == pytest.approx(61, abs=1)
    assert list(ib.textile_shares(figures).index) == [
        1996,
        2014,
        2019,
        2020,
        2021,
        2022,
    ]


def test_cross_section_offline_is_the_labelled_simulation(
    tmp_path, monkeypatch
):
    from helpers.crosscountry import cross_section

    monkeypatch.chdir(tmp_path)  # the cache is read from the working directory
    section = cross_section(2023, online=False, seed=5)
    assert (
        section.simulated
        and section.label == "SIMULATED data"
        and "is not cached" in section.reason
    )
    assert section.data.equals(fdi_cross_section(150, seed=5))


def test_report_figures():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from helpers.crosscountry import figures

    fig, ax = plt.subplots()
    figures.two_points(ax, [2016, 2022], [1.0, 2.0], "t", colour=1)
    assert len(ax.texts) == 2
    ax = figures.share_bars(
        pd.Series({"a": 50.0, "b": 20.0}),
        pd.Series({"a": "5", "b": "2"}),
        "x",
        "t",
    )
    assert [t.get_text() for t in ax.texts] == ["20%  (2)", "50%  (5)"]
    ax = figures.paired_bars(
        pd.DataFrame({2022: [1.0, 2.0], 2023: [2.0, 3.0]}, index=["a", "b"]),
        "x",
        "t",
    )
    assert len(ax.patches) == 4
    shares = pd.Series({1996: 11.2, 2014: 34.0, 2019: 31.3, 2020: 35.3})
    ax = figures.phases_plot(
        shares,
        [(1996, 2014, "in")],
        [[1996, 2014, 2019], [2019, 2020]],
        "y",
        "t",
    )
    assert [line.get_linestyle() for line in ax.lines[1:]] == [":", "-"]
    ax = figures.ranked_values(pd.Series({"x": 0.5, "y": 0.8}), "x", "v", "t")
    assert len(ax.patches) == 2
    plt.close("all")
