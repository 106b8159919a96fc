"""Periods as written in indicator files: a year (2019, 2019.0, 2019-01-01 - 2019-12-31) or a month (2023-04, apr 2023)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipelines.errors import Bilingual
from pipelines.read import fold

FIRST_YEAR, LAST_YEAR = 1900, 2100
EXPECTED_PERIOD = Bilingual(
    "a year (2019, 2019.0, or the range 2019-01-01 - 2019-12-31) or a month (2023-04, 04/2023, apr 2023)",
    "een jaar (2019, 2019.0, of de reeks 2019-01-01 - 2019-12-31) of een maand (2023-04, 04/2023, apr 2023)",
    "une année (2019, 2019.0, ou la plage 2019-01-01 - 2019-12-31) ou un mois (2023-04, 04/2023, avr. 2023)")
MONTH_NAMES = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "januari", "january", "janvier", "januar"),
            ("feb", "februari", "february", "fevrier", "februar"),
            ("mrt", "mar", "maart", "march", "mars", "marz"),
            ("apr", "april", "avril"),
            ("mei", "may", "mai"),
            ("jun", "juni", "june", "juin"),
            ("jul", "juli", "july", "juillet"),
            ("aug", "augustus", "august", "aout"),
            ("sep", "sept", "september", "septembre"),
            ("okt", "oct", "oktober", "october", "octobre"),
            ("nov", "november", "novembre"),
            ("dec", "december", "decembre", "dez", "dezember"),
        ),
        start=1,
    )
    for name in names
}
_YEAR = re.compile(r"(\d{4})(?:\.0+)?")
_YEAR_MONTH = re.compile(r"(\d{4})\s*(?:[-/.]|m)\s*(\d{1,2})")  # 2023-04, 2023/4, 2023M04
_MONTH_YEAR = re.compile(r"(\d{1,2})\s*[-/.]\s*(\d{4})")  # 04/2023, 4-2023
_NAMED = re.compile(r"([a-z]+)\.?\s*[-/ ]?\s*(\d{4})|(\d{4})\s*[-/ ]?\s*([a-z]+)\.?")
# An accounting period written as a date range: '2019-01-01 - 2019-12-31', '01/01/2019 – 31/12/2019'.
_ISO_DAY = r"(\d{4})-(\d{1,2})-(\d{1,2})"
_DAY_FIRST = r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})"
_RANGE = re.compile(rf"(?:{_ISO_DAY}|{_DAY_FIRST})\s*(?:-|–|—|to|tot|bis|/)\s*(?:{_ISO_DAY}|{_DAY_FIRST})")
_HEADER_WORDS = re.compile(r"\b(?:jaar|year|jahr|yr|maand|month|periode|period)\b")


@dataclass(frozen=True)
class Period:
    code: str  # 'YYYY' or 'YYYY-MM'
    year: int
    month: int | None


def make_period(year: int, month: int | None = None) -> Period | None:
    if not FIRST_YEAR <= year <= LAST_YEAR or (month is not None and not 1 <= month <= 12):
        return None
    return Period(f"{year}" if month is None else f"{year}-{month:02d}", year, month)


def parse_period(text: str) -> Period | None:
    """The period a cell names, or None when it names none."""
    t = fold(text)
    if m := _YEAR.fullmatch(t):
        return make_period(int(m.group(1)))
    if m := _YEAR_MONTH.fullmatch(t):
        return make_period(int(m.group(1)), int(m.group(2)))
    if m := _MONTH_YEAR.fullmatch(t):
        return make_period(int(m.group(2)), int(m.group(1)))
    if m := _RANGE.fullmatch(t):
        return _calendar_year(m.groups())
    if m := _NAMED.fullmatch(t):
        name, year = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        month = MONTH_NAMES.get(name)
        return make_period(int(year), month) if month else None
    return None


def _calendar_year(groups: tuple) -> Period | None:
    """The year a date range covers when it is exactly one calendar year; else None (a problem:
    an accounting year from July to June is no year of the calendar, and is not guessed)."""
    start_iso, end_iso, start_day, end_day = groups[0:3], groups[6:9], groups[3:6], groups[9:12]
    start = (start_iso[0], start_iso[1], start_iso[2]) if start_iso[0] else (start_day[2], start_day[1], start_day[0])
    end = (end_iso[0], end_iso[1], end_iso[2]) if end_iso[0] else (end_day[2], end_day[1], end_day[0])
    (y1, m1, d1), (y2, m2, d2) = ((int(y), int(m), int(d)) for y, m, d in (start, end))
    if y1 == y2 and (m1, d1) == (1, 1) and (m2, d2) == (12, 31):
        return make_period(y1)
    return None


def parse_month(text: str) -> int | None:
    """A month cell: 1–12, 01, or a month name (nl/en)."""
    t = fold(text).rstrip(".")
    if t.isdigit():
        return int(t) if 1 <= int(t) <= 12 else None
    return MONTH_NAMES.get(t)


def period_in_header(header: str) -> Period | None:
    """The period a wide layout's column header names: '2019', 'Indicator|2019', '2019 (t CO2e)'."""
    text = re.sub(r"[\(\[].*?[\)\]]", " ", header).split("|")[-1]
    text = _HEADER_WORDS.sub(" ", fold(text)).strip(" :-_")
    return parse_period(text) if text else None
