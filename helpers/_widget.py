"""The base of every explorer widget: a pure compute step, a draw step, and the wiring between them.

An explorer subclass gives its controls (ipywidgets with a ``value``), a :meth:`Explorer.compute`
that turns the controls' values into a :class:`View` (numbers only, no drawing, tested like any
helper) and a :meth:`Explorer.draw` that draws a view on a matplotlib figure. The base connects the
controls, redraws the same figure in place on every change (no new output, no pyplot state), shows
the view's table and status line, and draws the same figure at any values for the rendered book
(:meth:`Explorer.static_figure`), which shows a static figure after each widget instead of a control
that does nothing without a kernel.
"""

from __future__ import annotations

import weakref
from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd
from matplotlib.figure import Figure

from helpers._style import png
from helpers.display import table


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
            shown = view.table.map(
                lambda v: (
                    self.table_format.format(v) if isinstance(v, float) else v
                )
            )
            self.table.value = table(shown, decimals=None)._repr_html_()
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

    def widget(self):
        """The controls above the status line, the figure and the table."""
        import ipywidgets as widgets

        controls = widgets.HBox(list(self.controls.values()))
        if self.table_position == "right":
            body = widgets.HBox([self.image, self.table])
        else:
            body = widgets.VBox([self.image, self.table])
        return widgets.VBox([controls, self.status, body])
