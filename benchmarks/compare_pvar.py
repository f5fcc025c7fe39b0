"""helpers.pvar against pydynpd on the same models (``make bench`` runs it in ``.venv-compare``).

pydynpd (Dynamic Panel Data models, xtabond2's syntax) estimates one equation at a time, so the
comparisons are models both estimate identically:

1. Arellano and Bond's (1991) employment equation on their data, difference GMM, two-step with
   Windmeijer's corrected standard errors (``n L(1:2).n w k | gmm(n, 2:4) gmm(w, 1:3) iv(k) |
   nolevel``): one equation, so the two-step weights are the same in both;
2. the five-variable panel VAR of chapter 4 on its simulated panel (30 provinces x 13 years, lag 1),
   one-step, instruments at lags 2 to 4, under FD and FOD, collapsed and not: with the same
   instruments in every equation, one-step GMM of the system is GMM equation by equation, so
   pydynpd fits the five equations one after another and its time is their sum. (Two-step
   differs by design: helpers.pvar weights the moments of all equations jointly, as R panelvar.)

For each model the estimates and standard errors must first agree to 1e-6; only then are both
timed, alternately, in this one process (same numpy, same BLAS). Prints one JSON object.

pydynpd 0.2.2 calls ``np.in1d`` and converts 1x1 arrays with ``float()``, which numpy 2.4 removed;
the ``compare`` extra therefore pins numpy below 2.4, in its own environment, never in the book's.
"""

from __future__ import annotations

import contextlib
import io
import json
import statistics
import sys
import time
import warnings
from importlib import metadata

import numpy as np
import pandas as pd
from pydynpd import regression

from helpers import data, indices, pvar

AGREE = 1e-6
RUNS = 20


def pydynpd_fit(command: str, frame: pd.DataFrame, ids: list[str]):
    with contextlib.redirect_stdout(io.StringIO()):  # it prints every table
        return regression.abond(command, frame, ids).models[0]


def arellano_bond():
    frame = data.load("abdata")[["id", "year", "n", "w", "k"]]
    command = "n L(1:2).n w k | gmm(n, 2:4) gmm(w, 1:3) iv(k) | nolevel"

    def ours():
        result = pvar.PanelVAR(
            frame,
            "n",
            lags=2,
            entity="id",
            time="year",
            transform="fd",
            predetermined="w",
            exog="k",
            instrument_lags=(2, 4),
            predetermined_lags=(1, 3),
        ).fit()
        return result.params.loc["n"], result.std_errors.loc["n"], result

    def theirs():
        table = pydynpd_fit(command, frame, ["id", "year"]).regression_table
        table = table.set_index("variable")
        return table["coefficient"], table["std_err"]

    return {
        "model": "Arellano-Bond employment equation, difference GMM, two-step, Windmeijer",
        "command": command,
        "ours": ours,
        "theirs": theirs,
    }


def chapter4(transform: str, collapse: bool):
    frame = indices.dimension_scores(indices.load_panel())
    frame = frame.assign(
        unit=frame["province_zh"].astype("category").cat.codes.astype(int)
    )[["unit", "year", *indices.DIMENSIONS]]
    names = list(indices.DIMENSIONS)
    options = " ".join(
        ["nolevel", "onestep"]
        + (["fod"] if transform == "fod" else [])
        + (["collapse"] if collapse else [])
    )
    instruments = " ".join(f"gmm({v}, 2:4)" for v in names)
    regressors = [f"L1.{v}" for v in names]
    commands = [
        f"{y} {' '.join(regressors)} | {instruments} | {options}"
        for y in names
    ]

    def ours():
        result = pvar.PanelVAR(
            frame,
            names,
            entity="unit",
            time="year",
            transform=transform,
            steps="onestep",
            collapse=collapse,
            instrument_lags=(2, 4),
        ).fit()
        return (
            result.params.stack(),
            result.std_errors.stack(),
            result,
        )

    def theirs():
        params, errors = {}, {}
        for y, command in zip(names, commands):
            table = pydynpd_fit(command, frame, ["unit", "year"])
            table = table.regression_table.set_index("variable")
            for name in regressors:  # pydynpd lists the own lag first
                params[y, name] = table.loc[name, "coefficient"]
                errors[y, name] = table.loc[name, "std_err"]
        return pd.Series(params), pd.Series(errors)

    return {
        "model": (
            f"chapter 4's panel VAR (5 variables, lag 1, 30 x 13), one-step, {transform.upper()}, "
            f"lags 2-4{', collapsed' if collapse else ''}"
        ),
        "command": commands[0] + "  (and the other four equations)",
        "ours": ours,
        "theirs": theirs,
    }


def elapsed_ms(function) -> float:
    start = time.perf_counter()
    function()
    return (time.perf_counter() - start) * 1000


def compare(case: dict) -> dict:
    params, errors, result = case["ours"]()
    their_params, their_errors = case["theirs"]()
    their_params = their_params.reindex(params.index)
    their_errors = their_errors.reindex(errors.index)
    differences = {
        "coefficients": float(np.abs(params - their_params).max()),
        "standard_errors": float(np.abs(errors - their_errors).max()),
    }
    if not all(d <= AGREE for d in differences.values()):
        raise SystemExit(
            f"{case['model']}: helpers.pvar and pydynpd disagree by {differences}; no timing of "
            "two different models"
        )
    ours_ms, theirs_ms = [], []
    for _ in range(
        RUNS
    ):  # alternately, so that drift in the machine hits both
        ours_ms.append(elapsed_ms(case["ours"]))
        theirs_ms.append(elapsed_ms(case["theirs"]))
    return {
        "model": case["model"],
        "command": case["command"],
        "instruments_per_equation": int(result.n_instruments),
        "observations": int(result.nobs),
        "max_abs_difference": differences,
        "helpers_pvar_ms": statistics.median(ours_ms),
        "pydynpd_ms": statistics.median(theirs_ms),
        "pydynpd_over_helpers": round(
            statistics.median(theirs_ms) / statistics.median(ours_ms), 2
        ),
        "runs": RUNS,
    }


def main() -> None:
    warnings.simplefilter("ignore")  # pydynpd's own deprecation warnings
    cases = [arellano_bond()] + [
        chapter4(transform, collapse)
        for transform in ("fd", "fod")
        for collapse in (True, False)
    ]
    results = {
        "versions": {
            name: metadata.version(name)
            for name in ("pydynpd", "numpy", "pandas")
        },
        "python": sys.version.split()[0],
        "models": [compare(case) for case in cases],
    }
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
