"""A file read as strings: the table every loader starts from, and how its texts are cleaned.

Kept apart from the readers (`read`, `read_stream`, `read_excel`) so that each of them can build
one without importing another.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import pandas as pd

from pipelines.column_names import blank_header_name

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


MAX_HEADER_CHARS = 500  # of a column name; matching names to aliases slows with their length


def clean_header(names: list[str]) -> list[str]:
    """Header names cleaned; empty ones become 'column N', repeated ones get ' (2)', overlong
    ones end in '…' after MAX_HEADER_CHARS characters."""
    out: list[str] = []
    for i, name in enumerate(names, start=1):
        cleaned = clean_text(str(name)[: MAX_HEADER_CHARS * 2]) or blank_header_name(i)
        if len(cleaned) > MAX_HEADER_CHARS:
            cleaned = cleaned[:MAX_HEADER_CHARS] + "…"
        base, n = cleaned, 2
        while cleaned in out:
            cleaned, n = f"{base} ({n})", n + 1
        out.append(cleaned)
    return out
