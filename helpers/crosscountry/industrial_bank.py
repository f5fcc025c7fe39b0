"""The audit of the Industrial Bank Research report (2024) from its printed figures (chapter 6):
shares against the totals they imply, ranks, differences and trends, and the report's numbers
against the public IFR and IMF figures and the sources it cites. Every printed number is a row of
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


#: Economies among the named AI greenfield destinations that the IMF's World Economic Outlook
# counts as advanced; India, the UAE and Poland are emerging market economies there.
ADVANCED = {
    "Germany",
    "United States",
    "UK",
    "France",
    "Canada",
    "Singapore",
    "Spain",
}


def outside_figures() -> pd.DataFrame:
    """The figures of the sources the papers cite, with their provenance
    (``data/outside_figures.csv``), indexed by ``figure_id``.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``figure_id``, with the manifest's columns ``what``, ``economy``, ``year``,
        ``value``, ``unit``, ``source``, ``published``, ``url``, ``quote`` and ``consulted``.

    Raises
    ------
    helpers.data.DataError
        If the shipped file does not match its manifest.
    """
    return data.load("outside_figures").set_index("figure_id")


class Figures:
    """The report's printed numbers (``industrial_bank_figures``), by id: :meth:`value`,
    :meth:`printed` and :meth:`where` (the sections and ids a check cites)."""

    def __init__(self) -> None:
        self.table = data.load("industrial_bank_figures").set_index("id")

    def value(self, figure_id: str) -> float:
        """The figure's value as a number, in the unit of its ``unit`` column.

        Parameters
        ----------
        figure_id
            The figure's id, e.g. ``"S1-08"``.

        Returns
        -------
        float
            The ``value`` column of the figure's row.
        """
        return float(self.table.loc[figure_id, "value"])

    def printed(self, figure_id: str) -> str:
        """The figure as the report prints it (e.g. ``"55万"``).

        Parameters
        ----------
        figure_id
            The figure's id.

        Returns
        -------
        str
            The ``printed`` column of the figure's row.
        """
        return str(self.table.loc[figure_id, "printed"])

    def where(self, *ids: str) -> str:
        """Where the figures are in the report, for a scorecard row's location.

        Parameters
        ----------
        *ids
            Figure ids, in the order to cite them.

        Returns
        -------
        str
            "§<section> (<id>)" for each id, comma-separated.
        """
        return ", ".join(f"§{self.table.loc[i, 'section']} ({i})" for i in ids)

    def series(
        self, ids: dict[str, tuple[str, str]], position: int
    ) -> pd.Series:
        """One number per economy from ``ids`` (economy -> (amount id, share id)), the amount
        (``position`` 0) or the share (1).

        Parameters
        ----------
        ids
            Economy to the pair of figure ids (amount, share), e.g. :data:`INVESTMENT`.
        position
            0 for the amounts, 1 for the shares.

        Returns
        -------
        pandas.Series
            The values indexed by economy, in the order of ``ids``.
        """
        return pd.Series(
            {
                economy: self.value(pair[position])
                for economy, pair in ids.items()
            }
        )


def check_investment(scorecard: Scorecard, figures: Figures):
    """The five 2023 AI-investment shares: one world total, and room left for the rest.

    Adds INV-total (the intervals of :func:`~helpers.audit.implied_totals` of every pair, amounts
    to whole 100 million US$ and shares to one decimal, overlap) and INV-sum (the listed shares
    add up to at most 100%).

    Parameters
    ----------
    scorecard
        The chapter's scorecard; the rows are added to it.
    figures
        The report's printed numbers (:class:`Figures`).

    Returns
    -------
    helpers.audit.ImpliedTotals
        The implied totals of the five pairs (100 million US$), indexed by economy.

    Raises
    ------
    helpers.errors.InputError
        If a claim id is already on the scorecard.
    """
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
        f"{others['low'].max():.0f}-{others['high'].min():.0f} (100 million US$)"
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
    r"""The US share of the total the four other investment pairs agree on (mid-point).

    .. math:: 100\,a_{US} / \tfrac{1}{2}(T_{low} + T_{high})

    where :math:`[T_{low}, T_{high}]` is the common interval of the totals implied by the other
    four (amount, share) pairs (:func:`~helpers.audit.implied_totals`).

    Parameters
    ----------
    figures
        The report's printed numbers (:class:`Figures`).

    Returns
    -------
    float
        The share in per cent.
    """
    amounts, shares = (
        figures.series(INVESTMENT, 0),
        figures.series(INVESTMENT, 1),
    )
    others = implied_totals(
        amounts.drop("United States"), shares.drop("United States"), 0, 1
    ).common
    return float(100 * amounts["United States"] / np.mean(others))


def check_shares(scorecard: Scorecard, figures: Figures):
    """The venture-deal shares against one total, and every listed group of shares against 100%.

    Adds VC-total (the totals implied by the six (deals, share) pairs, deals to whole numbers and
    shares to one decimal, overlap) and ``<group>-sum`` for each group of :data:`SHARE_GROUPS`.

    Parameters
    ----------
    scorecard
        The chapter's scorecard; the rows are added to it.
    figures
        The report's printed numbers (:class:`Figures`).

    Returns
    -------
    helpers.audit.ImpliedTotals
        The implied totals of the six venture-deal pairs (deals), indexed by economy.

    Raises
    ------
    helpers.errors.InputError
        If a claim id is already on the scorecard.
    """
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
    but cannot prove (an unlisted economy could exceed China) is not reproducible.

    China's rank among the listed is one plus the number of listed shares above its own; the
    unlisted economies share 100 minus the listed sum. Also adds GF-MAIN, not reproducible: the
    AI greenfield projects of the named destinations by IMF group (:data:`ADVANCED`), with the
    seven printed only as a range counted at both ends.

    Parameters
    ----------
    scorecard
        The chapter's scorecard; the rows are added to it.
    figures
        The report's printed numbers (:class:`Figures`).

    Returns
    -------
    None
        The rows are added to ``scorecard``.

    Raises
    ------
    helpers.errors.InputError
        If a claim id is already on the scorecard.
    """
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

    # "主要流向发达经济体": the projects of the named destinations by IMF group; the seven
    # after the first three are printed only as a range (17-36 each)
    low, high = figures.value("S2-10"), figures.value("S2-11")
    rest = [
        e.strip() for e in figures.table.loc["S2-10", "economy"].split(",")
    ]
    named = {"India": "S2-07", "Germany": "S2-08", "United States": "S2-09"}
    fixed_adv = sum(
        figures.value(i) for e, i in named.items() if e in ADVANCED
    )
    fixed_em = sum(
        figures.value(i) for e, i in named.items() if e not in ADVANCED
    )
    n_adv = sum(e in ADVANCED for e in rest)
    n_em = len(rest) - n_adv
    adv = (fixed_adv + n_adv * low, fixed_adv + n_adv * high)
    em = (fixed_em + n_em * low, fixed_em + n_em * high)
    world = figures.value("S2-05")
    scorecard.not_reproducible(
        "GF-MAIN",
        "§摘要, §二 第一 (S2-05, S2-07 to S2-11)",
        "AI-related FDI goes mainly to advanced economies (AI greenfield projects, 2022)",
        "主要流向发达经济体; 发达经济体是人工智能相关绿地投资的主要目的地",
        f"Two readings. Among the ten economies the report names, the advanced ones (IMF groups) "
        f"receive {adv[0]:.0f}-{adv[1]:.0f} projects against {em[0]:.0f}-{em[1]:.0f} for the "
        f"emerging ones ({100 * adv[0] / (adv[0] + em[1]):.1f}-"
        f"{100 * adv[1] / (adv[1] + em[0]):.1f}%): a majority. Of the world's {world:.0f}, they "
        f"receive at most {100 * adv[1] / world:.1f}%, and the "
        f"{world - adv[1] - em[1]:.0f}-{world - adv[0] - em[0]:.0f} projects the report does not "
        "assign to an economy decide the question. The first destination is India "
        f"({figures.value('S2-07'):.0f}), an emerging economy, with more than Germany and the US "
        "together",
    )


def check_arithmetic(scorecard: Scorecard, figures: Figures) -> None:
    """Differences and ratios the report states next to the numbers they come from.

    Adds CN-ODI-FDI (ODI minus the difference against FDI, within 0.15), US-RESHORE (1.1 / 3.7
    against 59.0%, with the interval rounding allows), TALENT (2 / 5 against 0.39, to one decimal)
    and CHATGPT (the households the report's electricity implies at the EIA's average use, to one
    decimal).

    Parameters
    ----------
    scorecard
        The chapter's scorecard; the rows are added to it.
    figures
        The report's printed numbers (:class:`Figures`).

    Returns
    -------
    None
        The rows are added to ``scorecard``.

    Raises
    ------
    helpers.errors.InputError
        If a claim id is already on the scorecard.
    """
    v = figures.value
    difference = v("S31-04") - v("S31-05")
    scorecard.check(
        "CN-ODI-FDI",
        figures.where("S31-04", "S31-05", "S31-20"),
        "China's 2023 ODI exceeds its actual FDI by 139.9 (100 million US$)",
        f"{v('S31-04'):g} - {v('S31-05'):g} = {difference:.1f}, vs FDI {v('S31-20'):g}",
        f"difference {v('S31-04') - v('S31-20'):.1f}, not {v('S31-05'):g}",
        abs(difference - v("S31-20")) <= 0.15,
        note=f"a gap of {abs(difference - v('S31-20')):.1f} (100 million US$), "
        f"{100 * abs(difference - v('S31-20')) / v('S31-20'):.2f}% of FDI, where rounding "
        "allows at most 0.15: too small to matter, possibly two releases of the FDI "
        f"figure ({difference:.1f} behind the difference, {v('S31-20'):g} in §3.1 第二)",
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
        "TALENT",
        figures.where("S4-06", "S4-07", "S4-08"),
        "a supply-demand ratio of 0.39 means 5 jobs compete for 2 candidates",
        f"{v('S4-06'):g}",
        f"2 / 5 = {v('S4-08') / v('S4-07'):.2f}",
        round(v("S4-08") / v("S4-07"), 1) == round(v("S4-06"), 1),
        note="the reading rounds 0.39 to 0.4; it holds to one decimal",
    )
    per_household = v("S32-12") * 1e4 / (v("S32-13") * 1e4)
    eia = outside_figures().loc["EIA-HOUSEHOLD-KWH"]
    eia_daily = float(eia["value"]) / 365
    households = v("S32-12") * 1e4 / eia_daily / 1e4
    scorecard.compare(
        "CHATGPT",
        figures.where("S32-12", "S32-13"),
        "ChatGPT's daily 500 thousand kWh equal the use of 17 thousand US households",
        v("S32-13"),
        households,
        1,
        note=f"the report's numbers imply {per_household:.1f} kWh per household per day; the "
        f"EIA's average US household used {eia['value']:,.0f} kWh in {eia['year']} "
        f"({eia_daily:.1f} a day), so 50 (10 thousand kWh) is the use of {households:.2f} "
        "(10 thousand) households",
    )


def textile_shares(figures: Figures) -> pd.Series:
    """China's printed shares of world textile and apparel exports, by year.

    Parameters
    ----------
    figures
        The report's printed numbers (:class:`Figures`).

    Returns
    -------
    pandas.Series
        Named ``share (%)``: the shares in per cent, indexed by year (int) in the order of
        :data:`TEXTILE`.
    """
    rows = figures.table.loc[TEXTILE]
    return pd.Series(
        rows["value"].to_numpy(),
        index=rows["year"].astype(int),
        name="share (%)",
    )


def check_trends(scorecard: Scorecard, figures: Figures) -> None:
    """Trends and orders the report reads from its numbers: FDI's peak, greenfield ranks, Korea's
    ODI, China's textile phases, and two figures whose basis it does not print.

    Adds FDI-PEAK, GF-RANK, KOR-ODI, TEX-PHASES, TEX-POST (checks), TEX-PEAK and CN-FDI-2022 (not
    reproducible) and GF-SHARE (against GlobalData, to one decimal).

    Parameters
    ----------
    scorecard
        The chapter's scorecard; the rows are added to it.
    figures
        The report's printed numbers (:class:`Figures`).

    Returns
    -------
    None
        The rows are added to ``scorecard``.

    Raises
    ------
    helpers.errors.InputError
        If a claim id is already on the scorecard.
    """
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
    earlier = textile[textile.index < 2020]
    scorecard.not_reproducible(
        "TEX-PEAK",
        figures.where("S31-09", "S31-11"),
        "in 2020 the share returned to its historical peak (35.3%)",
        figures.printed("S31-11"),
        f"'重回历史峰值' (back to the historical peak) needs the earlier peak, which the report "
        f"does not print: before 2020 it prints only {', '.join(map(str, earlier.index))}, the "
        f"highest {earlier.max():g}% ({earlier.idxmax()}). 35.3% is above all of them; whether an "
        "unprinted year reached it (a return) or not (a new high), the printed points cannot "
        "show",
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
    globaldata = outside_figures().loc["GLOBALDATA-AI-SHARE"]
    scorecard.compare(
        "GF-SHARE",
        figures.where("S2-06"),
        "AI greenfield projects were about 3.5% of all FDI projects in 2022 (GlobalData)",
        v("S2-06"),
        float(globaldata["value"]),
        1,
        note=f"GlobalData, as its Investment Monitor reports it: '{globaldata['quote']}'. The "
        "total number of projects it implies, about "
        f"{v('S2-05') / v('S2-06') * 100:,.0f}, is printed by neither",
    )


def check_public_figures(scorecard: Scorecard, figures: Figures) -> None:
    """The report's robot densities and AIPI values against IFR's and the IMF's public figures.

    Adds ROBOT-KOR, ROBOT-CHN, ROBOT-KOR-2015, ROBOT-CHN-2015 (against ``ifr_robot_density``, to
    whole robots), the finding CROSS-CN-AI-2023 (against Fang, Chang & Hu's IDC figure),
    AIPI-SGP and AIPI-NEXT (against ``imf_aipi_2023``), and CORR-AIPI-FDI and CORR-ROBOT-MFG (not
    reproducible).

    Parameters
    ----------
    scorecard
        The chapter's scorecard; the rows are added to it.
    figures
        The report's printed numbers (:class:`Figures`).

    Returns
    -------
    None
        The rows are added to ``scorecard``.

    Raises
    ------
    helpers.errors.InputError
        If a claim id is already on the scorecard.
    """
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
            f"{year_ct} figure ({early.loc[('CHN', year_ct), 'robots_per_10k']}); the IFR's "
            "2015 figure is 49. The two papers date the same number two years apart, and the "
            "IFR's figures side with Chen & Tang",
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
    # Across papers: Fang, Chang & Hu (2025) quote IDC for China's AI money in 2023 too. The
    # report's world total is taken from China's own pair (amount and share), not from the US
    # pair, which INV-total finds out of line with the other four.
    fang = Claims("fang2025_claims")
    china, share = v("S1-10"), v("S1-14")
    world_here = china / share * 100
    world_fang = 147.5 * 10  # 147.5亿美元, "about a tenth" of the world's
    scorecard.finding(
        "CROSS-CN-AI-2023",
        figures.where("S1-10", "S1-14")
        + "; Fang, Chang & Hu (2025) "
        + fang["X1"]["location"],
        "Do the two papers give the same figure for China's AI money in 2023?",
        f"here {china:g}亿美元 at {share:g}% of the world's (world {world_here:.0f}亿美元); "
        f"Fang et al. {fang['X1']['printed']} (world about {world_fang:.0f}亿美元)",
        note="No: the report's AI investment against IDC's AI technology spending (as Fang et "
        "al. cite it), neither defined in its text. China's amounts differ by "
        f"{100 * (147.5 / china - 1):.0f}% and the world totals by about "
        f"{100 * (world_fang / world_here - 1):.0f}% (Fang et al.'s 'about a tenth' read as "
        "exactly one tenth). Not a discrepancy with either paper, but the two cannot be quoted "
        "side by side.",
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


def check_sources(scorecard: Scorecard, figures: Figures) -> None:
    """Figures the report takes from outside sources, against the sources themselves
    (``data/outside_figures.csv``): the IMF's exposure shares, the US chip investment and its
    jobs, the CHIPS Act's date and China's share of people aged 60 and over.

    Adds IMF-EXP-WORLD, IMF-EXP-AE, IMF-EXP-EM, IMF-EXP-LIC, CHIPS-INVEST, CHIPS-JOBS, CHIPS-SIA,
    the finding CHIP-TOTALS, CHIPS-DATE and AGE-60.

    Parameters
    ----------
    scorecard
        The chapter's scorecard; the rows are added to it.
    figures
        The report's printed numbers (:class:`Figures`).

    Returns
    -------
    None
        The rows are added to ``scorecard``.

    Raises
    ------
    helpers.errors.InputError
        If a claim id is already on the scorecard.
    """
    v = figures.value
    out = outside_figures()
    for claim_id, figure_id, source_id in (
        ("IMF-EXP-WORLD", "S1-04", "IMF-EXPOSED-WORLD"),
        ("IMF-EXP-AE", "S1-05", "IMF-EXPOSED-AE"),
        ("IMF-EXP-EM", "S1-06", "IMF-EXPOSED-EM"),
        ("IMF-EXP-LIC", "S1-07", "IMF-EXPOSED-LIC"),
    ):
        row, source = figures.table.loc[figure_id], out.loc[source_id]
        scorecard.compare(
            claim_id,
            figures.where(figure_id),
            f"{row['economy']}: {row['printed']} of employment exposed to AI (IMF, Georgieva 2024)",
            v(figure_id),
            float(source["value"]),
            0,
            note=f"Georgieva's IMF blog (14 January 2024), which the report cites, gives the "
            "same shares as the study behind it, Cazzaniga et al. (2024): "
            f"'{source['quote']}'",
        )
    white_house = out.loc["WH-CHIPS-INVESTMENT"]
    scorecard.check(
        "CHIPS-INVEST",
        figures.where("S2-19"),
        "companies have pledged nearly 400 billion US$ of chip investment in the US, two years "
        "after the CHIPS Act",
        figures.printed("S2-19"),
        f"White House, {white_house['published']}: {white_house['value']:,.0f}亿美元 ($395+ "
        "billion)",
        bool(0.95 * v("S2-19") <= white_house["value"] <= v("S2-19")),
        note="'近' (nearly) read as within 5% below. The fact sheet counts semiconductors and "
        "electronics since January 2021, not chips since the Act (August 2022)",
    )
    jobs = out.loc["WH-CHIPS-JOBS"]
    scorecard.compare(
        "CHIPS-JOBS",
        figures.where("S2-20"),
        "those projects are expected to create 12 thousand US jobs",
        v("S2-20"),
        float(jobs["value"]),
        1,
        note=f"The fact sheet whose investment total the sentence matches (CHIPS-INVEST) gives "
        f"over 115,000 jobs, {float(jobs['value']) / v('S2-20'):.1f} times 1.2万; the report's "
        "note [2] is not listed, so its own source cannot be confirmed. 12万 would fit to two "
        "digits",
    )
    sia = {
        k: float(out.loc[f"SIA-{k}", "value"])
        for k in ("PROJECTS", "STATES", "INVESTMENT")
    }
    printed = {
        "PROJECTS": "S32-02",
        "STATES": "S32-03",
        "INVESTMENT": "S32-04",
    }
    scorecard.check(
        "CHIPS-SIA",
        figures.where("S32-02", "S32-03", "S32-04"),
        "per the Semiconductor Industry Association, 90 new projects and nearly 450 billion US$ "
        "of private investment in 28 states since the Act passed",
        f"{v('S32-02'):g} projects, {v('S32-03'):g} states, {figures.printed('S32-04')}",
        f"SIA: {sia['PROJECTS']:g} projects, {sia['STATES']:g} states, nearly $450 billion",
        all(v(printed[k]) == sia[k] for k in sia),
        note="SIA counts from the bill's introduction in spring 2020, not from its passing",
    )
    scorecard.finding(
        "CHIP-TOTALS",
        figures.where("S2-19", "S32-04"),
        "Do §二's and §3.2's totals of chip investment in the US agree?",
        f"{figures.printed('S2-19')} (§二) against {figures.printed('S32-04')} (§3.2)",
        note=f"They differ by {v('S32-04') - v('S2-19'):.0f}亿美元. The report dates both from "
        "the Act ('two years after', 'since it passed'); the sources it matches count from "
        "January 2021, semiconductors and electronics (the White House), and from spring 2020, "
        "the chip ecosystem (SIA). Each matches its source (CHIPS-INVEST, CHIPS-SIA); the "
        "report does not say why its two totals differ",
    )
    signed = out.loc["CHIPS-ACT-SIGNED"]
    scorecard.compare(
        "CHIPS-DATE",
        figures.where("S32-14"),
        "the CHIPS and Science Act was passed in September 2022",
        v("S32-14"),
        float(signed["value"]),
        0,
        note="the month of 2022: Congress passed the Act on 27-28 July and the President "
        "signed it on 9 August 2022 (Public Law 117-167); §二's 'two years after' fits August "
        "2024, the month of the White House fact sheet",
    )
    age = out.loc["MCA-AGE60-2023"]
    count = float(out.loc["MCA-AGE60-2023-COUNT", "value"])
    scorecard.compare(
        "AGE-60",
        figures.where("S31-03"),
        "people aged 60 and over were 21.2% of China's population in 2023",
        v("S31-03"),
        100 * count / v("S31-02"),
        1,
        note=f"the official count, {count:,.0f}万 people aged 60 and over at the end of 2023, "
        f"over the report's own population ({v('S31-02'):,.0f}万) is "
        f"{100 * count / v('S31-02'):.2f}%; the bulletin prints {age['value']:g}%. A gap of "
        f"{v('S31-03') - float(age['value']):.1f} point, which leaves the report's point (above "
        "20%, a moderately aged society) unchanged",
    )


def audit(chapter: str = "06_global_industrial_layout") -> Scorecard:
    """The whole scorecard of the report's printed figures.

    Runs :func:`check_investment`, :func:`check_shares`, :func:`check_ranks`,
    :func:`check_arithmetic`, :func:`check_trends`, :func:`check_public_figures` and
    :func:`check_sources`, in that order, on a new scorecard.

    Parameters
    ----------
    chapter
        The chapter's file stem, where :meth:`~helpers.audit.Scorecard.write` saves the scorecard.

    Returns
    -------
    helpers.audit.Scorecard
        The scorecard under ``Industrial Bank Research (2024)``.
    """
    scorecard, figures = Scorecard(PAPER, chapter), Figures()
    check_investment(scorecard, figures)
    check_shares(scorecard, figures)
    check_ranks(scorecard, figures)
    check_arithmetic(scorecard, figures)
    check_trends(scorecard, figures)
    check_public_figures(scorecard, figures)
    check_sources(scorecard, figures)
    return scorecard
