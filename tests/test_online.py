"""helpers.online's optional loaders, on API responses in the APIs' own formats (tests/fixtures).

The network is blocked in the test suite; the loaders' one network call, ``_fetch_json``, is
replaced by a function that serves the fixtures and records the URLs asked for.
"""

import json
from pathlib import Path

import pytest

from helpers import data, online

FIXTURES = Path(__file__).parent / "fixtures"


def serve(monkeypatch, pages: dict[str, str]) -> list[str]:
    asked = []

    def fake(url, timeout=60):
        asked.append(url)
        for marker, name in pages.items():
            if marker in url:
                return json.loads(
                    (FIXTURES / name).read_text(encoding="utf-8")
                )
        raise AssertionError(f"unexpected URL {url}")

    monkeypatch.setattr(online, "_fetch_json", fake)
    return asked


def test_world_bank_follows_pages_parses_and_caches(monkeypatch, tmp_path):
    asked = serve(
        monkeypatch,
        {
            "page=1": "worldbank_fdi_page1.json",
            "page=2": "worldbank_fdi_page2.json",
        },
    )
    download = online.world_bank(
        "BX.KLT.DINV.CD.WD", 2023, online=True, cache_dir=tmp_path
    )
    frame = download.values
    assert (
        len(asked) == 2
        and "indicator/BX.KLT.DINV.CD.WD?format=json&date=2023:2023"
        in asked[0]
    )
    assert list(frame.columns) == [
        "iso3",
        "economy",
        "year",
        "value",
        "aggregate",
    ]
    assert frame.set_index("iso3")["aggregate"].to_dict() == {
        "WLD": True,
        "SGP": False,
        "USA": False,
        "CHN": False,
    }
    assert frame.set_index("iso3")["value"].to_dict() == {
        "WLD": 1.4e12,
        "SGP": 1.5e11,
        "USA": 3e11,
        "CHN": 4e10,
    }
    assert "DNK" not in set(frame["iso3"])  # value null in the response
    cached = json.loads(
        (tmp_path / "worldbank_BX.KLT.DINV.CD.WD_2023_2023.json").read_text(
            encoding="utf-8"
        )
    )
    assert (
        len(cached["downloaded"]) == 10
        and download.downloaded == cached["downloaded"]
    )
    # offline, the cache answers and nothing is fetched
    asked.clear()
    again = online.world_bank(
        "BX.KLT.DINV.CD.WD", 2023, online=False, cache_dir=tmp_path
    )
    assert (
        asked == []
        and again.values.equals(frame)
        and again.indicator == "BX.KLT.DINV.CD.WD"
    )


def test_imf_datamapper_parses_and_caches(monkeypatch, tmp_path):
    serve(monkeypatch, {"datamapper/api/v1/AI_PI": "imf_ai_pi.json"})
    frame = online.imf_datamapper(
        "AI_PI", online=True, cache_dir=tmp_path
    ).values.set_index("iso3")
    assert (
        frame.loc["SGP", "value"] == 0.8006
        and frame.loc["CHN", "year"] == 2023
    )
    assert "AFG" not in frame.index
    shipped = data.load("imf_aipi_2023").set_index("iso3")["aipi"]
    assert all(
        frame.loc[code, "value"] == shipped[code] for code in frame.index
    )
    assert online.imf_datamapper("AI_PI", cache_dir=tmp_path).source.endswith(
        "/AI_PI"
    )


def test_offline_without_cache_says_what_to_do(tmp_path):
    with pytest.raises(online.OnlineDataUnavailable) as caught:
        online.world_bank("NY.GDP.MKTP.CD", 2023, cache_dir=tmp_path)
    message = str(caught.value)
    assert (
        "is not cached" in message
        and "online=True" in message
        and "runs without it" in message
    )
    with pytest.raises(
        online.OnlineDataUnavailable,
        match="IMF DataMapper indicator AI_PI is not cached",
    ):
        online.imf_datamapper(cache_dir=tmp_path)


def test_api_errors_and_failed_downloads_are_named(monkeypatch, tmp_path):
    serve(monkeypatch, {"worldbank": "worldbank_error.json"})
    with pytest.raises(
        data.DataError,
        match="the World Bank API answered with an error: "
        "The provided parameter value is not valid",
    ):
        online.world_bank(
            "NV.IND.MANF.ZS", 2022, online=True, cache_dir=tmp_path
        )

    def refuse(url, timeout=60):
        raise OSError("network unreachable")

    monkeypatch.setattr(online, "_fetch_json", refuse)
    with pytest.raises(
        online.OnlineDataUnavailable,
        match="download from https://www.imf.org/.* failed \\(network unreachable\\)",
    ):
        online.imf_datamapper(online=True, cache_dir=tmp_path / "other")
    assert not (
        tmp_path / "other"
    ).exists()  # a failed download caches nothing


def test_world_bank_parses_a_real_recorded_response(monkeypatch, tmp_path):
    """The API's answer as recorded (GNI per capita of the United States, 1990-1997): every year
    read, with its value, the economy's name and ISO code; the United States is no aggregate."""
    recording = "worldbank_v2_US_NY.GNP.PCAP.CD_1990-1997.json"
    asked = serve(monkeypatch, {"NY.GNP.PCAP.CD": recording})
    frame = online.world_bank(
        "NY.GNP.PCAP.CD", 1990, 1997, online=True, cache_dir=tmp_path
    ).values
    assert "indicator/NY.GNP.PCAP.CD?format=json&date=1990:1997" in asked[0]
    raw = json.loads((FIXTURES / recording).read_text(encoding="utf-8"))[1]
    assert len(frame) == len(raw) == 8
    assert sorted(frame["year"]) == list(range(1990, 1998))
    assert frame.set_index("year")["value"].to_dict() == {
        int(r["date"]): float(r["value"]) for r in raw
    }
    assert frame.loc[frame["year"] == 1997, "value"].item() == 31270.0
    assert set(frame["iso3"]) == {"USA"} and set(frame["economy"]) == {
        "United States"
    }
    assert not frame["aggregate"].any()


def test_imf_answer_without_values_is_no_data_and_is_not_cached(
    monkeypatch, tmp_path
):
    """The DataMapper answers a request it cannot serve with HTTP 200 and no 'values': one clear
    line, nothing cached (a later run asks again)."""
    serve(monkeypatch, {"datamapper/api/v1/AI_PX": "imf_no_values.json"})
    with pytest.raises(
        online.OnlineDataUnavailable,
        match="IMF DataMapper indicator AI_PX: the DataMapper answered without any "
        "values, so it has no data for this request; check the indicator code",
    ):
        online.imf_datamapper("AI_PX", online=True, cache_dir=tmp_path)
    assert not (tmp_path / "imf_AI_PX.json").exists()


def test_online_cross_section_drops_aggregates_and_controls_for_income(
    monkeypatch, tmp_path
):
    """Online, the cross-section holds economies only (the World and High income rows are
    dropped by name), with GDP per capita, so the regression controls for income."""
    from helpers import crosscountry

    # the cache is .online_cache under the working directory
    monkeypatch.chdir(tmp_path)
    fdi = "BX.KLT.DINV.CD.WD?format=json&date=2023:2023&per_page=20000&page="
    serve(
        monkeypatch,
        {
            fdi + "1": "worldbank_fdi_page1.json",
            fdi + "2": "worldbank_fdi_page2.json",
            "NY.GDP.MKTP.CD": "worldbank_gdp.json",
            "NY.GDP.PCAP.CD": "worldbank_gdp_per_capita.json",
            "datamapper/api/v1/AI_PI": "imf_ai_pi.json",
        },
    )
    section = crosscountry.cross_section(2023, online=True)
    assert not section.simulated, section.reason
    frame = section.data.set_index("iso3")
    assert "WLD" not in frame.index and "HIC" not in frame.index
    assert frame.loc["SGP", "gdp_per_capita_usd"] == 85000.0
    assert frame["gdp_per_capita_usd"].notna().all()


def test_bad_arguments():
    with pytest.raises(
        ValueError,
        match="indicator must be a World Development Indicators code",
    ):
        online.world_bank("GDP; drop", 2023)
    with pytest.raises(ValueError, match="start and end must be years"):
        online.world_bank("NY.GDP.MKTP.CD", 2023, 2020)
    with pytest.raises(ValueError, match="DataMapper code"):
        online.imf_datamapper("AI PI; drop")
