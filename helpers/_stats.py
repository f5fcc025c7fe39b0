"""A test statistic with its degrees of freedom and p-value, as every family reports one."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TestStatistic:
    """A test's ``stat``, its ``df`` and ``pvalue``, and the ``null`` hypothesis in words.

    ``pvalue`` is None where the test is not defined (e.g. Hansen's J with zero degrees of freedom:
    a just-identified model has no overidentifying restrictions to test); ``note`` then says why,
    and :meth:`pvalue_text` shows it in words instead of a number.
    """

    name: str
    stat: float | None
    df: float | None
    pvalue: float | None
    null: str = ""
    note: str = ""

    __test__ = False  # not a pytest test class, despite its name

    @property
    def defined(self) -> bool:
        return self.pvalue is not None

    def pvalue_text(self) -> str:
        """The p-value as a reader should see it: ``p = 0.031``, ``p < 0.001`` or "not defined"."""
        if self.pvalue is None:
            return f"not defined ({self.note})" if self.note else "not defined"
        from helpers.display import pvalue

        return pvalue(self.pvalue)

    def __str__(self) -> str:
        if self.stat is None:
            return f"{self.name}: {self.pvalue_text()}"
        df = f" on {self.df:g} df" if self.df is not None else ""
        return f"{self.name} = {self.stat:.3f}{df}, {self.pvalue_text()}"
