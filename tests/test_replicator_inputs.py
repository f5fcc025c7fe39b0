"""Every bad replicator input stops with its one line, checked in-process (make test).

A chapter takes its inputs in the same few calls: ``chapters.validate`` for the parameters, a
loader of ``helpers.data`` or ``helpers.indices`` for the file, and the first method that needs
more of the data than its schema says (enough provinces, periods for the lags, series that are
not collinear). :func:`take_inputs` makes those calls, as each chapter makes them, for every case of
``tests/replicator_cases.py``; that the error shows as that one line in a chapter is checked end
to end for one case of each kind in tests/test_replicators.py (make check).
"""

from __future__ import annotations

import numpy as np
import pytest
from replicator_cases import OUR_ERRORS, bad_cases

from helpers import chapters, data, indices, pvar, regional, ushape
from helpers import timeseries as ts
from helpers.regional import fang2025

STEM = {stem[:2]: stem for stem in chapters.CHAPTERS}


def take_inputs(chapter: str, parameters: dict) -> None:
    """What chapter ``chapter`` does with ``parameters`` (its defaults otherwise, at fast), up to
    the first call that can refuse them."""
    stem = STEM[chapter]
    values = {
        name: q.default
        for name, q in chapters.CHAPTERS[stem].parameters.items()
    }
    values.update(fast=True, **parameters)
    checked = chapters.validate(stem, **values)
    if chapter == "01":
        ai, units = regional.load_index(
            checked["data_path"],
            unit=checked["unit"],
            group=checked["group"],
            sheet=checked["sheet"],
        )
        firms, firm_units = regional.load_shares(
            checked["firms_path"], unit=checked["unit"]
        )
        same_place = (checked["data_path"] is None) == (
            checked["firms_path"] is None
        )
        regional.shares_universe(
            checked["n_units"], firms, firm_units, ai if same_place else None
        )
        if units.provinces and firm_units.provinces:
            fang2025.audit(ai, firms, chapter=stem)
    elif chapter in ("02", "03", "04"):
        system = indices.indicator_system(
            checked.get("indicators_path"),
            subsystems=2 if chapter == "03" else 1,
        )
        variables = checked.get("variables")
        panel = indices.load_panel(
            checked["data_path"],
            seed=checked["panel_seed"],
            unit=checked["unit"],
            time=checked["time"],
            group=checked["group"],
            sheet=checked["sheet"],
            system=system,
            columns=variables,
        )
        if chapter == "04":
            scores, _ = indices.pvar_variables(
                panel, data.load("gan_zhang_indicators"), variables
            )
            pvar.PanelVAR(
                scores,
                variables or indices.DIMENSIONS,
                lags=checked["lags"],
                entity=checked["unit"],
                time=checked["time"],
                transform=checked["transform"],
            ).fit()
    elif chapter == "05":
        series = data.load_series(
            checked["data_path"],
            checked["variables"],
            positive=True,
            sheet=checked["sheet"],
        )
        growth = (100 * np.log(series).diff()).dropna()
        ts.var_report(growth, maxlags=checked["max_lags"], ic="aic")
    elif chapter == "07" and checked["data_path"] is not None:
        ushape.load_panel(
            checked["data_path"],
            *(checked[k] for k in ("unit", "time", "outcome", "exposure")),
            checked["controls"],
            checked["sheet"],
        )


@pytest.fixture(scope="module")
def cases(tmp_path_factory):
    return bad_cases(tmp_path_factory.mktemp("bad"))


def test_every_bad_input_stops_with_one_clear_line(cases):
    problems = []
    for name, (chapter, parameters, expected) in cases.items():
        try:
            take_inputs(chapter, parameters)
        except Exception as error:
            line = f"{type(error).__name__}: {error}"
            if (
                type(error).__name__ not in OUR_ERRORS
                or "\n" in line.strip()
                or not line.startswith(expected)
            ):
                problems.append(f"{name}: {line[:300]!r}")
        else:
            problems.append(f"{name}: accepted")
    assert not problems, "\n".join(problems)


def test_the_matrix_covers_each_family(cases):
    families = {
        "regional": ["01"],
        "panel": ["02", "03", "04"],
        "time series": ["05"],
    }
    for family, numbers in families.items():
        assert sum(c in numbers for c, _, _ in cases.values()) >= 8, family
