"""Performance measurements for the book (``make bench``); never part of the test suite.

Measures, each over repeated runs with the median reported:

1. the full book build (``jupyter-book build . -W -n --keep-going``, what ``make book`` runs)
   from an empty ``_build``, in a scratch copy of the repository;
2. a rebuild after editing only prose (a markdown cell of chapter 1): Sphinx re-reads that
   chapter alone and replays its stored run (``book/_ext/execution_cache.py``);
3. the latency of the chapter 1 widget's callback (recompute the table and redraw the figure);
4. entropy weights and the AI and employment-quality indices, and the coupling coordination degree,
   for the whole simulated Gan & Zhang panel (30 provinces x 13 years x 31 indicators);
5. the latency of the chapter 2 and chapter 3 widgets' callbacks;
6. the panel VAR on the simulated panel (30 provinces x 13 years, 5 variables, lag 1, FOD, every
   available instrument lag): a two-step fit including building the instruments, 1000 Monte Carlo
   IRF draws, and the chapter 4 widget's callback (re-estimate or re-orthogonalise, redraw);
7. the time-series helpers: the Johansen test (8 series, 2 lagged differences, statsmodels' test
   data) beside statsmodels' ``coint_johansen``, and the callbacks of chapter 5's two widgets (the
   ADF Monte Carlo with 2000 replications per sample size, every other update at a new root; and
   the FEVD ordering/horizon);
8. helpers.pvar against pydynpd on the same models, estimates checked to agree to 1e-6 before
   either is timed (``benchmarks/compare_pvar.py``, in the ``compare`` extra's own environment);
9. how cost grows: the panel VAR for N = 30, 300, 3000 and T = 13, 30, collapsed and not, and the
   Monte Carlos against their replications (``benchmarks/growth.py``; figure ``growth.png``);
10. the two test tiers (``tests``): ``make test`` (median of three runs, warm ``.venv``) and
   ``make check`` once in a fresh clone of the committed HEAD, install included, as CI runs it;
   and (``overhead``) what each chapter's execution pays before its content (kernel start, the
   setup and import cells) beside the whole chapter at its fast parameters;
11. the reader's install (``.[lab]``) and the development environment, each fresh from a warm pip
   cache: seconds and megabytes.

The full build is also run serially (BOOK_JOBS=1) side by side, and the ratio of the medians is
the parallel speed-up; the bytes each page loads (HTML, scripts, style sheets) are recorded.
``--sections`` re-measures a subset; the others keep their last figures and the date they were
measured (``measured`` in the JSON, shown under the README's table).

Targets: full build under 35 s on a 2-core machine, prose-only rebuild under 5 s, ``make test``
under 2 minutes and ``make check`` under 25 minutes from a fresh clone (issue 26), and the
reader's install under 500 MB and 60 s (issue 19; issue 2 asked 30 s for three chapters); every
widget update under 300 ms (issue 19), under 100 ms where issue 2 set that;
entropy weights and coupling degrees for the full panel under 50 ms (issue 3); PVAR two-step fit
under 100 ms and 1000 IRF draws under 2 s (issue 4). Results are printed and written to
``benchmarks/results/latest.json``.

Usage: ``python benchmarks/run.py [--builds N] [--rebuilds N] [--updates N] [--sections ...]``
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

import nbformat

REPO = Path(__file__).resolve().parents[1]
JUPYTER_BOOK = Path(sys.executable).with_name("jupyter-book")
COPY_IGNORE = shutil.ignore_patterns(
    ".venv",
    ".venv-compare",
    "_build",
    ".git",
    "__pycache__",
    ".pytest_cache",
    ".hypothesis",
    "results",
    "*.egg-info",
)
#: issue 19: the reader's install from a warm pip cache
INSTALL_TARGETS = {"seconds": 60.0, "megabytes": 500.0}
TARGETS = {
    "full_build_s": 35.0,
    "make_test_s": 120.0,
    "make_check_s": 1500.0,
    "prose_rebuild_s": 5.0,
    "widget_update_ms": 100.0,
    "panel_indices_ms": 50.0,
    "weight_widget_ms": 100.0,
    "coupling_widget_ms": 100.0,
    "pvar_twostep_ms": 100.0,
    "pvar_irf_draws_ms": 2000.0,
    "pvar_widget_ms": 300.0,
    "adf_widget_ms": 300.0,
    "fevd_widget_ms": 100.0,
}
#: The packages whose versions the results record (what the timings depend on).
PACKAGES = [
    "jupyter-book",
    "sphinx",
    "myst-nb",
    "nbclient",
    "ipykernel",
    "numpy",
    "scipy",
    "pandas",
    "statsmodels",
    "matplotlib",
    "ipywidgets",
]
WORST_CASE = {
    "widget_update_ms"
}  # issue 2: every update; issue 3 states medians (max still reported)


def build(root: Path, jobs: int | None = None) -> float:
    """Build the book in ``root``; return the wall time in seconds. ``jobs`` sets BOOK_JOBS
    (book/_ext/parallel.py: 1 reads serially; unset, one process per core)."""
    env = dict(os.environ)
    env.pop("BOOK_JOBS", None)
    if jobs is not None:
        env["BOOK_JOBS"] = str(jobs)
    start = time.perf_counter()
    result = subprocess.run(
        [str(JUPYTER_BOOK), "build", ".", "-W", "-n", "--keep-going"],
        cwd=root,
        capture_output=True,
        text=True,
        env=env,
    )
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(
            f"build failed in {root}:\n{(result.stdout + result.stderr)[-4000:]}"
        )
    return elapsed


def scratch_copy(parent: Path, name: str) -> Path:
    target = parent / name
    shutil.copytree(REPO, target, ignore=COPY_IGNORE)
    return target


def full_builds(n: int, parent: Path) -> dict[str, list[float]]:
    """Each run in a fresh copy, so nothing is reused from an earlier build: the parallel build
    (what ``make book`` runs) and, side by side, the same build read serially (BOOK_JOBS=1),
    whose time is the sum of the pages' own reading, chapters' execution included."""
    times = {"parallel": [], "serial": []}
    for i in range(n):
        times["parallel"].append(build(scratch_copy(parent, f"full{i}")))
        times["serial"].append(
            build(scratch_copy(parent, f"serial{i}"), jobs=1)
        )
    return times


def page_bytes(html: Path) -> dict[str, int]:
    """Bytes a browser loads for each page, uncompressed: the HTML and the book's own scripts and
    style sheets it references (fonts and images left out)."""
    pattern = re.compile(r'(?:src|href)="([^"#?]+\.(?:js|css))(?:\?[^"]*)?"')
    sizes = {}
    for page in sorted(html.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        assets = {
            (page.parent / ref).resolve()
            for ref in pattern.findall(text)
            if "://" not in ref
        }
        sizes[str(page.relative_to(html))] = len(text.encode()) + sum(
            a.stat().st_size for a in assets if a.is_file()
        )
    return sizes


def explorer_bytes(html: Path) -> dict[str, int]:
    """Bytes of each chapter page's explorers in the HTML book (``helpers._widget.BookExplorer``:
    controls, and every precomputed view's image, status and table)."""
    block = re.compile(r'<div class="book-explorer".*?</script></div>', re.S)
    return {
        page.stem: sum(
            len(m.encode())
            for m in block.findall(page.read_text(encoding="utf-8"))
        )
        for page in sorted((html / "chapters").glob("*.html"))
    }


def prose_rebuilds(n: int, parent: Path) -> list[float]:
    """Build once, then edit a markdown cell of chapter 1 and rebuild, ``n`` times."""
    root = scratch_copy(parent, "prose")
    build(root)
    chapter = sorted((root / "chapters").glob("01_*.ipynb"))[0]
    times = []
    for i in range(n):
        nb = nbformat.read(chapter, as_version=4)
        markdown = next(c for c in nb.cells if c.cell_type == "markdown")
        markdown.source += f"\n\n(Benchmark edit {i}.)"
        nbformat.write(nb, chapter)
        times.append(build(root))
    return times


def widget_updates(n: int) -> list[float]:
    """Milliseconds per callback, cycling through thresholds and both groupings."""
    import matplotlib

    matplotlib.use("Agg")
    from helpers import data, regional
    from helpers.regional.widget import ThresholdExplorer

    ai = regional.attach_provinces(
        data.load("fang2025_ai_competitiveness")
    ).set_index("name_en")
    explorer = ThresholdExplorer(ai["index"], ai[["region", "belt"]])
    grouping, threshold = (
        explorer.controls["grouping"],
        explorer.controls["threshold"],
    )
    lo, hi = threshold.min, threshold.max
    times = []
    for i in range(n):
        start = time.perf_counter()
        if i % 5 == 4:
            grouping.value = "belt" if grouping.value == "region" else "region"
        else:
            threshold.value = lo + (hi - lo) * ((i * 0.37) % 1.0)
        times.append((time.perf_counter() - start) * 1000)
    return times


def panel_indices(n: int) -> list[float]:
    """Milliseconds for entropy weights, both two-level indices and C, T, D on the full panel."""
    from helpers import coupling, data, indices

    panel = data.load("gan_zhang_simulated_panel").set_index(
        ["province_zh", "year"]
    )
    system = data.load("gan_zhang_indicators")
    times = []
    for _ in range(n):
        start = time.perf_counter()
        results = indices.system_indices(panel, system, panel="pooled")
        coupling.coordination_degree(results["AI"].index, results["EMP"].index)
        times.append((time.perf_counter() - start) * 1000)
    return times


def gan_zhang_widget_updates(n: int) -> dict[str, list[float]]:
    """Milliseconds per callback of the chapter 2 and chapter 3 widgets."""
    import matplotlib

    matplotlib.use("Agg")
    from helpers import data
    from helpers.coupling.widget import CouplingExplorer
    from helpers.indices.widget import WeightExplorer

    panel = data.load("gan_zhang_simulated_panel").set_index(
        ["province_zh", "year"]
    )
    system = data.load("gan_zhang_indicators").query("system == 'AI'")
    weights = WeightExplorer(
        panel[list(system["indicator"])],
        dict(zip(system["indicator"], system["direction"])),
    )
    options = [
        ("standardize", "none"),
        ("standardize", "minmax"),
        ("zero", "limit"),
        ("zero", "shift"),
        ("panel", "mean_of_years"),
        ("panel", "last_year"),
        ("panel", "pooled"),
    ]
    sliders = CouplingExplorer()
    times = {"weight_widget_ms": [], "coupling_widget_ms": []}
    for i in range(n):
        control, value = options[i % len(options)]
        start = time.perf_counter()
        weights.controls[control].value = value
        times["weight_widget_ms"].append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        list(sliders.controls.values())[i % 3].value = round(
            0.05 + (i * 0.37) % 0.9, 2
        )
        times["coupling_widget_ms"].append(
            (time.perf_counter() - start) * 1000
        )
    return times


def pvar_timings(n: int) -> dict[str, list[float]]:
    """Milliseconds: helpers.pvar two-step fit, 1000 Monte Carlo IRF draws, and the chapter 4
    widget's callback."""
    import warnings

    import matplotlib

    matplotlib.use("Agg")
    from helpers import indices, pvar
    from helpers.pvar.widget import PVARExplorer

    names = indices.DIMENSIONS
    scores = indices.dimension_scores(indices.load_panel())
    times = {
        "pvar_twostep_ms": [],
        "pvar_irf_draws_ms": [],
        "pvar_widget_ms": [],
    }
    with warnings.catch_warnings():
        # every instrument lag: 1375 moment conditions for 30 units, which the fit rightly warns
        # about
        warnings.simplefilter("ignore")
        for _ in range(n):
            start = time.perf_counter()
            result = pvar.PanelVAR(
                scores,
                names,
                entity="province_zh",
                time="year",
                transform="fod",
            ).fit()
            times["pvar_twostep_ms"].append(
                (time.perf_counter() - start) * 1000
            )
            start = time.perf_counter()
            pvar.PanelVAR(
                scores,
                names,
                entity="province_zh",
                time="year",
                transform="fod",
                collapse=True,
                instrument_lags=(2, 4),
                steps="onestep",
            ).fit().irf_bands(10, n_reps=1000, seed=1)
            times["pvar_irf_draws_ms"].append(
                (time.perf_counter() - start) * 1000
            )
        explorer = PVARExplorer(
            scores,
            names,
            {"paper": names, "reversed": names[::-1]},
            entity="province_zh",
            time="year",
            collapse=True,
            instrument_lags=(2, 4),
            steps="onestep",
        )
        choices = [
            ("ordering", "reversed"),
            ("transform", "fd"),
            ("lags", 2),
            ("ordering", "paper"),
            ("transform", "fod"),
            ("lags", 1),
        ]
        for i in range(max(6, n // 2)):
            control, value = choices[i % len(choices)]
            start = time.perf_counter()
            explorer.controls[control].value = value
            times["pvar_widget_ms"].append(
                (time.perf_counter() - start) * 1000
            )
    del result
    return times


def timeseries_timings(n: int) -> dict[str, list[float]]:
    """Milliseconds: helpers.timeseries.johansen and statsmodels' coint_johansen on the same data,
    and the callbacks of chapter 5's widgets."""
    from importlib import resources

    import matplotlib
    import numpy as np
    import pandas as pd

    matplotlib.use("Agg")
    from statsmodels.tsa.vector_ar.vecm import coint_johansen

    from helpers import data, timeseries
    from helpers.timeseries.widget import ADFPowerExplorer, FEVDExplorer

    path = (
        resources.files("statsmodels")
        / "tsa"
        / "vector_ar"
        / "tests"
        / "Matlab_results"
        / "test_coint.csv"
    )
    coint = pd.read_csv(path, header=None, sep=r"\s+")
    times = {
        "johansen_ms": [],
        "coint_johansen_ms": [],
        "adf_widget_ms": [],
        "fevd_widget_ms": [],
    }
    for _ in range(n):
        start = time.perf_counter()
        timeseries.johansen(coint, 2, "c")
        times["johansen_ms"].append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        coint_johansen(coint.to_numpy(), 0, 2)
        times["coint_johansen_ms"].append((time.perf_counter() - start) * 1000)
    adf = ADFPowerExplorer(nobs=20, root=0.9, n_reps=2000, seed=1)
    # every other update a root not seen before (a new Monte Carlo at all 14 sizes; the
    # explorer keeps each root's rates), in between a new T (the kept curve, one new histogram)
    roots = [1.0, 0.7, 0.95, 0.8, 0.6, 0.85, 0.75, 0.99, 0.65, 0.5]
    sizes = [50, 10, 30, 100, 5]
    for i in range(n):
        control, value = (
            ("root", roots[i // 2 % len(roots)])
            if i % 2 == 0
            else ("nobs", sizes[i // 2 % len(sizes)])
        )
        start = time.perf_counter()
        adf.controls[control].value = value
        times["adf_widget_ms"].append((time.perf_counter() - start) * 1000)
    growth = (
        100
        * np.log(data.load_series(None, list(data.MACRO_SERIES)))
        .diff()
        .dropna()
    )
    fevd = FEVDExplorer(
        timeseries.var_report(growth, maxlags=8).results, max_horizon=20
    )
    orderings = list(fevd.orderings)
    for i in range(n):
        start = time.perf_counter()
        if i % 2:
            fevd.controls["horizon"].value = 1 + (i % 20)
        else:
            fevd.controls["ordering"].value = orderings[i % len(orderings)]
        times["fevd_widget_ms"].append((time.perf_counter() - start) * 1000)
    return times


def _tests_counted(log: str) -> dict[str, int]:
    """pytest's closing counts ("631 passed, 3 skipped in 40s") from a log."""
    closing = [
        line
        for line in log.splitlines()
        if " in " in line and "passed" in line
    ]
    counts = re.findall(
        r"(\d+) (passed|failed|skipped|errors?)",
        closing[-1] if closing else "",
    )
    return {kind: int(n) for n, kind in counts}


def _timed_make(target: str, where: Path, log: Path) -> tuple[float, dict]:
    """Seconds of ``make <target>`` in ``where`` and pytest's counts; stops the bench, leaving
    the whole log in ``log``, if it fails."""
    env = {k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}
    start = time.perf_counter()
    out = subprocess.run(
        ["make", target], cwd=where, capture_output=True, text=True, env=env
    )
    seconds = time.perf_counter() - start
    log.parent.mkdir(exist_ok=True)
    log.write_text(out.stdout + out.stderr, encoding="utf-8")
    if out.returncode != 0:
        sys.exit(
            f"make {target} failed (its whole log: {log}):\n{out.stdout[-3000:]}"
        )
    return seconds, _tests_counted(out.stdout)


def test_tiers(runs: int, parent: Path) -> dict:
    """``make test`` ``runs`` times in the repository (its .venv warm), and ``make check`` once
    in a fresh clone of the committed HEAD (its install included, from a warm pip cache), as CI
    runs it."""
    logs = REPO / "_build"
    fast, counts = [], {}
    for i in range(runs):
        print(f"  make test, run {i + 1} of {runs} ...", flush=True)
        seconds, counts = _timed_make(
            "test", REPO, logs / "bench_make_test.log"
        )
        fast.append(seconds)
    clone = parent / "clone"
    subprocess.run(["git", "clone", "-q", str(REPO), str(clone)], check=True)
    # as in CI, the workspace's shared/ (the papers some tests read) lies beside the clone
    shared = REPO.parent / "shared"
    if shared.is_dir():
        (parent / "shared").symlink_to(shared)
    print("  make check in a fresh clone, install included ...", flush=True)
    seconds, check_counts = _timed_make(
        "check", clone, logs / "bench_make_check.log"
    )
    return {
        "make_test_s": summary(fast),
        "make_test_tests": counts,
        "make_check_s": summary([seconds]),
        "make_check_tests": check_counts,
    }


def execution_overhead(runs: int) -> dict:
    """What every execution of a chapter pays before its first cell of content: starting a kernel
    (until it answers), and the chapter's parameters, setup and import cells (the package and the
    scientific stack imported, the parameters validated); beside it the whole chapter at its fast
    parameters. Medians of ``runs`` executions per chapter, one chapter at a time."""
    import warnings

    from jupyter_client.manager import start_new_kernel
    from nbclient import NotebookClient

    out = {}
    for path in sorted((REPO / "chapters").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        code = [c for c in nb.cells if c.cell_type == "code"]
        first_import = next(
            i for i, c in enumerate(code) if "from helpers import" in c.source
        )
        fast = nbformat.v4.new_code_cell("fast = True")
        head = nbformat.v4.new_notebook(
            cells=[*code[: first_import + 1], fast]
        )
        # after the parameters, as papermill injects it
        head.cells.insert(1, fast)
        whole = nbformat.from_dict(json.loads(json.dumps(nb)))
        whole.cells.insert(1, nbformat.v4.new_code_cell("fast = True"))
        kernel, imports, chapter = [], [], []
        for _ in range(runs):
            start = time.perf_counter()
            manager, client = start_new_kernel(kernel_name="python3")
            kernel.append(time.perf_counter() - start)
            client.stop_channels()
            manager.shutdown_kernel(now=True)
            with (
                tempfile.TemporaryDirectory() as tmp,
                warnings.catch_warnings(),
            ):
                warnings.simplefilter("ignore")
                for notebook, times in ((head, imports), (whole, chapter)):
                    copy = nbformat.from_dict(json.loads(json.dumps(notebook)))
                    start = time.perf_counter()
                    NotebookClient(
                        copy,
                        resources={"metadata": {"path": tmp}},
                        timeout=600,
                    ).execute()
                    times.append(time.perf_counter() - start)
        k, i, c = (statistics.median(x) for x in (kernel, imports, chapter))
        out[path.stem] = {
            "kernel_s": round(k, 2),
            # the head's run includes its own kernel start
            "imports_s": round(max(i - k, 0.0), 2),
            "chapter_s": round(c, 2),
        }
        print(f"  {path.stem}: {out[path.stem]}", flush=True)
    return out


SCALE_UNITS = (285, 2800)
SCALE_CHAPTERS = (
    "01_regional_ai_competitiveness",
    "02_entropy_composite_index",
    "03_coupling_coordination",
    "04_panel_var_gmm",
)


def scale_inputs(n_units: int, folder: Path) -> dict[str, dict]:
    """Each of chapters 1-4's parameters for a SIMULATED panel of ``n_units`` cities
    (:func:`helpers.indices.simulate.city_panel`; 285 about China's prefecture-level cities, 2,800
    its counties), written as a replicator would pass it: the panel, and for chapter 1 an index
    (the latent AI score of the last year, scaled) and the shares of the 20 cities with most AI
    firms."""
    import numpy as np

    from helpers.indices.simulate import city_panel

    panel = city_panel(n_units)
    panel.to_csv(folder / "panel.csv", index=False)
    last = panel[panel["year"] == panel["year"].max()]
    last.assign(index=(10 * np.exp(last["latent_AI"])).round(3))[
        ["city", "region", "index"]
    ].to_csv(folder / "index.csv", index=False)
    shares = last.assign(
        firm_share_pct=100 * last["ai_firms"] / last["ai_firms"].sum(),
        patent_share_pct=100
        * last["ai_patents_per_researcher"]
        / last["ai_patents_per_researcher"].sum(),
    )
    shares.nlargest(20, "firm_share_pct")[
        ["city", "firm_share_pct", "patent_share_pct"]
    ].round(4).to_csv(folder / "shares.csv", index=False)
    common = {"unit": "city", "group": "region"}
    return {
        SCALE_CHAPTERS[0]: {
            **common,
            "data_path": str(folder / "index.csv"),
            "firms_path": str(folder / "shares.csv"),
        },
        **{
            stem: {**common, "data_path": str(folder / "panel.csv")}
            for stem in SCALE_CHAPTERS[1:]
        },
    }


def scale_runs(runs: int, parent: Path) -> dict:
    """Chapters 1-4 at their default parameters on simulated panels of 285 and 2,800 cities,
    through ``book-run`` (papermill, then the report), one chapter at a time: the wall time of
    each run, and the peak memory of its largest process (the kernel)."""
    import resource

    book_run = Path(sys.executable).with_name("book-run")
    out = {}
    for n_units in SCALE_UNITS:
        folder = parent / f"units{n_units}"
        folder.mkdir()
        inputs = scale_inputs(n_units, folder)
        out[str(n_units)] = {}
        for stem, parameters in inputs.items():
            seconds, peaks = [], []
            for i in range(runs):
                command = [
                    str(book_run),
                    str(REPO / "chapters" / f"{stem}.ipynb"),
                ]
                for name, value in {
                    **parameters,
                    "output_dir": str(folder / f"{stem}-{i}"),
                }.items():
                    command += ["-p", name, str(value)]
                start = time.perf_counter()
                done = subprocess.run(
                    command, capture_output=True, text=True, cwd=folder
                )
                seconds.append(time.perf_counter() - start)
                if done.returncode != 0:
                    sys.exit(
                        f"{stem} on {n_units} units failed:\n{done.stderr[-3000:]}"
                    )
                # the largest process waited for so far: runs only add, so this run's kernel
                # shows when it is the largest yet
                peaks.append(
                    resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
                    / 1024
                )
            out[str(n_units)][stem] = {
                "s": summary(seconds),
                "peak_mb_at_most": round(max(peaks)),
            }
            print(
                f"  {n_units} units, {stem}: {out[str(n_units)][stem]}",
                flush=True,
            )
    return out


def pvar_comparison(python: Path) -> dict:
    """helpers.pvar against pydynpd on the same models (benchmarks/compare_pvar.py), run with the
    comparison environment's Python (the ``compare`` extra: pydynpd needs numpy < 2.4)."""
    if not python.exists():
        return {
            "not_run": f"{python} is missing: make bench creates it (pip install -e '.[compare]')"
        }
    out = subprocess.run(
        [str(python), str(REPO / "benchmarks" / "compare_pvar.py")],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    if out.returncode != 0:
        sys.exit(
            f"compare_pvar.py failed:\n{(out.stdout + out.stderr)[-3000:]}"
        )
    return json.loads(out.stdout)


def cost_growth(figure: Path) -> dict:
    """benchmarks/growth.py: the panel VAR against N and T, the Monte Carlos against their
    replications; its log-log figure written to ``figure``."""
    out = subprocess.run(
        [
            sys.executable,
            str(REPO / "benchmarks" / "growth.py"),
            "--figure",
            str(figure),
        ],
        stdout=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    if out.returncode != 0:
        sys.exit("growth.py failed")
    return json.loads(out.stdout)


def installs(parent: Path) -> dict:
    """Seconds and megabytes of two fresh environments from a warm pip cache: the reader's
    (``pip install '.[lab]'``: run the chapters in JupyterLab) and the contributor's
    (``requirements.txt``, what ``make`` installs)."""
    results = {}
    for name, arguments in (
        ("reader", [str(REPO) + "[lab]"]),
        ("development", ["-r", str(REPO / "requirements.txt")]),
    ):
        venv = parent / f"venv-{name}"
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [
                str(venv / "bin" / "python"),
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                *arguments,
            ],
            check=True,
            cwd=REPO,
            capture_output=True,
        )
        seconds = time.perf_counter() - start
        size = sum(
            f.stat().st_size
            for f in venv.rglob("*")
            if f.is_file() and not f.is_symlink()
        )
        results[name] = {"seconds": seconds, "megabytes": size / 1e6}
    return results


def _installed(name: str) -> bool:
    try:
        metadata.version(name)
    except metadata.PackageNotFoundError:
        return False
    return True


def summary(values: list[float]) -> dict:
    return {
        "median": statistics.median(values),
        "min": min(values),
        "max": max(values),
        "runs": len(values),
    }


SECTIONS = (
    "builds",
    "tests",
    "overhead",
    "widgets",
    "compare",
    "growth",
    "installs",
    "scale",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--builds",
        type=int,
        default=3,
        help="full builds from an empty _build",
    )
    parser.add_argument(
        "--rebuilds", type=int, default=5, help="prose-only rebuilds"
    )
    parser.add_argument(
        "--updates", type=int, default=200, help="widget updates"
    )
    parser.add_argument(
        "--compare-python",
        type=Path,
        default=REPO / ".venv-compare" / "bin" / "python",
        help="the Python of the environment with the compare extra (pydynpd)",
    )
    parser.add_argument(
        "--sections",
        default=",".join(SECTIONS),
        help="comma-separated subset of "
        + ", ".join(SECTIONS)
        + "; the others keep their figures from the last latest.json, with its date",
    )
    args = parser.parse_args()
    sections = [x for x in args.sections.split(",") if x]
    unknown = set(sections) - set(SECTIONS)
    if unknown:
        parser.error(
            f"unknown sections {sorted(unknown)}; choose from {SECTIONS}"
        )
    os.environ.setdefault("JUPYTER_PLATFORM_DIRS", "1")
    out = REPO / "benchmarks" / "results"
    out.mkdir(exist_ok=True)
    latest = out / "latest.json"
    results = (
        json.loads(latest.read_text("utf-8"))
        if latest.exists() and len(sections) < len(SECTIONS)
        else {}
    )
    results.update(
        {
            "machine": {
                "cpus": os.cpu_count(),
                "python": platform.python_version(),
                "platform": platform.platform(),
            },
            "packages": {
                name: metadata.version(name)
                for name in PACKAGES
                if _installed(name)
            },
        }
    )
    measured = results.setdefault("measured", {})
    today = time.strftime("%Y-%m-%d")

    # each finished section is kept even if a later one stops the run (a failing test suite)
    try:
        if "builds" in sections:
            with tempfile.TemporaryDirectory() as tmp:
                parent = Path(tmp)
                print(
                    f"full build from an empty _build, {args.builds} runs ...",
                    flush=True,
                )
                builds = full_builds(args.builds, parent)
                results["full_build_s"] = summary(builds["parallel"])
                results["full_build_serial_s"] = summary(builds["serial"])
                results["build_parallel_speedup"] = round(
                    results["full_build_serial_s"]["median"]
                    / results["full_build_s"]["median"],
                    2,
                )
                results["page_bytes"] = page_bytes(
                    parent / "full0" / "_build" / "html"
                )
                results["explorer_bytes"] = explorer_bytes(
                    parent / "full0" / "_build" / "html"
                )
                print(
                    f"prose-only rebuild, {args.rebuilds} runs ...", flush=True
                )
                results["prose_rebuild_s"] = summary(
                    prose_rebuilds(args.rebuilds, parent)
                )
            measured["builds"] = today
        if "tests" in sections:
            print("the test tiers ...", flush=True)
            # the single tier before issue 26
            results.pop("test_suite_s", None)
            with tempfile.TemporaryDirectory() as tmp:
                results.update(test_tiers(3, Path(tmp)))
            measured["tests"] = today
        if "overhead" in sections:
            print(
                "per-execution overhead of the chapters, 3 runs ...",
                flush=True,
            )
            results["execution_overhead"] = execution_overhead(3)
            measured["overhead"] = today
        if "widgets" in sections:
            print(f"widget update, {args.updates} runs ...", flush=True)
            results["widget_update_ms"] = summary(widget_updates(args.updates))
            print(
                "simulated panel: indices and coupling, 50 runs ...",
                flush=True,
            )
            results["panel_indices_ms"] = summary(panel_indices(50))
            print(
                f"chapter 2 and 3 widgets, {args.updates} updates each ...",
                flush=True,
            )
            for key, values in gan_zhang_widget_updates(args.updates).items():
                results[key] = summary(values)
            print(
                "panel VAR: fits, IRF draws, widget, 20 runs ...", flush=True
            )
            for key, values in pvar_timings(20).items():
                results[key] = summary(values)
            print(
                "time series: Johansen, chapter 5 widgets, 20 runs ...",
                flush=True,
            )
            for key, values in timeseries_timings(20).items():
                results[key] = summary(values)
            measured["widgets"] = today
        if "compare" in sections:
            print("panel VAR against pydynpd, same models ...", flush=True)
            results["pvar_comparison"] = pvar_comparison(args.compare_python)
            measured["compare"] = today
        if "growth" in sections:
            print(
                "cost growth: panel VAR by N and T, Monte Carlos ...",
                flush=True,
            )
            results["growth"] = cost_growth(out / "growth.png")
            measured["growth"] = today
        if "scale" in sections:
            print(
                "chapters 1-4 on 285 and 2,800 simulated cities, 3 runs each ...",
                flush=True,
            )
            with tempfile.TemporaryDirectory() as tmp:
                results["scale"] = scale_runs(3, Path(tmp))
            measured["scale"] = today
        if "installs" in sections:
            print(
                "installs from a warm pip cache: reader, development ...",
                flush=True,
            )
            with tempfile.TemporaryDirectory() as tmp:
                results["installs"] = installs(Path(tmp))
            measured["installs"] = today

    finally:
        latest.write_text(
            json.dumps(results, indent=2) + "\n", encoding="utf-8"
        )

    print(f"\n{'measure':<20}{'median':>10}{'max':>10}{'target':>10}  verdict")
    for key, target in TARGETS.items():
        if key not in results:
            continue
        r = results[key]
        verdict = (
            "meets target"
            if r["median"] < target
            and (key not in WORST_CASE or r["max"] < target)
            else "MISSES TARGET"
        )
        print(
            f"{key:<20}{r['median']:>10.2f}{r['max']:>10.2f}{target:>10.0f}  {verdict}"
        )
    print(f"\nwritten to {latest.relative_to(REPO)}")


if __name__ == "__main__":
    main()
