"""Dutch and English for the dashboard: labels, the language choice, numbers, percentages, dates."""

from __future__ import annotations

import math
from datetime import date, datetime

from dashboard.locales.labels import LABELS

LANGUAGES = ("nl", "en")
FALLBACK_LANGUAGE = "en"
NOT_AVAILABLE = {"nl": "niet beschikbaar", "en": "not available"}
_MONTHS = {
    "nl": (
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
        "september", "oktober", "november", "december",
    ),
    "en": (
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December",
    ),
}


def normalise_language(lang: str | None) -> str | None:
    """'nl', 'en' or None for anything else (also 'nl-BE' → 'nl')."""
    if not lang:
        return None
    code = str(lang).strip().lower()[:2]
    return code if code in LANGUAGES else None


def pick_language(requested: str | None, accept_language: str | None) -> str:
    """The URL's choice first, then the browser's Accept-Language (by its q weights), else English."""
    chosen = normalise_language(requested)
    if chosen:
        return chosen
    ranked = []
    for position, part in enumerate((accept_language or "").split(",")):
        name, _, params = part.strip().partition(";")
        code = normalise_language(name)
        if code is None:
            continue
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                q = 0.0
        # Highest weight wins; on equal weights the browser's order of preference decides.
        ranked.append((q, -position, code))
    return max(ranked)[2] if ranked else FALLBACK_LANGUAGE


def other_language(lang: str) -> str:
    return "en" if lang == "nl" else "nl"


def t(key: str, lang: str, **values) -> str:
    """The label `key` in `lang`, with {placeholders} filled in."""
    nl, en = LABELS[key]
    text = nl if lang == "nl" else en
    return text.format(**values) if values else text


def tn(key: str, lang: str, count: int, **values) -> str:
    """The label `key_one` when `count` is 1, else `key_other` ("1 probleem", "2 problemen")."""
    return t(f"{key}_one" if count == 1 else f"{key}_other", lang, count=count, **values)


def is_missing(value) -> bool:
    if value is None:
        return True
    try:
        return math.isnan(float(value))
    except (TypeError, ValueError):
        return True


def fmt_number(value, lang: str, decimals: int = 0) -> str:
    """`1.234,5` in Dutch, `1,234.5` in English; 'not available' for a missing value."""
    if is_missing(value):
        return NOT_AVAILABLE[lang]
    text = f"{float(value):,.{decimals}f}"
    if text in {"-0", "-0." + "0" * decimals}:
        text = text[1:]
    if lang == "nl":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def fmt_pct(value, lang: str, decimals: int = 0) -> str:
    if is_missing(value):
        return NOT_AVAILABLE[lang]
    return f"{fmt_number(value, lang, decimals)}%" if lang == "en" else f"{fmt_number(value, lang, decimals)} %"


def fmt_kt(value_t, lang: str) -> str:
    """Tonnes shown as kilotonnes CO₂e: one decimal below 100 kt, none above."""
    if is_missing(value_t):
        return NOT_AVAILABLE[lang]
    kt = float(value_t) / 1000.0
    return f"{fmt_number(kt, lang, 1 if abs(kt) < 100 else 0)} kt CO₂e"


def fmt_date(value: date | datetime | str | None, lang: str) -> str:
    """'21 november 2026' in Dutch, '21 November 2026' in English."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return NOT_AVAILABLE[lang]
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return value
    return f"{value.day} {_MONTHS[lang][value.month - 1]} {value.year}"


def plotly_separators(lang: str) -> str:
    """Plotly's `separators`: the decimal mark, then the thousands separator."""
    return ",." if lang == "nl" else ".,"


def fmt_auto(value, lang: str, max_decimals: int = 2) -> str:
    """A number with up to `max_decimals` decimals, trailing zeros dropped (12,5 · 1.000 · 0,25)."""
    text = fmt_number(value, lang, max_decimals)
    if is_missing(value) or max_decimals == 0:
        return text
    decimal_mark = "," if lang == "nl" else "."
    return text.rstrip("0").rstrip(decimal_mark)
