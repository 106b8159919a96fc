"""Commitments files: numbers and units, themes, statuses, every validation error, reload, updates."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from sqlalchemy import func, select

from pipelines.errors import ValidationFailed
from pipelines.load import commitments, load_file
from pipelines.load.result import LoadOptions
from pipelines.read import RawTable
from pipelines.schema import AuditLog, Commitment, ImportBatch, Indicator, Partner, Theme
from pipelines.themes import define_themes
from tests.conftest import DATA, leuven, leuven_id

THEMES = [{"code": "GEB", "nl": "Gebouwen", "en": "Buildings"},
          {"code": "MOB", "nl": "Mobiliteit", "en": "Mobility"}]


def load(engine, programme_id, name, kind="commitments", **options):
    return load_file(engine, programme_id, kind, DATA / name, options=LoadOptions(**options))


def _leuven_with_partners(engine) -> None:
    programme_id = leuven(engine)
    load(engine, programme_id, "partners_nl_semicolon_cp1252.csv", kind="partners")
    define_themes(engine, programme_id, THEMES)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path, seeded_databases):
    """A copy of Leuven 2030 with its partners and themes (seeded once per backend)."""
    with seeded_databases.fresh(request.param, tmp_path, _leuven_with_partners) as url:
        yield url


@pytest.fixture
def with_partners(engine) -> int:
    """The programme with 4 partners (KU Leuven, Brouwerij Café Zon, Buurtgroep Kessel-Lo, Stad Leuven) and 2 themes."""
    return leuven_id(engine)


def stored(engine, programme_id) -> dict[tuple[str, str], dict]:
    query = (
        select(Partner.name, *Commitment.__table__.c)
        .join(Partner, Partner.id == Commitment.partner_id)
        .where(Commitment.programme_id == programme_id)
    )
    with engine.connect() as conn:
        return {(r.name, r.title): dict(r._mapping) for r in conn.execute(query)}


def ids(engine, model, column, value) -> int:
    with engine.connect() as conn:
        return conn.execute(select(model.id).where(column == value)).scalar_one()


def counts(engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            t.__tablename__: conn.execute(select(func.count()).select_from(t)).scalar_one()
            for t in (Commitment, Partner, ImportBatch, AuditLog)
        }


def test_dutch_semicolon_file_with_decimal_commas_loads(engine, with_partners):
    result = load(engine, with_partners, "commitments_nl_semicolon_bom.csv")

    assert (result.added, result.superseded, result.unchanged) == (3, 0, 0)
    assert result.detected["decimal"] == ","  # decided by '1.250,5'
    rows = stored(engine, with_partners)
    arenberg = rows[("KU Leuven", "Renovatie campus Arenberg")]
    assert arenberg["reduction_t_per_year"] == 1250.5  # '1.250,5': '.' groups thousands
    assert arenberg["progress_pct"] == 45.5  # '45,5%'
    assert arenberg["status"] == "in_progress"  # 'Bezig'
    assert arenberg["sector_code"] == "tertiary"  # 'Tertiaire gebouwen'
    assert arenberg["theme_id"] == ids(engine, Theme, Theme.code, "GEB")
    assert (arenberg["target_year"], arenberg["last_update"]) == (2030, date(2024, 1, 15))
    assert arenberg["url"] == "https://www.kuleuven.be/arenberg"
    fleet = rows[("Stad Leuven", "Zero-emissie vloot")]
    assert fleet["theme_id"] == ids(engine, Theme, Theme.code, "MOB")  # by its Dutch name
    assert fleet["indicator_id"] == ids(engine, Indicator, Indicator.code, "emissions.transport_municipal")
    assert (fleet["indicator_target"], fleet["reduction_t_per_year"]) == (0.0, None)
    assert fleet["status"] == "planned" and fleet["note"] == "Bussen; bestelwagens"
    roofs = rows[("Buurtgroep Kessel-Lo", "Dakisolatie rijwoningen")]
    assert roofs["theme_id"] == ids(engine, Theme, Theme.code, "GEB")  # 'geb': any case
    assert (roofs["status"], roofs["progress_pct"], roofs["reduction_t_per_year"]) == ("achieved", 100.0, 85.0)


def test_unit_column_in_kilotonnes_is_converted_to_tonnes(engine, with_partners):
    result = load(engine, with_partners, "commitments_en_kt.csv")

    assert result.added == 2
    rows = stored(engine, with_partners)
    heat = rows[("KU Leuven", "Heat network")]
    assert heat["reduction_t_per_year"] == 1500.0  # 1.5 kt CO2e/yr = 1,500 t
    assert (heat["status"], heat["progress_pct"]) == ("in_progress", 10.0)
    lights = rows[("Stad Leuven", "LED street lights")]
    assert lights["reduction_t_per_year"] == 300.0 and lights["progress_pct"] is None


def test_unit_in_the_reduction_header_applies_to_every_row(engine, with_partners):
    frame = pd.DataFrame({"Partner": ["KU Leuven"], "Titel": ["Warmtenet"],
                          "Reductie (kt CO2e/jaar)": ["2,5"]})
    raw = RawTable.from_frame("header_unit.csv", frame)

    commitments.load(engine, with_partners, raw, LoadOptions())

    assert stored(engine, with_partners)[("KU Leuven", "Warmtenet")]["reduction_t_per_year"] == 2500.0


def test_an_ambiguous_number_asks_for_the_decimal_mark(engine, with_partners):
    frame = pd.DataFrame({"partner": ["KU Leuven"], "title": ["PV"], "reduction": ["1.953"]})

    with pytest.raises(ValidationFailed) as failed:
        commitments.load(engine, with_partners, RawTable.from_frame("a.csv", frame), LoadOptions())
    (problem,) = failed.value.problems
    assert (problem.row, problem.column, problem.value) == (2, "reduction", "1.953")
    assert "--decimal" in problem.expected

    commitments.load(engine, with_partners, RawTable.from_frame("a.csv", frame), LoadOptions(decimal=","))
    assert stored(engine, with_partners)[("KU Leuven", "PV")]["reduction_t_per_year"] == 1953.0


def test_every_problem_is_reported_with_row_and_column_and_nothing_is_written(engine, with_partners):
    before = counts(engine)
    with pytest.raises(ValidationFailed) as failed:
        load(engine, with_partners, "commitments_errors.csv")

    found = [(p.row, p.column, p.value) for p in failed.value.problems]
    assert found == [
        (2, "partner", "Nobody Inc"),  # not a partner: a commitments file cannot add one
        (3, "title", None),  # required
        (4, "theme", "XYZ"),  # not a theme of the programme
        (5, "sector", "shipping"),
        (6, "reduction", "-5"),  # a reduction cannot be negative
        (7, "unit", "gigawatt"),
        (8, "indicator target", None),  # an indicator without its target value
        (9, "indicator", "renovated_homes"),  # not an indicator of the programme
        (10, "target year", "1999"),
        (11, "status", "maybe"),
        (12, "progress", "120"),
        (13, "last update", "32/01/2024"),
        (14, "url", "ftp://files.kuleuven.be"),
        (15, "title", "Solar roofs"),  # (KU Leuven, Solar roofs) already on row 4
    ]
    assert "load them with `roadmap load partners` first" in failed.value.problems[0].expected
    assert str(failed.value.problems[9]).startswith("commitments_errors.csv, row 11, column 'status'")
    assert counts(engine) == before


def test_unknown_theme_is_accepted_once_defined(engine, with_partners):
    frame = pd.DataFrame({"partner": ["KU Leuven"], "title": ["Zonnepanelen"], "thema": ["ENE"]})
    with pytest.raises(ValidationFailed):
        commitments.load(engine, with_partners, RawTable.from_frame("t.csv", frame), LoadOptions())

    define_themes(engine, with_partners, [{"code": "ENE", "nl": "Energie", "en": "Energy"}])
    result = commitments.load(engine, with_partners, RawTable.from_frame("t.csv", frame), LoadOptions())

    assert result.added == 1


def test_same_file_twice_adds_nothing_and_dry_run_writes_nothing(engine, with_partners):
    first = load(engine, with_partners, "commitments_nl_semicolon_bom.csv")
    again = load(engine, with_partners, "commitments_nl_semicolon_bom.csv")
    assert again.already_loaded_as == first.batch_id and again.added == 0
    before = counts(engine)

    preview = load(engine, with_partners, "commitments_update.csv", dry_run=True)

    assert (preview.added, preview.superseded, preview.unchanged) == (0, 1, 2)
    row = preview.diff.set_index("key").loc["KU Leuven / Renovatie campus Arenberg"]
    assert row["fields"] == "status, progress_pct, last_update, note"
    assert row["old_value"] == "status: in_progress; progress_pct: 45.5; last_update: 2024-01-15; note: "
    assert counts(engine) == before


def test_update_of_a_commitment_is_audited_field_by_field(engine, with_partners):
    load(engine, with_partners, "commitments_nl_semicolon_bom.csv")

    result = load(engine, with_partners, "commitments_update.csv", user="coordinator1")

    assert (result.added, result.superseded, result.unchanged) == (0, 1, 2)
    arenberg = stored(engine, with_partners)[("KU Leuven", "Renovatie campus Arenberg")]
    assert (arenberg["status"], arenberg["progress_pct"]) == ("delayed", 50.0)
    assert arenberg["note"] == "Vergunning loopt"
    with engine.connect() as conn:
        audit = conn.execute(
            select(AuditLog.field, AuditLog.old_value, AuditLog.new_value, AuditLog.changed_by)
            .where(AuditLog.batch_id == result.batch_id, AuditLog.entity == "commitment",
                   AuditLog.entity_id == arenberg["id"])
            .order_by(AuditLog.id)
        ).all()
    assert [tuple(a) for a in audit] == [
        ("status", "in_progress", "delayed", "coordinator1"),
        ("progress_pct", "45.5", "50", "coordinator1"),
        ("last_update", "2024-01-15", "2024-03-01", "coordinator1"),
        ("note", None, "Vergunning loopt", "coordinator1"),
    ]


def test_commitments_without_any_figure_load_with_a_warning(engine, with_partners):
    frame = pd.DataFrame({"partner": ["KU Leuven", "Stad Leuven"], "title": ["Idee", "Plan"],
                          "reduction": ["", "12"]})

    result = commitments.load(engine, with_partners, RawTable.from_frame("w.csv", frame), LoadOptions())

    assert result.added == 2
    assert result.warnings == ["1 commitment(s) have neither a reduction nor an indicator target (rows 2)"]


def test_dutch_status_words_and_spreadsheet_dates_and_years_are_understood(engine, with_partners):
    frame = pd.DataFrame({
        "partner": ["KU Leuven", "KU Leuven", "Stad Leuven", "Stad Leuven"],
        "titel": ["A", "B", "C", "D"],
        "status": ["lopend", "Behaald", "ingetrokken", "VERTRAAGD"],
        "voortgang": ["45 %", "100%", "0", ""],
        "laatste update": ["2024-03-01 00:00:00", "1.3.2024", "01-03-2024", "2024-3-1"],
        "doeljaar": ["2030.0", "2025", "2030", ""],
    })

    commitments.load(engine, with_partners, RawTable.from_frame("s.csv", frame), LoadOptions())

    rows = stored(engine, with_partners)
    got = {k[1]: (v["status"], v["progress_pct"], v["last_update"], v["target_year"]) for k, v in rows.items()}
    march = date(2024, 3, 1)
    assert got == {
        "A": ("in_progress", 45.0, march, 2030), "B": ("achieved", 100.0, march, 2025),
        "C": ("withdrawn", 0.0, march, 2030), "D": ("delayed", None, march, None),
    }


def test_a_unit_in_the_header_that_is_not_tonnes_is_a_problem(engine, with_partners):
    text = "partner;titel;reductie (GWh)\nKU Leuven;Zon;12\n"

    with pytest.raises(ValidationFailed) as failed:
        load_file(engine, with_partners, "commitments", text.encode(), file_name="gwh.csv")

    (problem,) = failed.value.problems
    assert (problem.row, problem.column, problem.value) == (1, "reductie (GWh)", "GWh")


def test_rows_below_a_title_row_are_reported_at_their_own_line(engine, with_partners):
    text = "Engagementen Leuven 2030\n\npartner;titel;status\nKU Leuven;Zon;bezig\nKU Leuven;Wind;soms\n"

    with pytest.raises(ValidationFailed) as failed:
        load_file(engine, with_partners, "commitments", text.encode(), file_name="title.csv")

    # line 1 title, line 2 blank, line 3 header, line 5 the bad status
    assert [(p.row, p.column, p.value) for p in failed.value.problems] == [(5, "status", "soms")]
