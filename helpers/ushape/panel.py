"""The U-shape check on a provincial panel (chapter 7): a two-way fixed-effects quadratic, the
reading its signs suggest, the Lind-Mehlum test and Simonsohn's two lines, side by side."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from helpers import _checks
from helpers.errors import InputTypeError
from helpers.ushape.lindmehlum import UTestResult, utest
from helpers.ushape.twolines import two_lines


def twfe_quadratic(
    panel: pd.DataFrame,
    y: str = "upgrading",
    x: str = "ai_exposure",
    entity: str = "province",
    time: str = "year",
):
    """``y`` on ``x`` and its square with entity and time fixed effects (linearmodels ``PanelOLS``),
    standard errors clustered by entity. The square enters as the column ``f"{x}_sq"``."""
    from linearmodels.panel import PanelOLS

    if not isinstance(panel, pd.DataFrame):
        raise InputTypeError(
            f"panel must be a pandas DataFrame; got {type(panel).__name__}"
        )
    _checks.columns(panel, [y, x, entity, time], "panel")
    _checks.series(panel[x], f"panel[{x!r}]")
    _checks.series(panel[y], f"panel[{y!r}]")
    indexed = panel.assign(**{f"{x}_sq": panel[x] ** 2}).set_index(
        [entity, time]
    )
    model = PanelOLS(
        indexed[y],
        indexed[[x, f"{x}_sq"]],
        entity_effects=True,
        time_effects=True,
    )
    return model.fit(cov_type="clustered", cluster_entity=True)


def sign_reading(results, x: str, x2: str, alpha: float = 0.05) -> str:
    """What the signs alone would say: "U" or "inverse U" when both coefficients are significant at
    ``alpha``, else "no shape"."""
    alpha = _checks.probability("alpha", alpha)
    if max(results.pvalues[x], results.pvalues[x2]) >= alpha:
        return "no shape"
    return "U" if results.params[x2] > 0 else "inverse U"


def two_lines_reading(lines: pd.DataFrame, alpha: float = 0.05) -> str:
    """The two-lines verdict: "U", "inverse U" or "monotone" when both slopes are significant at
    ``alpha``, else "not both significant"."""
    alpha = _checks.probability("alpha", alpha)
    if not (lines["pvalue"] < alpha).all():
        return "not both significant"
    low, high = lines["slope"].to_numpy()
    return (
        "U"
        if low < 0 < high
        else "inverse U"
        if low > 0 > high
        else "monotone"
    )


@dataclass(frozen=True)
class ShapeCheck:
    """The three readings of one panel: the fixed-effects ``fit``, its Lind-Mehlum ``test`` and the
    two-lines table ``lines``; :attr:`row` lays them out for a comparison table."""

    fit: object
    test: UTestResult
    lines: pd.DataFrame
    alpha: float
    x: str

    @property
    def row(self) -> dict:
        fit, test, x = self.fit, self.test, self.x
        return {
            "b1 (x)": fit.params[x],
            "p(b1)": fit.pvalues[x],
            "b2 (x squared)": fit.params[f"{x}_sq"],
            "p(b2)": fit.pvalues[f"{x}_sq"],
            "the signs suggest": sign_reading(fit, x, f"{x}_sq", self.alpha),
            "extreme point": test.extreme,
            "data range": f"{test.interval[0]:.2f}-{test.interval[1]:.2f}",
            "Lind-Mehlum t": test.statistic,
            "p-value": test.pvalue,
            "Fieller": test.fieller[0],
            "two lines": two_lines_reading(self.lines, self.alpha),
            "test verdict": test.verdict(self.alpha)
            .split(":")[0]
            .split(" (")[0],
        }


def shape_check(
    panel: pd.DataFrame,
    alpha: float = 0.05,
    y: str = "upgrading",
    x: str = "ai_exposure",
    entity: str = "province",
    time: str = "year",
) -> ShapeCheck:
    """Fit :func:`twfe_quadratic`, test it with :func:`helpers.ushape.utest` over the observed
    range, and run :func:`helpers.ushape.two_lines` on the entity-demeaned outcome (a simplification
    of the two-way model, clustered by entity).

    Examples
    --------
    A concave curve: the signs suggest an inverse U, the test finds none.

    >>> from helpers.ushape import ushape_panel
    >>> check = shape_check(ushape_panel("concave"))
    >>> check.row["the signs suggest"], check.test.verdict().split(":")[0]
    ('inverse U', 'no inverse U')
    """
    alpha = _checks.probability("alpha", alpha)
    fit = twfe_quadratic(panel, y, x, entity, time)
    test = utest(fit, x, f"{x}_sq")
    within = panel.assign(
        _within=panel[y] - panel.groupby(entity)[y].transform("mean")
    )
    lines = two_lines(within, "_within", x, cluster=entity)
    return ShapeCheck(fit, test, lines, alpha, x)
