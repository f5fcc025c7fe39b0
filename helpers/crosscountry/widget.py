"""Chapter 6's explorer: levels or shares of GDP, and which economies; the rank correlation between
AI preparedness and FDI changes with both."""

from __future__ import annotations

import pandas as pd

from helpers._widget import Explorer, View
from helpers.crosscountry.figures import scale_scatter
from helpers.crosscountry.scale import SAMPLES, SCALES, economies


class ScaleExplorer(Explorer):
    """``data`` has columns ``economy``, ``gdp_usd``, ``aipi``, ``fdi_usd``; ``label`` names the
    data in the figure's title (e.g. "SIMULATED data")."""

    description = (
        "The scale explorer: a scatter plot of the AI Preparedness Index against FDI for the "
        "chosen economies, with the fitted line."
    )

    figsize = (6.5, 4.0)
    show_table = False

    def __init__(self, data: pd.DataFrame, label: str = ""):
        import ipywidgets as widgets

        self.data, self.label = data, label
        economies(data)  # checks the columns once, before any control exists
        super().__init__(
            scale=widgets.ToggleButtons(
                options=list(SCALES), value="levels", description="FDI as"
            ),
            sample=widgets.Dropdown(
                options=list(SAMPLES), description="economies"
            ),
        )

    def compute(self, scale: str, sample: str) -> View:
        """The economies shown with the plotted FDI measure, and Spearman's rank correlation.

        Parameters
        ----------
        scale
            ``"levels"`` or ``"% of GDP"`` (:func:`~helpers.crosscountry.economies`).
        sample
            A key of :data:`~helpers.crosscountry.SAMPLES`.

        Returns
        -------
        View
            ``table``: the economies of :func:`~helpers.crosscountry.economies` with ``fdi``;
            ``status``: the rank correlation and the number of economies; ``series["rho"]``:
            Spearman's rho (NaN for fewer than two economies).
        """
        shown = economies(self.data, scale, sample)
        rho = float(shown["aipi"].corr(shown["fdi"], method="spearman"))
        return View(
            shown,
            f"Spearman rank correlation {rho:+.2f} ({len(shown)} economies)",
            series={"rho": rho},
        )

    def draw(self, figure, view: View, scale: str, sample: str) -> None:
        """Draw the scatter of :func:`~helpers.crosscountry.figures.scale_scatter` anew.

        Parameters
        ----------
        figure
            The matplotlib figure to draw on (cleared first).
        view
            The view :meth:`compute` returned for these values.
        scale
            ``"levels"`` (log axis) or ``"% of GDP"``.
        sample
            The sample shown, in the title after the data's ``label``.

        Returns
        -------
        None
            The figure is changed in place.
        """
        title = f"{self.label}: {sample}" if self.label else sample
        scale_scatter(
            view.table, scale, view.series["rho"], figure, title=title
        )
