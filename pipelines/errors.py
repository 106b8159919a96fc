"""Errors a user can act on: the CLI prints them as one line, the dashboard as words on the page."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import overload

from pipelines.column_names import blank_header_position

_FRENCH_SPACE = re.compile(r" ([;:?!])")


def french_spacing(text: str) -> str:
    """A no-break space before ; : ? ! (French typography), so a line never starts with one."""
    return _FRENCH_SPACE.sub("\u00a0\\1", text)


class Bilingual(str):
    """An English text that carries its Dutch wording along, and its French one where given.

    It is the English text wherever a str is used (the command line, logs, tests), so the code
    that makes a message says it in both languages in one place, and the pages show `in_language`.
    Joining two keeps both: Bilingual("a number", "een getal") + Bilingual(" (3 rows)", " (3 rijen)").
    French (`fr`) is optional while the messages gain it: a text without it shows in English on a
    French page, and a join keeps French only when both parts have it (never half and half). It
    gets French typography's no-break space before ; : ? ! here, as the catalogues' texts have it.
    """

    nl: str
    fr: str | None

    def __new__(cls, en: str, nl: str, fr: str | None = None) -> Bilingual:
        text = super().__new__(cls, en)
        text.nl = nl
        text.fr = None if fr is None else french_spacing(fr)
        return text

    @overload
    def __add__(self, other: Bilingual) -> Bilingual: ...
    @overload
    def __add__(self, other: str) -> str: ...

    def __add__(self, other: str) -> str:
        if isinstance(other, Bilingual):
            fr = self.fr + other.fr if self.fr is not None and other.fr is not None else None
            return Bilingual(str(self) + str(other), self.nl + other.nl, fr)
        return str(self) + other

    def __radd__(self, other: str) -> str:
        return str(other) + str(self)

    def __reduce__(self):  # crosses the checking process's pipe with both languages
        return (Bilingual, (str(self), self.nl, self.fr))


def in_language(text: str, lang: str) -> str:
    """`text` in Dutch or French when asked and known, else as written (English)."""
    if isinstance(text, Bilingual):
        if lang == "nl":
            return text.nl
        if lang == "fr" and text.fr is not None:
            return text.fr
    return str(text)


def plural(count: int, one: Bilingual, other: Bilingual) -> Bilingual:
    """`one` or `other` for `count`, each language by its own rule (the catalogues' Plural-Forms):
    English and Dutch say 1 in the singular, French 0 and 1."""
    en_nl = one if count == 1 else other
    fr = (one if count in (0, 1) else other).fr
    return Bilingual(str(en_nl), en_nl.nl, fr)


_DUTCH_MARKS = str.maketrans({",": ".", ".": ","})
_FRENCH_MARKS = str.maketrans({",": "\u202f", ".": ","})


def number_text(value: float, spec: str) -> Bilingual:
    """`format(value, spec)` (e.g. ',.0f') with each language's marks, as the pages write numbers:
    English 1,234.5, Dutch 1.234,5, French 1 234,5 (a narrow no-break space). A Dutch or French
    reader takes '78,646 t' for seventy-eight tonnes."""
    english = format(value, spec)
    return Bilingual(english, english.translate(_DUTCH_MARKS), english.translate(_FRENCH_MARKS))


class UserError(Exception):
    """A mistake of the user's (a bad option, a missing programme); never shown as a traceback.

    Raised with a Bilingual message where a page may show it (reading an uploaded file)."""

    def in_language(self, lang: str) -> str:
        message = self.args[0] if self.args else ""
        return in_language(message, lang) if isinstance(message, str) else str(self)


# Codes of problems a mapping row (source_label,kind,target) can fix, with the kind of that row:
# the upload page offers to map exactly these, by code, never by searching the words.
UNKNOWN_LABEL, UNKNOWN_UNIT, UNKNOWN_PARTNER_TYPE = "unknown_label", "unknown_unit", "unknown_partner_type"
MAPPING_KIND_OF = {UNKNOWN_LABEL: "label", UNKNOWN_UNIT: "unit", UNKNOWN_PARTNER_TYPE: "partner_type"}


@dataclass(frozen=True)
class Problem:
    """One problem in an input file: where it is, what was found, what was expected."""

    file: str
    row: int | None  # 1-based line number in the file as the analyst sees it (header = 1)
    column: str | None
    value: str | None
    expected: str
    code: str | None = None  # what kind of problem, for code to test (e.g. UNKNOWN_UNIT); None: no code

    def __str__(self) -> str:
        return self.in_language("en")

    def in_language(self, lang: str) -> str:
        """The problem as one line in `lang` (the command line prints one per problem)."""
        where = self.file
        if self.row is not None:
            where += in_language(_ROW, lang).format(row=self.row)
        if self.column is not None and blank_header_position(self.column) is not None:
            where += ", " + in_language(column_name(self.column), lang)
        elif self.column is not None:
            where += in_language(_COLUMN, lang).format(column=self.column)
        found = "" if self.value is None else in_language(_FOUND, lang).format(value=repr(self.value))
        return in_language(_EXPECTED, lang).format(where=where, found=found,
                                                   expected=in_language(self.expected, lang))


_ROW = Bilingual(", row {row}", ", rij {row}", ", ligne {row}")
_COLUMN = Bilingual(", column '{column}'", ", kolom '{column}'", ", colonne '{column}'")
_FOUND = Bilingual(": found {value}", ": gevonden {value}", " : valeur {value}")
_EXPECTED = Bilingual("{where}{found}; expected {expected}", "{where}{found}; verwacht: {expected}",
                      "{where}{found} ; attendu : {expected}")


def column_name(name: str) -> str:
    """A column as messages name it: quoted as the file wrote it, or, when its header cell was
    blank, by its place in each language (never the readers' 'column 3')."""
    position = blank_header_position(name)
    if position is None:
        return f"'{name}'"
    return Bilingual(f"column {position} (no name)", f"kolom {position} (zonder naam)",
                     f"colonne {position} (sans nom)")


def column_list(names: Iterable[str]) -> Bilingual:
    """Several columns, each as `column_name` gives it, in every language."""
    shown = [column_name(name) for name in names]
    en, nl, fr = (", ".join(in_language(name, lang) for name in shown) for lang in ("en", "nl", "fr"))
    return Bilingual(en, nl, fr)


def columns_left_out(names: Iterable[str]) -> Bilingual:
    """The warning naming a file's columns that nothing read (never left out without a word)."""
    listed = column_list(names)
    return Bilingual(f"columns left out (not read): {listed}", f"weggelaten kolommen (niet gelezen): {listed.nl}",
                     f"colonnes laissées de côté (non lues) : {listed.fr}")


class ValidationFailed(UserError):
    """A file had problems; nothing was written. Holds every problem, not only the first."""

    def __init__(self, problems: list[Problem]):
        # In file order, as the analyst will fix them (problems without a row come first).
        self.problems = sorted(problems, key=lambda p: (p.file, p.row or 0))
        super().__init__(_summary(problems))

    def __reduce__(self):  # pickled with its problems (a checking process sends it whole)
        return (type(self), (self.problems,))


def _summary(problems: list[Problem]) -> Bilingual:
    """How many problems, and the first (in every language): the one line a log shows."""
    count, more = len(problems), len(problems) - 1
    first = {lang: problems[0].in_language(lang) if problems else "" for lang in ("en", "nl", "fr")}
    problems_nl, problems_fr = ("probleem", "problème") if count == 1 else ("problemen", "problèmes")
    return Bilingual(
        f"{count} problem(s), nothing imported: {first['en']}" + (f" (and {more} more)" if more > 0 else ""),
        f"{count} {problems_nl}, niets geïmporteerd: {first['nl']}" + (f" (en nog {more})" if more > 0 else ""),
        f"{count} {problems_fr}, rien n'a été importé : {first['fr']}" + (f" (et {more} de plus)" if more > 0 else ""),
    )
