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
    scale."""
    values, vectors = np.linalg.eigh((matrix + matrix.T) / 2)
    keep = values > values.max() * matrix.shape[0] * np.finfo(float).eps
    return (vectors[:, keep] / values[keep]) @ vectors[:, keep].T


def panelvar_inverse(matrix: np.ndarray) -> np.ndarray:
    """R panelvar's rule: ``solve`` unless the smallest eigenvalue is below 1e-9, then
    ``MASS::ginv``."""
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
        """
        xx, xy, yy = self.xx.sum(0), self.xy.sum(0), self.yy.sum(0)
        uu = yy - beta.T @ xy - xy.T @ beta + beta.T @ xx @ beta
        return uu / self.n_rows.sum() / (2.0 if first_differences else 1.0)


@dataclass
class GMMFit:
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

    With :math:`Z'X = \sum_i Z_i'X_i` and :math:`Z'Y = \sum_i Z_i'Y_i` (``L`` instruments,
    ``K`` regressors, ``M`` equations; :math:`H_i` the covariance the transform gives i.i.d.
    errors, the identity for forward orthogonal deviations):

    - one step (Arellano & Bond 1991): :math:`W_1 = (\sum_i Z_i'H_iZ_i)^{-1}` and
      :math:`\hat\beta_1 = P_1 Z'Y` with :math:`P_1 = (X'Z W_1 Z'X)^{-1} X'Z W_1`, the same
      projection for every equation; its covariance is cluster-robust by unit,
      :math:`V_1 = \sum_i h_i h_i'` with :math:`h_i = \mathrm{vec}(P_1 Z_i'\hat U_{1i})`;
    - two steps: :math:`W_2 = (\sum_i g_i g_i')^{+}` from the one-step contributions
      :math:`g_i = \mathrm{vec}(Z_i'\hat U_{1i})` of all equations jointly, factored as
      :math:`W_2 = FF'`; :math:`\hat\theta_2 = (B'B)^{-1} B'c` with
      :math:`B = F'(I_M \otimes Z'X)` and :math:`c = F'\mathrm{vec}(Z'Y)`;
    - the two-step covariance with Windmeijer's (2005) finite-sample correction,
      :math:`A_2 + DA_2 + A_2D' + DV_1D'` with :math:`A_2 = (B'B)^{-1}` and :math:`D` the
      derivative of :math:`\hat\theta_2` with respect to the one-step estimate through
      :math:`W_2` (``q`` below holds :math:`\partial(\sum_i g_i g_i')/\partial\beta` applied
      to :math:`W_2 g_2`);
    - Hansen's :math:`J = g'Wg` with :math:`g = \sum_i g_i` at the final estimate and the
      two-step weights (one step: :math:`W = (\sum_i g_i g_i')^{+}` at the one-step estimate).

    ``inverse`` is ``"scaled"`` (pseudo-inverses with a tolerance relative to the matrix's scale,
    :func:`pinv_psd`) or ``"panelvar"`` (R panelvar's rule, :func:`panelvar_inverse`). Returns
    the estimates, their covariance, J, the number and rank of the moment conditions, the
    one-step estimates and :math:`\partial\hat\theta/\partial g` (for the Arellano-Bond
    serial-correlation test).
    """
    zx, zy = moments.zx.sum(0), moments.zy.sum(0)
    n_units, n_inst, n_reg = moments.zx.shape
    n_eq = zy.shape[1]
    invert = pinv_psd if inverse == "scaled" else panelvar_inverse

    hz = moments.hz.reshape(-1, n_inst)  # all units' R_i'Z_i stacked
    w1 = invert(hz.T @ hz)
    a1 = np.linalg.inv(zx.T @ w1 @ zx)
    p1 = a1 @ zx.T @ w1  # (K, L): beta = P1 Z'Y
    beta1 = p1 @ zy
    # One-step moment contributions g_i = vec(Z_i'Y_i - Z_i'X_i beta), stacked equation by equation.
    u1 = moments.zy - moments.zx @ beta1  # (N, L, M)
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

    # Two-step weights W2 = (G1'G1)^+ through the thin SVD of G1: fast even with many moments.
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
    blocks = factor.reshape(
        n_eq, n_inst, -1
    )  # rows of the factor for each equation's moments
    b = np.concatenate(
        [blocks[m].T @ zx for m in range(n_eq)], axis=1
    )  # (r, K M) = F' (I (x) Z'X)
    c = np.einsum("mlr,lm->r", blocks, zy)  # F' vec(Z'Y)
    a2 = np.linalg.inv(b.T @ b)
    theta2 = a2 @ b.T @ c
    beta2 = theta2.reshape(n_eq, n_reg).T
    u2 = zy - zx @ beta2
    g2 = u2.T.reshape(-1)
    fg2 = factor.T @ g2
    j = float(fg2 @ fg2)

    # Windmeijer (2005): derivative of the two-step estimate with respect to the one-step one.
    w_g2 = (factor @ fg2).reshape(n_eq, n_inst).T  # W2 g2 as (L, M)
    s_i = g1 @ w_g2.T.reshape(-1)  # g1_i' W2 g2, one per unit
    term1 = np.einsum("n,nlk->lk", s_i, moments.zx)  # sum_i s_i Z_i'X_i
    t_i = np.einsum("nlk,lm->nmk", moments.zx, w_g2).reshape(
        n_units, n_eq * n_reg
    )
    q = g1.T @ t_i  # (L M, K M)
    for m in range(n_eq):
        q[m * n_inst : (m + 1) * n_inst, m * n_reg : (m + 1) * n_reg] += term1
    d = a2 @ b.T @ (factor.T @ q)
    cov = a2 + d @ a2 + a2 @ d.T + d @ var1 @ d.T
    projection = a2 @ b.T @ factor.T
    return GMMFit(beta2, cov, j, n_inst * n_eq, rank, beta1, projection)
