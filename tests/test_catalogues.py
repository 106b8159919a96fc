"""The gettext catalogues: complete in every language, same placeholders, and the folding tool."""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from dashboard.i18n import LANGUAGES
from dashboard.locales import catalogues

ROOT = Path(__file__).parents[1]
PLACEHOLDER = re.compile(r"{(\w+)}")


def _tool():
    spec = importlib.util.spec_from_file_location("labels_to_po", ROOT / "tools" / "labels_to_po.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _texts(lang: str) -> dict:
    return {m.id: m.string for m in catalogues.read_catalogue(lang) if m.id}


def _as_list(text) -> list[str]:
    return list(text) if isinstance(text, tuple | list) else [text]


def test_the_catalogues_cover_every_language_the_dashboard_offers():
    assert set(LANGUAGES) == set(catalogues.CATALOGUE_LANGUAGES)
    for lang in LANGUAGES:
        assert catalogues.po_path(lang).is_file(), lang


@pytest.mark.parametrize("lang", ["nl", "en", "fr"])
def test_every_msgid_has_a_text_in_every_language(lang):
    english = _texts("en")
    texts = _texts(lang)
    assert len(english) > 700
    assert sorted(set(english) ^ set(texts)) == []
    empty = [key for key, text in texts.items() if not all(s and s.strip() for s in _as_list(text))]
    assert empty == []


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_placeholders_match_the_english_ones(lang):
    english = _texts("en")
    wrong = []
    for key, text in _texts(lang).items():
        wanted = set().union(*(PLACEHOLDER.findall(s) for s in _as_list(english[key])))
        have = set().union(*(PLACEHOLDER.findall(s) for s in _as_list(text)))
        # A singular may spell out "1" where English does ("1 problem"); nothing else may differ.
        if have - wanted or (wanted - have) - {"count"}:
            wrong.append((key, sorted(have), sorted(wanted)))
    assert wrong == []


def test_french_singulars_say_the_count_because_french_zero_is_singular():
    # Where English writes "1 problem", French must write "{count} problème": 0 takes that form.
    english = _texts("en")
    for message in catalogues.read_catalogue("fr"):
        if isinstance(message.id, tuple) and re.search(r"\b1\b", english[message.id][0]):
            assert "{count}" in message.string[0], message.id


def test_french_texts_keep_a_no_break_space_before_double_punctuation():
    # "objectif : 55 %" may otherwise break before the colon and start a phone's line with it.
    plain = [key for key, text in _texts("fr").items()
             if any(re.search(r" [;:?!]", s) for s in _as_list(text))]
    assert plain == []
    assert _tool().french_spacing("Objectif : 55 % ; vraiment ?") == "Objectif\u00a0: 55 %\u00a0; vraiment\u00a0?"


def test_no_label_module_is_left_unfolded():
    """A `dashboard/locales/*_labels.py` merged in from another branch must be in the catalogues:
    run `python tools/labels_to_po.py --remove` (see README)."""
    tool = _tool()
    known = set(catalogues.keys())
    left = {}
    for path in sorted((ROOT / "dashboard" / "locales").glob("*_labels.py")):
        labels, french = tool.load_module(path)
        missing = sorted((set(labels) | set(french)) - known)
        if missing:
            left[path.name] = missing
    assert left == {}


def test_the_tool_adds_new_keys_and_keeps_existing_translations(tmp_path, monkeypatch):
    locales = tmp_path / "locales"
    for lang in LANGUAGES:
        target = locales / lang / "LC_MESSAGES"
        target.mkdir(parents=True)
        shutil.copy(catalogues.po_path(lang), target / "messages.po")
    module = tmp_path / "demo_labels.py"
    module.write_text(
        'DEMO_LABELS = {\n'
        '    "demo_hello": ("Hallo {name}", "Hello {name}"),\n'
        '    "demo_row_one": ("1 rij", "1 row"),\n'
        '    "demo_row_other": ("{count} rijen", "{count} rows"),\n'
        '    "yes": ("JA", "YES"),\n'
        '}\n'
        'DEMO_FRENCH = {"demo_hello": "Bonjour {name}", "demo_row_one": "{count} ligne",\n'
        '               "demo_row_other": "{count} lignes", "yes": "OUI"}\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(catalogues, "LOCALE_DIR", locales)
    tool = _tool()
    assert tool.main([str(module)]) == 0
    read = {lang: {m.id: m.string for m in read_po((locales / lang / "LC_MESSAGES" / "messages.po").open("rb")) if m.id}
            for lang in LANGUAGES}
    assert read["fr"]["demo_hello"] == "Bonjour {name}"
    assert read["nl"][("demo_row_one", "demo_row_other")] == ("1 rij", "{count} rijen")
    assert read["fr"][("demo_row_one", "demo_row_other")] == ("{count} ligne", "{count} lignes")
    assert (read["nl"]["yes"], read["en"]["yes"], read["fr"]["yes"]) == ("ja", "yes", "oui")  # kept
    assert tool.main([str(module), "--overwrite", "--remove"]) == 0
    read_fr = {m.id: m.string for m in read_po((locales / "fr" / "LC_MESSAGES" / "messages.po").open("rb"))}
    assert read_fr["yes"] == "OUI"
    assert not module.exists()


def test_the_tool_refuses_a_french_text_with_other_placeholders(tmp_path, monkeypatch):
    locales = tmp_path / "locales"
    for lang in LANGUAGES:
        (locales / lang / "LC_MESSAGES").mkdir(parents=True)
    module = tmp_path / "bad_labels.py"
    module.write_text('BAD_LABELS = {"bad_x": ("{a} nl", "{a} en")}\nBAD_FRENCH = {"bad_x": "{b} fr"}\n',
                      encoding="utf-8")
    monkeypatch.setattr(catalogues, "LOCALE_DIR", locales)
    tool = _tool()
    assert tool.main([str(module), "--remove"]) == 1
    assert module.exists()  # not removed while a problem is left
