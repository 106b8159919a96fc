"""The mapping step's pipeline side: guesses, a dry run with the analyst's choices, saving them."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from pipelines.errors import UserError, ValidationFailed
from pipelines.load import load_file
from pipelines.profiles.mapping_step import (
    MappingChoices,
    guess_label,
    guessed_choices,
    save_choices,
    start_mapping,
    try_choices,
)
from pipelines.schema import ImportProfile

from .conftest import DATA

FIRST = DATA / "mapping_export_2023.csv"  # an export no profile knows (Dutch headers of its own)
SECOND = DATA / "mapping_export_2024.csv"  # the next file of the same export
CHOICES = MappingChoices(
    roles={"Gemeente": "area", "Periode": "period", "Onderwerp": "label", "Hoeveelheid": "value",
           "Soort": "measured"},
    labels={"Woningen": "residential", "Kantoren en winkels": "tertiary"},
    markers=("n.b.",), measured=("gemeten",), planned=("doel",), unit="t CO2e")


def test_the_step_guesses_each_columns_role_and_shows_samples():
    start = start_mapping(FIRST.read_bytes(), FIRST.name)
    assert start.roles == {"Gemeente": "area", "Periode": "period", "Onderwerp": "ignore",
                           "Hoeveelheid": "value", "Soort": "measured"}
    assert start.samples["Onderwerp"] == ["Woningen", "Kantoren en winkels"]
    assert start.distinct["Soort"] == ["gemeten", "doel"]
    assert (guess_label("Woningen"), guess_label("Totaal"), guess_label("Kantoren en winkels")) == (
        "residential", "total", "")


def test_the_file_does_not_load_as_it_is(engine, programme_id):
    with pytest.raises(ValidationFailed):
        load_file(engine, programme_id, "indicators", FIRST)


def test_a_dry_run_with_the_choices_reads_the_export(engine, programme_id):
    result = try_choices(engine, programme_id, FIRST.read_bytes(), FIRST.name, CHOICES)
    # 2022: 100 + 50; 2023: 90 and n.b. (missing, C); the 2030 'doel' row is left out as planned
    assert result.added == 4
    assert "left out 1 row(s), planned, not measured (never stored as measurements): 2030 Woningen" in (
        result.detected["profile"]["lines"])
    assert result.incomplete_years == [{"year": 2023, "missing": ["tertiary"]}]


def test_saved_choices_are_a_profile_that_recognises_the_next_file(engine, programme_id):
    name = save_choices(engine, programme_id, "Gemeente export", FIRST.read_bytes(), FIRST.name, CHOICES, "ann")
    assert name == "gemeente-export"
    with engine.connect() as conn:
        by, at = conn.execute(select(ImportProfile.created_by, ImportProfile.created_at)).one()
    assert by == "ann" and at is not None
    result = load_file(engine, programme_id, "indicators", SECOND)
    assert result.detected["profile"]["profile"] == "gemeente-export"
    # 2023 tertiary 44, 2024 residential 85 and tertiary 42; the 2030 'doel' row left out
    assert result.added == 3


def test_the_step_opens_with_the_guessed_measured_and_planned_values():
    choices = guessed_choices(start_mapping(FIRST.read_bytes(), FIRST.name))
    assert (choices.measured, choices.planned) == (("gemeten",), ("doel",))
    assert choices.labels == {}  # no column guessed as the labels ('Onderwerp' is the analyst's call)


def test_choices_the_file_does_not_load_with_are_not_saved(engine, programme_id):
    without_labels = MappingChoices(roles={**CHOICES.roles, "Onderwerp": "ignore"}, measured=("gemeten",),
                                    planned=("doel",), unit="t CO2e", markers=("n.b.",))
    with pytest.raises(UserError, match="does not load yet"):
        save_choices(engine, programme_id, "gemeente-export", FIRST.read_bytes(), FIRST.name, without_labels, "ann")
    with engine.connect() as conn:
        assert conn.execute(select(ImportProfile.name)).first() is None
