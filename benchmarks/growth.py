"""How the cost of the estimators grows (``make bench`` runs it; never part of the test suite).

1. The panel VAR (``helpers.pvar``, two-step, FOD, 5 variables, lag 1, simulated with a fixed
   seed) for N = 30, 300 and 3,000 units and T = 13 and 30 periods, with every available
   instrument lag and collapsed: fit time (median of a few fits) and peak memory (tracemalloc,
   which sees numpy's buffers), each case in a fresh process. A case whose memory, extrapolated
   linearly in N from the smaller panels measured, would pass ``--memory-gb`` is not run; its
   prediction is recorded instead.
2. The Monte Carlos against their replication counts: chapter 5's ADF rejection rates (14 sample
   sizes) and chapter 4's IRF bands, for 250, 1,000 and 4,000 replications. (Chapter 7 has no
   replication loop: its simulations are single seeded panels.)

Each series gets the slope of log cost on log size (1 is linear growth). ``--figure`` draws the
log-log figure the README shows. Prints JSON.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
import tracemalloc
import warnings
from pathlib import Path

import numpy as np

UNITS = (30, 300, 3000)
PERIODS = (13, 30)
REPLICATIONS = (250, 1000, 4000)
VARIABLES = 5


def simulated_panel(n_units: int, n_periods: int):
    from helpers import pvar

    coefs = 0.4 * np.eye(VARIABLES) + 0.05  # stable: largest eigenvalue 0.65
    return pvar.pvar_panel(
        coefs, n_units=n_units, n_periods=n_periods, seed=19
    )


def fit(panel, collapse: bool):
    from helpers import pvar

    names = [c for c in panel.columns if c not in ("entity", "time")]
    with warnings.catch_warnings():
        # too many instruments for few units: the point here
        warnings.simplefilter("ignore")
        return pvar.PanelVAR(
            panel,
            names,
            entity="entity",
            time="time",
            transform="fod",
            collapse=collapse,
        ).fit()


def one_case(n_units: int, n_periods: int, collapse: bool) -> dict:
    """Fit time and peak memory of one panel size, in this process."""
    panel = simulated_panel(n_units, n_periods)
    tracemalloc.start()  # the first fit traced for memory (tracing slows it, so untimed)
    result = fit(panel, collapse)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    seconds = []
    # five timed fits, or as many as fit in 10 s
    while len(seconds) < 5 and sum(seconds) < 10:
        start = time.perf_counter()
        fit(panel, collapse)
        seconds.append(time.perf_counter() - start)
    runs = len(seconds)
    return {
        "units": n_units,
        "periods": n_periods,
        "collapse": collapse,
        "instruments_per_equation": int(result.n_instruments),
        "seconds": statistics.median(seconds),
        "peak_mb": peak / 1e6,
        "runs": runs,
    }


def slope(sizes, costs) -> float | None:
    if len(sizes) < 2:
        return None
    return float(np.polyfit(np.log(sizes), np.log(costs), 1)[0])


def pvar_growth(memory_gb: float) -> list[dict]:
    series = []
    for n_periods in PERIODS:
        for collapse in (True, False):
            cases = []
            for n_units in UNITS:
                measured = [c for c in cases if "predicted_peak_mb" not in c]
                if measured:
                    # memory is linear in N (per-unit moment blocks); from the largest measured
                    last = measured[-1]
                    predicted = last["peak_mb"] * n_units / last["units"]
                    if predicted > memory_gb * 1e3:
                        cases.append(
                            {
                                "units": n_units,
                                "periods": n_periods,
                                "collapse": collapse,
                                "instruments_per_equation": last[
                                    "instruments_per_equation"
                                ],
                                "predicted_peak_mb": predicted,
                            }
                        )
                        continue
                print(
                    f"  N={n_units} T={n_periods} collapse={collapse} ...",
                    file=sys.stderr,
                    flush=True,
                )
                out = subprocess.run(
                    [
                        sys.executable,
                        __file__,
                        "--case",
                        str(n_units),
                        str(n_periods),
                        str(int(collapse)),
                    ],
                    capture_output=True,
                    text=True,
                    check=True,
                )
                cases.append(json.loads(out.stdout))
            measured = [c for c in cases if "seconds" in c]
            series.append(
                {
                    "periods": n_periods,
                    "collapse": collapse,
                    "cases": cases,
                    "time_slope": slope(
                        [c["units"] for c in measured],
                        [c["seconds"] for c in measured],
                    ),
                    "memory_slope": slope(
                        [c["units"] for c in measured],
                        [c["peak_mb"] for c in measured],
                    ),
                }
            )
    return series


def monte_carlo_growth() -> list[dict]:
    from helpers import indices, pvar
    from helpers.timeseries import adf_rejection_rates
    from helpers.timeseries.widget import ADFPowerExplorer

    scores = indices.dimension_scores(indices.load_panel())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        results = pvar.PanelVAR(
            scores,
            list(indices.DIMENSIONS),
            entity="province_zh",
            time="year",
            transform="fod",
            collapse=True,
            instrument_lags=(2, 4),
            steps="onestep",
        ).fit()
    jobs = {
        "chapter 5: ADF rejection rates, 14 sample sizes, one root": lambda n: (
            adf_rejection_rates(ADFPowerExplorer.SIZES, [0.9], n, 1)
        ),
        "chapter 4: IRF bands, 5 variables, 10 horizons": lambda n: (
            results.irf_bands(10, n_reps=n, seed=1)
        ),
    }
    series = []
    for name, job in jobs.items():
        points = []
        for n in REPLICATIONS:
            seconds = []
            for _ in range(3):
                start = time.perf_counter()
                job(n)
                seconds.append(time.perf_counter() - start)
            points.append(
                {"replications": n, "seconds": statistics.median(seconds)}
            )
        series.append(
            {
                "monte_carlo": name,
                "points": points,
                "time_slope": slope(
                    [p["replications"] for p in points],
                    [p["seconds"] for p in points],
                ),
            }
        )
    return series


def figure(results: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    fig = Figure(figsize=(10, 4), dpi=100)
    left, right = fig.subplots(1, 2)
    for s in results["pvar"]:
        measured = [c for c in s["cases"] if "seconds" in c]
        label = (
            f"T = {s['periods']}, {'collapsed' if s['collapse'] else 'every lag'}"
            + (
                f" (slope {s['time_slope']:.2f})"
                if s["time_slope"] is not None
                else ""
            )
        )
        left.plot(
            [c["units"] for c in measured],
            [c["seconds"] for c in measured],
            "o-",
            label=label,
        )
        right.plot(
            [c["units"] for c in measured],
            [c["peak_mb"] for c in measured],
            "o-",
            label=f"T = {s['periods']}, {'collapsed' if s['collapse'] else 'every lag'}",
        )
        predicted = [c for c in s["cases"] if "predicted_peak_mb" in c]
        if predicted and measured:
            right.plot(
                [measured[-1]["units"]] + [c["units"] for c in predicted],
                [measured[-1]["peak_mb"]]
                + [c["predicted_peak_mb"] for c in predicted],
                ":",
                color=right.lines[-1].get_color(),
            )
    for ax, what in ((left, "fit time (s)"), (right, "peak memory (MB)")):
        ax.set(xscale="log", yscale="log", xlabel="units N", ylabel=what)
        ax.grid(True, which="major", lw=0.4, color="0.85")
    left.set_title(
        "Panel VAR two-step fit, 5 variables, lag 1, FOD", fontsize=10
    )
    right.set_title("Peak memory (dotted: extrapolated, not run)", fontsize=10)
    left.legend(fontsize=8)
    fig.subplots_adjust(
        left=0.08, right=0.98, bottom=0.13, top=0.9, wspace=0.28
    )
    fig.savefig(path)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--case", nargs=3, type=int, metavar=("N", "T", "COLLAPSE")
    )
    parser.add_argument(
        "--memory-gb",
        type=float,
        default=6.0,
        help="skip (and extrapolate) a panel-VAR case predicted to need more than this",
    )
    parser.add_argument(
        "--figure", type=Path, help="write the log-log figure here"
    )
    args = parser.parse_args()
    if args.case:
        n_units, n_periods, collapse = args.case
        print(json.dumps(one_case(n_units, n_periods, bool(collapse))))
        return
    results = {
        "pvar": pvar_growth(args.memory_gb),
        "monte_carlo": monte_carlo_growth(),
    }
    if args.figure:
        figure(results, args.figure)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
