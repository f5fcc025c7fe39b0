"""The relative development degree, and D's levels under the jackknife of the indices."""

import numpy as np
import pandas as pd
import pytest

from helpers import coupling, indices
from helpers.coupling import reading
from helpers.errors import InputError


def test_relative_development_by_hand():
    table = coupling.relative_development([0.25, 0.475, 1.0], [0.5, 0.5, 0.5])
    assert table["E"].tolist() == [0.5, 0.95, 2.0]
    assert table["type"].tolist() == ["first lags", "in step", "second lags"]
    with pytest.raises(InputError, match="enclose 1"):
        coupling.relative_development([1.0], [1.0], band=(1.1, 1.2))
    zero = coupling.relative_development([0.5], [0.0])
    assert np.isnan(zero["E"].iloc[0])
    assert zero["type"].iloc[0] == "undefined (U2 = 0)"


def test_jackknife_levels_without_any_change():
    index = pd.MultiIndex.from_product(
        [["a", "b", "c"], [2020, 2021]], names=["unit", "year"]
    )
    full = pd.DataFrame(
        {"AI": np.linspace(0.2, 0.7, 6), "EMP": 0.5}, index=index
    )
    # replications that reproduce the full indices of the units they keep
    draws = pd.concat(
        {left: full.drop(index=left, level=0) for left in ["a", "b", "c"]},
        names=["left_out"],
    )
    table = coupling.jackknife_levels(draws, full)
    assert not table["changed"].any()
    assert (table["levels"] == 1).all()
    np.testing.assert_allclose(table["D min"], table["D"])
    assert "0%" in reading.jackknife_sentence(table)


def test_jackknife_of_the_simulated_panel():
    # SIMULATED: the book's panel; the full-sample column is the indices on all units
    system = indices.indicator_system(None, subsystems=2)
    panel = indices.load_panel(None, system=system)
    jk = indices.jackknife(panel, system, panel="pooled")
    units = panel.index.get_level_values(0).unique()
    assert set(jk.weights.columns) == {"full", *units}
    results = indices.system_indices(panel, system, panel="pooled")
    np.testing.assert_allclose(jk.full["AI"], results["AI"].index)
    # each replication leaves its unit out
    for left_out, draw in jk.indices.groupby(level=0):
        assert left_out not in draw.index.get_level_values(1)
    ranges = jk.weight_ranges()
    assert (ranges["min"] <= ranges["max"]).all()
    # overall weights of a system sum to one in every replication
    sums = jk.weights.groupby(level="system").sum()
    np.testing.assert_allclose(sums.to_numpy(), 1.0)
    moves = jk.rank_changes("AI", panel.index.get_level_values(1).max())
    assert (
        len(moves) == len(units) and (moves[["up", "down"]] >= 0).all().all()
    )
    with pytest.raises(InputError, match="system must be one of"):
        jk.rank_changes("nope", 2022)
