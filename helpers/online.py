"""Optional online data for chapter 6: World Bank indicators and the IMF DataMapper, downloaded only
when asked (``online=True``) and cached on disk with the date of download, so that later runs work
offline. Offline with no cache, the loaders raise :class:`OnlineDataUnavailable` with a one-line
message saying what to do.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers.data import DataError
from helpers.errors import InputError

#: The World Bank indicators chapter 6 uses (World Development Indicators codes); the loader takes
#: any WDI code.
WORLD_BANK_INDICATORS = {
    "BX.KLT.DINV.CD.WD": "Foreign direct investment, net inflows (BoP, current US$)",
    "NY.GDP.MKTP.CD": "GDP (current US$)",
    "NY.GDP.PCAP.CD": "GDP per capita (current US$)",
    "NV.IND.MANF.ZS": "Manufacturing, value added (% of GDP)",
}

#: The aggregates the World Bank API returns beside the economies for ``country/all`` (regions,
#: income groups, lending groups, demographic and other groupings, the World): the codes its
#: country list gives with region "Aggregates" (api.worldbank.org/v2/country, 2024). They are
#: flagged in a download's ``aggregate`` column so that country-level merges drop them by name,
#: not because their codes happen to be missing from another source.
WORLD_BANK_AGGREGATES = frozenset(
    [
        "AFE",
        "AFW",
        "ARB",
        "CEB",
        "CSS",
        "EAP",
        "EAR",
        "EAS",
        "ECA",
        "ECS",
        "EMU",
        "EUU",
        "FCS",
        "HIC",
        "HPC",
        "IBD",
        "IBT",
        "IDA",
        "IDB",
        "IDX",
        "INX",
        "LAC",
        "LCN",
        "LDC",
        "LIC",
        "LMC",
        "LMY",
        "LTE",
        "MEA",
        "MIC",
        "MNA",
        "NAC",
        "OED",
        "OSS",
        "PRE",
        "PSS",
        "PST",
        "SAS",
        "SSA",
        "SSF",
        "SST",
        "TEA",
        "TEC",
        "TLA",
        "TMN",
        "TSA",
        "TSS",
        "UMC",
        "WLD",
    ]
)
WORLD_BANK_URL = "https://api.worldbank.org/v2/country/all/indicator/{indicator}?format=json&date={start}:{end}&per_page=20000&page={page}"
IMF_DATAMAPPER_URL = (
    "https://www.imf.org/external/datamapper/api/v1/{indicator}"
)


@dataclass(frozen=True)
class Download:
    """An indicator's ``values`` (a DataFrame) with the ``indicator`` code, the ``source`` URL and
    the date it was ``downloaded`` (ISO format)."""

    values: pd.DataFrame
    indicator: str
    source: str
    downloaded: str


class OnlineDataUnavailable(DataError):
    """Online data were asked for offline and no cached copy exists, or the download failed."""


def _fetch_json(url: str, timeout: float = 60) -> object:
    """GET ``url`` and parse its JSON body (kept small so that tests can replace it)."""
    import json
    import urllib.request

    request = urllib.request.Request(
        url,
        headers={"User-Agent": "ai-regional-book (teaching; helpers.data)"},
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.loads(response.read().decode("utf-8"))


def _cached_response(
    key: str,
    urls,
    online: bool,
    cache_dir: Path | None,
    what: str,
    check=None,
) -> dict:
    """The cached download ``{"source", "downloaded", "responses"}`` for ``key``; fetched when
    ``online``, read from ``cache_dir`` otherwise. ``urls`` is a callable ``page -> url`` (pages are
    followed while the response says there are more) or a single URL string. ``check(body)``, when
    given, raises for an answer that holds no data; such an answer is not cached."""
    import datetime
    import json

    from helpers.paths import online_cache_dir

    folder = Path(cache_dir) if cache_dir is not None else online_cache_dir()
    path = folder / f"{key}.json"
    if not online:
        if path.exists():
            record = json.loads(path.read_text(encoding="utf-8"))
            for body in record["responses"]:
                if check is not None:
                    check(body)
            return record
        shown = (
            path.relative_to(Path.cwd())
            if path.is_relative_to(Path.cwd())
            else path
        )
        raise OnlineDataUnavailable(
            f"{what} is not cached ({shown}) and online=False. On a machine with internet access "
            "run with online=True (in a chapter: the parameter online = True); the response is "
            "then saved there with its download date and later runs work offline. The chapter "
            "runs without it."
        )
    source = urls if isinstance(urls, str) else urls(1)
    responses = []
    try:
        if isinstance(urls, str):
            responses.append(_fetch_json(urls))
        else:
            page, pages = 1, 1
            while page <= pages:
                body = _fetch_json(urls(page))
                responses.append(body)
                pages = (
                    int(body[0].get("pages", 1))
                    if isinstance(body, list)
                    and body
                    and isinstance(body[0], dict)
                    else 1
                )
                page += 1
    except OSError as error:  # URLError, timeouts, refused connections
        raise OnlineDataUnavailable(
            f"{what}: the download from {source} failed ({error}); check the connection, or run "
            "with online=False to use a cached copy"
        ) from error
    for body in responses:
        if check is not None:
            check(body)
    record = {
        "source": source,
        "downloaded": datetime.date.today().isoformat(),
        "responses": responses,
    }
    folder.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    return record


def world_bank(
    indicator: str,
    start: int,
    end: int | None = None,
    online: bool = False,
    cache_dir: str | Path | None = None,
) -> Download:
    """A World Bank indicator for every economy and aggregate, ``start`` to ``end``, from the World
    Bank's public API (v2, JSON), cached on disk with the date of download.

    Returns a :class:`Download` whose ``values`` have columns ``iso3, economy, year, value,
    aggregate`` (rows without a value dropped), with the indicator, its source URL and the download
    date. With ``online=False`` (the default) only the cache is read, and a missing cache raises
    :class:`OnlineDataUnavailable` saying what to do. The API answers for the aggregates too (World,
    income groups, regions); ``aggregate`` marks them (:data:`WORLD_BANK_AGGREGATES`).

    Parameters
    ----------
    indicator
        A World Development Indicators code (upper-case letters and digits in dot-separated
        parts), e.g. one of :data:`WORLD_BANK_INDICATORS`.
    start
        The first year, 1960 or later.
    end
        The last year, at least ``start``; ``None`` takes ``start`` (one year).
    online
        Download the data (every page of the API's answer) and write them to the cache;
        ``False`` reads the cache only.
    cache_dir
        The cache folder; ``None`` takes :func:`helpers.paths.online_cache_dir`. The file is
        ``worldbank_<indicator>_<start>_<end>.json``.

    Returns
    -------
    Download
        ``values`` on a default index with ``iso3`` (text), ``economy`` (the World Bank's name),
        ``year`` (int), ``value`` (float, in the indicator's unit) and ``aggregate`` (bool);
        ``indicator``; ``source`` (the URL of the first page); ``downloaded`` (the date of
        download, ISO format, kept from the cache).

    Raises
    ------
    helpers.errors.InputError
        If ``indicator`` is not a code, or ``start`` and ``end`` are not integer years from 1960
        with ``start <= end``.
    OnlineDataUnavailable
        If ``online=False`` and nothing is cached, or the download fails.
    helpers.data.DataError
        If the answer is not in the API's format, is the API's error message, or holds no values.
    """
    import re

    if not isinstance(indicator, str) or not re.fullmatch(
        r"[A-Z0-9]+(\.[A-Z0-9]+)+", indicator
    ):
        raise InputError(
            "indicator must be a World Development Indicators code such as "
            f"{', '.join(WORLD_BANK_INDICATORS)}, got {indicator!r}"
        )
    end = start if end is None else end
    if not (
        isinstance(start, int)
        and isinstance(end, int)
        and 1960 <= start <= end
    ):
        raise InputError(
            f"start and end must be years from 1960 with start <= end, got {start!r}, {end!r}"
        )
    key = f"worldbank_{indicator}_{start}_{end}"
    what = f"World Bank indicator {indicator} ({start}-{end})"
    record = _cached_response(
        key,
        lambda page: WORLD_BANK_URL.format(
            indicator=indicator, start=start, end=end, page=page
        ),
        online,
        cache_dir,
        what,
    )
    rows = []
    for body in record["responses"]:
        if not (isinstance(body, list) and body and isinstance(body[0], dict)):
            raise DataError(
                f"{what}: unexpected response format (expected [metadata, rows])"
            )
        if "message" in body[0]:
            messages = "; ".join(
                m.get("value", str(m)) for m in body[0]["message"]
            )
            raise DataError(
                f"{what}: the World Bank API answered with an error: {messages}"
            )
        for item in body[1] if len(body) > 1 and body[1] else []:
            if item.get("value") is None:
                continue
            iso3 = item.get("countryiso3code") or item["country"]["id"]
            rows.append(
                {
                    "iso3": iso3,
                    "economy": item["country"]["value"],
                    "year": int(item["date"]),
                    "value": float(item["value"]),
                    "aggregate": iso3 in WORLD_BANK_AGGREGATES,
                }
            )
    if not rows:
        raise DataError(f"{what}: the response holds no values")
    return Download(
        pd.DataFrame(rows), indicator, record["source"], record["downloaded"]
    )


def imf_datamapper(
    indicator: str = "AI_PI",
    online: bool = False,
    cache_dir: str | Path | None = None,
) -> Download:
    """An IMF DataMapper indicator (default ``AI_PI``, the AI Preparedness Index) for every economy
    and year, from the DataMapper API (v1, JSON), cached on disk with the date of download.

    Returns a :class:`Download` whose ``values`` have columns ``iso3, year, value``. Offline
    behaviour as :func:`world_bank`.

    Parameters
    ----------
    indicator
        A DataMapper code (letters, digits and underscores).
    online
        Download the data and write them to the cache; ``False`` reads the cache only.
    cache_dir
        The cache folder; ``None`` takes :func:`helpers.paths.online_cache_dir`. The file is
        ``imf_<indicator>.json``.

    Returns
    -------
    Download
        ``values`` on a default index with ``iso3`` (every code the DataMapper answers for; groups
        of economies are not flagged), ``year`` (int) and ``value`` (float), years without a value
        left out;
        ``indicator``; ``source`` (the URL); ``downloaded`` (the date of download, ISO format).

    Raises
    ------
    helpers.errors.InputError
        If ``indicator`` is not a DataMapper code.
    OnlineDataUnavailable
        If ``online=False`` and nothing is cached, the download fails, or the answer has no
        ``values`` (nothing is cached then).
    helpers.data.DataError
        If the answer is not a JSON object or holds no values for ``indicator``.
    """
    if (
        not isinstance(indicator, str)
        or not indicator.replace("_", "").isalnum()
    ):
        raise InputError(
            f"indicator must be a DataMapper code such as 'AI_PI', got {indicator!r}"
        )
    what = f"IMF DataMapper indicator {indicator}"

    def holds_values(body) -> None:
        if not isinstance(body, dict):
            raise DataError(
                f"{what}: unexpected response format (expected a JSON object)"
            )
        if "values" not in body:
            # the DataMapper's answer to a request it cannot serve: HTTP 200, no "values" key
            raise OnlineDataUnavailable(
                f"{what}: the DataMapper answered without any values, so it has no data for this "
                "request; check the indicator code (chapter 6 uses AI_PI)"
            )

    record = _cached_response(
        f"imf_{indicator}",
        IMF_DATAMAPPER_URL.format(indicator=indicator),
        online,
        cache_dir,
        what,
        check=holds_values,
    )
    body = record["responses"][0]
    series = body["values"].get(indicator)
    if not series:
        raise DataError(
            f"{what}: the response holds no values for {indicator!r} (is the code right?)"
        )
    rows = [
        {"iso3": iso3, "year": int(year), "value": float(value)}
        for iso3, by_year in series.items()
        for year, value in by_year.items()
        if value is not None
    ]
    return Download(
        pd.DataFrame(rows), indicator, record["source"], record["downloaded"]
    )
