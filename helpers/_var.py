"""VAR algebra shared by the panel VAR (:mod:`helpers.pvar`) and the time-series VAR
(:mod:`helpers.timeseries`): moving-average coefficients, impact matrices, impulse responses and the
forecast-error variance decomposition, for lag matrices ``A_1..A_p`` of shape ``(p, k, k)`` and an
error covariance ``Sigma`` (Lütkepohl 2005, sections 2.1.2, 2.3.2 and 2.3.3).

:func:`ma_coefficients` is the batched form of statsmodels' ``ma_rep`` (equal to it; the tests check
this): it accepts leading axes, so the Monte Carlo bands of the panel VAR compute a thousand draws
in one pass. The FEVD comes in one unit (per cent) and one layout for both families.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from helpers import _checks
from helpers.errors import InputError

KINDS = ("orthogonal", "generalized")


def ma_coefficients(coefs: np.ndarray, horizon: int) -> np.ndarray:
    """Moving-average matrices ``Phi_0..Phi_horizon`` (``horizon + 1`` of them) of a VAR with lag
    matrices ``coefs`` of shape ``(..., p, k, k)``: ``Phi_0 = I``, ``Phi_h = sum_{l=1}^{min(h, p)}
    A_l Phi_{h-l}``. Returns shape ``(..., horizon + 1, k, k)``."""
    *lead, p, k, _ = coefs.shape
    phi = np.zeros((*lead, horizon + 1, k, k))
    phi[..., 0, :, :] = np.eye(k)
    for h in range(1, horizon + 1):
        for lag in range(1, min(p, h) + 1):
            phi[..., h, :, :] += (
                coefs[..., lag - 1, :, :] @ phi[..., h - lag, :, :]
            )
    return phi


def order_index(
    names: Sequence[str], order: Sequence[str] | None
) -> np.ndarray:
    """Positions of the variables in the Cholesky ``order`` (default: their own order)."""
    names = [str(n) for n in names]
    if order is None:
        return np.arange(len(names))
    order = [str(o) for o in order]
    if sorted(order) != sorted(names):
        raise InputError(
            f"order must list each of {names} exactly once; got {order}"
        )
    return np.array([names.index(o) for o in order])


def impact(
    sigma: np.ndarray,
    kind: str = "orthogonal",
    order: np.ndarray | None = None,
) -> np.ndarray:
    """Impact matrix whose column ``j`` is the response at horizon 0 to a one-standard-deviation
    shock ``j``: the lower Cholesky factor of ``Sigma`` with the variables in ``order``
    (``"orthogonal"``), or ``Sigma e_j / sqrt(sigma_jj)`` (``"generalized"``, Pesaran & Shin 1998).
    Columns and rows follow the variables' own order."""
    _checks.option("kind", kind, KINDS)
    if kind == "generalized":
        return sigma / np.sqrt(np.diag(sigma))
    position = np.arange(len(sigma)) if order is None else order
    factor = np.zeros_like(sigma)
    factor[np.ix_(position, position)] = np.linalg.cholesky(
        sigma[np.ix_(position, position)]
    )
    return factor


def responses(
    coefs: np.ndarray,
    sigma: np.ndarray,
    horizon: int,
    kind: str = "orthogonal",
    order: np.ndarray | None = None,
    cumulative: bool = False,
) -> np.ndarray:
    """Impulse responses ``Phi_h P`` for h = 0..horizon, shape ``(..., horizon + 1, response,
    impulse)``; summed over horizons when ``cumulative``."""
    out = ma_coefficients(coefs, horizon) @ impact(sigma, kind, order)
    return np.cumsum(out, axis=-3) if cumulative else out


def tidy_responses(
    array: np.ndarray,
    names: Sequence[str],
    value: str = "value",
    order: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Responses of shape ``(horizon + 1, response, impulse)`` as a frame indexed by (impulse,
    response, horizon), sorted for lookups. ``attrs["order"]`` keeps the order to show the
    variables in: the Cholesky ``order`` (where the zeros at horizon 0 fall above the diagonal),
    else ``names``."""
    index = pd.MultiIndex.from_product(
        [range(array.shape[0]), names, names],
        names=["horizon", "response", "impulse"],
    )
    frame = pd.DataFrame({value: array.reshape(-1)}, index=index)
    frame = frame.reorder_levels(
        ["impulse", "response", "horizon"]
    ).sort_index()
    frame.attrs["order"] = [
        str(n) for n in (names if order is None else order)
    ]
    return frame


def fevd(
    coefs: np.ndarray,
    sigma: np.ndarray,
    names: Sequence[str],
    horizons: Sequence[int],
    order: Sequence[str] | None = None,
) -> pd.DataFrame:
    """Forecast-error variance decomposition in the layout papers print.

    For an ``h``-step forecast of variable ``i`` the error variance is
    ``MSE_i(h) = sum_{l<h} (Phi_l Sigma Phi_l')_{ii}``, and the share of orthogonalised shock ``j``
    is ``100 sum_{l<h} (Phi_l P)_{ij}^2 / MSE_i(h)`` with ``P`` the Cholesky factor in ``order``.
    Returns a frame indexed by (response, horizon) with the column ``S.E.`` (``sqrt(MSE_i(h))``, the
    forecast's standard error, which cannot fall as ``h`` grows) and one column per shock in
    ``order``, in per cent; each row's shares sum to 100.
    """
    names = [str(n) for n in names]
    horizons = [_checks.integer("horizons", h, minimum=1) for h in horizons]
    if not horizons:
        raise InputError("horizons must list at least one horizon")
    position = order_index(names, order)
    theta = responses(coefs, sigma, max(horizons) - 1, "orthogonal", position)
    contributions = np.cumsum(theta**2, axis=0)  # (horizon, response, shock)
    rows = []
    ordered = [names[p] for p in position]
    for i, name in enumerate(names):
        for h in horizons:
            mse = contributions[h - 1, i].sum()
            shares = 100 * contributions[h - 1, i, position] / mse
            rows.append(
                {
                    "response": name,
                    "horizon": h,
                    "S.E.": np.sqrt(mse),
                    **dict(zip(ordered, shares)),
                }
            )
    return pd.DataFrame(rows).set_index(["response", "horizon"])


def companion(coefs: np.ndarray) -> np.ndarray:
    """Companion matrix of lag matrices of shape ``(p, k, k)``."""
    p, k, _ = coefs.shape
    top = np.concatenate(list(coefs), axis=1)
    if p == 1:
        return top
    return np.vstack([top, np.eye(k * (p - 1), k * p)])
