"""helpers.pvar: the figures, the explorer and the reporting helpers."""

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from helpers import pvar  # noqa: E402
from helpers.display import (  # noqa: E402
    coefficient_table,
    decimals_for,
    stars,
)
from helpers.indices import load_panel  # noqa: E402
from helpers.pvar.figures import irf_grid, unit_circle_plot  # noqa: E402
from helpers.pvar.widget import PVARExplorer  # noqa: E402

NAMES = ["AI", "LR", "EQ", "SS", "LQ"]


@pytest.fixture(scope="module")
def scores():
    panel = load_panel().reset_index()
    return panel[
        ["province_zh", "year"] + [f"latent_{v}" for v in NAMES]
    ].set_axis(["province_zh", "year", *NAMES], axis=1)


@pytest.fixture(scope="module")
def small_fit():
    A = np.array([[0.5, 0.1], [0.2, 0.4]])
    panel = pvar.pvar_panel(A, n_units=300, n_periods=6, seed=2)
    return pvar.PanelVAR(
        panel,
        ["y1", "y2"],
        entity="entity",
        time="time",
        collapse=True,
        instrument_lags=(2, 4),
        steps="onestep",
    ).fit()


def test_irf_grid_draws_one_panel_per_pair(small_fit):
    figure = irf_grid(
        small_fit.irf_bands(4, n_reps=50, seed=1),
        labels={"y1": "first"},
        title="t",
    )
    assert len(figure.axes) == 4
    assert figure.axes[0].get_title() == "shock: first"


def test_irf_grid_is_in_the_cholesky_order_with_the_zeros_above_the_diagonal(
    scores,
):
    """The responses' index is sorted (EQ before LQ before LR ...); the grid follows the
    ordering the shocks were identified in, so each shock's zero responses at horizon 0 (the
    variables ordered before it) fall above the diagonal."""
    with pytest.warns(
        pvar.InstrumentWarning
    ):  # 30 units: J is void, not the point here
        fit = pvar.PanelVAR(
            scores,
            NAMES,
            entity="province_zh",
            time="year",
            collapse=True,
            instrument_lags=(2, 4),
            steps="onestep",
        ).fit()
    order = ["LQ", "AI", "SS", "EQ", "LR"]
    figure = irf_grid(fit.irf(4, order=order))
    axes = np.array(figure.axes).reshape(5, 5)
    assert [ax.get_title() for ax in axes[0]] == [f"shock: {v}" for v in order]
    assert [ax.get_ylabel() for ax in axes[:, 0]] == order
    impact = np.array(
        [[ax.lines[0].get_ydata()[0] for ax in row] for row in axes]
    )
    assert np.allclose(np.triu(impact, 1), 0) and (np.diag(impact) > 0).all()
    generalized = irf_grid(fit.irf(4, kind="generalized", order=order))
    # no ordering: the model's
    assert generalized.axes[0].get_title() == "shock: AI"


def test_unit_circle_marks_roots_outside_in_another_colour(small_fit):
    ax = unit_circle_plot(small_fit.stability())
    assert len(ax.collections) == 1  # a stable VAR: every root inside
    ax = unit_circle_plot([1.5 + 0j, 0.3 + 0.2j, 0.3 - 0.2j], title="printed")
    assert len(ax.collections) == 2 and ax.get_title() == "printed"
    assert ax.get_xlim()[1] >= 1.5


def test_coefficient_table_and_summary(small_fit):
    table = coefficient_table(small_fit)
    assert table.shape == (2 * 2, 2)
    intervals = small_fit.conf_int(0.9)
    z = 1.6448536269514722
    assert intervals.loc[("y1", "L1.y1"), "upper"] == pytest.approx(
        small_fit.params.loc["y1", "L1.y1"]
        + z * small_fit.std_errors.loc["y1", "L1.y1"]
    )
    numbers = small_fit.coefficients
    assert list(numbers.columns) == ["param", "std_error", "tstat", "pvalue"]
    # summary is the text a reader is shown, formatted from those numbers
    summary = small_fit.summary
    assert summary.index.equals(numbers.index)
    assert list(summary.columns) == [
        "estimate",
        "std. error",
        "z",
        "p",
        "stars",
    ]
    first = numbers.iloc[0]
    places = decimals_for(first["std_error"])
    assert summary.iloc[0]["estimate"] == f"{first['param']:.{places}f}"
    assert summary.iloc[0]["stars"] == stars(first["pvalue"])


def test_just_identified_j_has_no_pvalue():
    A = np.array([[0.5]])
    panel = pvar.pvar_panel(A, n_units=200, n_periods=6, seed=3)
    fit = pvar.PanelVAR(
        panel,
        "y1",
        entity="entity",
        time="time",
        transform="fd",
        collapse=True,
        instrument_lags=(2, 2),
    ).fit()
    assert fit.j_stat.df == 0 and fit.j_stat.pvalue is None
    assert fit.j_stat.pvalue_text().startswith(
        "not defined (the model is just identified"
    )
    assert "not defined" in repr(fit)


def small_explorer(scores, **options) -> PVARExplorer:
    """Chapter 4's explorer with few draws and few instruments (lags 2-3, collapsed)."""
    return PVARExplorer(
        scores,
        NAMES,
        {"paper": NAMES, "reversed": NAMES[::-1]},
        n_reps=20,
        entity="province_zh",
        time="year",
        collapse=True,
        instrument_lags=(2, 3),
        steps="onestep",
        **options,
    )


def test_pvar_explorer_refits_and_redraws(scores):
    explorer = small_explorer(scores)
    before = explorer.image.value
    explorer.controls["ordering"].value = "reversed"
    assert (
        explorer.image.value != before
        and explorer.image.value[:4] == b"\x89PNG"
    )
    bands = explorer.view.table
    # with LQ first in the ordering, nothing else moves LQ at horizon 0
    assert bands.loc[("AI", "LQ", 0), "value"] == 0
    assert "observations" in explorer.status.value
    # 10 instruments x 5 equations from 30 provinces: the fit's warning is shown, not raised
    assert (
        "Note: the moment covariance behind Hansen's J is singular"
        in explorer.status.value
    )
    # the grid shows the bands; no 250-row table under it
    assert explorer.table.value == ""


def test_pvar_explorer_redraws_in_place_as_a_new_figure_would_draw(scores):
    # the explorer moves the curves, bands, limits and labels of the grid it drew first; after
    # any path through the controls its figure must be what drawing the view anew gives
    from matplotlib.figure import Figure

    from helpers._style import png

    explorer = small_explorer(scores, labels={"AI": "AI index"})
    axes = list(explorer.figure.axes)
    for control, value in [
        ("ordering", "reversed"),
        ("transform", "fd"),
        ("lags", 2),
        ("ordering", "paper"),
    ]:
        explorer.controls[control].value = value
        fresh = Figure(figsize=explorer.figsize, dpi=explorer.dpi)
        explorer.draw(fresh, explorer.view)
        assert png(explorer.figure) == png(fresh), (control, value)
    assert explorer.figure.axes == axes  # moved in place, not drawn anew
    assert explorer.figure.axes[0].get_title() == "shock: AI index"


def test_a_negative_variance_gives_no_standard_error_and_a_warning():
    """A variance a rounding error below zero counts as zero; a clearly negative one is not
    turned into a standard error of zero (t = inf, p = 0, three stars) but into NaN, with a
    warning the chapters show as a note."""
    from helpers.pvar.results import _standard_errors

    names = ["L1.y1", "L1.y2"]
    assert _standard_errors(np.array([4.0, -1e-15]), names).tolist() == [
        2.0,
        0.0,
    ]
    with pytest.warns(pvar.CovarianceWarning, match=r"L1.y2 \(equation 2\)"):
        se = _standard_errors(np.array([4.0, 1.0, 9.0, -0.5]), names)
    assert se[:3].tolist() == [2.0, 1.0, 3.0] and np.isnan(se[3])


def test_pvar_explorer_passes_on_warnings_it_does_not_show(
    scores, monkeypatch
):
    """The explorer shows instrument warnings in its status; any other warning of the fit
    (e.g. a negative variance) reaches the reader as it came, not swallowed."""
    import warnings

    from helpers.pvar import widget

    explorer = small_explorer(scores)
    real = widget.PanelVAR

    class Warning_PanelVAR(real):
        def fit(self):
            warnings.warn(
                "negative estimated variance",
                pvar.CovarianceWarning,
                stacklevel=1,
            )
            return super().fit()

    monkeypatch.setattr(widget, "PanelVAR", Warning_PanelVAR)
    with pytest.warns(
        pvar.CovarianceWarning, match="negative estimated variance"
    ):
        _, notes = explorer.fit("fod", 1)
    assert not any("negative" in n for n in notes)
