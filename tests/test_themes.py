"""Roadmap themes: defined per programme (Dutch, English and perhaps French names), read from a
themes file with headers in any of the three languages, matched by code or name, managed from the CLI."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from pipelines.errors import ValidationFailed, in_language
from pipelines.load.record_fields import CellError
from pipelines.programmes import ProgrammeSpec, create_programme
from pipelines.schema import Programme, Theme
from pipelines.themes import define_themes, list_themes, load_themes_file, theme_matcher
from roadmap_cli import main


def _url(engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def test_define_themes_adds_renames_and_leaves_alone(engine, programme_id):
    first = define_themes(engine, programme_id, [
        {"code": "P01", "nl": "Renovatie", "en": "Renovation"},
        {"code": "P02", "nl": "Mobiliteit"},  # English name defaults to the Dutch one
    ])
    again = define_themes(engine, programme_id, [
        {"code": "p01", "nl": "Renovatie", "en": "Home renovation"},  # code matched in any case
        {"code": "P02", "nl": "Mobiliteit", "en": "Mobiliteit"},
    ])

    assert first == {"added": 2, "renamed": 0, "unchanged": 0}
    assert again == {"added": 0, "renamed": 1, "unchanged": 1}
    with engine.connect() as conn:
        themes = list_themes(conn, programme_id)
    assert [(t.code, t.name_nl, t.name_en) for t in themes] == [
        ("P01", "Renovatie", "Home renovation"), ("P02", "Mobiliteit", "Mobiliteit"),
    ]


def test_invalid_theme_rows_are_all_reported_and_none_written(engine, programme_id):
    with pytest.raises(ValidationFailed) as failed:
        define_themes(engine, programme_id, [
            {"code": "OK1", "nl": "Goed"},
            {"code": "two words", "nl": "Fout"},
            {"code": "OK1", "nl": "Dubbel"},
            {"code": "P03", "nl": ""},
        ])

    assert [(p.row, p.column) for p in failed.value.problems] == [(2, "code"), (3, "code"), (4, "nl")]
    with engine.connect() as conn:
        assert conn.execute(select(Theme.id)).first() is None


def test_themes_belong_to_one_programme_and_match_by_code_or_name(engine, programme_id):
    other = create_programme(engine, ProgrammeSpec("leiden", "Leiden", 2010, 2030))
    define_themes(engine, programme_id, [{"code": "GEB", "nl": "Gebouwen", "en": "Buildings"}])
    define_themes(engine, other, [{"code": "GEB", "nl": "Woningen", "en": "Homes"}])

    with engine.connect() as conn:
        match = theme_matcher(conn, programme_id)
        ids = {match("GEB"), match("gebouwen"), match(" Buildings ")}
        leiden = theme_matcher(conn, other)
        with pytest.raises(CellError, match="roadmap themes add"):
            match("Homes")
        assert leiden("homes") not in ids

    assert len(ids) == 1


def test_cli_adds_and_lists_themes(engine, programme_id):
    runner = CliRunner()
    added = runner.invoke(main, ["--database-url", _url(engine), "themes", "add", "P01",
                                 "--nl", "Renovatie", "--en", "Renovation"])
    listed = runner.invoke(main, ["--database-url", _url(engine), "themes", "list", "--json"])
    bad = runner.invoke(main, ["--database-url", _url(engine), "themes", "add", "P 1", "--nl", "X"])

    assert added.exit_code == 0 and "Theme P01 added in leuven" in added.output
    assert json.loads(listed.output) == [{"code": "P01", "nl": "Renovatie", "en": "Renovation", "fr": None}]
    assert bad.exit_code == 1 and "expected a short code without spaces" in bad.output
    assert "Traceback" not in bad.output


def _names(engine, programme_id) -> list[tuple]:
    with engine.connect() as conn:
        return [(t.code, t.name_nl, t.name_en, t.name_fr) for t in list_themes(conn, programme_id)]


def test_a_french_name_is_stored_kept_when_left_out_and_cleared_when_empty(engine, programme_id):
    added = define_themes(engine, programme_id, [
        {"code": "P01", "nl": "Renovatie", "en": "Renovation", "fr": "Rénovation"},
        {"code": "P02", "nl": "Mobiliteit", "en": "Mobility"},  # no French: none stored
    ])
    kept = define_themes(engine, programme_id, [{"code": "P01", "nl": "Renovatie", "en": "Renovation"}])
    assert added == {"added": 2, "renamed": 0, "unchanged": 0}
    assert kept == {"added": 0, "renamed": 0, "unchanged": 1}
    assert _names(engine, programme_id) == [
        ("P01", "Renovatie", "Renovation", "Rénovation"), ("P02", "Mobiliteit", "Mobility", None)]

    renamed = define_themes(engine, programme_id, [
        {"code": "P01", "nl": "Renovatie", "en": "Renovation", "fr": ""},  # an empty cell clears it
        {"code": "P02", "nl": "Mobiliteit", "en": "Mobility", "fr": "Mobilité"},
    ])
    assert renamed == {"added": 0, "renamed": 2, "unchanged": 0}
    assert _names(engine, programme_id) == [
        ("P01", "Renovatie", "Renovation", None), ("P02", "Mobiliteit", "Mobility", "Mobilité")]


@pytest.mark.parametrize("header", [
    "code,nl,en,fr",
    "Code;Naam NL;Naam EN;Naam FR",  # Dutch headers (';', as a Dutch spreadsheet saves)
    "Theme code,Dutch name,English name,French name",
    "Code du thème;Nom néerlandais;Nom anglais;Nom français",
    "Thema code,Naam,Name,Nom",  # the plain words: 'naam' is Dutch, 'name' English, 'nom' French
], ids=["short", "dutch", "english", "french", "plain"])
def test_a_themes_file_gives_french_names_under_headers_in_every_language(engine, programme_id, tmp_path, header):
    separator = ";" if ";" in header else ","
    path = tmp_path / "themes.csv"
    path.write_text(header + "\n" + "\n".join(separator.join(row) for row in [
        ("P01", "Renovatie", "Renovation", "Rénovation"),
        ("P02", "Mobiliteit", "Mobility", ""),  # no French: French pages show the English
    ]) + "\n", encoding="utf-8")

    counts = load_themes_file(engine, programme_id, path).counts

    assert counts == {"added": 2, "renamed": 0, "unchanged": 0}
    assert _names(engine, programme_id) == [
        ("P01", "Renovatie", "Renovation", "Rénovation"), ("P02", "Mobiliteit", "Mobility", None)]


def test_a_themes_file_without_a_french_column_keeps_the_french_names(engine, programme_id, tmp_path):
    define_themes(engine, programme_id, [{"code": "P01", "nl": "Renovatie", "en": "Renovation", "fr": "Rénovation"}])
    path = tmp_path / "themes.csv"
    path.write_text("code,nl,en\nP01,Renovatie,Home renovation\n", encoding="utf-8")

    assert load_themes_file(engine, programme_id, path).counts == {"added": 0, "renamed": 1, "unchanged": 0}
    assert _names(engine, programme_id) == [("P01", "Renovatie", "Home renovation", "Rénovation")]


def test_a_themes_file_problem_names_its_line_and_nothing_is_written(engine, programme_id, tmp_path):
    path = tmp_path / "themes.csv"
    path.write_text("code,nl,en,fr\nP01,Renovatie,Renovation,Rénovation\nP02,,Mobility,"
                    + "M" * 201 + "\n", encoding="utf-8")
    no_code = tmp_path / "names.csv"
    no_code.write_text("nl,en\nRenovatie,Renovation\n", encoding="utf-8")

    with pytest.raises(ValidationFailed) as failed:
        load_themes_file(engine, programme_id, path)
    with pytest.raises(ValidationFailed) as missing:
        load_themes_file(engine, programme_id, no_code)

    assert [(p.file, p.row, p.column) for p in failed.value.problems] == [
        ("themes.csv", 3, "nl"), ("themes.csv", 3, "fr")]
    assert [p.row for p in missing.value.problems] == [1]
    assert "a column 'code'" in str(missing.value.problems[0])
    assert _names(engine, programme_id) == []


def test_a_commitments_file_may_name_its_theme_in_french(engine, programme_id, tmp_path):
    from pipelines.load import load_file
    from pipelines.schema import Commitment
    from tests.conftest import DATA

    define_themes(engine, programme_id, [{"code": "P04", "nl": "Mobiliteit", "en": "Mobility", "fr": "Mobilité"}])
    load_file(engine, programme_id, "partners", DATA / "partners_nl_semicolon_cp1252.csv")
    path = tmp_path / "commitments.csv"
    path.write_text("partner;title;thème\nKU Leuven;Vélos de service;Mobilité\n", encoding="utf-8")
    load_file(engine, programme_id, "commitments", path)
    with engine.connect() as conn:
        linked = conn.execute(select(Theme.code).join(Commitment, Commitment.theme_id == Theme.id)).scalar_one()
    assert linked == "P04"


def test_cli_adds_a_french_name_and_loads_a_themes_file(engine, programme_id, tmp_path):
    runner = CliRunner()
    url = ["--database-url", _url(engine)]
    added = runner.invoke(main, [*url, "themes", "add", "P01", "--nl", "Renovatie", "--en", "Renovation",
                                 "--fr", "Rénovation"])
    path = tmp_path / "themes.csv"
    path.write_text("Code;Naam NL;Naam EN;Nom FR\nP01;Renovatie;Renovation;Rénovation\n"
                    "P02;Mobiliteit;Mobility;Mobilité\n", encoding="utf-8")
    checked = runner.invoke(main, [*url, "themes", "load", str(path), "--dry-run"])
    listed_before = runner.invoke(main, [*url, "themes", "list"])
    loaded = runner.invoke(main, [*url, "themes", "load", str(path)])
    listed = runner.invoke(main, [*url, "themes", "list", "--json"])

    assert added.exit_code == 0 and "Theme P01 added in leuven" in added.output
    assert checked.exit_code == 0, checked.output
    assert "1 added, 0 renamed, 1 unchanged (dry run: nothing written)" in checked.output
    assert "Rénovation" in listed_before.output and "P02" not in listed_before.output
    assert loaded.exit_code == 0 and "1 added, 0 renamed, 1 unchanged." in loaded.output
    assert [row["fr"] for row in json.loads(listed.output)] == ["Rénovation", "Mobilité"]


def _data_version(engine, programme_id: int) -> str:
    with engine.connect() as conn:
        return conn.scalar(select(Programme.data_version).where(Programme.id == programme_id))


def test_a_renamed_theme_gives_the_programme_a_new_data_version_and_an_unchanged_one_does_not(engine, programme_id):
    """Theme names show on cached pages (kept per data version): a rename is a programme write."""
    define_themes(engine, programme_id, [{"code": "P01", "nl": "Renovatie", "en": "Renovation"}])
    before = _data_version(engine, programme_id)
    define_themes(engine, programme_id, [{"code": "P01", "nl": "Renovatie", "en": "Renovation"}])
    assert _data_version(engine, programme_id) == before
    define_themes(engine, programme_id, [{"code": "P01", "nl": "Renovatie", "en": "Home renovation"}])
    assert _data_version(engine, programme_id) != before


def test_a_themes_file_names_the_columns_it_did_not_read(engine, programme_id, tmp_path):
    path = tmp_path / "themes.csv"
    path.write_text("code;naam;name;opmerking\nP01;Renovatie;Renovation;eerste thema\n", encoding="utf-8")

    loaded = load_themes_file(engine, programme_id, path)

    assert loaded.counts == {"added": 1, "renamed": 0, "unchanged": 0}
    assert loaded.left_out == ["opmerking"]
    warning = loaded.left_out_warning()
    assert warning is not None and "opmerking" in str(warning) and "weggelaten" in in_language(warning, "nl")
