"""Texts stored as data, shown in the page's language: count units, the demo's own texts, and
what partners wrote (as written, marked with its language)."""

from __future__ import annotations

import flask
from dash import html

from dashboard.context import current
from dashboard.i18n import normalise_language
from pipelines.demo import DEMO_PARTNER_TEXTS, DEMO_TEXTS
from pipelines.settings import Settings

# Units that count things (as an indicator file names them): (Dutch, English, French). Physical
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
_UNIT_BY_WORD = {word: names for names in UNIT_WORDS.values() for word in names}
_UNIT_LANGUAGES = ("nl", "en", "fr")


def unit_text(unit: str | None, lang: str) -> str:
    """A counting unit in the page's language ('connections' → 'aansluitingen'); others as stored."""
    if not isinstance(unit, str):
        return ""
    names = _UNIT_BY_WORD.get(unit.strip().lower())
    if names is None:
        return unit
    return names[_UNIT_LANGUAGES.index(lang)] if lang in _UNIT_LANGUAGES else names[1]


def project_text(text: str | None, lang: str) -> str | None:
    """A text the project wrote (the demo's target sets, scope, partner descriptions) in `lang`;
    None for any other text."""
    if not isinstance(text, str):
        return None
    translated = DEMO_PARTNER_TEXTS.get(text)  # the demo partners' descriptions, nl/en/fr
    if translated is not None:
        return translated.get(lang) or translated["en"]
    pair = DEMO_TEXTS.get(text)
    if pair is None:
        return None
    return pair[0] if lang == "nl" else pair[1]


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


def indicator_name(nl: str, en: str, fr: str | None, lang: str) -> tuple[str, str | None]:
    """An indicator's name in `lang`, and the language it is written in when that is not `lang`
    (for the element's `lang`): Dutch and English are always stored, French where given, and a
    French page without it shows the English name, marked as English."""
    if lang == "nl":
        return nl, None
    if lang == "fr":
        return (fr, None) if isinstance(fr, str) and fr else (en, "en")
    return en, None


def label_around(label: str, part) -> list:
    """A label made with a "\\0" placeholder, around a component: ["More about “", part, "”"]."""
    before, _, after = label.partition("\0")
    return [piece for piece in (before, part, after) if not isinstance(piece, str) or piece]
