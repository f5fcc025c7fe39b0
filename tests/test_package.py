"""The package as users install it: every docstring example runs, every subpackage is in the wheel,
and the estimators import without matplotlib or ipywidgets."""

import doctest
import importlib
import pkgutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import helpers

REPO = Path(__file__).resolve().parents[1]
MODULES = sorted(
    m.name for m in pkgutil.walk_packages(helpers.__path__, "helpers.")
)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_run(name):
    module = importlib.import_module(name)
    failed, _ = doctest.testmod(
        module, optionflags=doctest.NORMALIZE_WHITESPACE, verbose=False
    )
    assert failed == 0, f"{failed} docstring example(s) of {name} failed"


#: What numpydoc's validator must not find: no docstring (GL08); for a function or method,
#: parameters left undocumented or documented but absent (PR01, PR02), no Returns section (RT01).
NUMPYDOC_CODES = {"GL08", "PR01", "PR02", "RT01"}


def _public_objects(module):
    """The public functions and classes a module defines, and its classes' public methods and
    properties, with their dotted names."""
    import inspect

    for name, obj in vars(module).items():
        if name.startswith("_") or getattr(obj, "__module__", None) != (
            module.__name__
        ):
            continue
        if inspect.isfunction(obj) or inspect.isclass(obj):
            yield f"{module.__name__}.{name}", obj
        if inspect.isclass(obj):
            for attribute, member in vars(obj).items():
                if not attribute.startswith("_") and (
                    inspect.isfunction(member) or isinstance(member, property)
                ):
                    yield f"{module.__name__}.{name}.{attribute}", member


@pytest.mark.parametrize(
    "name",
    [m for m in MODULES if not any(p.startswith("_") for p in m.split("."))],
)
def test_every_public_function_has_numpydoc_sections(name):
    """So a contributor finds any function's parameters, returns and equations in its
    docstring (CONTRIBUTING, Docstrings)."""
    import inspect

    from numpydoc.validate import validate

    missing = []
    for qualname, obj in _public_objects(importlib.import_module(name)):
        codes = NUMPYDOC_CODES if inspect.isfunction(obj) else {"GL08"}
        found = [
            f"{code} {message}"
            for code, message in validate(qualname)["errors"]
            if code in codes
        ]
        if found:
            missing.append(f"{qualname}: {'; '.join(found)}")
    assert not missing, "\n".join(missing)


def test_every_public_estimator_has_an_example():
    estimators = {
        "helpers.regional": [
            "gini",
            "theil_t",
            "theil_l",
            "theil_decomposition",
            "between_share_permutation",
            "concentration_ratio",
            "hhi",
            "hhi_bounds",
            "share_above",
        ],
        "helpers.indices": ["entropy_weights", "composite_index"],
        "helpers.coupling": [
            "coupling_degree",
            "coordination_degree",
            "classify",
        ],
        "helpers.pvar": ["PanelVAR"],
        "helpers.timeseries": [
            "johansen",
            "var_report",
            "fevd_table",
            "mackinnon_critical_values",
        ],
        "helpers.ushape": [
            "utest",
            "shape_check",
            "advancement",
            "rationalisation",
        ],
        "helpers.crosscountry": ["rank_correlation"],
    }
    for package, names in estimators.items():
        module = importlib.import_module(package)
        for name in names:
            assert ">>> " in (getattr(module, name).__doc__ or ""), (
                f"{package}.{name} has no example"
            )


def test_every_subpackage_is_declared_for_the_wheel():
    declared = set(
        tomllib.loads((REPO / "pyproject.toml").read_text())["tool"][
            "setuptools"
        ]["packages"]
    )
    found = {"helpers"} | {
        m.name
        for m in pkgutil.walk_packages(helpers.__path__, "helpers.")
        if m.ispkg
    }
    assert found | {"helpers.datasets"} == declared


def test_estimators_import_without_matplotlib_or_ipywidgets():
    code = (
        "import sys, helpers.regional, helpers.indices, helpers.coupling, helpers.pvar, "
        "helpers.timeseries, helpers.crosscountry, helpers.ushape, helpers.data, helpers.audit; "
        "print(sorted(m for m in ('matplotlib', 'ipywidgets', 'seaborn') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "[]"


BUILD_OR_TEST = {
    "jupyter-book",
    "sphinx",
    "myst-nb",
    "papermill",
    "pytest",
    "playwright",
    "hypothesis",
    "ruff",
}


def pins(path: Path) -> dict[str, str]:
    """name -> version of the ``name==version`` lines of a requirements file."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        name, sep, version = line.partition("==")
        if sep and not line.startswith("#"):
            found[name.strip().lower().replace("_", "-")] = version.strip()
    return found


def test_lab_extra_is_for_readers_only():
    extras = tomllib.loads((REPO / "pyproject.toml").read_text())["project"][
        "optional-dependencies"
    ]
    names = {
        req.split(">")[0].split("=")[0].split("<")[0].strip().lower()
        for req in extras["lab"]
    }
    assert {"jupyterlab", "jupyterlab-myst", "ipykernel"} <= names
    assert not names & BUILD_OR_TEST


def test_binder_runs_the_lab_extra_at_the_tested_versions():
    """binder/ pins what the tests ran (requirements.txt) for the lab extra, on a supported
    Python, and installs the package with that extra."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    runtime = (REPO / "binder" / "runtime.txt").read_text().strip()
    version = runtime.removeprefix("python-")
    assert (
        f"Programming Language :: Python :: {version}"
        in project["classifiers"]
    )
    binder = pins(REPO / "binder" / "requirements.txt")
    tested = pins(REPO / "requirements.txt")
    assert {"jupyterlab", "jupyterlab-myst", "ipykernel", "numpy"} <= set(
        binder
    )
    assert not set(binder) & BUILD_OR_TEST
    # notebook: Binder's image has a Notebook that refuses this JupyterLab
    differing = {
        name: (version, tested.get(name))
        for name, version in binder.items()
        if name != "notebook" and tested.get(name) != version
    }
    assert differing == {}, "binder/requirements.txt differs from the tests'"
    lines = [
        line
        for line in (REPO / "binder" / "requirements.txt")
        .read_text()
        .splitlines()
        if line and not line.startswith("#")
    ]
    assert lines[-1] == ".[lab]"


def test_supported_pythons():
    project = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]
    assert project["requires-python"] == ">=3.11"
    for minor in (11, 12, 13):
        assert (
            f"Programming Language :: Python :: 3.{minor}"
            in project["classifiers"]
        )
    assert project["dynamic"] == ["version"]


def test_the_benchmark_comparison_stays_out_of_the_pins():
    """pydynpd (and the numpy cap it needs) is for make bench's own environment only: not in the
    development pins, not pulled in by any other extra."""
    extras = tomllib.loads((REPO / "pyproject.toml").read_text())["project"][
        "optional-dependencies"
    ]
    assert any(r.startswith("pydynpd") for r in extras["compare"])
    assert "pydynpd" not in pins(REPO / "requirements.txt")
    others = " ".join(
        " ".join(reqs) for name, reqs in extras.items() if name != "compare"
    )
    assert "compare" not in others and "pydynpd" not in others
