"""Checking typed values (a form's fields, a command's options): every problem at once, each with
a stable code, the field it is about and its words in every language.

A page tests `FieldProblem.code` and `field`, never the words; the words come from `TEXTS` (English
with its Dutch, as `errors.Bilingual`) and `FRENCH`, one place for the command line and the forms.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Collection
from dataclasses import dataclass

from pipelines.errors import Bilingual, UserError, in_language
from pipelines.numbers import is_ambiguous, parse_number

YEARS = (1990, 2100)  # a year anyone would type for a baseline, target or milestone

# What a field's value must be, by code (the params are filled in as {placeholders}).
TEXTS: dict[str, Bilingual] = {
    "number": Bilingual("a number (e.g. 55 or 55.5)", "een getal (bv. 55 of 55,5)",
                        "un nombre (p. ex. 55 ou 55,5)"),
    "percent": Bilingual("a percentage from 0 to 100", "een percentage van 0 tot 100",
                         "un pourcentage de 0 à 100"),
    "positive": Bilingual("a number above 0", "een getal groter dan 0", "un nombre supérieur à 0"),
    "nonzero": Bilingual("a number other than 0", "een getal verschillend van 0", "un nombre différent de 0"),
    "year": Bilingual("a year from {low} to {high}", "een jaar van {low} tot {high}",
                      "une année de {low} à {high}"),
    "year_between": Bilingual("a year after {low} and before {high}", "een jaar na {low} en voor {high}",
                              "une année après {low} et avant {high}"),
    "year_after": Bilingual("a year after the baseline year {year}", "een jaar na het basisjaar {year}",
                            "une année après l'année de référence {year}"),
    "choice": Bilingual("one of {choices}", "een van {choices}", "une valeur parmi {choices}"),
    "name_length": Bilingual("a name of 1 to {length} characters", "een naam van 1 tot {length} tekens",
                             "un nom de 1 à {length} caractères"),
    "name_taken": Bilingual("a name not used yet ('{taken}' exists)",
                            "een naam die nog niet bestaat ('{taken}' bestaat al)",
                            "un nom qui n'existe pas encore (« {taken} » existe déjà)"),
}
FRENCH: dict[str, str] = {
    "number": "un nombre (p. ex. 55 ou 55,5)",
    "percent": "un pourcentage de 0 à 100",
    "positive": "un nombre supérieur à 0",
    "nonzero": "un nombre différent de 0",
    "year": "une année de {low} à {high}",
    "year_between": "une année après {low} et avant {high}",
    "year_after": "une année après l’année de référence {year}",
    "choice": "l’une des valeurs {choices}",
    "name_length": "un nom de 1 à {length} caractères",
    "name_taken": "un nom pas encore utilisé (« {taken} » existe déjà)",
}


@dataclass(frozen=True)
class FieldProblem:
    """One field's problem: `code` says what is wrong (stable, for code), `field` where, `value`
    what was typed (None: nothing), `params` fill the words."""

    code: str
    field: str
    value: str | None = None
    params: dict[str, object] = dataclasses.field(default_factory=dict)

    def text(self, lang: str) -> str:
        """What the field expects, in `lang` (fr, nl; English otherwise)."""
        words = TEXTS[self.code]
        template = FRENCH[self.code] if lang == "fr" else words.nl if lang == "nl" else str(words)
        return template.format(**self.params)

    def __str__(self) -> str:
        return self.in_language("en")

    def in_language(self, lang: str) -> str:
        """The field, what was typed and what it expects, in `lang` (as the command line prints it)."""
        found = in_language(_EMPTY, lang) if self.value in (None, "") else repr(self.value)
        return in_language(_LINE, lang).format(field=self.field, found=found, expected=self.text(lang))


_EMPTY = Bilingual("empty", "leeg", "vide")
_LINE = Bilingual("{field} {found}: expected {expected}", "{field} {found}: verwacht: {expected}",
                  "{field} {found} : attendu : {expected}")


class InvalidFields(UserError):
    """Typed values with problems; nothing was saved. Holds every problem, not only the first."""

    def __init__(self, problems: list[FieldProblem]):
        self.problems = list(problems)
        super().__init__("; ".join(str(p) for p in self.problems))

    def in_language(self, lang: str) -> str:
        return "; ".join(f"{p.field}: {p.text(lang)}" for p in self.problems)

    def __reduce__(self):
        return (type(self), (self.problems,))


def _shown(raw: object) -> str | None:
    if raw is None:
        return None
    if isinstance(raw, float):
        return f"{raw:g}"
    return str(raw).strip()


class FieldChecker:
    """Collects every problem of one set of fields; `done()` raises them all at once.

    `decimal` is the reader's decimal mark for a value like '1.234' that could be either
    ('45,5' and '45.5' read the same in any language).
    """

    def __init__(self, decimal: str = "."):
        self.decimal = decimal
        self.problems: list[FieldProblem] = []

    def fail(self, field_name: str, raw: object, code: str, **params) -> None:
        self.problems.append(FieldProblem(code, field_name, _shown(raw), params))

    def has(self, field_name: str) -> bool:
        return any(p.field == field_name for p in self.problems)

    def number(self, field_name: str, raw: object, required: bool = True) -> float | None:
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if required:
                self.fail(field_name, raw, "number")
            return None
        if isinstance(raw, int | float) and not isinstance(raw, bool):
            value: float | None = float(raw)
        else:
            text = str(raw).strip()
            try:
                value = parse_number(text, self.decimal if is_ambiguous(text) else None)
            except ValueError:
                value = None
        if value is None or not math.isfinite(value):
            self.fail(field_name, raw, "number")
            return None
        return value

    def year(self, field_name: str, raw: object) -> int | None:
        text = "" if raw is None else str(raw).strip()
        if not (text.isdigit() and YEARS[0] <= int(text) <= YEARS[1]):
            self.fail(field_name, raw, "year", low=YEARS[0], high=YEARS[1])
            return None
        return int(text)

    def choice(self, field_name: str, raw: object, allowed: Collection[str]) -> str | None:
        if raw not in allowed:
            self.fail(field_name, raw, "choice", choices=", ".join(allowed))
            return None
        return str(raw)

    def done(self) -> None:
        if self.problems:
            raise InvalidFields(self.problems)
