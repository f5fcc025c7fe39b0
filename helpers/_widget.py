"""The base of every explorer widget: a pure compute step, a draw step, and the wiring between them.

An explorer subclass gives its controls (ipywidgets with a ``value``), a :meth:`Explorer.compute`
that turns the controls' values into a :class:`View` (numbers only, no drawing, tested like any
helper) and a :meth:`Explorer.draw` that draws a view on a matplotlib figure. The base connects the
controls, redraws the same figure in place on every change (no new output, no pyplot state), shows
the view's table and status line, and draws the same figure at any values
(:meth:`Explorer.static_figure`).

The rendered book has no kernel. There :meth:`Explorer.book_figure` is the figure with controls
that work in the browser: the views are precomputed at build time over a grid of the controls'
values (:meth:`Explorer.book_values`) and embedded in the page (:class:`BookExplorer`, one output
that the cell's caption numbers like any figure), and ``book/_static/explorers.js`` shows the one
the controls select. Anywhere else (JupyterLab, papermill) it is the static figure, next to the
live widget.
"""

from __future__ import annotations

import base64
import hashlib
import html
import io
import itertools
import json
import os
import weakref
from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from helpers._style import png
from helpers.display import table

#: Set (to "1") by the book's build (book/_ext/explorers.py) for the kernels it starts: then
#: :meth:`Explorer.book_figure` precomputes the views its controls select in the browser.
BOOK_BUILD = "BOOK_INTERACTIVE_FIGURES"


@dataclass(frozen=True)
class View:
    """What an explorer shows for one setting of its controls.

    Attributes
    ----------
    table
        The numbers behind the figure, shown beside it (and what tests check).
    status
        One line of text above the figure: a verdict, a warning, the sample used ("" for none).
    series
        Further named arrays or frames the figure draws (curves, simulated statistics).
    """

    table: pd.DataFrame
    status: str = ""
    series: Mapping[str, object] = field(default_factory=dict)


def slider(
    description: str,
    value: float,
    low: float,
    high: float,
    step: float,
    **options,
):
    """A float slider that updates when released (``continuous_update=False``): every explorer
    recomputes on release, not on every pixel of a drag."""
    import ipywidgets as widgets

    return widgets.FloatSlider(
        value=value,
        min=low,
        max=high,
        step=step,
        description=description,
        continuous_update=False,
        **options,
    )


class Explorer:
    """Base class: subclasses call ``super().__init__(**controls)`` after setting their own data,
    and define :meth:`compute` and :meth:`draw`.

    ``figsize`` and ``dpi`` size the widget's figure; ``table_format`` formats the table's floats,
    ``table_position`` puts the table to the right of the figure or below it, and ``show_table``
    leaves it out.
    """

    figsize: tuple[float, float] = (6.0, 4.0)
    dpi: int = 80
    #: What the figure shows, for its alt text in the HTML book (the setting shown is added).
    description: str = "The explorer's figure."
    #: Values of each slider precomputed for the book (its ends, its current value and evenly
    #: spaced ones between), by slider name; :attr:`book_grid` gives a control's values outright
    #: (its current value is added). Every combination is a view the page carries (about 10 kB).
    book_steps: Mapping[str, int] = {}
    book_grid: Mapping[str, list] = {}
    table_format: str = "{:.3f}"
    table_position: str = "right"  # "right" of the figure, or "below" it
    show_table: bool = (
        True  # False where the figure says it all and the table would bury it
    )

    def __init__(self, **controls) -> None:
        import ipywidgets as widgets

        self.controls = controls
        self._state: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
        self.figure = Figure(figsize=self.figsize, dpi=self.dpi)
        self.image = widgets.Image(format="png")
        self.status = widgets.HTML()
        self.table = widgets.HTML()
        for control in controls.values():
            control.observe(self._on_change, names="value")
        self.view = self.update()

    # -- what a subclass defines --------------------------------------------------------------

    def compute(self, **values) -> View:
        """The numbers for one setting of the controls (pure: no drawing, no widget state)."""
        raise NotImplementedError

    def draw(self, figure: Figure, view: View, **values) -> None:
        """Draw ``view`` on ``figure``; :meth:`state` keeps artists to move in place."""
        raise NotImplementedError

    # -- what the base does --------------------------------------------------------------------

    @property
    def values(self) -> dict:
        """The controls' current values, by name."""
        return {name: control.value for name, control in self.controls.items()}

    def state(self, figure: Figure) -> dict:
        """A dict tied to ``figure`` in which :meth:`draw` can keep artists between redraws."""
        return self._state.setdefault(figure, {})

    def update(self) -> View:
        """Recompute for the controls' values and redraw the figure in place."""
        values = self.values
        view = self.compute(**values)
        self.draw(self.figure, view, **values)
        self.image.value = png(self.figure)
        self.status.value = view.status
        if self.show_table:
            self.table.value = self._table_html(view)
        self.view = view
        return view

    def _on_change(self, _change) -> None:
        self.update()

    def static_figure(self, **values) -> Figure:
        """The widget's figure drawn anew at ``values`` (the controls' values where not given), for
        the rendered book, where no kernel moves the controls."""
        values = {**self.values, **values}
        figure = Figure(figsize=self.figsize, dpi=100, layout=None)
        self.draw(figure, self.compute(**values), **values)
        return figure

    def _table_html(self, view: View) -> str:
        shown = view.table.map(
            lambda v: (
                self.table_format.format(v) if isinstance(v, float) else v
            )
        )
        return table(shown, decimals=None)._repr_html_()

    # -- the rendered book ---------------------------------------------------------------------

    def book_values(self, **values) -> dict[str, list[tuple[str, object]]]:
        """For each control, the (label, value) pairs the book precomputes: every option of a
        control with options, both states of a checkbox, and for a slider :attr:`book_steps`
        values from its minimum to its maximum on its step, with ``values[name]`` (its current
        value when not given) among them. :attr:`book_grid` overrides a control's values."""
        values = {**self.values, **values}
        grid = {}
        for name, control in self.controls.items():
            if name in self.book_grid:
                chosen = list(self.book_grid[name])
                if not any(_same(v, values[name]) for v in chosen):
                    chosen = sorted([*chosen, values[name]])
                grid[name] = [(_label(v), v) for v in chosen]
            elif getattr(control, "options", None):
                # ipywidgets keeps an options control's labels and values apart in these two
                # (its public options may be either values or (label, value) pairs)
                grid[name] = [
                    (str(label), value)
                    for label, value in zip(
                        control._options_labels,
                        control._options_values,
                        strict=True,
                    )
                ]
            elif isinstance(control.value, bool):
                grid[name] = [("off", False), ("on", True)]
            else:
                grid[name] = [
                    (_label(v), v)
                    for v in _slider_values(
                        control, values[name], self.book_steps.get(name, 5)
                    )
                ]
        return grid

    def book_figure(self, **values):
        """The figure at ``values`` as the book shows it: in the book's build (:data:`BOOK_BUILD`
        set) with the controls that move it in the browser (:class:`BookExplorer`), elsewhere
        :meth:`static_figure`."""
        if os.environ.get(BOOK_BUILD):
            return self.book_explorer(**values)
        return self.static_figure(**values)

    def book_explorer(self, **values) -> BookExplorer:
        """Every view of :meth:`book_values`' grid, computed, drawn and encoded for the page."""
        values = {**self.values, **values}
        grid = self.book_values(**values)
        names = list(grid)
        figure = Figure(figsize=self.figsize, dpi=100, layout=None)
        frames = {}
        for indices in itertools.product(
            *(range(len(grid[n])) for n in names)
        ):
            setting = {
                n: grid[n][i][1] for n, i in zip(names, indices, strict=True)
            }
            view = self.compute(**setting)
            self.draw(figure, view, **setting)
            frames["|".join(map(str, indices))] = {
                "png": base64.b64encode(_book_png(figure)).decode("ascii"),
                "status": view.status,
                "table": self._table_html(view) if self.show_table else "",
            }
        start = [
            next(i for i, (_, v) in enumerate(grid[n]) if _same(v, values[n]))
            for n in names
        ]
        return BookExplorer(
            description=self.description,
            controls=[
                {
                    "name": n,
                    "description": getattr(self.controls[n], "description", "")
                    or n,
                    "labels": [label for label, _ in grid[n]],
                    "slider": not getattr(self.controls[n], "options", None)
                    and not isinstance(self.controls[n].value, bool),
                    "start": i,
                }
                for n, i in zip(names, start, strict=True)
            ],
            frames=frames,
        )

    def widget(self):
        """The controls above the status line, the figure and the table."""
        import ipywidgets as widgets

        controls = widgets.HBox(list(self.controls.values()))
        if self.table_position == "right":
            body = widgets.HBox([self.image, self.table])
        else:
            body = widgets.VBox([self.image, self.table])
        return widgets.VBox([controls, self.status, body])


def _label(value) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _same(a, b) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return bool(np.isclose(float(a), float(b)))
    return a == b


def _slider_values(control, current, steps: int) -> list:
    """``steps`` values from the slider's minimum to its maximum, on its step, with ``current``
    among them (replacing the nearest)."""
    low, high, step = control.min, control.max, control.step
    points = np.linspace(low, high, steps)
    points = low + np.round((points - low) / step) * step
    points[np.argmin(np.abs(points - current))] = current
    kind = int if isinstance(control.value, int) else float
    # rounding to the step's decimals drops floating-point noise (0.30000000000000004)
    decimals = max(0, -int(np.floor(np.log10(step)))) + 2 if step < 1 else 0
    return sorted({kind(round(float(p), decimals)) for p in points})


def _book_png(figure: Figure) -> bytes:
    """The figure as IPython's inline backend saves it (tight bounding box, so the image has the
    static figure's size), reduced to 64 colours (a third smaller, and the figures' flat colours
    and lines survive): the page carries every view."""
    from PIL import Image

    buffer = io.BytesIO()
    figure.savefig(
        buffer, format="png", bbox_inches="tight", facecolor="white"
    )
    image = Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")
    out = io.BytesIO()
    image.quantize(64, method=Image.Quantize.FASTOCTREE).save(
        out, format="PNG", optimize=True
    )
    return out.getvalue()


class BookExplorer:
    """An explorer's precomputed views with their controls, for the HTML book: labelled native
    controls (a select for options, a range input for a slider's values), a status line read out
    when it changes, the figure, the numbers behind it, and the views' data, which
    ``book/_static/explorers.js`` shows as the controls move. Without the script (or outside the
    HTML book, which takes the ``image/png`` of the bundle) it is the figure at its first
    setting and the controls stay hidden."""

    def __init__(
        self, description: str, controls: list[dict], frames: dict[str, dict]
    ) -> None:
        self.description = description
        self.controls = controls
        self.frames = frames

    @property
    def start(self) -> dict:
        """The view at the controls' first setting."""
        return self.frames["|".join(str(c["start"]) for c in self.controls)]

    def setting(self, key: str) -> str:
        """The setting of the view ``key`` in words: "transform FD, lags 2"."""
        return ", ".join(
            f"{c['description']} {c['labels'][int(i)]}"
            for c, i in zip(self.controls, key.split("|"), strict=True)
        )

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        return {
            "text/html": self._repr_html_(),
            "image/png": self.start["png"],
        }

    @property
    def n_views(self) -> int:
        return len(self.frames)

    def _repr_html_(self) -> str:
        data = json.dumps(
            {
                "description": self.description,
                "controls": self.controls,
                "frames": self.frames,
            }
        )
        key = hashlib.sha1(data.encode()).hexdigest()[:8]
        inputs = []
        for i, control in enumerate(self.controls):
            ident = f"explorer-{key}-{i}"
            label = html.escape(control["description"])
            if control["slider"]:
                inputs.append(
                    f'<label for="{ident}">{label}</label>'
                    f'<input type="range" id="{ident}" data-control="{i}" min="0" '
                    f'max="{len(control["labels"]) - 1}" step="1" value="{control["start"]}">'
                    f'<output for="{ident}"></output>'
                )
            else:
                options = "".join(
                    f'<option value="{j}"{" selected" if j == control["start"] else ""}>'
                    f"{html.escape(text)}</option>"
                    for j, text in enumerate(control["labels"])
                )
                inputs.append(
                    f'<label for="{ident}">{label}</label>'
                    f'<select id="{ident}" data-control="{i}">{options}</select>'
                )
        counts = " x ".join(
            f"{len(c['labels'])} of {html.escape(c['description'])}"
            for c in self.controls
        )
        start_key = "|".join(str(c["start"]) for c in self.controls)
        alt = f"{self.description} Shown for: {self.setting(start_key)}."
        return (
            '<div class="book-explorer">'
            f'<div class="book-explorer-controls" hidden>{"".join(inputs)}</div>'
            f'<p class="book-explorer-status" aria-live="polite">{self.start["status"]}</p>'
            f'<img src="data:image/png;base64,{self.start["png"]}" alt="{html.escape(alt)}">'
            '<details class="book-explorer-table"><summary>The numbers behind this view'
            f"</summary><div>{self.start['table']}</div></details>"
            f'<p class="book-explorer-note">Precomputed when the book was built: {self.n_views} '
            f"views ({counts}). Open the notebook to explore any setting.</p>"
            f'<script type="application/json">{_script_safe(data)}</script>'
            "</div>"
        )

    def __repr__(self) -> str:
        return f"BookExplorer({self.n_views} precomputed views)"


def _script_safe(text: str) -> str:
    """JSON inside a script element: "</" would end the element early."""
    return text.replace("</", "<\\/")
