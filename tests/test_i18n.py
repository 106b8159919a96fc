"""Dutch and English labels, number, percentage and date formats, and the language choice."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from dashboard.i18n import (
    fmt_auto,
    fmt_date,
    fmt_kt,
    fmt_number,
    fmt_pct,
    pick_language,
    plotly_separators,
    t,
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
    assert pick_language("nl-BE", None) == "nl"


def test_browser_language_decides_when_the_url_has_none():
    assert pick_language(None, "nl-BE,nl;q=0.9,en;q=0.8") == "nl"
    assert pick_language(None, "fr-BE,fr;q=0.9,en;q=0.8,nl;q=0.7") == "en"
    assert pick_language(None, "en;q=0.5,nl;q=0.9") == "nl"


def test_unknown_languages_fall_back_to_english():
    assert pick_language("de", "fr,de;q=0.5") == "en"
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
