"""Replicators' runs, end to end (make check): any valid file runs and what the chapter says is true
of it; a bad file or parameter stops the chapter with one line of the package's own error types.
The cases are in tests/replicator_cases.py.

Each chapter is executed as the book renders it (tests/prose.py fills the prose's {eval} roles), in
a temporary folder, at its fast parameters, several runs at a time.

1. The **replicator matrix**: valid inputs that differ from the shipped ones (a region or a
   province missing, other years including ones after 2022, an unbalanced panel, a file with its
   columns reordered and an extra column, other time series, other simulation parameters). Each
   run must finish; a few of its sentences are checked against numbers recomputed here from the
   file or read from the run's own output tables; and, the rule of the book, the analysis part
   of a chapter run on a replicator's file never calls that data "simulated" and never names a
   province the file does not have.
2. The **bad-input matrix**: at least eight bad inputs per chapter family (missing column, text in
   a number column, a blank, a repeated key, negatives where logs are taken, too few units or
   periods, a folder or a binary file as data_path, out-of-range and wrong-type parameters). Each
   must stop with one line, ``DataError``, ``ParameterError``, ``InputError`` or
   ``InputTypeError``, and no traceback. Every case's message is checked in-process, where the
   loaders and ``chapters.validate`` raise it (tests/test_replicator_inputs.py); here one case of
   each kind runs through its chapter, to show the line is what the reader sees.
"""

from __future__ import annotations

import concurrent.futures
import json
import multiprocessing
import re
from pathlib import Path

import nbformat
import numpy as np
import pandas as pd
import pytest
from conftest import CHAPTERS
from prose import Executed, execute
from replicator_cases import (
    DATA,
    PROVINCES,
    REPO,
    bad_cases,
    one_case_per_error_kind,
    valid_cases,
)

from helpers import data, regional, report
from helpers import timeseries as ts

pytestmark = [
    pytest.mark.slow,
    # nbclient, driven from worker threads, leaves each thread's event loop and sockets to the
    # garbage collector; the warnings are about its plumbing, not the chapters
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings(
        "ignore::pytest.PytestUnraisableExceptionWarning"
    ),
]

NOTEBOOK = {nb.stem[:2]: nb for nb in CHAPTERS}


# -- running ---------------------------------------------------------------------------------------


def _one(chapter: str, where: Path, parameters: dict) -> Executed:
    return execute(NOTEBOOK[chapter], where, fast=True, **parameters)


def run_all(cases: dict, folder: Path) -> dict[str, tuple[Executed, Path]]:
    """Run every case in its own folder, four at a time, each in a worker process (a kernel
    client driven from threads would leave event loops behind in this one)."""
    context = multiprocessing.get_context("spawn")
    with concurrent.futures.ProcessPoolExecutor(4, mp_context=context) as pool:
        futures = {}
        for name, case in cases.items():
            where = folder / re.sub(r"\W+", "_", name)
            where.mkdir()
            futures[name] = (pool.submit(_one, case[0], where, case[1]), where)
        return {
            name: (f.result(), where) for name, (f, where) in futures.items()
        }


@pytest.fixture(scope="module")
def valid_runs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("valid")
    cases = valid_cases(folder)
    return cases, run_all(cases, folder)


@pytest.fixture(scope="module")
def bad_runs(tmp_path_factory):
    """One bad input of each kind of error run end to end: every bad input's message is checked
    in-process (tests/test_replicator_inputs.py); these show that each kind stops a chapter with
    that one line."""
    folder = tmp_path_factory.mktemp("bad")
    cases = one_case_per_error_kind(bad_cases(folder))
    return cases, run_all(cases, folder)


# -- the replicator matrix -------------------------------------------------------------------------


def analysis(result: Executed) -> str:
    """What the chapter says about the run's data: its second part, up to the exercises."""
    return result.section("## Part 2", "## Exercises")


def province_names(frame: pd.DataFrame) -> set[str]:
    rows = PROVINCES[PROVINCES["name_zh"].isin(set(frame["province_zh"]))]
    return set(rows["name_zh"]) | set(rows["name_en"])


def absent_provinces(frame: pd.DataFrame) -> set[str]:
    present = province_names(frame)
    every = set(PROVINCES["name_zh"]) | set(PROVINCES["name_en"])
    return every - present


def test_every_valid_input_runs(valid_runs):
    cases, runs = valid_runs
    failures = {
        name: result.error_line
        for name, (result, _) in runs.items()
        if result.error is not None
    }
    assert not failures, "\n".join(f"{k}: {v}" for k, v in failures.items())


def test_no_replicator_file_is_called_simulated_or_given_absent_provinces(
    valid_runs,
):
    cases, runs = valid_runs
    problems = []
    for name, (chapter, parameters) in cases.items():
        result, _ = runs[name]
        files = [
            v
            for k, v in parameters.items()
            if k in ("data_path", "firms_path")
        ]
        if not files or result.error is not None:
            continue
        # chapter 7 teaches on simulated panels whatever the file; its file has a section
        text = (
            result.section("## Your panel", "## Explore")
            if chapter == "07"
            else analysis(result)
        )
        if re.search(r"simulat", text, re.IGNORECASE):
            line = next(
                line
                for line in text.splitlines()
                if re.search(r"simulat", line, re.I)
            )
            problems.append(f"{name}: says 'simulated': {line[:200]}")
        if chapter in ("01", "02", "03", "04"):
            if (
                chapter == "01"
            ):  # the run's data: its Table 1 and its Table 2, either shipped
                frame = pd.concat(
                    [
                        data.read_table(
                            parameters.get("data_path")
                            or DATA / "fang2025_ai_competitiveness.csv"
                        )[0],
                        data.read_table(
                            parameters.get("firms_path")
                            or DATA / "fang2025_firms_patents.csv"
                        )[0],
                    ]
                )
            else:
                frame = data.read_table(files[0])[0]
            unit = parameters.get("unit", "province_zh")
            # other units: no word of provinces or China (chapter 1's index may still be the
            # paper's, when only its shares are the reader's)
            if unit != "province_zh" and (
                chapter != "01" or "data_path" in parameters
            ):
                said = re.findall(r"\bprovinc\w*|\bChin\w*", text)
                if said:
                    problems.append(f"{name}: says {sorted(set(said))}")
                continue
            named = sorted(
                p
                for p in absent_provinces(frame)
                if re.search(rf"\b{re.escape(p)}\b", text)
            )
            if named:
                problems.append(f"{name}: names absent provinces {named}")
    assert not problems, "\n".join(problems)


def test_chapter1_sentences_are_true_of_the_file(valid_runs):
    cases, runs = valid_runs
    for name in (
        "ch1 no Northeast",
        "ch1 three provinces",
        "ch1 other numbers",
    ):
        result, folder = runs[name]
        index = data.load(
            "fang2025_ai_competitiveness", path=cases[name][1]["data_path"]
        )
        ai = regional.attach_provinces(index)
        text = analysis(result)
        counts = ai["region"].value_counts()
        assert f"an index for {len(ai)} provinces" in text
        for region, n in counts.items():
            assert f"{region} {n}" in text
        assert (
            f"The Gini coefficient of the index is {regional.gini(ai['index']):.3f}"
            in text
        )
        on_file = pd.read_csv(
            folder
            / "results"
            / NOTEBOOK["01"].stem
            / "claims_on_this_data.csv"
        )
        checkable = on_file[on_file["status"] != "not_reproducible"]
        holding = int((checkable["status"] == "reproduced").sum())
        assert (
            f"On this data {holding} of the {len(checkable)} checkable" in text
        )
        # the index beside the shares only when both are the reader's (or both the paper's)
        paired = "firms_path" in cases[name][1]
        assert ("would pair unrelated data" in text) != paired, name
        assert ("Spearman rank correlation" in text) and (
            ("not compared" in text) != paired
        ), name
        top = ai.loc[ai["index"].idxmax()]
        assert (
            f"The highest index is {top['name_en']}'s ({top['index']:.2f}"
            in text
        )


def test_chapter1_on_other_units_says_what_their_files_say(valid_runs):
    """US states with their regions, Chinese cities without groups (a workbook's sheet and a GBK
    file), and shares alone with n_units: the sentences against numbers recomputed from the
    files, and the tables saved with numbers in numeric columns."""
    cases, runs = valid_runs
    states = "ch1 US states with their regions"
    result, folder = runs[states]
    parameters = cases[states][1]
    index, _ = data.read_table(parameters["data_path"])
    values = index["index"].astype(float).set_axis(index["state"])
    region = ("region " + index["region"]).set_axis(index["state"])
    text = analysis(result)
    by_region = ", ".join(
        f"region {r} {n}"
        for r, n in sorted(index["region"].astype(int).value_counts().items())
    )
    assert f"an index for 48 units ({by_region})" in text
    assert (
        f"The Gini coefficient of the index is {regional.gini(values):.3f}"
        in text
    )
    split = regional.theil_decomposition(values, region, kind="T")
    assert f"account for {split.between_share:.1%} of Theil T" in text
    shares = data.read_table(parameters["firms_path"])[0]
    bounds = regional.hhi_bounds(
        shares["firm_share_pct"].astype(float), n_units=48
    )
    assert (
        "shares of 48 units (the units of the index and the shares tables together). Whatever the "
        f"38 unlisted ones hold, the HHI of AI firms lies between {bounds['lower']:.0f} and "
        f"{bounds['upper']:.0f}"
    ) in text
    assert "the statements are not checked on them" in text
    written = folder / "results" / NOTEBOOK["01"].stem
    assert not (written / "claims_on_this_data.csv").exists()
    saved = pd.read_csv(written / "concentration.csv", index_col=0)
    assert saved["HHI lower bound"].dtype == float
    assert saved.loc["firm_share_pct", "HHI lower bound"] == pytest.approx(
        bounds["lower"]
    )
    decomposition = pd.read_csv(
        written / "theil_decomposition.csv", index_col=0
    )
    assert decomposition.select_dtypes("number").shape[1] == 4

    cities = "ch1 prefecture-level cities, workbook sheet, no groups"
    result, folder = runs[cities]
    text = analysis(result)
    assert "an index for 12 units, not grouped" in text
    assert "Read as sheet '指数' of the workbook." in text
    assert "Read as GB18030 (GBK) text" in text
    assert "the Theil indices are not split" in text
    assert "Without groups there is no between-group share to test" in text
    assert (
        "all are listed, so the HHI is known: the HHI of AI firms is" in text
    )

    alone = "ch1 shares only, n_units"
    text = analysis(runs[alone][0])
    assert (
        "shares of 50 units (the number given as n_units). Whatever the 40"
        in text
    )
    assert "setting them side by side would pair unrelated data" in text
    assert "this run's data include 10 units of another kind" in text


def test_panel_chapters_describe_the_file(valid_runs):
    cases, runs = valid_runs
    for name, (chapter, parameters) in cases.items():
        if (
            chapter not in ("02", "03", "04")
            or "data_path" not in parameters
            or "unit" in parameters
        ):  # other units: test_panel_chapters_describe_other_units
            continue
        result, folder = runs[name]
        frame = data.read_table(parameters["data_path"])[0]
        text = analysis(result)
        first, last = frame["year"].min(), frame["year"].max()
        span = f"{first}" if first == last else f"{first}-{last}"
        # e.g. "28 provinces (East 10, Central 6, West 12), 2010-2022, ..."
        assert (
            f"{frame['province_zh'].nunique()} provinces (" in text
            and f"), {span}, " in text
        ), name
        assert (
            f"This run analyses your file {Path(parameters['data_path']).name}"
            in text
        )
        if chapter == "03":
            model = pd.read_csv(
                folder
                / "results"
                / NOTEBOOK["03"].stem
                / "coupling_coordination.csv"
            )
            last = model[model["year"] == model["year"].max()]
            best = last.loc[last["D"].idxmax()]
            assert (
                f"In {last['year'].iloc[0]}, {best['label']} has the highest D, {best['D']:.4f}"
                in text
            )
        if chapter == "04":
            assert "No true coefficients are known for this data" in text
            assert "true coefficients lie inside" not in text


def test_a_new_simulation_is_named_with_its_seed(valid_runs):
    _, runs = valid_runs
    result, folder = runs["ch2 panel seed 7"]
    assert (
        "The panel of this run is simulated: the book's simulated panel (seed 7)"
        in (analysis(result))
    )
    record = json.loads(
        (folder / "results" / NOTEBOOK["02"].stem / "manifest.json").read_text(
            "utf-8"
        )
    )
    assert record["inputs"]["data_path"]["seed"] == 7
    assert record["inputs"]["data_path"]["simulated"] is True


def test_chapter5_describes_the_series(valid_runs):
    cases, runs = valid_runs
    result, _ = runs["ch5 two series"]
    text = analysis(result)
    assert (
        "This run analyses your file my_series.csv: 203 quarterly observations"
        in text
    )
    assert "variables output, spending" in text
    # given by its older name "t": read and named as its code
    result, _ = runs["ch5 dates, case t"]
    assert 'Case "colo"' in analysis(
        result
    ) and "no VECM is estimated" in analysis(result)


def test_chapter7_says_what_its_table_shows(valid_runs):
    """The README's example (turning point 12, noise 1.5): the sentence about signs follows the
    run's own table, not the default's."""
    cases, runs = valid_runs
    for name in ("ch7 README example", "ch7 alpha 0.01"):
        result, folder = runs[name]
        alpha = cases[name][1].get("alpha", 0.05)
        table = pd.read_csv(
            folder / "results" / NOTEBOOK["07"].stem / "shape_checks.csv",
            index_col=0,
        )
        by_signs = ((table["p(b1)"] < alpha) & (table["p(b2)"] < alpha)).sum()
        assert by_signs == (table["the signs suggest"] != "no shape").sum()
        text = analysis(result)
        assert f"In {by_signs} of the 3 versions" in text, name


def test_every_run_records_its_provenance(valid_runs):
    cases, runs = valid_runs
    for name, (chapter, parameters) in cases.items():
        result, folder = runs[name]
        stem = NOTEBOOK[chapter].stem
        record = json.loads(
            (folder / "results" / stem / "manifest.json").read_text("utf-8")
        )
        assert record["chapter"] == stem
        for key, value in parameters.items():
            if key in ("order", "variables", "controls") and isinstance(
                value, str
            ):  # one string of names separated by commas: recorded as a list
                value = [v.strip() for v in value.split(",")]
            if key == "deterministic":  # an older name: recorded as its code
                value = ts.JOHANSEN_ALIASES.get(value, value)
            assert record["parameters"][key] == value, (name, key)
        for key, value in parameters.items():
            if key.endswith("_path"):
                assert record["inputs"][key]["sha256"] == data.sha256(value), (
                    name
                )
        assert "scorecard.csv" in record["outputs"]


DECORATED = re.compile(r"^\s*\(?[-+]?\d[\d.,]*\)?\s*\**\s*$")


def test_every_run_reports_and_saves_numbers_as_numbers(valid_runs, tmp_path):
    """Each run's report renders with every sentence filled (helpers.report), and its saved
    tables keep numbers in numeric columns: no "1.085***" or "(8.57)" in a column of text."""
    cases, runs = valid_runs
    problems = []
    for name, (chapter, _) in cases.items():
        result, folder = runs[name]
        written = folder / "results" / NOTEBOOK[chapter].stem
        notebook = tmp_path / (re.sub(r"\W+", "_", name) + ".ipynb")
        nbformat.write(result.notebook, notebook)
        page = report.write(notebook, tmp_path / notebook.stem).read_text(
            "utf-8"
        )
        if "{eval}" in page or "not computed in this run" in page:
            problems.append(f"{name}: the report has an unfilled sentence")
        for table in written.glob("*.csv"):
            frame = pd.read_csv(table, dtype=str, keep_default_na=False)
            for column in frame.columns[1:]:
                decorated = frame[column].str.match(DECORATED) & ~frame[
                    column
                ].str.fullmatch(r"\s*[-+]?\d*\.?\d+(e[-+]?\d+)?\s*|")
                if decorated.any():
                    problems.append(
                        f"{name}: {table.name}[{column}] has "
                        f"{frame.loc[decorated, column].iloc[0]!r}"
                    )
    assert not problems, "\n".join(problems)


# -- the bad-input matrix --------------------------------------------------------------------------


def test_every_bad_input_stops_with_one_clear_line(bad_runs):
    cases, runs = bad_runs
    problems = []
    for name, (_, _, expected) in cases.items():
        result, _ = runs[name]
        if result.error is None:
            problems.append(f"{name}: ran through")
            continue
        line = result.error_line
        if (
            "\n" in line.strip()
            or "Traceback" in line
            or not line.startswith(expected)
        ):
            problems.append(f"{name}: {line[:300]!r}")
    assert not problems, "\n".join(problems)


def test_chapter7_checks_your_panel(valid_runs):
    """On a real panel of US states (plm's Produc), what the chapter says and saves is the
    fixed-effects quadratic linearmodels fits directly, and the Lind-Mehlum test of it."""
    from linearmodels.panel import PanelOLS

    from helpers import ushape

    cases, runs = valid_runs
    for name in ("ch7 US states", "ch7 US states, control, workbook"):
        result, folder = runs[name]
        parameters = cases[name][1]
        controls = parameters.get("controls", [])
        frame = pd.read_csv(REPO / "data" / "produc.csv")
        frame["pcap_sq"] = frame["pcap"] ** 2
        fit = PanelOLS(
            frame.set_index(["state", "year"])["unemp"],
            frame.set_index(["state", "year"])[["pcap", "pcap_sq", *controls]],
            entity_effects=True,
            time_effects=True,
        ).fit(cov_type="clustered", cluster_entity=True)
        test = ushape.utest(fit, "pcap", "pcap_sq")
        saved = pd.read_csv(
            folder
            / "results"
            / NOTEBOOK["07"].stem
            / "u_check_on_this_panel.csv",
            index_col=0,
        )["value"]
        assert np.isclose(saved["b1"], fit.params["pcap"], rtol=1e-10)
        assert np.isclose(saved["b2"], fit.params["pcap_sq"], rtol=1e-10)
        assert np.isclose(saved["Lind-Mehlum t"], test.statistic, rtol=1e-10)
        text = result.section("## Your panel", "## Explore")
        file = Path(parameters["data_path"]).name
        assert (
            f"This run tests your file {file}: 816 observations of 48 units (state) "
            "over 1970-1986" in text
        )
        assert f"b1 = {fit.params['pcap']:.4g}" in text
        assert test.verdict(0.05) in text
        if controls:
            assert "controlling for emp" in text
            assert "in column 'year' read as years" in text


def test_panel_chapters_describe_other_units(valid_runs):
    """US states with their BEA regions and a Chinese prefecture-city panel grouped by province,
    each with its own indicator system: the chapter names the units, groups and years of the
    file, one index per subsystem of the specification, and saves them."""
    cases, runs = valid_runs
    expected = {
        "ch2 US states, own indicators and groups": (
            "48 units in 9 groups, 1970-1986, 816 of 816 unit-years (balanced)",
            ["public capital", "economy"],
        ),
        "ch2 prefecture-level cities, own indicators": (
            "12 units (四川 2, 安徽 2, 江苏 3, 浙江 3, 湖北 2), 2015-2022, 96 of 96 "
            "unit-years (balanced)",
            ["人工智能", "就业质量"],
        ),
    }
    for name, (shape, systems) in expected.items():
        result, folder = runs[name]
        text = analysis(result)
        assert (
            f"This run analyses your file {Path(cases[name][1]['data_path']).name}: {shape}"
            in text
        )
        saved = pd.read_csv(
            folder / "results" / NOTEBOOK["02"].stem / "indices.csv"
        )
        assert list(saved.columns[2:]) == systems
        assert saved.iloc[:, 2:].notna().all().all()
        assert all(f"the {s} index from" in text for s in systems)
    for name in (
        "ch3 US states, own indicators and groups",
        "ch3 prefecture-level cities, own indicators",
    ):
        result, folder = runs[name]
        model = pd.read_csv(
            folder
            / "results"
            / NOTEBOOK["03"].stem
            / "coupling_coordination.csv"
        )
        last = model[model.iloc[:, 1] == model.iloc[:, 1].max()]
        best = last.loc[last["D"].idxmax()]
        assert (
            f"In {best.iloc[1]}, {best['label']} has the highest D, {best['D']:.4f}"
            in analysis(result)
        )
        assert model["group"].notna().all() and model["D"].between(0, 1).all()
    # chapter 4 on three columns of the states' panel, in an ordering of its own
    from helpers import pvar

    result, folder = runs["ch4 US states, own variables and ordering"]
    text = " ".join(analysis(result).split())
    assert "48 units and 17 years carry little information about 9" in text
    assert (
        "The model's 3 variables are the columns gsp, emp, unemp of your file"
        in text
    )
    states = pd.read_csv(REPO / "data" / "produc.csv")
    direct = pvar.PanelVAR(
        states,
        ["gsp", "emp", "unemp"],
        entity="state",
        time="year",
        collapse=True,
        instrument_lags=(2, 4),
        steps="onestep",
    ).fit()
    saved = pd.read_csv(
        folder / "results" / NOTEBOOK["04"].stem / "estimates.csv",
        index_col=[0, 1],
    )
    np.testing.assert_allclose(
        saved["param"], direct.coefficients["param"], rtol=1e-10
    )
    assert saved["param"].dtype == float and "stars" in saved.columns
    cities = analysis(runs["ch2 prefecture-level cities, own indicators"][0])
    assert "Values such as '2015年' in column '年份' read as years" in cities
    assert "Thousands separators dropped in column 'ai_firms'" in cities
