"""Industrial-structure measures of the Chinese upgrading literature (Gan, Zheng & Yu 2011):
advancement (产业结构高级化) and rationalisation (产业结构合理化)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers import _checks
from helpers.errors import InputError


def _positive(frame, argument: str):
    """A Series or DataFrame of positive numbers, as floats."""
    if isinstance(frame, pd.Series):
        return _checks.series(frame, argument, positive=True)
    values = _checks.frame(frame, argument)
    for column in values.columns:
        _checks.series(
            values[column], f"{argument}[{column!r}]", positive=True
        )
    return values


def advancement(tertiary: pd.Series, secondary: pd.Series) -> pd.Series:
    """Advancement of the industrial structure (产业结构高级化): tertiary over secondary value
    added.

    .. math::

        TS_{it} = Y^{(3)}_{it} / Y^{(2)}_{it}

    (Gan, Zheng & Yu 2011): a value above one means the tertiary sector adds more value than the
    secondary; a rising TS is read as the structure moving towards services.

    Parameters
    ----------
    tertiary
        Value added of the tertiary sector, one positive value per region or year.
    secondary
        Value added of the secondary sector, in the same unit and on the same index.

    Returns
    -------
    pandas.Series
        The ratio, named ``advancement``, on the index of the inputs.

    Raises
    ------
    helpers.errors.InputTypeError
        If an input is not one-dimensional or holds text.
    helpers.errors.InputError
        If a value is missing, infinite or not positive, or the two indices differ.

    Examples
    --------
    >>> import pandas as pd
    >>> advancement(pd.Series([3.0, 6.0]), pd.Series([2.0, 3.0])).tolist()
    [1.5, 2.0]
    """
    tertiary, secondary = (
        _positive(tertiary, "tertiary"),
        _positive(secondary, "secondary"),
    )
    if not tertiary.index.equals(secondary.index):
        raise InputError("tertiary and secondary must have the same index")
    return (tertiary / secondary).rename("advancement")


def rationalisation(
    output: pd.DataFrame, employment: pd.DataFrame
) -> pd.Series:
    """Rationalisation of the industrial structure (产业结构合理化) as the Theil-type index of Gan,
    Zheng & Yu (2011): ``TL = sum_i (Y_i / Y) ln((Y_i / L_i) / (Y / L))`` over the three sectors,
    with ``Y`` value added and ``L`` employment. It equals ``sum_i s_i ln(s_i / e_i)`` with output
    shares ``s`` and employment shares ``e``, a Kullback-Leibler divergence: zero when every
    sector's labour productivity equals the average, larger the greater the mismatch. (A smaller TL
    is a more rational structure.) Rows are regions or years, columns the sectors.

    Parameters
    ----------
    output
        Value added :math:`Y_i` by sector: one row per region or year, one column per sector (at
        least two), every value positive.
    employment
        Employment :math:`L_i` by sector, with the same rows and the same columns in the same
        order, every value positive.

    Returns
    -------
    pandas.Series
        TL of each row, named ``rationalisation``, on the rows' index: 0 when every sector's
        labour productivity equals the average, positive otherwise (natural logarithms).

    Raises
    ------
    helpers.errors.InputTypeError
        If an input is not a DataFrame (or Series) of numbers.
    helpers.errors.InputError
        If a value is missing, infinite or not positive, the rows or columns of the two tables
        differ, or there are fewer than two sectors.

    Examples
    --------
    >>> import pandas as pd
    >>> output = pd.DataFrame([[10.0, 40, 50]], columns=["primary", "secondary", "tertiary"])
    >>> employment = pd.DataFrame([[30.0, 30, 40]], columns=["primary", "secondary", "tertiary"])
    >>> rationalisation(output, employment).round(4).tolist()
    [0.1168]
    """
    output, employment = (
        _positive(output, "output"),
        _positive(employment, "employment"),
    )
    if list(output.columns) != list(
        employment.columns
    ) or not output.index.equals(employment.index):
        raise InputError(
            "output and employment must have the same sectors (columns) and rows"
        )
    if output.shape[1] < 2:
        raise InputError("rationalisation needs at least two sectors")
    shares = output.div(output.sum(axis=1), axis=0)
    labour = employment.div(employment.sum(axis=1), axis=0)
    return (
        (shares * np.log(shares / labour))
        .sum(axis=1)
        .rename("rationalisation")
    )
