"""A simulated panel VAR(1) with fixed effects, for checking the estimator where the truth is known.

The draws are **simulated**; they describe no real panel.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from helpers import _checks
from helpers.errors import InputError


def pvar_panel(
    coefs,
    n_units: int,
    n_periods: int,
    seed: int,
    sigma=None,
    effect_sd: float = 1.0,
    burn_in: int = 50,
) -> pd.DataFrame:
    """Simulate a stationary panel VAR(1) with fixed effects: ``y_it = mu_i + A y_{i,t-1} + e_it``.

    ``coefs`` is ``A`` (a square DataFrame whose columns name the variables, or an array), ``sigma``
    the error covariance (identity by default), ``mu_i ~ N(0, effect_sd^2 I)``. Each unit starts at
    its own mean and runs ``burn_in`` periods before the ``n_periods`` kept (labelled 1..n_periods).
    The draws are **simulated**, for checking estimators where the truth is known.

    The errors are ``e_it = C z_it`` with ``z_it`` standard normal and ``C`` the lower Cholesky
    factor of ``sigma``; the effects and errors are drawn from ``numpy.random.default_rng(seed)``.
    A unit's own mean is ``(I - A)^-1 mu_i``.

    Parameters
    ----------
    coefs : DataFrame or array_like
        ``A``, ``k x k``, every eigenvalue inside the unit circle; a DataFrame's columns name
        the variables (else ``y1``, ``y2``, ...).
    n_units : int
        Number of units, at least 1.
    n_periods : int
        Periods kept per unit, at least 1.
    seed : int
        Seed of the generator, at least 0.
    sigma : array_like or None, default None
        The error covariance, ``k x k`` and positive definite; None for the identity.
    effect_sd : float, default 1.0
        Standard deviation of each fixed effect's components, at least 0.
    burn_in : int, default 50
        Periods simulated and dropped before those kept, at least 0.

    Returns
    -------
    DataFrame
        ``n_units x n_periods`` rows, unit by unit in time order, on a default index, with
        ``entity`` (1..n_units), ``time`` (1..n_periods) and one column per variable.

    Raises
    ------
    InputTypeError
        When ``n_units``, ``n_periods``, ``seed`` or ``burn_in`` is not an integer, or
        ``effect_sd`` not a number.
    InputError
        When one of them is below its minimum, ``coefs`` is not square, or ``A`` has an
        eigenvalue on or outside the unit circle.

    Examples
    --------
    >>> panel = pvar_panel([[0.5, 0.1], [0.2, 0.4]], n_units=3, n_periods=4, seed=0)
    >>> panel.shape, panel.columns.tolist()
    ((12, 4), ['entity', 'time', 'y1', 'y2'])
    """
    n_units = _checks.integer("n_units", n_units, minimum=1)
    n_periods = _checks.integer("n_periods", n_periods, minimum=1)
    seed = _checks.integer("seed", seed, minimum=0)
    burn_in = _checks.integer("burn_in", burn_in, minimum=0)
    effect_sd = _checks.number("effect_sd", effect_sd, minimum=0)
    A = np.asarray(coefs, dtype=float)
    names = (
        list(coefs.columns)
        if isinstance(coefs, pd.DataFrame)
        else [f"y{k + 1}" for k in range(A.shape[0])]
    )
    if A.ndim != 2 or A.shape[0] != A.shape[1]:
        raise InputError(f"coefs must be a square matrix, got shape {A.shape}")
    if np.abs(np.linalg.eigvals(A)).max() >= 1:
        raise InputError(
            "coefs must describe a stable VAR (every eigenvalue of A inside the unit circle)"
        )
    k = A.shape[0]
    chol = np.linalg.cholesky(
        np.eye(k) if sigma is None else np.asarray(sigma, dtype=float)
    )
    rng = np.random.default_rng(seed)
    mu = rng.normal(0.0, effect_sd, size=(n_units, k))
    y = np.linalg.solve(np.eye(k) - A, mu.T).T  # the units' own means
    kept = np.empty((n_units, n_periods, k))
    for step in range(burn_in + n_periods):
        y = mu + y @ A.T + rng.standard_normal((n_units, k)) @ chol.T
        if step >= burn_in:
            kept[:, step - burn_in] = y
    frame = pd.DataFrame(kept.reshape(-1, k), columns=names)
    frame.insert(0, "time", np.tile(np.arange(1, n_periods + 1), n_units))
    frame.insert(0, "entity", np.repeat(np.arange(1, n_units + 1), n_periods))
    return frame
