"""Dutch, English and French labels, number, percentage and date formats, and the language choice."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from dashboard.i18n import (
    LANGUAGES,
    fmt_auto,
    fmt_date,
    fmt_kt,
    fmt_number,
    fmt_pct,
    other_languages,
    pick_language,
    plotly_separators,
    t,
    tn,
)
from dashboard.locales.labels import LABELS


def test_dutch_numbers_use_a_decimal_comma_and_thousands_dots():
    assert fmt_number(1234.5, "nl", 1) == "1.234,5"
    assert fmt_number(1234567, "nl") == "1.234.567"


def test_english_numbers_use_a_decimal_point_and_thousands_commas():
    assert fmt_number(1234.5, "en", 1) == "1,234.5"


def test_missing_numbers_read_not_available_never_nan():
    assert fmt_number(None, "en") == "not available"
    assert fmt_number(float("nan"), "nl") == "niet beschikbaar"
    assert fmt_pct(None, "en") == "not available"


def test_negative_zero_is_shown_as_zero():
    assert fmt_number(-0.04, "en", 1) == "0.0"


def test_percentages_follow_each_languages_typography():
    assert fmt_pct(-30.52, "en") == "-31%"
    assert fmt_pct(12.34, "nl", 1) == "12,3 %"


def test_tonnes_are_shown_as_kilotonnes():
    # 478,000 t = 478 kt (no decimal above 100 kt); 12,345 t = 12.3 kt (one decimal below)
    assert fmt_kt(478_000, "nl") == "478 kt CO₂e"
    assert fmt_kt(12_345, "nl") == "12,3 kt CO₂e"


def test_auto_format_drops_trailing_zeros_but_keeps_thousands():
    assert fmt_auto(1000, "nl") == "1.000"
    assert fmt_auto(4.5, "nl") == "4,5"
    assert fmt_auto(1500.25, "en") == "1,500.25"


def test_dates_are_written_out_in_each_language():
    assert fmt_date(date(2025, 3, 14), "nl") == "14 maart 2025"
    assert fmt_date(date(2025, 3, 14), "en") == "14 March 2025"
    assert fmt_date("2025-05-01T10:00:00+00:00", "en") == "1 May 2025"


def test_language_in_the_url_wins_over_the_browser():
    assert pick_language("en", "nl-BE,nl;q=0.9") == "en"
    assert pick_language("fr", "nl-BE,nl;q=0.9") == "fr"
    assert pick_language("nl-BE", None) == "nl"


def test_browser_language_decides_when_the_url_has_none():
    assert pick_language(None, "nl-BE,nl;q=0.9,en;q=0.8") == "nl"
    assert pick_language(None, "fr-BE,fr;q=0.9,en;q=0.8,nl;q=0.7") == "fr"
    assert pick_language(None, "de-DE,en;q=0.8,nl;q=0.7") == "en"
    assert pick_language(None, "en;q=0.5,nl;q=0.9") == "nl"


def test_unknown_languages_fall_back_to_english():
    assert pick_language("de", "de,es;q=0.5") == "en"
    assert pick_language(None, None) == "en"


def test_plotly_separators_follow_the_language():
    assert plotly_separators("nl") == ",."
    assert plotly_separators("en") == ".,"


def test_every_label_has_both_languages_with_the_same_placeholders():
    for key, (nl, en) in LABELS.items():
        assert nl.strip() and en.strip(), key
        assert set(re.findall(r"{(\w+)}", nl)) == set(re.findall(r"{(\w+)}", en)), key


def test_every_label_key_used_by_the_dashboard_exists():
    root = Path(__file__).parents[1] / "dashboard"
    public = [root / "components.py", root / "summaries.py", *(root / "pages").glob("*.py")]
    used = set()
    for path in public:
        used |= set(re.findall(r'\bt\(\s*"([a-z_0-9]+)"', path.read_text(encoding="utf-8")))
    assert used, "no label use found"
    assert sorted(used - set(LABELS)) == []


def test_labels_fill_their_placeholders():
    assert t("fact_latest", "nl", year=2024) == "Uitstoot in 2024"
    assert t("fact_latest", "en", year=2024) == "Emissions in 2024"


def test_french_numbers_dates_and_percentages_follow_french_typography():
    assert fmt_number(1234567.5, "fr", 1) == "1\u202f234\u202f567,5"
    assert fmt_auto(4.5, "fr") == "4,5"
    assert fmt_pct(12.34, "fr", 1) == "12,3\u00a0%"
    assert fmt_kt(12_345, "fr") == "12,3 kt CO₂e"
    assert fmt_number(None, "fr") == "non disponible"
    assert fmt_date(date(2025, 3, 14), "fr") == "14 mars 2025"
    assert fmt_date("2025-08-01T10:00:00+00:00", "fr") == "1 août 2025"
    assert plotly_separators("fr") == ",\u202f"


def test_french_labels_come_from_the_catalogue_with_their_placeholders_filled():
    assert t("fact_latest", "fr", year=2024) == "Émissions en 2024"
    assert t("nav_partners", "fr") == "Partenaires et engagements"


def test_plurals_follow_each_languages_gettext_rule():
    # French counts 0 as singular (n > 1 is plural); Dutch and English say 0 in the plural.
    assert tn("up_problems_heading", "fr", 0) == "0 problème dans le fichier"
    assert tn("up_problems_heading", "fr", 2) == "2 problèmes dans le fichier"
    assert tn("up_problems_heading", "en", 0) == "0 problems in the file"
    assert tn("up_problems_heading", "nl", 1) == "1 probleem in het bestand"
    assert tn("partner_commitment_count", "en", 3) == "3 commitments"


def test_an_unknown_key_is_an_error_not_its_own_text():
    with pytest.raises(KeyError):
        t("no_such_label_key", "fr")
    with pytest.raises(KeyError):
        tn("no_such_label_key", "nl", 2)


def test_every_language_offers_a_switch_to_each_other_one():
    assert other_languages("fr") == ("nl", "en")
    assert other_languages("nl") == ("en", "fr")
    assert {t("language_name", code) for code in LANGUAGES} == {"Nederlands", "English", "Français"}
