"""The audit of the AI-upgrading policy commentary (chapter 7): its one empirical statement, kept
with its location and its own words in ``data/ai_commentary_claims.csv``."""

from __future__ import annotations

from helpers.audit import Claims, Scorecard

PAPER = "AI-upgrading commentary (2023)"
CLAIMS = "ai_commentary_claims"

#: Why the U cannot be checked, and what a study would have to report for it to be.
WHY_NOT = (
    "the commentary cites no study, data, sample, measures or estimates; a U would need the "
    "slopes at both ends of the data, the Lind-Mehlum test and the extreme point's interval"
)


def record_claims(scorecard: Scorecard, claims: Claims) -> None:
    """Record the U (claim U1) as not reproducible, with the reason.

    Parameters
    ----------
    scorecard
        The chapter's scorecard; the row U1 is added to it, with :data:`WHY_NOT` as its reason.
    claims
        The commentary's claims (:class:`~helpers.audit.Claims` of ``ai_commentary_claims``).

    Returns
    -------
    None
        The scorecard is changed in place.

    Raises
    ------
    helpers.errors.InputError
        If U1 is already on the scorecard.
    KeyError
        If ``claims`` has no claim U1.
    """
    scorecard.not_reproducible_claim(claims, "U1", WHY_NOT)
