"""helpers.timeseries.chen_tang: the printed tables of Chen & Tang (2021) judged by arithmetic
alone, and the chapter's analysis helpers."""

import numpy as np
import pandas as pd
import pytest
import statsmodels.api as sm

from helpers import timeseries as ts
from helpers.timeseries import chen_tang


@pytest.fixture(scope="module")
def card():
    return chen_tang.audit().frame.set_index("claim_id")


def test_fevd_rows_and_standard_errors(card):
    status = card["status"]
    # one row per table: a table whose rows do not sum to 100 is one defect, not five
    sums = status[card.index.str.startswith("F-sum-")]
    assert list(sums.index) == [f"F-sum-{t}" for t in range(2, 7)]
    assert (sums == "discrepancy").all()
    assert "208.16551" in card.loc["F-sum-2", "recomputed"]
    assert (status[[f"F-se-{t}" for t in range(2, 7)]] == "discrepancy").all()


def test_critical_values_and_conclusions(card):
    status = card["status"]
    misordered = set(
        status[card.index.str.startswith("T1-order-")]
        .loc[lambda s: s == "discrepancy"]
        .index
    )
    assert misordered == {"T1-order-p", "T1-order-p-popu"}
    assert (status[card.index.str.startswith("T1-cv-")] == "discrepancy").all()
    assert (
        status["T1-conclusion-p-scie"]
        == status["T1-conclusion-p-pate"]
        == "discrepancy"
    )
    assert status["T1-conclusion-p-capa"] == "reproduced"


def test_sample_text_and_equation3(card):
    status = card["status"]
    assert (
        status[
            [
                "N-ADF",
                "N-VAR",
                "N-FEVD",
                "N-JOH",
                "F-h1",
                "EQ3-up",
                "E-both",
                "J-I0",
            ]
        ]
        == "discrepancy"
    ).all()
    assert (
        status["EQ3-down"] == "reproduced"
        and status["JOH-equilibrium"] == "not_reproducible"
    )
    assert "needs 30 observations" in card.loc["N-VAR", "recomputed"]
    # §3 states the span, not the frequency: the rows say which reading they assume
    assert "Read as annual data" in card.loc["N-ADF", "note"]
    assert "enough if quarterly (8), monthly (24)" in card.loc["N-ADF", "note"]
    assert (
        "too few if annual (2), quarterly (8), monthly (24)"
        in card.loc["N-VAR", "note"]
    )
    assert (
        status.value_counts().to_dict()
        == {
            "discrepancy": 38,  # 25 FEVD rows that do not sum to 100 are 5 table rows
            "reproduced": 10,
            "not_reproducible": 2,
            "finding": 2,
        }
    )
    # the 38 rows show 11 defects: one problem counts once
    assert (
        chen_tang.audit()
        .summary()
        .startswith("11 defects, shown by 38 of 50 claims")
    )


def test_text_against_text_and_a_public_figure(card):
    status = card["status"]
    # "the most important factor is AI technology", which the paper defines as patents and
    # research together: grouped they lead; one at a time market capacity does (noted)
    assert status["FEVD-technology"] == "reproduced"
    assert "82.4-89.5" in card.loc["FEVD-technology", "recomputed"]
    note = card.loc["FEVD-technology", "note"]
    assert "leads at 0 of 5 horizons" in note and "sum to 197-214" in note
    # every discrepancy says why; the ADF verdicts say the level assumed and that 10% rejects
    discrepancies = card[status == "discrepancy"]
    assert (discrepancies["note"] != "").all(), list(
        discrepancies.index[discrepancies["note"] == ""]
    )
    assert "it does reject at 10%" in card.loc["T1-conclusion-p-scie", "note"]
    # "within about 10%": in points of the shares, yes; relative to them, no
    assert status["FEVD-10"] == "reproduced"
    assert "14 of 20 columns move more than 10%" in card.loc["FEVD-10", "note"]
    # conclusions about regional gaps, productivity, regions and cities that no result measures
    assert (
        status[["CONC-gaps", "CONC-tfp", "CONC-lagging", "CONC-cities"]]
        .eq("discrepancy")
        .all()
    )
    # China's 97 robots in 2017 is above the IFR's world average (85)
    assert status["ROBOT-AVG"] == "reproduced"
    assert "world average 85" in card.loc["ROBOT-AVG", "recomputed"]
    # GDP enters the VAR with no unit-root verdict; China's share of AI money across papers
    assert status[["STATIONARY-4", "INV-THIRD"]].eq("finding").all()
    assert (
        "p, p-capa, p-popu, p-scie, p-pate"
        in card.loc["CONC-gaps", "recomputed"]
    )
    # the introduction's robot density matches the IFR's 2017 figure
    assert status["ROBOT-2017"] == "reproduced"
    assert "2015 (chapter 6, ROBOT-CHN-2015)" in card.loc["ROBOT-2017", "note"]


def test_two_observations_and_repeated_values():
    claims = chen_tang.Claims(chen_tang.CLAIMS)
    message = chen_tang.two_observations_error(claims)
    assert message.startswith(
        "data has 2 observations; a VAR(4) in 5 variables"
    ) and message.endswith("needs at least 30")
    repeated = chen_tang.repeated_values(chen_tang.data.load("chen_tang_fevd"))
    assert repeated[41.25876] >= 2 and repeated[0.01258] >= 2


@pytest.fixture(scope="module")
def levels():
    m = sm.datasets.macrodata.load_pandas().data
    return np.log(m[["realgdp", "realcons", "realinv"]])


def test_integration_table_names_the_i1_series(levels):
    table, integrated = ts.integration_table(levels)
    assert set(table.index.get_level_values("form")) == {
        "log level",
        "growth rate",
    }
    assert "pvalue" in table.columns
    level_p = table.xs(("log level", "ADF"), level=("form", "test"))["pvalue"]
    growth_p = table.xs(("growth rate", "ADF"), level=("form", "test"))[
        "pvalue"
    ]
    assert integrated == [
        v for v in levels.columns if level_p[v] >= 0.05 and growth_p[v] < 0.05
    ]


def test_ranks_and_vecm(levels):
    by_case = ts.ranks(levels, 2)
    assert list(by_case.index) == ["ci", "co", "coli"]
    direct = ts.johansen(levels, 2, "co")
    assert by_case.loc["co", "trace rank"] == direct.rank("trace")
    by_lag = ts.ranks_by_lag(levels, [1, 2], "co")
    assert by_lag.loc[2, "trace, r = 0"] == pytest.approx(
        direct.tests.loc[0, "trace"]
    )
    vecm = ts.vecm_table(levels, 2, 1, "co")
    np.testing.assert_allclose(
        vecm["beta (normalised)"]["relation 1"],
        direct.vectors["r1"],
        rtol=1e-6,
    )
    with pytest.raises(
        ValueError, match="rank must be an integer between 1 and 2; got 3"
    ):
        ts.vecm_table(levels, 2, 3)


def test_own_share_range_brackets_every_ordering(levels):
    report = ts.var_report(100 * levels.diff().dropna(), lags=2)
    spread = ts.own_share_range(report, 4)
    default = ts.fevd_table(report, [4])
    for name in levels.columns:
        own = default.loc[(name, 4), name]
        assert (
            spread.loc[name, "smallest own share"] - 1e-9
            <= own
            <= spread.loc[name, "largest own share"] + 1e-9
        )
    assert isinstance(spread, pd.DataFrame)
