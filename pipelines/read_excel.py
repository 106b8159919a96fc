"""Read the first sheet of an .xlsx (or legacy .xls) workbook into a RawTable of strings (row numbers as in Excel)."""

from __future__ import annotations

import io
import math
from collections.abc import Iterator
from datetime import date, datetime

import numpy as np
import pandas as pd

from pipelines.errors import Bilingual, UserError
from pipelines.raw_table import RawTable, TableChunk, clean_header
from pipelines.read_dialect import MAX_COLUMNS, header_index
from pipelines.read_stream import TrailingRows


def read_xlsx(data: bytes, file_name: str, sha: str) -> RawTable:
    """The first sheet; title rows above the header and footer rows below the data are skipped."""
    rows, numbers, sheet = _sheet_rows(data, file_name)
    return _table(rows, numbers, sheet, file_name, sha, "xlsx")


def read_xls(data: bytes, file_name: str, sha: str) -> RawTable:
    """The first sheet of a legacy BIFF .xls workbook (read with xlrd), like read_xlsx."""
    import xlrd

    try:
        book = xlrd.open_workbook(file_contents=data, on_demand=True)
    except Exception as exc:  # xlrd raises several kinds for a file that is not a workbook
        raise UserError(Bilingual(f"{file_name} is not a readable .xls workbook ({exc})",
                                  f"{file_name} is geen leesbare .xls-werkmap ({exc})",
                                  f"{file_name} n'est pas un classeur .xls lisible ({exc})")) from None
    try:
        sheet = book.sheet_by_index(0)
        rows, numbers = [], []
        for index in range(sheet.nrows):
            cells = [_xls_cell(cell, book.datemode) for cell in sheet.row(index)]
            if any(c.strip() for c in cells):
                rows.append(cells)
                numbers.append(index + 1)
        return _table(rows, numbers, sheet.name, file_name, sha, "xls")
    finally:
        book.release_resources()


def _xls_cell(cell, datemode: int) -> str:
    import xlrd

    if cell.ctype == xlrd.XL_CELL_DATE:
        return cell_text(xlrd.xldate.xldate_as_datetime(cell.value, datemode))
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ""
    if cell.ctype == xlrd.XL_CELL_BOOLEAN:
        return cell_text(bool(cell.value))
    return cell_text(cell.value)


def _table(rows: list[list[str]], numbers: list[int], sheet: str, file_name: str, sha: str, fmt: str) -> RawTable:
    if not rows:
        raise UserError(Bilingual(f"{file_name}: the first sheet ({sheet}) is empty",
                                  f"{file_name}: het eerste werkblad ({sheet}) is leeg",
                                  f"{file_name} : la première feuille ({sheet}) est vide"))
    index = header_index(rows[:50])
    width = max(len(r) for r in rows)
    header = clean_header(_pad(rows[index], width))
    titles = [" ".join(c for c in r if c.strip()) for r in rows[:index]]
    detected = {
        "format": fmt, "sheet": sheet, "title_rows": [t for t in titles if t],
        "header_line": numbers[index], "decimal_hint": ".",
    }
    body = [_pad(r, width) for r in rows[index + 1 :]]
    frame = pd.DataFrame(body, columns=header, dtype=object) if body else pd.DataFrame(
        {c: pd.Series([], dtype=object) for c in header}
    )
    lines = np.asarray(numbers[index + 1 :], dtype=np.int64)

    def chunker(size: int) -> Iterator[TableChunk]:
        trimmer = TrailingRows(len(header), detected)
        for start in range(0, max(len(frame), 1), size):
            part = frame.iloc[start : start + size].reset_index(drop=True)
            yield from trimmer.feed(part, lines[start : start + size])
        yield from trimmer.finish()

    table = RawTable(file_name, sha, header, detected, chunker)
    _ = table.frame  # small by nature: materialise once so footers are reported right away
    return table


def _sheet_rows(data: bytes, file_name: str) -> tuple[list[list[str]], list[int], str]:
    # openpyxl, pure Python, in read-only mode: python-calamine reads three times faster but
    # takes the whole process down (a Rust allocation abort, not an exception) on a workbook
    # with one cell far out (XFD1048576), which a fuzzed or hostile upload can hold.
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise UserError(Bilingual(f"{file_name} is not a readable .xlsx workbook ({exc})",
                                  f"{file_name} is geen leesbare .xlsx-werkmap ({exc})",
                                  f"{file_name} n'est pas un classeur .xlsx lisible ({exc})")) from None
    try:
        sheet = book.worksheets[0]
        # The <dimension> a workbook declares may be smaller than its data (some writers never
        # update it) or absurdly large (A1:XFD1048576): read the rows that are really there.
        sheet.reset_dimensions()
        rows, numbers = [], []
        number = 0
        try:
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                if len(values) > MAX_COLUMNS:
                    raise UserError(_too_wide(file_name, number, len(values)))
                # Text and whole numbers, most cells, without cell_text's checks.
                cells = [v if type(v) is str else str(v) if type(v) is int else cell_text(v) for v in values]
                if any(c.strip() for c in cells):
                    rows.append(cells)
                    numbers.append(number)
        except UserError:
            raise
        except Exception as exc:  # noqa: BLE001  (a damaged sheet: its XML, a cell openpyxl cannot read)
            raise UserError(Bilingual(
                f"{file_name} is damaged: the first sheet cannot be read after row {number} ({exc}); "
                "open it in Excel and save it again, or save it as CSV",
                f"{file_name} is beschadigd: het eerste werkblad is niet te lezen na rij {number} ({exc}); "
                "open het in Excel en bewaar het opnieuw, of bewaar het als CSV",
                f"{file_name} est endommagé : la première feuille ne peut pas être lue après la ligne {number} ({exc}) ; "
                "ouvrez-le dans Excel et enregistrez-le à nouveau, ou enregistrez-le en CSV")) from None
        return rows, numbers, sheet.title
    finally:
        book.close()


def _too_wide(file_name: str, row: int, width: int) -> Bilingual:
    return Bilingual(f"{file_name}, row {row}: {width} columns; expected at most {MAX_COLUMNS}",
                     f"{file_name}, rij {row}: {width} kolommen; verwacht hoogstens {MAX_COLUMNS}",
                     f"{file_name}, ligne {row} : {width} colonnes ; au plus {MAX_COLUMNS} attendues")


def _pad(row: list[str], width: int) -> list[str]:
    return row + [""] * (width - len(row))


def cell_text(value) -> str:
    """An Excel cell as text: numbers with '.' as decimal mark, dates as ISO, empty as ''."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        text = repr(value)
        return f"{value:.15f}".rstrip("0") if "e" in text else text
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
