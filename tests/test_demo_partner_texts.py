"""The demo's texts (partner descriptions, commitment titles and notes, theme and indicator names)
exist in Dutch, English and French, and a page shows them in its own language (not marked as
another language); other partners' texts stay as written."""

from __future__ import annotations

import csv

from dashboard.data_texts import name_in, project_text, stored_text
from pipelines.demo import DEMO_COMMITMENT_TEXTS, DEMO_DIR, DEMO_NAME_TEXTS, DEMO_PARTNER_TEXTS


def test_every_demo_partner_description_has_dutch_and_french():
    with (DEMO_DIR / "partners.csv").open(encoding="cp1252", newline="") as handle:
        descriptions = [row["Beschrijving"] for row in csv.DictReader(handle, delimiter=";")]
    assert descriptions and all(d in DEMO_PARTNER_TEXTS for d in descriptions)
    for text in descriptions:
        found = DEMO_PARTNER_TEXTS[text]
        assert found["nl"] and found["fr"] and found["nl"] != text and found["fr"] != text


def test_a_page_shows_the_demo_description_in_its_language():
    english = "Collects and treats the waste of eleven municipalities, including the city's incinerator."
    assert stored_text(english, "nl").startswith("Haalt het afval van elf gemeenten op")
    assert stored_text(english, "fr").startswith("Collecte et traite les déchets de onze communes")
    assert stored_text(english, "en") == english
    assert project_text("A text a partner typed", "nl") is None  # shown as written, marked with lang


def test_every_demo_commitment_title_and_note_has_dutch_and_french():
    with (DEMO_DIR / "commitments.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    texts = {row["Title"] for row in rows} | {row["Note"] for row in rows if row["Note"]}
    assert len(texts) == 88  # 86 titles, two notes
    missing = [text for text in texts if text not in DEMO_COMMITMENT_TEXTS]
    assert missing == []
    for text in texts:
        found = DEMO_COMMITMENT_TEXTS[text]
        assert found["nl"] and found["fr"] and found["nl"] != text and found["fr"] != text


def test_a_page_shows_a_demo_commitment_in_its_language():
    assert stored_text("Plant 10,000 trees", "nl") == "10.000 bomen planten"
    assert stored_text("Plant 10,000 trees", "fr") == "Planter 10 000 arbres"
    assert stored_text("Plant 10,000 trees", "en") == "Plant 10,000 trees"


def test_the_demos_themes_and_indicators_have_french_names_matching_their_dutch():
    with (DEMO_DIR / "themes.csv").open(encoding="utf-8", newline="") as handle:
        themes = list(csv.DictReader(handle))
    for theme in themes:
        assert DEMO_NAME_TEXTS[theme["en"]]["nl"] == theme["nl"]
        # The file's French is the project's translation, so a theme stored before it had French
        # reads the same on a French page.
        assert theme["fr"] == DEMO_NAME_TEXTS[theme["en"]]["fr"] != theme["en"]
        assert name_in(theme["nl"], theme["en"], None, "fr") == (theme["fr"], None)
    assert name_in("Aandeel fiets in verplaatsingen", "Cycling share of trips", None, "fr") == \
        ("Part du vélo dans les déplacements", None)
    assert name_in("Aandeel fiets", "Cycling share", None, "nl") == ("Aandeel fiets", None)
    # A name the project did not write stays in English on a French page, marked as English.
    assert name_in("Eigen indicator", "Own indicator", None, "fr") == ("Own indicator", "en")


def test_the_standard_emissions_indicators_are_named_in_french():
    assert name_in("Uitstoot gebouwen", "Emissions, buildings", None, "fr") == ("Émissions, bâtiments", None)
    assert name_in("Gerapporteerde totale uitstoot", "Reported total emissions", None, "fr") == \
        ("Émissions totales déclarées", None)
    assert project_text("Emissions, industry (non-ETS)", "fr") == "Émissions, industrie (hors ETS)"
