"""The shared reader: every CSV dialect analysts send, .xlsx with title and footer rows."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from pipelines.errors import UserError, ValidationFailed
from pipelines.read import match_columns, read_table
from pipelines.vocab import INDICATOR_COLUMNS

from .conftest import DATA


def read(name: str, **kwargs):
    return read_table(DATA / name, name, **kwargs)


def test_semicolon_file_is_sniffed_and_cells_stay_text():
    table = read("ind_semicolon_decimal_comma.csv")
    assert table.detected["separator"] == ";"
    assert table.detected["encoding"] == "utf-8"
    assert table.columns == ["Sector", "Jaar", "Waarde", "Eenheid", "Bron"]
    assert table.frame["Waarde"].tolist() == ["161.920", "151.723", "313", "64.629,5"]
    assert table.line_numbers == [2, 3, 4, 5]


def test_comma_file_with_quoted_thousands_is_sniffed():
    table = read("ind_comma_point.csv")
    assert table.detected["separator"] == ","
    assert table.frame["value"].tolist() == ["161,920.5", "64629", "102,275"]


def test_tab_separated_file_is_sniffed():
    table = read("ind_tab.tsv")
    assert table.detected["separator"] == "\t"
    assert table.frame.iloc[1].tolist() == ["transport", "2020", "60000,5", "t CO2e"]


def test_utf8_bom_is_dropped_from_the_first_header():
    table = read("ind_bom_dutch.csv")
    assert table.detected["encoding"] == "utf-8-sig"
    assert table.columns[0] == "Sector"
    assert table.frame["Eenheid"].tolist() == ["ton CO2-eq", "ton CO2-eq"]


def test_cp1252_file_is_read_when_utf8_fails():
    table = read("ind_cp1252.csv")
    assert table.detected["encoding"] == "cp1252"
    assert table.frame["Sector"].iloc[0] == "Privé en commercieel vervoer"


def test_quoted_cells_with_line_breaks_keep_editor_line_numbers():
    table = read("ind_quoted_linebreaks.csv")
    # Header on line 1; the residential record spans lines 2-4 (two breaks in its source).
    assert table.line_numbers == [2, 5, 6]
    assert table.frame["source"].iloc[0] == "Climate City Contract,\nannex 1\n(2023)"


def test_invisible_characters_are_cleaned_from_headers():
    table = read("ind_invisible_headers.csv")
    assert table.columns == ["Sector", "Jaar", "Waarde", "Eenheid"]


def test_csv_title_blank_and_footer_rows_are_skipped_and_reported():
    table = read("ind_title_footer.csv")
    assert table.columns == ["Sector", "Jaar", "Waarde", "Eenheid"]
    assert table.frame["Sector"].tolist() == ["Huishoudens", "Transport"]
    assert table.line_numbers == [4, 5]
    assert table.detected["title_rows"] == ["Uitstoot Leuven per sector"]
    assert table.detected["footer_rows"] == [
        {"line": 7, "text": "Bron: Climate City Contract Leuven (2023)"}
    ]


def test_xlsx_skips_title_and_footer_rows_and_keeps_excel_row_numbers():
    book = Workbook()
    sheet = book.active
    sheet["A1"] = "Uitstoot Leuven (Climate City Contract)"
    sheet.append([])
    sheet.append(["Sector", 2019, "2020", "Eenheid"])  # row 3: a year typed as a number
    sheet.append(["Huishoudens", 161920, 150000.5, "t CO2e"])
    sheet.append(["Transport", 64629, None, "t CO2e"])
    sheet["A8"] = "Bron: VITO"
    buffer = io.BytesIO()
    book.save(buffer)
    table = read_table(buffer.getvalue(), "inventaris.xlsx")
    assert table.columns == ["Sector", "2019", "2020", "Eenheid"]
    assert table.frame.values.tolist() == [
        ["Huishoudens", "161920", "150000.5", "t CO2e"],
        ["Transport", "64629", "", "t CO2e"],
    ]
    assert table.line_numbers == [4, 5]
    assert table.detected["title_rows"] == ["Uitstoot Leuven (Climate City Contract)"]
    assert table.detected["footer_rows"] == [{"line": 8, "text": "Bron: VITO"}]


def test_utf16_tab_export_from_excel_is_read():
    table = read_table("Sector\tJaar\tWaarde\nAfval\t2019\t47864\n".encode("utf-16"), "unicode.txt")
    assert table.detected["encoding"] == "utf-16"
    assert table.frame.values.tolist() == [["Afval", "2019", "47864"]]


def test_separator_and_encoding_can_be_given():
    table = read("ind_cp1252.csv", encoding="cp1252", separator="semicolon")
    assert table.detected["separator"] == ";"
    with pytest.raises(UserError, match="pass --encoding"):
        read_table("a;b\n1;\xe9\n".encode("cp1252"), "x.csv", encoding="utf-8")


def test_a_row_longer_than_the_header_is_a_clear_error():
    with pytest.raises(ValidationFailed) as caught:
        _ = read_table(b"a;b\n1;2\n3;4;5\n", "x.csv").frame
    (problem,) = caught.value.problems
    assert (problem.row, problem.value) == (3, "5")
    assert problem.expected.startswith("2 fields, as in the header")


def test_a_row_two_fields_longer_names_its_line():
    with pytest.raises(UserError, match="line 3 has 5 fields but the header has 3"):
        _ = read_table(b"a;b;c\n1;2;3\n3;4;5;6;7\n", "x.csv").frame


def test_chunks_stream_the_same_rows_as_the_frame():
    table = read("ind_months.csv")
    chunks = list(table.chunks(rows=2))
    assert [len(c.frame) for c in chunks] == [2, 2]
    assert [int(n) for c in chunks for n in c.line_numbers] == [2, 3, 4, 5]


def test_headers_match_english_and_dutch_aliases_ignoring_case_accents_and_units():
    columns = ["Sector", "Jaar", "Waarde (t CO2e)", "EENHEID", "Bron", "NIS-code", "Gemeente", "Périod"]
    found = match_columns(columns, INDICATOR_COLUMNS)
    assert found == {
        "sector": "Sector", "year": "Jaar", "value": "Waarde (t CO2e)", "unit": "EENHEID",
        "source": "Bron", "area_code": "NIS-code", "area": "Gemeente", "period": "Périod",
    }


def test_empty_files_and_broken_xls_workbooks_are_clear_errors():
    with pytest.raises(UserError, match="is empty"):
        read_table(b"\n\n", "leeg.csv")
    with pytest.raises(UserError, match="not a readable .xls workbook"):
        read_table(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "oud.xls")


def test_an_xls_whose_first_sheet_is_not_a_worksheet_is_a_clear_error_not_a_traceback():
    # Found by `make fuzz` (a flipped byte in Klimaatmonitor's Emmen.xls): the BOUNDSHEET record's
    # type byte says "chart", xlrd lists no worksheet and sheet_by_index(0) raised IndexError.
    import struct

    import xlwt

    book = xlwt.Workbook()
    book.add_sheet("Data").write(0, 0, "indicator")
    out = io.BytesIO()
    book.save(out)
    data = bytearray(out.getvalue())
    boundsheet = data.find(struct.pack("<H", 0x0085))  # record id; then length (2), offset (4), state, type
    assert boundsheet > 0
    data[boundsheet + 9] = 2  # sheet type: chart
    with pytest.raises(UserError) as refused:
        read_table(bytes(data), "damaged.xls")
    assert "damaged.xls: its first sheet cannot be read as a table" in str(refused.value)
    assert "exportez la feuille en CSV" in refused.value.in_language("fr")
