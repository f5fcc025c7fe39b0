"""Chapter 6's sentences about the cross-section of a run (downloaded or simulated), computed from
the regressions, so that they hold for whichever data the section used."""

from __future__ import annotations

from helpers.crosscountry.scale import CrossSection, ScaleRegressions
from helpers.display import pvalue


def scale_sentence(
    regressions: ScaleRegressions, section: CrossSection
) -> str:
    r"""Rank correlations in levels and shares, the AIPI coefficient with controls, and, for the
    simulation, its known truth.

    Parameters
    ----------
    regressions
        What :func:`helpers.crosscountry.scale_regressions` returns; its last model (the one with
        controls) gives the coefficient.
    section
        The cross-section the regressions were run on (:func:`helpers.crosscountry.cross_section`);
        its ``label`` names the data, and ``simulated`` adds the sentence on the known truth.

    Returns
    -------
    str
        Three or four sentences. Scaling by GDP is said to lower the correlation when
        :math:`|\rho|` as a share of GDP is smaller than in levels; the p-value is shown by
        :func:`helpers.display.pvalue`.
    """
    levels, share = regressions.rho_levels, regressions.rho_share
    controlled = regressions.table.iloc[-1]
    direction = "lowers" if abs(share) < abs(levels) else "does not lower"
    names = {"log_gdp": "ln GDP", "log_gdp_per_capita": "ln GDP per capita"}
    controls = " and ".join(names.get(c, c) for c in regressions.controls)
    data = (
        "the simulated cross-section" if section.simulated else section.label
    )
    text = (
        f"On {data} ({len(section.data)} economies), Spearman's rank correlation of the AIPI with "
        f"FDI is {levels:+.2f} in levels and {share:+.2f} as a share of GDP: scaling by GDP "
        f"{direction} it. With {controls} as controls, the AIPI coefficient on ln FDI is "
        f"{controlled['AIPI coefficient']:.3f} (robust s.e. {controlled['robust s.e.']:.3f}, "
        f"{pvalue(controlled['pvalue'])})."
    )
    if section.simulated:
        text += (
            " In this simulation the AIPI has, by construction, no effect on FDI relative to GDP: "
            "whatever correlation appears in levels comes from size and income."
        )
    return text + (
        " These two numbers, and the regression with controls, are the first things to report "
        "before reading anything causal into the report's claim."
    )
