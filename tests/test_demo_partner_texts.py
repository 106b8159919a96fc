"""The demo partners' descriptions exist in Dutch, English and French, and a page shows them in its
own language (not marked as another language); other partners' texts stay as written."""

from __future__ import annotations

import csv

from dashboard.data_texts import project_text, stored_text
from pipelines.demo import DEMO_DIR, DEMO_PARTNER_TEXTS


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
