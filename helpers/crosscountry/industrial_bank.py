"""The audit of the Industrial Bank Research report (2024) from its printed figures (chapter 6):
shares against the totals they imply, ranks, differences and trends, and the report's numbers
against the public IFR and IMF figures. Every printed number is a row of
``data/industrial_bank_figures.csv``, identified by its id (e.g. ``S1-08``)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers import data
from helpers.audit import Claims, Scorecard, implied_totals

PAPER = "Industrial Bank Research (2024)"
#: Economies and the figure ids of their 2023 AI investment (amount, share).
INVESTMENT = {
    "United States": ("S1-08", "S1-09"),
    "China": ("S1-10", "S1-14"),
    "European Union": ("S1-11", "S1-15"),
    "India": ("S1-12", "S1-16"),
    "United Kingdom": ("S1-13", "S1-17"),
}
#: Economies and the figure ids of their 2012-2020 AI venture deals (count, share).
DEALS = {
    "United States": ("S3-16", "S3-17"),
    "China": ("S3-18", "S3-23"),
    "European Union": ("S3-19", "S3-24"),
    "United Kingdom": ("S3-20", "S3-25"),
    "Japan": ("S3-21", "S3-26"),
    "India": ("S3-22", "S3-27"),
}
#: Groups of shares listed for some economies, which can add up to at most 100%.
SHARE_GROUPS = {
    "RES2": (
        ["S3-01", "S3-02", "S3-03", "S3-04", "S3-05"],
        "top-2% AI researchers, 2022",
    ),
    "RES20": (["S3-06", "S3-07", "S3-08"], "top-20% AI researchers, 2022"),
    "VCF": (
        ["S3-28", "S3-29", "S3-30", "S3-31", "S3-32"],
        "AI venture funding, 2022",
    ),
    "VCD": (
        ["S3-17", "S3-23", "S3-24", "S3-25", "S3-26", "S3-27"],
        "AI venture deals, 2012-2020",
    ),
    "CHIP27": (
        ["S32-06", "S32-08", "S32-09"],
        "advanced-node chip capacity, 2027",
    ),
}
#: China's printed ranks: claim id, the listed shares, China's share, the stated rank, what is
# ranked.
RANKS = [
    (
        "RANK-top2",
        ["S3-01", "S3-02", "S3-03", "S3-04", "S3-05"],
        "S3-02",
        "S3-09",
        "top-2% AI researchers",
    ),
    (
        "RANK-top20",
        ["S3-06", "S3-07", "S3-08"],
        "S3-06",
        "S3-10",
        "senior (top-20%) AI researchers",
    ),
    (
        "RANK-vc",
        ["S3-28", "S3-29", "S3-30", "S3-31", "S3-32"],
        "S3-29",
        "S3-33",
        "AI venture funding",
    ),
]
TEXTILE = ["S31-08", "S31-09", "S31-10", "S31-11", "S31-12", "S31-13"]


class Figures:
    """The report's printed numbers (``industrial_bank_figures``), by id: :meth:`value`,
    :meth:`printed` and :meth:`where` (the sections and ids a check cites)."""

    def __init__(self) -> None:
        self.table = data.load("industrial_bank_figures").set_index("id")

    def value(self, figure_id: str) -> float:
        return float(self.table.loc[figure_id, "value"])

    def printed(self, figure_id: str) -> str:
        return str(self.table.loc[figure_id, "printed"])

    def where(self, *ids: str) -> str:
        return ", ".join(f"§{self.table.loc[i, 'section']} ({i})" for i in ids)

    def series(
        self, ids: dict[str, tuple[str, str]], position: int
    ) -> pd.Series:
        """One number per economy from ``ids`` (economy -> (amount id, share id)), the amount
        (``position`` 0) or the share (1)."""
        return pd.Series(
            {
                economy: self.value(pair[position])
                for economy, pair in ids.items()
            }
        )


def check_investment(scorecard: Scorecard, figures: Figures):
    """The five 2023 AI-investment shares: one world total, and room left for the rest."""
    amounts, shares = (
        figures.series(INVESTMENT, 0),
        figures.series(INVESTMENT, 1),
    )
    result = implied_totals(
        amounts, shares, amount_decimals=0, share_decimals=1
    )
    table, common = result.table, result.common
    us = table.loc["United States"]
    others = table.drop("United States")
    scorecard.check(
        "INV-total",
        figures.where("S1-08", "S1-09", "S1-10", "S1-14"),
        "the five 2023 AI-investment shares are shares of one world total",
        "; ".join(
            f"{p}: {figures.printed(a)} at {figures.printed(s)}"
            for p, (a, s) in INVESTMENT.items()
        ),
        f"the US pair implies {us['low']:.0f}-{us['high']:.0f}, the others "
        f"{others['low'].max():.0f}-"
        f"{others['high'].min():.0f} (100 million US$)"
        if common is None
        else f"common total {common[0]:.0f}-{common[1]:.0f}",
        common is not None,
        note="without the US pair the four others agree on a total of about 820-830 (100 million "
        "US$); 506 would "
        "then be about 61%, not 55.0%",
    )
    scorecard.check(
        "INV-sum",
        figures.where(*(s for _, s in INVESTMENT.values())),
        "the listed 2023 AI-investment shares leave room for the rest of the world",
        f"{shares.sum():.1f}% listed",
        f"sum {shares.sum():.1f}% <= 100",
        shares.sum() <= 100,
    )
    return result


def us_share_if_others(figures: Figures) -> float:
    """The US share of the total the four other investment pairs agree on (mid-point)."""
    amounts, shares = (
        figures.series(INVESTMENT, 0),
        figures.series(INVESTMENT, 1),
    )
    others = implied_totals(
        amounts.drop("United States"), shares.drop("United States"), 0, 1
    ).common
    return float(100 * amounts["United States"] / np.mean(others))


def check_shares(scorecard: Scorecard, figures: Figures):
    """The venture-deal shares against one total, and every listed group of shares against 100%."""
    deals, deal_shares = figures.series(DEALS, 0), figures.series(DEALS, 1)
    result = implied_totals(
        deals, deal_shares, amount_decimals=0, share_decimals=1
    )
    common = result.common
    scorecard.check(
        "VC-total",
        figures.where("S3-16", "S3-17", "S3-22", "S3-27"),
        "the six 2012-2020 AI venture-deal shares are shares of one world total",
        "; ".join(
            f"{p}: {a:,.0f} at {s:.1f}%"
            for p, a, s in zip(DEALS, deals, deal_shares)
        ),
        f"common total {common[0]:.0f}-{common[1]:.0f} deals"
        if common
        else "no common total",
        common is not None,
    )
    for key, (ids, label) in SHARE_GROUPS.items():
        total = float(sum(figures.value(i) for i in ids))
        scorecard.check(
            f"{key}-sum",
            figures.where(*ids),
            f"shares of {label} listed for some economies add up to "
            "at most 100%",
            " + ".join(f"{figures.value(i):g}" for i in ids),
            f"{total:.1f}%",
            total <= 100,
        )
    return result


def check_ranks(scorecard: Scorecard, figures: Figures) -> None:
    """China's stated ranks against the listed shares. A rank the shares contradict is a
    discrepancy; one they confirm even against every unlisted economy is reproduced; one they allow
    but cannot prove (an unlisted economy could exceed China) is not reproducible."""
    for claim_id, ids, china_id, rank_id, label in RANKS:
        listed = {
            figures.table.loc[i, "economy"]: figures.value(i) for i in ids
        }
        china, stated = figures.value(china_id), int(figures.value(rank_id))
        remainder = 100 - sum(listed.values())
        rank = 1 + sum(share > china for share in listed.values())
        claim = f"China ranks {stated} in {label}"
        found = (
            f"rank {rank} among the listed; the unlisted economies share {remainder:.0f}% in all "
            f"(China {china:g}%)"
        )
        if rank != stated or remainder < china:
            scorecard.check(
                claim_id,
                figures.where(rank_id, china_id),
                claim,
                f"rank {stated}",
                found,
                rank == stated,
            )
        else:
            scorecard.not_reproducible(
                claim_id,
                figures.where(rank_id, china_id),
                claim,
                f"rank {stated}",
                f"{found}: consistent, but the printed shares cannot rule out an unlisted "
                "economy above China",
            )


def check_arithmetic(scorecard: Scorecard, figures: Figures) -> None:
    """Differences and ratios the report states next to the numbers they come from."""
    v = figures.value
    difference = v("S31-04") - v("S31-05")
    scorecard.check(
        "CN-ODI-FDI",
        figures.where("S31-04", "S31-05", "S31-20"),
        "China's 2023 ODI exceeds its actual FDI by 139.9 (100 million US$)",
        f"{v('S31-04'):g} - {v('S31-05'):g} = {difference:.1f}, vs FDI {v('S31-20'):g}",
        f"difference {v('S31-04') - v('S31-20'):.1f}, not {v('S31-05'):g}",
        abs(difference - v("S31-20")) <= 0.15,
        note="each number has one decimal, so rounding allows at most 0.15",
    )
    share = 100 * v("S2-23") / v("S2-22")
    low = 100 * (v("S2-23") - 0.05) / (v("S2-22") + 0.05)
    high = 100 * (v("S2-23") + 0.05) / (v("S2-22") - 0.05)
    scorecard.check(
        "US-RESHORE",
        figures.where("S2-22", "S2-23", "S2-24"),
        "reshoring's 1.1 (10 thousand) jobs are 59.0% of the 3.7 (10 thousand) from reshoring and "
        "FDI in 2023",
        figures.printed("S2-24"),
        f"1.1 / 3.7 = {share:.1f}% (rounding allows {low:.1f}-{high:.1f}%)",
        low <= v("S2-24") <= high,
        note="59.0% of 3.7 would be 2.2 (10 thousand) jobs; 1.1 would be 59% of "
        "about 1.9",
    )
    scorecard.check(
        "IMF-EXPOSURE",
        figures.where("S1-04", "S1-05", "S1-06", "S1-07"),
        "the world's 40% exposure lies between the group shares (16-60%) it averages",
        f"{v('S1-04'):g}% vs {v('S1-07'):g}-{v('S1-05'):g}%",
        "inside the range",
        v("S1-07") <= v("S1-04") <= v("S1-05"),
    )
    scorecard.check(
        "TALENT",
        figures.where("S4-06", "S4-07", "S4-08"),
        "a supply-demand ratio of 0.39 means 5 jobs compete for 2 candidates",
        f"{v('S4-06'):g}",
        f"2 / 5 = {v('S4-08') / v('S4-07'):.2f}",
        round(v("S4-08") / v("S4-07"), 1) == round(v("S4-06"), 1),
        note="the reading rounds 0.39 to 0.4; it holds to one decimal",
    )
    per_household = v("S32-12") * 1e4 / (v("S32-13") * 1e4)
    scorecard.not_reproducible(
        "CHATGPT",
        figures.where("S32-12", "S32-13"),
        "ChatGPT's daily 500 thousand kWh equal the use of 17 thousand US households",
        "50 (10 thousand kWh) = 1.7 (10 thousand households)",
        f"implies {per_household:.1f} kWh per household per day ({per_household * 365:,.0f} kWh "
        "a year); checking it needs a US household consumption figure the report does not give",
    )


def textile_shares(figures: Figures) -> pd.Series:
    """China's printed shares of world textile and apparel exports, by year."""
    rows = figures.table.loc[TEXTILE]
    return pd.Series(
        rows["value"].to_numpy(),
        index=rows["year"].astype(int),
        name="share (%)",
    )


def check_trends(scorecard: Scorecard, figures: Figures) -> None:
    """Trends and orders the report reads from its numbers: FDI's peak, greenfield ranks, Korea's
    ODI, China's textile phases, and two figures whose basis it does not print."""
    v = figures.value
    peak_low = v("S2-02") / (1 - (v("S2-03") - 0.05) / 100)
    peak_high = v("S2-02") / (1 - (v("S2-03") + 0.05) / 100)
    scorecard.check(
        "FDI-PEAK",
        figures.where("S2-01", "S2-02", "S2-03"),
        "world FDI fell 41.0% from its 2015 peak to 2022, with 2016 below that peak",
        f"2016: {figures.printed('S2-01')}; 2022: {figures.printed('S2-02')}; fall "
        f"{figures.printed('S2-03')}",
        f"implied 2015 peak {peak_low:,.0f}-{peak_high:,.0f}, above 2016",
        v("S2-01") < peak_low,
        note="the 2015 value itself is not printed; the World Bank series can check it online "
        "(exercise)",
    )
    scorecard.check(
        "GF-RANK",
        figures.where("S2-07", "S2-08", "S2-09", "S2-11"),
        "India, Germany and the US are the top three destinations of AI "
        "greenfield projects in 2022",
        f"{v('S2-07'):g} > {v('S2-08'):g} > {v('S2-09'):g} > the next seven (at most "
        f"{v('S2-11'):g})",
        "ordered",
        v("S2-07") > v("S2-08") > v("S2-09") > v("S2-11"),
    )
    scorecard.check(
        "KOR-ODI",
        figures.where("S2-14", "S2-15", "S2-16", "S2-17", "S2-18"),
        "Korea's manufacturing share of ODI fell (2013-2021); the labour-intensive share fell to "
        "2018 and "
        "rose slightly to 2021",
        "41.6 -> 35.5; 4.6 -> 4.0 -> 4.1",
        "consistent with the endpoints (the years between are not printed)",
        v("S2-15") < v("S2-14")
        and v("S2-17") < v("S2-16")
        and v("S2-17") < v("S2-18") < v("S2-16"),
    )
    textile = textile_shares(figures)
    scorecard.check(
        "TEX-PHASES",
        figures.where("S31-08", "S31-09", "S31-10"),
        "China's textile export share rose in 1996-2014 and fell in 2014-2019",
        "11.2 -> 34.0 -> 31.3",
        "consistent with the endpoints",
        textile[1996] < textile[2014] > textile[2019],
    )
    scorecard.check(
        "TEX-PEAK",
        figures.where("S31-09", "S31-11"),
        "in 2020 the share returned to its historical peak (35.3%)",
        "back to the peak, 35.3%",
        f"35.3% exceeds the earlier peak the report prints ({figures.printed('S31-09')} in 2014): "
        "a new high, "
        "not a return",
        bool(np.isclose(textile[2020], textile.drop(2020).max())),
    )
    scorecard.check(
        "TEX-POST",
        figures.where("S31-10", "S31-12", "S31-13"),
        "the 2021 and 2022 shares stayed above the pre-pandemic level",
        "32.9 and 33.7 vs 31.3 (2019)",
        "both above",
        textile[2021] > textile[2019] and textile[2022] > textile[2019],
    )
    scorecard.not_reproducible(
        "CN-FDI-2022",
        figures.where("S31-19", "S31-20", "S31-21", "S31-22"),
        "China's FDI fell 13.7% in 2023 (to 1632.5) and its FDI stock 3.8% in 2022 (to 34963.8)",
        "-13.7%, -3.8%",
        f"imply 2022 FDI {v('S31-20') / (1 + v('S31-19') / 100):,.1f} and a 2021 stock of "
        f"{v('S31-22') / (1 + v('S31-21') / 100):,.1f} (100 million US$), which the report does "
        "not print",
    )
    scorecard.not_reproducible(
        "GF-SHARE",
        figures.where("S2-06"),
        "AI greenfield projects were about 3.5% of all FDI projects in 2022",
        "3.5%",
        f"implies about {v('S2-05') / 0.035:,.0f} projects in all, a number the report does "
        "not print",
    )


def check_public_figures(scorecard: Scorecard, figures: Figures) -> None:
    """The report's robot densities and AIPI values against IFR's and the IMF's public figures."""
    v = figures.value
    ifr = data.load("ifr_robot_density")
    wr23 = ifr[
        (ifr["release"] == "World Robotics 2023") & (ifr["iso3"] != "WLD")
    ].set_index("iso3")["robots_per_10k"]
    scorecard.compare(
        "ROBOT-KOR",
        figures.where("S2-13"),
        "Korea's 2022 robot density is 1012, the world's highest",
        v("S2-13"),
        float(wr23["KOR"]),
        0,
        note=f"IFR (World Robotics 2023) ranks Korea first: {wr23.idxmax()} {wr23.max()}",
    )
    scorecard.compare(
        "ROBOT-CHN",
        figures.where("S31-07"),
        "China's 2022 robot density is 392",
        v("S31-07"),
        float(wr23["CHN"]),
        0,
        note="World Robotics 2024 later revised it to 402",
    )
    early = ifr.set_index(["iso3", "data_year"])
    chen_tang = Claims("chen_tang_claims")
    year_ct, density_ct = (
        int(float(x)) for x in chen_tang.items("ROBOT-2017")
    )
    for claim_id, iso3, figure_id, note in (
        ("ROBOT-KOR-2015", "KOR", "S2-12", ""),
        (
            "ROBOT-CHN-2015",
            "CHN",
            "S31-06",
            f"Across papers: Chen & Tang (2021, {chen_tang['ROBOT-2017']['location']}), citing "
            f"the IFR, give China {density_ct:g} in {year_ct}, which is the IFR's "
            f"{year_ct} figure ({early.loc[('CHN', year_ct), 'robots_per_10k']}); the two "
            "papers date the same number two years apart, and the report's year is the wrong "
            "one",
        ),
    ):
        row = figures.table.loc[figure_id]
        scorecard.compare(
            claim_id,
            figures.where(figure_id),
            f"{row['economy']}'s {int(row['year'])} robot density is {v(figure_id):g}",
            v(figure_id),
            float(early.loc[(iso3, int(row["year"])), "robots_per_10k"]),
            0,
            note=note
            or f"IFR, {early.loc[(iso3, int(row['year'])), 'release']}",
        )
    # Across papers: Fang, Chang & Hu (2025) quote IDC for China's AI money in 2023 too
    fang = Claims("fang2025_claims")
    china, share = v("S1-10"), v("S1-14")
    world_here = v("S1-08") / v("S1-09") * 100
    world_fang = 147.5 * 10  # 147.5亿美元, "about a tenth" of the world's
    scorecard.finding(
        "CROSS-CN-AI-2023",
        figures.where("S1-10", "S1-14")
        + "; Fang, Chang & Hu (2025) "
        + fang["X1"]["location"],
        "Do the two papers give the same figure for China's AI money in 2023?",
        f"here {china:g}亿美元, {share:g}% of the world's (world {world_here:.0f}亿美元); "
        f"Fang et al. {fang['X1']['printed']} (world about {world_fang:.0f}亿美元)",
        note="No: the report's AI investment against IDC's AI technology spending, neither "
        "defined in its text, with world totals that differ by "
        f"{100 * (world_fang / world_here - 1):.0f}%. Not a discrepancy with either paper, but "
        "the two cannot be quoted side by side.",
    )
    aipi = data.load("imf_aipi_2023").set_index("iso3")
    scorecard.compare(
        "AIPI-SGP",
        figures.where("S2-27"),
        "Singapore's 2023 AIPI is 0.80, the highest",
        v("S2-27"),
        float(aipi.loc["SGP", "aipi"]),
        2,
    )
    next_eight = (
        aipi.drop(["SGP", "CHN"]).sort_values("aipi", ascending=False).head(8)
    )
    listed = ["DNK", "USA", "NLD", "EST", "FIN", "CHE", "NZL", "DEU"]
    scorecard.check(
        "AIPI-NEXT",
        figures.where("S2-28", "S2-29"),
        "then, in order, Denmark, the US, the Netherlands, Estonia, Finland, Switzerland, New "
        "Zealand and "
        "Germany, at 0.75-0.78",
        "0.75-0.78, in that order",
        f"IMF order {', '.join(next_eight.index)}; values {next_eight['aipi'].min():.4f}-"
        f"{next_eight['aipi'].max():.4f}",
        list(next_eight.index) == listed
        and round(next_eight["aipi"].min(), 2) >= 0.75
        and round(next_eight["aipi"].max(), 2) <= 0.78,
    )
    scorecard.not_reproducible(
        "CORR-AIPI-FDI",
        "§二 第四",
        "economies with a higher AIPI receive more FDI (2023)",
        "positive association",
        "the report prints no FDI by economy; the method section below "
        "shows how to test it and why levels mislead",
    )
    scorecard.not_reproducible(
        "CORR-ROBOT-MFG",
        "§二 第二",
        "robot density rises with manufacturing's share of GDP",
        "positive association",
        "the report prints no cross-country table; IFR's full country "
        "tables are not public",
    )


def audit(chapter: str = "06_global_industrial_layout") -> Scorecard:
    """The whole scorecard of the report's printed figures."""
    scorecard, figures = Scorecard(PAPER, chapter), Figures()
    check_investment(scorecard, figures)
    check_shares(scorecard, figures)
    check_ranks(scorecard, figures)
    check_arithmetic(scorecard, figures)
    check_trends(scorecard, figures)
    check_public_figures(scorecard, figures)
    return scorecard
