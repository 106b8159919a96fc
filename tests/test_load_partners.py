"""Partners files: dialects, every validation error, all-or-nothing, reload, dry run, audited updates."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from pipelines.errors import ValidationFailed
from pipelines.load import load_file
from pipelines.load.result import LoadOptions
from pipelines.schema import AuditLog, ImportBatch, Partner
from tests.conftest import DATA


def load(engine, programme_id, name, **options):
    return load_file(engine, programme_id, "partners", DATA / name, options=LoadOptions(**options))


def stored(engine, programme_id) -> dict[str, Partner]:
    with engine.connect() as conn:
        rows = conn.execute(select(*Partner.__table__.c).where(Partner.programme_id == programme_id))
        return {row.name: row for row in rows}


def counts(engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            t.__tablename__: conn.execute(select(func.count()).select_from(t)).scalar_one()
            for t in (Partner, ImportBatch, AuditLog)
        }


def test_semicolon_cp1252_file_with_dutch_headers_loads(engine, programme_id):
    result = load(engine, programme_id, "partners_nl_semicolon_cp1252.csv")

    assert (result.added, result.superseded, result.unchanged) == (4, 0, 0)
    assert result.batch_id is not None
    assert result.detected["encoding"] == "cp1252" and result.detected["separator"] == ";"
    rows = stored(engine, programme_id)
    ku = rows["KU Leuven"]
    assert (ku.type, ku.sector_code, ku.joined_on) == ("knowledge", None, date(2019, 3, 1))
    assert ku.description == "Universiteit; onderzoek naar energie"  # ';' inside quotes
    cafe = rows["Brouwerij Café Zon"]  # é read from cp1252
    assert (cafe.type, cafe.sector_code, cafe.joined_on) == ("company", "industry", date(2019, 3, 1))
    assert rows["Buurtgroep Kessel-Lo"].type == "residents"
    assert rows["Buurtgroep Kessel-Lo"].website is None
    city = rows["Stad Leuven"]  # 'overheid' in lower case, sector given by its code
    assert (city.type, city.sector_code, city.website) == ("public", "municipal", "http://www.leuven.be")
    assert {r.batch_id for r in rows.values()} == {result.batch_id}


def test_bom_file_stores_a_script_tag_and_a_multiline_story_verbatim(engine, programme_id):
    result = load(engine, programme_id, "partners_en_bom.csv")

    assert result.added == 3
    rows = stored(engine, programme_id)
    script = rows["<script>alert(1)</script>"]  # escaping is the dashboard's job, not the store's
    assert script.type == "company" and script.sector_code == "tertiary"
    assert script.website == "https://example.org/a?b=1&c=2"
    assert script.description == 'Says "hi" & <b>bold</b>'
    vzw = rows["Leuven Klimaatneutraal vzw"]
    assert (vzw.type, vzw.joined_on) == ("civil_society", date(2022, 6, 15))
    story = rows["Repair Café Heverlee"].description  # a story keeps its paragraphs
    assert story == "Repairs bikes and toasters.\n\nEvery first Saturday."


def test_every_problem_is_reported_with_row_and_column_and_nothing_is_written(engine, programme_id):
    before = counts(engine)
    with pytest.raises(ValidationFailed) as failed:
        load(engine, programme_id, "partners_errors.csv")

    found = [(p.row, p.column, p.value) for p in failed.value.problems]
    assert found == [
        (2, "name", None),  # required
        (3, "type", "multinational"),  # not a partner type
        (4, "sector", "spaceflight"),  # not a sector
        (5, "joined", "31/02/2020"),  # no such day
        (6, "joined", "03/25/2019"),  # month first: ambiguous
        (7, "joined", "1/3/19"),  # two-digit year: ambiguous
        (8, "website", "www.firmf.be"),  # no http(s)://
        (9, "name", "Firm A"),  # already on row 3
    ]
    messages = [str(p) for p in failed.value.problems]
    assert messages[1].startswith("partners_errors.csv, row 3, column 'type': found 'multinational'")
    assert "already on row 3" in messages[7]
    assert counts(engine) == before


def test_missing_required_column_is_one_clear_problem(engine, programme_id):
    with pytest.raises(ValidationFailed) as failed:
        load(engine, programme_id, "partners_missing_column.csv")

    (problem,) = failed.value.problems
    assert problem.row == 1 and "a column 'type'" in problem.expected and "soort" in problem.expected


def test_loading_the_same_file_twice_adds_nothing_and_says_so(engine, programme_id):
    first = load(engine, programme_id, "partners_nl_semicolon_cp1252.csv")
    before = counts(engine)

    again = load(engine, programme_id, "partners_nl_semicolon_cp1252.csv")

    assert again.already_loaded_as == first.batch_id
    assert again.added == 0 and again.batch_id is None
    assert f"already loaded as batch {first.batch_id}" in again.summary()
    assert counts(engine) == before


def test_dry_run_shows_new_superseded_and_unchanged_without_writing(engine, programme_id):
    load(engine, programme_id, "partners_nl_semicolon_cp1252.csv")
    before = counts(engine)

    result = load(engine, programme_id, "partners_update.csv", dry_run=True)

    assert (result.added, result.superseded, result.unchanged) == (1, 2, 2)
    assert result.batch_id is None and result.dry_run
    diff = result.diff.set_index("key")
    assert diff.loc["Energent", "change"] == "new"
    assert diff.loc["Stad Leuven", "change"] == "unchanged"
    assert diff.loc["KU Leuven", "change"] == "superseded"
    assert diff.loc["KU Leuven", "old_value"] == "website: https://www.kuleuven.be"
    assert diff.loc["KU Leuven", "new_value"] == "website: https://www.kuleuven.be/energie"
    assert counts(engine) == before


def test_update_changes_fields_and_audits_each_change(engine, programme_id):
    load(engine, programme_id, "partners_nl_semicolon_cp1252.csv")

    result = load(engine, programme_id, "partners_update.csv", user="analyst1")

    # KU Leuven: website; Kessel-Lo: type residents -> civil society; Energent is new.
    assert (result.added, result.superseded, result.unchanged) == (1, 2, 2)
    rows = stored(engine, programme_id)
    assert rows["KU Leuven"].website == "https://www.kuleuven.be/energie"
    assert rows["Buurtgroep Kessel-Lo"].type == "civil_society"
    assert rows["Energent"].description == "Energiecoöperatie"
    with engine.connect() as conn:
        audit = conn.execute(
            select(AuditLog.entity, AuditLog.entity_id, AuditLog.field, AuditLog.old_value,
                   AuditLog.new_value, AuditLog.changed_by, AuditLog.batch_id).order_by(AuditLog.id)
        ).all()
    assert [tuple(a) for a in audit] == [
        ("partner", rows["KU Leuven"].id, "website", "https://www.kuleuven.be",
         "https://www.kuleuven.be/energie", "analyst1", result.batch_id),
        ("partner", rows["Buurtgroep Kessel-Lo"].id, "type", "residents", "civil_society",
         "analyst1", result.batch_id),
    ]


def test_names_match_whatever_their_case_and_spacing(engine, programme_id):
    load(engine, programme_id, "partners_nl_semicolon_cp1252.csv")
    frame_text = "naam;type\n  ku   LEUVEN ;Kennisinstelling\n"
    result = load_file(engine, programme_id, "partners", frame_text.encode(), file_name="recase.csv")

    # The same partner, renamed to the file's spelling (an audited change), not a second one.
    assert (result.added, result.superseded) == (0, 1)
    assert "ku LEUVEN" in stored(engine, programme_id)


def test_overlong_name_and_web_address_with_spaces_are_problems(engine, programme_id):
    long_name = "x" * 201
    text = f"name,type,website\n{long_name},company,https://a.be\nOK,company,https://a.be/my page\n"

    with pytest.raises(ValidationFailed) as failed:
        load_file(engine, programme_id, "partners", text.encode(), file_name="long.csv")

    assert [(p.row, p.column) for p in failed.value.problems] == [(2, "name"), (3, "website")]
    assert failed.value.problems[0].expected == "at most 200 characters (found 201)"
