"""The linear GMM behind :class:`helpers.pvar.PanelVAR`, computed on per-unit moment blocks.

The estimator needs only, per unit ``i``, the products ``Z_i'X_i``, ``Z_i'Y_i`` and ``Z_i'H_iZ_i``
(and ``X_i'X_i``, ``X_i'Y_i``, ``Y_i'Y_i`` for the residual covariance): sums over units, so the
unit bootstrap resamples blocks instead of rebuilding the design. ``Z_i'H_iZ_i`` is kept as its
factor ``R_i'Z_i`` (``H_i = R_iR_i'``): periods x instruments rather than instruments squared.
One-step weights ``W1 = (sum_i Z_i'H_iZ_i)^-1``; two-step weights ``W2 = (sum_i g_i g_i')^+`` from
the one-step moment contributions ``g_i = vec(Z_i'U_i)`` of all equations jointly, through the thin
SVD of the contributions (fast with many moments); the Windmeijer (2005) corrected covariance;
Hansen's J.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


def pinv_psd(matrix: np.ndarray) -> np.ndarray:
    """Pseudo-inverse of a symmetric positive semi-definite matrix, tolerance relative to its
    scale.

    Parameters
    ----------
    matrix : ndarray
        A square matrix, symmetric up to rounding (it is symmetrised first).

    Returns
    -------
    ndarray
        ``V diag(1/lambda) V'`` over the eigenvalues ``lambda`` above ``lambda_max n eps``
        (``n`` the dimension); the others count as zero, so the result is the Moore-Penrose
        inverse of the matrix with them set to zero.
    """
    values, vectors = np.linalg.eigh((matrix + matrix.T) / 2)
    keep = values > values.max() * matrix.shape[0] * np.finfo(float).eps
    return (vectors[:, keep] / values[keep]) @ vectors[:, keep].T


def panelvar_inverse(matrix: np.ndarray) -> np.ndarray:
    """R panelvar's rule: ``solve`` unless the smallest eigenvalue is below 1e-9, then
    ``MASS::ginv``.

    The threshold is absolute, so whether the pseudo-inverse is used depends on the units of the
    data; :func:`pinv_psd` (``inverse="scaled"``) does not.

    Parameters
    ----------
    matrix : ndarray
        A square matrix, symmetric up to rounding (it is symmetrised first).

    Returns
    -------
    ndarray
        Its inverse, or, when its smallest eigenvalue is below 1e-9, its pseudo-inverse by the
        SVD with ``MASS::ginv``'s tolerance (singular values above ``sqrt(eps) s_max``).
    """
    matrix = (matrix + matrix.T) / 2
    if np.linalg.eigvalsh(matrix).min() < 1e-9:
        u, s, vt = np.linalg.svd(matrix)
        keep = s > max(np.sqrt(np.finfo(float).eps) * s[0], 0)
        return (vt[keep].T / s[keep]) @ u[:, keep].T
    return np.linalg.inv(matrix)


@dataclass
class Moments:
    """Per-unit sums that the GMM needs: ``Z_i'X_i``, ``Z_i'Y_i`` and a factor ``R_i'Z_i`` of
    ``Z_i'H_iZ_i`` (periods x instruments, smaller than instruments x instruments)."""

    zx: np.ndarray  # (N, L, K)
    zy: np.ndarray  # (N, L, M)
    hz: np.ndarray  # (N, P, L): Z_i'H_iZ_i = hz_i' hz_i
    xx: np.ndarray  # (N, K, K), transformed rows only
    xy: np.ndarray  # (N, K, M)
    yy: np.ndarray  # (N, M, M)
    n_rows: np.ndarray  # (N,) transformed rows per unit

    def take(self, units: np.ndarray) -> Moments:
        """The blocks of the units ``units``, repeats allowed (a bootstrap resample).

        Parameters
        ----------
        units : ndarray of int
            Positions of units, in the order of the blocks.

        Returns
        -------
        Moments
            The same sums for those units.
        """
        return Moments(
            *(
                getattr(self, f)[units]
                for f in ("zx", "zy", "hz", "xx", "xy", "yy", "n_rows")
            )
        )

    def residual_cov(
        self, beta: np.ndarray, first_differences: bool
    ) -> np.ndarray:
        """Covariance of the errors from the transformed-equation residuals.

        ``U'U / n`` over the transformed rows; with first differences it is halved, because
        ``Var(e_t - e_{t-1}) = 2 Var(e_t)`` for errors uncorrelated over time.

        Parameters
        ----------
        beta : ndarray
            Coefficients, (K, M): regressors by equations.
        first_differences : bool
            Whether the rows are first differences (else forward orthogonal deviations, whose
            errors keep the variance of the original ones).

        Returns
        -------
        ndarray
            The (M, M) residual covariance.
        """
        xx, xy, yy = self.xx.sum(0), self.xy.sum(0), self.yy.sum(0)
        uu = yy - beta.T @ xy - xy.T @ beta + beta.T @ xx @ beta
        return uu / self.n_rows.sum() / (2.0 if first_differences else 1.0)


@dataclass
class GMMFit:
    """What :func:`estimate` returns: the estimates and what inference on them needs.

    ``params`` (K, M) regressors by equations; ``cov`` their covariance, stacked equation by
    equation; ``j_stat`` Hansen's J; ``n_moments`` and ``rank`` the number of moment conditions
    (all equations) and the rank of their contributions (J's degrees of freedom are ``rank``
    minus the parameters); ``onestep_params`` the one-step estimates; ``projection`` the
    estimate's linear response to the summed moments.
    """

    params: np.ndarray  # (K, M)
    cov: np.ndarray  # (K M, K M), parameters stacked equation by equation
    j_stat: float
    n_moments: int
    rank: int
    onestep_params: np.ndarray
    # d theta / d g: the estimate's linear response to the summed moments g = sum_i vec(Z_i'U_i),
    # (K M, L M); the Arellano-Bond serial-correlation test needs it
    projection: np.ndarray


def estimate(moments: Moments, steps: str, inverse: str) -> GMMFit:
    r"""Linear GMM for all equations at once, from the per-unit blocks of ``moments``.

    Notation: ``N`` units, ``L`` instruments, ``K`` regressors, ``M`` equations;
    :math:`Z'X = \sum_i Z_i'X_i`, :math:`Z'Y = \sum_i Z_i'Y_i`; :math:`H_i` the covariance the
    transform gives i.i.d. errors (the tridiagonal matrix with 2 on the diagonal and -1 beside
    it for first differences, the identity for forward orthogonal deviations);
    :math:`g_i(\beta) = \mathrm{vec}(Z_i'Y_i - Z_i'X_i\beta)` a unit's moment contributions,
    all equations stacked; :math:`G = I_M \otimes Z'X` and :math:`G_i = I_M \otimes Z_i'X_i`.
    The numbers (1)-(6) are the comments in the code below.

    1. One step (Arellano & Bond 1991):
       :math:`W_1 = (\sum_i Z_i'H_iZ_i)^{-1}` and :math:`\hat\beta_1 = P_1 Z'Y` with
       :math:`P_1 = (X'Z W_1 Z'X)^{-1} X'Z W_1`, the same projection for every equation.
    2. Its covariance, robust to heteroskedasticity and serial correlation within a unit:
       :math:`V_1 = \sum_i h_i h_i'` with :math:`h_i = \mathrm{vec}(P_1 Z_i'\hat U_{1i})`.
    3. Two steps (Arellano & Bond 1991; Hansen 1982):
       :math:`W_2 = \Omega(\hat\beta_1)^{+}` with :math:`\Omega(\beta) = \sum_i g_i(\beta)
       g_i(\beta)'`, factored as :math:`W_2 = FF'` through the thin SVD of the contributions;
       :math:`\hat\theta_2` solves the least-squares problem :math:`B\theta = c` with
       :math:`B = F'G` and :math:`c = F'\mathrm{vec}(Z'Y)`, which is
       :math:`\hat\theta_2 = (G'W_2G)^{-1}G'W_2\,\mathrm{vec}(Z'Y)`; its uncorrected covariance
       is :math:`A_2 = (B'B)^{-1} = (G'W_2G)^{-1}`.
    4. Windmeijer's (2005, section 3) derivative of the two-step estimate with respect to the
       one-step estimate through the weights. With :math:`\hat g_2 = \sum_i g_i(\hat\theta_2)`
       and :math:`\partial\Omega/\partial\beta_k = -\sum_i (G_ie_k g_i' + g_i e_k'G_i')`,
       :math:`D = A_2 G'W_2 Q` with the columns
       :math:`Q_k = \sum_i \big[(g_i'W_2\hat g_2)\,G_ie_k + g_i\,(e_k'G_i'W_2\hat g_2)\big]`
       (``s_zx`` holds the first sum's blocks, ``q`` adds the second).
    5. The corrected two-step covariance (Windmeijer 2005, eq. 3.3 on p. 33, as R plm's
       ``vcovG`` cites it): :math:`V_2 = A_2 + DA_2 + A_2D' + DV_1D'`.
    6. Hansen's :math:`J = \hat g'W\hat g` with :math:`\hat g = \sum_i g_i` at the final
       estimate, with the two-step weights (one step: :math:`W = \Omega(\hat\beta_1)^{+}` at the
       one-step estimate).

    Parameters
    ----------
    moments : Moments
        The per-unit blocks (:class:`Moments`).
    steps : {"onestep", "twostep"}
        One-step estimates with the robust covariance (2), or two-step ones with the corrected
        covariance (5).
    inverse : {"scaled", "panelvar"}
        How singular weight matrices are inverted: pseudo-inverses with a tolerance relative to
        the matrix's scale (:func:`pinv_psd`), or R panelvar's rule (:func:`panelvar_inverse`).

    Returns
    -------
    GMMFit
        The estimates, their covariance, J, the number and rank of the moment conditions, the
        one-step estimates and :math:`\partial\hat\theta/\partial\hat g` (the projection the
        Arellano-Bond serial-correlation test needs: :math:`P_1` per equation after one step,
        :math:`A_2G'W_2` after two).

    References
    ----------
    Arellano, M. and S. Bond (1991). Some tests of specification for panel data. Review of
    Economic Studies 58(2), 277-297. Windmeijer, F. (2005). A finite sample correction for the
    variance of linear efficient two-step GMM estimators. Journal of Econometrics 126(1), 25-51.
    """
    zx, zy = moments.zx.sum(0), moments.zy.sum(0)
    n_units, n_inst, n_reg = moments.zx.shape
    n_eq = zy.shape[1]
    invert = pinv_psd if inverse == "scaled" else panelvar_inverse

    hz = moments.hz.reshape(-1, n_inst)  # all units' R_i'Z_i stacked
    w1 = invert(hz.T @ hz)
    # (1) (K, L): beta = P1 Z'Y. An inverse, as R panelvar computes it: with data in tiny
    # units panelvar's rule leaves X'Z W1 Z'X nearly singular (condition ~1e13), and a solve's
    # different rounding there sends the two-step weights to a singular matrix
    p1 = np.linalg.inv(zx.T @ w1 @ zx) @ zx.T @ w1
    beta1 = p1 @ zy
    # One-step moment contributions g_i = vec(Z_i'Y_i - Z_i'X_i beta), stacked equation by equation.
    u1 = moments.zy - moments.zx @ beta1  # (N, L, M)
    # (2) h_i = vec(P1 Z_i'U_1i), V1 = sum_i h_i h_i'
    g1 = u1.transpose(0, 2, 1).reshape(n_units, n_eq * n_inst)
    h1 = np.einsum("kl,nlm->nmk", p1, u1).reshape(n_units, n_eq * n_reg)
    var1 = h1.T @ h1
    if steps == "onestep":
        g = g1.sum(0)
        if inverse == "scaled":
            # J = g'(G1'G1)^+ g through the thin SVD of G1 (units x moments) rather than the
            # eigenvalues of G1'G1 (moments x moments); the cut-off is pinv_psd's on the
            # eigenvalues s^2 of G1'G1, so J is the same
            _, s, vt = np.linalg.svd(g1, full_matrices=False)
            keep = s**2 > s[0] ** 2 * g1.shape[1] * np.finfo(float).eps
            j = float(np.sum((vt[keep] @ g / s[keep]) ** 2))
            rank = int(np.sum(s > s[0] * max(g1.shape) * np.finfo(float).eps))
        else:
            j = float(g @ invert(g1.T @ g1) @ g)
            rank = int(np.linalg.matrix_rank(g1))
        projection = np.kron(np.eye(n_eq), p1)
        return GMMFit(beta1, var1, j, n_inst * n_eq, rank, beta1, projection)

    # (3) Two-step weights W2 = (G1'G1)^+ through the thin SVD of G1: fast even with many moments.
    if inverse == "scaled":
        u, s, vt = np.linalg.svd(g1, full_matrices=False)
        keep = s > s[0] * max(g1.shape) * np.finfo(float).eps
        factor = vt[keep].T / s[keep]  # W2 = factor factor'
    else:
        w2 = invert(g1.T @ g1)
        values, vectors = np.linalg.eigh((w2 + w2.T) / 2)
        values = np.clip(values, 0, None)
        factor = vectors * np.sqrt(values)
    rank = (
        factor.shape[1]
        if inverse == "scaled"
        else int(np.linalg.matrix_rank(g1))
    )
    # rows of the factor for each equation's moments
    blocks = factor.reshape(n_eq, n_inst, -1)
    # (r, K M) = F' (I (x) Z'X)
    b = np.concatenate([blocks[m].T @ zx for m in range(n_eq)], axis=1)
    c = np.einsum("mlr,lm->r", blocks, zy)  # F' vec(Z'Y)
    # the estimate solves the least-squares problem B theta = c (QR of B, not its normal
    # equations); A2 = (B'B)^-1 itself is wanted, as the uncorrected covariance
    theta2 = np.linalg.lstsq(b, c, rcond=None)[0]
    a2 = np.linalg.inv(b.T @ b)
    beta2 = theta2.reshape(n_eq, n_reg).T
    u2 = zy - zx @ beta2
    g2 = u2.T.reshape(-1)
    fg2 = factor.T @ g2
    j = float(fg2 @ fg2)  # (6)

    # (4) Windmeijer (2005): D = A2 G'W2 Q, the derivative of the two-step estimate with
    # respect to the one-step one through the weights.
    w_g2 = (factor @ fg2).reshape(n_eq, n_inst).T  # W2 g2 as (L, M)
    s_i = g1 @ w_g2.T.reshape(-1)  # g_i' W2 g2, one per unit
    # first sum of Q: sum_i s_i G_i, block-diagonal with sum_i s_i Z_i'X_i in each block
    s_zx = np.einsum("n,nlk->lk", s_i, moments.zx)
    # second sum of Q: sum_i g_i (G_i' W2 g2)', with G_i' W2 g2 one row per unit
    gw_i = np.einsum("nlk,lm->nmk", moments.zx, w_g2).reshape(
        n_units, n_eq * n_reg
    )
    q = g1.T @ gw_i  # (L M, K M)
    for m in range(n_eq):
        q[m * n_inst : (m + 1) * n_inst, m * n_reg : (m + 1) * n_reg] += s_zx
    d = a2 @ b.T @ (factor.T @ q)  # A2 G'F F'Q = A2 G'W2 Q
    cov = a2 + d @ a2 + a2 @ d.T + d @ var1 @ d.T  # (5)
    projection = a2 @ b.T @ factor.T
    return GMMFit(beta2, cov, j, n_inst * n_eq, rank, beta1, projection)
