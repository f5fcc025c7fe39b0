"""Chapter 7's computed sentences agree with the fitted checks they are given."""

import pytest

from helpers import ushape
from helpers.ushape import reading

VERSIONS = {
    "a real U": "u",
    "monotone concave": "concave",
    "minimum outside the data": "outside",
}
EXPECTED = {
    "a real U": "U supported",
    "monotone concave": "no inverse U",
    "minimum outside the data": "no U",
}


def checks(alpha=0.05, **simulation):
    return {
        label: ushape.shape_check(
            ushape.ushape_panel(version, **simulation), alpha=alpha
        )
        for label, version in VERSIONS.items()
    }


@pytest.fixture(scope="module")
def default():
    return checks(turning_point=6.0, noise=0.3, seed=20261122)


def test_signs_sentence_counts_from_the_rows(default):
    text = reading.signs_sentence(default, EXPECTED, 0.05)
    by_signs = [
        label
        for label, c in default.items()
        if c.row["the signs suggest"] in ("U", "inverse U")
    ]
    assert text.startswith(f"In {len(by_signs)} of the 3 versions")
    right = sum(
        c.test.verdict(0.05).startswith(EXPECTED[label])
        for label, c in default.items()
    )
    assert text.endswith(f"Verdicts matching the truth: {right} of 3.")
    for label, c in default.items():
        assert f"{label}: {c.test.verdict(0.05)}" in text


def test_signs_sentence_with_a_wrong_expectation_counts_fewer(default):
    wrong = dict(EXPECTED, **{"a real U": "no U"})
    right = reading.signs_sentence(default, EXPECTED, 0.05)
    fewer = reading.signs_sentence(default, wrong, 0.05)
    n = int(right.rsplit(": ", 1)[1].split(" of")[0])
    assert fewer.endswith(f"Verdicts matching the truth: {n - 1} of 3.")


def test_extremes_sentence_splits_inside_and_outside(default):
    text = reading.extremes_sentence(default)
    inside = [k for k, c in default.items() if c.test.extreme_inside]
    outside = [k for k, c in default.items() if not c.test.extreme_inside]
    assert outside, "the 'outside' version has its extreme beyond the data"
    assert f"outside it in {reading._names(outside)}" in text
    assert f"inside the observed range in {reading._names(inside)}" in text
    assert "fails trivially" in text


def test_edge_sentence_lists_each_turning_point():
    text = reading.edge_sentence(
        {
            11.0: ("U supported (t = 2.1)", "bounded"),
            14.0: ("no U", "unbounded"),
        }
    )
    assert text == (
        "On this run's simulations: turning point 11: U supported (t = 2.1); Fieller interval "
        "bounded; turning point 14: no U; Fieller interval unbounded."
    )
