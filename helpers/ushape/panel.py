"""The U-shape check on a provincial panel (chapter 7): a two-way fixed-effects quadratic, the
reading its signs suggest, the Lind-Mehlum test and Simonsohn's two lines, side by side."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from helpers import _checks, data
from helpers.errors import InputError, InputTypeError
from helpers.ushape.lindmehlum import UTestResult, utest
from helpers.ushape.twolines import two_lines


def load_panel(
    path,
    unit: str = "province",
    time: str = "year",
    outcome: str = "upgrading",
    exposure: str = "ai_exposure",
    controls: list[str] | None = None,
    sheet: str | int | None = None,
) -> pd.DataFrame:
    """A replicator's panel for the U-shape check: the columns ``unit`` (any names: provinces,
    cities, counties, states), ``time`` (years, "2015年" allowed), ``outcome``, ``exposure`` and
    each of ``controls``, numbers without gaps, one row per unit and period
    (:func:`helpers.data.load_columns`: CSV in UTF-8 or GBK, or .xlsx). Columns the check does
    not use are left out. Raises one line when the panel is too small for two-way fixed effects
    and a quadratic: at least 3 units, 3 periods and more observations than coefficients.

    Parameters
    ----------
    path
        The replicator's file (CSV or other text in UTF-8 or GBK/GB18030, or ``.xlsx``).
    unit
        The column of unit names.
    time
        The column of periods (whole numbers).
    outcome
        The column of the outcome (the upgrading measure).
    exposure
        The column of the regressor whose shape is tested (AI exposure).
    controls
        Further numeric columns, a name or a list of names; ``None`` for none.
    sheet
        The workbook's sheet, by name or number; ``None`` takes the first.

    Returns
    -------
    pandas.DataFrame
        On a default index, the columns ``unit`` (text), ``time`` (nullable integers),
        ``outcome``, ``exposure`` and ``controls`` (floats) in that order, with
        ``attrs["file_format"]``.

    Raises
    ------
    helpers.errors.InputTypeError
        If ``controls`` are not names.
    helpers.errors.InputError
        If a column is named twice, or the panel has fewer than 3 units or 3 periods or no more
        observations than units + periods + 1 + controls (the message names the file).
    helpers.data.DataError
        If the file cannot be read, a column is missing, has blanks or values not of its type,
        or a (unit, time) pair repeats.
    """
    controls = _checks.names("controls", controls)
    named = [unit, time, outcome, exposure, *controls]
    repeated = sorted({c for c in named if named.count(c) > 1})
    if repeated:
        raise InputError(
            "unit, time, outcome, exposure and controls must be different columns; "
            f"{', '.join(repeated)} is named twice"
        )
    panel = data.load_columns(
        path,
        {
            unit: "string",
            time: "integer",
            outcome: "float",
            exposure: "float",
            **dict.fromkeys(controls, "float"),
        },
        key=[unit, time],
        sheet=sheet,
    )
    units, periods = panel[unit].nunique(), panel[time].nunique()
    needed = units + periods + 1 + len(controls)
    if units < 3 or periods < 3 or len(panel) <= needed:
        raise InputError(
            f"{Path(path).name}: {len(panel)} observations of {units} unit(s) over {periods} "
            "period(s); a two-way fixed-effects quadratic needs at least 3 units, 3 periods and "
            f"more than {needed} observations"
        )
    return panel


def twfe_quadratic(
    panel: pd.DataFrame,
    y: str = "upgrading",
    x: str = "ai_exposure",
    entity: str = "province",
    time: str = "year",
    controls: list[str] | None = None,
):
    """``y`` on ``x``, its square and any ``controls`` with entity and time fixed effects
    (linearmodels ``PanelOLS``), standard errors clustered by entity. The square enters as the
    column ``f"{x}_sq"``.

    .. math::

        y_{it} = b_1 x_{it} + b_2 x_{it}^2 + \\gamma' z_{it} + \\mu_i + \\lambda_t +
        \\varepsilon_{it}

    Parameters
    ----------
    panel
        The panel in long form, one row per (entity, time), with the columns named below.
    y
        The outcome column.
    x
        The regressor whose shape is tested.
    entity
        The column of units (the fixed effects :math:`\\mu_i` and the clusters).
    time
        The column of periods (the fixed effects :math:`\\lambda_t`).
    controls
        Further regressors :math:`z_{it}`, a name or a list of names; ``None`` for none.

    Returns
    -------
    linearmodels.panel.results.PanelEffectsResults
        The fit; its parameters are named ``x``, ``f"{x}_sq"`` and the controls.

    Raises
    ------
    helpers.errors.InputTypeError
        If ``panel`` is not a DataFrame, ``controls`` are not names, or a column used holds text.
    helpers.errors.InputError
        If a column is missing, or ``y``, ``x`` or a control has missing or infinite values.
    """
    from linearmodels.panel import PanelOLS

    if not isinstance(panel, pd.DataFrame):
        raise InputTypeError(
            f"panel must be a pandas DataFrame; got {type(panel).__name__}"
        )
    controls = _checks.names("controls", controls)
    _checks.columns(panel, [y, x, entity, time, *controls], "panel")
    for column in (x, y, *controls):
        _checks.series(panel[column], f"panel[{column!r}]")
    indexed = panel.assign(**{f"{x}_sq": panel[x] ** 2}).set_index(
        [entity, time]
    )
    model = PanelOLS(
        indexed[y],
        indexed[[x, f"{x}_sq", *controls]],
        entity_effects=True,
        time_effects=True,
    )
    return model.fit(cov_type="clustered", cluster_entity=True)


def sign_reading(results, x: str, x2: str, alpha: float = 0.05) -> str:
    """What the signs alone would say: "U" or "inverse U" when both coefficients are significant at
    ``alpha``, else "no shape".

    This is the reading Lind & Mehlum (2010) warn against: significant coefficients with the
    "right" signs do not show a U when the extreme point lies outside the data.

    Parameters
    ----------
    results
        A fitted model with ``params`` and ``pvalues`` indexed by term (statsmodels or
        linearmodels).
    x
        The linear term.
    x2
        The squared term.
    alpha
        The significance level, strictly between 0 and 1.

    Returns
    -------
    str
        ``"U"`` (coefficient of ``x2`` positive) or ``"inverse U"`` when both p-values are below
        ``alpha``; ``"no shape"`` otherwise.

    Raises
    ------
    helpers.errors.InputError
        If ``alpha`` is not strictly between 0 and 1.
    KeyError
        If ``x`` or ``x2`` is not a term of ``results``.
    """
    alpha = _checks.probability("alpha", alpha)
    if max(results.pvalues[x], results.pvalues[x2]) >= alpha:
        return "no shape"
    return "U" if results.params[x2] > 0 else "inverse U"


def two_lines_reading(lines: pd.DataFrame, alpha: float = 0.05) -> str:
    """The two-lines verdict: "U", "inverse U" or "monotone" when both slopes are significant at
    ``alpha``, else "not both significant".

    Parameters
    ----------
    lines
        The table of :func:`helpers.ushape.two_lines`: two rows (below, then above the
        breakpoint) with ``slope`` and ``pvalue``.
    alpha
        The significance level, strictly between 0 and 1.

    Returns
    -------
    str
        ``"U"`` (falling, then rising), ``"inverse U"`` (rising, then falling) or ``"monotone"``
        (same signs) when both p-values are below ``alpha``; else ``"not both significant"``.

    Raises
    ------
    helpers.errors.InputError
        If ``alpha`` is not strictly between 0 and 1.
    """
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
    two-lines table ``lines``; :attr:`row` lays them out for a comparison table.

    Attributes
    ----------
    fit
        The two-way fixed-effects quadratic (:func:`twfe_quadratic`).
    test
        Its Lind-Mehlum test over the observed range of ``x``.
    lines
        The two-lines table (:func:`helpers.ushape.two_lines`).
    alpha
        The significance level of the readings.
    x
        The regressor's column; its square is ``f"{x}_sq"``.
    """

    fit: object
    test: UTestResult
    lines: pd.DataFrame
    alpha: float
    x: str

    @property
    def numbers(self) -> pd.Series:
        """The check in numbers, for a table to reuse: coefficients with standard errors and
        p-values, the end slopes, the Lind-Mehlum statistic, the extreme point and its intervals,
        and each line's slope (a Fieller interval of two half-lines or the whole line has no
        finite bounds: NaN)."""
        fit, test, x = self.fit, self.test, self.x
        kind, parts = test.fieller
        bounded = kind == "bounded"
        lines = self.lines.reset_index(drop=True)
        return pd.Series(
            {
                "b1": fit.params[x],
                "se(b1)": fit.std_errors[x],
                "p(b1)": fit.pvalues[x],
                "b2": fit.params[f"{x}_sq"],
                "se(b2)": fit.std_errors[f"{x}_sq"],
                "p(b2)": fit.pvalues[f"{x}_sq"],
                "xL": test.interval[0],
                "xH": test.interval[1],
                "slope at xL": test.slopes.loc["xL", "slope"],
                "t at xL": test.slopes.loc["xL", "t"],
                "slope at xH": test.slopes.loc["xH", "slope"],
                "t at xH": test.slopes.loc["xH", "t"],
                "Lind-Mehlum t": test.statistic,
                "Lind-Mehlum p": test.pvalue,
                "extreme point": test.extreme,
                "Fieller lower": parts[0][0] if bounded else float("nan"),
                "Fieller upper": parts[0][1] if bounded else float("nan"),
                "delta lower": test.delta[0],
                "delta upper": test.delta[1],
                "breakpoint": lines["breakpoint"].iloc[0],
                "slope below": lines["slope"].iloc[0],
                "p below": lines["pvalue"].iloc[0],
                "slope above": lines["slope"].iloc[1],
                "p above": lines["pvalue"].iloc[1],
            }
        )

    @property
    def row(self) -> dict:
        """The three readings side by side, for one row of a comparison table: the coefficients
        and their p-values, what the signs suggest (:func:`sign_reading`), the extreme point, the
        data range, the Lind-Mehlum statistic and p-value, the kind of Fieller interval, the
        two-lines reading (:func:`two_lines_reading`) and the test's verdict in a few words."""
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
    controls: list[str] | None = None,
) -> ShapeCheck:
    """Fit :func:`twfe_quadratic`, test it with :func:`helpers.ushape.utest` over the observed
    range, and run :func:`helpers.ushape.two_lines` on the entity-demeaned outcome, with the same
    ``controls`` (a simplification of the two-way model, clustered by entity).

    Parameters
    ----------
    panel
        The panel in long form, one row per (entity, time).
    alpha
        The significance level of the readings, strictly between 0 and 1.
    y
        The outcome column.
    x
        The regressor whose shape is tested.
    entity
        The column of units.
    time
        The column of periods.
    controls
        Further regressors, a name or a list of names; ``None`` for none.

    Returns
    -------
    ShapeCheck
        The fit, the test (the model's residual degrees of freedom; the interval the observed
        range of ``x``), the two-lines table and ``alpha``.

    Raises
    ------
    helpers.errors.InputTypeError
        If ``panel`` is not a DataFrame or a column used holds text.
    helpers.errors.InputError
        If ``alpha`` is not in (0, 1), a column is missing or has missing values, or the
        two-lines breakpoint leaves fewer than two distinct ``x`` values on one side.

    Examples
    --------
    A concave curve: the signs suggest an inverse U, the test finds none.

    >>> from helpers.ushape import ushape_panel
    >>> check = shape_check(ushape_panel("concave"))
    >>> check.row["the signs suggest"], check.test.verdict().split(":")[0]
    ('inverse U', 'no inverse U')
    """
    alpha = _checks.probability("alpha", alpha)
    fit = twfe_quadratic(panel, y, x, entity, time, controls)
    test = utest(fit, x, f"{x}_sq")
    within = panel.assign(
        _within=panel[y] - panel.groupby(entity)[y].transform("mean")
    )
    lines = two_lines(within, "_within", x, controls=controls, cluster=entity)
    return ShapeCheck(fit, test, lines, alpha, x)
