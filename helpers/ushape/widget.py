"""Chapter 7's explorer: move the true turning point of a simulated U and the noise; the two-way
fixed-effects quadratic is re-estimated and the Lind-Mehlum test, the extreme point and its Fieller
interval redrawn."""

from __future__ import annotations

from helpers._widget import Explorer, View, slider
from helpers.ushape.figures import ushape_plot
from helpers.ushape.lindmehlum import utest
from helpers.ushape.panel import twfe_quadratic
from helpers.ushape.simulate import ushape_panel


class UShapeExplorer(Explorer):
    """Sliders for the turning point and the noise of :func:`helpers.ushape.ushape_panel` (``seed``
    fixed)."""

    description = (
        "The U-shape explorer: a simulated scatter with the fitted quadratic, its extreme point "
        "and Fieller interval, and the true curve."
    )

    figsize = (7.0, 4.0)
    table_position = "below"
    table_format = "{:.4g}"

    def __init__(
        self, turning_point: float = 6.0, noise: float = 0.3, seed: int = 0
    ):
        self.seed = seed
        super().__init__(
            turning_point=slider("turning point", turning_point, -2, 16, 0.5),
            noise=slider("noise", noise, 0.1, 3, 0.1),
        )

    def compute(self, turning_point: float, noise: float) -> View:
        """Simulate, fit and test; the test's summary as the table, its verdict as the status.

        The panel is :func:`helpers.ushape.ushape_panel` of version ``"u"`` with the explorer's
        seed; the fit :func:`helpers.ushape.twfe_quadratic`; the test
        :func:`helpers.ushape.utest` over the observed range.

        Parameters
        ----------
        turning_point
            The true minimum of the U.
        noise
            The standard deviation of the outcome's noise.

        Returns
        -------
        View
            ``table``: the test's :attr:`~helpers.ushape.UTestResult.summary` as one column,
            ``simulated panel``; ``status``: its verdict at 5%; ``series``: ``x`` (the simulated
            exposures), ``fit`` and ``test``.
        """
        panel = ushape_panel(
            "u", turning_point=turning_point, noise=noise, seed=self.seed
        )
        fit = twfe_quadratic(panel)
        test = utest(fit, "ai_exposure", "ai_exposure_sq")
        return View(
            test.summary.to_frame("simulated panel"),
            test.verdict(),
            series={
                "x": panel["ai_exposure"].to_numpy(),
                "fit": fit,
                "test": test,
            },
        )

    def draw(
        self, figure, view: View, turning_point: float, noise: float
    ) -> None:
        """Draw the fitted and the true curve, the extreme point and its Fieller interval
        (:func:`helpers.ushape.figures.ushape_plot`).

        Parameters
        ----------
        figure
            The matplotlib figure, cleared and drawn anew.
        view
            The view :meth:`compute` returned for these values.
        turning_point
            The true turning point, for the true curve.
        noise
            The noise (already in ``view``; not used).

        Returns
        -------
        None
            The figure is changed in place.
        """
        fit = view.series["fit"]
        ushape_plot(
            view.series["x"],
            (fit.params["ai_exposure"], fit.params["ai_exposure_sq"]),
            view.series["test"],
            truth=("u", turning_point),
            figure=figure,
        )
