"""Streaming a CSV file in chunks with exact line numbers, and reading ahead in a thread."""

from __future__ import annotations

import csv
import io
import queue
import re
import threading
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
import pandas as pd

from pipelines.errors import Bilingual, Problem, UserError, ValidationFailed, number_text
from pipelines.raw_table import TableChunk, clean_text
from pipelines.read_dialect import Dialect

T = TypeVar("T")


def csv_chunks(
    data: bytes, enc: str, dialect: Dialect, columns: list[str], rows: int, file_name: str,
    detected: dict,
) -> Iterator[TableChunk]:
    # Decoding chunk by chunk keeps a big file in memory once, as bytes. One column more than
    # the header catches rows with an extra field: given exactly `names`, pandas would cut the
    # extra field off with only a warning (`1,5` stored as 1). Rows with two or more extra
    # fields make its tokenizer raise instead (reported by _parser_message).
    names = [*columns, OVERFLOW]
    _refuse_wide_first_row(data, enc, dialect, len(columns), file_name)
    has_quotes = b'"' in data
    next_line = dialect.header_line + 1
    trimmer = TrailingRows(len(columns), detected)
    try:
        reader = pd.read_csv(
            io.BytesIO(data), encoding=enc, encoding_errors="strict", sep=dialect.separator, header=None,
            names=names, skiprows=dialect.header_line, dtype=object, na_filter=False,
            keep_default_na=False, skip_blank_lines=False, index_col=False, chunksize=rows,
            quotechar='"', doublequote=True, engine="c",
        )
        for frame in reader:
            spans = _line_spans(frame) if has_quotes else np.ones(len(frame), dtype=np.int64)
            ends = next_line - 1 + np.cumsum(spans)
            lines = ends - spans + 1
            next_line = int(ends[-1]) + 1 if len(ends) else next_line
            _refuse_extra_fields(frame, lines, len(columns), dialect.separator, file_name)
            yield from trimmer.feed(frame.drop(columns=OVERFLOW), lines)
    except pd.errors.ParserError as exc:
        raise UserError(Bilingual(f"{file_name}: ", f"{file_name}: ", f"{file_name} : ")
                        + _parser_message(exc, len(columns), dialect.separator, dialect.header_line)) from None
    except UnicodeDecodeError as exc:
        raise UserError(Bilingual(f"{file_name} cannot be read as {enc} ({exc.reason}); pass --encoding",
                                  f"{file_name} is niet te lezen als {enc} ({exc.reason}): bewaar het als UTF-8",
                                  f"{file_name} ne peut pas être lu en {enc} ({exc.reason}) : enregistrez-le en UTF-8")) from None
    yield from trimmer.finish()


def _line_spans(frame: pd.DataFrame) -> np.ndarray:
    """How many physical lines each row takes (quoted cells may hold line breaks)."""
    spans = np.ones(len(frame), dtype=np.int64)
    for col in frame.columns:
        values = frame[col].to_numpy()
        if any("\n" in v for v in values):
            spans += np.fromiter((v.count("\n") for v in values), dtype=np.int64, count=len(values))
    return spans


OVERFLOW = "\x00overflow"  # the extra column that catches a field beyond the header
MAX_LISTED = 20  # rows with extra fields named one by one; the rest are counted


def _refuse_extra_fields(frame: pd.DataFrame, lines: np.ndarray, width: int, separator: str,
                         file_name: str) -> None:
    """Rows with more fields than the header are refused, never cut to fit."""
    extra = np.flatnonzero(frame[OVERFLOW].to_numpy(dtype=object) != "")
    if not len(extra):
        return
    hint = _extra_field_hint(separator)
    problems = [
        Problem(file_name, int(lines[i]), None, str(frame[OVERFLOW].iloc[i]),
                Bilingual(f"{width} fields, as in the header (this row has more){hint.en}",
                          f"{width} velden, zoals de kopregel (deze rij heeft er meer){hint.nl}",
                          f"{width} champs, comme la ligne d'en-tête (cette ligne en a plus){hint.fr}"))
        for i in extra[:MAX_LISTED]
    ]
    if len(extra) > MAX_LISTED:
        problems.append(Problem(file_name, None, None, None, Bilingual(
            f"every row to have {width} fields: {len(extra) - MAX_LISTED} more rows have more fields",
            f"dat elke rij {width} velden heeft: nog {len(extra) - MAX_LISTED} rijen hebben er meer",
            f"que chaque ligne ait {width} champs : {len(extra) - MAX_LISTED} autres lignes en ont plus")))
    raise ValidationFailed(problems)


def _refuse_wide_first_row(data: bytes, enc: str, dialect: Dialect, width: int, file_name: str) -> None:
    """The one row pandas would still cut without an error: the first data row, when it has two
    or more fields beyond the header (its tokenizer then takes the extra ones for an index)."""
    head = data[: 1 << 16].decode(enc, errors="ignore").removeprefix("\ufeff")
    # newline="": a lone carriage return ends a line here as it does for pandas' tokenizer.
    rows = csv.reader(io.StringIO(head, newline=""), delimiter=dialect.separator, quotechar='"', doublequote=True)
    line = 0
    try:
        for line, row in enumerate(rows, start=1):
            # A blank row of many separators before the first data row counts too: pandas would
            # take it as the first row, and its fields beyond the header as an index.
            if line > dialect.header_line and (len(row) > width + 1 or any(cell.strip() for cell in row)):
                break
        else:
            return
    except csv.Error:  # a stray quote: pandas' tokenizer judges the file
        return
    if len(row) > width + 1:
        hint = _extra_field_hint(dialect.separator)
        # Only the first 64 KB were read: a longer row has at least the fields counted.
        least = Bilingual("at least ", "minstens ",
                          "au moins ") if rows.line_num >= line and not head.endswith(("\n", "\r")) and \
            len(head) >= (1 << 16) - 4 else Bilingual("", "", "")
        found = number_text(len(row), ",")
        raise ValidationFailed([Problem(
            file_name, line, None, dialect.separator.join(row[width:])[:100],
            Bilingual(f"{width} fields, as in the header (this row has {least}{found}){hint.en}",
                      f"{width} velden, zoals de kopregel (deze rij heeft er {least.nl}{found.nl}){hint.nl}",
                      f"{width} champs, comme la ligne d'en-tête (cette ligne en a {least.fr}{found.fr}){hint.fr}"))])


@dataclass(frozen=True)
class _Hint:
    en: str
    nl: str
    fr: str


def _extra_field_hint(separator: str) -> _Hint:
    if separator == ",":
        return _Hint("; a decimal comma in a comma-separated file splits a number in two: put the "
                     "number in quotes (\"1,5\") or save the file with ';' as separator",
                     "; een decimale komma in een bestand met komma's als scheidingsteken splitst "
                     "een getal in tweeën: zet het getal tussen aanhalingstekens (\"1,5\") of "
                     "bewaar het bestand met ';' als scheidingsteken",
                     " ; une virgule décimale dans un fichier séparé par des virgules coupe un nombre "
                     "en deux : mettez le nombre entre guillemets (\"1,5\") ou enregistrez le fichier "
                     "avec « ; » comme séparateur")
    return _Hint("; put a value that holds the separator in quotes",
                 "; zet een waarde die het scheidingsteken bevat tussen aanhalingstekens",
                 " ; mettez entre guillemets une valeur qui contient le séparateur")


def _parser_message(exc: Exception, width: int, separator: str, header_line: int = 1) -> Bilingual:
    unclosed = re.search(r"EOF inside string starting at row (\d+)", str(exc))
    if unclosed:  # pandas counts rows after the header from 0, plus the overflow column's shift
        line = header_line + int(unclosed.group(1))
        return Bilingual(f"line {line} (or one after it) opens a quote (\") that is never closed; expected "
                         "every quoted cell to end with a quote",
                         f"regel {line} (of een regel erna) opent een aanhalingsteken (\") dat nooit gesloten "
                         "wordt; verwacht dat elke cel tussen aanhalingstekens eindigt met een aanhalingsteken",
                         f"la ligne {line} (ou une ligne suivante) ouvre un guillemet (\") qui n'est jamais fermé ; "
                         "chaque cellule entre guillemets doit se terminer par un guillemet")
    found = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(exc))
    if found:
        _, at, saw = found.groups()  # pandas counts the overflow column: the header has `width`
        hint = _extra_field_hint(separator)
        return Bilingual(f"line {at} has {saw} fields but the header has {width}{hint.en}",
                         f"regel {at} heeft {saw} velden, maar de kopregel heeft er {width}{hint.nl}",
                         f"la ligne {at} a {saw} champs, mais la ligne d'en-tête en a {width}{hint.fr}")
    return Bilingual(f"cannot parse the file ({exc})", f"het bestand is niet te ontleden ({exc})",
                     f"le fichier ne peut pas être analysé ({exc})")


class TrailingRows:
    """Drops blank rows, and holds back trailing one-cell rows: footers if nothing follows."""

    def __init__(self, width: int, detected: dict):
        self.width = width
        self.detected = detected
        self.pending: TableChunk | None = None
        detected.setdefault("blank_rows", 0)
        detected.setdefault("footer_rows", [])

    def feed(self, frame: pd.DataFrame, lines: np.ndarray) -> Iterator[TableChunk]:
        filled = _filled_cells(frame)
        keep = filled > 0
        if not keep.all():
            self.detected["blank_rows"] += int((~keep).sum())
            frame, lines, filled = frame[keep].reset_index(drop=True), lines[keep], filled[keep]
        data_rows = np.flatnonzero(filled >= 2) if self.width >= 3 else np.arange(len(frame))
        cut = int(data_rows[-1]) + 1 if len(data_rows) else 0
        if cut:
            if self.pending is not None:  # one-cell rows followed by data: not footers
                yield self.pending
                self.pending = None
            yield TableChunk(frame.iloc[:cut].reset_index(drop=True), lines[:cut])
        if cut < len(frame):
            tail = TableChunk(frame.iloc[cut:].reset_index(drop=True), lines[cut:])
            self.pending = tail if self.pending is None else _concat(self.pending, tail)

    def finish(self) -> Iterator[TableChunk]:
        """Trailing rows with one filled cell in the first column are footers (notes, sources)."""
        if self.pending is None:
            return
        tail, first = self.pending, self.pending.frame.columns[0]
        is_footer = (tail.frame[first] != "").to_numpy()
        # Footers are only the one-cell rows after the last row that is not one.
        not_footer = np.flatnonzero(~is_footer)
        start = int(not_footer[-1]) + 1 if len(not_footer) else 0
        if start:
            yield TableChunk(tail.frame.iloc[:start].reset_index(drop=True), tail.line_numbers[:start])
        for i in range(start, len(tail.frame)):
            note = clean_text(str(tail.frame[first].iloc[i]))
            self.detected["footer_rows"].append({"line": int(tail.line_numbers[i]), "text": note})


def _filled_cells(frame: pd.DataFrame) -> np.ndarray:
    """Non-empty cells per row, counted up to 2 (all a data row needs), cheaply."""
    filled = np.zeros(len(frame), dtype=np.int64)
    open_rows = np.arange(len(frame))
    for col in frame.columns:
        if not len(open_rows):
            break
        values = frame[col].to_numpy(dtype=object)[open_rows]
        filled[open_rows] += values != ""
        open_rows = open_rows[filled[open_rows] < 2]
    return filled


def _concat(a: TableChunk, b: TableChunk) -> TableChunk:
    frame = pd.concat([a.frame, b.frame], ignore_index=True)
    return TableChunk(frame, np.concatenate([a.line_numbers, b.line_numbers]))


def read_ahead(chunks: Iterator[T], depth: int = 2) -> Generator[T, None, None]:
    """The same items, taken by a thread ahead of the caller (pandas' parser releases the GIL,
    and so does waiting on a pipe, so the taking overlaps with the caller's work). Errors
    surface where the item would have. Closing the iterator stops and joins the thread."""
    box: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()
    done = object()

    def hand_over(item) -> None:
        while not stop.is_set():  # the consumer may have left: never block for good
            try:
                box.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def produce() -> None:
        try:
            for chunk in chunks:
                hand_over(chunk)
                if stop.is_set():
                    return
            hand_over(done)
        except BaseException as exc:  # handed to the consumer, raised there
            hand_over(exc)

    thread = threading.Thread(target=produce, name="read-ahead", daemon=True)
    thread.start()
    try:
        while (item := box.get()) is not done:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        thread.join()
