"""Read an analyst's file (CSV in any common dialect, or .xlsx) into a table of strings.

Every loader starts here. Cells are returned as the file's text (``str``; an empty cell is
``""``, never None or NaN); header names are cleaned of BOMs, invisible characters and
surrounding whitespace. Each row keeps the line number the analyst sees in a text editor or
Excel, so problems can point at it. Big CSV files are streamed in chunks (``RawTable.chunks``);
``RawTable.frame`` materialises the whole table for the small files most imports are.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import numpy as np
import pandas as pd

from pipelines.errors import Bilingual, UserError
from pipelines.read_dialect import (
    SAMPLE_CHARS,
    detect_encoding,
    header_index,
    sniff_dialect,
)

CHUNK_ROWS = 50_000
# Characters that sneak into headers and labels copied from web pages and Excel.
INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060\u00ad"
_SPACES = re.compile(r"[\s\u00a0\u2007\u202f\u2009]+")


def clean_text(text: str) -> str:
    """A label without BOM/zero-width characters, with single spaces, stripped."""
    text = text.translate({ord(c): None for c in INVISIBLE})
    return _SPACES.sub(" ", text).strip()


def fold(text: str) -> str:
    """A label for matching: cleaned, lower case, accents removed (é → e)."""
    decomposed = unicodedata.normalize("NFKD", clean_text(text).casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class TableChunk:
    """A slice of a table: a frame of strings and each row's line number in the file."""

    frame: pd.DataFrame
    line_numbers: np.ndarray  # int64, 1-based, as the analyst sees the file


@dataclass(eq=False)
class RawTable:
    """A file read as strings; ``frame`` and ``line_numbers`` are built on first use."""

    file_name: str
    sha256: str
    columns: list[str]
    detected: dict
    _chunker: Callable[[int], Iterator[TableChunk]] = field(repr=False)

    def chunks(self, rows: int = CHUNK_ROWS) -> Iterator[TableChunk]:
        """The table in slices of at most `rows` rows, streamed from the file."""
        if "frame" in self.__dict__:  # already materialised: slice it
            lines = np.asarray(self.line_numbers, dtype=np.int64)
            for start in range(0, len(self.frame), rows):
                part = self.frame.iloc[start : start + rows].reset_index(drop=True)
                yield TableChunk(part, lines[start : start + rows])
            return
        yield from self._chunker(rows)

    @cached_property
    def _whole(self) -> TableChunk:
        parts = list(self._chunker(CHUNK_ROWS))
        if not parts:
            empty = pd.DataFrame({c: pd.Series([], dtype=object) for c in self.columns})
            return TableChunk(empty, np.zeros(0, dtype=np.int64))
        frame = pd.concat([p.frame for p in parts], ignore_index=True)
        return TableChunk(frame, np.concatenate([p.line_numbers for p in parts]))

    @cached_property
    def frame(self) -> pd.DataFrame:
        """The whole table: one column per header, every cell a str ('' when empty)."""
        return self._whole.frame

    @cached_property
    def line_numbers(self) -> list[int]:
        """1-based line (CSV) or row (Excel) number of each frame row."""
        return self._whole.line_numbers.tolist()

    @classmethod
    def from_frame(
        cls, file_name: str, frame: pd.DataFrame, line_numbers: list[int] | None = None,
        detected: dict | None = None,
    ) -> RawTable:
        """A table from a frame already in memory (tests, the upload page's edited preview)."""
        frame = frame.astype(object).fillna("").astype(str).reset_index(drop=True)
        lines = line_numbers if line_numbers is not None else list(range(2, len(frame) + 2))
        digest = hashlib.sha256(frame.to_csv(index=False).encode()).hexdigest()
        table = cls(file_name, digest, list(frame.columns), dict(detected or {}), lambda _n: iter(()))
        table.__dict__["frame"] = frame
        table.__dict__["line_numbers"] = list(lines)
        return table


def read_table(
    source: Path | bytes,
    file_name: str,
    *,
    encoding: str | None = None,
    separator: str | None = None,
) -> RawTable:
    """Read a CSV (',' ';' or tab, any common encoding), .xlsx or legacy .xls file into a RawTable.

    Title rows above the header and footer rows below the data are skipped and reported in
    ``detected``; blank rows are ignored. Raises UserError when the file cannot be read.
    """
    data = source if isinstance(source, bytes) else _read_bytes(Path(source))
    sha = hashlib.sha256(data).hexdigest()
    if is_workbook(data, file_name):
        from pipelines.read_excel import read_xlsx

        return read_xlsx(data, file_name, sha)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":  # the old binary Excel format
        from pipelines.read_excel import read_xls

        return read_xls(data, file_name, sha)
    if data.isspace() or not data:  # (strip() would copy a big file to find out)
        raise UserError(Bilingual(f"{file_name} is empty", f"{file_name} is leeg"))
    return _read_csv(data, file_name, sha, encoding, separator)


def is_workbook(data: bytes, file_name: str) -> bool:
    """Whether the bytes are read as an .xlsx workbook (whole, in memory) rather than streamed."""
    return data[:4] == b"PK\x03\x04" or file_name.lower().endswith((".xlsx", ".xlsm"))


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror}") from None


def _read_csv(data: bytes, file_name: str, sha: str, encoding: str | None, separator: str | None) -> RawTable:
    enc = encoding or detect_encoding(data)
    try:
        head = data[: 4 * SAMPLE_CHARS].decode(enc, errors="ignore" if len(data) > 4 * SAMPLE_CHARS else "strict")
    except (UnicodeDecodeError, LookupError) as exc:
        raise UserError(Bilingual(f"{file_name} cannot be read as {enc}: {exc}; pass --encoding",
                                  f"{file_name} is niet te lezen als {enc}: bewaar het als UTF-8")) from None
    dialect = sniff_dialect(head.removeprefix("\ufeff"), separator, file_name)
    detected = {
        "format": "csv", "encoding": enc, "separator": dialect.separator, "size_bytes": len(data),
        "title_rows": dialect.title_rows, "header_line": dialect.header_line,
    }
    columns = clean_header(dialect.header)

    def chunker(rows: int) -> Iterator[TableChunk]:
        from pipelines.read_stream import csv_chunks

        yield from csv_chunks(data, enc, dialect, columns, rows, file_name, detected)

    return RawTable(file_name, sha, columns, detected, chunker)


MAX_HEADER_CHARS = 500  # of a column name; matching names to aliases slows with their length


def clean_header(names: list[str]) -> list[str]:
    """Header names cleaned; empty ones become 'column N', repeated ones get ' (2)', overlong
    ones end in '…' after MAX_HEADER_CHARS characters."""
    out: list[str] = []
    for i, name in enumerate(names, start=1):
        cleaned = clean_text(str(name)[: MAX_HEADER_CHARS * 2]) or f"column {i}"
        if len(cleaned) > MAX_HEADER_CHARS:
            cleaned = cleaned[:MAX_HEADER_CHARS] + "…"
        base, n = cleaned, 2
        while cleaned in out:
            cleaned, n = f"{base} ({n})", n + 1
        out.append(cleaned)
    return out


def match_columns(frame_columns, aliases: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Canonical name → actual column, for the columns whose header is a known alias.

    Matching ignores case, accents, invisible characters, spaces, '_' , '-' and a trailing unit
    in parentheses ('Waarde (t CO2e)' matches 'waarde'). The first column that matches wins.
    """
    keyed = {_alias_key(c): c for c in reversed(list(frame_columns))}
    found: dict[str, str] = {}
    for canonical, names in aliases.items():
        for name in (canonical, *names):
            actual = keyed.get(_alias_key(name))
            if actual is not None and actual not in found.values():
                found[canonical] = actual
                break
    return found


def _alias_key(name: str) -> str:
    key = re.sub(r"\s*[\(\[].*?[\)\]]\s*$", "", fold(str(name)))
    return re.sub(r"[\s_\-.:/]+", "", key)


__all__ = [
    "RawTable", "TableChunk", "clean_header", "clean_text", "fold", "header_index", "is_workbook",
    "match_columns", "read_table",
]
