"""Simulated data for chapters whose papers do not publish theirs.

:func:`gan_zhang_panel` generates the stand-in for the provincial panel of Gan & Zhang (2025): 30
provinces (Tibet excluded, as in the paper), 2010-2022, and exactly the paper's indicator system
(``data/gan_zhang_indicators.csv``: 9 AI indicators in three dimensions, 22 employment-quality
indicators in four). The numbers are **simulated**; they are not the paper's data and do not
replicate its estimates. They are built so that the paper's pipeline gives figures of the same shape
as the paper reports, and so that the true dynamics are known.

The data-generating process
---------------------------
Five latent dimension scores ``s_it = (AI, LR, EQ, SS, LQ)`` for province ``i`` in year ``t`` follow
a panel VAR(1) around province-specific linear paths ``a_i + b_r(i) (t - 2010)``:

.. math::

    s_{it} - L_{it} = A (s_{i,t-1} - L_{i,t-1}) + \\varepsilon_{it}, \\qquad
    \\varepsilon_{it} \\sim N(0, \\Sigma),

which is the PVAR(1) ``s_it = mu_i + delta_r(i) t + A s_{i,t-1} + e_it`` with province fixed effects
``mu_i = (I - A) a_i + A b_r(i)`` and regional trends ``delta_r = (I - A) b_r`` (``t`` counted from
2010). A few province-specific deviations from the regional trend (faster AI growth in Qinghai,
slower in Yunnan and Xinjiang, an employment-quality setback in six western provinces after 2019)
are part of ``L_it``. Each indicator is a noisy monotone transform of its dimension's score: a
log-linear level for amounts and counts, a logistic share for percentages, linear for years of
schooling; negative indicators fall as their dimension rises; the urban-rural gap is urban over
rural income. Every random draw comes from one ``numpy.random.default_rng(seed)``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers import data

SEED = 20250817
YEARS = range(2010, 2023)
BURN_IN = 30
DIMENSIONS = ["AI", "LR", "EQ", "SS", "LQ"]

#: True VAR(1) coefficients, rows = equation (dependent), columns = lagged dimension.
TRUE_A = pd.DataFrame(
    [
        [0.60, 0.00, 0.10, 0.00, 0.15],
        [0.10, 0.50, 0.10, 0.00, 0.15],
        [0.00, 0.05, 0.55, 0.00, 0.20],
        [0.08, 0.00, 0.05, 0.60, 0.10],
        [0.00, 0.00, 0.10, 0.00, 0.70],
    ],
    index=DIMENSIONS,
    columns=DIMENSIONS,
)
#: Standard deviations of the latent innovations (uncorrelated).
INNOVATION_SD = pd.Series([0.08, 0.05, 0.05, 0.05, 0.04], index=DIMENSIONS)

#: Yearly growth of the latent paths by region (b_r), in latent units per year.
REGION_TRENDS = pd.DataFrame(
    {
        "East": [0.1, 0.08, 0.08, 0.075, 0.08],
        "Central": [0.17, 0.085, 0.085, 0.08, 0.085],
        "West": [0.1, 0.085, 0.085, 0.08, 0.08],
        "Northeast": [0.105, 0.07, 0.07, 0.065, 0.07],
    },
    index=DIMENSIONS,
).T

#: Province starting levels in 2010 (a_i): AI and a common employment-quality level; the four
#: employment dimensions get small province-specific departures from the common level.
PROVINCE_LEVELS = {
    # province: (AI, employment quality)
    "北京": (1.0, 1.1),
    "天津": (0.4, 0.5),
    "河北": (-0.1, -0.5),
    "上海": (0.8, 1.05),
    "江苏": (0.75, 0.35),
    "浙江": (0.9, 0.45),
    "福建": (0.3, 0.15),
    "山东": (0.5, -0.05),
    "广东": (1.25, 0.5),
    "海南": (-0.3, -0.1),
    "山西": (-0.45, -0.3),
    "安徽": (-0.2, -0.4),
    "江西": (-0.4, -0.45),
    "河南": (-0.25, -0.5),
    "湖北": (-0.1, -0.2),
    "湖南": (-0.25, -0.35),
    "内蒙古": (-0.2, -0.15),
    "广西": (-0.3, -0.4),
    "重庆": (0.1, -0.2),
    "四川": (0.1, -0.3),
    "贵州": (-0.3, -0.45),
    "云南": (-0.2, -0.4),
    "陕西": (0.05, -0.2),
    "甘肃": (-0.4, -0.4),
    "青海": (-0.5, -0.2),
    "宁夏": (-0.3, -0.25),
    "新疆": (-0.1, -0.2),
    "辽宁": (0.1, 0.0),
    "吉林": (-0.2, -0.15),
    "黑龙江": (-0.3, -0.2),
}
#: Departures from the regional trend: (province, dimension, per-year change, first year).
TREND_DEPARTURES = [
    ("青海", "AI", 0.060, 2010),
    ("云南", "AI", -0.045, 2010),
    ("新疆", "AI", -0.045, 2010),
    ("重庆", "EMP", 0.020, 2010),
    ("宁夏", "EMP", 0.020, 2010),
    ("青海", "EMP", 0.020, 2010),
] + [
    (p, "EMP", -0.150, 2020)
    for p in ("贵州", "云南", "广西", "甘肃", "新疆", "内蒙古")
]

# How each indicator depends on its dimension's latent score s: (transform, intercept, loading,
# noise sd). "log": x = exp(intercept + loading s + u); "logit": x = 100 / (1 + exp(-(intercept +
# loading s + u))); "linear": x = intercept + loading s + u. Negative indicators have negative
# loadings. The intercepts put the levels near those of China's yearbooks.
TRANSFORMS = {
    "fibre_per_capita": ("log", 2.2, 0.55, 0.3),
    "internet_ports_per_capita": ("log", -1.0, 0.6, 0.225),
    "hightech_renovation": ("log", 2.5, 1.3, 0.525),
    "ict_investment_share": ("logit", -4.0, 0.55, 0.3),
    "ai_patents_per_researcher": ("log", -0.5, 1.2, 0.45),
    "hightech_profit": ("log", 4.0, 1.5, 0.45),
    "hightech_new_product_share": ("logit", -1.2, 0.5, 0.225),
    "ai_firms": ("log", 4.5, 1.6, 0.45),
    "robot_density": ("log", 2.5, 1.2, 0.375),
    "wage_urban_units": ("log", 10.55, 0.45, 0.06),
    "wage_manufacturing": ("log", 10.45, 0.4, 0.075),
    "wage_construction": ("log", 10.4, 0.35, 0.09),
    "income_urban": ("log", 9.85, 0.4, 0.06),
    "income_rural": ("log", 8.75, 0.55, 0.075),
    "urbanisation_rate": ("logit", 0.1, 0.55, 0.15),
    "post_telecom_per_capita": ("log", 6.8, 0.7, 0.3),
    "registered_unemployed": ("log", 3.3, -0.35, 0.525),
    "tertiary_employment_share": ("logit", -0.6, 0.45, 0.18),
    "secondary_employment_share": ("logit", -1.1, 0.25, 0.225),
    "union_membership_rate": ("logit", -1.6, 0.8, 0.3),
    "pension_insurance_rate": ("logit", -1.4, 0.85, 0.18),
    "medical_insurance_rate": ("logit", -1.2, 0.8, 0.18),
    "unemployment_insurance_rate": ("logit", -2.1, 0.9, 0.225),
    "injury_insurance_rate": ("logit", -1.9, 0.9, 0.225),
    "maternity_insurance_rate": ("logit", -2.2, 0.9, 0.225),
    "dispute_settlement_rate": ("logit", 2.0, 0.35, 0.375),
    "schooling_years": ("linear", 9.0, 0.9, 0.225),
    "skilled_labour_share": ("logit", -1.9, 0.85, 0.225),
    "skill_certificate_rate": ("logit", -3.0, 0.85, 0.3),
    "occupational_disease_rate": ("log", 1.2, -0.7, 0.45),
}
#: Latent dimension of each employment-quality code; all AI indicators load on AI.
LATENT_OF = {
    "FS": "AI",
    "TI": "AI",
    "AD": "AI",
    "LR": "LR",
    "EQ": "EQ",
    "SS": "SS",
    "LQ": "LQ",
}
#: Standard deviation of the persistent province-by-indicator effects, in latent units.
INDICATOR_EFFECT_SD = 0.5
#: Significant digits kept in the CSV (enough for the methods, few enough for byte-identity).
DIGITS = 6


def _paths(provinces: pd.DataFrame, rng: np.random.Generator) -> np.ndarray:
    """Deterministic latent paths L_it (province, year incl. burn-in, dimension)."""
    years = np.arange(YEARS[0] - BURN_IN, YEARS[-1] + 1)
    t = (years - YEARS[0]).astype(float)
    # employment dimensions: the common level plus a small province-specific departure
    departures = rng.normal(0.0, 0.12, size=(len(provinces), 4))
    paths = np.empty((len(provinces), len(years), len(DIMENSIONS)))
    for i, (name, region) in enumerate(
        zip(provinces["name_zh"], provinces["region"])
    ):
        ai, emp = PROVINCE_LEVELS[name]
        level = np.r_[ai, emp + departures[i]]
        paths[i] = level + np.outer(t, REGION_TRENDS.loc[region].to_numpy())
    for name, dimension, slope, start in TREND_DEPARTURES:
        i = int(np.flatnonzero(provinces["name_zh"] == name)[0])
        columns = [0] if dimension == "AI" else [1, 2, 3, 4]
        extra = (
            slope * np.clip(years - start + 1, 0, None)
            if start > YEARS[0]
            else slope * t
        )
        paths[i][:, columns] += extra[:, None]
    return paths


def latent_scores(seed: int = SEED) -> pd.DataFrame:
    """Simulate the latent dimension scores: one row per (province, year), 2010-2022.

    The deviations from the paths :math:`L_{it}` follow the VAR(1) :math:`s_{it} - L_{it} =
    A (s_{i,t-1} - L_{i,t-1}) + \\varepsilon_{it}` with :data:`TRUE_A` and independent normal
    innovations of standard deviations :data:`INNOVATION_SD`, started at zero :data:`BURN_IN`
    (30) years before 2010; the burn-in years are dropped.

    Parameters
    ----------
    seed
        Seed of ``numpy.random.default_rng``; :data:`SEED` (20250817) is the shipped panel's.

    Returns
    -------
    pandas.DataFrame
        Indexed by (``province_zh``, ``year``): the 30 provinces without Tibet in the order of
        ``data/provinces.csv``, each with the years 2010-2022; columns ``AI``, ``LR``, ``EQ``,
        ``SS`` and ``LQ`` (latent units, no fixed scale).
    """
    rng = np.random.default_rng(seed)
    provinces = (
        data.load("provinces")
        .query("name_zh != '西藏'")
        .reset_index(drop=True)
    )
    paths = _paths(provinces, rng)
    A = TRUE_A.to_numpy()
    n_provinces, n_years, k = paths.shape
    deviation = np.zeros((n_provinces, k))
    scores = np.empty_like(paths)
    for step in range(n_years):
        deviation = deviation @ A.T + rng.normal(
            0.0, INNOVATION_SD.to_numpy(), size=(n_provinces, k)
        )
        scores[:, step] = paths[:, step] + deviation
    scores = scores[:, BURN_IN:]
    index = pd.MultiIndex.from_product(
        [provinces["name_zh"], list(YEARS)], names=["province_zh", "year"]
    )
    return pd.DataFrame(scores.reshape(-1, k), index=index, columns=DIMENSIONS)


def gan_zhang_panel(seed: int = SEED) -> pd.DataFrame:
    """The simulated panel: province_zh, year, the 31 indicators and the five latent scores.

    Regenerate ``data/gan_zhang_simulated_panel.csv`` with :func:`write_gan_zhang_panel`.

    Parameters
    ----------
    seed
        Seed of the latent scores (:func:`latent_scores`); the indicators are drawn from a second
        stream, ``default_rng([seed, 1])``.

    Returns
    -------
    pandas.DataFrame
        One row per province and year (30 x 13 = 390) on a default index, with columns
        ``province_zh``, ``year``, the 31 indicators of ``data/gan_zhang_indicators.csv`` in its
        order (in their units: yuan, per cent, counts, years...) and ``latent_AI``,
        ``latent_LR``, ``latent_EQ``, ``latent_SS``, ``latent_LQ``; numbers rounded to
        :data:`DIGITS` (6) significant digits.
    """
    latent = latent_scores(seed)
    # a second stream, so indicators do not shift the latents
    rng = np.random.default_rng([seed, 1])
    return _rounded(_indicators(latent, rng).reset_index())


def _indicators(
    latent: pd.DataFrame, rng: np.random.Generator
) -> pd.DataFrame:
    """Gan & Zhang's 31 indicators of each unit and year of ``latent`` (indexed by unit and
    year, sorted by unit then year), followed by the latent scores as ``latent_*`` columns."""
    system = data.load("gan_zhang_indicators")
    # persistent unit-by-indicator effects (in latent units): units lead on different
    # indicators
    n_provinces = latent.index.levshape[0]
    n_years = latent.index.levshape[1]
    # right-skewed (centred exponential), as yearbook indicators are: one province can top an
    # indicator by far (a sparsely populated one on a per-person measure), compressing the rest
    draws = INDICATOR_EFFECT_SD * (
        rng.standard_exponential(size=(n_provinces, len(system))) - 1.0
    )
    specific = np.repeat(draws, n_years, axis=0)
    out = {}
    for j, (indicator, dimension) in enumerate(
        zip(system["indicator"], system["dimension"])
    ):
        if indicator == "urban_rural_gap":
            continue  # computed from the two incomes below
        kind, intercept, loading, noise = TRANSFORMS[indicator]
        s = latent[LATENT_OF[dimension]].to_numpy()
        eta = (
            intercept
            + loading * (s + specific[:, j])
            + rng.normal(0.0, noise, size=len(s))
        )
        if kind == "log":
            out[indicator] = np.exp(eta)
        elif kind == "logit":
            out[indicator] = 100.0 / (1.0 + np.exp(-eta))
        else:
            out[indicator] = eta
    panel = pd.DataFrame(out, index=latent.index)
    panel["urban_rural_gap"] = panel["income_urban"] / panel["income_rural"]
    return panel[list(system["indicator"])].join(latent.add_prefix("latent_"))


def city_panel(n_units: int = 285, seed: int = SEED) -> pd.DataFrame:
    """A **simulated** panel of ``n_units`` cities (285 is about the number of China's
    prefecture-level cities, 2,800 of its counties), 2010-2022, for trying the chapters on many
    units: columns ``city``, ``province``, ``region`` (its province's NBS region), ``year``,
    Gan & Zhang's 31 indicators and the five latent scores.

    Each city belongs to one of :func:`latent_scores`'s 30 provinces (drawn at random) and follows
    its province's latent path plus a persistent offset and an AR(1) departure of its own; its
    indicators are made from its latent scores as the provincial panel's are. City names are the
    province's and a number (江苏07): they are not real cities, and nothing here is real data.

    A city's scores are its province's plus an offset drawn once from :math:`N(0, 0.15^2)` and a
    departure :math:`u_t = 0.5 u_{t-1} + N(0, 0.04^2)`, each dimension on its own.

    Parameters
    ----------
    n_units
        The number of cities, at least 1.
    seed
        Seed of the provinces' latent scores (:func:`latent_scores`); the cities' draws use
        ``default_rng([seed, 2])`` and their indicators ``default_rng([seed, 3])``.

    Returns
    -------
    pandas.DataFrame
        ``n_units`` x 13 rows on a default index, sorted by province then city, with columns
        ``city``, ``province`` (short Chinese name), ``region``, ``year``, the 31 indicators and
        the five ``latent_*`` scores, rounded as :func:`gan_zhang_panel`'s.

    Raises
    ------
    helpers.errors.InputTypeError
        If ``n_units`` is not a whole number.
    helpers.errors.InputError
        If ``n_units`` is less than 1.
    """
    from helpers import _checks

    n_units = _checks.integer("n_units", n_units, minimum=1)
    provinces = latent_scores(seed)
    # in the rows' order, which by_province's reshape follows (levels[0] is sorted by name)
    names = list(dict.fromkeys(provinces.index.get_level_values(0)))
    rng = np.random.default_rng([seed, 2])
    of = np.sort(rng.integers(0, len(names), n_units))
    years = list(YEARS)
    offsets = rng.normal(0.0, 0.15, size=(n_units, len(DIMENSIONS)))
    deviation = np.zeros((n_units, len(DIMENSIONS)))
    scores = np.empty((n_units, len(years), len(DIMENSIONS)))
    by_province = provinces.to_numpy().reshape(len(names), len(years), -1)
    for step in range(len(years)):
        deviation = 0.5 * deviation + rng.normal(
            0.0, 0.04, size=deviation.shape
        )
        scores[:, step] = by_province[of, step] + offsets + deviation
    counter: dict[str, int] = {}
    cities = []
    for i in of:
        counter[names[i]] = counter.get(names[i], 0) + 1
        cities.append(f"{names[i]}{counter[names[i]]:02d}")
    index = pd.MultiIndex.from_product([cities, years], names=["city", "year"])
    latent = pd.DataFrame(
        scores.reshape(-1, len(DIMENSIONS)), index=index, columns=DIMENSIONS
    )
    panel = _indicators(latent, np.random.default_rng([seed, 3])).reset_index()
    region = data.load("provinces").set_index("name_zh")["region"]
    province = np.repeat([names[i] for i in of], len(years))
    panel.insert(1, "province", province)
    panel.insert(2, "region", region.loc[province].to_numpy())
    return _rounded(panel)


def _rounded(frame: pd.DataFrame) -> pd.DataFrame:
    numeric = frame.select_dtypes("number").columns.drop("year")
    frame[numeric] = frame[numeric].map(lambda v: float(f"{v:.{DIGITS}g}"))
    return frame


def write_gan_zhang_panel(path, seed: int = SEED) -> None:
    """Write the simulated panel as CSV (UTF-8, ``\\n`` line ends, ``DIGITS`` significant
    digits).

    Parameters
    ----------
    path
        Where to write (a path or an open text file), e.g.
        ``data/gan_zhang_simulated_panel.csv``; an existing file is overwritten.
    seed
        The seed of :func:`gan_zhang_panel`; the shipped file uses :data:`SEED`.

    Returns
    -------
    None
        The file is written.
    """
    gan_zhang_panel(seed).to_csv(
        path,
        index=False,
        encoding="utf-8",
        lineterminator="\n",
        float_format=f"%.{DIGITS}g",
    )
