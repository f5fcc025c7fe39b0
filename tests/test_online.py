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
    assert list(frame.columns) == ["iso3", "economy", "year", "value"]
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


def test_bad_arguments():
    with pytest.raises(ValueError, match="indicator must be one of"):
        online.world_bank("SP.POP.TOTL", 2023)
    with pytest.raises(ValueError, match="start and end must be years"):
        online.world_bank("NY.GDP.MKTP.CD", 2023, 2020)
    with pytest.raises(ValueError, match="DataMapper code"):
        online.imf_datamapper("AI PI; drop")
