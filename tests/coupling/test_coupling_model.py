"""helpers.coupling against the R package `coupling` (vignette ccd.Rmd) and Table 3 of Gan &
Zhang."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import coupling

# First six rows of the vignette's Guangzhou example: U (PS, EL, OH, IL), then C and D for the
# standard, Wang et al. (2021) and Fan et al. (2024) forms, equal weights.
VIGNETTE = np.array(
    [
        [
            0.8179733,
            0.3246648,
            0.6590316,
            0.1308531,
            0.8051958,
            0.6237105,
            0.4722274,
            0.4776480,
            0.4593785,
            0.4711049,
        ],
        [
            0.3020233,
            0.1318888,
            0.4046987,
            0.5173794,
            0.8914577,
            0.5497290,
            0.6211236,
            0.4588675,
            0.7164548,
            0.4928249,
        ],
        [
            0.9209903,
            0.3353516,
            0.6921477,
            0.3141320,
            0.8999423,
            0.7134825,
            0.5375842,
            0.5514412,
            0.4915051,
            0.5272784,
        ],
        [
            0.9604095,
            0.3914758,
            0.7099999,
            0.4316421,
            0.9346128,
            0.7632959,
            0.5861986,
            0.6045044,
            0.5399620,
            0.5801746,
        ],
        [
            0.9061589,
            0.3473603,
            0.7297774,
            0.6909494,
            0.9440912,
            0.7944703,
            0.6640321,
            0.6662930,
            0.5951898,
            0.6308098,
        ],
        [
            0.9456379,
            0.4391423,
            0.7304117,
            0.4792905,
            0.9519923,
            0.7858001,
            0.6319211,
            0.6402164,
            0.5907777,
            0.6190239,
        ],
    ]
)


@pytest.mark.parametrize("k, method", list(enumerate(coupling.METHODS)))
def test_r_coupling_vignette(k, method):
    U = [
        pd.Series(VIGNETTE[:, i], name=name)
        for i, name in enumerate(["PS", "EL", "OH", "IL"])
    ]
    result = coupling.coordination_degree(*U, method=method)
    np.testing.assert_allclose(
        result["C"], VIGNETTE[:, 4 + 2 * k], atol=2e-7, rtol=0
    )
    np.testing.assert_allclose(
        result["D"], VIGNETTE[:, 5 + 2 * k], atol=2e-7, rtol=0
    )
    np.testing.assert_allclose(
        coupling.coupling_degree(*U, method=method), result["C"]
    )


def test_two_systems_by_hand():
    # U1 = 0.2, U2 = 0.8: C = 2 sqrt(0.16) / 1 = 0.8, T = 0.5, D = sqrt(0.4)
    result = coupling.coordination_degree(0.2, 0.8)
    assert result.loc[0, "C"] == pytest.approx(0.8)
    assert result.loc[0, "D"] == pytest.approx(np.sqrt(0.4))
    assert coupling.coupling_degree(0.2, 0.8).tolist() == pytest.approx([0.8])
    # Wang: sqrt((1 - 0.6) * 0.25) = sqrt(0.1); Fan: 1 - 2 * 0.3 = 0.4
    assert coupling.coupling_degree(0.2, 0.8, method="wang").iloc[
        0
    ] == pytest.approx(np.sqrt(0.1))
    assert coupling.coupling_degree(0.2, 0.8, method="fan").iloc[
        0
    ] == pytest.approx(0.4)
    weighted = coupling.coordination_degree(0.2, 0.8, weights=[0.25, 0.75])
    assert weighted.loc[0, "T"] == pytest.approx(0.65)


@given(
    st.floats(0.001, 1), st.floats(0.001, 1), st.sampled_from(coupling.METHODS)
)
def test_equal_subsystems_are_fully_coupled_and_c_is_at_most_one(
    u1, u2, method
):
    assert coupling.coupling_degree(u1, u1, method=method).iloc[
        0
    ] == pytest.approx(1.0)
    c = coupling.coupling_degree(u1, u2, method=method).iloc[0]
    assert c <= 1 + 1e-12
    result = coupling.coordination_degree(u1, u2, method=method)
    # Fan's C too: the sd of values in [0, 1] is at most 1/2
    assert c >= 0 and 0 <= result.loc[0, "D"] <= 1


def test_classify_table_3_boundaries():
    table = coupling.classify(
        pd.Series([0.0, 0.1, 0.1000001, 0.4367, 0.5, 0.6, 0.6741, 1.0])
    )
    assert list(table["level_zh"]) == [
        "极度失调",
        "极度失调",
        "严重失调",
        "濒临失调",
        "濒临失调",
        "勉强协调",
        "初级协调",
        "优质协调",
    ]
    assert coupling.classify(0.2404)["stage_zh"] == "失调衰退阶段"
    assert (
        len(coupling.LEVELS) == 10
        and coupling.LEVELS["stage_zh"].nunique() == 4
    )


@pytest.mark.parametrize(
    "call, message",
    [
        (
            lambda: coupling.coupling_degree([0.2, 1.2], [0.3, 0.4]),
            r"subsystem U1 has values outside \[0, 1\] at 1",
        ),
        (
            lambda: coupling.coupling_degree([0.2, np.nan], [0.3, 0.4]),
            "subsystem U1 has missing values at 1",
        ),
        (
            lambda: coupling.coupling_degree([0.2, 0.3], [0.3]),
            "different lengths",
        ),
        (lambda: coupling.coupling_degree([0.2]), "at least two subsystem"),
        (
            lambda: coupling.coordination_degree(0.2, 0.3, weights=[0.6, 0.6]),
            "weights must sum to one",
        ),
        (
            lambda: coupling.coordination_degree(0.2, 0.3, weights=[1.0]),
            "1 entries for 2 subsystems",
        ),
        (
            lambda: coupling.coupling_degree(0.2, 0.3, method="other"),
            "method must be one of 'standard', 'wang', 'fan'; got 'other'",
        ),
        (lambda: coupling.classify(1.5), r"D must lie in \[0, 1\]"),
    ],
)
def test_bad_input_is_named(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_text_is_a_type_error_and_fan_extremes_stay_defined():
    with pytest.raises(
        TypeError, match="subsystem U2 must be numeric; not a number at 0"
    ):
        coupling.coupling_degree([0.2], ["high"])
    # the widest spread possible in [0, 1]: sd = 1/2, so Fan's C is exactly 0 and D is defined
    extreme = coupling.coordination_degree(
        [0.0, 1.0], [1.0, 0.0], method="fan"
    )
    assert (extreme["C"] == 0).all() and (extreme["D"] == 0).all()
    assert isinstance(coupling.coupling_degree(0.3, 0.4), pd.Series)


def test_misaligned_series_are_refused():
    a = pd.Series([0.2, 0.3], index=["x", "y"], name="AI")
    b = pd.Series([0.2, 0.3], index=["y", "x"], name="EQ")
    with pytest.raises(
        ValueError, match="subsystem EQ is indexed differently"
    ):
        coupling.coupling_degree(a, b)


def test_levels_are_table_3_contiguous():
    table = coupling.LEVELS
    assert (
        table["lower"].iloc[1:].to_numpy()
        == table["upper"].iloc[:-1].to_numpy()
    ).all()  # contiguous
