"""helpers.indices: published entropy weights, properties, and errors on bad input."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from helpers import indices

# Published examples; all use the raw values as proportions (standardize="none").
XU_2004 = (
    [[30, 30, 38, 29], [19, 54, 86, 29], [19, 15, 85, 28.9], [68, 70, 60, 29]],
    [0.4630, 0.3992, 0.1378, 0.0000],
    4,
)
ZAVADSKAS_PODVEZKO_2016 = (
    [[3.0, 100, 10, 7], [2.5, 80, 8, 5], [1.8, 50, 20, 11], [2.2, 70, 12, 9]],
    [0.1146, 0.1981, 0.4185, 0.2689],
    4,
)
ERSOY_2021 = (
    [
        [256, 8, 41, 1.6, 1.77, 7347.16],
        [256, 8, 32, 1.0, 1.8, 6919.99],
        [256, 8, 53, 1.6, 1.9, 8400],
        [256, 8, 41, 1.0, 1.75, 6808.9],
        [512, 8, 35, 1.6, 1.7, 8479.99],
        [256, 4, 35, 1.6, 1.7, 7499.99],
    ],
    [0.405, 0.221, 0.134, 0.199, 0.007, 0.034],
    3,
)


@pytest.mark.parametrize("zero", ["limit", "shift"])
@pytest.mark.parametrize(
    "example",
    [XU_2004, ZAVADSKAS_PODVEZKO_2016, ERSOY_2021],
    ids=["xu2004", "zp2016", "ersoy2021"],
)
def test_published_weights(example, zero):
    rows, published, decimals = example
    table = indices.entropy_weights(
        pd.DataFrame(rows), standardize="none", zero=zero
    )
    np.testing.assert_allclose(
        table["weight"], published, atol=0.5 * 10.0**-decimals
    )
    np.testing.assert_allclose(table["divergence"], 1 - table["entropy"])


def test_hand_computed_minmax_example():
    # x = (1, 2, 3): z = (0, 0.5, 1), p = (0, 1/3, 2/3) with the limit convention
    data = pd.DataFrame({"a": [1.0, 2.0, 3.0], "b": [1.0, 1.0, 4.0]})
    table = indices.entropy_weights(data, zero="limit")
    p = np.array([1 / 3, 2 / 3])
    assert table.at["a", "entropy"] == pytest.approx(
        -(p * np.log(p)).sum() / np.log(3)
    )
    # all weight on one unit: no uncertainty
    assert table.at["b", "entropy"] == pytest.approx(0.0)
    scores = indices.composite_index(data, table)
    assert scores.iloc[2] == pytest.approx(1.0)


def test_negative_indicator_reverses_the_scale():
    data = pd.DataFrame({"gap": [1.0, 2.0, 4.0]})
    z = indices.standardize_indicators(data, {"gap": "-"})
    assert list(z["gap"]) == [1.0, 2 / 3, 0.0]


def test_constant_indicator_gets_zero_weight():
    data = pd.DataFrame({"a": [1.0, 2.0, 5.0], "flat": [3.0, 3.0, 3.0]})
    for standardize in ("minmax", "none"):
        for zero in ("shift", "limit"):
            table = indices.entropy_weights(
                data, standardize=standardize, zero=zero
            )
            assert table.at["flat", "weight"] == pytest.approx(0.0, abs=1e-12)
            assert table.at["a", "weight"] == pytest.approx(1.0)


def test_all_constant_is_an_error():
    with pytest.raises(ValueError, match="every indicator is constant"):
        indices.entropy_weights(
            pd.DataFrame({"a": [1.0, 1.0], "b": [2.0, 2.0]})
        )


matrices = arrays(
    np.float64,
    st.tuples(st.integers(3, 12), st.integers(2, 6)),
    elements=st.floats(0.01, 1000),
)


@settings(max_examples=60, deadline=None)
@given(
    x=matrices,
    zero=st.sampled_from(["shift", "limit"]),
    standardize=st.sampled_from(["minmax", "none"]),
)
def test_weights_are_non_negative_and_sum_to_one(x, zero, standardize):
    data = pd.DataFrame(x)
    if (data.max() - data.min() <= 1e-9 * data.abs().max()).all():
        return  # constant to rounding: no information, an error (tested above)
    w = indices.entropy_weights(data, standardize=standardize, zero=zero)[
        "weight"
    ]
    assert (w >= 0).all()
    assert w.sum() == pytest.approx(1.0)


@settings(max_examples=60, deadline=None)
@given(
    x=matrices,
    scale=st.floats(0.001, 1000),
    zero=st.sampled_from(["shift", "limit"]),
)
def test_minmax_weights_ignore_positive_rescaling(x, scale, zero):
    data = pd.DataFrame(x)
    if (data.max() - data.min() < 1e-6 * data.abs().max()).any():
        return  # near-constant columns: the rescaled min-max is numerically fragile
    rescaled = data.copy()
    rescaled[0] = rescaled[0] * scale
    before = indices.entropy_weights(data, zero=zero)["weight"]
    after = indices.entropy_weights(rescaled, zero=zero)["weight"]
    np.testing.assert_allclose(after, before, atol=1e-9)


def panel_frame(seed=1):
    rng = np.random.default_rng(seed)
    index = pd.MultiIndex.from_product(
        [list("ABCDE"), [2020, 2021, 2022]], names=["unit", "year"]
    )
    frame = pd.DataFrame(
        rng.uniform(1, 10, size=(15, 3)), index=index, columns=["x", "y", "z"]
    )
    # a trend over the years
    frame["x"] += np.repeat([0, 1, 2, 3, 4], 3) + np.tile([0, 5, 10], 5)
    return frame


def test_pooled_equals_one_cross_section_of_all_unit_years():
    frame = panel_frame()
    pooled = indices.entropy_weights(frame, panel="pooled")
    flat = indices.entropy_weights(frame.reset_index(drop=True))
    pd.testing.assert_frame_equal(pooled, flat)
    scores = indices.composite_index(frame, pooled, panel="pooled")
    assert scores.index.equals(frame.index)


def test_per_year_and_mean_of_years():
    frame = panel_frame()
    per_year = indices.entropy_weights(frame, panel="per_year")
    assert per_year.index.names == ["year", "indicator"]
    for year in (2020, 2021, 2022):
        alone = indices.entropy_weights(frame.xs(year, level="year"))
        np.testing.assert_allclose(
            per_year.loc[year, "weight"], alone["weight"]
        )
    mean = indices.entropy_weights(frame, panel="mean_of_years")
    np.testing.assert_allclose(
        mean["weight"], per_year["weight"].unstack().mean().loc[mean.index]
    )
    assert mean["weight"].sum() == pytest.approx(1.0)
    scores = indices.composite_index(frame, per_year, panel="per_year")
    year_2021 = frame.xs(2021, level="year")
    expected = indices.composite_index(year_2021, per_year.loc[2021])
    np.testing.assert_allclose(scores.xs(2021, level="year"), expected)


def test_hierarchical_index_two_stages():
    frame = panel_frame()
    structure = {"first": ["x", "y"], "second": ["z"]}
    result = indices.hierarchical_index(
        frame, structure, directions={"y": "-"}, panel="pooled"
    )
    within = indices.entropy_weights(
        frame[["x", "y"]], {"y": "-"}, panel="pooled"
    )
    np.testing.assert_allclose(
        result.indicator_weights.loc["first", "weight"], within["weight"]
    )
    first = indices.composite_index(frame[["x", "y"]], within, {"y": "-"})
    np.testing.assert_allclose(result.dimensions["first"], first)
    W = result.dimension_weights["weight"]
    np.testing.assert_allclose(result.index, result.dimensions @ W)
    assert W.sum() == pytest.approx(1.0)
    per_year = indices.hierarchical_index(frame, structure, panel="per_year")
    assert per_year.index.between(0, 1).all()


def test_first_component_weights_sum_to_one():
    w = indices.first_component_weights(panel_frame())
    assert (w >= 0).all() and w.sum() == pytest.approx(1.0)


@pytest.mark.parametrize(
    "data, kwargs, error, message",
    [
        (
            pd.DataFrame({"a": [1.0, np.nan, 2.0]}, index=["p", "q", "r"]),
            {},
            ValueError,
            "data\\['a'\\] has missing values at q",
        ),
        (
            pd.DataFrame({"a": [1.0, 2.0], "name": ["x", "y"]}),
            {},
            TypeError,
            r"data must be numeric; column\(s\) name are not",
        ),
        (
            pd.DataFrame({"a": [1.0, -2.0, 3.0]}),
            {"standardize": "none"},
            ValueError,
            "'a' has negative values in rows 1",
        ),
        (pd.DataFrame({"a": [1.0]}), {}, ValueError, "at least two units"),
        (
            pd.DataFrame({"a": [1.0, 2.0]}),
            {"directions": {"a": "down"}},
            ValueError,
            "unknown direction 'down' for indicator 'a'",
        ),
        (
            pd.DataFrame({"a": [1.0, 2.0]}),
            {"directions": {"b": "+"}},
            ValueError,
            r"not in data: b",
        ),
        (
            pd.DataFrame({"a": [1.0, 2.0]}),
            {"standardize": "zscore"},
            ValueError,
            "standardize must be one of 'minmax', 'none'; got 'zscore'",
        ),
        (
            pd.DataFrame({"a": [1.0, 2.0]}),
            {"panel": "per_year"},
            ValueError,
            "two-level MultiIndex",
        ),
        (
            pd.DataFrame({"a": [1.0, 2.0]}),
            {"shift": 0},
            ValueError,
            "shift must be a number above 0; got 0",
        ),
    ],
)
def test_bad_input_is_named(data, kwargs, error, message):
    with pytest.raises(error, match=message):
        indices.entropy_weights(data, **kwargs)


def test_composite_index_rejects_mismatched_weights():
    data = pd.DataFrame({"a": [1.0, 2.0], "b": [3.0, 1.0]})
    with pytest.raises(
        ValueError, match=r"no weight for b; weights for unknown none"
    ):
        indices.composite_index(data, pd.Series({"a": 1.0}))


def test_system_indices_match_hierarchical_index():
    from helpers import data

    panel = data.load("gan_zhang_simulated_panel").set_index(
        ["province_zh", "year"]
    )
    system = data.load("gan_zhang_indicators")
    results = indices.system_indices(panel, system, panel="pooled")
    assert list(results) == ["AI", "EMP"]
    assert list(results["EMP"].dimensions.columns) == ["LR", "EQ", "SS", "LQ"]
    ai = system[system["system"] == "AI"]
    direct = indices.hierarchical_index(
        panel[list(ai["indicator"])],
        {
            d: list(g["indicator"])
            for d, g in ai.groupby("dimension", sort=False)
        },
        dict(zip(ai["indicator"], ai["direction"])),
        panel="pooled",
    )
    pd.testing.assert_series_equal(results["AI"].index, direct.index)
    with pytest.raises(ValueError, match="lacks indicator column"):
        indices.system_indices(panel.drop(columns="ai_firms"), system)


def test_the_two_weight_conventions_and_where_they_agree():
    """One pass: a dimension weighs the sum of its indicators' entropy weights; two levels: the
    entropy weight of its index. Both sets sum to one; with one indicator per dimension the
    indicators' weights are the dimensions' weights in one pass, and the one-pass index is the
    plain entropy index of the indicators."""
    from helpers import indices

    rng = np.random.default_rng(5)
    data = pd.DataFrame(rng.lognormal(size=(40, 4)), columns=list("abcd"))
    structure = {"first": ["a", "b"], "second": ["c", "d"]}
    weights, scores = indices.weight_conventions(data, structure)
    assert np.allclose(weights.sum(), 1.0)
    w = indices.entropy_weights(data)["weight"]
    assert weights.loc[
        "first", "one pass (sum of indicator weights)"
    ] == pytest.approx(w["a"] + w["b"])
    assert np.allclose(scores["one pass"], indices.composite_index(data, w))
    two = indices.hierarchical_index(data, structure)
    assert np.allclose(scores["two levels"], two.index)
    with pytest.raises(ValueError, match="compares one set of weights"):
        indices.weight_conventions(data, structure, panel="per_year")
