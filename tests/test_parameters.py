"""Chapter parameters: the specs, their one-line errors, and their agreement with the chapters."""

import ast

import nbformat
import pytest
from conftest import CHAPTERS

from helpers import chapters, errors
from helpers import parameters as p

SPECS = {
    "flag": p.Flag(),
    "n": p.Integer(1, 100),
    "seed": p.Seed(),
    "alpha": p.Number(above=0, below=1),
    "w": p.Number(minimum=0, maximum=1),
    "mode": p.Choice(("pooled", "per_year")),
    "order": p.Names(options=("AI", "LR", "EQ"), permutation=True),
    "variables": p.Names(minimum=2),
    "data_path": p.InputFile(),
    "output_dir": p.OutputFolder(),
}
GOOD = dict(
    flag=True,
    n=5,
    seed=0,
    alpha=0.05,
    w=1,
    mode="pooled",
    order=["LR", "AI", "EQ"],
    variables=["gdp", "ai"],
    data_path=None,
    output_dir=None,
)


def test_good_values_pass_through():
    assert p.validate(SPECS, **GOOD)["order"] == ["LR", "AI", "EQ"]


@pytest.mark.parametrize(
    "name, value, message",
    [
        ("flag", "yes", "flag = 'yes': expected True or False"),
        ("n", 0, "n = 0: expected an integer from 1 to 100"),
        ("n", 2.5, "n = 2.5: expected an integer from 1 to 100"),
        ("n", True, "n = True: expected an integer"),
        ("seed", -1, "seed = -1: expected an integer from 0 to 4,294,967,295"),
        ("seed", "abc", "seed = 'abc': expected an integer"),
        (
            "alpha",
            0,
            "alpha = 0: expected a number greater than 0 and less than 1",
        ),
        ("alpha", 2, "alpha = 2: expected a number greater than 0"),
        ("alpha", float("nan"), "alpha = nan: expected a number"),
        (
            "w",
            "half",
            "w = 'half': expected a number at least 0 and at most 1",
        ),
        (
            "mode",
            "yearly",
            "mode = 'yearly': expected one of 'pooled', 'per_year'",
        ),
        (
            "order",
            ["AI", "LR"],
            "order = ['AI', 'LR']: expected a list of AI, LR, EQ",
        ),
        ("order", ["AI", "AI", "LR"], "order = ['AI', 'AI', 'LR']: expected"),
        (
            "variables",
            ["gdp"],
            "variables = ['gdp']: expected a list of 2+ distinct names",
        ),
        ("variables", "gdp", "variables = 'gdp': expected a list"),
        (
            "data_path",
            "/",
            "data_path = '/': is a folder; expected a CSV or .xlsx file",
        ),
        (
            "data_path",
            "no/such.csv",
            "data_path = 'no/such.csv': no such file",
        ),
        ("data_path", 3, "data_path = 3: expected None"),
    ],
)
def test_a_bad_value_gets_one_line_naming_parameter_value_and_rule(
    name, value, message
):
    with pytest.raises(errors.ParameterError) as caught:
        p.validate(SPECS, **{**GOOD, name: value})
    text = str(caught.value)
    assert text.startswith(message) and "\n" not in text
    assert caught.value._render_traceback_() == [f"ParameterError: {text}"]


def test_output_dir_may_not_be_a_file(tmp_path):
    a_file = tmp_path / "x.csv"
    a_file.write_text("a\n1\n")
    with pytest.raises(errors.ParameterError, match="is a file"):
        p.validate(SPECS, **{**GOOD, "output_dir": str(a_file)})
    assert p.validate(SPECS, **{**GOOD, "data_path": str(a_file)})[
        "data_path"
    ] == str(a_file)


def test_unknown_and_missing_parameters_are_named():
    with pytest.raises(
        errors.ParameterError, match="unknown parameter.*n_rep"
    ):
        p.validate(SPECS, **GOOD, n_rep=3)
    partial = dict(GOOD)
    del partial["seed"]
    with pytest.raises(errors.ParameterError, match="seed not given"):
        p.validate(SPECS, **partial)


def test_every_error_type_shows_as_one_line():
    for kind in (
        errors.DataError,
        errors.ParameterError,
        errors.InputError,
        errors.InputTypeError,
    ):
        assert kind("x is wrong")._render_traceback_() == [
            f"{kind.__name__}: x is wrong"
        ]
    assert issubclass(errors.InputTypeError, TypeError)
    assert issubclass(errors.InputError, ValueError)


def parameters_cell(notebook) -> dict:
    nb = nbformat.read(notebook, as_version=4)
    cell = next(
        c for c in nb.cells if "parameters" in c.metadata.get("tags", [])
    )
    return {
        node.targets[0].id: ast.literal_eval(node.value)
        for node in ast.parse(cell.source).body
        if isinstance(node, ast.Assign)
    }


@pytest.mark.parametrize("notebook", CHAPTERS, ids=lambda n: n.stem)
def test_chapter_parameters_are_the_declared_ones(notebook):
    """Same names, same order, same defaults as helpers.chapters; the defaults validate."""
    declared = chapters.CHAPTERS[notebook.stem].parameters
    in_cell = parameters_cell(notebook)
    assert list(in_cell) == list(declared)
    assert in_cell == {name: q.default for name, q in declared.items()}
    chapters.validate(notebook.stem, **in_cell)


def test_panel_seed_is_none_or_a_seed_and_excludes_data_path(tmp_path):
    from helpers import chapters

    a_file = tmp_path / "panel.csv"
    a_file.write_text("a\n1\n")
    values = dict(
        fast=False,
        data_path=None,
        indicators_path=None,
        unit="province_zh",
        time="year",
        group=None,
        sheet=None,
        panel_seed=None,
        panel_mode="pooled",
    )
    values["output_dir"] = None
    stem = "02_entropy_composite_index"
    assert (
        chapters.validate(stem, **{**values, "panel_seed": 7})["panel_seed"]
        == 7
    )
    with pytest.raises(
        errors.ParameterError, match="panel_seed = -1: expected None"
    ):
        chapters.validate(stem, **{**values, "panel_seed": -1})
    with pytest.raises(
        errors.ParameterError, match="give one of them, not both"
    ):
        chapters.validate(
            stem, **{**values, "panel_seed": 7, "data_path": str(a_file)}
        )


def test_a_list_parameter_may_be_one_string_of_names_separated_by_commas():
    """papermill's -p passes a string; -y passes YAML: both give the chapter a list."""
    values = {
        name: q.default
        for name, q in chapters.CHAPTERS["04_panel_var_gmm"].parameters.items()
    }
    checked = chapters.validate(
        "04_panel_var_gmm", **{**values, "order": "LQ, AI,LR,EQ,SS"}
    )
    assert checked["order"] == ["LQ", "AI", "LR", "EQ", "SS"]
    with pytest.raises(
        errors.ParameterError, match="order = .LQ,AI.: expected a list"
    ):
        chapters.validate("04_panel_var_gmm", **{**values, "order": "LQ,AI"})


def test_a_choice_accepts_its_older_names_as_the_value_they_stand_for():
    spec = {"case": p.Choice(("ci", "co"), aliases=(("rc", "ci"),))}
    assert p.validate(spec, case="rc") == {"case": "ci"}
    assert p.validate(spec, case="co") == {"case": "co"}
    with pytest.raises(
        errors.ParameterError,
        match=r"expected one of 'ci', 'co' \(older names: 'rc' for 'ci'\)",
    ):
        p.validate(spec, case="c")


def test_start_checks_the_notebook_s_parameters_and_writes_them_back(
    tmp_path,
):
    """The one line at the top of a chapter: what papermill's -p gave, checked and replaced."""
    notebook = dict(
        fast=True,
        data_path=None,
        variables=["realgdp", "realcons", "realinv"],
        sheet=None,
        max_lags=8,
        deterministic="rc",  # an older name of a case
        horizon=20,
        n_reps=100,
        seed=1,
        output_dir=str(tmp_path),
    )
    run = chapters.start("05_var_cointegration_audit", notebook)
    assert notebook["deterministic"] == "ci" == run.parameters["deterministic"]
    assert run.folder == tmp_path
    del notebook["seed"]
    with pytest.raises(
        errors.ParameterError,
        match="parameter.s. seed not set: run the chapter's parameters cell first",
    ):
        chapters.start("05_var_cointegration_audit", notebook)
