"""Batches: same file twice, corrections that keep history, dry runs, undo and export."""

from __future__ import annotations

import io

import pytest
from sqlalchemy import func, select

from pipelines.batches import list_batches
from pipelines.errors import UserError
from pipelines.export import export_observations
from pipelines.load import load_file
from pipelines.load.result import LoadOptions
from pipelines.schema import ImportBatch, Indicator, Observation
from pipelines.undo import undo_batch

from .conftest import DATA

LIGHTING = "emissions.public_lighting"


def load(engine, programme_id, source, file_name=None, **options):
    if isinstance(source, str):
        source = DATA / source
    return load_file(engine, programme_id, "indicators", source, file_name=file_name,
                     options=LoadOptions(**options))


def history(engine, code: str, period: str = "2019") -> list[tuple]:
    """(value, batch, is_current, superseded_by) of every version, oldest first."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(Observation.value, Observation.batch_id, Observation.is_current,
                   Observation.superseded_by_batch_id)
            .join(Indicator, Indicator.id == Observation.indicator_id)
            .where(Indicator.code == code, Observation.period == period)
            .order_by(Observation.id)
        ).all()
    return [tuple(r) for r in rows]


def observation_count(engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(Observation)).scalar_one()


def test_loading_the_same_file_twice_adds_nothing_and_says_so(engine, programme_id):
    first = load(engine, programme_id, "ind_semicolon_decimal_comma.csv")
    again = load(engine, programme_id, "ind_semicolon_decimal_comma.csv")
    assert again.already_loaded_as == first.batch_id and again.batch_id is None
    assert "already loaded as batch" in again.summary()
    assert observation_count(engine) == 4
    assert len(list_batches(engine, programme_id)) == 1


def test_a_different_file_with_the_same_values_records_no_batch(engine, programme_id):
    load(engine, programme_id, "ind_semicolon_decimal_comma.csv")
    same = b"sector;year;value;unit\npublic_lighting;2019;313;t CO2e\n"
    result = load(engine, programme_id, same, "lighting.csv")
    assert (result.added, result.superseded, result.unchanged, result.batch_id) == (0, 0, 1, None)
    assert "nothing changed" in result.summary()
    assert len(list_batches(engine, programme_id)) == 1


def test_a_correction_supersedes_and_keeps_the_old_value(engine, programme_id):
    first = load(engine, programme_id, "ind_semicolon_decimal_comma.csv")
    fix = load(engine, programme_id, "ind_correction.csv")
    assert (fix.added, fix.superseded, fix.unchanged) == (0, 1, 3)
    assert history(engine, LIGHTING) == [
        (313.0, first.batch_id, False, fix.batch_id),
        (300.0, fix.batch_id, True, None),
    ]
    assert observation_count(engine) == 5


def test_a_file_with_new_and_known_keys_adds_and_compares(engine, programme_id):
    load(engine, programme_id, "ind_semicolon_decimal_comma.csv")
    raw = b"sector;year;value;unit\npublic_lighting;2019;313;t CO2e\npublic_lighting;2020;290;t CO2e\n"
    result = load(engine, programme_id, raw, "two.csv")
    assert (result.added, result.superseded, result.unchanged) == (1, 0, 1)
    assert history(engine, LIGHTING, "2020") == [(290.0, result.batch_id, True, None)]


def test_a_value_becoming_missing_is_a_change(engine, programme_id):
    load(engine, programme_id, "ind_semicolon_decimal_comma.csv")
    raw = b"sector;year;value;unit\npublic_lighting;2019;C;t CO2e\n"
    result = load(engine, programme_id, raw, "secret.csv")
    assert result.superseded == 1
    assert history(engine, LIGHTING)[-1][:3] == (None, result.batch_id, True)


def test_dry_run_shows_the_diff_and_writes_nothing(engine, programme_id):
    load(engine, programme_id, "ind_semicolon_decimal_comma.csv")
    before = observation_count(engine)
    result = load(engine, programme_id, "ind_correction.csv", dry_run=True)
    assert (result.added, result.superseded, result.unchanged, result.batch_id) == (0, 1, 3, None)
    assert "would add 0" in result.summary()
    changed = result.diff[result.diff["change"] == "superseded"]
    assert changed[["indicator", "period", "old_value", "new_value"]].values.tolist() == [
        [LIGHTING, "2019", 313.0, 300.0]
    ]
    assert observation_count(engine) == before
    assert len(list_batches(engine, programme_id)) == 1


def test_dry_run_of_a_fresh_file_lists_every_row_as_new(engine, programme_id):
    result = load(engine, programme_id, "ind_months.csv", dry_run=True)
    assert result.diff["change"].tolist() == ["new"] * 4
    assert result.diff["line"].tolist() == [2, 3, 4, 5]
    assert observation_count(engine) == 0


def test_undo_withdraws_a_first_load(engine, programme_id):
    first = load(engine, programme_id, "ind_semicolon_decimal_comma.csv")
    message = undo_batch(engine, first.batch_id, "analyst")
    assert "4 value(s) withdrawn" in message
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).where(Observation.is_current)).scalar_one() == 0
        batch = conn.execute(select(ImportBatch).where(ImportBatch.id == first.batch_id)).one()
    assert (batch.status, batch.undone_by) == ("undone", "analyst") and batch.undone_at is not None


def test_undo_restores_the_value_a_correction_replaced(engine, programme_id):
    first = load(engine, programme_id, "ind_semicolon_decimal_comma.csv")
    fix = load(engine, programme_id, "ind_correction.csv")
    undo_batch(engine, fix.batch_id, "analyst")
    assert history(engine, LIGHTING) == [
        (313.0, first.batch_id, True, None),
        (300.0, fix.batch_id, False, None),
    ]


def test_undoing_a_middle_batch_keeps_the_later_value_then_restores_the_first(engine, programme_id):
    def lighting(value):
        return f"sector;year;value;unit\npublic_lighting;2019;{value};t CO2e\n".encode()

    a = load(engine, programme_id, lighting(313), "a.csv")
    b = load(engine, programme_id, lighting(300), "b.csv")
    c = load(engine, programme_id, lighting(290), "c.csv")
    undo_batch(engine, b.batch_id, "analyst")
    assert [v for v, _b, current, _s in history(engine, LIGHTING) if current] == [290.0]
    undo_batch(engine, c.batch_id, "analyst")  # b is undone, so a's 313 comes back
    assert [(v, batch) for v, batch, current, _s in history(engine, LIGHTING) if current] == [
        (313.0, a.batch_id)
    ]


def test_undoing_twice_is_refused(engine, programme_id):
    first = load(engine, programme_id, "ind_semicolon_decimal_comma.csv")
    undo_batch(engine, first.batch_id, "analyst")
    with pytest.raises(UserError, match="already undone"):
        undo_batch(engine, first.batch_id, "analyst")
    with pytest.raises(UserError, match="no batch 999"):
        undo_batch(engine, 999, "analyst")


def test_an_undone_file_can_be_loaded_again(engine, programme_id):
    first = load(engine, programme_id, "ind_semicolon_decimal_comma.csv")
    undo_batch(engine, first.batch_id, "analyst")
    again = load(engine, programme_id, "ind_semicolon_decimal_comma.csv")
    assert again.already_loaded_as is None and again.added == 4


def test_export_writes_current_values_in_canonical_units_with_provenance(engine, programme_id):
    load(engine, programme_id, "ind_wide_units_in_header.csv")
    fix = load(engine, programme_id, b"sector,year,value,unit\ntransport,2020,59,kt\n", "fix.csv")
    out = io.StringIO()
    assert export_observations(engine, programme_id, out) == 4
    lines = out.getvalue().splitlines()
    assert lines[0] == "indicator,period,value,unit,missing_key,original_value,original_unit,source,note,batch_id,file_name"
    assert lines[-1] == f"emissions.transport,2020,59000.0,t CO2e,,59,kt,,,{fix.batch_id},fix.csv"
    everything = io.StringIO()
    assert export_observations(engine, programme_id, everything, all_history=True) == 5


def test_batches_are_listed_newest_first_with_counts(engine, programme_id):
    load(engine, programme_id, "ind_semicolon_decimal_comma.csv")
    load(engine, programme_id, "ind_correction.csv")
    frame = list_batches(engine, programme_id)
    assert frame["file_name"].tolist() == ["ind_correction.csv", "ind_semicolon_decimal_comma.csv"]
    assert frame[["rows_added", "rows_superseded", "rows_unchanged"]].values.tolist() == [[0, 1, 3], [4, 0, 0]]


def test_undo_of_a_partners_batch_goes_to_the_partners_loader(engine, programme_id):
    from pipelines.schema import Partner

    result = load_file(engine, programme_id, "partners", DATA / "partners_en_bom.csv")
    assert result.added > 0
    message = undo_batch(engine, result.batch_id, "coordinator")
    assert message.startswith(f"batch {result.batch_id} (partners, partners_en_bom.csv) undone")
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Partner)).scalar_one() == 0
        status = conn.execute(select(ImportBatch.status).where(ImportBatch.id == result.batch_id)).scalar_one()
    assert status == "undone"


def test_deleting_a_programme_deletes_its_values_and_their_history(engine, programme_id):
    from pipelines.schema import Programme

    load(engine, programme_id, "ind_semicolon_decimal_comma.csv")
    load(engine, programme_id, b"sector;year;value;unit\nresidential;2019;1;t CO2e\n", "fix.csv")
    with engine.begin() as conn:  # superseded rows reference a later batch: every cascade order must work
        assert conn.execute(select(func.count()).where(~Observation.is_current)).scalar_one() == 1
        conn.execute(Programme.__table__.delete().where(Programme.id == programme_id))
    assert observation_count(engine) == 0
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(ImportBatch)).scalar_one() == 0


def test_undo_rights_live_in_the_pipelines(engine, programme_id):
    from pipelines.undo import UndoRefused, may_undo

    assert may_undo("ann", "ann", "analyst")
    assert not may_undo("bob", "ann", "analyst")
    assert may_undo("bob", "carla", "coordinator") and may_undo("bob", "root", "admin")

    loaded = load_file(engine, programme_id, "indicators", DATA / "ind_semicolon_decimal_comma.csv",
                       options=LoadOptions(user="bob"))
    with pytest.raises(UndoRefused, match="only a coordinator"):
        undo_batch(engine, loaded.batch_id, "ann", role="analyst")
    with engine.connect() as conn:  # refused: still completed
        assert conn.scalar(select(ImportBatch.status).where(ImportBatch.id == loaded.batch_id)) == "completed"
    undo_batch(engine, loaded.batch_id, "bob", role="analyst")  # one's own
