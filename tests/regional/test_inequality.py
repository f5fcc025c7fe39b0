"""helpers.inequality against published values, by properties, and on bad input."""

import hashlib
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import regional as ineq

YEARS = [
    "pcgdp1940",
    "pcgdp1950",
    "pcgdp1960",
    "pcgdp1970",
    "pcgdp1980",
    "pcgdp1990",
    "pcgdp2000",
]


@pytest.fixture(scope="module")
def mexico() -> pd.DataFrame:
    """PySAL's Mexico data (tests/fixtures/mexico.csv, checked against its manifest)."""
    folder = Path(__file__).parents[1] / "fixtures"
    manifest = yaml.safe_load(
        (folder / "mexico.yml").read_text(encoding="utf-8")
    )
    assert (
        hashlib.sha256((folder / "mexico.csv").read_bytes()).hexdigest()
        == manifest["sha256"]
    )
    return pd.read_csv(folder / "mexico.csv")


# -- published values ---------------------------------------------------------------------------


def test_theil_t_matches_pysal_mexico(mexico):
    published = [
        0.20894344,
        0.15222451,
        0.10472941,
        0.10194725,
        0.09560113,
        0.10511256,
        0.10660832,
    ]
    got = [ineq.theil_t(mexico[y]) for y in YEARS]
    np.testing.assert_allclose(got, published, rtol=0, atol=5e-9)


def test_theil_between_matches_pysal_mexico(mexico):
    published = [
        0.0345889,
        0.02816853,
        0.05260921,
        0.05931219,
        0.03205257,
        0.02963731,
        0.03635872,
    ]
    got = [
        ineq.theil_decomposition(mexico[y], mexico["hanson98"]).between
        for y in YEARS
    ]
    np.testing.assert_allclose(got, published, rtol=0, atol=5e-8)


def test_gini_matches_pysal_mexico(mexico):
    assert ineq.gini(mexico["pcgdp1940"]) == pytest.approx(
        0.35372371, abs=5e-9
    )


@pytest.mark.parametrize(
    "values, expected",
    [([1, 3, 2, 1, 1, 1, 4], 0.3076923), ([10] * 9 + [100], 0.4263158)],
)
def test_gini_published_examples(values, expected):
    assert ineq.gini(values) == pytest.approx(expected, abs=5e-8)


@pytest.mark.parametrize(
    "shares, expected",
    [([30, 30, 20, 20], 2600), ([10, 9, 12, 15, 12, 11, 15, 16], 1296)],
)
def test_hhi_published_examples(shares, expected):
    assert ineq.hhi(shares) == pytest.approx(expected)


# -- exact small cases --------------------------------------------------------------------------


def test_equality_gives_zero_everywhere():
    y = [5.0, 5.0, 5.0]
    assert ineq.gini(y) == 0
    assert ineq.theil_t(y) == pytest.approx(0)
    assert ineq.theil_l(y) == pytest.approx(0)


def test_one_unit_has_all():
    y = [0, 0, 0, 10]
    assert ineq.gini(y) == pytest.approx(0.75)  # 1 - 1/n
    assert ineq.gini(y, small_sample=True) == pytest.approx(1.0)
    assert ineq.theil_t(y) == pytest.approx(np.log(4))


def test_worked_example_decomposition():
    parts = ineq.theil_decomposition(
        [1, 1, 2, 4], ["A", "A", "B", "B"], kind="T"
    )
    assert parts.total == pytest.approx(np.log(2) / 4)
    assert parts.between == pytest.approx(
        0.25 * np.log(0.5) + 0.75 * np.log(1.5)
    )
    assert parts.groups.loc["A", "index"] == pytest.approx(0)
    assert parts.groups["value_share"].sum() == pytest.approx(1)
    assert parts.groups["share_of_total"].sum() == pytest.approx(
        parts.within / parts.total
    )
    table = parts.to_frame()
    assert table.loc["within", "share"] + table.loc[
        "between", "share"
    ] == pytest.approx(1)


def test_lorenz_curve_endpoints_and_area():
    curve = ineq.lorenz_curve(
        pd.Series([1.0, 3.0, 2.0, 4.0], index=list("abcd"))
    )
    assert list(curve.iloc[0, 1:]) == [0, 0]
    assert list(curve.iloc[-1, 1:]) == [1, 1]
    assert list(curve["unit"]) == ["", "a", "c", "b", "d"]
    # Gini is one minus twice the area under the Lorenz curve (trapezoids)
    x, y = curve["population_share"], curve["value_share"]
    area = np.sum(np.diff(x) * (y[1:].to_numpy() + y[:-1].to_numpy()) / 2)
    assert 1 - 2 * area == pytest.approx(ineq.gini([1, 3, 2, 4]))


def test_group_of_zeros_in_theil_t():
    # zeros are allowed in Theil T (0 ln 0 = 0); a group of zeros is equal inside
    parts = ineq.theil_decomposition(
        [0.0, 0.0, 2.0, 6.0], ["A", "A", "B", "B"], kind="T"
    )
    assert parts.groups.loc["A", "index"] == 0
    assert parts.within + parts.between == pytest.approx(parts.total)
    assert parts.total == pytest.approx(ineq.theil_t([0.0, 0.0, 2.0, 6.0]))


def test_concentration_ratio():
    assert ineq.concentration_ratio([5, 40, 25, 30], 2) == 70
    assert ineq.concentration_ratio([5, 40, 25, 30], 4) == 100


def test_normalized_hhi():
    assert ineq.hhi([25, 25, 25, 25], normalized=True) == pytest.approx(0)
    assert ineq.hhi([100, 0, 0], normalized=True) == pytest.approx(1)
    assert ineq.hhi([0.5, 0.5], total=1.0) == pytest.approx(0.5)
    with pytest.raises(ValueError, match="add up to 0.9, not 1"):
        ineq.hhi([0.5, 0.4], total=1.0)  # the tolerance scales with the total
    # printed rounding is absorbed
    assert ineq.hhi([30.1, 30, 20, 20]) == pytest.approx(2606.01)


def test_hhi_bounds_are_exact_when_nothing_is_unlisted():
    bounds = ineq.hhi_bounds([50, 30, 20], n_units=3)
    assert bounds["lower"] == bounds["upper"] == 3800


def test_hhi_bounds_small_case_by_hand():
    # residual 20 over 3 units capped at 10: equal split 20^2/3; packed 10^2 + 10^2
    bounds = ineq.hhi_bounds([50, 30], n_units=5)
    assert bounds["lower"] == pytest.approx(3400 + 400 / 3)
    # cap is the smallest listed share, 30: all 20 fits in one unit
    assert bounds["upper"] == pytest.approx(3400 + 400)
    capped = ineq.hhi_bounds([50, 30, 10], n_units=5)
    assert capped["upper"] == pytest.approx(2500 + 900 + 100 + 100)


def test_permutation_is_reproducible_and_bounded():
    y = pd.Series(np.arange(1.0, 13.0))
    g = pd.Series(["a"] * 6 + ["b"] * 6)
    first = ineq.between_share_permutation(y, g, n_reps=99, seed=3)
    again = ineq.between_share_permutation(y, g, n_reps=99, seed=3)
    pd.testing.assert_series_equal(first, again)
    assert 0 < first["pvalue"] <= 1
    assert first["observed"] == pytest.approx(
        ineq.theil_decomposition(y, g).between_share
    )
    # perfectly sorted groups: a random regrouping can at most tie them (the same split or its
    # mirror image, 2 of the C(12, 6) = 924 splits), so the p-value is near its floor of 1/100
    assert first["pvalue"] <= 0.05
    different = ineq.between_share_permutation(y, g, n_reps=99, seed=4)
    assert not different.equals(first)


# -- properties ---------------------------------------------------------------------------------

positive = st.floats(
    min_value=0.01, max_value=1e4, allow_nan=False, allow_infinity=False
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(positive, st.sampled_from("abc"), st.integers(1, 5)),
        min_size=2,
        max_size=30,
    ),
    st.sampled_from(["T", "L"]),
)
def test_decomposition_adds_up(rows, kind):
    y, g, w = zip(*rows)
    parts = ineq.theil_decomposition(
        list(y), list(g), weights=list(w), kind=kind
    )
    assert parts.within + parts.between == pytest.approx(
        parts.total, abs=1e-10
    )
    assert parts.between >= -1e-12 and parts.within >= -1e-12


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(positive, st.integers(1, 6)), min_size=1, max_size=20)
)
def test_population_weights_equal_expansion(rows):
    y, w = map(np.array, zip(*rows))
    expanded = np.repeat(y, w)
    assert ineq.gini(y, w) == pytest.approx(ineq.gini(expanded), abs=1e-10)
    assert ineq.theil_t(y, w) == pytest.approx(
        ineq.theil_t(expanded), abs=1e-10
    )
    assert ineq.theil_l(y, w) == pytest.approx(
        ineq.theil_l(expanded), abs=1e-10
    )


@settings(max_examples=60, deadline=None)
@given(
    st.lists(positive, min_size=2, max_size=30),
    st.floats(min_value=0.001, max_value=1000),
)
def test_indices_are_scale_invariant(y, factor):
    scaled = [v * factor for v in y]
    for index in (ineq.gini, ineq.theil_t, ineq.theil_l):
        assert index(scaled) == pytest.approx(index(y), abs=1e-9)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.floats(min_value=0.0, max_value=1.0), min_size=12, max_size=31
    ),
    st.integers(1, 10),
)
def test_hhi_bounds_bracket_the_true_hhi(raw, k):
    raw = np.array(raw) + 1e-3
    shares = np.sort(raw / raw.sum() * 100)[::-1]
    bounds = ineq.hhi_bounds(shares[:k], n_units=len(shares))
    true = ineq.hhi(shares)
    assert bounds["lower"] - 1e-7 <= true <= bounds["upper"] + 1e-7


# -- bad input ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "values, error, words",
    [
        ([1.0, np.nan, 3.0], ValueError, "missing values at 1"),
        ([1.0, -2.0], ValueError, "must not be negative; negative at 1"),
        (["a", 2], TypeError, "must be numeric; not a number at 0"),
        ([], ValueError, "has 0 value"),
        ([0, 0], ValueError, "all zero"),
        ([1.0, np.inf], ValueError, "infinite values at 1"),
    ],
)
def test_bad_values_are_named(values, error, words):
    with pytest.raises(error, match=words):
        ineq.gini(values)


def test_theil_l_refuses_zero_and_names_it():
    with pytest.raises(ValueError, match="must be positive.*zero at b"):
        ineq.theil_l(pd.Series([1.0, 0.0], index=["a", "b"]))


def test_bad_weights_and_groups():
    with pytest.raises(
        ValueError, match="weights has 2 entries but values has 3"
    ):
        ineq.gini([1, 2, 3], weights=[1, 1])
    with pytest.raises(
        ValueError, match="weights must be positive; zero or negative at 1"
    ):
        ineq.theil_t([1, 2], weights=[1, -1])
    with pytest.raises(
        ValueError, match="weights must be positive; zero or negative at 1"
    ):
        ineq.gini([0, 5], weights=[1, 0])  # would leave a zero weighted total
    with pytest.raises(ValueError, match="groups has missing labels at 1"):
        ineq.theil_decomposition([1, 2], ["a", None])
    with pytest.raises(
        ValueError, match="groups has 1 entries but values has 2"
    ):
        ineq.theil_decomposition([1, 2], ["a"])
    with pytest.raises(
        ValueError, match="kind must be one of 'T', 'L'; got 'X'"
    ):
        ineq.theil_decomposition([1, 2], ["a", "b"], kind="X")
    with pytest.raises(
        ValueError, match="small_sample=True is defined for unweighted"
    ):
        ineq.gini([1, 2], weights=[1, 1], small_sample=True)
    with pytest.raises(
        ValueError, match="weights has no entry for unit\\(s\\) z of values"
    ):
        ineq.gini(
            pd.Series([1.0, 2.0], index=["x", "z"]),
            weights=pd.Series([1, 1], index=["x", "y"]),
        )


def test_weights_align_by_label():
    y = pd.Series([1.0, 4.0], index=["a", "b"])
    w = pd.Series([3, 1], index=["b", "a"])
    assert ineq.gini(y, w) == pytest.approx(ineq.gini([1.0, 4.0], [1, 3]))


def test_bad_concentration_input():
    with pytest.raises(
        ValueError, match="k must be an integer between 1 and 2; got 3"
    ):
        ineq.concentration_ratio([50, 50], 3)
    with pytest.raises(TypeError, match="k must be an integer"):
        ineq.concentration_ratio([50, 50], 1.5)
    with pytest.raises(ValueError, match="add up to 90.*use hhi_bounds"):
        ineq.hhi([50, 40])
    with pytest.raises(ValueError, match="cannot be the largest"):
        # 70 left for 2 units capped at 10
        ineq.hhi_bounds([20, 10], n_units=4)
    with pytest.raises(ValueError, match="more than total"):
        ineq.hhi_bounds([60, 50], n_units=5)
    with pytest.raises(ValueError, match="smaller than the 3 listed"):
        ineq.hhi_bounds([50, 30, 20], n_units=2)
    with pytest.raises(
        ValueError, match="n_reps must be an integer at least 1; got 0"
    ):
        ineq.between_share_permutation([1, 2], ["a", "b"], n_reps=0)
