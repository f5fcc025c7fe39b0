"""helpers.ushape: the panel check (fit, readings, test), the figures and the explorer."""

import matplotlib

matplotlib.use("Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402
import statsmodels.api as sm  # noqa: E402
import statsmodels.formula.api as smf  # noqa: E402

from helpers import ushape  # noqa: E402
from helpers.ushape.figures import (
    layer_diagram,
    quadratic_scatter,
    ushape_plot,
)  # noqa: E402
from helpers.ushape.widget import UShapeExplorer  # noqa: E402


@pytest.mark.parametrize(
    "version, signs, verdict",
    [
        ("u", "U", "U supported"),
        ("concave", "inverse U", "no inverse U"),
        ("outside", "U", "no U"),
    ],
)
def test_shape_check_reads_each_version(version, signs, verdict):
    check = ushape.shape_check(ushape.ushape_panel(version))
    row = check.row
    # the signs alone always find a shape here
    assert row["the signs suggest"] == signs
    assert row["test verdict"].startswith(verdict)
    assert check.test.verdict().startswith(verdict)


def test_readings_follow_significance():
    lines = pd.DataFrame({"slope": [-1.0, 2.0], "pvalue": [0.01, 0.2]})
    assert ushape.two_lines_reading(lines) == "not both significant"
    assert ushape.two_lines_reading(lines.assign(pvalue=0.01)) == "U"
    assert (
        ushape.two_lines_reading(lines.assign(slope=[1.0, 2.0], pvalue=0.01))
        == "monotone"
    )
    fit = ushape.twfe_quadratic(ushape.ushape_panel("u", noise=3.0, seed=2))
    expected = "no shape" if fit.pvalues.max() >= 0.05 else "U"
    assert (
        ushape.sign_reading(fit, "ai_exposure", "ai_exposure_sq") == expected
    )
    with pytest.raises(
        ValueError,
        match="alpha must be a number between 0.0 and 1.0 \\(exclusive\\); got 0",
    ):
        ushape.sign_reading(fit, "ai_exposure", "ai_exposure_sq", alpha=0)
    with pytest.raises(
        ValueError, match="panel lacks column\\(s\\) upgrading"
    ):
        ushape.twfe_quadratic(
            ushape.ushape_panel("u").drop(columns="upgrading")
        )


def test_figures():
    panel = ushape.ushape_panel("u")
    fit = ushape.twfe_quadratic(panel)
    test = ushape.utest(fit, "ai_exposure", "ai_exposure_sq")
    figure = ushape_plot(
        panel["ai_exposure"].to_numpy(),
        (fit.params["ai_exposure"], fit.params["ai_exposure_sq"]),
        test,
        truth=("u", 6.0),
        title="sim: ",
    )
    assert figure.axes[0].get_title().startswith("sim: U supported")
    ax = layer_diagram(
        [("top", "a"), ("middle", ""), ("bottom", "c")], title="chain"
    )
    assert [
        t.get_text()
        for t in ax.texts
        if t.get_text() in {"top", "middle", "bottom"}
    ] == ["top", "middle", "bottom"]
    crime = sm.datasets.statecrime.load_pandas().data
    quadratic = smf.ols("urban ~ hs_grad + I(hs_grad ** 2)", data=crime).fit()
    result = ushape.utest(quadratic, "hs_grad", "I(hs_grad ** 2)")
    ax = quadratic_scatter(
        crime, "hs_grad", "urban", quadratic, result, title="statecrime"
    )
    assert len(ax.lines) == 1 and ax.get_title() == "statecrime"


def test_ushape_explorer_refits_when_the_turning_point_moves():
    explorer = UShapeExplorer(turning_point=6.0, noise=0.3, seed=1)
    assert explorer.view.status.startswith("U supported")
    first = bytes(explorer.image.value)
    explorer.controls[
        "turning_point"
    ].value = -2.0  # the minimum far below the data: no U
    test = explorer.view.series["test"]
    assert test.trivially_fails and bytes(explorer.image.value) != first
    direct = ushape.utest(
        ushape.twfe_quadratic(
            ushape.ushape_panel("u", turning_point=-2.0, noise=0.3, seed=1)
        ),
        "ai_exposure",
        "ai_exposure_sq",
    )
    assert direct.statistic == test.statistic
    assert "Lind-Mehlum t" in explorer.table.value


def test_a_quadratic_finds_inverted_us_a_concave_truth_does_not_have():
    """Simonsohn's (2018) point, measured: on ln(1 + x), which has no maximum, the fitted
    maximum often falls inside the data and Lind-Mehlum then reports an inverted U, more often
    in larger samples; the two lines, which do not assume a quadratic, do so far less."""
    from helpers.ushape import false_u_rates
    from helpers.ushape.reading import false_u_sentence

    rates = false_u_rates(sizes=(200, 2000), n_reps=60, seed=3)
    lm = rates["Lind-Mehlum: inverted U"]
    assert lm[2000] > lm[200] > 0
    assert (rates["two lines: inverted U"] < lm).all()
    assert (rates["extreme inside the data"] >= lm).all()
    assert rates.equals(false_u_rates(sizes=(200, 2000), n_reps=60, seed=3))
    sentence = false_u_sentence(rates, noise=0.5)
    assert sentence.startswith("On 60 simulated samples of each size")
    assert f"Lind-Mehlum reports an inverted U in {lm[2000]:.0%}" in sentence


def test_utest_from_estimates_is_utest_without_the_fit():
    """The same test from the estimates alone: statecrime's fit gives utest's numbers back when
    its coefficients, covariance, residual df and data range are passed instead of the fit."""
    import statsmodels.api as sm
    import statsmodels.formula.api as smf

    crime = sm.datasets.statecrime.load_pandas().data
    fit = smf.ols("urban ~ hs_grad + I(hs_grad ** 2)", data=crime).fit()
    terms = ["hs_grad", "I(hs_grad ** 2)"]
    from_fit = ushape.utest(fit, *terms)
    from_numbers = ushape.utest_from_estimates(
        fit.params,
        fit.cov_params(),
        *terms,
        interval=(crime.hs_grad.min(), crime.hs_grad.max()),
        df=fit.df_resid,
    )
    assert from_numbers.statistic == pytest.approx(
        from_fit.statistic, rel=1e-12
    )
    assert from_numbers.pvalue == pytest.approx(from_fit.pvalue, rel=1e-12)
    assert from_numbers.fieller == from_fit.fieller
    with pytest.raises(
        ValueError, match="'x2' must label params and both sides of cov"
    ):
        ushape.utest_from_estimates(
            fit.params, fit.cov_params(), "hs_grad", "x2", interval=(1, 2)
        )
    with pytest.raises(TypeError, match="params must be a pandas Series"):
        ushape.utest_from_estimates(
            [1, 2], fit.cov_params(), *terms, interval=(1, 2)
        )
