"""Simonsohn's (2018) two-lines test of a U shape: one interrupted regression with separate slopes
below and above a breakpoint chosen by his "Robin Hood" procedure."""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers import _checks
from helpers.errors import InputError, InputTypeError


def two_lines(
    data: pd.DataFrame,
    y: str,
    x: str,
    breakpoint: float | None = None,
    controls: list[str] | None = None,
    cluster: str | None = None,
) -> pd.DataFrame:
    """Simonsohn's (2018) two-lines test: one regression with separate slopes below and above a
    breakpoint ``xc``, ``y = a + b_low (x - xc) 1[x < xc] + b_high (x - xc) 1[x >= xc] + d 1[x >=
    xc]``.

    A U is supported when ``b_low < 0`` and ``b_high > 0`` are both significant. Without a
    ``breakpoint`` it is chosen as Simonsohn's "Robin Hood" procedure does: start at the median of
    the x values where a fitted quadratic is within one standard error of its extreme, then move it
    within those values towards the line with the weaker slope, in proportion to the two lines' z
    statistics, and keep it where each line has at least two distinct x values. Standard errors are
    HC3, or clustered by ``cluster``. Returns one row per line with
    ``slope``, ``se``, ``tstat``, ``pvalue``, the ``breakpoint`` and ``n``.

    The "flat" region is the set of observed ``x`` whose fitted value of the quadratic (with the
    controls) lies within its own standard error of the lowest fitted value (U, ``b2 > 0``) or the
    highest (inverse U); with the two lines' absolute z statistics :math:`z_L, z_H` at its median,
    the breakpoint is the :math:`z_H / (z_L + z_H)` quantile of that region (Simonsohn 2018),
    then kept between the third smallest and the second largest distinct ``x``.

    Parameters
    ----------
    data
        The observations, one row each; rows with a missing value in a column used are dropped.
    y
        The outcome column (a name a statsmodels formula accepts).
    x
        The regressor whose shape is tested.
    breakpoint
        The breakpoint :math:`x_c`; ``None`` chooses it by the Robin Hood procedure.
    controls
        Further regressors, a name or a list of names; ``None`` for none.
    cluster
        The column to cluster the standard errors by; ``None`` for HC3.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``line`` (``below breakpoint``, ``above breakpoint``), with ``slope``, ``se``,
        ``tstat`` and ``pvalue`` (two-sided, from the normal distribution, as statsmodels gives
        them with robust standard errors) of each line, the ``breakpoint`` used and ``n`` (the
        rows used).

    Raises
    ------
    helpers.errors.InputTypeError
        If ``data`` is not a DataFrame or ``controls`` are not names.
    helpers.errors.InputError
        If ``data`` lacks a column named, or the breakpoint leaves fewer than two distinct ``x``
        values on one side.
    """
    import statsmodels.formula.api as smf

    controls = _checks.names("controls", controls)
    if not isinstance(data, pd.DataFrame):
        raise InputTypeError(
            f"data must be a pandas DataFrame; got {type(data).__name__}"
        )
    _checks.columns(
        data, [y, x, *controls] + ([cluster] if cluster else []), "data"
    )
    frame = data[[y, x, *controls] + ([cluster] if cluster else [])].dropna()
    terms = " + ".join(["_low", "_high", "_above", *controls])
    fit_options = (
        {"cov_type": "cluster", "cov_kwds": {"groups": frame[cluster]}}
        if cluster
        else {"cov_type": "HC3"}
    )

    def fit(xc: float):
        design = frame.assign(
            _low=np.where(frame[x] < xc, frame[x] - xc, 0.0),
            _high=np.where(frame[x] >= xc, frame[x] - xc, 0.0),
            _above=(frame[x] >= xc).astype(float),
        )
        return smf.ols(f"{y} ~ {terms}", data=design).fit(**fit_options)

    if breakpoint is None:
        quadratic = smf.ols(
            f"{y} ~ {x} + I({x} ** 2)" + "".join(f" + {c}" for c in controls),
            data=frame,
        ).fit()
        prediction = quadratic.get_prediction(frame).summary_frame()
        b2 = quadratic.params[f"I({x} ** 2)"]
        best = prediction["mean"].min() if b2 > 0 else prediction["mean"].max()
        within = (prediction["mean"] - best).abs() <= prediction["mean_se"]
        flat = np.sort(frame.loc[within.to_numpy(), x].to_numpy())
        start = fit(float(np.median(flat)))
        z_low, z_high = abs(start.tvalues["_low"]), abs(start.tvalues["_high"])
        share = z_high / (z_low + z_high) if z_low + z_high > 0 else 0.5
        breakpoint = float(np.quantile(flat, share))
        # each line needs two distinct x values of its own for a slope with a standard error:
        # a flat region at the edge of the data would otherwise leave one line a single point
        values = np.unique(frame[x])
        if len(values) >= 4:
            breakpoint = float(np.clip(breakpoint, values[2], values[-2]))
    below = frame.loc[frame[x] < breakpoint, x].nunique()
    above = frame.loc[frame[x] >= breakpoint, x].nunique()
    if min(below, above) < 2:
        raise InputError(
            f"breakpoint {breakpoint:g} leaves {below} distinct {x} value(s) below it and {above} "
            "at or above it; each line needs at least 2"
        )
    result = fit(breakpoint)
    return pd.DataFrame(
        {
            "slope": [result.params["_low"], result.params["_high"]],
            "se": [result.bse["_low"], result.bse["_high"]],
            "tstat": [result.tvalues["_low"], result.tvalues["_high"]],
            "pvalue": [result.pvalues["_low"], result.pvalues["_high"]],
            "breakpoint": breakpoint,
            "n": int(result.nobs),
        },
        index=pd.Index(["below breakpoint", "above breakpoint"], name="line"),
    )
