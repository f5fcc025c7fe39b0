"""The specification checks of the fixed-effects quadratic, on simulated panels whose truth is
known (SIMULATED data: helpers.ushape.ushape_panel) and on a small panel built by hand."""

import numpy as np
import pandas as pd
import pytest

from helpers import ushape
from helpers.errors import InputError
from helpers.ushape import reading

ARGS = ("upgrading", "ai_exposure", "province", "year")


@pytest.fixture(scope="module")
def panels():
    return {
        version: ushape.ushape_panel(
            version, turning_point=6.0, noise=0.3, seed=20261122
        )
        for version in ("u", "concave", "outside")
    }


def test_binned_means_find_the_turning_point_only_where_there_is_one(panels):
    u = ushape.binned_means(panels["u"], *ARGS)
    assert 1 < u["effect"].idxmin() < len(u)
    assert abs(u.loc[u["effect"].idxmin(), "x"] - 6.0) < 1.5
    for version in ("concave", "outside"):
        binned = ushape.binned_means(panels[version], *ARGS)
        # monotone rising truths: the first bin lowest, the top bins highest
        assert binned["effect"].idxmin() == 1
        assert binned["effect"].idxmax() >= len(binned) - 1
    assert u.loc[1, ["effect", "se"]].tolist() == [0.0, 0.0]
    assert u["n"].sum() == len(panels["u"])


def test_within_ranges_by_hand():
    panel = pd.DataFrame(
        {
            "unit": ["a"] * 3 + ["b"] * 3,
            "x": [1.0, 2.0, 3.0, 5.0, 6.0, 9.0],
        }
    )
    table = ushape.within_ranges(panel, "x", "unit", extreme=4.0)
    assert table["share"].tolist() == [0.25, 0.5]
    assert table["straddles"].tolist() == [False, False]
    assert ushape.within_ranges(panel, "x", "unit", 5.5)[
        "straddles"
    ].tolist() == [False, True]


def trending_panel(kind: str) -> pd.DataFrame:
    """SIMULATED: 30 units over 12 years whose exposure trends linearly (its own start and speed
    per unit), with an outcome that has no response of its own to the exposure:

    - ``"levels"``: the outcome trends faster where the unit's exposure starts higher (a trend
      ratio of start - 5.5), so within units it is linear in the exposure with a slope that grows
      with the exposure's level;
    - ``"time curvature"``: the outcome's path over the years is curved, 0.1 (speed (year - 5.5))^2.
    """
    rng = np.random.default_rng(3 if kind == "levels" else 5)
    rows = []
    for unit in range(30):
        start, speed = rng.uniform(1, 10), rng.uniform(0.2, 0.6)
        for year in range(12):
            exposure = start + speed * year + rng.normal(scale=0.1)
            if kind == "levels":
                outcome = speed * (start - 5.5) * year + rng.normal(scale=0.1)
            else:
                outcome = 0.1 * (speed * (year - 5.5)) ** 2 + rng.normal(
                    scale=0.05
                )
            rows.append(
                {
                    "province": unit,
                    "year": 2010 + year,
                    "ai_exposure": exposure,
                    "upgrading": outcome,
                }
            )
    return pd.DataFrame(rows)


def test_unit_trends_remove_a_u_made_of_trends():
    # the two-way quadratic reads the "levels" panel's trends as a U; a linear trend per unit
    # leaves nothing but noise
    panel = trending_panel("levels")
    assert ushape.shape_check(panel).test.verdict().startswith("U supported")
    assert (
        not ushape.trend_check(panel, *ARGS)
        .verdict()
        .startswith("U supported")
    )


def test_robustness_sentence_reads_the_three_checks(panels):
    check = ushape.shape_check(panels["u"])
    text = reading.robustness_sentence(
        check,
        ushape.within_ranges(
            panels["u"], "ai_exposure", "province", check.test.extreme
        ),
        ushape.trend_check(panels["u"], *ARGS),
        ushape.binned_means(panels["u"], *ARGS),
        "province",
    )
    assert "observe the exposure on both sides of the extreme point" in text
    assert "the Lind-Mehlum test finds U supported" in text
    assert "inside the range, as a turning point needs to be" in text
    outside = ushape.shape_check(panels["outside"])
    text = reading.robustness_sentence(
        outside,
        ushape.within_ranges(
            panels["outside"], "ai_exposure", "province", outside.test.extreme
        ),
        ushape.trend_check(panels["outside"], *ARGS),
        ushape.binned_means(panels["outside"], *ARGS),
        "province",
    )
    assert "lies outside the observed range" in text
    assert "the bins show no turning point" in text


def test_bad_inputs_get_one_line(panels):
    flat = panels["u"].assign(ai_exposure=1.0)
    with pytest.raises(InputError, match="does not vary"):
        ushape.within_ranges(flat, "ai_exposure", "province", 1.0)
    with pytest.raises(InputError, match="bins must be"):
        ushape.binned_means(panels["u"], *ARGS, bins=2)


def test_quadratic_unit_trends_remove_curvature_in_the_time_paths():
    # SIMULATED: exposure trends linearly in each unit and the outcome's path over the years is
    # curved; with only a linear trend per unit the curvature loads on the squared exposure,
    # with a quadratic trend per unit it does not
    panel = trending_panel("time curvature")
    linear, quadratic = ushape.trend_checks(panel, *ARGS)
    assert linear.verdict().startswith("U supported")
    assert not quadratic.verdict().startswith("U supported")
    # too few years for quadratic trends: none
    assert ushape.trend_checks(panel[panel["year"] < 2015], *ARGS)[1] is None


def test_within_curvature_separates_levels_from_own_responses(panels):
    # SIMULATED: the U built from units' levels (as in the unit-trends test) has a large squared
    # term in the usual quadratic and none in the units' own curvature; the real U has both
    levels = trending_panel("levels")
    assert ushape.shape_check(levels).fit.pvalues["ai_exposure_sq"] < 0.001
    assert ushape.within_curvature(levels, *ARGS)["pvalue"] > 0.1
    real = ushape.within_curvature(panels["u"], *ARGS)
    assert real["b2"] > 0 and real["pvalue"] < 0.001
    check = ushape.shape_check(levels)
    text = reading.robustness_sentence(
        check,
        ushape.within_ranges(
            levels, "ai_exposure", "province", check.test.extreme
        ),
        ushape.trend_checks(levels, *ARGS),
        ushape.binned_means(levels, *ARGS),
        "province",
        ushape.within_curvature(levels, *ARGS),
    )
    assert "comes from differences between the provinces' levels" in text
