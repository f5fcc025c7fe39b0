"""helpers.pvar.gan_zhang (Table 4 and its text) and helpers.pvar.compare."""

import numpy as np
import pandas as pd
import pytest

from helpers import indices, pvar
from helpers.pvar import gan_zhang


def test_audit_of_table4():
    card = gan_zhang.audit().frame.set_index("claim_id")
    discrepancies = set(card.index[card["status"] == "discrepancy"])
    # Q9 holds: AI is second; the printed 'largest' below it is Q8's mislabel (issue 29)
    assert discrepancies == {"S-AI>LR", "Q1b", "Q4a", "Q8", "LOOP"}
    # 5.1(3)'s loop fails at its last link, remuneration -> labour-force quality
    assert "LR -> LQ -0.078" in card.loc["LOOP", "recomputed"]
    # 反向 in column (5) read as the direction: both effects are positive
    assert card.loc["C5-reverse", "status"] == "reproduced"
    # the paper claims nothing about stability: the explosive root is a finding, not a discrepancy
    assert card.loc["STAB", "status"] == "finding"
    assert card.index.str.startswith("S-").sum() == 25
    assert "1.512" in card.loc["STAB", "recomputed"]
    assert set(card.index[card["status"] == "not_reproducible"]) == {
        "NR1",
        "NR2",
        "NR3",
    }


def test_printed_layout_and_matrix():
    layout = gan_zhang.printed_table()
    assert list(layout.columns) == ["LR", "EQ", "SS", "LQ", "AI"]
    assert layout.loc["L1.h_LQ", "EQ"] == "13.685** (2.37)"
    A = gan_zhang.coefficient_matrix()
    assert A.loc["LQ", "LQ"] == pytest.approx(1.103) and A.loc[
        "AI", "LQ"
    ] == pytest.approx(10.955)
    assert np.abs(np.linalg.eigvals(A.to_numpy())).max() == pytest.approx(
        1.512, abs=5e-4
    )


def test_within_ols_shows_the_nickell_bias():
    A = pd.DataFrame([[0.5, 0.1], [0.2, 0.4]], columns=["y1", "y2"])
    sim = pvar.pvar_panel(A, n_units=2000, n_periods=6, seed=1)
    within = pvar.within_ols(sim, ["y1", "y2"], entity="entity", time="time")
    assert list(within.columns) == ["L1.y1", "L1.y2"]
    # biased far towards zero with six periods
    assert within.loc["y1", "L1.y1"] < 0.5 - 0.2


def test_against_truth_and_band_widths():
    scores = indices.dimension_scores(indices.load_panel())
    results = pvar.PanelVAR(
        scores,
        indices.DIMENSIONS,
        entity="province_zh",
        time="year",
        collapse=True,
        instrument_lags=(2, 4),
        steps="onestep",
    )
    with pytest.warns(pvar.InstrumentWarning):
        fit = results.fit()
    table = pvar.against_truth(fit, indices.true_dynamics())
    assert len(table) == 25 and table["truth inside"].dtype == bool
    assert (table["lower"] < table["estimate"]).all() and (
        table["estimate"] < table["upper"]
    ).all()
    assert pvar.rmse(table) == pytest.approx(
        np.sqrt(((table["estimate"] - table["truth"]) ** 2).mean())
    )
    bands = fit.irf_bands(4, n_reps=30, seed=1)
    widths = pvar.mean_band_width(bands, "AI")
    assert (
        list(widths.index) == sorted(indices.DIMENSIONS)
        and (widths >= 0).all()
    )


def test_dimension_scores_need_the_latent_columns():
    panel = indices.load_panel()
    with pytest.raises(
        indices.panel.data.DataError, match="the file lacks latent_LQ"
    ):
        indices.dimension_scores(panel.drop(columns="latent_LQ"))
