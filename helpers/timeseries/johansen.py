"""Johansen's (1988, 1995) cointegration test for all five deterministic cases with optional centred
seasonal dummies (chapter 5).

statsmodels' ``coint_johansen`` covers neither a restricted constant nor seasonal dummies, so the
estimator is written here; the tests check it against statsmodels where their options coincide and
against R's urca (Pfaff 2008) elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import linalg

from helpers import _checks
from helpers.errors import InputError

#: Deterministic cases of :func:`johansen`, in Johansen's (1995) order (his H_2, H_1*, H_1, H*, H),
#: named by statsmodels' VECM codes: ``co``/``lo`` a constant/linear trend outside the cointegrating
#: relations (unrestricted), ``ci``/``li`` inside them (restricted).
JOHANSEN_CASES = {
    "n": "no deterministic terms",
    "ci": "restricted constant (in the cointegrating relations only)",
    "co": "unrestricted constant (linear trends in the levels)",
    "coli": "restricted trend (trend in the cointegrating relations, unrestricted constant)",
    "colo": "unrestricted constant and trend (quadratic trends in the levels)",
}

#: The names this module used before it adopted statsmodels' codes, still accepted everywhere a
#: case is (``rc`` restricted constant, ``c`` constant, ``rt`` restricted trend, ``t`` trend).
JOHANSEN_ALIASES = {"rc": "ci", "c": "co", "rt": "coli", "t": "colo"}

#: Every name a case is accepted under, to the code statsmodels' ``VECM(deterministic=...)`` takes.
VECM_DETERMINISTIC = {case: case for case in JOHANSEN_CASES} | JOHANSEN_ALIASES

#: The cases a VECM is estimated under in this module (``colo`` has no critical values here, so
#: its rank cannot be read).
VECM_CASES = ("n", "ci", "co", "coli")


def deterministic_case(deterministic: str) -> str:
    """The statsmodels code of a deterministic case.

    Parameters
    ----------
    deterministic : str
        A code of :data:`JOHANSEN_CASES` (``"n"``, ``"ci"``, ``"co"``, ``"coli"``, ``"colo"``) or
        one of its older aliases (``"rc"``, ``"c"``, ``"rt"``, ``"t"``).

    Returns
    -------
    str
        The code, with an alias replaced by the code it stands for.

    Raises
    ------
    InputError
        When ``deterministic`` is neither.
    """
    _checks.option("deterministic", deterministic, list(VECM_DETERMINISTIC))
    return VECM_DETERMINISTIC[deterministic]


@dataclass
class JohansenResult:
    """Eigenvalues, test statistics, critical values and cointegrating vectors of :func:`johansen`.

    ``tests`` has one row per null hypothesis ``rank <= r`` (r = 0..k-1) with the trace and
    maximum-eigenvalue statistics and, where a published table covers the case, their 90/95/99%
    critical values (NaN where it does not). ``vectors`` holds the eigenvectors as columns, each
    normalised so that its first variable has coefficient 1 (rows: the variables, then ``const`` or
    ``trend`` for a restricted term; a vector whose first coefficient is exactly zero is left
    unscaled); ``loadings`` the matching adjustment coefficients alpha, so that ``loadings @
    vectors.T`` is the long-run matrix ``Pi`` (for the full rank).
    """

    eigenvalues: pd.Series
    tests: pd.DataFrame
    vectors: pd.DataFrame
    loadings: pd.DataFrame
    deterministic: str
    k_ar_diff: int
    seasons: int
    nobs: int

    def rank(self, test: str = "trace", level: str = "95%") -> int | None:
        """The first ``r`` whose null ``rank <= r`` is not rejected (None without critical
        values).

        The nulls are tested in turn from ``r = 0`` (Johansen's sequential procedure); ``r`` is
        the first whose statistic does not exceed its critical value.

        Parameters
        ----------
        test : str, default "trace"
            ``"trace"`` or ``"max_eig"``.
        level : str, default "95%"
            The critical values' column: ``"90%"``, ``"95%"`` or ``"99%"``.

        Returns
        -------
        int or None
            The rank, 0 to ``k`` (``k`` when every null is rejected); None when the case has no
            critical values or ``level`` is not one of the three.

        Raises
        ------
        InputError
            For an unknown ``test``.
        """
        _checks.option("test", test, ("trace", "max_eig"))
        column = f"{test}_cv_{level}"
        if column not in self.tests or self.tests[column].isna().any():
            return None
        for r, row in self.tests.iterrows():
            if row[test] <= row[column]:
                return int(r)
        return len(self.tests)


def _residuals(y: np.ndarray, x: np.ndarray) -> np.ndarray:
    if x.shape[1] == 0:
        return y
    coef, *_ = np.linalg.lstsq(x, y, rcond=None)
    return y - x @ coef


def centred_seasonal_dummies(nobs: int, seasons: int) -> np.ndarray:
    """Johansen's centred seasonal dummies: ``seasons - 1`` columns, ``1 - 1/s`` in their season and
    ``-1/s`` otherwise, the first observation in season 1 (as R's urca ``ca.jo``).

    Parameters
    ----------
    nobs : int
        Number of rows.
    seasons : int
        Number of seasons ``s`` (4 for quarters), at least 1 (not checked).

    Returns
    -------
    numpy.ndarray
        Shape ``(nobs, seasons - 1)``; column ``j`` is ``1 - 1/s`` in season ``j + 1`` and
        ``-1/s`` elsewhere, so each column sums to zero over whole years (the last season has no
        column).

    Examples
    --------
    >>> centred_seasonal_dummies(5, 4)[:, 0].tolist()
    [0.75, -0.25, -0.25, -0.25, 0.75]
    """
    pattern = np.eye(seasons)[:, :-1] - 1 / seasons
    return np.tile(pattern, (nobs // seasons + 1, 1))[:nobs]


def johansen_minimum_observations(
    k: int, k_ar_diff: int, deterministic: str = "co", seasons: int = 0
) -> int:
    """Fewest observations for :func:`johansen`: ``k_ar_diff + 1`` start-up values, then more rows
    than the ``k k_ar_diff`` lagged differences, the unrestricted terms and the ``k`` (or ``k + 1``)
    levels, so that both auxiliary regressions keep a residual degree of freedom.

    The count is ``k_ar_diff + 1 + k k_ar_diff + u + k + 2`` with ``u`` the unrestricted
    deterministic terms (1 for ``"co"`` and ``"coli"``, 2 for ``"colo"``, plus ``seasons - 1``
    dummies).

    Parameters
    ----------
    k : int
        Number of variables.
    k_ar_diff : int
        Number of lagged differences.
    deterministic : str, default "co"
        The case (a code of :data:`JOHANSEN_CASES` or an older alias).
    seasons : int, default 0
        Number of seasons of the centred dummies (0 for none).

    Returns
    -------
    int
        The fewest rows of ``data`` in levels.

    Raises
    ------
    InputError
        For an unknown case.

    Examples
    --------
    >>> johansen_minimum_observations(2, 1)
    9
    """
    unrestricted = {"co": 1, "coli": 1, "colo": 2}.get(
        deterministic_case(deterministic), 0
    ) + max(seasons - 1, 0)
    return k_ar_diff + 1 + k * k_ar_diff + unrestricted + k + 2


def johansen(
    data: pd.DataFrame,
    k_ar_diff: int = 1,
    deterministic: str = "co",
    seasons: int = 0,
) -> JohansenResult:
    """Johansen's trace and maximum-eigenvalue tests of the cointegrating rank.

    The VECM is ``dy_t = alpha beta' y*_{t-1} + sum_{i=1}^{k_ar_diff} Gamma_i dy_{t-i} + D_t +
    e_t``. ``y*`` is ``y`` augmented by 1 (``"ci"``) or by ``t`` (``"coli"``); the unrestricted
    terms ``D_t`` are a constant (``"co"``, ``"coli"``, ``"colo"``), a trend (``"colo"``) and
    ``seasons - 1`` centred seasonal dummies. With ``R0`` and ``R1`` the residuals of ``dy_t`` and
    ``y*_{t-1}`` on the lagged differences and ``D_t``, ``S_ij = R_i'R_j / T``, the eigenvalues
    solve ``|lambda S11 - S10 S00^-1 S01| = 0`` (Johansen 1995, ch. 6); the trace statistic for
    ``rank <= r`` is ``-T sum_{i>r} ln(1 - lambda_i)`` and the maximum-eigenvalue statistic
    ``-T ln(1 - lambda_{r+1})``, with ``T`` the observations used.

    Critical values come from the tables statsmodels ships (Osterwald-Lenum 1992 as tabulated in
    LeSage's jplv toolbox) for cases ``"n"`` and ``"co"``, and from
    ``data/johansen_critical_values`` (Osterwald-Lenum 1992, as R's urca tabulates them) for
    ``"ci"`` and ``"coli"``; seasonal dummies leave the asymptotic tables unchanged. Case
    ``"colo"`` has no table here, so its critical values are NaN.

    Parameters
    ----------
    data : DataFrame
        The series in levels (usually logs), one column each, at least two, none constant.
    k_ar_diff : int, default 1
        Number of lagged differences ``Gamma_i`` in the VECM (the VAR in levels has
        ``k_ar_diff + 1`` lags).
    deterministic : str, default "co"
        The case, in statsmodels' VECM codes (see :data:`JOHANSEN_CASES`): ``"n"``, ``"ci"``,
        ``"co"``, ``"coli"`` or ``"colo"``; the older names ``"rc"``, ``"c"``, ``"rt"`` and
        ``"t"`` are accepted as aliases.
    seasons : int, default 0
        Number of seasons for centred seasonal dummies (0 for none, else at least 2).

    Returns
    -------
    JohansenResult
        The eigenvalues, the tests with their critical values, the normalised vectors and their
        loadings; ``deterministic`` holds the case's code.

    Raises
    ------
    InputError
        For an unknown case, ``seasons`` of 1, too few observations for the model (with the
        arithmetic), or collinear differences.

    Examples
    --------
    >>> import numpy as np
    >>> import statsmodels.api as sm
    >>> m = sm.datasets.macrodata.load_pandas().data
    >>> result = johansen(np.log(m[["realgdp", "realcons"]]), k_ar_diff=2, deterministic="co")
    >>> result.tests["trace"].round(2).tolist(), result.rank("trace")
    ([13.69, 2.39], 0)
    """
    deterministic = deterministic_case(deterministic)
    k_ar_diff = _checks.integer("k_ar_diff", k_ar_diff, minimum=0)
    seasons = _checks.integer("seasons", seasons, minimum=0)
    if seasons == 1:
        raise InputError("seasons must be 0 (none) or at least 2; got 1")
    values = _checks.frame(data, "data", min_columns=2, nonconstant=True)
    y = values.to_numpy()
    n, k = y.shape
    needed = johansen_minimum_observations(
        k, k_ar_diff, deterministic, seasons
    )
    _checks.enough(
        n,
        needed,
        f"a Johansen test of {k} series with {k_ar_diff} lagged difference(s)",
    )
    # collinear differences (e.g. log(2x) beside log(x)) leave the moment matrices singular
    _checks.not_collinear(values.diff().dropna(), "data (differences)")

    dy = np.diff(y, axis=0)
    nobs = n - 1 - k_ar_diff
    z0 = dy[k_ar_diff:]
    lagged = [dy[k_ar_diff - i : len(dy) - i] for i in range(1, k_ar_diff + 1)]
    z2 = np.column_stack(lagged) if lagged else np.empty((nobs, 0))
    # the time index of each used observation
    trend = np.arange(k_ar_diff + 1, n, dtype=float)
    z1 = y[k_ar_diff:-1]
    extra_name = None
    if deterministic == "ci":
        z1, extra_name = np.column_stack([z1, np.ones(nobs)]), "const"
    if deterministic == "coli":
        z1, extra_name = np.column_stack([z1, trend]), "trend"
    terms = [z2]
    if deterministic in ("co", "coli", "colo"):
        terms.append(np.ones((nobs, 1)))
    if deterministic == "colo":
        terms.append(trend[:, None])
    if seasons:
        terms.append(centred_seasonal_dummies(n, seasons)[k_ar_diff + 1 :])
    z2 = np.column_stack(terms)

    r0, r1 = _residuals(z0, z2), _residuals(z1, z2)
    s00, s01, s11 = r0.T @ r0 / nobs, r0.T @ r1 / nobs, r1.T @ r1 / nobs
    # symmetric-definite generalized eigenproblem; eigh returns V with V' S11 V = I
    eigenvalues, vectors = linalg.eigh(s01.T @ np.linalg.solve(s00, s01), s11)
    keep = np.argsort(eigenvalues)[::-1]
    eigenvalues, vectors = eigenvalues[keep][:k], vectors[:, keep][:, :k]
    eigenvalues = np.clip(eigenvalues, 0.0, 1.0 - 1e-15)

    log_terms = np.log(1 - eigenvalues)
    trace = -nobs * np.cumsum(log_terms[::-1])[::-1]
    max_eig = -nobs * log_terms
    tests = pd.DataFrame(
        {"trace": trace, "max_eig": max_eig}, index=pd.RangeIndex(k, name="r")
    )
    table = johansen_critical_values(deterministic, k)
    for test in ("trace", "max_eig"):
        for level in ("90%", "95%", "99%"):
            tests[f"{test}_cv_{level}"] = (
                table[f"{test}_{level}"].to_numpy()
                if table is not None
                else np.nan
            )

    names = [str(c) for c in values.columns] + (
        [extra_name] if extra_name else []
    )
    labels = [f"r{i + 1}" for i in range(k)]
    alpha = s01 @ vectors  # loadings of the S11-normalised vectors
    first = vectors[0].copy()
    first[np.abs(first) < 1e-300] = 1.0
    beta = pd.DataFrame(vectors / first, index=names, columns=labels)
    loadings = pd.DataFrame(
        alpha * first, index=[str(c) for c in values.columns], columns=labels
    )
    return JohansenResult(
        eigenvalues=pd.Series(eigenvalues, index=labels, name="eigenvalue"),
        tests=tests,
        vectors=beta,
        loadings=loadings,
        deterministic=deterministic,
        k_ar_diff=int(k_ar_diff),
        seasons=int(seasons),
        nobs=int(nobs),
    )


def johansen_critical_values(
    deterministic: str, k: int
) -> pd.DataFrame | None:
    """90/95/99% critical values of the trace and max-eigenvalue tests for ``rank <= r``.

    Cases ``"n"`` and ``"co"``: the tables in statsmodels (``c_sjt``, ``c_sja``), for up to 12
    variables. Cases ``"ci"`` and ``"coli"``: Osterwald-Lenum (1992), as R's urca tabulates them,
    for up to 11 variables (``data/johansen_critical_values``).

    Parameters
    ----------
    deterministic : str
        The case (a code of :data:`JOHANSEN_CASES` or an older alias).
    k : int
        Number of variables.

    Returns
    -------
    DataFrame or None
        One row per ``r = 0..k-1`` with the columns ``trace_90%`` ... ``max_eig_99%``; None where
        no table covers the case and dimension.
    """
    deterministic = deterministic_case(deterministic)
    if deterministic in ("n", "co"):
        if k > 12:
            return None
        from statsmodels.tsa.coint_tables import c_sja, c_sjt

        order = {"n": -1, "co": 0}[deterministic]
        rows = []
        for r in range(k):
            trace, max_eig = c_sjt(k - r, order), c_sja(k - r, order)
            rows.append(
                {
                    **{
                        f"trace_{level}": v
                        for level, v in zip(("90%", "95%", "99%"), trace)
                    },
                    **{
                        f"max_eig_{level}": v
                        for level, v in zip(("90%", "95%", "99%"), max_eig)
                    },
                }
            )
        return pd.DataFrame(rows)
    if deterministic in ("ci", "coli"):
        from helpers import data

        table = data.load("johansen_critical_values")
        # the table keeps the older names of the two cases
        old = {"ci": "rc", "coli": "rt"}[deterministic]
        case = table[table["case"] == old]
        if k > case["n_minus_r"].max():
            return None
        rows = []
        for r in range(k):
            part = case[case["n_minus_r"] == k - r].set_index("test")
            rows.append(
                {
                    f"{test}_{level}": part.loc[test, f"cv_{level[:2]}"]
                    for test in ("trace", "max_eig")
                    for level in ("90%", "95%", "99%")
                }
            )
        return pd.DataFrame(rows)
    return None


def ranks(
    data: pd.DataFrame, k_ar_diff: int, cases=("ci", "co", "coli")
) -> pd.DataFrame:
    """The cointegrating rank by the trace and the maximum-eigenvalue test (95%) for each case, with
    the r = 0 statistics and their critical values.

    Parameters
    ----------
    data : DataFrame
        The series in levels, as :func:`johansen` takes them.
    k_ar_diff : int
        Number of lagged differences.
    cases : iterable of str, default ("ci", "co", "coli")
        The deterministic cases (codes of :data:`JOHANSEN_CASES` or older aliases).

    Returns
    -------
    DataFrame
        Indexed by ``deterministic`` (the case's code), with ``case`` (in words), ``trace rank``
        and ``max-eig rank`` (:meth:`JohansenResult.rank` at 95%; None for ``"colo"``),
        ``trace, r = 0`` and ``95% value`` (its critical value; NaN for ``"colo"``).

    Raises
    ------
    InputError
        As :func:`johansen` does.
    """
    rows = {}
    for case in map(deterministic_case, cases):
        result = johansen(data, k_ar_diff, case)
        tests = result.tests.loc[0]
        rows[case] = {
            "case": JOHANSEN_CASES[case],
            "trace rank": result.rank("trace"),
            "max-eig rank": result.rank("max_eig"),
            "trace, r = 0": tests["trace"],
            "95% value": tests["trace_cv_95%"],
        }
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis(
        "deterministic"
    )


def ranks_by_lag(
    data: pd.DataFrame, lags, deterministic: str = "co"
) -> pd.DataFrame:
    """The same as :func:`ranks` for one case over several numbers of lagged differences.

    Parameters
    ----------
    data : DataFrame
        The series in levels, as :func:`johansen` takes them.
    lags : iterable of int
        The numbers of lagged differences ``k_ar_diff`` to try.
    deterministic : str, default "co"
        The case (a code of :data:`JOHANSEN_CASES` or an older alias).

    Returns
    -------
    DataFrame
        Indexed by ``lagged differences``, with ``trace rank``, ``max-eig rank``,
        ``trace, r = 0`` and ``95% value``.

    Raises
    ------
    InputError
        As :func:`johansen` does, for any of the lags.
    """
    rows = {}
    for k in lags:
        result = johansen(data, k, deterministic)
        rows[k] = {
            "trace rank": result.rank("trace"),
            "max-eig rank": result.rank("max_eig"),
            "trace, r = 0": float(result.tests.loc[0, "trace"]),
            "95% value": result.tests.loc[0, "trace_cv_95%"],
        }
    return pd.DataFrame.from_dict(rows, orient="index").rename_axis(
        "lagged differences"
    )


def vecm_fit(
    data: pd.DataFrame, k_ar_diff: int, rank: int, deterministic: str = "co"
):
    """statsmodels' VECM of ``rank`` cointegrating relations with ``k_ar_diff`` lagged differences,
    fitted (a ``VECMResults``: ``alpha``, ``beta``, ``gamma``, ``irf()``, ``var_rep``), with the
    deterministic case one of :data:`VECM_CASES` (or an older alias of one).

    The model is :func:`johansen`'s VECM with ``alpha`` of shape ``k x rank``, estimated by
    Johansen's reduced-rank regression; statsmodels normalises ``beta`` so that its first
    ``rank`` rows are the identity.

    Parameters
    ----------
    data : DataFrame
        The series in levels (usually logs), at least two columns, finite, none constant.
    k_ar_diff : int
        Number of lagged differences.
    rank : int
        Number of cointegrating relations, 1 to ``k - 1``.
    deterministic : str, default "co"
        ``"n"``, ``"ci"``, ``"co"`` or ``"coli"`` (or ``"rc"``, ``"c"``, ``"rt"``).

    Returns
    -------
    statsmodels.tsa.vector_ar.vecm.VECMResults
        The fitted VECM.

    Raises
    ------
    InputTypeError
        When ``data`` is not a DataFrame or holds text, or ``rank`` is not an integer.
    InputError
        For fewer than two columns, a missing, infinite or constant column, a ``rank`` outside
        1..k-1, or a case outside :data:`VECM_CASES`.
    """
    from statsmodels.tsa.vector_ar.vecm import VECM

    values = _checks.frame(data, "data", min_columns=2, nonconstant=True)
    k = values.shape[1]
    rank = _checks.integer("rank", rank, minimum=1, maximum=k - 1)
    deterministic = deterministic_case(deterministic)
    _checks.option("deterministic", deterministic, VECM_CASES)
    return VECM(
        values,
        k_ar_diff=k_ar_diff,
        coint_rank=rank,
        deterministic=deterministic,
    ).fit()


def long_run_responses(vecm, var, horizon: int) -> pd.DataFrame:
    """Orthogonalised responses at ``horizon`` of the levels from a fitted VECM (``vecm_fit``, data
    in logs), beside the cumulated responses of a VAR in growth rates (statsmodels
    ``VARResults`` on 100 x the log differences), both in percent and in the columns' Cholesky
    order: indexed by (impulse, response). Under cointegration the growth-rate VAR omits the
    error-correction term, and the two disagree about where the levels settle.

    The VECM's responses are statsmodels' ``orth_irfs`` at ``horizon`` (times 100, the data
    being logs); the VAR's are its ``orth_cum_effects``, the sum of the responses over horizons
    0..``horizon``. Both use the Cholesky factor of their own residual covariance, in the order of
    the VAR's variables (the VECM must list the same variables in the same order).

    Parameters
    ----------
    vecm : VECMResults
        A fitted VECM in logs (:func:`vecm_fit`).
    var : VARResults
        A fitted VAR in growth rates (100 x log differences) of the same variables.
    horizon : int
        The horizon in periods, at least 1.

    Returns
    -------
    DataFrame
        Indexed by (``impulse``, ``response``), the VAR's variable names, with
        ``VECM (levels)`` and ``growth-rate VAR (cumulated)``, in per cent.

    Raises
    ------
    InputTypeError
        When ``horizon`` is not an integer.
    InputError
        When ``horizon`` is below 1.
    """
    horizon = _checks.integer("horizon", horizon, minimum=1)
    names = [str(n) for n in var.names]
    in_levels = 100 * vecm.irf(horizon).orth_irfs[horizon]
    cumulated = var.irf(horizon).orth_cum_effects[horizon]
    index = pd.MultiIndex.from_product(
        [names, names], names=["impulse", "response"]
    )
    # orth_irfs[h][response, impulse]
    return pd.DataFrame(
        {
            "VECM (levels)": in_levels.T.reshape(-1),
            "growth-rate VAR (cumulated)": cumulated.T.reshape(-1),
        },
        index=index,
    )


def vecm_table(
    data: pd.DataFrame, k_ar_diff: int, rank: int, deterministic: str = "co"
) -> pd.DataFrame:
    """statsmodels' VECM of ``rank`` cointegrating relations: the normalised relations (beta), the
    loadings (alpha) and the t statistics of the loadings, one row per variable.

    Parameters
    ----------
    data : DataFrame
        The series in levels, as :func:`vecm_fit` takes them.
    k_ar_diff : int
        Number of lagged differences.
    rank : int
        Number of cointegrating relations, 1 to ``k - 1``.
    deterministic : str, default "co"
        ``"n"``, ``"ci"``, ``"co"`` or ``"coli"`` (or an older alias).

    Returns
    -------
    DataFrame
        Indexed by variable; columns of two levels: ``beta (normalised)``, ``alpha (loading)``
        and ``t of alpha``, each over ``relation 1`` .. ``relation <rank>``. Restricted
        deterministic terms in beta are left out.

    Raises
    ------
    InputTypeError
        When ``data`` is not a DataFrame or holds text, or ``rank`` is not an integer.
    InputError
        As :func:`vecm_fit` does.
    """
    values = _checks.frame(data, "data", min_columns=2, nonconstant=True)
    k = values.shape[1]
    rank = _checks.integer("rank", rank, minimum=1, maximum=k - 1)
    fit = vecm_fit(values, k_ar_diff, rank, deterministic)
    names = [str(c) for c in values.columns]
    relations = [f"relation {i + 1}" for i in range(rank)]
    return pd.concat(
        {
            "beta (normalised)": pd.DataFrame(
                fit.beta[:k], index=names, columns=relations
            ),
            "alpha (loading)": pd.DataFrame(
                fit.alpha, index=names, columns=relations
            ),
            "t of alpha": pd.DataFrame(
                fit.tvalues_alpha, index=names, columns=relations
            ),
        },
        axis=1,
    )
