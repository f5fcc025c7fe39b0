"""A run's data label and its provenance manifest."""

import json

import pandas as pd
import pytest

import helpers
from helpers import data, runs
from helpers.audit import Scorecard


def test_the_label_comes_from_the_data():
    shipped = runs.source("gan_zhang_simulated_panel")
    assert shipped.simulated and not shipped.mine
    assert shipped.label == "the book's simulated panel (seed 20250817)"
    printed = runs.source("fang2025_ai_competitiveness")
    assert not printed.simulated and printed.short == "the paper's Table 1"
    mine = runs.source("gan_zhang_simulated_panel", "/data/my_panel.csv")
    assert mine.mine and not mine.simulated
    assert (mine.label, mine.short) == (
        "your file my_panel.csv",
        "my_panel.csv",
    )
    other = runs.source(None, label="statsmodels' US macro data")
    assert other.short == "statsmodels' US macro data" and other.path is None


def test_manifest_records_version_commit_parameters_inputs_and_outputs(
    tmp_path,
):
    mine = tmp_path / "mine.csv"
    mine.write_text("province_zh,index,rank\n北京,90,1\n", encoding="utf-8")
    run = runs.Run(
        "99_test", {"seed": 3, "order": ("a", "b")}, tmp_path / "run"
    )
    run.use(runs.source("fang2025_ai_competitiveness", mine), "data_path")
    run.save("means", pd.DataFrame({"mean": [1.5]}, index=["East"]))
    card = Scorecard("Paper (2025)", "99_test")
    card.compare("C1", "T1", "mean", 1.0, 1.0, decimals=1)
    run.write_scorecard(card)
    record = json.loads(run.write_manifest().read_text(encoding="utf-8"))
    assert record["chapter"] == "99_test"
    assert record["version"] == helpers.__version__
    assert record["commit"] is None or len(record["commit"]) == 40
    assert record["parameters"] == {"seed": 3, "order": ["a", "b"]}
    source = record["inputs"]["data_path"]
    assert source["file"] == "mine.csv" and source["yours"] is True
    assert source["sha256"] == data.sha256(mine)
    assert set(record["outputs"]) == {"means.csv", "scorecard.csv"}
    assert "same on every run" in record["outputs"]["scorecard.csv"]["what"]
    assert record["outputs"]["means.csv"]["sha256"] == data.sha256(
        tmp_path / "run" / "means.csv"
    )
    assert record["time"].endswith("+00:00")


def test_commit_of_a_checkout():
    from helpers import paths

    if not paths.IN_SOURCE_TREE:
        pytest.skip("the package is installed, not a checkout")
    found = runs.commit()
    assert found is None or len(found) == 40  # None where git is absent


def test_manifest_records_the_sheet_the_chapter_read(tmp_path):
    """A replicator's workbook read from its second sheet is recorded as read from it."""
    workbook = tmp_path / "panel.xlsx"
    with pd.ExcelWriter(workbook) as sheets:
        pd.DataFrame({"note": ["cover page"]}).to_excel(
            sheets, sheet_name="readme", index=False
        )
        pd.DataFrame({"x": [1.0, 2.0]}).to_excel(
            sheets, sheet_name="data", index=False
        )
    run = runs.Run("99_example", {"sheet": "data"}, tmp_path / "out")
    run.use(runs.source(None, workbook), "data_path")
    inputs = json.loads(run.write_manifest().read_text())["inputs"]
    assert inputs["data_path"]["format"]["sheet"] == "data"
