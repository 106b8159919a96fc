"""Headline sentences and chart summaries, read defensively from the status summary."""

from __future__ import annotations

from datetime import date

from dashboard.figures.gap import gap_table
from dashboard.sections.targets_and_gap import commitment_amounts
from dashboard.summaries import gap_summary, headline_facts, headline_sentences, trend_sentence

SUMMARY = {
    "baseline_year": 2010, "baseline_t": 688_000.0, "target_year": 2030, "target_t": 0.0,
    "latest_year": 2024, "latest_t": 478_000.0, "change_vs_baseline_pct": -30.52,
    "progress_pct": 30.52, "status": "off_track", "projected_t_at_target_year": 388_000.0,
    "year_target_reached": 2056,
}


def test_headline_facts_in_dutch():
    facts = dict(headline_facts(SUMMARY, 2030, "nl", today=date(2026, 6, 1)))
    assert facts == {
        "Uitstoot in 2024": "478 kt CO₂e", "Verandering sinds 2010": "-31 %",
        "Afgelegde weg naar het doel": "31 %", "Op koers?": "Niet op koers", "Jaren tot 2030": "4",
    }


def test_headline_sentences_in_english():
    text = " ".join(headline_sentences(SUMMARY, "Leuven", 2030, "en"))
    assert text.startswith("In 2024, Leuven emitted 478 kt CO₂e. That is 31% less than in 2010 (688 kt CO₂e).")
    assert "only reached in 2056, 26 years late" in text


def test_an_empty_summary_gives_words_not_errors():
    facts = dict(headline_facts({}, 2030, "en", today=date(2026, 1, 1)))
    assert facts["Emissions in …"] == "not available"
    assert facts["On track?"] == "Not enough data"
    assert headline_sentences({}, "Leuven", 2030, "en") == ["There are no emission figures yet."]


def test_trend_sentence_without_a_trend_says_so():
    text = trend_sentence({"status": "unknown"}, 2030, "en")
    assert "too few years" in text


def test_commitment_amounts_prefer_the_analytics_figures():
    summary = {"commitments": {
        "achieved_reduction_t": 10_000, "in_progress_reduction_t": 10_000, "planned_reduction_t": 30_000,
        "by_status": {"in_progress": {"reduction_t": 20_000, "counted_t": 10_000}},
    }}
    # delivered = 10 + 10 (done half of in progress); still to come from in progress = 20 − 10
    assert commitment_amounts(summary) == (20_000, 10_000, 30_000)


def test_commitment_amounts_without_the_analytics_figures_are_not_guessed():
    # An unweighted sum by status would count work in progress in full: a different number.
    assert commitment_amounts({}) is None
    assert commitment_amounts({"commitments": {"achieved_reduction_t": 5.0}}) is None


def test_gap_summary_names_what_is_missing():
    text = gap_summary(gap_table(478_000, 0, 20_000, 10_000, 30_000), "en")
    assert text == ("Partners have already cut 20.0 kt CO₂e per year and promise 40.0 kt more; "
                    "438.0 kt is still missing to reach the target.")


def test_headline_says_when_the_latest_figure_is_a_reported_total_and_compares_like_with_like():
    summary = {**SUMMARY, "years": [{"year": 2024, "source": "reported", "complete": True}],
               "like_for_like": {"sectors": ["reported total"], "baseline_t": 700_000.0,
                                 "latest_t": 478_000.0}}
    text = " ".join(headline_sentences(summary, "Leuven", 2030, "en"))
    assert "That figure is the reported total: the sectors are incomplete in 2024." in text
    assert "like with like (the same sectors, or the reported totals): 478 kt CO₂e against 700 kt CO₂e in 2010" in text
    dutch = " ".join(headline_sentences(summary, "Leuven", 2030, "nl"))
    assert "Dat cijfer is het gerapporteerde totaal" in dutch


def test_years_left_are_never_negative_after_the_target_year():
    facts = dict(headline_facts({**SUMMARY, "years_left": -6}, 2020, "en"))
    assert facts["Years left until 2020"] == "0"
