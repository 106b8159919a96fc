"""The dashboard's gettext catalogues (`<lang>/LC_MESSAGES/messages.po`), loaded with Babel.

The .po files are read as they are and compiled in memory at start-up, so a clean clone runs
(`make test`, `make serve`) without a compile step and no .mo file can go stale beside its .po.
msgid is the label's key; plural labels are one entry `key_one` / `key_other` with msgstr[0..].
"""

from __future__ import annotations

from functools import cache
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import Translations

LOCALE_DIR = Path(__file__).parent
DOMAIN = "messages"
CATALOGUE_LANGUAGES = ("nl", "en", "fr")
SOURCE_LANGUAGE = "en"  # a text missing in another catalogue falls back to the English one


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def read_catalogue(lang: str) -> Catalog:
    with po_path(lang).open("rb") as handle:
        return read_po(handle, locale=lang, domain=DOMAIN)


@cache
def translations(lang: str) -> Translations:
    """gettext/ngettext for `lang` (its Plural-Forms), falling back to English for a missing text."""
    buffer = BytesIO()
    write_mo(buffer, read_catalogue(lang))
    buffer.seek(0)
    compiled = Translations(fp=buffer, domain=DOMAIN)
    if lang != SOURCE_LANGUAGE:
        compiled.add_fallback(translations(SOURCE_LANGUAGE))
    return compiled


@cache
def keys() -> dict[str, str | None]:
    """Every label key: a plain key maps to None, each half of a plural pair to its partner key."""
    found: dict[str, str | None] = {}
    for message in read_catalogue(SOURCE_LANGUAGE):
        if not message.id:
            continue
        if isinstance(message.id, tuple | list):
            one, other = message.id[0], message.id[1]
            found[one], found[other] = other, one
        else:
            found[message.id] = None
    return found
