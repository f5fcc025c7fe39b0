"""Rewrite the README's performance table from ``benchmarks/results/latest.json``.

``make bench`` runs it after ``benchmarks/run.py``, so the README shows the figures of the last
measurement and no hand-typed ones. The table sits between the markers ``<!-- bench:start -->``
and ``<!-- bench:end -->``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "benchmarks"))
from run import TARGETS, WORST_CASE  # noqa: E402

START, END = "<!-- bench:start -->", "<!-- bench:end -->"
#: What each measure is, in the README's words; the unit is the key's suffix.
LABELS = {
    "full_build_s": "Full build from an empty `_build`, pages read in parallel (`make book`)",
    "full_build_serial_s": "The same build read serially (`BOOK_JOBS=1`), side by side",
    "prose_rebuild_s": "Rebuild after editing prose only (chapter 1 re-executes)",
    "widget_update_ms": "Chapter 1 widget update",
    "panel_indices_ms": "Entropy weights, both indices and C, T, D on the simulated panel",
    "weight_widget_ms": "Chapter 2 widget update",
    "coupling_widget_ms": "Chapter 3 widget update",
    "pvar_twostep_ms": "PVAR two-step fit, simulated panel (30 x 13, 5 variables, lag 1, "
    "every instrument lag), building included",
    "pvar_irf_draws_ms": "PVAR fit plus 1000 Monte Carlo IRF draws",
    "pvar_widget_ms": "Chapter 4 widget update: re-estimate and redraw 25 IRF panels",
    "johansen_ms": "Johansen test, 8 series, 2 lagged differences (`helpers.timeseries`)",
    "coint_johansen_ms": "statsmodels' `coint_johansen`, same data and case",
    "adf_widget_ms": "Chapter 5 ADF widget update (2000 samples at each of 14 sizes)",
    "fevd_widget_ms": "Chapter 5 FEVD widget update",
}


def _value(value: float, unit: str) -> str:
    return (
        f"{value:.1f} {unit}"
        if unit == "s" or value < 10
        else f"{value:.0f} {unit}"
    )


def verdict(key: str, result: dict) -> str:
    target = TARGETS.get(key)
    if target is None:
        return "reported"
    measured = result["max"] if key in WORST_CASE else result["median"]
    if measured < target:
        return "met"
    return f"missed by {measured / target - 1:.0%}"


def table(results: dict) -> str:
    lines = [
        "| Measure | Median | Worst | Target | Verdict |",
        "|---|---|---|---|---|",
    ]
    for key, label in LABELS.items():
        if key not in results:
            continue
        r, unit = results[key], key.rsplit("_", 1)[1]
        target = f"< {_value(TARGETS[key], unit)}" if key in TARGETS else "-"
        lines.append(
            f"| {label} ({r['runs']} runs) | {_value(r['median'], unit)} | "
            f"{_value(r['max'], unit)} | {target} | {verdict(key, r)} |"
        )
    machine = results["machine"]
    notes = [
        "",
        f"Measured on {machine['cpus']} cores, Python {machine['python']}, "
        f"{machine['platform']}.",
    ]
    if "build_parallel_speedup" in results:
        notes.append(
            "Parallel speed-up of the full build (serial median / parallel median, one run): "
            f"{results['build_parallel_speedup']:.2f}."
        )
    if "page_bytes" in results:
        sizes = results["page_bytes"]
        pages = {k: v for k, v in sizes.items() if k != "index.html"}
        largest = max(pages, key=pages.get)
        notes.append(
            "Bytes a page loads (HTML, scripts and style sheets, uncompressed; fonts and images "
            f"left out): front page `book/intro.html` {sizes['book/intro.html'] / 1e6:.2f} MB, "
            f"largest `{largest}` {pages[largest] / 1e6:.2f} MB, median "
            f"{sorted(pages.values())[len(pages) // 2] / 1e6:.2f} MB over {len(pages)} pages."
        )
    return "\n".join(lines + notes)


def main() -> None:
    results = json.loads(
        (REPO / "benchmarks" / "results" / "latest.json").read_text("utf-8")
    )
    readme = REPO / "README.md"
    text = readme.read_text("utf-8")
    if START not in text or END not in text:
        sys.exit(f"README.md lacks the markers {START} and {END}")
    before, rest = text.split(START, 1)
    _, after = rest.split(END, 1)
    readme.write_text(
        before + START + "\n" + table(results) + "\n" + END + after, "utf-8"
    )
    print("README.md: performance table rewritten from latest.json")


if __name__ == "__main__":
    main()
