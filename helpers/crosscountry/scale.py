"""Levels against shares of GDP (chapter 6's method section): how the association between AI
preparedness and FDI changes with the scale of the measure, the sample of economies and controls."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from helpers import _checks
from helpers.errors import InputError, InputTypeError

COLUMNS = ["economy", "gdp_usd", "aipi", "fdi_usd"]
SAMPLES = {
    "all economies": None,
    "30 largest by GDP": 30,
    "all but the 10 largest": -10,
}
SCALES = ("levels", "% of GDP")


def _cross_section(data: pd.DataFrame) -> pd.DataFrame:
    if not isinstance(data, pd.DataFrame):
        raise InputTypeError(
            f"data must be a pandas DataFrame; got {type(data).__name__}"
        )
    _checks.columns(data, COLUMNS, "data")
    for column in ["gdp_usd", "aipi", "fdi_usd"]:
        _checks.series(data[column], f"data[{column!r}]")
    return (
        data[data["gdp_usd"] > 0]
        .sort_values("gdp_usd", ascending=False)
        .reset_index(drop=True)
    )


def economies(
    data: pd.DataFrame, scale: str = "levels", sample: str = "all economies"
) -> pd.DataFrame:
    """The economies of ``sample`` (see :data:`SAMPLES`, by GDP) with the FDI measure of ``scale``
    in the column ``fdi``: US dollars (``"levels"``) or per cent of GDP (``"% of GDP"``).

    Parameters
    ----------
    data
        One row per economy with the columns ``economy``, ``gdp_usd``, ``aipi`` and ``fdi_usd``
        (US dollars; the AIPI from 0 to 1), without missing values. Economies whose GDP is not
        positive are left out.
    scale
        ``"levels"`` (FDI in US dollars) or ``"% of GDP"`` (100 FDI / GDP).
    sample
        A key of :data:`SAMPLES`: ``"all economies"``, ``"30 largest by GDP"`` or
        ``"all but the 10 largest"`` (empty when there are 10 economies or fewer).

    Returns
    -------
    pandas.DataFrame
        The economies of the sample from the largest GDP down, on a new default index, with the
        columns of ``data`` and ``fdi``.

    Raises
    ------
    helpers.errors.InputTypeError
        If ``data`` is not a DataFrame or a numeric column holds text.
    helpers.errors.InputError
        If ``data`` lacks a column of :data:`COLUMNS`, or a numeric column has missing or infinite
        values, or ``scale`` or ``sample`` is not one of its options.
    """
    _checks.option("scale", scale, SCALES)
    _checks.option("sample", sample, list(SAMPLES))
    ranked = _cross_section(data)
    n = SAMPLES[sample]
    shown = (
        ranked if n is None else ranked.head(n) if n > 0 else ranked.iloc[-n:]
    )
    measure = (
        shown["fdi_usd"]
        if scale == "levels"
        else 100 * shown["fdi_usd"] / shown["gdp_usd"]
    )
    return shown.assign(fdi=measure)


def rank_correlation(
    data: pd.DataFrame, scale: str = "levels", sample: str = "all economies"
) -> float:
    """Spearman's rank correlation between the AIPI and FDI in ``scale`` over ``sample``.

    Parameters
    ----------
    data
        One row per economy with the columns ``economy``, ``gdp_usd``, ``aipi`` and ``fdi_usd``
        (US dollars; the AIPI from 0 to 1), without missing values. Economies whose GDP is not
        positive are left out.
    scale
        ``"levels"`` or ``"% of GDP"`` (:func:`economies`).
    sample
        A key of :data:`SAMPLES`.

    Returns
    -------
    float
        Spearman's rho, from -1 to 1; NaN when the sample has fewer than two economies or a
        constant column.

    Raises
    ------
    helpers.errors.InputTypeError
        If ``data`` is not a DataFrame or a numeric column holds text.
    helpers.errors.InputError
        If ``data`` lacks a column of :data:`COLUMNS`, or a numeric column has missing or infinite
        values, or ``scale`` or ``sample`` is not one of its options.

    Examples
    --------
    >>> from helpers.crosscountry import fdi_cross_section
    >>> data = fdi_cross_section(150, seed=1)
    >>> round(rank_correlation(data, "levels"), 2), round(rank_correlation(data, "% of GDP"), 2)
    (0.56, -0.07)
    """
    shown = economies(data, scale, sample)
    return float(shown["aipi"].corr(shown["fdi"], method="spearman"))


@dataclass(frozen=True)
class ScaleRegressions:
    """Rank correlations in levels and as shares of GDP, and two regressions of log FDI: on the AIPI
    alone and with controls (``table``: coefficient, robust s.e., p-value and n per model)."""

    rho_levels: float
    rho_share: float
    table: pd.DataFrame
    controls: list[str]


def scale_regressions(data: pd.DataFrame) -> ScaleRegressions:
    r"""ln FDI on the AIPI, then on the AIPI with ln GDP (and ln GDP per capita where the column
    ``gdp_per_capita_usd`` is complete), HC1 standard errors, on economies with positive FDI.

    .. math::
        \ln \mathrm{FDI}_i = \alpha + \beta\, \mathrm{AIPI}_i + \gamma' x_i + \varepsilon_i

    by OLS (statsmodels), with :math:`x_i` empty in the first model and :math:`\ln
    \mathrm{GDP}_i` (and :math:`\ln` GDP per capita) in the second.

    Parameters
    ----------
    data
        One row per economy with the columns ``economy``, ``gdp_usd``, ``aipi`` and ``fdi_usd``
        (US dollars; the AIPI from 0 to 1), without missing values. Economies whose GDP is not
        positive are left out.
        A complete column ``gdp_per_capita_usd`` adds ln GDP per capita to the controls.

    Returns
    -------
    ScaleRegressions
        ``rho_levels`` and ``rho_share`` (:func:`rank_correlation` over all economies, including
        those without positive FDI), ``controls`` (``log_gdp`` and, when used,
        ``log_gdp_per_capita``) and ``table``: one row per model (named by its formula), columns
        ``AIPI coefficient``, ``robust s.e.`` (HC1), ``pvalue`` and ``n``.

    Raises
    ------
    helpers.errors.InputTypeError
        If ``data`` is not a DataFrame or a numeric column holds text.
    helpers.errors.InputError
        If ``data`` lacks a column of :data:`COLUMNS`, or a numeric column has missing or infinite
        values, or fewer than 5 economies have positive FDI and GDP.
    """
    import statsmodels.formula.api as smf

    cross = _cross_section(data)
    positive = cross[cross["fdi_usd"] > 0].assign(
        log_fdi=lambda f: np.log(f["fdi_usd"]),
        log_gdp=lambda f: np.log(f["gdp_usd"]),
    )
    if len(positive) < 5:
        raise InputError(
            f"data has {len(positive)} economies with positive FDI and GDP; the regressions need "
            "at least 5"
        )
    controls = ["log_gdp"]
    if (
        "gdp_per_capita_usd" in positive
        and positive["gdp_per_capita_usd"].notna().all()
    ):
        positive = positive.assign(
            log_gdp_per_capita=np.log(positive["gdp_per_capita_usd"])
        )
        controls.append("log_gdp_per_capita")
    fits = {
        "ln FDI on AIPI": smf.ols("log_fdi ~ aipi", data=positive).fit(
            cov_type="HC1"
        ),
        f"ln FDI on AIPI + {' + '.join(controls)}": smf.ols(
            f"log_fdi ~ aipi + {' + '.join(controls)}", data=positive
        ).fit(cov_type="HC1"),
    }
    table = pd.DataFrame(
        {
            "AIPI coefficient": [f.params["aipi"] for f in fits.values()],
            "robust s.e.": [f.bse["aipi"] for f in fits.values()],
            "pvalue": [f.pvalues["aipi"] for f in fits.values()],
            "n": [int(f.nobs) for f in fits.values()],
        },
        index=list(fits),
    )
    return ScaleRegressions(
        rank_correlation(data, "levels"),
        rank_correlation(data, "% of GDP"),
        table,
        controls,
    )


@dataclass(frozen=True)
class CrossSection:
    """The economies of the method section: ``data`` (columns of :data:`COLUMNS` and
    ``gdp_per_capita_usd``), a ``label`` saying what they are, and, when online data were asked for
    but could not be had, the ``reason`` in one line."""

    data: pd.DataFrame
    label: str
    simulated: bool
    reason: str = ""


def cross_section(
    year: int, online: bool = False, seed: int = 20261122
) -> CrossSection:
    """World Bank FDI, GDP and GDP per capita with the IMF AIPI for ``year`` (downloaded when
    ``online``, else from the cache), merged by ISO code for the economies only (the World Bank's
    aggregates are dropped by name); without them, the SIMULATED cross-section of
    :func:`fdi_cross_section`, labelled as such, and the reason.

    Parameters
    ----------
    year
        The year of the World Bank data and of the AIPI, 1960 or later.
    online
        Download the data (and cache them); ``False`` reads the cache only.
    seed
        Seed of the simulated cross-section (150 economies) used when the data cannot be had.

    Returns
    -------
    CrossSection
        ``data`` (downloaded: ``iso3``, ``economy``, ``year``, ``fdi_usd``, ``gdp_usd``,
        ``gdp_per_capita_usd`` and ``aipi``, one row per economy found in all four), ``label``
        ("World Bank and IMF data, <year> (downloaded <date>)" or "SIMULATED data"),
        ``simulated`` and, for the simulation, ``reason``: the one-line message of
        :class:`~helpers.online.OnlineDataUnavailable`.

    Raises
    ------
    helpers.errors.InputTypeError
        If ``year`` is not an integer.
    helpers.errors.InputError
        If ``year`` is before 1960.
    helpers.data.DataError
        If a download or cached copy holds no values or is not in the expected format (only the
        data being unavailable falls back to the simulation).
    """
    from helpers import online as loaders
    from helpers.crosscountry.simulate import fdi_cross_section

    year = _checks.integer("year", year, minimum=1960)
    try:
        fdi = loaders.world_bank("BX.KLT.DINV.CD.WD", year, online=online)
        gdp = loaders.world_bank("NY.GDP.MKTP.CD", year, online=online)
        per_capita = loaders.world_bank("NY.GDP.PCAP.CD", year, online=online)
        aipi = loaders.imf_datamapper("AI_PI", online=online)
    except loaders.OnlineDataUnavailable as unavailable:
        return CrossSection(
            fdi_cross_section(150, seed=seed),
            "SIMULATED data",
            True,
            str(unavailable),
        )
    index = aipi.values[aipi.values["year"] == year]

    def economies(download, name):
        frame = download.values
        return frame.loc[~frame["aggregate"], ["iso3", "value"]].rename(
            columns={"value": name}
        )

    merged = (
        fdi.values.loc[~fdi.values["aggregate"]]
        .drop(columns="aggregate")
        .rename(columns={"value": "fdi_usd"})
        .merge(economies(gdp, "gdp_usd"), on="iso3")
        .merge(economies(per_capita, "gdp_per_capita_usd"), on="iso3")
        .merge(
            index[["iso3", "value"]].rename(columns={"value": "aipi"}),
            on="iso3",
        )
    )
    return CrossSection(
        merged,
        f"World Bank and IMF data, {year} (downloaded {fdi.downloaded})",
        False,
    )
