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
import threading
from collections.abc import Iterator, Mapping
from pathlib import Path

from pipelines.errors import Bilingual, UserError
from pipelines.raw_table import (  # re-exported: every loader takes them from here
    CHUNK_ROWS,
    INVISIBLE,
    MAX_HEADER_CHARS,
    RawTable,
    TableChunk,
    clean_header,
    clean_text,
    fold,
)
from pipelines.read_dialect import (
    SAMPLE_CHARS,
    detect_encoding,
    header_index,
    sniff_dialect,
)


class FileRead:
    """A file's bytes and their SHA-256, read in a thread from the moment a command knows the
    file: reading and hashing leave the interpreter lock free, so the imports and set-up done
    meanwhile cost no time (about 0.1 s of a big file's load)."""

    def __init__(self, path: Path):
        self.path = path
        self._out: tuple[bytes, str] | BaseException | None = None
        self._thread = threading.Thread(target=self._read, name="file-read", daemon=True)
        self._thread.start()

    def _read(self) -> None:
        try:
            data = _read_bytes(self.path)
            self._out = (data, hashlib.sha256(data).hexdigest())
        except BaseException as exc:  # noqa: BLE001  (raised where the result is asked for)
            self._out = exc

    def result(self) -> tuple[bytes, str]:
        """(bytes, SHA-256); the reading error (a UserError) if there was one."""
        self._thread.join()  # ended before the result is used: a loader may fork only without threads
        if isinstance(self._out, BaseException):
            raise self._out
        assert self._out is not None
        return self._out


def read_table(
    source: Path | bytes | FileRead,
    file_name: str,
    *,
    encoding: str | None = None,
    separator: str | None = None,
) -> RawTable:
    """Read a CSV (',' ';' or tab, any common encoding), .xlsx or legacy .xls file into a RawTable.

    Title rows above the header and footer rows below the data are skipped and reported in
    ``detected``; blank rows are ignored. Raises UserError when the file cannot be read.
    """
    if isinstance(source, FileRead):
        data, sha = source.result()
    else:
        data = source if isinstance(source, bytes) else _read_bytes(Path(source))
        sha = hashlib.sha256(data).hexdigest()
    if is_workbook(data, file_name):
        from pipelines.read_excel import read_xlsx

        return read_xlsx(data, file_name, sha)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":  # the old binary Excel format
        from pipelines.read_excel import read_xls

        return read_xls(data, file_name, sha)
    if data.isspace() or not data:  # (strip() would copy a big file to find out)
        raise UserError(Bilingual(f"{file_name} is empty", f"{file_name} is leeg", f"{file_name} est vide"))
    return _read_csv(data, file_name, sha, encoding, separator)


def is_workbook(data: bytes, file_name: str) -> bool:
    """Whether the bytes are read as an .xlsx workbook (whole, in memory) rather than streamed."""
    return data[:4] == b"PK\x03\x04" or file_name.lower().endswith((".xlsx", ".xlsm"))


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        # The system's reason (e.g. 'Permission denied') comes in the system's words.
        raise UserError(Bilingual(f"cannot read {path}: {exc.strerror}",
                                  f"kan {path} niet lezen: {exc.strerror}",
                                  f"impossible de lire {path} : {exc.strerror}")) from None


def _read_csv(data: bytes, file_name: str, sha: str, encoding: str | None, separator: str | None) -> RawTable:
    enc = encoding or detect_encoding(data)
    try:
        head = data[: 4 * SAMPLE_CHARS].decode(enc, errors="ignore" if len(data) > 4 * SAMPLE_CHARS else "strict")
    except (UnicodeDecodeError, LookupError) as exc:
        raise UserError(Bilingual(f"{file_name} cannot be read as {enc}: {exc}; pass --encoding",
                                  f"{file_name} is niet te lezen als {enc} ({exc}): bewaar het als UTF-8",
                                  f"{file_name} ne peut pas être lu en {enc} ({exc}) : enregistrez-le en UTF-8")) from None
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


def match_columns(frame_columns, aliases: Mapping[str, tuple[str, ...]]) -> dict[str, str]:
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
    "CHUNK_ROWS", "INVISIBLE", "MAX_HEADER_CHARS", "RawTable", "TableChunk", "clean_header", "clean_text", "fold", "header_index", "is_workbook",
    "match_columns", "read_table", "FileRead",
]
