"""Texts stored as data, shown in the page's language: count units, the demo's own texts, and
what partners wrote (as written, marked with its language)."""

from __future__ import annotations

import flask
from dash import html

from dashboard.context import current
from dashboard.i18n import normalise_language
from pipelines.demo import DEMO_TRANSLATIONS
from pipelines.programmes import CLIMATE_NEUTRALITY, REPORTED_TOTAL
from pipelines.settings import Settings
from pipelines.vocab import SECTORS

# Units that count things (as an indicator file names them): Dutch, English, French. Physical
# units (t CO2e, MWh, kWp, km) read the same in every language.
UNIT_WORDS: dict[str, tuple[str, str, str]] = {
    "connections": ("aansluitingen", "connections", "raccordements"),
    "homes": ("woningen", "homes", "logements"),
    "dwellings": ("woningen", "dwellings", "logements"),
    "households": ("huishoudens", "households", "ménages"),
    "installations": ("installaties", "installations", "installations"),
    "persons": ("personen", "persons", "personnes"),
    "people": ("personen", "people", "personnes"),
    "inhabitants": ("inwoners", "inhabitants", "habitants"),
    "vehicles": ("voertuigen", "vehicles", "véhicules"),
    "cars": ("auto's", "cars", "voitures"),
    "buildings": ("gebouwen", "buildings", "bâtiments"),
    "trees": ("bomen", "trees", "arbres"),
}
_UNIT_BY_WORD = {word: words for words in UNIT_WORDS.values() for word in words}
_UNIT_COLUMN = {"nl": 0, "en": 1, "fr": 2}
_MILLION_WORDS = ("miljoen", "million", "millions de")  # before a unit: 'million m3'
_MILLION = {"miljoen", "million", "mio", "mln"}


def unit_text(unit: str | None, lang: str) -> str:
    """A counting unit in the page's language ('connections' → 'raccordements'); others as stored."""
    if not isinstance(unit, str):
        return ""
    scale, _, rest = unit.strip().partition(" ")
    if scale.lower() in _MILLION and rest:  # Klimaatmonitor's 'miljoen m3', 'miljoen kWh'
        return f"{_MILLION_WORDS[_UNIT_COLUMN.get(lang, 1)]} {unit_text(rest, lang)}"
    words = _UNIT_BY_WORD.get(unit.strip().lower())
    if words is None:
        return unit
    return words[_UNIT_COLUMN.get(lang, 1)]


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


def _standard_indicator_names() -> dict[str, dict[str, str]]:
    """The emissions indicators every programme gets (pipelines.programmes), in every language."""
    names = {REPORTED_TOTAL["name_en"]: {"nl": REPORTED_TOTAL["name_nl"], "en": REPORTED_TOTAL["name_en"],
                                         "fr": "Émissions totales déclarées"}}
    for s in SECTORS:
        english = f"Emissions, {_lower_first(s.en)}"
        names[english] = {"nl": f"Uitstoot {_lower_first(s.nl)}", "en": english,
                          "fr": f"Émissions, {_lower_first(s.label('fr'))}"}
    return names


# Every text the project itself wrote into a database: the demo's, the standard indicators' and
# the name of a climate-neutrality target set made with a programme (pipelines.programmes).
PROJECT_TEXTS: dict[str, dict[str, str]] = {
    **_standard_indicator_names(), **DEMO_TRANSLATIONS,
    CLIMATE_NEUTRALITY: {"nl": "Klimaatneutraliteit", "en": CLIMATE_NEUTRALITY, "fr": "Neutralité climatique"},
}


def project_text(text: str | None, lang: str) -> str | None:
    """A text the project wrote (the demo's target sets, scope, partner descriptions, commitment
    titles and notes, theme and indicator names) in `lang`; None for any other text."""
    if not isinstance(text, str):
        return None
    translated = PROJECT_TEXTS.get(text)
    if translated is None:
        return None
    return translated.get(lang) or translated["en"]


def name_in(nl: str | None, en: str | None, fr: str | None, lang: str) -> tuple[str, str | None]:
    """A name stored in Dutch and English, and perhaps French (an indicator, a theme), in `lang`,
    and the language it is written in when that is not `lang` (for the element's `lang`): a
    French page shows the French name where one is stored, else the project's own translation of
    a name it wrote (the demo's, the standard indicators'), else the English, marked as English."""
    english = en or nl or ""
    if lang == "nl":
        return nl or english, None
    if lang == "fr":
        if isinstance(fr, str) and fr:
            return fr, None
        translated = PROJECT_TEXTS.get(english, {}).get("fr")
        return (translated, None) if translated else (english, "en")
    return english, None


def data_language() -> str:
    """The language partners write their texts in (setting ROADMAP_DATA_LANGUAGE); its default
    outside a running app (e.g. a report drawn by a script)."""
    settings = current().settings if flask.has_app_context() else Settings()
    return normalise_language(settings.data_language) or "en"


def stored_text(text: str | None, lang: str) -> str:
    """A stored name or description as plain text: the project's own in `lang`, others as written."""
    if not isinstance(text, str):
        return ""
    return project_text(text, lang) or text


def written(text: str | None, lang: str, tag=html.Span, **props):
    """What someone wrote, as text in `tag` (never HTML), marked with the language it is written
    in when that is not the page's, so a screen reader reads it in the right voice."""
    shown = stored_text(text, lang)
    if project_text(text, lang) is None and data_language() != lang:
        props["lang"] = data_language()
    return tag(shown, **props)


def label_around(label: str, part) -> list:
    """A label made with a "\\0" placeholder, around a component: ["More about “", part, "”"]."""
    before, _, after = label.partition("\0")
    return [piece for piece in (before, part, after) if not isinstance(piece, str) or piece]
