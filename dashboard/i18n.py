"""Dutch, English and French for the dashboard: labels, the language choice, numbers, percentages, dates.

Labels come from the gettext catalogues (`dashboard/locales/<lang>/LC_MESSAGES/messages.po`,
msgid = the label key); the decimal mark, thousands separator and month names from Babel's
locale data, so a new language is a catalogue plus one entry in LANGUAGES, not code.
"""

from __future__ import annotations

import functools
import math
from datetime import date, datetime

from babel.dates import format_date
from babel.numbers import get_decimal_symbol, get_group_symbol

from dashboard.locales import catalogues

LANGUAGES = ("nl", "en", "fr")
FALLBACK_LANGUAGE = "en"
NOT_AVAILABLE = {"nl": "niet beschikbaar", "en": "not available", "fr": "non disponible"}
# The percent sign: English writes it against the number, Dutch and French after a space
# (French a no-break one, so "12 %" never breaks over two lines).
_PERCENT = {"nl": " %", "en": "%", "fr": "\u00a0%"}


def normalise_language(lang: str | None) -> str | None:
    """'nl', 'en', 'fr' or None for anything else (also 'nl-BE' → 'nl', 'fr-BE' → 'fr')."""
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


def other_languages(lang: str) -> tuple[str, ...]:
    """The languages the page can switch to, in LANGUAGES order."""
    return tuple(code for code in LANGUAGES if code != lang)


def other_language(lang: str) -> str:
    """The first other language (kept for callers that offer a single switch)."""
    return other_languages(lang)[0]


def _language(lang: str) -> str:
    return lang if lang in LANGUAGES else FALLBACK_LANGUAGE


def t(key: str, lang: str, **values) -> str:
    """The label `key` in `lang`, with {placeholders} filled in (KeyError for an unknown key)."""
    known = catalogues.keys()
    if key not in known:
        raise KeyError(key)
    partner = known[key]
    translations = catalogues.translations(_language(lang))
    if partner is None:
        text = translations.gettext(key)
    elif key.endswith("_one"):  # half of a plural entry, asked for directly
        text = translations.ngettext(key, partner, 1)
    else:
        text = translations.ngettext(partner, key, 2)
    return text.format(**values) if values else text


def tn(key: str, lang: str, count: int, **values) -> str:
    """The plural label `key_one` / `key_other` for `count`, by the language's gettext plural rule."""
    text = catalogues.translations(_language(lang)).ngettext(f"{key}_one", f"{key}_other", count)
    if text in (f"{key}_one", f"{key}_other"):
        raise KeyError(key)
    return text.format(count=count, **values)


def is_missing(value) -> bool:
    if value is None:
        return True
    try:
        return math.isnan(float(value))
    except (TypeError, ValueError):
        return True


def _marks(lang: str) -> tuple[str, str]:
    """The decimal mark and the thousands separator of `lang` (Babel's CLDR data)."""
    return _cldr_marks(_language(lang))


@functools.cache  # CLDR data never changes while running; Babel parses the locale on every call
def _cldr_marks(lang: str) -> tuple[str, str]:
    return get_decimal_symbol(lang), get_group_symbol(lang)


def fmt_number(value, lang: str, decimals: int = 0) -> str:
    """`1.234,5` in Dutch, `1,234.5` in English, `1 234,5` in French; 'not available' if missing."""
    if is_missing(value):
        return NOT_AVAILABLE[_language(lang)]
    # Python rounds (half-even on the float) and groups; Babel's marks then replace . and ,
    text = f"{float(value):,.{decimals}f}"
    if text in {"-0", "-0." + "0" * decimals}:
        text = text[1:]
    decimal_mark, group = _marks(lang)
    return text.replace(",", "\0").replace(".", decimal_mark).replace("\0", group)


def fmt_pct(value, lang: str, decimals: int = 0) -> str:
    if is_missing(value):
        return NOT_AVAILABLE[_language(lang)]
    return f"{fmt_number(value, lang, decimals)}{_PERCENT[_language(lang)]}"


def fmt_kt(value_t, lang: str) -> str:
    """Tonnes shown as kilotonnes CO₂e: one decimal below 100 kt, none above."""
    if is_missing(value_t):
        return NOT_AVAILABLE[_language(lang)]
    kt = float(value_t) / 1000.0
    return f"{fmt_number(kt, lang, 1 if abs(kt) < 100 else 0)} kt CO₂e"


def fmt_date(value: date | datetime | str | None, lang: str) -> str:
    """'21 november 2026' in Dutch, '21 November 2026' in English, '21 novembre 2026' in French."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return NOT_AVAILABLE[_language(lang)]
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return value
    day = value.date() if isinstance(value, datetime) else value
    return format_date(day, "d MMMM y", locale=_language(lang))


def plotly_separators(lang: str) -> str:
    """Plotly's `separators`: the decimal mark, then the thousands separator."""
    return "".join(_marks(lang))


def fmt_auto(value, lang: str, max_decimals: int = 2) -> str:
    """A number with up to `max_decimals` decimals, trailing zeros dropped (12,5 · 1.000 · 0,25)."""
    text = fmt_number(value, lang, max_decimals)
    if is_missing(value) or max_decimals == 0:
        return text
    return text.rstrip("0").rstrip(_marks(lang)[0])
