"""helpers.data: the shipped datasets, their manifests, and clear errors for bad files."""

import re
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from helpers import data
from helpers.data import DataError

PAPERS = Path(__file__).resolve().parents[2] / "shared" / "papers"


def test_every_dataset_loads_with_its_schema():
    assert data.available() == [
        "abdata",
        "ai_commentary_claims",
        "chen_tang_claims",
        "chen_tang_equation3",
        "chen_tang_fevd",
        "chen_tang_table1",
        "fang2025_ai_competitiveness",
        "fang2025_claims",
        "fang2025_firms_patents",
        "gan_zhang_claims",
        "gan_zhang_coordination_levels",
        "gan_zhang_indicators",
        "gan_zhang_simulated_panel",
        "gan_zhang_table4",
        "ifr_robot_density",
        "imf_aipi_2023",
        "industrial_bank_figures",
        "ips_moments",
        "johansen_critical_values",
        "outside_figures",
        "paper_defects",
        "produc",
        "provinces",
    ]
    for name in data.available():
        frame = data.load(name)
        assert list(frame.columns) == [
            c["name"] for c in data.manifest(name)["columns"]
        ]
        assert (
            data.sha256(data.DATA_DIR / f"{name}.csv")
            == data.manifest(name)["sha256"]
        )


def test_catalogue_lists_every_dataset_and_whether_simulated():
    cat = data.catalogue()
    assert list(cat.index) == data.available()
    simulated = {
        name for name in cat.index if cat.at[name, "simulated"] == "yes"
    }
    assert simulated == {
        name for name in data.available() if data.manifest(name)["synthetic"]
    }
    assert simulated == {"gan_zhang_simulated_panel"}
    assert cat["sha256 verified"].all()
    assert cat.loc["provinces", "rows"] == 31


def test_columns_table():
    table = data.columns_table("fang2025_firms_patents")
    assert list(table.index) == [
        "province_zh",
        "firm_share_pct",
        "patent_share_pct",
    ]
    assert (
        table.loc["firm_share_pct", "unit"] == "per cent of China's AI firms"
    )


def test_province_table_facts():
    prov = data.load("provinces")
    assert len(prov) == 31
    assert prov["region"].value_counts().to_dict() == {
        "West": 12,
        "East": 10,
        "Central": 6,
        "Northeast": 3,
    }
    assert prov["belt"].value_counts().to_dict() == {
        "West": 12,
        "East": 11,
        "Central": 8,
    }
    assert prov["code"].str.fullmatch(r"[1-6]\d0000").all()
    assert not prov.duplicated(["tile_col", "tile_row"]).any()
    east = set(prov.loc[prov["region"] == "East", "name_zh"])
    assert east == {
        "北京",
        "天津",
        "河北",
        "上海",
        "江苏",
        "浙江",
        "福建",
        "山东",
        "广东",
        "海南",
    }
    assert set(prov.loc[prov["region"] == "Northeast", "name_zh"]) == {
        "辽宁",
        "吉林",
        "黑龙江",
    }


def test_misprint_is_recorded_and_mapped():
    meta = data.manifest("fang2025_ai_competitiveness")
    assert (
        meta["as_printed"][0]["printed"] == "工苏"
        and meta["as_printed"][0]["corrected"] == "江苏"
    )
    table = data.load("fang2025_ai_competitiveness")
    assert "江苏" in set(table["province_zh"]) and "工苏" not in set(
        table["province_zh"]
    )


@pytest.mark.skipif(
    not PAPERS.exists(),
    reason="the papers are in ../shared/papers, beside the repository",
)
def test_tables_match_the_paper_text():
    text = (PAPERS / "fang_chang_hu_2025.txt").read_text(encoding="utf-8")
    table1 = re.findall(r"^(\S+)\t([\d.]+)\t(\d+)\t$", text, re.M)
    expected = [
        ("江苏" if p == "工苏" else p, float(v), int(r)) for p, v, r in table1
    ]
    shipped = data.load("fang2025_ai_competitiveness")
    assert list(shipped.itertuples(index=False, name=None)) == expected
    assert re.search(r"^均值\t57\.18", text, re.M)
    claims = data.load("fang2025_claims").set_index("claim_id")
    assert (
        claims.loc["C1", "value"] == "57.18"
        and claims.loc["C1", "printed"] == "57.18"
    )
    table2 = re.findall(r"^(\S+)\t([\d.]+)\t([\d.]+)$", text, re.M)
    expected = [(p, float(a), float(b)) for p, a, b in table2]
    assert (
        list(
            data.load("fang2025_firms_patents").itertuples(
                index=False, name=None
            )
        )
        == expected
    )


@pytest.mark.skipif(
    not PAPERS.exists(),
    reason="the papers are in ../shared/papers, beside the repository",
)
def test_gan_zhang_table4_matches_the_paper_text():
    # The extracted text lists Table 4 row by row: a label, five coefficients, five statistics.
    text = (PAPERS / "gan_zhang_2025.txt").read_text(encoding="utf-8")
    start = text.index("L1.h_AI")
    cells = [
        line
        for line in text[start : text.index("5. 结论与建议")].splitlines()
        if line.strip()
    ]
    table = data.load("gan_zhang_table4")
    for k, regressor in enumerate(
        ["L1.h_AI", "L1.h_LR", "L1.h_EQ", "L1.h_SS", "L1.h_LQ"]
    ):
        block = cells[11 * k : 11 * (k + 1)]
        assert block[0] == regressor
        rows = table[table["regressor"] == regressor].sort_values("column")
        assert list(rows["coefficient_printed"]) == block[1:6]
        assert [
            f"({t:.2f})".replace("-", "−") for t in rows["t_stat"]
        ] == block[6:11]


@pytest.mark.skipif(
    not PAPERS.exists(),
    reason="the papers are in ../shared/papers, beside the repository",
)
def test_chen_tang_tables_match_the_paper_text():
    text = (PAPERS / "chen_tang_2021.txt").read_text(encoding="utf-8")
    # Tables 2-6: after each title, cells one per line: period, S.E., five shares
    fevd = data.load("chen_tang_fevd")
    titles = [
        "\n表2 ",
        "\n表3 ",
        "\n表4 ",
        "\n表5 ",
        "\n表6 ",
        "\n4.3 ",
    ]  # table titles start a line
    for k, number in enumerate(range(2, 7)):
        block = text[text.index(titles[k]) : text.index(titles[k + 1])]
        cells = [
            c.strip()
            for c in block.splitlines()
            if re.fullmatch(r"\d+(\.\d+( +\d+)?)?", c.strip())
        ]
        rows = fevd[fevd["table"] == number]
        assert len(cells) == 7 * len(rows) == 35
        for (_, row), printed in zip(
            rows.iterrows(), [cells[i : i + 7] for i in range(0, 35, 7)]
        ):
            assert (
                int(printed[0]) == row["period"]
                and printed[1] == row["se_printed"]
            )
            assert float(printed[1].replace(" ", "")) == row["se"]
            assert [float(c.replace(" ", "")) for c in printed[2:]] == row[
                ["p", "p_capa", "p_popu", "p_scie", "p_pate"]
            ].tolist()
    # Table 1: each row's cells in order, and their numbers
    table1 = data.load("chen_tang_table1")
    block = text[text.index("表1") : text.index("4.2")]
    cells = [c.strip() for c in block.splitlines() if c.strip()]
    for _, row in table1.iterrows():
        start = cells.index(row["variable_printed"])
        printed = row["cells_printed"].split(" | ")
        assert cells[start + 1 : start + 1 + len(printed)] == printed
        numbers = [
            float(c.replace(" ", "").replace("−", "-")) for c in printed[:4]
        ]
        assert (
            numbers
            == row[
                ["adf_statistic", "cv_1pct", "cv_5pct", "cv_10pct"]
            ].tolist()
        )
    # Equation (3): every printed term occurs in the equation as printed
    start = text.index("In(p-capa)")
    equation = text[start : text.index("（3）", start)]
    for term in data.load("chen_tang_equation3")["term_printed"]:
        assert term in equation


@pytest.mark.skipif(
    not PAPERS.exists(),
    reason="the papers are in ../shared/papers, beside the repository",
)
def test_industrial_bank_figures_match_the_report_text():
    text = (PAPERS / "industrial_bank_research_2024.txt").read_text(
        encoding="utf-8"
    )
    figures = data.load("industrial_bank_figures")
    for _, row in figures.iterrows():
        assert row["printed"] in text, row["id"]
        # the printed string holds the value (ranks and ranges spelled out are checked by hand)
        numbers = [
            float(n)
            for n in re.findall(
                r"-?\d+(?:\.\d+)?", row["printed"].replace(" ", "")
            )
        ]
        if row["unit"] != "rank" and row["printed"] not in ("二十大因素",):
            assert row["value"] in numbers or -row["value"] in numbers, row[
                "id"
            ]
    # every number of the form 12.3% or 123亿美元 in sections 一 to 四 is in the table
    body = text[
        text.index("一、人工智能与全球产业布局") : text.index("文章来源")
    ]
    printed = " ".join(figures["printed"])
    for match in re.findall(r"\d+(?:\.\d+)?(?=%|亿美元|个|万)", body):
        assert match in printed, match


# -- bad files ----------------------------------------------------------------------------------


@pytest.fixture
def data_copy(tmp_path, monkeypatch) -> Path:
    """A copy of data/ that the tests may damage."""
    copy = tmp_path / "data"
    shutil.copytree(data.DATA_DIR, copy)
    monkeypatch.setattr(data, "DATA_DIR", copy)
    return copy


def test_changed_file_is_refused_with_its_name(data_copy):
    csv = data_copy / "fang2025_firms_patents.csv"
    csv.write_text(
        csv.read_text(encoding="utf-8").replace("29.04", "29.05"),
        encoding="utf-8",
    )
    with pytest.raises(
        DataError,
        match=r"fang2025_firms_patents\.csv: sha256 is .* the file was changed",
    ):
        data.load("fang2025_firms_patents")


def test_unknown_dataset_and_bad_manifest(data_copy):
    with pytest.raises(
        DataError,
        match="no dataset named 'nope'; available: abdata, ai_commentary_claims, ",
    ):
        data.load("nope")
    (data_copy / "broken.yml").write_text("title: x\n", encoding="utf-8")
    with pytest.raises(
        DataError,
        match="broken.yml: manifest lacks source, terms, synthetic, sha256, columns",
    ):
        data.manifest("broken")
    with pytest.raises(TypeError, match="name must be a dataset name"):
        data.manifest(3)
    manifest = (data_copy / "provinces.yml").read_text(encoding="utf-8")
    (data_copy / "provinces.yml").write_text(
        manifest.replace("type: integer", "type: int", 1), encoding="utf-8"
    )
    with pytest.raises(
        DataError,
        match="column 'tile_col' has type 'int'; expected one of string, integer",
    ):
        data.load("provinces")


def _user_file(tmp_path, text: str) -> Path:
    path = tmp_path / "mine.csv"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "text, words",
    [
        (
            "province_zh,index\n北京,90\n",
            "mine.csv: missing column\\(s\\) rank",
        ),
        (
            "province_zh,index,rank\n北京,high,1\n",
            "column 'index' must be float; line 2 is not \\('high'\\)",
        ),
        (
            "province_zh,index,rank\n北京,90,1.5\n",
            "column 'rank' must be integer",
        ),
        (
            "province_zh,index,rank\n北京,,1\n",
            "column 'index' has missing values in line 2",
        ),
        (
            "province_zh,index,rank\n北京,120,1\n",
            "column 'index' has values outside its max of 100 in line 2",
        ),
        (
            "province_zh,index,rank\n北京,90,1\n北京,80,2\n",
            "duplicate key \\(province_zh\\) in lines 2, 3",
        ),
        (
            "province_zh,index,rank\n北京,90,1\n北平,80,2\n",
            "column 'province_zh' has value\\(s\\) 北平 in line 3 that are "
            "not in provinces.name_zh",
        ),
        ("province_zh,index,rank\n", "has a header but no rows"),
    ],
)
def test_replicator_file_gets_a_schema_error(tmp_path, text, words):
    with pytest.raises(DataError, match=words):
        data.load(
            "fang2025_ai_competitiveness",
            path=_user_file(tmp_path, text),
        )


def test_replicator_file_may_have_extra_columns(tmp_path):
    frame = data.load(
        "fang2025_ai_competitiveness",
        path=_user_file(
            tmp_path, "province_zh,index,rank,note\n北京,90,1,x\n"
        ),
    )
    assert list(frame.columns) == ["province_zh", "index", "rank", "note"]
    assert frame["index"].dtype == "float64"


def test_allowed_values_are_enforced(tmp_path):
    text = (
        (data.DATA_DIR / "provinces.csv")
        .read_text(encoding="utf-8")
        .replace(",Northeast,", ",North East,", 1)
    )
    with pytest.raises(
        DataError,
        match="column 'region' has value\\(s\\) North East in line 7",
    ):
        data.load("provinces", path=_user_file(tmp_path, text))


def test_missing_file_and_unreadable_file(tmp_path):
    with pytest.raises(DataError, match="file not found"):
        data.load("provinces", path=tmp_path / "absent.csv")
    bad = tmp_path / "latin1.csv"
    bad.write_bytes("province_zh,index,rank\n\xe9,1,1\n".encode("latin-1"))
    with pytest.raises(DataError, match="neither UTF-8 nor GB18030/GBK text"):
        data.load("fang2025_ai_competitiveness", path=bad)


def test_data_error_renders_as_one_line_in_jupyter():
    error = DataError("x.csv: missing column(s) rank")
    assert error._render_traceback_() == [
        "DataError: x.csv: missing column(s) rank"
    ]
    assert isinstance(error, ValueError)


def test_loaded_frame_is_a_fresh_copy():
    first = data.load("provinces")
    first.loc[0, "name_en"] = "changed"
    assert data.load("provinces").loc[0, "name_en"] == "Beijing"
    assert isinstance(first, pd.DataFrame)


def test_simulated_datasets_name_their_generator_and_seed():
    for name in data.available():
        meta = data.manifest(name)
        if meta["synthetic"]:
            assert isinstance(meta.get("generator"), str) and isinstance(
                meta.get("seed"), int
            ), name
            assert "SIMULATED" in meta["title"], name


def test_optional_columns_may_be_absent_from_a_replicators_file(tmp_path):
    panel = data.load("gan_zhang_simulated_panel")
    mine = tmp_path / "mine.csv"
    panel.drop(
        columns=[c for c in panel.columns if c.startswith("latent_")]
    ).to_csv(mine, index=False)
    loaded = data.load("gan_zhang_simulated_panel", path=mine)
    assert "latent_AI" not in loaded and len(loaded) == len(panel)
    panel.drop(columns=["ai_firms"]).to_csv(mine, index=False)
    with pytest.raises(
        DataError, match="mine.csv: missing column\\(s\\) ai_firms"
    ):
        data.load("gan_zhang_simulated_panel", path=mine)


def test_load_series_defaults_to_statsmodels_macrodata():
    series = data.load_series(None, list(data.MACRO_SERIES), positive=True)
    assert list(series.columns) == ["realgdp", "realcons", "realinv"]
    assert (
        len(series) == 203
        and str(series.index[0].date()) == "1959-01-01"
        and series.index.freq is not None
    )
    assert series.loc["2009-07-01", "realgdp"] == 12990.341


@pytest.mark.parametrize(
    "text, words",
    [
        ("date,gdp\n2001Q1,1\n", "missing column(s) cons"),
        (
            "date,gdp,cons\n2001Q1,1,x\n2001Q2,2,3\n",
            "column 'cons' must be float; line 2 is not ('x')",
        ),
        (
            "date,gdp,cons\n2001Q1,1,2\n2001Q2,,3\n",
            "column 'gdp' has missing values in line 3",
        ),
        (
            "date,gdp,cons\n2001Q1,1,2\n2001Q2,-1,3\n",
            "column 'gdp' must be positive to take logs; line 3 is not",
        ),
        (
            "date,gdp,cons\nsoon,1,2\n",
            "column 'date' does not parse as dates in line 2",
        ),
        (
            "date,gdp,cons\n2001Q2,1,2\n2001Q1,2,3\n",
            "dates must increase without repeats; line 3 (2001Q1) does not "
            "come after line 2 (2001Q2)",
        ),
        (
            "date,gdp,cons\n2001-01-01,1,2\n2001-02-01,2,3\n2001-02-01,2,3\n",
            "line 4 (2001-02-01) does not come after line 3 (2001-02-01)",
        ),
    ],
)
def test_load_series_names_what_does_not_fit(tmp_path, text, words):
    path = tmp_path / "mine.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        data.load_series(path, ["gdp", "cons"], positive=True)
    assert str(caught.value).startswith("mine.csv: ") and words in str(
        caught.value
    )


@pytest.mark.skipif(
    not PAPERS.exists(),
    reason="the papers are in ../shared/papers, beside the repository",
)
@pytest.mark.parametrize(
    "name, paper",
    [
        ("fang2025_claims", "fang_chang_hu_2025.txt"),
        ("gan_zhang_claims", "gan_zhang_2025.txt"),
        ("chen_tang_claims", "chen_tang_2021.txt"),
        ("ai_commentary_claims", "ai_upgrading_commentary.txt"),
    ],
)
def test_claims_are_the_papers_own_words(name, paper):
    """Every printed fragment of a claims file is in the paper's text (white space aside)."""
    text = "".join((PAPERS / paper).read_text(encoding="utf-8").split())
    for claim_id, printed in data.load(name)[
        ["claim_id", "printed"]
    ].itertuples(index=False):
        for fragment in printed.split("……"):
            assert "".join(fragment.split()) in text, (claim_id, fragment)


# -- files as people make them -----------------------------------------------------------------


def _table1() -> pd.DataFrame:
    return pd.read_csv(
        data.DATA_DIR / "fang2025_ai_competitiveness.csv", dtype=str
    )


@pytest.mark.parametrize(
    "write, described",
    [
        (
            lambda f, p: f.to_csv(p, index=False, encoding="gbk"),
            "GB18030 (GBK)",
        ),
        (lambda f, p: f.to_csv(p, index=False, encoding="utf-8-sig"), ""),
        (
            lambda f, p: f.assign(
                index=f["index"].str.replace(".", ",")
            ).to_csv(p, index=False, sep=";"),
            "separated by semicolons, with decimal commas",
        ),
        (
            lambda f, p: f.to_csv(
                p, index=False, sep="\t", encoding="gb18030"
            ),
            "GB18030 (GBK) text separated by tabs",
        ),
    ],
    ids=[
        "gbk",
        "utf-8 with BOM",
        "semicolons and decimal commas",
        "gbk with tabs",
    ],
)
def test_csv_files_from_excel_read_as_the_shipped_one(
    tmp_path, write, described
):
    shipped = data.load("fang2025_ai_competitiveness")
    path = tmp_path / "mine.csv"
    write(_table1(), path)
    mine = data.load("fang2025_ai_competitiveness", path=path)
    pd.testing.assert_frame_equal(mine, shipped)
    sentence = data.format_sentence(mine)
    assert (described in sentence) if described else sentence == ""
    assert mine.attrs["file_format"]["kind"] == "csv"


def test_a_workbook_reads_from_its_first_or_named_sheet(tmp_path):
    shipped = data.load("fang2025_ai_competitiveness")
    path = tmp_path / "mine.xlsx"
    with pd.ExcelWriter(path) as book:
        pd.DataFrame({"note": ["a cover sheet"]}).to_excel(
            book, sheet_name="cover"
        )
        shipped.astype({"index": float, "rank": int}).to_excel(
            book, sheet_name="表1", index=False
        )
    with pytest.raises(DataError, match="missing column\\(s\\) province_zh"):
        data.load("fang2025_ai_competitiveness", path=path)
    mine = data.load("fang2025_ai_competitiveness", path=path, sheet="表1")
    pd.testing.assert_frame_equal(mine, shipped)
    assert data.format_sentence(mine) == "Read as sheet '表1' of the workbook."
    with pytest.raises(
        DataError, match="no sheet 'Table 1'; sheets: cover, 表1"
    ):
        data.load("fang2025_ai_competitiveness", path=path, sheet="Table 1")
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(
        DataError, match="old Excel .xls workbook; save it as .xlsx"
    ):
        data.load("fang2025_ai_competitiveness", path=old)


def test_thousands_separators_and_years_written_in_chinese_are_numbers(
    tmp_path,
):
    panel = pd.read_csv(
        data.DATA_DIR / "gan_zhang_simulated_panel.csv", dtype=str
    )
    firms = panel["ai_firms"].astype(float) * 1000
    mine = panel.assign(
        year=panel["year"] + "年", ai_firms=firms.map("{:,.3f}".format)
    )
    path = tmp_path / "mine.csv"
    mine.to_csv(path, index=False, encoding="gb18030")
    read = data.load("gan_zhang_simulated_panel", path=path)
    assert read["year"].tolist() == panel["year"].astype(int).tolist()
    np.testing.assert_allclose(read["ai_firms"], firms.round(3))
    assert data.format_sentence(read) == (
        "Read as GB18030 (GBK) text separated by commas. Values such as '2010年' in column 'year' "
        "read as years. Thousands separators dropped in column 'ai_firms'."
    )
    # with decimal commas (every number), spaces group the thousands
    semi = tmp_path / "semi.csv"
    numbers = panel.columns.drop(["province_zh", "year"])
    commas = panel.assign(
        **{c: panel[c].str.replace(".", ",") for c in numbers}
    )
    commas["ai_firms"] = [
        f"{v:,.2f}".replace(",", " ").replace(".", ",") for v in firms
    ]
    commas.to_csv(semi, index=False, sep=";")
    read = data.load("gan_zhang_simulated_panel", path=semi)
    np.testing.assert_allclose(read["ai_firms"], firms.round(2))
    np.testing.assert_allclose(
        read["robot_density"], panel["robot_density"].astype(float)
    )


def test_a_wide_panel_and_a_missing_column_get_one_line_that_says_what_to_do(
    tmp_path,
):
    panel = pd.read_csv(
        data.DATA_DIR / "gan_zhang_simulated_panel.csv", dtype=str
    )
    wide = panel.pivot(index="province_zh", columns="year", values="ai_firms")
    path = tmp_path / "wide.csv"
    wide.rename(columns=lambda y: f"{y}年").reset_index().to_csv(
        path, index=False
    )
    with pytest.raises(DataError) as caught:
        data.load("gan_zhang_simulated_panel", path=path)
    message = str(caught.value)
    assert message.startswith(
        "wide.csv: years are columns (2010年, ..., 2022年): reshape to long"
    )
    assert "melt(id_vars=['province_zh'], var_name='year'" in message
    narrow = tmp_path / "narrow.csv"
    panel[["province_zh", "year", "ai_firms"]].to_csv(narrow, index=False)
    with pytest.raises(DataError) as caught:
        data.load("gan_zhang_simulated_panel", path=narrow)
    message = str(caught.value)
    assert message.startswith(
        "narrow.csv: missing column(s) fibre_per_capita,"
    )
    assert "; optional, may be absent: latent_AI, latent_LR" in message
    assert message.endswith("the file has: province_zh, year, ai_firms")
    assert "\n" not in message and len(message) < 400


def test_a_binary_file_is_refused_in_one_line(tmp_path):
    path = tmp_path / "picture.png"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(
        DataError, match="^picture.png: not a text file; expected a CSV"
    ):
        data.load("fang2025_ai_competitiveness", path=path)


def test_series_from_a_semicolon_file_with_decimal_commas(tmp_path):
    macro = data.statsmodels_macrodata()[["date", "realgdp", "realcons"]]
    path = tmp_path / "series.csv"
    macro.astype(str).apply(lambda c: c.str.replace(".", ",")).assign(
        date=macro["date"]
    ).to_csv(path, index=False, sep=";")
    read = data.load_series(path, ["realgdp", "realcons"])
    np.testing.assert_allclose(read["realgdp"], macro["realgdp"])
    assert "decimal commas" in data.format_sentence(read)
