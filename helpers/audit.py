"""The replication scorecard: one row per checked claim of a paper.

Columns and statuses follow the book's conventions: ``paper, claim_id, location, claim, reported,
recomputed, status, note`` with status one of ``reproduced``, ``discrepancy`` or
``not_reproducible`` for a claim of the paper, and ``finding`` for a diagnosis of the paper's
numbers about something the paper does not claim (an explosive root in a VAR whose stability it
never discusses): a result worth reporting, but not a discrepancy with the paper.

Several rows can show one problem (a word used in two senses fails every claim that uses it), so
each row that is a discrepancy or a finding also names its **defect**: an id and a one-line
description shared by the rows behind one problem, kept per paper in ``data/paper_defects.csv``.
Counts are of defects, not rows (:func:`status_summary`); a row the file does not group is a
defect of its own.

The status is never typed in by hand for a checkable claim: :meth:`Scorecard.compare` derives it
from the printed precision of a number, :meth:`Scorecard.check` from a condition the chapter
computes. Only :meth:`Scorecard.not_reproducible` takes no computation, and it requires a reason;
:meth:`Scorecard.finding` records a computed diagnosis with its explanation.
"""

from __future__ import annotations

import functools
import math
import numbers
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from helpers import _checks
from helpers.errors import InputError, InputTypeError
from helpers.paths import output_dir

COLUMNS = [
    "paper",
    "claim_id",
    "location",
    "claim",
    "reported",
    "recomputed",
    "status",
    "defect",
    "defect_description",
    "note",
]
STATUSES = ("reproduced", "discrepancy", "not_reproducible", "finding")
#: the statuses whose rows show a defect of the paper
OPEN = ("discrepancy", "finding")


class Scorecard:
    """Collect the checked claims of one chapter.

    Parameters
    ----------
    paper
        Short citation of the paper, e.g. ``"Fang, Chang & Hu (2025)"``.
    chapter
        The chapter's file stem; :meth:`write` saves ``scorecard.csv`` in the run's folder,
        ``results/<chapter>`` under the working directory unless another folder is given.

    Examples
    --------
    >>> sc = Scorecard("Fang, Chang & Hu (2025)", "01_regional_ai_competitiveness")
    >>> sc.compare("mean", "Table 1", "national mean", reported=57.18, recomputed=57.1835,
    ...            decimals=2)
    'reproduced'
    """

    def __init__(self, paper: str, chapter: str) -> None:
        for arg, value in (("paper", paper), ("chapter", chapter)):
            if not isinstance(value, str) or not value.strip():
                raise InputError(
                    f"{arg} must be a non-empty string, got {value!r}"
                )
        self.paper = paper
        self.chapter = chapter
        self._rows: list[dict[str, str]] = []
        self._defects = defects_of(paper)

    # -- adding claims -------------------------------------------------------------------------

    def compare(
        self,
        claim_id: str,
        location: str,
        claim: str,
        reported: float,
        recomputed: float,
        decimals: int,
        note: str = "",
    ) -> str:
        """Compare a printed number with its recomputation at the printed precision.

        The claim is reproduced when ``|recomputed - reported| <= 0.5 * 10**-decimals``, i.e. when
        the recomputed value rounds to the printed one (ties count as agreement, since the paper's
        rounding rule is unknown). Returns the status.

        Parameters
        ----------
        claim_id
            The claim's id, unique on the scorecard (e.g. ``"C1"``).
        location
            Where the claim is printed (``"Table 1"``, ``"§二, after Table 1"``).
        claim
            The claim paraphrased.
        reported
            The printed number, shown with ``decimals`` decimals.
        recomputed
            The recomputed number, shown with two decimals more.
        decimals
            The printed number's decimals (0 for whole numbers); negative is refused.
        note
            The reason shown with the row; for a discrepancy without a defect in
            ``data/paper_defects.csv``, also the defect's description.

        Returns
        -------
        str
            ``"reproduced"`` or ``"discrepancy"``.

        Raises
        ------
        helpers.errors.InputTypeError
            If ``reported`` or ``recomputed`` is not a real number (booleans are refused), or
            ``decimals`` is not an integer.
        helpers.errors.InputError
            If ``reported`` or ``recomputed`` is not finite, ``decimals`` is negative, or
            If ``claim_id``, ``location`` or ``claim`` is not a non-empty string, or ``claim_id`` is
            already on the scorecard.
        """
        for arg, value in (("reported", reported), ("recomputed", recomputed)):
            if not isinstance(value, numbers.Real) or isinstance(value, bool):
                raise InputTypeError(
                    f"{arg} must be a real number, got {type(value).__name__}"
                )
            if not math.isfinite(value):
                raise InputError(
                    f"{arg} must be finite for claim {claim_id!r}, got {value}"
                )
        decimals = _checks.integer("decimals", decimals, minimum=0)
        tolerance = 0.5 * 10.0**-decimals
        agrees = abs(float(recomputed) - float(reported)) <= tolerance * (
            1 + 1e-9
        )
        status = "reproduced" if agrees else "discrepancy"
        shown = f"{float(recomputed):.{decimals + 2}f}"
        self._add(
            claim_id,
            location,
            claim,
            f"{float(reported):.{decimals}f}",
            shown,
            status,
            note,
        )
        return status

    def check(
        self,
        claim_id: str,
        location: str,
        claim: str,
        reported: object,
        recomputed: object,
        holds: bool,
        note: str = "",
    ) -> str:
        """Record a claim whose truth the chapter computed as ``holds``.

        Use it for statements that are not one number: an ordering, a count, a set of provinces, a
        bound ("more than 80 per cent"). ``reported`` and ``recomputed`` are shown as text.

        Parameters
        ----------
        claim_id
            The claim's id, unique on the scorecard (e.g. ``"C1"``).
        location
            Where the claim is printed (``"Table 1"``, ``"§二, after Table 1"``).
        claim
            The claim paraphrased.
        reported
            What the paper states; floats are shown in ``g`` format, lists and tuples joined by
            ", ", sets sorted first.
        recomputed
            What the chapter found, shown the same way.
        holds
            Whether the claim holds (a bool or numpy bool).
        note
            The reason shown with the row.

        Returns
        -------
        str
            ``"reproduced"`` when ``holds``, else ``"discrepancy"``.

        Raises
        ------
        helpers.errors.InputTypeError
            If ``holds`` is not a boolean.
        helpers.errors.InputError
            If ``claim_id``, ``location`` or ``claim`` is not a non-empty string, or ``claim_id`` is
            already on the scorecard.
        """
        # numpy booleans are fine; anything else suggests a value was passed by mistake
        if not isinstance(holds, (bool, np.bool_)):
            raise InputTypeError(
                f"holds must be a boolean, got {type(holds).__name__}"
            )
        holds = bool(holds)
        status = "reproduced" if holds else "discrepancy"
        self._add(
            claim_id,
            location,
            claim,
            _text(reported),
            _text(recomputed),
            status,
            note,
        )
        return status

    def not_reproducible(
        self,
        claim_id: str,
        location: str,
        claim: str,
        reported: object,
        why: str,
    ) -> str:
        """Record a claim the published numbers do not allow checking, and why.

        Parameters
        ----------
        claim_id
            The claim's id, unique on the scorecard (e.g. ``"C1"``).
        location
            Where the claim is printed (``"Table 1"``, ``"§二, after Table 1"``).
        claim
            The claim paraphrased.
        reported
            What the paper states, shown as text.
        why
            Why the claim cannot be checked: the row's reason, required.

        Returns
        -------
        str
            ``"not_reproducible"``.

        Raises
        ------
        helpers.errors.InputError
            If ``why`` is empty or not a string, or
            If ``claim_id``, ``location`` or ``claim`` is not a non-empty string, or ``claim_id`` is
            already on the scorecard.
        """
        if not isinstance(why, str) or not why.strip():
            raise InputError(
                f"why must explain why claim {claim_id!r} cannot be checked"
            )
        self._add(
            claim_id,
            location,
            claim,
            _text(reported),
            "",
            "not_reproducible",
            why,
        )
        return "not_reproducible"

    def finding(
        self,
        claim_id: str,
        location: str,
        what: str,
        recomputed: object,
        note: str,
    ) -> str:
        """Record a diagnosis of the paper's printed numbers about something the paper does not
        claim (``what``), with what was computed and, in ``note``, what it means. It is not a
        discrepancy with the paper and is counted apart.

        Parameters
        ----------
        claim_id
            The row's id, unique on the scorecard.
        location
            Where the numbers diagnosed are printed.
        what
            The question the finding answers (shown as the row's claim); ``reported`` reads
            "(no claim)".
        recomputed
            What was computed, shown as text.
        note
            What the finding means for the paper, required.

        Returns
        -------
        str
            ``"finding"``.

        Raises
        ------
        helpers.errors.InputError
            If ``note`` is empty or not a string, ``claim_id``, ``location`` or ``what`` is not a
            non-empty string, or ``claim_id`` is already on the scorecard.
        """
        if not isinstance(note, str) or not note.strip():
            raise InputError(
                f"note must say what finding {claim_id!r} means for the paper"
            )
        self._add(
            claim_id,
            location,
            what,
            "(no claim)",
            _text(recomputed),
            "finding",
            note,
        )
        return "finding"

    # -- claims kept in a data file (helpers.audit.Claims) ---------------------------------------

    def compare_claim(
        self,
        claims: Claims,
        claim_id: str,
        recomputed: float,
        decimals: int,
        note: str = "",
    ) -> str:
        """:meth:`compare` for a claim of ``claims``: its location, paraphrase and printed words
        come from the file, the printed number from its ``value``.

        Parameters
        ----------
        claims
            The paper's claims file (:class:`Claims`).
        claim_id
            The claim's id in ``claims``, unique on the scorecard.
        recomputed
            The recomputed number.
        decimals
            The printed number's decimals.
        note
            The reason shown with the row.

        Returns
        -------
        str
            ``"reproduced"`` or ``"discrepancy"``.

        Raises
        ------
        KeyError
            If ``claims`` has no ``claim_id``.
        helpers.errors.InputError
            If the claim's ``value`` is empty or not a number, or as :meth:`compare`.
        """
        row = claims[claim_id]
        return self.compare(
            claim_id,
            row["location"],
            row["claim"],
            claims.number(claim_id),
            recomputed,
            decimals,
            note,
        )

    def check_claim(
        self,
        claims: Claims,
        claim_id: str,
        recomputed: object,
        holds: bool,
        note: str = "",
    ) -> str:
        """:meth:`check` for a claim of ``claims``, reported as the paper printed it.

        Parameters
        ----------
        claims
            The paper's claims file (:class:`Claims`).
        claim_id
            The claim's id in ``claims``, unique on the scorecard.
        recomputed
            What the chapter found, shown as text.
        holds
            Whether the claim holds.
        note
            The reason shown with the row.

        Returns
        -------
        str
            ``"reproduced"`` or ``"discrepancy"``.

        Raises
        ------
        KeyError
            If ``claims`` has no ``claim_id``.
        helpers.errors.InputTypeError
            If ``holds`` is not a boolean.
        helpers.errors.InputError
            As :meth:`check`.
        """
        row = claims[claim_id]
        return self.check(
            claim_id,
            row["location"],
            row["claim"],
            row["printed"],
            recomputed,
            holds,
            note,
        )

    def not_reproducible_claim(
        self, claims: Claims, claim_id: str, why: str
    ) -> str:
        """:meth:`not_reproducible` for a claim of ``claims``.

        Parameters
        ----------
        claims
            The paper's claims file (:class:`Claims`).
        claim_id
            The claim's id in ``claims``, unique on the scorecard.
        why
            Why the claim cannot be checked.

        Returns
        -------
        str
            ``"not_reproducible"``.

        Raises
        ------
        KeyError
            If ``claims`` has no ``claim_id``.
        helpers.errors.InputError
            As :meth:`not_reproducible`.
        """
        row = claims[claim_id]
        return self.not_reproducible(
            claim_id, row["location"], row["claim"], row["printed"], why
        )

    def _add(
        self, claim_id, location, claim, reported, recomputed, status, note
    ) -> None:
        for arg, value in (
            ("claim_id", claim_id),
            ("location", location),
            ("claim", claim),
        ):
            if not isinstance(value, str) or not value.strip():
                raise InputError(
                    f"{arg} must be a non-empty string, got {value!r}"
                )
        if any(r["claim_id"] == claim_id for r in self._rows):
            raise InputError(
                f"claim_id {claim_id!r} is already on the scorecard"
            )
        defect, description = "", ""
        if status in OPEN:
            # a row the paper's defects do not group is a problem of its own
            defect, description = self._defects.get(
                claim_id, (claim_id, note or claim)
            )
        self._rows.append(
            {
                "paper": self.paper,
                "claim_id": claim_id,
                "location": location,
                "claim": claim,
                "reported": reported,
                "recomputed": recomputed,
                "status": status,
                "defect": defect,
                "defect_description": description,
                "note": note,
            }
        )

    # -- reading and writing -------------------------------------------------------------------

    @property
    def frame(self) -> pd.DataFrame:
        """The scorecard as a DataFrame with the conventional columns."""
        return pd.DataFrame(self._rows, columns=COLUMNS)

    def view(
        self, claim_ids=None, columns=("reported", "recomputed", "status")
    ) -> pd.DataFrame:
        """The rows of ``claim_ids`` (all when None), indexed by claim id, with ``columns``.

        Parameters
        ----------
        claim_ids
            Claim ids in the order to show them, or ``None`` for every row in the order added.
        columns
            Columns of :data:`COLUMNS` (other than ``claim_id``) to keep.

        Returns
        -------
        pandas.DataFrame
            Indexed by ``claim_id``, with ``columns`` (text).

        Raises
        ------
        helpers.errors.InputError
            If a claim id is not on the scorecard.
        """
        frame = self.frame.set_index("claim_id")
        if claim_ids is not None:
            missing = [c for c in claim_ids if c not in frame.index]
            if missing:
                raise InputError(
                    f"claim_ids not on the scorecard: {_checks.labels(missing)}"
                )
            frame = frame.loc[list(claim_ids)]
        return frame[list(columns)]

    def report(
        self, claim_ids=None, *, since: int | None = None, limit: int = 15
    ) -> ScorecardReport:
        """The rows a reader needs: claim, reported, recomputed, status and the one-line reason.

        ``claim_ids`` picks rows by id, ``since`` takes the rows added after the first ``since``
        (``n = len(scorecard)`` before a section's checks), neither takes them all. More than
        ``limit`` rows are shown as a summary: the counts by status, then every row that is not
        reproduced, with the full table folded away beneath.

        Parameters
        ----------
        claim_ids
            Claim ids to show, in that order; ``None`` for all (or ``since``).
        since
            Show the rows after the first ``since``, a non-negative integer.
        limit
            The most rows shown as one table; more are summarised.

        Returns
        -------
        ScorecardReport
            The rows, shown as HTML in a notebook and as text in a terminal.

        Raises
        ------
        helpers.errors.InputTypeError
            If ``since`` is not an integer.
        helpers.errors.InputError
            If both ``claim_ids`` and ``since`` are given, ``since`` is negative, a claim id is
            not on the scorecard, or the selection is empty.
        """
        frame = self.frame
        if claim_ids is not None and since is not None:
            raise InputError("give claim_ids or since, not both")
        if since is not None:
            since = _checks.integer("since", since, minimum=0)
            frame = frame.iloc[since:]
        elif claim_ids is not None:
            frame = self.view(
                claim_ids, COLUMNS[:1] + COLUMNS[2:]
            ).reset_index()
        if frame.empty:
            raise InputError("no claims to report: the selection is empty")
        return ScorecardReport(frame.reset_index(drop=True), limit)

    def summary(self) -> str:
        """The defects and the counts by status in words, e.g. "2 defects, shown by 4 of 51
        claims (44 reproduced, 3 not reproducible)" (:func:`status_summary`).

        Returns
        -------
        str
            The summary, without a final full stop.
        """
        return status_summary(self.frame)

    def defects(self) -> pd.DataFrame:
        """One row per defect of the rows so far (:func:`defect_table`).

        Returns
        -------
        pandas.DataFrame
            Columns ``defect``, ``kind``, ``description`` and ``claims``, on a default index.
        """
        return defect_table(self.frame)

    def counts(self) -> pd.Series:
        """Number of claims per status (all four statuses, zeros included).

        Returns
        -------
        pandas.Series
            Counts indexed by ``reproduced``, ``discrepancy``, ``not_reproducible`` and
            ``finding``, in that order.
        """
        return (
            self.frame["status"].value_counts().reindex(STATUSES, fill_value=0)
        )

    def write(self, directory: str | Path | None = None) -> Path:
        """Write ``scorecard.csv`` into ``directory`` (default ``results/<chapter>`` under the
        working directory, see :func:`helpers.paths.output_dir`); return its path.

        Parameters
        ----------
        directory
            The folder to write into (made if missing), or ``None`` for the default.

        Returns
        -------
        pathlib.Path
            The path of ``scorecard.csv`` (UTF-8 with LF line endings, the columns of
            :data:`COLUMNS`), which is overwritten if it exists.

        Raises
        ------
        helpers.errors.InputError
            If the scorecard has no rows.
        """
        if not self._rows:
            raise InputError(
                "the scorecard is empty; add claims before writing it"
            )
        folder = output_dir(self.chapter, directory)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "scorecard.csv"
        self.frame.to_csv(
            path, index=False, encoding="utf-8", lineterminator="\n"
        )
        return path

    def __len__(self) -> int:
        return len(self._rows)


class Claims:
    """A paper's printed claims, kept in a dataset (``data/<name>.csv``, checked by its manifest)
    with the columns ``claim_id``, ``location``, ``claim`` (paraphrase), ``printed`` (the paper's
    words) and ``value`` (what a check compares with).

    Values are text in the file; :meth:`number`, :meth:`items` and :meth:`pairs` read the three
    forms the audits use: a number, a list separated by "; " and name=number pairs.

    Examples
    --------
    >>> claims = Claims("fang2025_claims")
    >>> claims.number("C1"), claims.items("C4"), claims.pairs("C2")["East"]
    (57.18, ['山西', '海南'], 7.0)
    """

    def __init__(self, name: str) -> None:
        from helpers import data

        self.name = name
        self.table = data.load(name).set_index("claim_id")

    def __getitem__(self, claim_id: str) -> pd.Series:
        if claim_id not in self.table.index:
            raise KeyError(
                f"{self.name} has no claim {claim_id!r}; its claims are "
                f"{_checks.labels(self.table.index)}"
            )
        return self.table.loc[claim_id]

    def value(self, claim_id: str) -> str:
        """The claim's ``value`` as text, stripped of surrounding blanks.

        Parameters
        ----------
        claim_id
            The claim's id.

        Returns
        -------
        str
            The value, never empty.

        Raises
        ------
        KeyError
            If there is no claim ``claim_id``.
        helpers.errors.InputError
            If the claim has no value.
        """
        value = self[claim_id]["value"]
        if pd.isna(value) or not str(value).strip():
            raise InputError(
                f"claim {claim_id!r} of {self.name} has no value to check against"
            )
        return str(value).strip()

    def number(self, claim_id: str) -> float:
        """The value as a number.

        Parameters
        ----------
        claim_id
            The claim's id.

        Returns
        -------
        float
            The value read by ``float``.

        Raises
        ------
        KeyError
            If there is no claim ``claim_id``.
        helpers.errors.InputError
            If the claim has no value or it is not a number.
        """
        try:
            return float(self.value(claim_id))
        except ValueError:
            raise InputError(
                f"claim {claim_id!r} of {self.name}: value {self.value(claim_id)!r} is not a number"
            ) from None

    def items(self, claim_id: str) -> list[str]:
        """The value as a list ("a; b; c").

        Parameters
        ----------
        claim_id
            The claim's id.

        Returns
        -------
        list of str
            The items split at ";" and stripped; a value without ";" gives one item.

        Raises
        ------
        KeyError
            If there is no claim ``claim_id``.
        helpers.errors.InputError
            If the claim has no value.
        """
        return [item.strip() for item in self.value(claim_id).split(";")]

    def pairs(self, claim_id: str) -> dict[str, float]:
        """The value as name=number pairs ("East=7; West=1").

        Parameters
        ----------
        claim_id
            The claim's id.

        Returns
        -------
        dict of str to float
            The numbers by name, in the order printed.

        Raises
        ------
        KeyError
            If there is no claim ``claim_id``.
        helpers.errors.InputError
            If the claim has no value or an item is not name=number.
        """
        out = {}
        for item in self.items(claim_id):
            name, _, number = item.partition("=")
            try:
                out[name.strip()] = float(number)
            except ValueError:
                raise InputError(
                    f"claim {claim_id!r} of {self.name}: {item!r} is not name=number"
                ) from None
        return out


_STATUS_WORDS = {
    "reproduced": "reproduced",
    "discrepancy": "discrepancy",
    "not_reproducible": "not reproducible",
    "finding": "finding (no claim)",
}


def _plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _defect_ids(frame: pd.DataFrame, status: str) -> pd.Series:
    """The defect of each row with ``status``; a defect id is the paper's own, so rows of
    different papers (the appendix) never share one."""
    rows = frame[frame["status"] == status]
    ids = (
        rows["defect"].where(rows["defect"] != "", rows["claim_id"])
        if "defect" in frame
        else rows["claim_id"]
    )
    return rows["paper"] + " | " + ids if "paper" in rows else ids


def status_summary(frame: pd.DataFrame) -> str:
    """The defects and counts by status of scorecard rows ``frame`` in words.

    Defects are counted, not rows: "12 defects, shown by 37 of 46 claims (7 reproduced, 2 not
    reproducible)", or "no defect in 18 claims (13 reproduced, 5 not reproducible)"; findings
    follow, counted the same way ("; 1 finding on what the paper does not claim").

    Parameters
    ----------
    frame
        Scorecard rows (:attr:`Scorecard.frame`, or several scorecards' rows together) with
        ``status`` and ``claim_id``, and ``paper`` and ``defect`` where known: rows of different
        papers never share a defect, and a discrepancy without a defect is one of its own.

    Returns
    -------
    str
        The summary, without a final full stop. The claims counted are the reproduced, not
        reproducible and discrepant rows; findings are counted apart.
    """
    counts = frame["status"].value_counts()
    reproduced = int(counts.get("reproduced", 0))
    unchecked = int(counts.get("not_reproducible", 0))
    failing = int(counts.get("discrepancy", 0))
    total = reproduced + unchecked + failing
    others = f"{reproduced} reproduced, {unchecked} not reproducible"
    defects = _defect_ids(frame, "discrepancy").nunique()
    if defects:
        text = (
            f"{_plural(defects, 'defect', 'defects')}, shown by {failing} of "
            f"{_plural(total, 'claim', 'claims')} ({others})"
        )
    else:
        text = f"no defect in {_plural(total, 'claim', 'claims')} ({others})"
    findings = _defect_ids(frame, "finding").nunique()
    if findings:
        text += f"; {_plural(findings, 'finding', 'findings')} on what the paper does not claim"
    return text


def defect_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The defects behind the rows of ``frame`` that are discrepancies or findings, in the order
    they first appear: ``defect``, ``kind`` (``discrepancy`` when any of its rows is one, else
    ``finding``), ``description`` and ``claims`` (the ids of its rows, "; "-separated).

    Parameters
    ----------
    frame
        Scorecard rows with ``claim_id``, ``status`` and ``note``, and ``defect`` and
        ``defect_description`` where known (without them, each row is its own defect described
        by its note). Rows of several papers are grouped by defect id alone.

    Returns
    -------
    pandas.DataFrame
        One row per defect on a default index, columns ``defect``, ``kind``, ``description`` and
        ``claims``; empty (with those columns) when no row is a discrepancy or finding.
    """
    rows = frame[frame["status"].isin(OPEN)].copy()
    if "defect" not in rows:
        rows["defect"], rows["defect_description"] = (
            rows["claim_id"],
            rows["note"],
        )
    rows["defect"] = rows["defect"].where(
        rows["defect"] != "", rows["claim_id"]
    )
    out = []
    for defect, group in rows.groupby("defect", sort=False):
        out.append(
            {
                "defect": defect,
                "kind": "discrepancy"
                if (group["status"] == "discrepancy").any()
                else "finding",
                "description": group["defect_description"].iloc[0],
                "claims": "; ".join(group["claim_id"]),
            }
        )
    return pd.DataFrame(
        out, columns=["defect", "kind", "description", "claims"]
    )


def defects_of(paper: str) -> dict[str, tuple[str, str]]:
    """``{claim_id: (defect, description)}`` for ``paper`` from ``data/paper_defects.csv``
    (empty for a paper the file does not list).

    Parameters
    ----------
    paper
        The paper's short citation as the file's ``paper`` column writes it (e.g.
        ``"Fang, Chang & Hu (2025)"``).

    Returns
    -------
    dict
        ``{claim_id: (defect, description)}``, a copy of the cached table.

    Raises
    ------
    helpers.errors.InputError
        If the file lists a claim under two defects of one paper.
    helpers.data.DataError
        If ``data/paper_defects.csv`` does not match its manifest.
    """
    return dict(_defects_by_paper().get(paper, {}))


@functools.cache
def _defects_by_paper() -> dict[str, dict[str, tuple[str, str]]]:
    from helpers import data

    out: dict[str, dict[str, tuple[str, str]]] = {}
    for row in data.load("paper_defects").itertuples(index=False):
        claims = out.setdefault(row.paper, {})
        for claim_id in (c.strip() for c in row.claims.split(";")):
            if claim_id in claims:
                raise InputError(
                    f"paper_defects: claim {claim_id!r} of {row.paper} is in defects "
                    f"{claims[claim_id][0]!r} and {row.defect!r}; a claim shows one defect"
                )
            claims[claim_id] = (row.defect, row.description)
    return out


class ScorecardReport:
    """What :meth:`Scorecard.report` returns: a table for reading (HTML in JupyterLab and the
    book, text in a terminal), or, when long, the summary and the paper's defects, each with the
    rows behind it in a dropdown, then the full table in a dropdown."""

    def __init__(self, frame: pd.DataFrame, limit: int) -> None:
        self.frame = frame
        self.limit = limit

    def _table(self, frame: pd.DataFrame) -> _ScorecardTable:
        from helpers.display import table

        status = frame["status"].map(_STATUS_WORDS)
        if "defect" in frame:
            # name the defect where it groups other rows than this one
            grouped = (frame["defect"] != "") & (
                frame["defect"] != frame["claim_id"]
            )
            status = status.where(
                ~grouped, status + " (defect " + frame["defect"] + ")"
            )
        shown = pd.DataFrame(
            {
                "claim": frame["claim_id"]
                + " ("
                + frame["location"]
                + "): "
                + frame["claim"],
                "reported": frame["reported"],
                "recomputed": frame["recomputed"],
                "status": status,
                "reason": frame["note"],
            }
        )
        return _ScorecardTable(table(shown, index=False))

    @property
    def long(self) -> bool:
        """Whether there are more rows than ``limit``, so that the report is summarised."""
        return len(self.frame) > self.limit

    def defects_html(self) -> str:
        """Each defect as a dropdown: its id, kind and description, then the rows behind it.

        Returns
        -------
        str
            One ``<details class="book-defect">`` element per defect of the rows
            (:func:`defect_table`), joined by newlines; "" when there is none.
        """
        import html

        parts = []
        for _, defect in defect_table(self.frame).iterrows():
            ids = defect["claims"].split("; ")
            rows = self.frame[self.frame["claim_id"].isin(ids)]
            n = len(ids)
            parts.append(
                '<details class="book-defect"><summary>'
                f"<strong>{html.escape(defect['defect'])}</strong> "
                f"({_STATUS_WORDS[defect['kind']].split(' (')[0]}): "
                f"{html.escape(defect['description'])} "
                f"<em>({_plural(n, 'claim', 'claims')}: {html.escape(', '.join(ids))})</em>"
                "</summary>" + self._table(rows)._repr_html_() + "</details>"
            )
        return "\n".join(parts)

    def _repr_html_(self) -> str:
        if not self.long:
            return self._table(self.frame)._repr_html_()
        head = f"<p>{status_summary(self.frame)}.</p>"
        defects = self.defects_html()
        if defects:
            head += (
                "<p>The defects, each with the claims that show it:</p>"
                + defects
            )
        return (
            head
            + f"<details><summary>All {len(self.frame)} claims</summary>"
            + self._table(self.frame)._repr_html_()
            + "</details>"
        )

    def __repr__(self) -> str:
        text = repr(self._table(self.frame))
        if not self.long:
            return text
        defects = defect_table(self.frame)
        listed = "".join(
            f"\n{d.defect} ({d.kind}): {d.description} [{d.claims}]"
            for d in defects.itertuples()
        )
        return f"{status_summary(self.frame)}{listed}\n{text}"

    def __len__(self) -> int:
        return len(self.frame)


class _ScorecardTable:
    """A scorecard's rows as :func:`helpers.display.table` shows them, marked ``book-scorecard``
    so that the book's style lets their long words wrap (a scorecard fits the column at 1280 px)."""

    def __init__(self, shown) -> None:
        self.shown = shown

    def _repr_html_(self) -> str:
        return self.shown._repr_html_().replace(
            'class="dataframe book-table"',
            'class="dataframe book-table book-scorecard"',
            1,
        )

    def __repr__(self) -> str:
        return repr(self.shown)


def _text(value: object) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, (list, tuple, set, frozenset)):
        items = sorted(value) if isinstance(value, (set, frozenset)) else value
        return ", ".join(map(str, items))
    return str(value)


def feasible(
    constraints: list[tuple[dict[str, float], str, float]],
    bounds: dict[str, tuple],
) -> dict | None:
    """Is there a set of unknowns satisfying all the linear constraints? Return one, or None.

    Papers often print some numbers and describe others ("more than 3.6 times", "the lowest start").
    Written as linear constraints on the unprinted numbers, such claims are consistent exactly when
    the constraints have a solution. Each constraint is ``(coefficients, op, rhs)`` with ``op`` one
    of ``"<="``, ``">="``, ``"=="``; ``bounds`` gives ``(low, high)`` per unknown (``None`` for no
    bound). Solved as a linear programme (scipy's HiGHS) with a zero objective.

    Parameters
    ----------
    constraints
        ``(coefficients, op, rhs)`` triples: ``coefficients`` maps unknowns to their coefficient
        (unknowns left out count zero), ``op`` is ``"<="``, ``">="`` or ``"=="`` and ``rhs`` a
        number.
    bounds
        ``(low, high)`` for every unknown, ``None`` for no bound on that side; the order of the
        keys is the order of the solution.

    Returns
    -------
    dict or None
        One solution (unknown to value) when the constraints are feasible; ``None`` when HiGHS
        does not report a solution (infeasible, or any other failure).

    Raises
    ------
    helpers.errors.InputError
        If a constraint uses an unknown without bounds, or an operator other than the three.
    """
    from scipy.optimize import linprog

    names = list(bounds)
    unknown = sorted(
        {k for coefs, _, _ in constraints for k in coefs} - set(names)
    )
    if unknown:
        raise InputError(f"constraints use unknowns without bounds: {unknown}")
    a_ub, b_ub, a_eq, b_eq = [], [], [], []
    for coefs, op, rhs in constraints:
        row = [float(coefs.get(n, 0.0)) for n in names]
        if op == "<=":
            a_ub.append(row), b_ub.append(rhs)
        elif op == ">=":
            a_ub.append([-v for v in row]), b_ub.append(-rhs)
        elif op == "==":
            a_eq.append(row), b_eq.append(rhs)
        else:
            raise InputError(
                f"constraint operator must be '<=', '>=' or '==', got {op!r}"
            )
    result = linprog(
        np.zeros(len(names)),
        A_ub=a_ub or None,
        b_ub=b_ub or None,
        A_eq=a_eq or None,
        b_eq=b_eq or None,
        bounds=[bounds[n] for n in names],
        method="highs",
    )
    return dict(zip(names, result.x)) if result.status == 0 else None


@dataclass(frozen=True)
class ImpliedTotals:
    """Result of :func:`implied_totals`: one row per part (``amount``, ``share_pct``, ``low``,
    ``point``, ``high``) and the ``common`` overlap ``(low, high)`` of all the intervals, or None
    when there is none (the shares cannot describe one total)."""

    table: pd.DataFrame
    common: tuple[float, float] | None


def implied_totals(
    amounts: pd.Series,
    shares: pd.Series,
    amount_decimals: int,
    share_decimals: int,
) -> ImpliedTotals:
    r"""The total each (amount, percentage share) pair implies, as an interval that allows for
    rounding.

    A part printed as ``a`` (to ``amount_decimals``) with a share printed as ``s`` percent (to
    ``share_decimals``) implies a total between ``(a - da) / (s + ds) * 100`` and ``(a + da) / (s -
    ds) * 100``, with ``da`` and ``ds`` half a unit of the last printed digit. The shares describe
    one total only if all the intervals overlap.

    .. math::
        T_i \in \left[\frac{a_i - \delta_a}{s_i + \delta_s}\,100,\
        \frac{a_i + \delta_a}{s_i - \delta_s}\,100\right],
        \qquad \delta_a = \tfrac12 10^{-d_a},\ \delta_s = \tfrac12 10^{-d_s}

    Parameters
    ----------
    amounts
        The printed amounts, indexed by part; not negative.
    shares
        The printed shares in per cent, same index; each must exceed its rounding
        :math:`\delta_s`.
    amount_decimals
        The decimals the amounts are printed with, :math:`d_a \ge 0`.
    share_decimals
        The decimals the shares are printed with, :math:`d_s \ge 0`.

    Returns
    -------
    ImpliedTotals
        ``table`` indexed by part with ``amount``, ``share_pct``, ``low``, ``point`` (amount over
        share, times 100) and ``high``, in the amounts' unit; ``common``: the largest ``low`` and
        the smallest ``high`` when the first is not above the second, else None.

    Raises
    ------
    helpers.errors.InputTypeError
        If ``amounts`` or ``shares`` is not a Series or holds text, or a number of decimals is not
        an integer.
    helpers.errors.InputError
        If a value is missing or infinite, the two indexes differ, a number of decimals is
        negative, a share does not exceed its rounding, or an amount is negative.

    Examples
    --------
    >>> import pandas as pd
    >>> amounts = pd.Series({"a": 30.0, "b": 18.0})
    >>> result = implied_totals(amounts, pd.Series({"a": 25.0, "b": 15.0}), 0, 0)
    >>> [round(v, 1) for v in result.common]
    [115.7, 124.5]
    """
    if not isinstance(amounts, pd.Series) or not isinstance(shares, pd.Series):
        raise InputTypeError(
            "amounts and shares must be pandas Series indexed by the parts"
        )
    amounts, shares = (
        _checks.series(amounts, "amounts"),
        _checks.series(shares, "shares"),
    )
    if not amounts.index.equals(shares.index):
        raise InputError(
            f"amounts and shares must have the same index; got {_checks.labels(amounts.index)} and "
            f"{_checks.labels(shares.index)}"
        )
    amount_decimals = _checks.integer(
        "amount_decimals", amount_decimals, minimum=0
    )
    share_decimals = _checks.integer(
        "share_decimals", share_decimals, minimum=0
    )
    da, ds = 0.5 * 10.0**-amount_decimals, 0.5 * 10.0**-share_decimals
    if (shares <= ds).any() or (amounts < 0).any():
        raise InputError(
            "shares must exceed their rounding and amounts must not be negative"
        )
    table = pd.DataFrame(
        {
            "amount": amounts,
            "share_pct": shares,
            "low": (amounts - da) / (shares + ds) * 100,
            "point": amounts / shares * 100,
            "high": (amounts + da) / (shares - ds) * 100,
        }
    )
    low, high = table["low"].max(), table["high"].min()
    return ImpliedTotals(
        table, (float(low), float(high)) if low <= high else None
    )
