"""The replicator's guide: its templates fit their schemas, and the errors it quotes are the ones
the package gives."""

import re

import pandas as pd
import pytest
from conftest import REPO

from helpers import chapters, data, errors, indices, regional, ushape

GUIDE = (REPO / "book" / "replicators.md").read_text(encoding="utf-8")
INPUTS = [
    (stem, given)
    for stem, chapter in chapters.CHAPTERS.items()
    for given in chapter.inputs
]


@pytest.mark.parametrize(
    "stem, given", INPUTS, ids=[f"{s[:2]}-{g.parameter}" for s, g in INPUTS]
)
def test_every_input_has_a_template_that_fits_and_is_linked(stem, given):
    template = REPO / "book" / "templates" / given.template
    assert f"<templates/{given.template}>" in GUIDE
    if stem.startswith("07_"):
        frame = ushape.load_panel(template)
    elif stem.startswith("01_"):
        load = (
            regional.load_index
            if given.parameter == "data_path"
            else regional.load_shares
        )
        frame, _ = load(template)
    elif given.parameter == "indicators_path":
        frame = indices.indicator_system(template)
        assert set(frame["indicator"]) <= set(
            data.load("gan_zhang_simulated_panel").columns
        ), "the template's indicators are the book's panel's columns"
    elif given.dataset is None:
        frame = data.load_series(
            template, ["realgdp", "realcons"], positive=True
        )
    else:
        frame = data.load(given.dataset, path=template)
    assert 2 <= len(frame) <= 20


def test_the_quoted_parameter_error_is_the_real_one():
    quoted = re.search(r"`(ParameterError: alpha = 2: [^`]+)`", GUIDE).group(1)
    values = {
        name: q.default
        for name, q in chapters.CHAPTERS[
            "07_ai_upgrading_u_shape"
        ].parameters.items()
    }
    with pytest.raises(errors.ParameterError) as caught:
        chapters.validate("07_ai_upgrading_u_shape", **{**values, "alpha": 2})
    assert caught.value._render_traceback_() == [quoted]


def test_the_quoted_data_error_is_the_real_one(tmp_path):
    quoted = " ".join(
        re.search(r"`(DataError: my_panel.csv: [^`]+)`", GUIDE)
        .group(1)
        .split()
    )
    panel = pd.read_csv(
        REPO / "book" / "templates" / "gan_zhang_panel_template.csv", dtype=str
    )
    panel.loc[2, "ai_firms"], panel.loc[7, "ai_firms"] = "n/a", "-"
    mine = tmp_path / "my_panel.csv"
    panel.to_csv(mine, index=False)
    with pytest.raises(errors.DataError) as caught:
        data.load("gan_zhang_simulated_panel", path=mine)
    assert caught.value._render_traceback_() == [quoted]


def test_every_chapter_is_in_the_guide_tables():
    for stem in chapters.CHAPTERS:
        table = chapters.parameters_table(stem)
        assert list(table.index) == list(chapters.CHAPTERS[stem].parameters)
        assert table["allowed"].str.len().min() > 0
