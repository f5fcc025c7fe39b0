"""helpers._widget: the explorers' views precomputed for the HTML book (BookExplorer), shown by
book/_static/explorers.js (which tests/test_browser.py drives in Chromium)."""

import base64
import html
import json
import re

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402

from helpers import _widget  # noqa: E402
from helpers._widget import Explorer, View, slider  # noqa: E402


class Line(Explorer):
    """A slope slider and a colour dropdown: a line y = slope * x."""

    figsize = (3.0, 2.0)
    description = "A line."

    def __init__(self, slope=0.3):
        import ipywidgets as widgets

        super().__init__(
            slope=slider("slope", slope, -1, 1, 0.1),
            colour=widgets.Dropdown(
                options=[("blue", "C0"), ("orange", "C1")],
                description="colour",
            ),
        )

    def compute(self, slope, colour):
        return View(
            pd.DataFrame({"slope": [slope]}),
            status="flat" if slope == 0 else f"slope {slope:g} <b>!</b>",
        )

    def draw(self, figure, view, slope, colour):
        figure.clear()
        figure.add_subplot().plot([0, 1], [0, slope], color=colour)


def embedded(explorer_html: str) -> dict:
    found = re.search(
        r'<script type="application/json">(.*?)</script>', explorer_html, re.S
    )
    return json.loads(found.group(1))


def test_a_slider_gives_its_ends_its_value_and_evenly_spaced_ones_and_a_dropdown_its_options():
    grid = Line().book_values()
    assert [v for _, v in grid["slope"]] == [
        -1.0,
        -0.5,
        0.0,
        0.3,
        1.0,
    ]  # 0.5 gave way to 0.3
    assert grid["colour"] == [("blue", "C0"), ("orange", "C1")]
    assert [v for _, v in Line().book_values(slope=-0.7)["slope"]] == [
        -1,
        -0.7,
        0,
        0.5,
        1,
    ]


def test_a_grid_of_its_own_keeps_the_current_value():
    explorer = Line()
    explorer.book_grid = {"slope": [0.0, 1.0]}
    assert [v for _, v in explorer.book_values()["slope"]] == [0.0, 0.3, 1.0]


def test_every_combination_is_a_view_with_its_image_status_and_table():
    explorer = Line()
    book = explorer.book_explorer()
    assert book.n_views == 5 * 2
    data = embedded(book._repr_html_())
    assert [c["start"] for c in data["controls"]] == [3, 0]  # slope 0.3, blue
    images = {frame["png"] for frame in data["frames"].values()}
    assert len(images) == 10  # every setting draws a different figure
    for frame in data["frames"].values():
        assert base64.b64decode(frame["png"]).startswith(b"\x89PNG")
    assert data["frames"]["2|1"]["status"] == "flat"
    assert ">0.000<" in data["frames"]["2|1"]["table"]
    # a view is the static figure's size: the image does not jump when a control moves
    static = explorer.static_figure()
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    static.savefig(buffer, format="png", bbox_inches="tight")
    default = base64.b64decode(data["frames"]["3|0"]["png"])
    assert Image.open(BytesIO(default)).size == Image.open(buffer).size


def test_the_page_shows_the_first_view_without_a_script_and_other_formats_get_its_image():
    book = Line().book_explorer()
    page = book._repr_html_()
    first = book.frames["3|0"]
    assert book.start is first
    assert f'<img src="data:image/png;base64,{first["png"]}"' in page
    assert 'alt="A line. Shown for: slope 0.3, colour blue."' in page
    # until the script runs
    assert '<div class="book-explorer-controls" hidden>' in page
    # the status line, as the explorer writes it
    assert "slope 0.3 <b>!</b>" in page
    bundle = book._repr_mimebundle_()
    assert bundle["image/png"] == first["png"] and bundle["text/html"] == page


def test_controls_are_labelled_and_the_data_cannot_close_its_script_element():
    explorer = Line()
    explorer.compute = lambda slope, colour: View(
        pd.DataFrame(), "x</script>y"
    )
    page = explorer.book_explorer()._repr_html_()
    for ident in re.findall(r'id="(explorer-[0-9a-f]+-\d)"', page):
        assert f'<label for="{ident}">' in page
    assert 'type="range"' in page and "<select" in page
    data = page[page.index('<script type="application/json">') :]
    assert data.count("</script>") == 1  # the element's own end
    assert embedded(page)["frames"]["0|0"]["status"] == "x</script>y"
    assert "10 views (5 of slope x 2 of colour)" in html.unescape(page)


def test_book_figure_has_controls_only_in_the_books_build(monkeypatch):
    monkeypatch.delenv(_widget.BOOK_BUILD, raising=False)
    explorer = Line()
    figure = explorer.book_figure(slope=-0.5)
    assert figure.axes[0].lines[0].get_ydata()[1] == -0.5
    monkeypatch.setenv(_widget.BOOK_BUILD, "1")
    book = explorer.book_figure(slope=-0.5)
    assert isinstance(book, _widget.BookExplorer)
    assert book.controls[0]["start"] == 1  # -0.5 among -1, -0.5, 0, 0.5, 1


@pytest.mark.parametrize("step, low, high", [(0.01, 0.01, 1), (0.5, -2, 16)])
def test_slider_values_lie_on_the_sliders_steps(step, low, high):
    control = slider("x", low, low, high, step)
    values = _widget._slider_values(control, low, 5)
    assert values[0] == low and values[-1] == high and len(values) == 5
    assert all(
        abs((v - low) / step - round((v - low) / step)) < 1e-9 for v in values
    )
