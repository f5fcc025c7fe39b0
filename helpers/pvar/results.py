"""Estimates of a :class:`helpers.pvar.PanelVAR`: coefficients, tests, stability, impulse responses
and the variance decomposition (the VAR algebra is :mod:`helpers._var`, shared with the time-series
family)."""

from __future__ import annotations

import warnings
from collections.abc import Sequence

import numpy as np
import pandas as pd

# scipy.special rather than scipy.stats: the same functions (norm.sf is ndtr(-x), norm.ppf is
# ndtri, chi2.sf is chdtrc) without the half second scipy.stats takes to import in every kernel
from scipy import special

from helpers import _checks, _panel, _var
from helpers._stats import TestStatistic
from helpers.display import estimates_text
from helpers.errors import BookWarning, InputError
from helpers.pvar import specification
from helpers.pvar.gmm import GMMFit, estimate


class CovarianceWarning(BookWarning):
    """A coefficient's estimated variance is negative."""

    meaning = (
        "The estimated covariance of the coefficients is not positive semi-definite, which the "
        "finite-sample (Windmeijer) correction can produce with many moment conditions and few "
        "units. The standard errors, t statistics and p-values of the coefficients named are "
        "missing rather than shown as zero; the others, and the estimates themselves, stand."
    )


def _standard_errors(
    variances: np.ndarray, regressors: Sequence[str]
) -> np.ndarray:
    """Square roots of the variances. Rounding can leave a zero variance a hair below zero,
    which counts as zero; a clearly negative one gives no standard error (NaN, with a
    :class:`CovarianceWarning`) rather than a zero that would make its coefficient look
    infinitely precise."""
    scale = np.abs(variances).max(initial=0.0)
    negative = variances < -1e-10 * scale
    if negative.any():
        n_regs = len(regressors)
        names = [
            f"{regressors[k % n_regs]} (equation {k // n_regs + 1})"
            for k in np.flatnonzero(negative)
        ]
        warnings.warn(
            f"negative estimated variance for {', '.join(names[:5])}"
            + (f" and {len(names) - 5} more" if len(names) > 5 else ""),
            CovarianceWarning,
            stacklevel=3,
        )
    return np.sqrt(np.where(negative, np.nan, np.clip(variances, 0, None)))


class PanelVARResults:
    """Estimates of a :class:`PanelVAR`, in the style of linearmodels' results.

    ``params``, ``std_errors``, ``tstats`` and ``pvalues`` have one row per equation and one column
    per regressor; ``cov`` is the covariance of all coefficients stacked equation by equation
    (two-step: Windmeijer-corrected; one-step: cluster-robust by unit). ``j_stat`` is Hansen's J (a
    :class:`helpers._stats.TestStatistic`; its p-value is not defined with zero degrees of freedom,
    when the model is just identified).
    """

    def __init__(self, model, fit: GMMFit) -> None:
        self.model = model
        self._fit = fit
        eqs, regs = model.dependent, model.regressors
        self.params = pd.DataFrame(
            fit.params.T, index=pd.Index(eqs, name="equation"), columns=regs
        )
        index = pd.MultiIndex.from_product(
            [eqs, regs], names=["equation", "regressor"]
        )
        self.cov = pd.DataFrame(fit.cov, index=index, columns=index)
        se = _standard_errors(np.diag(fit.cov), regs).reshape(
            len(eqs), len(regs)
        )
        self.std_errors = pd.DataFrame(
            se, index=self.params.index, columns=regs
        )
        self.tstats = self.params / self.std_errors
        self.pvalues = pd.DataFrame(
            2 * special.ndtr(-np.abs(self.tstats)),
            index=self.params.index,
            columns=regs,
        )
        self.nobs = model.nobs
        self.n_entities = int(model.design.moments.zx.shape[0])
        self.n_instruments = len(model.design.instruments)
        df = (self.n_instruments - len(regs)) * len(eqs)
        self.j_stat = TestStatistic(
            "Hansen J",
            float(fit.j_stat),
            df,
            float(special.chdtrc(df, fit.j_stat)) if df > 0 else None,
            null="the overidentifying restrictions hold",
            note=""
            if df > 0
            else "the model is just identified: no overidentifying restrictions to test",
        )
        self.moment_rank = fit.rank
        sigma = model.design.moments.residual_cov(
            fit.params, model.transform == "fd"
        )
        self.residual_cov = pd.DataFrame(sigma, index=eqs, columns=eqs)

    # -- diagnostics -------------------------------------------------------------------------------

    @property
    def mmsc(self) -> pd.Series:
        """Andrews & Lu (2001) model and moment selection criteria: smaller is better.

        With ``k`` = moments minus parameters (the J degrees of freedom) and ``n`` observations:
        ``BIC = J - k ln n``, ``AIC = J - 2 k``, ``HQIC = J - 2.1 k ln ln n`` (the 2.1 of R
        panelvar).
        """
        j, k, n = self.j_stat.stat, self.j_stat.df, self.nobs
        return pd.Series(
            {
                "MMSC-BIC": j - k * np.log(n),
                "MMSC-AIC": j - 2 * k,
                "MMSC-HQIC": j - 2.1 * k * np.log(np.log(n)),
            }
        )

    def coefficient_matrices(
        self, params: np.ndarray | None = None
    ) -> np.ndarray:
        """Lag matrices ``A_1..A_p`` as an array (p, M, M); ``A_l[i, j]`` is L{l}.{var j} in
        equation i.

        These are the ``A_l`` of the model ``y_it = sum_{l=1}^{p} A_l y_i,t-l + ... + f_i +
        e_it``; the predetermined, exogenous and constant columns of ``params`` are left out.

        Parameters
        ----------
        params : numpy.ndarray or None, default None
            Coefficients laid out as :attr:`params` (equations x regressors), or a stack of them
            with leading axes (e.g. Monte Carlo draws, ``(n_reps, M, K)``); None for the
            estimates.

        Returns
        -------
        numpy.ndarray
            Shape ``(p, M, M)``, or ``(..., p, M, M)`` for a stack.
        """
        m, p = len(self.model.dependent), self.model.lags
        beta = self.params.to_numpy() if params is None else params
        return (
            beta[..., : m * p]
            .reshape(*beta.shape[:-2], m, p, m)
            .swapaxes(-3, -2)
        )

    def stability(self) -> pd.DataFrame:
        """Eigenvalues of the companion matrix; the VAR is stable when every modulus is below
        one.

        The companion matrix of ``A_1..A_p`` is ``[[A_1 A_2 ... A_p], [I 0 ... 0], ..., [0 ... I
        0]]`` (``Mp x Mp``; ``A_1`` itself when ``p = 1``). The panel VAR is stable, so that its
        impulse responses die out and it has a moving-average representation, when every
        eigenvalue lies inside the unit circle (Lütkepohl 2005, 2.1.1; Abrigo & Love 2016).

        Returns
        -------
        DataFrame
            One row per eigenvalue (``M p`` of them), largest modulus first, on a default index,
            with ``real``, ``imaginary`` and ``modulus``.
        """
        values = np.linalg.eigvals(_var.companion(self.coefficient_matrices()))
        values = values[np.argsort(-np.abs(values), kind="stable")]
        return pd.DataFrame(
            {
                "real": values.real,
                "imaginary": values.imag,
                "modulus": np.abs(values),
            }
        )

    @property
    def is_stable(self) -> bool:
        """Whether every companion-matrix eigenvalue lies inside the unit circle.

        Returns
        -------
        bool
            True when the largest modulus of :meth:`stability` is below 1.
        """
        return bool(self.stability()["modulus"].max() < 1)

    def granger(self) -> pd.DataFrame:
        """Granger-causality Wald tests: in each equation, all lags of each other variable are zero,
        and (``ALL``) all lags of every other variable jointly. Chi-squared with the number of
        restrictions as degrees of freedom; columns ``chi2``, ``df``, ``pvalue``.

        For equation ``i`` and the excluded lags ``b`` (all ``p`` lags of one variable, or of
        every other variable), ``chi2 = b' V^-1 b`` with ``V`` their block of :attr:`cov`.

        Returns
        -------
        DataFrame
            Indexed by (``equation``, ``excluded``), ``excluded`` each other variable and then
            ``"ALL"``; columns ``chi2``, ``df`` (``p`` per excluded variable) and ``pvalue``
            (upper tail).
        """
        eqs, p = self.model.dependent, self.model.lags
        out = []
        for equation in eqs:
            b = self.params.loc[equation]
            v = self.cov.loc[equation, equation]
            others = [name for name in eqs if name != equation]
            for excluded in others + ["ALL"]:
                names = others if excluded == "ALL" else [excluded]
                cols = [
                    f"L{lag}.{name}"
                    for lag in range(1, p + 1)
                    for name in names
                ]
                bb = b[cols].to_numpy()
                chi2 = float(
                    bb @ np.linalg.solve(v.loc[cols, cols].to_numpy(), bb)
                )
                out.append(
                    {
                        "equation": equation,
                        "excluded": excluded,
                        "chi2": chi2,
                        "df": len(cols),
                        "pvalue": float(special.chdtrc(len(cols), chi2)),
                    }
                )
        return pd.DataFrame(out).set_index(["equation", "excluded"])

    def serial_correlation(self, max_order: int = 2) -> pd.DataFrame:
        """Arellano-Bond tests for serial correlation of orders 1..``max_order``, equation by
        equation, in first-differenced residuals (:mod:`helpers.pvar.specification`; xtabond2's
        "Arellano-Bond test for AR(m) in first differences", plm's ``mtest``).

        Indexed by (equation, order): ``z``, its two-sided ``pvalue`` and the number of residual
        ``pairs`` compared. Order 1 is expected to reject (differenced errors are correlated with
        their first lag by construction); a rejection at order 2 says the errors in levels are
        serially correlated, so that the level dated ``t-2`` is not a valid instrument.

        Parameters
        ----------
        max_order : int, default 2
            The highest order tested, at least 1.

        Returns
        -------
        DataFrame
            Indexed by (``equation``, ``order``), the equations in the order of ``dependent``,
            with ``z``, ``pvalue`` and ``pairs``; ``z`` and ``pvalue`` are NaN when no residuals
            are ``order`` years apart.

        Raises
        ------
        InputTypeError
            When ``max_order`` is not an integer.
        InputError
            When ``max_order`` is below 1.
        """
        max_order = _checks.integer("max_order", max_order, minimum=1)
        frames = {
            order: specification.serial_correlation(self, order)
            for order in range(1, max_order + 1)
        }
        out = pd.concat(frames, names=["order"]).swaplevel().sort_index()
        return out.loc[self.model.dependent]

    def cross_dependence(
        self, weighted: bool = False, seed: int = 0
    ) -> pd.DataFrame:
        """Pesaran's CD test on each equation's residuals (of the transformed equations): whether
        the units' errors move together, as common shocks make them (:func:`helpers._panel.
        pesaran_cd`). Indexed by equation: ``CD`` and its two-sided ``pvalue`` (missing when no
        two units share three residual years). The GMM standard
        errors assume independent units; year effects (or cross-sectional demeaning) remove a
        common shock that hits every unit alike. ``weighted=True`` gives Juodis and Reese's
        randomly weighted CD instead, which stays valid after demeaning by year (see
        :func:`helpers._panel.pesaran_cd`).

        With ``rho_ij`` the correlation of units ``i`` and ``j``'s residuals over the ``T_ij``
        years both have (at least three), ``CD = sqrt(2 / (N (N - 1))) sum_{i<j} sqrt(T_ij)
        rho_ij`` (Pesaran 2004, 2021), standard normal under independent units.

        Parameters
        ----------
        weighted : bool, default False
            Juodis and Reese's (2022) randomly weighted CD (random signs ``w_i w_j rho_ij``).
        seed : int, default 0
            Seed of the random signs (used only with ``weighted``).

        Returns
        -------
        DataFrame
            Indexed by ``equation``, with ``CD`` and ``pvalue`` (NaN when the test cannot be
            computed).
        """
        design = self.model.design
        transformed = (design.rows["equation"] == "transformed").to_numpy()
        resid = (
            design.y[transformed] - design.x[transformed] @ self._fit.params
        )
        keys = design.rows.loc[transformed, ["entity", "time"]]
        rows = {}
        for m, name in enumerate(self.model.dependent):
            frame = keys.assign(value=resid[:, m])
            try:
                test = _panel.pesaran_cd(
                    _panel.panel_table(frame, "value", "entity", "time"),
                    weighted,
                    seed,
                )
            except InputError:  # no two units share three residual years
                rows[name] = {"CD": np.nan, "pvalue": np.nan}
                continue
            rows[name] = {"CD": test.stat, "pvalue": test.pvalue}
        out = pd.DataFrame(rows).T
        out.index.name = "equation"
        return out

    def difference_in_hansen(self) -> pd.DataFrame:
        """Hansen's J without each group of instruments, and the difference-in-Hansen test of the
        group's validity (:func:`helpers.pvar.specification.difference_in_hansen`; xtabond2's
        "Difference-in-Hansen tests of exogeneity of instrument subsets").

        Returns
        -------
        DataFrame
            Indexed by ``group``, with ``instruments``, ``J without``, ``df``, ``pvalue``,
            ``difference``, ``difference df`` and ``difference pvalue`` (missing where dropping
            the group leaves the model not overidentified).
        """
        return specification.difference_in_hansen(self)

    # -- impulse responses and variance decompositions -------------------------------------------

    def _responses(
        self, coefs, sigma, horizon, kind, order, cumulative
    ) -> np.ndarray:
        position = _var.order_index(self.model.dependent, order)
        return _var.responses(
            coefs, sigma, horizon, kind, position, cumulative
        )

    def irf(
        self,
        horizon: int = 10,
        kind: str = "orthogonal",
        order: Sequence[str] | None = None,
        cumulative: bool = False,
    ) -> pd.DataFrame:
        """Impulse responses: orthogonalised (Cholesky, in ``order``) or generalised (Pesaran & Shin
        1998).

        Returns a tidy frame indexed by (impulse, response, horizon). Orthogonalised responses at
        horizon 0 are the columns of the Cholesky factor of the error covariance; shocks are one
        standard deviation. ``cumulative`` sums the responses over horizons.

        With ``Phi_0 = I`` and ``Phi_h = sum_{l=1}^{min(h, p)} A_l Phi_{h-l}`` the moving-average
        matrices and ``Sigma`` the error covariance (:attr:`residual_cov`), the response at
        horizon ``h`` to shock ``j`` is column ``j`` of ``Phi_h P``: ``P`` the lower Cholesky
        factor of ``Sigma`` with the variables in ``order`` (``"orthogonal"``), or ``Sigma e_j /
        sqrt(sigma_jj)`` (``"generalized"``, which does not depend on the ordering).

        Parameters
        ----------
        horizon : int, default 10
            The last horizon, at least 1 (horizons run 0..horizon).
        kind : str, default "orthogonal"
            ``"orthogonal"`` or ``"generalized"``.
        order : sequence of str or None, default None
            The Cholesky ordering of the dependent variables, each once (first the one whose
            shock moves all others on impact); None for the order of ``dependent``.
        cumulative : bool, default False
            Sum the responses over horizons 0..h.

        Returns
        -------
        DataFrame
            Indexed by (``impulse``, ``response``, ``horizon``), sorted, with the column
            ``value``; ``attrs["order"]`` holds the order to show the variables in.

        Raises
        ------
        InputTypeError
            When ``horizon`` is not an integer.
        InputError
            When ``horizon`` is below 1, ``kind`` is unknown or ``order`` does not list each
            dependent variable once.
        """
        horizon = _checks.integer("horizon", horizon, minimum=1)
        array = self._responses(
            self.coefficient_matrices(),
            self.residual_cov.to_numpy(),
            horizon,
            kind,
            order,
            cumulative,
        )
        return _var.tidy_responses(
            array,
            self.model.dependent,
            order=None if kind == "generalized" else order,
        )

    def irf_bands(
        self,
        horizon: int = 10,
        kind: str = "orthogonal",
        order: Sequence[str] | None = None,
        cumulative: bool = False,
        method: str = "montecarlo",
        n_reps: int = 1000,
        level: float = 0.95,
        seed: int = 0,
    ) -> pd.DataFrame:
        """Impulse responses with percentile confidence bands from ``n_reps`` replications.

        ``"montecarlo"`` draws the coefficients from their estimated normal distribution (error
        covariance held at its estimate, as Stata's ``pvarirf``); ``"bootstrap"`` resamples whole
        units with replacement and re-estimates the model (coefficients and error covariance).

        Each replication's responses are computed as in :meth:`irf`; the band at each (impulse,
        response, horizon) runs from the ``(1 - level) / 2`` to the ``(1 + level) / 2`` quantile
        of the ``n_reps`` simulated responses. The Monte Carlo draws ``theta ~ N(theta_hat,
        cov)`` through the eigen-decomposition of :attr:`cov` (numpy warns when it is not
        positive semi-definite), so its bands reflect the coefficients' sampling error only.

        Parameters
        ----------
        horizon : int, default 10
            The last horizon, at least 1.
        kind : str, default "orthogonal"
            ``"orthogonal"`` or ``"generalized"``.
        order : sequence of str or None, default None
            The Cholesky ordering of the dependent variables, each once (first the one whose
            shock moves all others on impact); None for the order of ``dependent``.
        cumulative : bool, default False
            Sum the responses over horizons.
        method : str, default "montecarlo"
            ``"montecarlo"`` or ``"bootstrap"``.
        n_reps : int, default 1000
            Replications, at least 2.
        level : float, default 0.95
            Coverage of the bands, strictly between 0 and 1.
        seed : int, default 0
            Seed of ``numpy.random.default_rng``, at least 0.

        Returns
        -------
        DataFrame
            :meth:`irf`'s frame (indexed by impulse, response, horizon; ``value`` the point
            estimate) with the columns ``lower`` and ``upper``.

        Raises
        ------
        InputTypeError
            When ``horizon``, ``n_reps`` or ``seed`` is not an integer.
        InputError
            For a ``horizon`` below 1, an unknown ``method`` or ``kind``, ``level`` outside
            (0, 1), ``n_reps`` below 2, a negative seed, or an ``order`` that does not list each
            dependent variable once.
        """
        horizon = _checks.integer("horizon", horizon, minimum=1)
        _checks.option("method", method, ("montecarlo", "bootstrap"))
        level = _checks.probability("level", level)
        n_reps = _checks.integer("n_reps", n_reps, minimum=2)
        rng = np.random.default_rng(_checks.integer("seed", seed, minimum=0))
        sigma = self.residual_cov.to_numpy()
        if method == "montecarlo":
            theta = rng.multivariate_normal(
                self._fit.params.T.reshape(-1),
                self._fit.cov,
                size=n_reps,
                method="eigh",
            )
            betas = theta.reshape(n_reps, len(self.model.dependent), -1)
            sims = self._responses(
                self.coefficient_matrices(betas),
                sigma,
                horizon,
                kind,
                order,
                cumulative,
            )
        else:
            moments = self.model.design.moments
            n = moments.zx.shape[0]
            sims = []
            for _ in range(n_reps):
                sample = moments.take(rng.integers(0, n, n))
                fit = estimate(sample, self.model.steps, self.model.inverse)
                s = sample.residual_cov(
                    fit.params, self.model.transform == "fd"
                )
                sims.append(
                    self._responses(
                        self.coefficient_matrices(fit.params.T),
                        s,
                        horizon,
                        kind,
                        order,
                        cumulative,
                    )
                )
            sims = np.stack(sims)
        tail = (1 - level) / 2
        out = self.irf(horizon, kind, order, cumulative)
        names = self.model.dependent
        out["lower"] = _var.tidy_responses(
            np.quantile(sims, tail, axis=0), names
        )["value"]
        out["upper"] = _var.tidy_responses(
            np.quantile(sims, 1 - tail, axis=0), names
        )["value"]
        return out

    def fevd(
        self, horizon: int = 10, order: Sequence[str] | None = None
    ) -> pd.DataFrame:
        """Forecast-error variance decomposition at horizons 1..``horizon``
        (:func:`helpers._var.fevd`): indexed by (response, horizon), the forecast's ``S.E.`` and the
        percentage share of each orthogonalised shock; each row's shares sum to 100.

        ``MSE_i(h) = sum_{l=0}^{h-1} (Phi_l Sigma Phi_l')_ii`` and the share of shock ``j`` is
        ``100 sum_{l=0}^{h-1} (Phi_l P)_ij^2 / MSE_i(h)``, ``P`` the Cholesky factor in ``order``
        (Lütkepohl 2005, 2.3.3); horizon 1 is the impact period.

        Parameters
        ----------
        horizon : int, default 10
            The last horizon, at least 1.
        order : sequence of str or None, default None
            The Cholesky ordering of the dependent variables, each once (first the one whose
            shock moves all others on impact); None for the order of ``dependent``.

        Returns
        -------
        DataFrame
            Indexed by (``response``, ``horizon``), with ``S.E.`` (``sqrt(MSE_i(h))``) and one
            column per shock in ``order``, in per cent.

        Raises
        ------
        InputTypeError
            When ``horizon`` is not an integer.
        InputError
            When ``horizon`` is below 1 or ``order`` does not list each dependent variable once.
        """
        horizon = _checks.integer("horizon", horizon, minimum=1)
        return _var.fevd(
            self.coefficient_matrices(),
            self.residual_cov.to_numpy(),
            self.model.dependent,
            range(1, horizon + 1),
            order,
        )

    def conf_int(self, level: float = 0.95) -> pd.DataFrame:
        """Normal confidence intervals at ``level``: ``lower`` and ``upper`` per (equation,
        regressor), as linearmodels' ``conf_int``.

        Each interval is ``param -/+ z std_error`` with ``z`` the ``(1 + level) / 2`` quantile of
        the standard normal.

        Parameters
        ----------
        level : float, default 0.95
            Coverage, strictly between 0 and 1.

        Returns
        -------
        DataFrame
            Indexed by (``equation``, ``regressor``), with ``lower`` and ``upper`` (NaN where the
            standard error is missing).

        Raises
        ------
        InputError
            When ``level`` is not strictly between 0 and 1.
        """
        z = special.ndtri(0.5 + _checks.probability("level", level) / 2)
        params, se = self.params.stack(), self.std_errors.stack()
        frame = pd.DataFrame(
            {"lower": params - z * se, "upper": params + z * se}
        )
        frame.index.names = ["equation", "regressor"]
        return frame

    # -- reporting -------------------------------------------------------------------------------

    @property
    def coefficients(self) -> pd.DataFrame:
        """The estimates as numbers, one row per coefficient.

        Returns
        -------
        DataFrame
            Index (equation, regressor); columns ``param``, ``std_error``, ``tstat`` (a z
            statistic) and ``pvalue``.
        """
        frame = pd.DataFrame(
            {
                "param": self.params.stack(),
                "std_error": self.std_errors.stack(),
                "tstat": self.tstats.stack(),
                "pvalue": self.pvalues.stack(),
            }
        )
        frame.index.names = ["equation", "regressor"]
        return frame

    @property
    def summary(self) -> pd.DataFrame:
        """The estimates as a reader is shown them (:func:`helpers.display.estimates_text` of
        :attr:`coefficients`, whose numbers it formats).

        Returns
        -------
        DataFrame
            Index (equation, regressor); the text columns ``estimate``, ``std. error``, ``z``,
            ``p`` and ``stars``.
        """
        return estimates_text(self.coefficients)

    def __str__(self) -> str:
        m = self.model
        kind = "system" if m.system else "difference"
        n_eq = len(m.dependent)
        step = {"onestep": "one-step", "twostep": "two-step"}.get(
            m.steps, m.steps
        )
        return (
            f"Panel VAR of {n_eq} equation{'s' if n_eq != 1 else ''}, {m.lags} "
            f"lag{'s' if m.lags != 1 else ''}, {m.transform.upper()}, {kind} GMM, {step}: "
            f"{self.nobs} observations from {self.n_entities} units, {self.n_instruments} "
            f"instruments per equation; {self.j_stat}"
        )

    def __repr__(self) -> str:
        m = self.model
        kind = "system" if m.system else "difference"
        return (
            f"PanelVARResults({len(m.dependent)} equation(s), lags={m.lags}, "
            f"{m.transform.upper()}, {kind} GMM, {m.steps}; {self.nobs} obs, {self.n_entities} "
            f"units, {self.n_instruments} instruments per equation; {self.j_stat})"
        )
