"""The replicators' cases, shared by tests/test_replicators.py (each run end to end through its
chapter, make check) and tests/test_replicator_inputs.py (each bad input's one-line error, checked
in-process, make test).

- :func:`valid_cases`: valid inputs that differ from the shipped ones (a region or a province
  missing, other years including ones after 2022, an unbalanced panel, a file with its columns
  reordered and an extra column, other time series, other simulation parameters);
- :func:`bad_cases`: at least eight bad inputs per chapter family (missing column, text in a
  number column, a blank, a repeated key, negatives where logs are taken, too few units or
  periods, a folder or a binary file as data_path, out-of-range and wrong-type parameters), each
  with the start of the one line it must stop with.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from helpers import data

REPO = Path(__file__).resolve().parents[1]

DATA = REPO / "data"
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


def produc() -> pd.DataFrame:
    """plm's Produc: 48 US states, 1970-1986, with their BEA regions (data/produc.yml)."""
    return pd.read_csv(DATA / "produc.csv", dtype=str)


CITIES = {
    "苏州": "江苏",
    "无锡": "江苏",
    "南京": "江苏",
    "杭州": "浙江",
    "宁波": "浙江",
    "温州": "浙江",
    "合肥": "安徽",
    "芜湖": "安徽",
    "成都": "四川",
    "绵阳": "四川",
    "武汉": "湖北",
    "宜昌": "湖北",
}


def city_panel() -> pd.DataFrame:
    """A SIMULATED panel of twelve prefecture-level cities (real names, invented numbers; seed 5),
    2015-2022, as an Excel user in China would save it: years written 2015年, a count with
    thousands separators, the province as the group column."""
    rng = np.random.default_rng(5)
    rows = []
    for city, province in CITIES.items():
        level = rng.uniform(0.5, 2.0)
        for year in range(2015, 2023):
            growth = 1 + 0.08 * (year - 2015)
            rows.append(
                {
                    "城市": city,
                    "年份": f"{year}年",
                    "省份": province,
                    "ai_firms": f"{1000 * level * growth * rng.uniform(0.9, 1.1):,.0f}",
                    "patents": round(
                        50 * level * growth * rng.uniform(0.8, 1.2), 1
                    ),
                    "broadband": round(30 + 10 * level + rng.normal(0, 2), 2),
                    "wage": round(60000 * growth * rng.uniform(0.9, 1.1), 0),
                    "unemployment": round(rng.uniform(2.5, 4.5), 2),
                }
            )
    return pd.DataFrame(rows)


CITY_SPEC = """\
- {indicator: ai_firms, subsystem: 人工智能, direction: 正, label: 人工智能企业数}
- {indicator: patents, subsystem: 人工智能, direction: 正, label: 人工智能专利}
- {indicator: broadband, subsystem: 人工智能, direction: 正, label: 宽带接入}
- {indicator: wage, subsystem: 就业质量, direction: 正, label: 平均工资}
- {indicator: unemployment, subsystem: 就业质量, direction: 负, label: 失业率}
"""

STATES_SPEC = """indicator,subsystem,direction,label
hwy,public capital,+,Highways and streets
water,public capital,+,Water and sewer
util,public capital,+,Other utilities
pc,economy,+,Private capital
gsp,economy,+,Gross state product
emp,economy,+,Employment
unemp,economy,-,Unemployment rate
"""


def states_index() -> pd.DataFrame:
    """Chapter 1's index for the 48 US states of Produc: gross state product in 1986, in billions
    of dollars, with the BEA region; no rank column (the chapter ranks)."""
    states = produc().query("year == '1986'")
    return pd.DataFrame(
        {
            "state": states["state"],
            "region": states["region"],
            "index": (states["gsp"].astype(float) / 1000).round(3),
        }
    )


def states_shares() -> pd.DataFrame:
    """Chapter 1's shares for the ten states with most employment in 1986: their shares of the 48
    states' employment and private capital (in the columns of firms and patents)."""
    states = produc().query("year == '1986'")
    emp, pc = states["emp"].astype(float), states["pc"].astype(float)
    shares = pd.DataFrame(
        {
            "state": states["state"],
            "firm_share_pct": (100 * emp / emp.sum()).round(2),
            "patent_share_pct": (100 * pc / pc.sum()).round(2),
        }
    )
    return shares.nlargest(10, "firm_share_pct")


def cities_index_and_shares() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Chapter 1's index (broadband in 2022, no groups) and shares (of AI firms and patents, all
    twelve cities, so they add up to 100) for the SIMULATED city panel."""
    last = city_panel().query("年份 == '2022年'")
    firms = last["ai_firms"].str.replace(",", "").astype(float)
    index = pd.DataFrame({"城市": last["城市"], "index": last["broadband"]})
    shares = pd.DataFrame(
        {
            "城市": last["城市"],
            "firm_share_pct": (100 * firms / firms.sum()),
            "patent_share_pct": (
                100 * last["patents"] / last["patents"].sum()
            ),
        }
    )
    return index, shares


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
        "t1_gbk": _written(
            folder / "t1_gbk.csv",
            lambda path: t1.to_csv(path, index=False, encoding="gbk"),
        ),
        "panel_xlsx": _written(
            folder / "panel.xlsx",
            lambda path: (
                p.astype({"year": int})
                .assign(**{c: p[c].astype(float) for c in p.columns[2:]})
                .to_excel(path, index=False)
            ),
        ),
        "series_semicolons": _written(
            folder / "series_semicolons.csv",
            lambda path: (
                macro()
                .astype(str)
                .apply(lambda c: c.str.replace(".", ","))
                .to_csv(path, index=False, sep=";")
            ),
        ),
        "states": write(folder, "produc.csv", produc()),
        "panel_2019_2022": write(
            folder, "four_years.csv", p[years.between(2019, 2022)]
        ),
        "states_spec": _text(folder / "states_spec.csv", STATES_SPEC),
        "cities": _written(
            folder / "cities.csv",
            lambda path: city_panel().to_csv(
                path, index=False, encoding="gbk"
            ),
        ),
        "city_spec": _text(folder / "city_spec.yml", CITY_SPEC),
        "states_gbk_xlsx": _written(
            folder / "states.xlsx",
            lambda path: (
                produc()
                .astype(
                    {"year": int, "unemp": float, "pcap": float, "emp": float}
                )
                .assign(year=lambda f: f["year"].astype(str) + "年")
                .to_excel(path, index=False)
            ),
        ),
        "states_index": write(folder, "states_index.csv", states_index()),
        "states_shares": write(folder, "states_shares.csv", states_shares()),
        "cities_index": _written(
            folder / "cities.xlsx",
            lambda path: _sheets(
                path,
                {
                    "说明": pd.DataFrame({"note": ["simulated"]}),
                    "指数": cities_index_and_shares()[0],
                },
            ),
        ),
        "cities_shares": _written(
            folder / "cities_shares.csv",
            lambda path: cities_index_and_shares()[1].to_csv(
                path, index=False, encoding="gbk"
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
        # files as people make them
        "ch1 GBK file": ("01", {"data_path": files["t1_gbk"]}),
        "ch1 US states with their regions": (
            "01",
            {
                "data_path": files["states_index"],
                "firms_path": files["states_shares"],
                "unit": "state",
                "group": "region",
            },
        ),
        "ch1 prefecture-level cities, workbook sheet, no groups": (
            "01",
            {
                "data_path": files["cities_index"],
                "sheet": "指数",
                "firms_path": files["cities_shares"],
                "unit": "城市",
            },
        ),
        "ch1 shares only, n_units": (
            "01",
            {
                "firms_path": files["states_shares"],
                "unit": "state",
                "n_units": 50,
            },
        ),
        "ch2 workbook": ("02", {"data_path": files["panel_xlsx"]}),
        "ch5 semicolons and decimal commas": (
            "05",
            {
                "data_path": files["series_semicolons"],
                "variables": "realgdp,realcons",
            },
        ),
        # another country's regions, a Chinese prefecture-city panel, own indicators
        "ch2 US states, own indicators and groups": (
            "02",
            {
                "data_path": files["states"],
                "indicators_path": files["states_spec"],
                "unit": "state",
                "group": "region",
            },
        ),
        "ch2 prefecture-level cities, own indicators": (
            "02",
            {
                "data_path": files["cities"],
                "indicators_path": files["city_spec"],
                "unit": "城市",
                "time": "年份",
                "group": "省份",
            },
        ),
        "ch2 own indicators on the book's panel": (
            "02",
            {
                "indicators_path": str(
                    REPO / "book" / "templates" / "indicator_spec_template.csv"
                )
            },
        ),
        "ch3 US states, own indicators and groups": (
            "03",
            {
                "data_path": files["states"],
                "indicators_path": files["states_spec"],
                "unit": "state",
                "group": "region",
                "weight_ai": 0.4,
            },
        ),
        "ch3 prefecture-level cities, own indicators": (
            "03",
            {
                "data_path": files["cities"],
                "indicators_path": files["city_spec"],
                "unit": "城市",
                "time": "年份",
                "group": "省份",
            },
        ),
        "ch4 four years": (
            "04",
            {"data_path": files["panel_2019_2022"]},
        ),
        "ch4 US states, own variables and ordering": (
            "04",
            {
                "data_path": files["states"],
                "unit": "state",
                "group": "region",
                "variables": ["gsp", "emp", "unemp"],
                "order": "unemp,gsp,emp",
            },
        ),
        "ch7 US states": (
            "07",
            {
                "data_path": files["states"],
                "unit": "state",
                "outcome": "unemp",
                "exposure": "pcap",
            },
        ),
        "ch7 US states, control, workbook": (
            "07",
            {
                "data_path": files["states_gbk_xlsx"],
                "unit": "state",
                "outcome": "unemp",
                "exposure": "pcap",
                "controls": ["emp"],
            },
        ),
    }


def _sheets(path: Path, sheets: dict[str, pd.DataFrame]) -> None:
    with pd.ExcelWriter(path) as workbook:
        for name, frame in sheets.items():
            frame.to_excel(workbook, sheet_name=name, index=False)


def _written(path: Path, write) -> str:
    write(path)
    return str(path)


def _text(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def bad_cases(folder: Path) -> dict[str, tuple[str, dict, str]]:
    """name -> (chapter number, parameters, start of the expected one-line error)."""
    t1, p = table1(), panel()
    binary = folder / "picture.png"
    binary.write_bytes(bytes(range(256)) * 4)
    a_file = write(folder, "a_file.csv", t1)
    series = macro()
    files = {
        "t1_missing": write(
            folder, "t1_missing.csv", t1.drop(columns="index")
        ),
        "states_index": write(folder, "states_index.csv", states_index()),
        "states_over": write(
            folder,
            "states_over.csv",
            states_shares().assign(
                firm_share_pct=lambda f: f["firm_share_pct"] * 3
            ),
        ),
        "states_shares": write(folder, "states_shares.csv", states_shares()),
        "states_xlsx": _written(
            folder / "states.xlsx",
            lambda path: produc().to_excel(path, index=False),
        ),
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
    states = produc()
    files["states"] = write(folder, "states.csv", states)
    files["states_short"] = write(
        folder,
        "states_short.csv",
        states[states["year"].isin(["1970", "1971"])],
    )
    files["states_text"] = write(
        folder,
        "states_text.csv",
        states.assign(unemp=["n/a"] + list(states["unemp"][1:])),
    )
    files["wide"] = write(
        folder,
        "wide.csv",
        states.pivot(
            index="state", columns="year", values="unemp"
        ).reset_index(),
    )
    return {
        # chapter 1: regional
        "ch1 missing column": (
            "01",
            {"data_path": files["t1_missing"]},
            "DataError: t1_missing.csv: missing column(s) index; optional, may be absent: "
            "rank; the file has: province_zh, rank",
        ),
        "ch1 group column not in the file": (
            "01",
            {
                "data_path": files["states_index"],
                "unit": "state",
                "group": "division",
            },
            "DataError: states_index.csv: missing column(s) division; optional, may be absent: "
            "rank",
        ),
        "ch1 shares over 100": (
            "01",
            {"firms_path": files["states_over"], "unit": "state"},
            "DataError: states_over.csv: the shares in column(s) firm_share_pct add up to "
            "166.20 per cent",
        ),
        "ch1 n_units below the listed": (
            "01",
            {
                "firms_path": files["states_shares"],
                "unit": "state",
                "n_units": 5,
            },
            "InputError: n_units = 5: the shares table lists 10 units, so there are at least 10",
        ),
        "ch1 shares of the listed only": (
            "01",
            {"firms_path": files["states_shares"], "unit": "state"},
            "InputError: no unlisted units, yet the shares leave 44.6 unassigned: the shares "
            "are taken as shares of 10 units (only the units listed; give n_units if there are "
            "more); set n_units",
        ),
        "ch7 no such sheet": (
            "07",
            {
                "data_path": files["states_xlsx"],
                "sheet": "Produc",
                "unit": "state",
                "outcome": "unemp",
                "exposure": "pcap",
            },
            "DataError: states.xlsx: no sheet 'Produc'; sheets: Sheet1",
        ),
        "ch1 sheet without a file": (
            "01",
            {"sheet": "指数"},
            "ParameterError: sheet = '指数': applies to your file; give data_path too",
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
            "DataError: picture.png: not a text file; expected a CSV (UTF-8 or GBK)",
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
            "DataError: picture.png: not a text file; expected a CSV (UTF-8 or GBK)",
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
        "ch2 a direction that is neither + nor -": (
            "02",
            {
                "data_path": files["states"],
                "unit": "state",
                "indicators_path": _text(
                    folder / "bad_spec.csv",
                    "indicator,subsystem,direction\nhwy,capital,up\ngsp,economy,+\n",
                ),
            },
            "DataError: bad_spec.csv: column 'direction' has value(s) up in line 2",
        ),
        "ch2 the unit column is not in the file": (
            "02",
            {
                "data_path": files["states"],
                "unit": "city",
                "indicators_path": _text(
                    folder / "spec.csv",
                    "indicator,subsystem,direction\nhwy,capital,+\ngsp,economy,+\n",
                ),
            },
            "DataError: states.csv: missing column(s) city",
        ),
        "ch3 a specification with one subsystem": (
            "03",
            {
                "data_path": files["states"],
                "unit": "state",
                "indicators_path": _text(
                    folder / "one_system.csv",
                    "indicator,subsystem,direction\nhwy,capital,+\nwater,capital,+\n",
                ),
            },
            "DataError: one_system.csv: 1 subsystem (capital); this chapter needs 2 or more",
        ),
        "ch4 an ordering of other variables": (
            "04",
            {
                "data_path": files["states"],
                "unit": "state",
                "variables": ["gsp", "emp"],
                "order": ["AI", "LR"],
            },
            "ParameterError: order = ['AI', 'LR']: expected a list of gsp, emp in any order",
        ),
        "ch4 a variable not in the file": (
            "04",
            {
                "data_path": files["states"],
                "unit": "state",
                "variables": ["gsp", "capital"],
            },
            "DataError: states.csv: missing column(s) capital",
        ),
        "ch2 a unit column without a file": (
            "02",
            {"unit": "city"},
            "ParameterError: unit = 'city': applies to your file; give data_path too",
        ),
        "ch7 exposure not in the file": (
            "07",
            {
                "data_path": files["states"],
                "unit": "state",
                "exposure": "capital",
            },
            "DataError: states.csv: missing column(s) upgrading, capital",
        ),
        "ch7 two years": (
            "07",
            {
                "data_path": files["states_short"],
                "unit": "state",
                "outcome": "unemp",
                "exposure": "pcap",
            },
            "InputError: states_short.csv: 96 observations of 48 unit(s) over 2 period(s); "
            "a two-way fixed-effects quadratic needs at least 3 units, 3 periods",
        ),
        "ch7 text in the outcome": (
            "07",
            {
                "data_path": files["states_text"],
                "unit": "state",
                "outcome": "unemp",
                "exposure": "pcap",
            },
            "DataError: states_text.csv: column 'unemp' must be float; line 2 is not ('n/a')",
        ),
        "ch7 years as columns": (
            "07",
            {"data_path": files["wide"], "unit": "state", "outcome": "unemp"},
            "DataError: wide.csv: years are columns (1970, ..., 1986): reshape to long",
        ),
        "ch7 outcome is the exposure": (
            "07",
            {
                "data_path": files["states"],
                "unit": "state",
                "outcome": "pcap",
                "exposure": "pcap",
            },
            "InputError: unit, time, outcome, exposure and controls must be different columns",
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


def one_case_per_error_kind(cases: dict) -> dict:
    """The first bad case of each kind of error (DataError, ParameterError, ...): enough to show,
    end to end, that each kind renders as its one line in a chapter."""
    chosen = {}
    for name, case in cases.items():
        chosen.setdefault(case[2].split(":")[0], (name, case))
    return dict(chosen.values())
