"""Cell parsers for partner and commitment files: text, dates, web addresses, years, vocabulary terms."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from functools import lru_cache
from urllib.parse import urlsplit

from pipelines import read
from pipelines.errors import Bilingual
from pipelines.vocab import Term

_INVISIBLE = dict.fromkeys(map(ord, read.INVISIBLE))
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]00:00(?::00(?:\.0+)?)?)?$")
_DAY_FIRST = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})$")
_YEAR = re.compile(r"^(\d{4})(?:[.,]0+)?$")
_DATE_EXPECTED = Bilingual("a date like 2019-03-01 or 01/03/2019 (day first)",
                           "een datum zoals 2019-03-01 of 01/03/2019 (dag eerst)",
                           "une date comme 2019-03-01 ou 01/03/2019 (le jour d'abord)")


class CellError(ValueError):
    """A cell that cannot be read; `expected` says what would have been accepted."""

    def __init__(self, expected: str, code: str | None = None):  # a Bilingual where the pages may show it
        super().__init__(expected)
        self.expected = expected
        self.code = code  # as Problem.code: e.g. UNKNOWN_PARTNER_TYPE, which a mapping row can fix


def clean_text(value: str | None) -> str | None:
    """The cell without invisible characters and outer or repeated spaces; None when empty."""
    if value is None:
        return None
    return read.clean_text(str(value)) or None


def clean_story(value: str | None) -> str | None:
    """Free text (a description, a note): invisible characters and outer spaces go, line breaks stay."""
    if value is None:
        return None
    text = str(value).translate(_INVISIBLE).replace("\r\n", "\n").strip()
    return text or None


@lru_cache(maxsize=8192)  # the same partner and theme names come back on many rows
def match_key(text: str) -> str:
    """How names are compared: case, accents, invisible characters and spacing do not matter."""
    return read.fold(text)


def parse_date(text: str) -> date:
    """A date written ISO (2019-03-01) or day first as in Belgium (01/03/2019, 1-3-2019)."""
    iso = _ISO_DATE.match(text)
    if iso:
        return _make_date(int(iso[1]), int(iso[2]), int(iso[3]))
    m = _DAY_FIRST.match(text)
    if not m:
        raise CellError(_DATE_EXPECTED)
    day, month, year = int(m[1]), int(m[3]), m[4]
    if len(year) == 2:
        raise CellError(Bilingual("a date with a four-digit year (a two-digit year is ambiguous)",
                                  "een datum met een jaartal van vier cijfers (twee cijfers is dubbelzinnig)",
                                  "une date avec une année à quatre chiffres (une année à deux chiffres est ambiguë)"))
    if month > 12 and day <= 12:
        # 03/25/2019 only reads month first; guessing would silently swap other dates.
        raise CellError(Bilingual("a date written day first (this one reads month first: ambiguous)",
                                  "een datum met de dag eerst (deze leest als maand eerst: dubbelzinnig)",
                                  "une date écrite le jour d'abord (celle-ci se lit le mois d'abord : ambiguë)"))
    return _make_date(int(year), month, day)


def parse_date_or_year(text: str) -> date:
    """A date, or a year alone ('2018', '2018.0' from a spreadsheet) kept as its first day."""
    year = _YEAR.match(text)
    if year:
        return _make_date(int(year[1]), 1, 1)
    try:
        return parse_date(text)
    except CellError as exc:
        raise CellError(exc.expected + Bilingual(", or a year (2018)", ", of een jaar (2018)",
                                                 ", ou une année (2018)")) from None


def _make_date(year: int, month: int, day: int) -> date:
    if not 1900 <= year <= 2100:
        raise CellError(_DATE_EXPECTED + Bilingual(", in a year between 1900 and 2100", ", in een jaar tussen 1900 en 2100",
                                                   ", dans une année entre 1900 et 2100"))
    try:
        return date(year, month, day)
    except ValueError:
        raise CellError(_DATE_EXPECTED + Bilingual(" that exists in the calendar", " die bestaat",
                                                   " qui existe dans le calendrier")) from None


def parse_url(text: str) -> str:
    """A web address: http(s)://host.tld/...; anything else is refused, not repaired."""
    expected = Bilingual("a web address starting with http:// or https:// (e.g. https://www.leuven2030.be)",
                         "een webadres dat begint met http:// of https:// (bv. https://www.leuven2030.be)",
                         "une adresse web commençant par http:// ou https:// (p. ex. https://www.leuven2030.be)")
    if " " in text:
        raise CellError(expected + Bilingual(" without spaces", " zonder spaties", " sans espaces"))
    if len(text) > 500:  # checked first: urlsplit's work grows with the text
        raise CellError(Bilingual("a web address of at most 500 characters", "een webadres van hoogstens 500 tekens",
                                  "une adresse web d'au plus 500 caractères"))
    try:
        parts = urlsplit(text)
        host = parts.hostname or ""
    except ValueError:  # an unclosed '[' of an IPv6 host, a port that is no number
        raise CellError(expected) from None
    if parts.scheme.lower() not in ("http", "https") or "." not in host.strip("."):
        raise CellError(expected)
    return text


def parse_year(text: str, low: int = 2000, high: int = 2100) -> int:
    """A plausible year, written as four digits (2030, or 2030.0 from a spreadsheet)."""
    m = _YEAR.match(text)
    if not m or not low <= int(m[1]) <= high:
        raise CellError(Bilingual(f"a year between {low} and {high}", f"een jaar tussen {low} en {high}",
                                  f"une année entre {low} et {high}"))
    return int(m[1])


def check_length(text: str, limit: int) -> str:
    if len(text) > limit:
        raise CellError(Bilingual(f"at most {limit} characters (found {len(text)})",
                                  f"hoogstens {limit} tekens (nu {len(text)})",
                                  f"au plus {limit} caractères (trouvé : {len(text)})"))
    return text


class TermMatcher:
    """Finds a vocabulary code from its code, its Dutch, English or French label, or an alias."""

    def __init__(self, terms: Iterable[Term], aliases: Mapping[str, str] | None = None,
                 what: Bilingual | None = None):
        self._codes: dict[str, str] = {}
        terms = list(terms)
        for term in terms:
            for word in (term.code, term.code.replace("_", " "), term.nl, term.en, term.fr):
                if word:
                    self._codes.setdefault(match_key(word), term.code)
        for word, code in (aliases or {}).items():
            self._codes.setdefault(match_key(word), code)
        if what:  # a long list: name the codes only
            codes = ", ".join(t.code for t in terms)
            self._expected = Bilingual(f"{what}: a code or its Dutch, English or French name ({codes})",
                                       f"{what.nl}: een code of de Nederlandse, Engelse of Franse naam ({codes})",
                                       f"{what.fr} : un code ou son nom néerlandais, anglais ou français ({codes})")
        else:
            listed = ", ".join(f"{t.code} ({t.nl}/{t.en})" for t in terms)
            listed_fr = (", ".join(f"{t.code} ({t.fr})" for t in terms) if all(t.fr for t in terms) else listed)
            self._expected = Bilingual(f"one of {listed}", f"een van {listed}", f"une valeur parmi {listed_fr}")

    def __call__(self, text: str) -> str:
        code = self._codes.get(match_key(text))
        if code is None:
            raise CellError(self._expected)
        return code


def to_text(value: object) -> str | None:
    """A stored value as the audit log writes it (round-trips through `from_text`)."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def from_text(text: str | None, python_type: type) -> object:
    """The inverse of `to_text` for a column of `python_type`."""
    if text is None:
        return None
    if python_type is bool:
        return text == "true"
    if python_type is date:
        return date.fromisoformat(text)
    if python_type in (int, float):
        return python_type(text)
    return text
