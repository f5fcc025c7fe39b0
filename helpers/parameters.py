"""Checking a chapter's parameters before anything runs.

Each chapter declares its parameters once, in :mod:`helpers.chapters`, as a name, a
:class:`Spec` (type, range or allowed values) and a one-line help text; its first code cell after
the setup calls :func:`validate` on the values it was given (by papermill, or as edited). A value
that does not fit stops the chapter with one line that names the parameter, the value and what is
allowed, e.g. ``ParameterError: alpha = 2: expected a number greater than 0 and less than 1``.

The same specs write the parameter tables of the replicator's guide, so the documented range is
the enforced one.
"""

from __future__ import annotations

import math
import numbers
from dataclasses import dataclass
from pathlib import Path

from helpers.errors import ParameterError

__all__ = [
    "Choice",
    "Column",
    "Flag",
    "InputFile",
    "Integer",
    "Names",
    "Number",
    "Optional",
    "OutputFolder",
    "Seed",
    "Sheet",
    "Spec",
    "validate",
]


class Spec:
    """What a parameter accepts. Subclasses implement :meth:`check` and :meth:`describe`."""

    def check(self, value):
        """``value`` as the chapter uses it; raise ``ValueError(reason)`` if it does not fit.

        Parameters
        ----------
        value
            The parameter's value as the chapter was given it.

        Returns
        -------
        object
            The value the chapter uses (e.g. a float for an integer given to a number).

        Raises
        ------
        ValueError
            With a short reason (``"got a str"``, ``"out of range"``); :func:`validate` turns it
            into a one-line :class:`~helpers.errors.ParameterError`.
        """
        raise NotImplementedError

    def describe(self) -> str:
        """What is allowed, in words (used in error messages and the guide).

        Returns
        -------
        str
            A phrase that follows "expected", e.g. "an integer from 1 to 100".
        """
        raise NotImplementedError


def _kind(value) -> str:
    return type(value).__name__


@dataclass(frozen=True)
class Flag(Spec):
    """``True`` or ``False``."""

    def check(self, value):
        """The value itself, if it is a bool.

        Parameters
        ----------
        value
            The parameter's value.

        Returns
        -------
        bool
            ``value``.

        Raises
        ------
        ValueError
            ``"got a <type>"`` for anything but ``True`` or ``False`` (1 and 0 included).
        """
        if not isinstance(value, bool):
            raise ValueError(f"got a {_kind(value)}")
        return value

    def describe(self) -> str:
        """What a flag allows, in words.

        Returns
        -------
        str
            "True or False".
        """
        return "True or False"


@dataclass(frozen=True)
class Integer(Spec):
    """A whole number (not a bool) within ``[minimum, maximum]``."""

    minimum: int | None = None
    maximum: int | None = None

    def check(self, value):
        """The value as an ``int``, if it is a whole number within the bounds.

        Parameters
        ----------
        value
            The parameter's value: a Python or numpy integer, not a bool.

        Returns
        -------
        int
            ``value`` as a Python ``int``.

        Raises
        ------
        ValueError
            ``"got a <type>"`` for a bool or anything not an integer (``10.0`` included);
            ``"out of range"`` outside ``[minimum, maximum]``.
        """
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            raise ValueError(f"got a {_kind(value)}")
        value = int(value)
        if (self.minimum is not None and value < self.minimum) or (
            self.maximum is not None and value > self.maximum
        ):
            raise ValueError("out of range")
        return value

    def describe(self) -> str:
        """The allowed integers, in words, with thousands separators.

        Returns
        -------
        str
            "an integer from 1 to 1,000", "an integer of at least 1", "an integer of at most
            9" or "an integer".
        """
        if self.minimum is not None and self.maximum is not None:
            return f"an integer from {self.minimum:,} to {self.maximum:,}"
        if self.minimum is not None:
            return f"an integer of at least {self.minimum:,}"
        if self.maximum is not None:
            return f"an integer of at most {self.maximum:,}"
        return "an integer"


def Seed() -> Integer:  # noqa: N802 (reads as a type in the specs)
    """A seed for NumPy's random generator: an integer from 0 to 2**32 - 1.

    Returns
    -------
    Integer
        ``Integer(0, 2**32 - 1)``.
    """
    return Integer(0, 2**32 - 1)


@dataclass(frozen=True)
class Optional(Spec):
    """``None`` (what ``meaning`` says) or a value of ``spec``."""

    spec: Spec
    meaning: str

    def check(self, value):
        """``None``, or the value as ``spec`` checks it.

        Parameters
        ----------
        value
            The parameter's value.

        Returns
        -------
        object
            ``None``, or what ``spec.check`` returns.

        Raises
        ------
        ValueError
            As ``spec.check`` raises.
        """
        return None if value is None else self.spec.check(value)

    def describe(self) -> str:
        """``None`` with its meaning, or what ``spec`` allows.

        Returns
        -------
        str
            "None (<meaning>) or <spec's description>".
        """
        return f"None ({self.meaning}) or {self.spec.describe()}"


@dataclass(frozen=True)
class Number(Spec):
    """A finite real number (an integer is accepted) within the given bounds; ``above`` and
    ``below`` are exclusive, ``minimum`` and ``maximum`` inclusive."""

    minimum: float | None = None
    maximum: float | None = None
    above: float | None = None
    below: float | None = None

    def check(self, value):
        """The value as a ``float``, if it is a finite real number within the bounds.

        Parameters
        ----------
        value
            The parameter's value: a real number (an integer is accepted), not a bool.

        Returns
        -------
        float
            ``value`` as a float.

        Raises
        ------
        ValueError
            ``"got a <type>"`` for a bool or anything not a real number, ``"not finite"`` for NaN
            or an infinity, ``"out of range"`` outside the bounds.
        """
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            raise ValueError(f"got a {_kind(value)}")
        value = float(value)
        if not math.isfinite(value):
            raise ValueError("not finite")
        if (
            (self.minimum is not None and value < self.minimum)
            or (self.maximum is not None and value > self.maximum)
            or (self.above is not None and value <= self.above)
            or (self.below is not None and value >= self.below)
        ):
            raise ValueError("out of range")
        return value

    def describe(self) -> str:
        """The allowed numbers, in words.

        Returns
        -------
        str
            "a number", or with its bounds, e.g. "a number greater than 0 and less than 1".
        """
        parts = []
        if self.minimum is not None:
            parts.append(f"at least {self.minimum:g}")
        if self.above is not None:
            parts.append(f"greater than {self.above:g}")
        if self.maximum is not None:
            parts.append(f"at most {self.maximum:g}")
        if self.below is not None:
            parts.append(f"less than {self.below:g}")
        return "a number" + (" " + " and ".join(parts) if parts else "")


@dataclass(frozen=True)
class Choice(Spec):
    """One of a fixed set of values; ``aliases`` are ``(old, value)`` pairs of older names that
    are accepted and replaced by the value they stand for."""

    options: tuple
    aliases: tuple = ()

    def check(self, value):
        """The value, if it is one of ``options``, or the option an alias stands for.

        Parameters
        ----------
        value
            The parameter's value.

        Returns
        -------
        object
            ``value``, or the option it is an older name of.

        Raises
        ------
        ValueError
            ``"not an allowed value"`` for a value that is neither an option nor an alias (a
            list, dict or set never is).
        """
        if isinstance(value, (list, dict, set)):
            raise ValueError("not an allowed value")
        value = dict(self.aliases).get(value, value)
        if value not in self.options:
            raise ValueError("not an allowed value")
        return value

    def describe(self) -> str:
        """The options, in words.

        Returns
        -------
        str
            "one of 'a', 'b'" (each option's ``repr``), followed by the older names and the
            options they stand for when there are aliases.
        """
        text = "one of " + ", ".join(repr(o) for o in self.options)
        if self.aliases:
            text += (
                " (older names: "
                + ", ".join(
                    f"{old!r} for {new!r}" for old, new in self.aliases
                )
                + ")"
            )
        return text


@dataclass(frozen=True)
class Column(Spec):
    """The name of a column in the chapter's input file (that the column is there is checked when
    the file is read)."""

    def check(self, value):
        """The column name without surrounding blanks.

        Parameters
        ----------
        value
            The parameter's value.

        Returns
        -------
        str
            ``value`` stripped.

        Raises
        ------
        ValueError
            ``"got a <type>"`` for anything but a string that is not blank.
        """
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"got a {_kind(value)}")
        return value.strip()

    def describe(self) -> str:
        """What a column parameter allows, in words.

        Returns
        -------
        str
            "a column name of your file".
        """
        return "a column name of your file"


class Sheet(Spec):
    """A sheet of an ``.xlsx`` workbook: its name, or its number counting from 0."""

    def check(self, value):
        """The sheet's name without surrounding blanks, or its number.

        Parameters
        ----------
        value
            The parameter's value: a string or an integer (not a bool).

        Returns
        -------
        str or int
            The stripped name, or the number as a Python ``int``.

        Raises
        ------
        ValueError
            ``"got a <type>"`` for anything else, ``"got an empty name"`` for a blank string,
            ``"out of range"`` for a negative number.
        """
        if isinstance(value, bool) or not isinstance(
            value, (str, numbers.Integral)
        ):
            raise ValueError(f"got a {_kind(value)}")
        if isinstance(value, str):
            if not value.strip():
                raise ValueError("got an empty name")
            return value.strip()
        if value < 0:
            raise ValueError("out of range")
        return int(value)

    def describe(self) -> str:
        """What a sheet parameter allows, in words.

        Returns
        -------
        str
            "a sheet's name, or its number from 0".
        """
        return "a sheet's name, or its number from 0"


@dataclass(frozen=True)
class Names(Spec):
    """A list of distinct non-empty strings: ``count`` of them exactly, or at least ``minimum``;
    with ``options``, each one of them (``permutation`` requires all of them, once each)."""

    minimum: int = 1
    count: int | None = None
    options: tuple | None = None
    permutation: bool = False

    def check(self, value):
        """The names as a list, if they fit.

        Parameters
        ----------
        value
            A list or tuple of strings, or one string of names separated by commas (as
            papermill's ``-p`` passes a list); a blank string is an empty list.

        Returns
        -------
        list of str
            The names, in the order given (split and stripped when given as one string).

        Raises
        ------
        ValueError
            ``"not a list of names"``, ``"a name is repeated"``, ``"a name is not allowed"``,
            ``"not every name once"`` or ``"wrong number of names"``.
        """
        if isinstance(value, tuple):
            value = list(value)
        if isinstance(
            value, str
        ):  # papermill's -p passes "AI,LR,EQ" as one string
            value = (
                [v.strip() for v in value.split(",")] if value.strip() else []
            )
        if not isinstance(value, list) or not all(
            isinstance(v, str) and v.strip() for v in value
        ):
            raise ValueError("not a list of names")
        if len(set(value)) != len(value):
            raise ValueError("a name is repeated")
        if self.options is not None and any(
            v not in self.options for v in value
        ):
            raise ValueError("a name is not allowed")
        if self.permutation and sorted(value) != sorted(self.options):
            raise ValueError("not every name once")
        if (self.count is not None and len(value) != self.count) or len(
            value
        ) < self.minimum:
            raise ValueError("wrong number of names")
        return value

    def describe(self) -> str:
        """The allowed lists, in words.

        Returns
        -------
        str
            E.g. "a list of 2+ distinct names from AI, LR, EQ (or one string, the names
            separated by commas)".
        """
        if self.permutation:
            return (
                "a list of "
                + ", ".join(self.options)
                + " in any order (or one string, the names separated by commas)"
            )
        if self.minimum == 0 and self.count is None and not self.options:
            return (
                "a list of distinct names, possibly empty (or one string, the names separated by "
                "commas)"
            )
        size = (
            f"{self.count}" if self.count is not None else f"{self.minimum}+"
        )
        within = " from " + ", ".join(self.options) if self.options else ""
        return (
            f"a list of {size} distinct names{within} (or one string, the names separated by "
            "commas)"
        )


@dataclass(frozen=True)
class InputFile(Spec):
    """``None`` (the chapter's own data) or the path of an existing file."""

    def check(self, value):
        """``None``, or the path of an existing file with ``~`` expanded.

        Parameters
        ----------
        value
            The parameter's value: ``None``, a string or a ``pathlib.Path``.

        Returns
        -------
        str or None
            ``None``, or the path as a string.

        Raises
        ------
        ValueError
            ``"got a <type>"`` for anything else or a blank string; ``"is a folder"``;
            ``"no such file"``.
        """
        if value is None:
            return None
        if not isinstance(value, (str, Path)) or not str(value).strip():
            raise ValueError(f"got a {_kind(value)}")
        path = Path(value).expanduser()
        if path.is_dir():
            raise ValueError("is a folder")
        if not path.exists():
            raise ValueError("no such file")
        return str(path)

    def describe(self) -> str:
        """What a file parameter allows, in words.

        Returns
        -------
        str
            "None (the chapter's data) or the path of a CSV or .xlsx file".
        """
        return "None (the chapter's data) or the path of a CSV or .xlsx file"


@dataclass(frozen=True)
class OutputFolder(Spec):
    """``None`` (``results/<chapter>`` under the working directory) or a folder path."""

    def check(self, value):
        """``None``, or a folder path with ``~`` expanded; the folder need not exist.

        Parameters
        ----------
        value
            The parameter's value: ``None``, a string or a ``pathlib.Path``.

        Returns
        -------
        str or None
            ``None``, or the path as a string.

        Raises
        ------
        ValueError
            ``"got a <type>"`` for anything else or a blank string, ``"is a file"`` for the path
            of an existing file.
        """
        if value is None:
            return None
        if not isinstance(value, (str, Path)) or not str(value).strip():
            raise ValueError(f"got a {_kind(value)}")
        if Path(value).expanduser().is_file():
            raise ValueError("is a file")
        return str(Path(value).expanduser())

    def describe(self) -> str:
        """What an output folder parameter allows, in words.

        Returns
        -------
        str
            "None (results/<chapter> in the working folder) or a folder path".
        """
        return (
            "None (results/<chapter> in the working folder) or a folder path"
        )


_REASONS = {
    "is a folder": "is a folder; expected a CSV or .xlsx file",
    "no such file": "no such file",
    "is a file": "is a file; expected a folder to write into",
}


def validate(specs: dict[str, Spec], **values) -> dict:
    """Check every value against its spec; return them as the chapter should use them.

    Parameters
    ----------
    specs
        The chapter's parameters: name to :class:`Spec`.
    **values
        The values the chapter was given, by name: every name of ``specs`` and no other.

    Returns
    -------
    dict
        The checked values by name, in the order of ``specs``, as each spec's ``check`` returns
        them (e.g. a float for a :class:`Number`, a stripped name for a :class:`Column`).

    Raises
    ------
    ParameterError
        On the first value that does not fit, naming the parameter, the value and what is allowed;
        or when a declared parameter is not given, or one is given that is not declared.

    Examples
    --------
    >>> specs = {"alpha": Number(above=0, below=1), "seed": Seed()}
    >>> validate(specs, alpha=0.05, seed=7)
    {'alpha': 0.05, 'seed': 7}
    >>> validate(specs, alpha=2, seed=7)
    Traceback (most recent call last):
    ...
    helpers.errors.ParameterError: alpha = 2: expected a number greater than 0 and less than 1
    """
    unknown = sorted(set(values) - set(specs))
    if unknown:
        raise ParameterError(
            f"unknown parameter(s) {', '.join(unknown)}; this chapter takes {', '.join(specs)}"
        )
    missing = [name for name in specs if name not in values]
    if missing:
        raise ParameterError(f"parameter(s) {', '.join(missing)} not given")
    checked = {}
    for name, spec in specs.items():
        value = values[name]
        try:
            checked[name] = spec.check(value)
        except ValueError as reason:
            detail = _REASONS.get(str(reason))
            raise ParameterError(
                f"{name} = {value!r}: "
                + (detail or f"expected {spec.describe()}")
            ) from None
    return checked
