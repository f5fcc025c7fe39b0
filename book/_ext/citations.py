"""One citation style: author and year in round brackets, in the text and the bibliography.

sphinxcontrib-bibtex's ``author_year`` style puts square brackets around citations ("[Theil,
1967]"), while the prose names papers as "Gan and Zhang (2025)". This registers the same style with
round brackets, ``author_year_round``, which ``_config.yml`` selects (the recipe of
sphinxcontrib-bibtex's documentation, "Custom Citation Reference Styles"). The bibliography's
labels follow suit: ``plain_author_year`` is pybtex's ``plain`` style with labels such as
"Theil 1967" instead of "[The67]".
"""

import dataclasses

import pybtex.plugin
import sphinxcontrib.bibtex.plugin
from pybtex.style.formatting.plain import Style as PlainStyle
from pybtex.style.labels import BaseLabelStyle
from sphinxcontrib.bibtex.style.referencing import BracketStyle
from sphinxcontrib.bibtex.style.referencing.author_year import (
    AuthorYearReferenceStyle,
)


def _round() -> BracketStyle:
    return BracketStyle(left="(", right=")")


@dataclasses.dataclass
class RoundAuthorYear(AuthorYearReferenceStyle):
    bracket_parenthetical: BracketStyle = dataclasses.field(
        default_factory=_round
    )
    bracket_textual: BracketStyle = dataclasses.field(default_factory=_round)
    bracket_author: BracketStyle = dataclasses.field(default_factory=_round)
    bracket_label: BracketStyle = dataclasses.field(default_factory=_round)
    bracket_year: BracketStyle = dataclasses.field(default_factory=_round)


sphinxcontrib.bibtex.plugin.register_plugin(
    "sphinxcontrib.bibtex.style.referencing",
    "author_year_round",
    RoundAuthorYear,
)


class AuthorYearLabels(BaseLabelStyle):
    """ "Theil 1967", "Gan and Zhang 2025", "Fang et al. 2025"; a, b, ... where two coincide."""

    def format_labels(self, sorted_entries):
        labels = [self._label(entry) for entry in sorted_entries]
        for label in labels:
            same = [i for i, other in enumerate(labels) if other == label]
            if len(same) > 1:
                for letter, i in zip("abcdefghij", same):
                    labels[i] = f"{label}{letter}"
        return iter(labels)

    @staticmethod
    def _label(entry) -> str:
        persons = (
            entry.persons.get("author") or entry.persons.get("editor") or []
        )
        names = [
            " ".join(p.last_names) or " ".join(p.first_names) for p in persons
        ]
        names = [n.strip("{}") for n in names]
        if (
            "others" in names[1:]
        ):  # BibTeX's "and others": more authors than listed
            names = names[:1] + ["", ""]
        if not names:
            who = entry.fields.get("organization", entry.key)
        elif len(names) == 1:
            who = names[0]
        elif len(names) == 2:
            who = f"{names[0]} and {names[1]}"
        else:
            who = f"{names[0]} et al."
        return f"{who} {entry.fields.get('year', 'n.d.')}"


class PlainAuthorYear(PlainStyle):
    default_label_style = "author_year"


pybtex.plugin.register_plugin(
    "pybtex.style.labels", "author_year", AuthorYearLabels
)
pybtex.plugin.register_plugin(
    "pybtex.style.formatting", "plain_author_year", PlainAuthorYear
)


def setup(app):
    return {"parallel_read_safe": True, "parallel_write_safe": True}
