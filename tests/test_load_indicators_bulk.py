"""Big-load paths: index rebuild on SQLite, chunked streaming, concurrent imports, previews."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import case, delete, func, inspect, select

from pipelines.errors import ValidationFailed
from pipelines.load import indicators, load_file, observation_store, preview_file
from pipelines.load.result import LoadOptions
from pipelines.schema import Indicator, Observation, Programme

from .conftest import DATA


def monthly_file(rows: int, value: str = "1.000,5") -> bytes:
    """`rows` months of residential emissions from 2000-01 on, all with the same value."""
    lines = ["sector;period;value;unit"]
    lines += [f"residential;{2000 + m // 12}-{m % 12 + 1:02d};{value};t CO2e" for m in range(rows)]
    return ("\n".join(lines) + "\n").encode()


@pytest.fixture
def bulk(monkeypatch):
    """Every load counts as a bulk load, and files stream in chunks of 7 rows."""
    monkeypatch.setattr(observation_store, "BULK_ROWS", 1)
    monkeypatch.setattr(indicators, "BYTES_PER_ROW", 1)
    original = indicators.RawTable.chunks
    monkeypatch.setattr(indicators.RawTable, "chunks", lambda self, rows=7: original(self, rows))


def observation_indexes(engine) -> set[str]:
    return {i["name"] for i in inspect(engine).get_indexes("observation")}


def values(engine) -> dict[str, float]:
    with engine.connect() as conn:
        rows = conn.execute(select(Observation.period, Observation.value).where(Observation.is_current)).all()
    return dict(rows)


def test_bulk_load_streams_chunks_and_rebuilds_the_indexes(engine, programme_id, bulk):
    before = observation_indexes(engine)
    result = load_file(engine, programme_id, "indicators", monthly_file(30), file_name="m.csv")
    assert result.added == 30  # 30 rows in chunks of 7: 5 chunks
    assert observation_indexes(engine) == before
    assert values(engine)["2002-06"] == 1000.5  # month 30 = June 2002


def test_failed_bulk_load_keeps_the_indexes_and_writes_nothing(engine, programme_id, bulk):
    before = observation_indexes(engine)
    bad = monthly_file(20) + b"residential;2000-01;2;t CO2e\n"  # repeats the first month, line 22
    with pytest.raises(ValidationFailed) as caught:
        load_file(engine, programme_id, "indicators", bad, file_name="bad.csv")
    assert [(p.row, p.value) for p in caught.value.problems] == [(22, "emissions.residential 2000-01")]
    assert observation_indexes(engine) == before
    assert values(engine) == {}


def test_bulk_reload_supersedes_only_what_changed(engine, programme_id, bulk):
    load_file(engine, programme_id, "indicators", monthly_file(20), file_name="a.csv")
    changed = monthly_file(20).replace(b"2001-08;1.000,5", b"2001-08;999")
    result = load_file(engine, programme_id, "indicators", changed + b"residential;2001-09;5;t CO2e\n",
                       file_name="b.csv")
    assert (result.added, result.superseded, result.unchanged) == (1, 1, 19)
    assert values(engine)["2001-08"] == 999.0


def test_progress_is_reported_per_chunk(engine, programme_id, bulk):
    seen: list[int] = []
    load_file(engine, programme_id, "indicators", monthly_file(16), file_name="p.csv", progress=seen.append)
    assert seen == [7, 7, 2]


def test_an_undecided_first_chunk_waits_for_a_later_decimal_mark(engine, programme_id, bulk):
    # Chunk 1 holds only '1.953'-like values; chunk 2's '2,5' shows the decimal comma.
    raw = monthly_file(10, value="1.953") + b"residential;2010-01;2,5;t CO2e\n"
    load_file(engine, programme_id, "indicators", raw, file_name="late.csv")
    current = values(engine)
    assert current["2000-01"] == 1953.0 and current["2010-01"] == 2.5


def test_concurrent_imports_of_the_same_programme_serialise(engine, programme_id):
    files = [
        (b"sector;year;value;unit\npublic_lighting;2019;313;t CO2e\n", "a.csv"),
        (b"sector;year;value;unit\npublic_lighting;2019;300;t CO2e\n", "b.csv"),
    ]
    errors: list[BaseException] = []

    def run(raw: bytes, name: str) -> None:
        try:
            load_file(engine, programme_id, "indicators", raw, file_name=name)
        except BaseException as exc:  # collected and asserted on below
            errors.append(exc)

    threads = [threading.Thread(target=run, args=f) for f in files]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    with engine.connect() as conn:
        versions = conn.execute(
            select(func.count(), func.sum(case((Observation.is_current, 1), else_=0)))
            .join(Indicator, Indicator.id == Observation.indicator_id)
            .where(Indicator.code == "emissions.public_lighting")
        ).one()
    assert tuple(versions) == (2, 1)  # one current value, the other kept as history


def test_preview_shows_the_detected_dialect_and_first_rows():
    preview = preview_file(DATA / "ind_title_footer.csv", "indicators", options=LoadOptions())
    assert preview["columns"] == ["Sector", "Jaar", "Waarde", "Eenheid"]
    assert preview["detected"]["separator"] == ";"
    assert preview["rows"][0] == {"Sector": "Huishoudens", "Jaar": "2019", "Waarde": "161.920", "Eenheid": "t CO2e"}
    assert preview["line_numbers"] == [4, 5]


def test_deleting_a_programme_deletes_its_observations_through_its_indicators(engine, programme_id):
    # observation.programme_id has no foreign key of its own (see the schema): the indicator's
    # cascade must still remove every value of the programme.
    load_file(engine, programme_id, "indicators", monthly_file(3), file_name="m.csv")
    with engine.begin() as conn:
        conn.execute(delete(Programme).where(Programme.id == programme_id))
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Observation)).scalar_one() == 0


def test_the_garbage_collector_runs_again_after_a_load_good_or_bad(engine, programme_id):
    # A web worker that loads a file must not be left without its cyclic collector.
    import gc

    load_file(engine, programme_id, "indicators", monthly_file(3), file_name="good.csv")
    assert gc.isenabled()
    with pytest.raises(ValidationFailed):
        load_file(engine, programme_id, "indicators", b"sector;year;value\nnowhere;2019;1\n", file_name="bad.csv")
    assert gc.isenabled()
