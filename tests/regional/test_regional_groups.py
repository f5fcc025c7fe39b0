"""helpers.regional: groupings, shares above a threshold, summaries and rank gaps."""

import pandas as pd
import pytest

from helpers import regional
from helpers.data import DataError


@pytest.fixture
def toy():
    values = pd.Series([10.0, 8.0, 6.0, 4.0, 2.0, 1.0], index=list("abcdef"))
    groups = pd.Series(
        ["East", "East", "West", "West", "West", "Central"],
        index=values.index,
        name="region",
    )
    return values, groups


def test_share_above_default_threshold_is_the_mean(toy):
    values, groups = toy
    result = regional.share_above(values, groups)
    assert result.threshold == pytest.approx(31 / 6)
    table = result.table
    assert list(table.index) == [
        "East",
        "Central",
        "West",
    ]  # the conventional order
    assert table.loc["East", "fraction"] == "1/1"
    assert table.loc["West", "fraction"] == "1/3"
    assert table.loc["Central", "fraction"] == "0/1"
    assert table["units"].sum() == 6


def test_share_above_is_strict_and_reduces_fractions(toy):
    values, groups = toy
    table = regional.share_above(values, groups, threshold=6.0).table
    assert table.loc["West", "above"] == 0  # 6.0 is not above 6.0
    table = regional.share_above(values, groups, threshold=3.0).table
    assert table.loc["West", "fraction"] == "2/3"
    assert table.loc["West", "share_above"] == pytest.approx(2 / 3)


def test_share_above_bad_input(toy):
    values, groups = toy
    with pytest.raises(TypeError, match="must be pandas Series"):
        regional.share_above(list(values), groups)
    with pytest.raises(
        ValueError,
        match="groups has no entry for unit\\(s\\) a, b, c, d, e and 1 more",
    ):
        regional.share_above(values, groups.rename(index=str.upper))
    with pytest.raises(ValueError, match="values has missing values at b"):
        regional.share_above(values.where(values != 8.0), groups)
    with pytest.raises(ValueError, match="groups has no group for c"):
        regional.share_above(values, groups.where(groups.index != "c"))
    with pytest.raises(
        ValueError, match="threshold must be a finite number; got nan"
    ):
        regional.share_above(values, groups, threshold=float("nan"))
    with pytest.raises(
        TypeError, match="threshold must be a number; got 'high'"
    ):
        regional.share_above(values, groups, threshold="high")
    with pytest.raises(
        TypeError, match="values must be numeric; not a number at c"
    ):
        regional.share_above(
            values.astype(object).where(values != 6.0, "six"), groups
        )


def test_group_summary_has_all_row(toy):
    values, groups = toy
    summary = regional.group_summary(values, groups)
    assert summary.loc["All", "count"] == 6
    assert summary.loc["East", "mean"] == 9.0
    assert summary.loc["West", "cv"] == pytest.approx(2.0 / 4.0)
    # one unit: no spread to measure
    assert pd.isna(summary.loc["Central", "std"])


def test_rank_gaps(toy):
    values, _ = toy
    gaps = regional.rank_gaps(values)
    assert list(gaps["rank"]) == [1, 2, 3, 4, 5, 6]
    assert gaps.loc["a", "gap"] == 2.0 and pd.isna(gaps.loc["f", "gap"])
    with pytest.raises(TypeError, match="values must be a pandas Series"):
        regional.rank_gaps([1, 2])


def test_attach_provinces_adds_metadata():
    frame = pd.DataFrame(
        {"province_zh": ["北京", "西藏"], "index": [1.0, 2.0]}
    )
    out = regional.attach_provinces(frame)
    assert list(out["name_en"]) == ["Beijing", "Tibet"]
    assert list(out["region"]) == ["East", "West"]
    assert "province_zh" in out.columns and "name_zh" not in out.columns


def test_attach_provinces_names_unknown_provinces():
    frame = pd.DataFrame(
        {"province_zh": ["北京", "工苏"], "index": [1.0, 2.0]}
    )
    with pytest.raises(
        DataError, match="not provincial-level divisions: 工苏"
    ):
        regional.attach_provinces(frame)
    with pytest.raises(DataError, match="no column 'province'"):
        regional.attach_provinces(frame, on="province")
    with pytest.raises(DataError, match="repeats 北京"):
        regional.attach_provinces(
            pd.DataFrame({"province_zh": ["北京", "北京"]})
        )
    with pytest.raises(TypeError, match="frame must be a DataFrame"):
        regional.attach_provinces(["北京"])
