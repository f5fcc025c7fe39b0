"""The package's error types: what a reader, a student or a replicator can get wrong.

Each is a ``ValueError`` or ``TypeError`` (so ``except ValueError`` still catches it) whose message
names the argument, column, rows or requirement at fault and what was expected. In Jupyter and
papermill each shows as that one line, without a traceback through the package: the line already
says what to fix.

- :class:`DataError`: a file does not fit its dataset's schema (``helpers.data``);
- :class:`ParameterError`: a chapter's parameter is of the wrong type, out of range or not an
  allowed value (``helpers.parameters``);
- :class:`InputError` and :class:`InputTypeError`: an argument of a function does not fit, or the
  data are too few or too degenerate for a method (too few units or periods for a lag order,
  collinear series).

A result that can be computed but must be read with care is a warning, not an error: a
:class:`BookWarning`, whose class says what it means for the reader (:attr:`BookWarning.meaning`),
so that :func:`helpers.display.explained_warnings` can show it as a note.
"""


class BookError(Exception):
    """Base class: shown as ``<Kind>: <message>`` in IPython, with no traceback."""

    def _render_traceback_(self) -> list[str]:
        return [f"{type(self).__name__}: {self}"]


class DataError(BookError, ValueError):
    """A file does not match what its dataset's manifest declares, or cannot be read."""


class ParameterError(BookError, ValueError):
    """A chapter parameter has the wrong type, range or value."""


class InputError(BookError, ValueError):
    """An argument's values do not fit, or the data cannot support the method."""


class InputTypeError(BookError, TypeError):
    """An argument is the wrong kind of object, or holds text where numbers are expected."""


class BookWarning(UserWarning):
    """A result was computed but part of it cannot be read as usual. The message says what, with
    this run's numbers; :attr:`meaning` says what that means for the reader."""

    #: What the warning means for reading the results, in a sentence or two.
    meaning = ""
