"""Chapter 5's computed sentences say what the rates, series and decompositions they are given
say."""

import numpy as np
import pandas as pd

from helpers import data
from helpers import timeseries as ts
from helpers.timeseries import reading


def test_power_sentence_reports_size_range_and_chosen_points():
    rates = pd.DataFrame(
        {1.0: [0.07, 0.05], 0.9: [0.10, 0.40], 0.5: [0.30, 0.95]},
        index=[10, 50],
    )
    text = reading.power_sentence(rates, 2000)
    assert text.startswith(
        "Over 2,000 replications per sample size, the test rejects a true unit root in 5.0% to "
        "7.0% of samples (nominal 5%)."
    )
    # (20, 0.9) is not in the table, so it is not reported
    assert (
        "It detects a stationary series in 30% with 10 periods and root 0.5; "
        "95% with 50 periods and root 0.5." in text
    )
    assert "20 periods" not in text


def test_data_sentence_describes_the_series():
    index = pd.date_range("1990-01-01", periods=8, freq="QS")
    series = pd.DataFrame({"a": np.arange(8.0), "b": np.ones(8)}, index=index)
    assert reading.data_sentence("your file q.csv", series) == (
        "This run analyses your file q.csv: 8 quarterly observations from 1990Q1 to 1991Q4, "
        "variables a, b, in logs."
    )


def test_fevd_sentence_counts_passing_rows_and_measures_convergence():
    macro = data.statsmodels_macrodata().set_index("date")
    growth = np.log(macro[["realgdp", "realcons"]]).diff().dropna()
    report = ts.var_report(growth, lags=2)
    table = ts.fevd_table(report, horizons=[1, 2, 10, 20])
    checks = pd.concat(
        {
            v: ts.check_fevd_table(table.loc[v], decimals=8)
            for v in report.results.names
        }
    )
    text = reading.fevd_sentence(table, checks)
    assert text.startswith(f"{len(checks)} of {len(checks)} rows pass")
    # ordered first, a variable owes all its horizon-1 variance to its own shock
    assert "at horizon 1 realgdp, ordered first, owes 100.0%" in text
    shares = table.drop(columns="S.E.")
    moved = (shares.xs(20, level=1) - shares.xs(10, level=1)).abs().max().max()
    assert (
        f"Between horizons 10 and 20 no share moves by more than {moved:.2f}"
        in text
    )


def test_johansen_sentence_with_and_without_a_rank():
    by_case = {"co": (1, 1), "colo": (1, 0)}
    assert 'deterministic = "co"' in reading.johansen_sentence(
        by_case, "co", 1
    )
    # an older name is read as the code it stands for
    assert "gives rank 1 by the trace test" in reading.johansen_sentence(
        by_case, "c", 1
    )
    text = reading.johansen_sentence(by_case, "t", None)
    assert 'Case "colo"' in text
    assert (
        "Ranks (trace, max-eigenvalue) by case: co (1, 1); colo (1, 0)."
        in text
    )
    assert "no VECM is estimated" in text


def test_panel_unit_root_sentence_qualifies_ips_under_dependence():
    from helpers import data
    from helpers import timeseries as ts
    from helpers.timeseries.reading import panel_unit_root_sentence

    produc = data.load("produc")
    states = produc.assign(log_gsp=np.log(produc["gsp"]))
    growth = ts.panel_table(states, "log_gsp", "state", "year").diff(axis=1)
    cd = ts.pesaran_cd(growth.iloc[:, 1:])
    ips = ts.ips(
        states, "log_gsp", "state", "year", lags=1, exo="trend", dfcor=True
    )
    cips = ts.cips(states, "log_gsp", "state", "year", lags=1, exo="trend")
    critical = pd.Series({"1%": -2.9, "5%": -2.7, "10%": -2.5})
    text = panel_unit_root_sentence(cd, ips, cips, critical)
    assert text.startswith(
        f"Pesaran's CD statistic of the 48 states' growth rates is {cd.stat:.1f}"
    )
    assert "the states move together" in text
    assert "a unit root in every series rejected" in text  # IPS rejects
    assert "(not rejected)" in text  # CIPS does not
    assert "IPS's size is unreliable" in text
    assert "not rejecting is not evidence of a unit root" in text
