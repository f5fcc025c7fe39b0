"""Concentration: concentration ratios and the Herfindahl-Hirschman index, exact for a complete
distribution of shares and bounded for a published top-k table.

References
----------
Rhoades, S. A. (1993). The Herfindahl-Hirschman index. *Federal Reserve Bulletin* 79, 188-189.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers import _checks
from helpers.errors import InputError, InputTypeError
from helpers.regional.inequality import _values


def concentration_ratio(shares, k: int) -> float:
    r"""Concentration ratio CR_k: the sum of the ``k`` largest shares, in the shares' unit.

    .. math:: CR_k = \sum_{i=1}^{k} s_{(i)}, \qquad s_{(1)} \ge s_{(2)} \ge \dots

    A table of the top ``m >= k`` units gives CR_k exactly, provided no unit outside the table can
    exceed the k-th largest listed share (true when the table ranks units by this very share).

    Parameters
    ----------
    shares
        Non-negative shares, not all zero, in any unit (per cent or fractions); they need not add
        up to a total.
    k
        How many of the largest shares to add, from 1 to the number of shares.

    Returns
    -------
    float
        The sum of the ``k`` largest shares, in the unit of ``shares``.

    Raises
    ------
    helpers.errors.InputTypeError
        If ``shares`` is not one-dimensional or holds text, or ``k`` is not an integer.
    helpers.errors.InputError
        If a share is missing, infinite or negative, all are zero, or ``k`` is outside 1 to the
        number of shares.

    Examples
    --------
    >>> concentration_ratio([50, 30, 20], 2)
    80.0
    """
    s = _values(shares, name="shares")
    k = _checks.integer("k", k, minimum=1, maximum=len(s))
    return float(np.sort(s.to_numpy())[::-1][:k].sum())


def hhi(
    shares, normalized: bool = False, total: float = 100.0, tol: float = 0.005
) -> float:
    r"""Herfindahl-Hirschman index of a complete distribution of shares.

    .. math:: H = \sum_i s_i^2

    in the shares' own unit: with percentages (``total=100``, the antitrust convention) H runs from
    :math:`10000/n` to 10000; with fractions (``total=1``) from :math:`1/n` to 1.

    Parameters
    ----------
    shares
        Every unit's share. They must add up to ``total`` within ``tol * total`` (by default half a
        percentage point, which absorbs rounding in printed tables); for a top-k table use
        :func:`hhi_bounds`.
    normalized
        Return :math:`H^* = (H/\text{total}^2 - 1/n)/(1 - 1/n)`, which runs from 0 (equal shares) to
        1 (monopoly) whatever the number of units ``n``. Needs at least two units.
    total
        What all shares add up to, positive: 100 for percentages (the default), 1 for fractions.
    tol
        Tolerance of the sum, as a fraction of ``total`` (0.005: half a percentage point when
        ``total=100``).

    Returns
    -------
    float
        :math:`H` in the squared unit of the shares, or :math:`H^*` (unitless) when
        ``normalized``.

    Raises
    ------
    helpers.errors.InputTypeError
        If ``shares`` is not one-dimensional or holds text, or ``total`` is not a number.
    helpers.errors.InputError
        If a share is missing, infinite or negative, all are zero, ``total`` is not positive, the
        shares do not add up to ``total`` within ``tol * total``, or ``normalized`` is asked of a
        single unit.

    Examples
    --------
    >>> hhi([50, 30, 20])
    3800.0
    """
    s = _values(shares, name="shares")
    total = _checks.number("total", total, minimum=0, strict=True)
    if abs(s.sum() - total) > tol * total:
        raise InputError(
            f"shares add up to {s.sum():.4g}, not {total:g}: the HHI needs every unit's share. For "
            "a table of the top units only, use hhi_bounds()."
        )
    h = float(np.sum(s.to_numpy() ** 2))
    if not normalized:
        return h
    n = len(s)
    if n < 2:
        raise InputError("the normalized HHI needs at least two units")
    return float((h / total**2 - 1 / n) / (1 - 1 / n))


def hhi_bounds(
    listed_shares,
    n_units: int,
    total: float = 100.0,
    listed_are_largest: bool = True,
) -> pd.Series:
    r"""Bounds on the HHI when only the top units' shares are published.

    The unlisted units share the residual :math:`R = \text{total} - \sum_{\text{listed}} s_i`, but
    how they share it is unknown. The sum of squares is smallest when the residual is spread equally
    over the :math:`m` unlisted units, and largest when it is packed into as few units as the cap
    allows:

    .. math::
        H_{\min} = \sum_{\text{listed}} s_i^2 + \frac{R^2}{m},\qquad
        H_{\max} = \sum_{\text{listed}} s_i^2 + q c^2 + (R - qc)^2,\quad q = \lfloor R/c \rfloor

    where the cap :math:`c` is the smallest listed share when the table lists the largest units by
    this same share (no unlisted unit can exceed it), and :math:`R` otherwise.

    Parameters
    ----------
    listed_shares
        Published shares of the listed units.
    n_units
        Number of units in the whole population (listed plus unlisted), e.g. 31 provinces.
    total
        What all shares add up to (100 for percentages).
    listed_are_largest
        Whether the listed units are the largest by this share. ``False`` for a second column of a
        table ranked by another variable.

    Returns
    -------
    pandas.Series
        ``lower``, ``upper``, ``listed`` (the listed units' own sum of squares), ``residual``
        and ``n_unlisted``. With no unlisted units both bounds are the listed sum of squares.

    Raises
    ------
    helpers.errors.InputTypeError
        If ``listed_shares`` is not one-dimensional or holds text, or ``n_units`` is not an integer.
    helpers.errors.InputError
        If a share is missing, infinite or negative, or all are zero; ``n_units`` is below 1 or
        below the number of listed shares; the listed shares exceed ``total``; there are no
        unlisted units yet a residual is left; or the residual cannot be shared by the unlisted
        units under the cap (the listed units cannot be the largest).

    Examples
    --------
    >>> bounds = hhi_bounds([40, 30], n_units=4)
    >>> float(bounds["lower"]), float(bounds["upper"])
    (2950.0, 3400.0)
    """
    s = _values(listed_shares, name="listed_shares")
    n_units = _checks.integer("n_units", n_units, minimum=1)
    m = n_units - len(s)
    if m < 0:
        raise InputError(
            f"n_units ({n_units}) is smaller than the {len(s)} listed shares"
        )
    residual = total - float(s.sum())
    if residual < -1e-9:
        raise InputError(
            f"listed shares add up to {s.sum():.4g}, more than total {total:g}"
        )
    residual = max(residual, 0.0)
    listed = float(np.sum(s.to_numpy() ** 2))
    if m == 0:
        if residual > 1e-6 * total:
            raise InputError(
                f"no unlisted units, yet the shares leave {residual:.4g} unassigned"
            )
        return pd.Series(
            {
                "lower": listed,
                "upper": listed,
                "listed": listed,
                "residual": 0.0,
                "n_unlisted": 0,
            }
        )
    cap = float(s.min()) if listed_are_largest else residual
    if residual > m * cap + 1e-9:
        raise InputError(
            f"the residual {residual:.4g} cannot be shared by {m} unlisted units of at most "
            f"{cap:.4g} each; the listed shares cannot be the largest"
        )
    lower = listed + residual**2 / m
    if cap > 0:
        q = min(int(np.floor(residual / cap + 1e-12)), m)
        upper = listed + q * cap**2 + (residual - q * cap) ** 2
    else:
        upper = listed
    return pd.Series(
        {
            "lower": lower,
            "upper": upper,
            "listed": listed,
            "residual": residual,
            "n_unlisted": m,
        }
    )


def concentration_summary(
    shares: pd.DataFrame, n_units: int, ranked_by: str, k: int = 5
) -> pd.DataFrame:
    """CR_k and bounds on the HHI for each column of a published top table of shares (per cent).

    ``ranked_by`` names the column the table is ranked by: its listed shares cap every unlisted
    unit's share; for the other columns only the residual does. CR_k is exact when no unlisted unit
    can exceed the k-th largest listed share, which the row ``CR{k} exact`` reports. The bounds are
    those of :func:`hhi_bounds` with ``total=100``.

    Parameters
    ----------
    shares
        One row per listed unit (its label in the index) and one column per share variable, in per
        cent of the whole population's total.
    n_units
        Number of units in the whole population (listed plus unlisted), e.g. 31 provinces.
    ranked_by
        The column of ``shares`` by which the table lists its top units.
    k
        How many of the largest listed shares CR_k adds, from 1 to the number of rows.

    Returns
    -------
    pandas.DataFrame
        One column per column of ``shares``; rows ``listed units``, ``listed total (%)``,
        ``CR{k} (%)``, ``CR{k} units`` (the labels of the k largest, comma-separated),
        ``CR{k} exact`` (bool), ``HHI lower bound``, ``HHI upper bound``, ``HHI of listed``,
        ``unlisted residual (%)``, ``unlisted units`` and
        ``numbers equivalent (10000 / HHI upper)``. The columns hold mixed types (object dtype).

    Raises
    ------
    helpers.errors.InputTypeError
        If ``shares`` is not a DataFrame, a column holds text, or ``k`` is not an integer.
    helpers.errors.InputError
        If ``ranked_by`` is not a column, ``k`` is out of range, or a column's shares do not fit
        :func:`hhi_bounds`.
    """
    if not isinstance(shares, pd.DataFrame):
        raise InputTypeError(
            f"shares must be a DataFrame of share columns; got {type(shares).__name__}"
        )
    _checks.columns(shares, [ranked_by], "shares")
    k = _checks.integer("k", k, minimum=1, maximum=len(shares))
    out = {}
    for column in shares.columns:
        values = _values(shares[column], name=f"shares[{column!r}]")
        bounds = hhi_bounds(
            values, n_units=n_units, listed_are_largest=(column == ranked_by)
        )
        cap = (
            float(values.min())
            if column == ranked_by
            else float(bounds["residual"])
        )
        out[column] = {
            "listed units": len(values),
            "listed total (%)": float(values.sum()),
            f"CR{k} (%)": concentration_ratio(values, k),
            f"CR{k} units": ", ".join(map(str, values.nlargest(k).index)),
            f"CR{k} exact": bool(cap <= values.nlargest(k).iloc[-1]),
            "HHI lower bound": float(bounds["lower"]),
            "HHI upper bound": float(bounds["upper"]),
            "HHI of listed": float(bounds["listed"]),
            "unlisted residual (%)": float(bounds["residual"]),
            "unlisted units": int(bounds["n_unlisted"]),
            "numbers equivalent (10000 / HHI upper)": 10000
            / float(bounds["upper"]),
        }
    return pd.DataFrame(out)
