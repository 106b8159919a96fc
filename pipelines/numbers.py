"""Numbers as analysts write them: decimal comma or point, thousands separators, never a guess.

Rules (per file):
- The decimal mark is ',' or '.', given (``--decimal``) or detected from the first value that
  decides it: ``1,5`` / ``0,062`` / ``1.234,5`` / ``1.234.567`` decide ','; their mirror images
  decide '.'. In a file whose decimal mark is ',', '.' is the thousands separator
  (``153.339`` = 153339) and vice versa.
- A value such as ``1.953`` or ``1,953`` (one separator, 1–3 digits before it, exactly 3 after)
  reads as 1953 or 1.953 depending on the mark: when nothing in the file decides, it is
  *ambiguous* and the loader asks for ``--decimal`` instead of guessing.
- Spaces (also non-breaking and thin ones) may group thousands: ``153 339``.
- ``-`` and the Unicode minus ``−`` mark negative values (sinks are real); a leading '+' is fine.
- A value in parentheses, ``(123)``, is refused: reports use parentheses both for values
  excluded from totals and (in accounting) for negatives, so the analyst must say which.
- Empty cells are NaN and not an error; missing-value markers are recognised by
  ``missing_keys`` (the loader stores them as NULL with the key, never as 0).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable

import numpy as np
import pandas as pd

from pipelines.csv_safe import restore_cell
from pipelines.errors import Bilingual
from pipelines.plain_numbers import plain_numbers
from pipelines.vocab import MISSING_MARKERS, NOTATION_KEYS

DECIMAL_MARKS = (",", ".")
_SPACE_CHARS = " \u00a0\u202f\u2009\u2007"
_AMBIGUOUS = re.compile(r"[+-]?[1-9]\d{0,2}[.,]\d{3}")
_PLAIN = re.compile(r"[+-]?\d+")
_GROUPED = {
    ",": re.compile(r"[+-]?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d*)?|[+-]?,\d+"),
    ".": re.compile(r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d*)?|[+-]?\.\d+"),
}
# Well-formed grouped numbers without spaces or '+': the fast path; anything else is checked.
_STRICT = {
    ",": re.compile(r"-?\d{1,3}(?:\.\d{3})+(?:,\d+)?"),
    ".": re.compile(r"-?\d{1,3}(?:,\d{3})+(?:\.\d+)?"),
}
_MARKERS_FOLDED = {m.casefold() for m in MISSING_MARKERS}
_KEYS_FOLDED = {k.casefold(): k for k in NOTATION_KEYS}


def normalise_number_text(text: str) -> str:
    """Trimmed, Unicode minus as '-', invisible characters removed (spaces kept for grouping)."""
    text = text.strip().strip("\ufeff\u200b\u00a0").replace("\u2212", "-")
    return text.replace("\u200b", "")


def decimal_evidence(text: str) -> str | None:
    """The decimal mark one value proves, or None (plain integer, ambiguous or not a number)."""
    t = normalise_number_text(text)
    for ch in _SPACE_CHARS:
        t = t.replace(ch, "")
    commas, dots = t.count(","), t.count(".")
    if not (commas or dots) or _AMBIGUOUS.fullmatch(t):
        return None
    if commas and dots:
        mark = "," if t.rindex(",") > t.rindex(".") else "."
    elif commas:
        mark = "." if commas > 1 else ","
    else:
        mark = "," if dots > 1 else "."
    return mark if _GROUPED[mark].fullmatch(t) else None


def detect_decimal(values: Iterable[str]) -> str | None:
    """The decimal mark of the first value that decides it; None when no value decides."""
    for value in values:
        if isinstance(value, str) and ("," in value or "." in value):
            mark = decimal_evidence(value)
            if mark is not None:
                return mark
    return None


def is_ambiguous(text: str) -> bool:
    """True for values like '1.953' whose meaning depends on the file's decimal mark."""
    t = normalise_number_text(text)
    return bool(_AMBIGUOUS.fullmatch(t))


def any_ambiguous(values: Iterable[str]) -> bool:
    """Whether any value is ambiguous without a decimal mark ('1.953')."""
    return any(isinstance(v, str) and ("," in v or "." in v) and is_ambiguous(v) for v in values)


def ambiguous_mask(values: pd.Series) -> pd.Series:
    """Which values of a series of strings are ambiguous without a decimal mark."""
    arr = values.to_numpy(dtype=object)
    out = np.fromiter(
        (isinstance(v, str) and ("," in v or "." in v) and is_ambiguous(v) for v in arr),
        dtype=bool, count=len(arr),
    )
    return pd.Series(out, index=values.index)


def parse_number(text: str, decimal: str | None) -> float | None:
    """One value: a float, None when empty; ValueError when it is not a number in this file."""
    value, bad = _parse_one(text, decimal)
    if bad:
        raise ValueError(f"{text!r} is not a number with decimal mark {decimal or '.'!r}")
    return None if math.isnan(value) else value


def parse_number_series(values: pd.Series, decimal: str | None) -> tuple[pd.Series, pd.Series]:
    """(floats, bad_mask): empty cells are NaN and not bad; anything unparseable is bad.

    With `decimal` None only values without a separator, or whose separator decides itself,
    parse; ambiguous ones ('1.953') are bad, so the caller can ask for --decimal.
    """
    parse = _FAST.get(decimal, _undecided)
    cells = values.to_numpy(dtype=object)
    bulk = plain_numbers(cells, decimal) if decimal is not None and decimal in _FAST else None
    if bulk is None:
        out = np.fromiter(map(parse, cells), dtype=np.float64, count=len(cells))
    else:  # the plain values at once (plain_numbers.py), the others one by one
        out, plain = bulk
        rest = np.flatnonzero(~plain)
        out[rest] = np.fromiter(map(parse, cells[rest]), dtype=np.float64, count=len(rest))
    bad = np.isneginf(out)  # -inf is the parsers' mark for "not a number" (real values are finite)
    out[bad] = np.nan
    return pd.Series(out, index=values.index), pd.Series(bad, index=values.index)


def _fast_comma(text) -> float:
    """Decimal comma: the common shapes ('12', '12,5', '1.234,5') straight through float()."""
    if type(text) is str and "." in text and _STRICT[","].fullmatch(text):
        return float(text.replace(".", "").replace(",", "."))
    if type(text) is str and "." not in text:
        try:
            value = float(text.replace(",", "."))
        except ValueError:
            return _checked(text, ",")
        if value - value == 0 and "_" not in text:  # finite, and no Python-only '1_000'
            return value
    return _checked(text, ",")


def _fast_point(text) -> float:
    """Decimal point: the common shapes ('12', '12.5', '1,234.5') straight through float()."""
    if type(text) is str and "," in text and _STRICT["."].fullmatch(text):
        return float(text.replace(",", ""))
    if type(text) is str and "," not in text:
        try:
            value = float(text)
        except ValueError:
            return _checked(text, ".")
        if value - value == 0 and "_" not in text:
            return value
    return _checked(text, ".")


def _undecided(text) -> float:
    return _checked(text, None)


def _checked(text, decimal: str | None) -> float:
    value, bad = _parse_one(text, decimal)
    return -math.inf if bad else value


_FAST: dict[str | None, Callable[[object], float]] = {",": _fast_comma, ".": _fast_point}


def _parse_one(text, decimal: str | None) -> tuple[float, bool]:
    if not isinstance(text, str):
        return (math.nan, False) if text is None or text != text else (float(text), False)
    if _PLAIN.fullmatch(text):  # the common case: digits only
        return float(text), False
    t = normalise_number_text(text)
    if not t:
        return math.nan, False
    mark = decimal or decimal_evidence(t) or "."
    if decimal is None and is_ambiguous(t):
        return math.nan, True
    thousands = "." if mark == "," else ","
    for ch in _SPACE_CHARS:
        t = t.replace(ch, thousands)
    if not _GROUPED[mark].fullmatch(t):
        return math.nan, True
    value = float(t.replace(thousands, "").replace(mark, "."))
    return value, not math.isfinite(value)


def missing_key(text: str) -> str | None:
    """The missing-value key of a cell ('NE', '?', '' ...) or None when it holds a value.

    Notation keys come back in their canonical spelling; other markers as typed (trimmed). A
    marker quoted against formulas by our own export ("'-") is that marker.
    """
    t = normalise_number_text(restore_cell(text)) if isinstance(text, str) else ""
    folded = t.casefold()
    if folded in _KEYS_FOLDED:
        return _KEYS_FOLDED[folded]
    if folded in _MARKERS_FOLDED:
        return t
    return None


def missing_keys(values: pd.Series) -> pd.Series:
    """missing_key of every cell (object Series; None where the cell is not a marker).

    One dict lookup per cell: markers as typed, in any case, without surrounding spaces.
    (`missing_key` also sees through stray invisible characters; use it on leftovers.)
    """
    lookup, longest = _MARKER_SPELLINGS.get, _LONGEST_MARKER
    arr = values.to_numpy(dtype=object)
    out = np.empty(len(arr), dtype=object)
    out[:] = [lookup(v) if type(v) is str and len(v) <= longest else None for v in arr]
    return pd.Series(out, index=values.index, dtype=object)


def _case_spellings(word: str) -> set[str]:
    spellings = {""}
    for ch in word:
        spellings = {s + c for s in spellings for c in {ch.lower(), ch.upper()}}
    return spellings


# Every case spelling of every marker -> its key: one dict lookup per cell.
_MARKER_SPELLINGS = {
    spelling: missing_key(spelling)
    for marker in (*MISSING_MARKERS, *NOTATION_KEYS)
    for spelling in _case_spellings(marker)
}
_LONGEST_MARKER = max(len(m) for m in _MARKER_SPELLINGS)


def expected_number(decimal: str | None) -> Bilingual:
    """What a bad number should have looked like, for a Problem's `expected`."""
    if decimal == ",":
        return Bilingual("a number with ',' as decimal mark (e.g. 1.234,5)",
                         "een getal met ',' als decimaalteken (bv. 1.234,5)",
                         "un nombre avec « , » comme séparateur décimal (p. ex. 1.234,5)")
    if decimal == ".":
        return Bilingual("a number with '.' as decimal mark (e.g. 1,234.5)",
                         "een getal met '.' als decimaalteken (bv. 1,234.5)",
                         "un nombre avec « . » comme séparateur décimal (p. ex. 1,234.5)")
    return Bilingual("a number", "een getal", "un nombre")
