"""Nothing a file holds is cut without a word: extra fields are refused, every .xlsx row is read."""

from __future__ import annotations

import io
import re
import zipfile

import openpyxl
import pytest
from sqlalchemy import func, select

from pipelines.errors import ValidationFailed
from pipelines.load import load_file
from pipelines.schema import ImportBatch, Observation, Partner


def _counts(engine) -> tuple[int, int, int]:
    with engine.connect() as conn:
        return tuple(conn.execute(select(func.count()).select_from(t)).scalar_one()
                     for t in (Observation, Partner, ImportBatch))


def test_decimal_comma_in_a_comma_file_is_refused_not_stored_as_its_first_half(engine, programme_id):
    data = b"indicator,period,value,unit\nemissions.residential,2027,1,5,t CO2e\n"
    before = _counts(engine)

    with pytest.raises(ValidationFailed) as caught:
        load_file(engine, programme_id, "indicators", data, file_name="comma.csv")

    (problem,) = caught.value.problems
    assert problem.row == 2
    assert "4 fields" in problem.expected and "quotes" in problem.expected
    assert _counts(engine) == before  # not 1.0 t, not anything


def test_extra_field_in_a_later_row_names_that_row(engine, programme_id):
    data = (b"indicator,period,value\n"
            b"emissions.residential,2015,100\n"
            b"emissions.residential,2016,1,5\n"
            b"emissions.residential,2017,90\n")
    with pytest.raises(ValidationFailed) as caught:
        load_file(engine, programme_id, "indicators", data, file_name="later.csv")

    assert [p.row for p in caught.value.problems] == [3]
    assert _counts(engine)[0] == 0


def test_unquoted_comma_in_a_partner_description_is_refused(engine, programme_id):
    data = b"name,type,description\nBakkerij Zon,company,Bakes bread, cakes and pies\n"
    with pytest.raises(ValidationFailed) as caught:
        load_file(engine, programme_id, "partners", data, file_name="partners.csv")

    assert caught.value.problems[0].row == 2
    assert caught.value.problems[0].value == " cakes and pies"
    assert _counts(engine)[1] == 0


def test_two_extra_fields_in_the_first_row_are_refused_too(engine, programme_id):
    # pandas' tokenizer takes two extra fields in the first row for an index and drops them.
    data = b"name,type,description\nBakkerij Zon,company,Bread,,pies\nKU Leuven,knowledge,x\n"
    with pytest.raises(ValidationFailed) as caught:
        load_file(engine, programme_id, "partners", data, file_name="partners.csv")

    assert caught.value.problems[0].row == 2
    assert _counts(engine)[1] == 0


def test_quoted_decimal_comma_in_a_comma_file_loads(engine, programme_id):
    data = b'indicator,period,value,unit\nemissions.residential,2019,"1,5",t CO2e\n'
    result = load_file(engine, programme_id, "indicators", data, file_name="quoted.csv")

    assert result.added == 1
    with engine.connect() as conn:
        assert conn.execute(select(Observation.value)).scalar_one() == pytest.approx(1.5)


def _xlsx_with_declared_range(rows: list[list[str]], declared: str) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    saved = io.BytesIO()
    book.save(saved)
    source = zipfile.ZipFile(io.BytesIO(saved.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]*"/>', f'<dimension ref="{declared}"/>'.encode(), data)
            target.writestr(name, data)
    return out.getvalue()


def test_xlsx_whose_declared_range_is_too_small_is_read_to_its_last_row(engine, programme_id):
    rows = [["name", "type"]] + [[f"Partner {i}", "company"] for i in range(1, 11)]
    data = _xlsx_with_declared_range(rows, "A1:B4")  # declares 3 data rows, holds 10

    result = load_file(engine, programme_id, "partners", data, file_name="partners.xlsx")

    assert result.added == 10
    with engine.connect() as conn:
        names = set(conn.execute(select(Partner.name)).scalars())
    assert names == {f"Partner {i}" for i in range(1, 11)}


def test_xlsx_declaring_the_whole_sheet_reads_only_its_cells(engine, programme_id):
    rows = [["name", "type"], ["Partner 1", "company"], ["Partner 2", "public"]]
    data = _xlsx_with_declared_range(rows, "A1:XFD1048576")

    result = load_file(engine, programme_id, "partners", data, file_name="huge.xlsx")

    assert result.added == 2
