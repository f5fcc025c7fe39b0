"""Replicators' runs: any valid file runs and what the chapter says is true of it; any bad file or
parameter stops the chapter with one line of the package's own error types.

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
   ``InputTypeError``, and no traceback.
"""

from __future__ import annotations

import concurrent.futures
import json
import multiprocessing
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from conftest import CHAPTERS, REPO
from prose import Executed, execute

from helpers import data, regional

pytestmark = [
    pytest.mark.slow,
    # nbclient, driven from worker threads, leaves each thread's event loop and sockets to the
    # garbage collector; the warnings are about its plumbing, not the chapters
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings(
        "ignore::pytest.PytestUnraisableExceptionWarning"
    ),
]

DATA = REPO / "data"
NOTEBOOK = {nb.stem[:2]: nb for nb in CHAPTERS}
PROVINCES = data.load("provinces")
OUR_ERRORS = ("DataError", "ParameterError", "InputError", "InputTypeError")


# -- inputs ---------------------------------------------------------------------------------------


def table1() -> pd.DataFrame:
    return pd.read_csv(DATA / "fang2025_ai_competitiveness.csv", dtype=str)


def table2() -> pd.DataFrame:
    return pd.read_csv(DATA / "fang2025_firms_patents.csv", dtype=str)


def panel() -> pd.DataFrame:
    return pd.read_csv(DATA / "gan_zhang_simulated_panel.csv", dtype=str)


def in_region(frame: pd.DataFrame, region: str) -> pd.Series:
    names = set(PROVINCES.loc[PROVINCES["region"] == region, "name_zh"])
    return frame["province_zh"].isin(names)


def macro(columns=("realgdp", "realcons")) -> pd.DataFrame:
    return data.statsmodels_macrodata()[["date", *columns]]


def write(folder: Path, name: str, frame: pd.DataFrame) -> str:
    path = folder / name
    frame.to_csv(path, index=False, encoding="utf-8")
    return str(path)


def valid_cases(folder: Path) -> dict[str, tuple[str, dict]]:
    """name -> (chapter number, parameters) for the replicator matrix."""
    t1, t2, p = table1(), table2(), panel()
    reordered = t1[["rank", "index", "province_zh"]].assign(note="mine")
    years = p["year"].astype(int)
    later = p.assign(year=(years + 1).astype(str))  # 2011-2023
    rng = np.random.default_rng(7)
    gappy = p.drop(p.index[rng.choice(len(p), 40, replace=False)])
    no_ne_gd = p[~in_region(p, "Northeast") & (p["province_zh"] != "广东")]
    no_latent = p.drop(columns=[c for c in p if c.startswith("latent_")])
    files = {
        "t1_no_northeast": write(
            folder, "t1_no_ne.csv", t1[~in_region(t1, "Northeast")]
        ),
        "t1_three": write(folder, "t1_three.csv", t1.head(3)),
        "t2_three": write(folder, "t2_three.csv", t2.head(3)),
        "t1_reordered": write(folder, "t1_reordered.csv", reordered),
        "t1_reversed": write(
            folder,
            "t1_reversed.csv",
            t1.assign(index=t1["index"].to_numpy()[::-1]),
        ),
        "t2_other": write(
            folder,
            "t2_other.csv",
            t2.assign(
                patent_share_pct=t2["patent_share_pct"].to_numpy()[::-1]
            ),
        ),
        "panel_no_ne_gd": write(folder, "panel_no_ne_gd.csv", no_ne_gd),
        "panel_2011_2023": write(folder, "panel_2011_2023.csv", later),
        "panel_2014_2020": write(
            folder, "panel_2014_2020.csv", p[years.between(2014, 2020)]
        ),
        "panel_gaps_no_latent": write(
            folder,
            "panel_gaps.csv",
            gappy.drop(columns=[c for c in p if c.startswith("latent_")]),
        ),
        "panel_no_latent": write(folder, "panel_no_latent.csv", no_latent),
        "t1_two": write(folder, "t1_two.csv", t1.head(2)),
        "t2_two": write(folder, "t2_two.csv", t2.head(2)),
        "panel_two_by_two": write(
            folder,
            "panel_two_by_two.csv",
            p[
                p["province_zh"].isin(["北京", "四川"])
                & years.between(2021, 2022)
            ],
        ),
        "panel_one_year": write(
            folder, "panel_one_year.csv", p[years == 2022]
        ),
        "series_two": write(
            folder,
            "my_series.csv",
            macro().rename(
                columns={"realgdp": "output", "realcons": "spending"}
            ),
        ),
        "series_dates": write(
            folder,
            "dated.csv",
            macro(("realgdp", "realinv")).assign(
                date=pd.period_range("1959Q1", periods=203, freq="Q")
                .to_timestamp(how="end")
                .strftime("%Y-%m-%d")
            ),
        ),
    }
    return {
        "ch1 no Northeast": ("01", {"data_path": files["t1_no_northeast"]}),
        "ch1 three provinces": (
            "01",
            {"data_path": files["t1_three"], "firms_path": files["t2_three"]},
        ),
        "ch1 two provinces": (
            "01",
            {"data_path": files["t1_two"], "firms_path": files["t2_two"]},
        ),
        "ch1 columns reordered": ("01", {"data_path": files["t1_reordered"]}),
        "ch1 other numbers": (
            "01",
            {
                "data_path": files["t1_reversed"],
                "firms_path": files["t2_other"],
            },
        ),
        "ch2 no Northeast, no Guangdong": (
            "02",
            {"data_path": files["panel_no_ne_gd"]},
        ),
        "ch2 2011-2023": ("02", {"data_path": files["panel_2011_2023"]}),
        "ch2 2014-2020 per year": (
            "02",
            {"data_path": files["panel_2014_2020"], "panel_mode": "per_year"},
        ),
        "ch2 two provinces, two years": (
            "02",
            {"data_path": files["panel_two_by_two"]},
        ),
        "ch2 panel seed 7": ("02", {"panel_seed": 7}),
        "ch2 unbalanced": ("02", {"data_path": files["panel_gaps_no_latent"]}),
        "ch3 no Northeast, no Guangdong": (
            "03",
            {"data_path": files["panel_no_ne_gd"]},
        ),
        "ch3 2014-2020": (
            "03",
            {"data_path": files["panel_2014_2020"], "weight_ai": 0.3},
        ),
        "ch3 one year": ("03", {"data_path": files["panel_one_year"]}),
        "ch3 unbalanced": ("03", {"data_path": files["panel_gaps_no_latent"]}),
        "ch4 paper's variables": (
            "04",
            {"data_path": files["panel_no_latent"]},
        ),
        "ch4 2011-2023, FD": (
            "04",
            {"data_path": files["panel_2011_2023"], "transform": "fd"},
        ),
        "ch4 unbalanced": ("04", {"data_path": files["panel_gaps_no_latent"]}),
        "ch5 two series": (
            "05",
            {
                "data_path": files["series_two"],
                "variables": ["output", "spending"],
                "deterministic": "rc",
            },
        ),
        "ch5 dates, case t": (
            "05",
            {
                "data_path": files["series_dates"],
                "variables": ["realgdp", "realinv"],
                "deterministic": "t",
            },
        ),
        "ch6 another seed": ("06", {"seed": 7, "year": 2022}),
        "ch7 README example": ("07", {"turning_point": 12, "noise": 1.5}),
        "ch7 alpha 0.01": ("07", {"alpha": 0.01, "seed": 3}),
    }


def bad_cases(folder: Path) -> dict[str, tuple[str, dict, str]]:
    """name -> (chapter number, parameters, start of the expected one-line error)."""
    t1, p = table1(), panel()
    binary = folder / "picture.png"
    binary.write_bytes(bytes(range(256)) * 4)
    a_file = write(folder, "a_file.csv", t1)
    series = macro()
    files = {
        "t1_missing": write(folder, "t1_missing.csv", t1.drop(columns="rank")),
        "t1_text": write(
            folder,
            "t1_text.csv",
            t1.assign(index=["high"] + list(t1["index"][1:])),
        ),
        "t1_blank": write(
            folder,
            "t1_blank.csv",
            t1.assign(index=[""] + list(t1["index"][1:])),
        ),
        "t1_duplicate": write(
            folder, "t1_dup.csv", pd.concat([t1, t1.head(1)])
        ),
        "t1_unknown": write(
            folder,
            "t1_unknown.csv",
            t1.assign(province_zh=["北平"] + list(t1["province_zh"][1:])),
        ),
        "p_missing": write(
            folder, "p_missing.csv", p.drop(columns="ai_firms")
        ),
        "p_text": write(
            folder,
            "p_text.csv",
            p.assign(ai_firms=["n/a"] + list(p["ai_firms"][1:])),
        ),
        "p_blank": write(
            folder,
            "p_blank.csv",
            p.assign(ai_firms=[""] + list(p["ai_firms"][1:])),
        ),
        "p_duplicate": write(folder, "p_dup.csv", pd.concat([p, p.head(1)])),
        "p_two_years": write(
            folder, "p_two_years.csv", p[p["year"].isin(["2021", "2022"])]
        ),
        "t1_one": write(folder, "t1_one.csv", t1.head(1)),
        "p_small": write(
            folder,
            "p_small.csv",
            p[p["province_zh"].isin(["北京", "河南", "四川"])],
        ),
        "s_missing": write(
            folder, "s_missing.csv", series.drop(columns="realcons")
        ),
        "s_text": write(
            folder,
            "s_text.csv",
            series.assign(realcons=["x"] + list(series["realcons"][1:])),
        ),
        "s_negative": write(
            folder,
            "s_negative.csv",
            series.assign(realcons=-series["realcons"]),
        ),
        "s_duplicate": write(
            folder,
            "s_dup.csv",
            series.assign(date=[series["date"][1]] + list(series["date"][1:])),
        ),
        "s_short": write(folder, "s_short.csv", series.head(12)),
        "s_collinear": write(
            folder,
            "s_collinear.csv",
            series.assign(realcons=2 * series["realgdp"]),
        ),
    }
    two = ["realgdp", "realcons"]
    return {
        # chapter 1: regional
        "ch1 missing column": (
            "01",
            {"data_path": files["t1_missing"]},
            "DataError: t1_missing.csv: missing column(s) rank",
        ),
        "ch1 text in index": (
            "01",
            {"data_path": files["t1_text"]},
            "DataError: t1_text.csv: column 'index' must be float; line 2 is not ('high')",
        ),
        "ch1 blank index": (
            "01",
            {"data_path": files["t1_blank"]},
            "DataError: t1_blank.csv: column 'index' has missing values in line 2",
        ),
        "ch1 repeated province": (
            "01",
            {"data_path": files["t1_duplicate"]},
            "DataError: t1_dup.csv: duplicate key (province_zh) in lines 2, 33",
        ),
        "ch1 unknown province": (
            "01",
            {"data_path": files["t1_unknown"]},
            "DataError: t1_unknown.csv: column 'province_zh' has value(s) 北平 in line 2",
        ),
        "ch1 one province": (
            "01",
            {"data_path": files["t1_one"]},
            "InputError: ai has 1 province(s)",
        ),
        "ch1 folder": (
            "01",
            {"data_path": str(folder)},
            "ParameterError: data_path = ",
        ),
        "ch1 binary file": (
            "01",
            {"firms_path": str(binary)},
            "DataError: picture.png: not a readable UTF-8 CSV",
        ),
        "ch1 n_reps 0": (
            "01",
            {"n_reps": 0},
            "ParameterError: n_reps = 0: expected an integer",
        ),
        "ch1 seed -1": (
            "01",
            {"seed": -1},
            "ParameterError: seed = -1: expected an integer",
        ),
        "ch1 seed text": (
            "01",
            {"seed": "abc"},
            "ParameterError: seed = 'abc': expected an integer",
        ),
        # chapters 2-4: the panel
        "ch2 missing indicator": (
            "02",
            {"data_path": files["p_missing"]},
            "DataError: p_missing.csv: missing column(s) ai_firms",
        ),
        "ch2 text in a number": (
            "02",
            {"data_path": files["p_text"]},
            "DataError: p_text.csv: column 'ai_firms' must be float; line 2 is not ('n/a')",
        ),
        "ch2 blank": (
            "02",
            {"data_path": files["p_blank"]},
            "DataError: p_blank.csv: column 'ai_firms' has missing values in line 2",
        ),
        "ch2 repeated province-year": (
            "02",
            {"data_path": files["p_duplicate"]},
            "DataError: p_dup.csv: duplicate key (province_zh, year) in lines 2,",
        ),
        "ch2 binary file": (
            "02",
            {"data_path": str(binary)},
            "DataError: picture.png: not a readable UTF-8 CSV",
        ),
        "ch2 data_path and panel_seed": (
            "02",
            {"data_path": files["p_small"], "panel_seed": 7},
            "ParameterError: data_path = ",
        ),
        "ch3 panel_seed text": (
            "03",
            {"panel_seed": "seven"},
            "ParameterError: panel_seed = 'seven': expected None",
        ),
        "ch2 panel_mode": (
            "02",
            {"panel_mode": "yearly"},
            "ParameterError: panel_mode = 'yearly': expected one of",
        ),
        "ch3 weight text": (
            "03",
            {"weight_ai": "half"},
            "ParameterError: weight_ai = 'half': expected a number",
        ),
        "ch3 weight 2": (
            "03",
            {"weight_ai": 2},
            "ParameterError: weight_ai = 2: expected a number",
        ),
        "ch3 folder": (
            "03",
            {"data_path": str(folder)},
            "ParameterError: data_path = ",
        ),
        "ch4 three provinces": (
            "04",
            {"data_path": files["p_small"]},
            "InputError: each equation has 5 coefficients",
        ),
        "ch4 two years": (
            "04",
            {"data_path": files["p_two_years"]},
            "InputError: no observations are left after taking 1 lag(s)",
        ),
        "ch4 lags 9": (
            "04",
            {"lags": 9},
            "ParameterError: lags = 9: expected an integer from 1 to 4",
        ),
        "ch4 order": (
            "04",
            {"order": ["AI", "LR"]},
            "ParameterError: order = ['AI', 'LR']: expected a list",
        ),
        "ch4 n_reps 0": (
            "04",
            {"n_reps": 0},
            "ParameterError: n_reps = 0: expected an integer",
        ),
        "ch4 transform": (
            "04",
            {"transform": "within"},
            "ParameterError: transform = 'within': expected one of 'fod', 'fd'",
        ),
        # chapter 5: time series
        "ch5 missing column": (
            "05",
            {"data_path": files["s_missing"], "variables": two},
            "DataError: s_missing.csv: missing column(s) realcons",
        ),
        "ch5 text": (
            "05",
            {"data_path": files["s_text"], "variables": two},
            "DataError: s_text.csv: column 'realcons' must be float; line 2 is not ('x')",
        ),
        "ch5 negative (logs)": (
            "05",
            {"data_path": files["s_negative"], "variables": two},
            "DataError: s_negative.csv: column 'realcons' must be positive to take logs; lines 2,",
        ),
        "ch5 repeated date": (
            "05",
            {"data_path": files["s_duplicate"], "variables": two},
            "DataError: s_dup.csv: dates must increase without repeats; line 3",
        ),
        "ch5 too short": (
            "05",
            {"data_path": files["s_short"], "variables": two},
            "InputError: data has 11 observations; a VAR(8) in 2 variables",
        ),
        "ch5 collinear": (
            "05",
            {"data_path": files["s_collinear"], "variables": two},
            "InputError: data: realcons is a linear combination",
        ),
        "ch5 folder": (
            "05",
            {"data_path": str(folder), "variables": two},
            "ParameterError: data_path = ",
        ),
        "ch5 one variable": (
            "05",
            {"variables": ["realgdp"]},
            "ParameterError: variables = ['realgdp']: expected a list",
        ),
        "ch5 n_reps 0": (
            "05",
            {"n_reps": 0},
            "ParameterError: n_reps = 0: expected an integer",
        ),
        "ch5 case": (
            "05",
            {"deterministic": "x"},
            "ParameterError: deterministic = 'x': expected one of",
        ),
        # chapters 6 and 7: parameters only
        "ch6 year": (
            "06",
            {"year": 1800},
            "ParameterError: year = 1800: expected an integer",
        ),
        "ch6 online text": (
            "06",
            {"online": "yes"},
            "ParameterError: online = 'yes': expected True or False",
        ),
        "ch6 output_dir is a file": (
            "06",
            {"output_dir": a_file},
            "ParameterError: output_dir = ",
        ),
        "ch7 alpha 0": (
            "07",
            {"alpha": 0},
            "ParameterError: alpha = 0: expected a number greater than 0",
        ),
        "ch7 alpha 2": (
            "07",
            {"alpha": 2},
            "ParameterError: alpha = 2: expected a number",
        ),
        "ch7 noise 0": (
            "07",
            {"noise": 0},
            "ParameterError: noise = 0: expected a number greater than 0",
        ),
        "ch7 seed text": (
            "07",
            {"seed": "abc"},
            "ParameterError: seed = 'abc': expected an integer",
        ),
        "ch7 turning point text": (
            "07",
            {"turning_point": "x"},
            "ParameterError: turning_point = 'x': expected a number",
        ),
    }


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
    folder = tmp_path_factory.mktemp("bad")
    cases = bad_cases(folder)
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
        files = [v for k, v in parameters.items() if k.endswith("_path")]
        if not files or result.error is not None:
            continue
        text = analysis(result)
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
                        pd.read_csv(
                            parameters.get("data_path")
                            or DATA / "fang2025_ai_competitiveness.csv",
                            dtype=str,
                        ),
                        pd.read_csv(
                            parameters.get("firms_path")
                            or DATA / "fang2025_firms_patents.csv",
                            dtype=str,
                        ),
                    ]
                )
            else:
                frame = pd.read_csv(files[0], dtype=str)
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
        top = ai.loc[ai["index"].idxmax()]
        assert (
            f"The highest index is {top['name_en']}'s ({top['index']:.2f}"
            in text
        )


def test_panel_chapters_describe_the_file(valid_runs):
    cases, runs = valid_runs
    for name, (chapter, parameters) in cases.items():
        if chapter not in ("02", "03", "04") or "data_path" not in parameters:
            continue
        result, folder = runs[name]
        frame = pd.read_csv(parameters["data_path"])
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
                f"In {last['year'].iloc[0]}, {best['name_en']} has the highest D, {best['D']:.4f}"
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
        "This run analyses your file my_series.csv: 203 observations" in text
    )
    assert "variables output, spending" in text
    result, _ = runs["ch5 dates, case t"]
    assert 'Case "t"' in analysis(
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
            assert record["parameters"][key] == value, (name, key)
        for key, value in parameters.items():
            if key.endswith("_path"):
                assert record["inputs"][key]["sha256"] == data.sha256(value), (
                    name
                )
        assert "scorecard.csv" in record["outputs"]


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


def test_the_matrix_covers_each_family(bad_runs):
    cases, _ = bad_runs
    families = {
        "regional": ["01"],
        "panel": ["02", "03", "04"],
        "time series": ["05"],
    }
    for family, chapters in families.items():
        assert sum(c in chapters for c, _, _ in cases.values()) >= 8, family
