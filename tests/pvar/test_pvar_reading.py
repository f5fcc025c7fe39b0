"""Chapter 4's computed sentences follow the fitted models: the instrument counts against the
number of units decide what they say about GMM."""

import warnings

import numpy as np
import pandas as pd
import pytest

from helpers import pvar
from helpers.pvar import reading
from helpers.pvar import simulate as synthetic

A = pd.DataFrame(
    [[0.5, 0.1], [0.0, 0.4]], index=["y", "x"], columns=["y", "x"]
)


def fit(n_units: int, **options):
    panel = synthetic.pvar_panel(A, n_units=n_units, n_periods=6, seed=1)
    return pvar.PanelVAR(
        panel, ["y", "x"], entity="entity", time="time", **options
    ).fit()


@pytest.fixture(scope="module")
def many():
    """Collapsed lags 2-3 of two variables on 60 units: 8 moment conditions."""
    return fit(60, collapse=True, instrument_lags=(2, 3), steps="onestep")


@pytest.fixture(scope="module")
def few():
    """Every lag on 12 units: more moment conditions than units (the model warns, as it should)."""
    with pytest.warns(pvar.InstrumentWarning, match="singular"):
        return fit(12)


def test_proliferation_says_whether_the_weights_are_singular(many, few):
    moments = few.n_instruments * 2
    assert moments >= few.n_entities
    text = reading.proliferation_sentence(few)
    assert f"{moments} moment conditions, and 12 provinces" in text
    assert "singular" in text
    assert "singular" not in reading.proliferation_sentence(many)
    assert reading.proliferation_verdict(few).startswith(
        "Such estimates cannot be trusted"
    )
    assert reading.proliferation_verdict(many).startswith(
        "Here the moment conditions (8) are fewer than the provinces (60)"
    )


def test_collapsed_sentence_names_the_lags_and_the_count(many):
    text = reading.collapsed_sentence(many)
    assert "levels dated t-1 to t-2 (valid under FOD), 4 instruments" in text
    assert "The 8 joint moment conditions are fewer than the 60" in text
    open_ended = fit(60, collapse=True, instrument_lags=(2, None))
    assert "levels dated t-1 and earlier (valid under FOD)" in (
        reading.collapsed_sentence(open_ended)
    )


def test_j_sentence_follows_the_rank(many, few):
    assert reading.j_sentence(many).endswith(
        "full, so J can test the overidentifying restrictions."
    )
    assert few.moment_rank < few.n_instruments * 2
    assert f"has rank {few.moment_rank}, less than its size" in (
        reading.j_sentence(few)
    )


def test_truth_sentence_counts_coverage():
    side = pd.DataFrame(
        {"truth inside": [True, False, True], "s.e.": [0.1, 0.3, 0.2]}
    )
    assert reading.truth_sentence(side, 0.25) == (
        "2 of the 3 true coefficients lie inside their 95% intervals; the median standard error "
        "is 0.20 and the root-mean-square error of the estimates 0.25."
    )


def test_stability_sentence_both_sides_of_one():
    assert "is stable." in reading.stability_sentence(0.8, None)
    text = reading.stability_sentence(1.02, 0.9)
    assert "is not stable" in text and "largest modulus 0.90" in text


def test_mmsc_sentence_picks_the_smallest_bic(many):
    selection = pd.DataFrame(
        {"MMSC-BIC": [-3.0, -5.0, -1.0], "J": [4.0, 2.0, 1.0]}, index=[1, 2, 3]
    )
    text = reading.mmsc_sentence(selection, many)
    assert text.startswith("MMSC-BIC picks 2 lag(s). A testable J")
    assert "with 60 provinces and 2 equations, at most 29 instruments" in text
    flat = selection.assign(J=2.0)
    assert "parsimony alone" in reading.mmsc_sentence(flat, many)


def test_nickell_sentence_measures_the_distance_in_standard_errors(many):
    within = pd.DataFrame([[0.2]], index=["y"], columns=["L1.y"])
    truth = pd.DataFrame([[0.5]], index=["y"], columns=["L1.y"])
    text = reading.nickell_sentence(within, many, truth)
    estimate = float(many.params.loc["y", "L1.y"])
    se = float(many.std_errors.loc["y", "L1.y"])
    assert "from 0.5 to 0.20" in text
    assert f"GMM gives {estimate:.2f} (standard error {se:.2f})" in text
    assert f"{abs(estimate - 0.5) / se:.1f} standard errors" in text
    assert np.isfinite(se)


def test_an_unstable_estimate_gets_a_caveat_and_a_short_panel_no_lag_comparison():
    assert reading.instability_caveat(0.97) == ""
    assert reading.instability_caveat(1.2).startswith(
        "Read what follows with care: the estimated system is not stable (largest root 1.200)"
    )
    assert "allows at most 1 (the chapter compares up to 3)" in (
        reading.no_selection_sentence(1, 3)
    )


def test_system_sentence_tests_the_level_moments_only_where_j_can():
    """System against difference GMM: with many units the difference-in-Hansen statistic of the
    level equations' instruments is read (xtabond2's group "GMM instruments for levels"); with
    fewer units than moments it is said that nothing can be tested."""
    from helpers import pvar
    from helpers.pvar.reading import system_sentence

    truth = pd.DataFrame([[0.5, 0.1], [0.2, 0.4]], columns=["y1", "y2"])
    spec = dict(
        entity="entity",
        time="time",
        collapse=True,
        instrument_lags=(2, 3),
        steps="onestep",
    )
    for n_units, testable in ((300, True), (6, False)):
        sim = pvar.pvar_panel(truth, n_units=n_units, n_periods=8, seed=4)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            difference = pvar.PanelVAR(sim, ["y1", "y2"], **spec).fit()
            system = pvar.PanelVAR(
                sim, ["y1", "y2"], system=True, **spec
            ).fit()
        sentence = system_sentence(difference, system, "unit")
        assert sentence.startswith(
            "Adding the level equations moves the coefficients"
        )
        if testable:
            row = system.difference_in_hansen().loc[
                "GMM instruments for levels"
            ]
            # one level instrument per variable, in each of the two equations
            assert row["difference df"] == 2 * 2
            assert (
                f"level equations' instruments is {row['difference']:.2f} on "
                f"{int(row['difference df'])} degrees of freedom" in sentence
            )
        else:
            assert "cannot be tested here" in sentence


def test_serial_correlation_sentence_reads_both_orders(many):
    tests = many.serial_correlation()
    text = reading.serial_correlation_sentence(tests)
    first = tests.xs(1, level="order")
    negative = int(((first["pvalue"] < 0.05) & (first["z"] < 0)).sum())
    expected = (
        "AR(1) rejects with a negative statistic in all 2 equations"
        if negative == 2
        else f"AR(1) rejects with a negative statistic in {negative} of 2 equations"
    )
    assert text.startswith(expected)
    # a significantly positive AR(1) statistic is flagged
    odd = tests.copy()
    odd.loc[("y", 1), ["z", "pvalue"]] = [3.0, 0.003]
    assert "A significantly positive AR(1) statistic (y)" in (
        reading.serial_correlation_sentence(odd)
    )
    # an AR(2) rejection names the equation and says what to do
    flagged = tests.copy()
    flagged.loc[("x", 2), "pvalue"] = 0.01
    text = reading.serial_correlation_sentence(flagged)
    assert "AR(2) rejects in 1 (x)" in text
    assert "needs respecifying, with more lags" in text


def test_instrument_groups_sentence_needs_a_full_rank_moment_covariance(
    many, few
):
    # lags 2-3 collapsed: dropping either variable's two instruments leaves the model just
    # identified, so nothing can be tested
    text = reading.instrument_groups_sentence(
        many, many.difference_in_hansen()
    )
    assert text.startswith("No group of instruments can be dropped")
    wider = fit(60, collapse=True, instrument_lags=(2, 4), steps="onestep")
    text = reading.instrument_groups_sentence(
        wider, wider.difference_in_hansen()
    )
    assert text.startswith("The smallest p-value is that of gmm(")
    text = reading.instrument_groups_sentence(few, few.difference_in_hansen())
    assert "singular" in text and "test anything" in text


@pytest.fixture(scope="module")
def year_effects():
    """A simulated PVAR(1) panel without common shocks, fitted as it is and demeaned by year."""
    truth = pd.DataFrame([[0.5, 0.1], [0.2, 0.4]], columns=["y1", "y2"])
    panel = synthetic.pvar_panel(truth, n_units=60, n_periods=8, seed=3)
    spec = dict(entity="entity", time="time", collapse=True, steps="onestep")
    results = pvar.PanelVAR(panel, ["y1", "y2"], **spec).fit()
    means = panel.groupby("time")[["y1", "y2"]].transform("mean")
    demeaned = panel.assign(
        y1=panel["y1"] - means["y1"], y2=panel["y2"] - means["y2"]
    )
    other = pvar.PanelVAR(demeaned, ["y1", "y2"], **spec).fit()
    return truth, panel, results, other


def test_year_effects_and_small_n_sentences(year_effects):
    truth, panel, results, other = year_effects
    text = reading.year_effects_sentence(results, other, "unit")
    # no common shock in the simulation; demeaning pushes CD to -sqrt(NT/(2(N-1)))
    assert "no sign of a common shock" in text
    assert "not a valid test" in text
    t = (
        other.model.design.rows.query("equation == 'transformed'")
        .groupby("entity")
        .size()
        .mean()
    )
    assert f"towards about {-np.sqrt(60 * t / 118):.1f}" in text
    within = pvar.within_ols(panel, ["y1", "y2"], "entity", "time")
    jackknife = pvar.half_panel_jackknife(
        panel, ["y1", "y2"], "entity", "time"
    )
    text = reading.small_n_sentence(
        results, within, jackknife, truth.set_axis(["y1", "y2"])
    )
    assert "root mean squared errors" in text and "comes closest" in text
    assert "needs one lag and at least five years" in reading.small_n_sentence(
        results, None, None, None
    )


def test_generated_sentence_compares_scale_free_quantities(many, few):
    text = reading.generated_sentence(many, few, 0.5)
    own = np.mean([few.params.loc[v, f"L1.{v}"] for v in ["y", "x"]])
    assert text.startswith(
        f"On the entropy indices, the own-lag coefficients average {own:.2f}"
    )
    assert "(the simulation's true value: 0.50)" in text
    text = reading.generated_sentence(
        many, None, None, "the columns a, b of your file"
    )
    assert "already estimated on the columns a, b of your file" in text


def test_year_effects_sentence_gives_a_valid_test_after_demeaning(
    year_effects,
):
    _, _, results, demeaned = year_effects
    weighted = demeaned.cross_dependence(weighted=True)
    text = reading.year_effects_sentence(results, demeaned, "unit")
    assert (
        f"randomly weighted CD, which remains valid, ranges from {weighted['CD'].min():.1f}"
        in text
    )
