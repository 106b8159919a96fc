"""Inputs that used to end in a traceback or in minutes of work: each now ends in words (both
languages) that name the file and, where there is one, the row and column, quickly."""

from __future__ import annotations

import io
import re
import zipfile

import openpyxl
import pytest

from pipelines.errors import UserError, ValidationFailed
from pipelines.load import load_file
from pipelines.read import read_table
from tests.fuzz.corpus import csv_to_xlsx
from tests.test_load_parallel import big_file, definitions, roadmap

LONG_INDICATORS = b"indicator,period,value,unit\n"


def refusal(engine, programme_id, kind: str, data: bytes, name: str) -> UserError:
    with pytest.raises(UserError) as refused:
        load_file(engine, programme_id, kind, data, file_name=name)
    return refused.value


def only_problem(error: UserError):
    assert isinstance(error, ValidationFailed), str(error)
    assert len(error.problems) == 1, [str(p) for p in error.problems]
    return error.problems[0]


def test_an_unclosed_quote_names_its_line(engine, programme_id):
    # header line 1; line 2 good; line 3 opens a quote that never closes.
    data = LONG_INDICATORS + b"emissions.residential,2020,5,t\nemissions.residential,2021,\"6,t\n"
    error = refusal(engine, programme_id, "indicators", data, "quote.csv")
    assert "quote.csv: line 3 (or one after it) opens a quote" in str(error)
    assert "regel 3" in error.in_language("nl") and "aanhalingsteken" in error.in_language("nl")


def test_a_bom_then_cp1252_bytes_past_256_kb_is_refused_in_words(engine, programme_id):
    # The first 256,000 bytes decide nothing here: the 'é' in cp1252 (0xE9) comes after 12,000
    # rows of 30 bytes (360,000 bytes), in a file that starts with the UTF-8 BOM.
    data = b"\xef\xbb\xbf" + LONG_INDICATORS + b"emissions.residential,2020,5,t\n" * 12_000 + b"caf\xe9,2020,5,t\n"
    error = refusal(engine, programme_id, "indicators", data, "bom.csv")
    assert "bom.csv cannot be read as utf-8-sig" in str(error)
    assert "niet te lezen" in error.in_language("nl")


def _workbook_with_sheet(edit) -> bytes:
    data = csv_to_xlsx(b"name,type\nExample Bakery,company\nExample College,knowledge\n")
    source = zipfile.ZipFile(io.BytesIO(data))
    parts = {info.filename: source.read(info) for info in source.infolist()}
    sheet = next(n for n in parts if n.startswith("xl/worksheets/sheet"))
    parts[sheet] = edit(parts[sheet])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, body in parts.items():
            target.writestr(name, body)
    return out.getvalue()


def test_a_corrupt_sheet_is_refused_as_damaged_not_with_a_parse_error(engine, programme_id):
    data = _workbook_with_sheet(lambda xml: xml[: xml.index(b"</sheetData>") - 5])  # cut mid-row
    error = refusal(engine, programme_id, "partners", data, "cut.xlsx")
    assert "cut.xlsx is damaged: the first sheet cannot be read after row" in str(error)
    assert "beschadigd" in error.in_language("nl")


def test_a_workbook_with_one_cell_far_out_is_refused_in_words_not_by_a_crash(engine, programme_id):
    # One cell at XFD1048576: a reader that allocates the whole rectangle (python-calamine asked
    # for 512 GB and aborted the process) would take a web worker down with it.
    book = openpyxl.Workbook()
    book.active.append(["name", "type"])
    book.active.append(["Example Bakery", "company"])
    book.active["XFD1048576"] = "far"
    saved = io.BytesIO()
    book.save(saved)
    error = refusal(engine, programme_id, "partners", saved.getvalue(), "far.xlsx")
    assert "16384 columns; expected at most" in str(error)


def test_an_xlsx_declaring_the_whole_sheet_is_read_to_its_real_rows():
    data = _workbook_with_sheet(lambda xml: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', xml))
    table = read_table(data, "wide.xlsx")
    assert table.frame.shape == (2, 2)  # Example Bakery, Example College; name and type


def test_checking_an_uploaded_workbook_opens_it_once(engine, programme_id, monkeypatch):
    from dashboard.workspace.upload.check import UploadChoices, check_upload
    from pipelines import read_excel

    opened = []
    real = read_excel._sheet_rows  # where the workbook is opened and its sheet read
    monkeypatch.setattr(read_excel, "_sheet_rows", lambda *a, **k: opened.append(1) or real(*a, **k))
    data = csv_to_xlsx(b"name,type\nExample Bakery,company\n")
    outcome = check_upload(engine, programme_id, data, "p.xlsx", UploadChoices(kind="partners"), "cor")
    assert outcome.preview is not None and outcome.result is not None
    assert len(opened) == 1  # was 2 in the check (preview, dry run) and 1 more at the import


def test_a_malformed_web_address_is_a_problem_of_its_cell(engine, programme_id):
    data = b"name,type,website\nExample Bakery,company,http://[example.org\n"
    problem = only_problem(refusal(engine, programme_id, "partners", data, "p.csv"))
    assert (problem.file, problem.row, problem.column, problem.value) == ("p.csv", 2, "website", "http://[example.org")
    assert problem.expected.nl.startswith("een webadres")


def test_a_unit_cell_of_40000_characters_is_refused_at_once(engine, programme_id):
    data = LONG_INDICATORS + b"emissions.residential,2020,5," + b"k" * 40_000 + b"\n"
    problem = only_problem(refusal(engine, programme_id, "indicators", data, "u.csv"))
    assert (problem.row, problem.column) == (2, "unit")
    assert problem.expected.startswith("a unit of at most 100 characters (this cell has 40000)")
    assert problem.value.endswith("… (40000 characters)") and len(problem.value) < 300


def test_a_blank_row_of_two_million_separators_after_a_carriage_return_is_refused_at_once(engine, programme_id):
    # The header ends in a lone CR, then 2,000,000 commas: pandas took that row's extra fields
    # for an index (a warning on stderr, 19 s) and imported the next row as if nothing was wrong.
    data = LONG_INDICATORS.rstrip(b"\n") + b"\r" + b"," * 2_000_000 + b"\nemissions.residential,2021,5,t\n"
    problem = only_problem(refusal(engine, programme_id, "indicators", data, "cr.csv"))
    assert problem.row == 2 and problem.expected.startswith("4 fields, as in the header (this row has at least")


@pytest.mark.parametrize("line", [1, 2, 3])
def test_a_row_of_two_million_separators_is_refused_at_once(engine, programme_id, line):
    rows = [LONG_INDICATORS.rstrip(b"\n"), b"emissions.residential,2020,5,t", b"emissions.residential,2021,6,t"]
    rows[line - 1] += b"," * 2_000_000
    error = refusal(engine, programme_id, "indicators", b"\n".join(rows) + b"\n", "wide.csv")
    # 4 fields and 2,000,000 separators more: 2,000,004 fields.
    if line == 1:
        assert "the first line is longer than 64,000 characters" in str(error)
    elif line == 2:  # the first data row is read apart (pandas would take its extras for an index)
        # Only the first 65,536 bytes are read: 28 of header, then row 2's 30 characters (4 fields)
        # and 65,536 - 28 - 30 = 65,478 commas, so 4 + 65,478 = 65,482 fields at least.
        problem = only_problem(error)
        assert problem.row == 2 and "(this row has at least 65,482)" in problem.expected
    else:
        assert "line 3 has 2000004 fields but the header has 4" in str(error)


def test_a_header_of_5000_columns_is_refused(engine, programme_id):
    data = ",".join(f"c{i}" for i in range(5000)).encode() + b"\n" + b"1," * 4999 + b"1\n"
    error = refusal(engine, programme_id, "indicators", data, "cols.csv")
    assert "cols.csv, line 1: a header of 5,000 columns; expected at most 1,000" in str(error)
    assert "kolommen" in error.in_language("nl")


def test_an_unknown_unit_in_a_file_checked_in_a_second_process_is_a_problem(engine, programme_id, tmp_path):
    """The checker's problems cross a pipe; an unknown unit's used to fail to unpickle (TypeError)."""
    definitions(tmp_path / "definitions.csv")
    assert roadmap(engine, "load", "indicators", tmp_path / "definitions.csv", "--new-indicators").returncode == 0
    big_file(tmp_path / "big.csv", edit={5000: {3: "furlongs"}})
    done = roadmap(engine, "load", "indicators", tmp_path / "big.csv")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "TypeError" not in done.stderr
    assert "big.csv, row 5000, column 'Eenheid': found 'furlongs'" in done.stderr
