"""Detect how a text file is written: encoding, separator, and where the header row is."""

from __future__ import annotations

import codecs
import csv
import io
import math
from collections import Counter
from dataclasses import dataclass

from pipelines.errors import Bilingual, UserError, number_text

SEPARATORS = (";", "\t", ",", "|")  # in order of preference when the evidence ties
SEPARATOR_NAMES = {"tab": "\t", "\\t": "\t", "semicolon": ";", "comma": ",", "pipe": "|"}
SAMPLE_CHARS = 64_000
SAMPLE_ROWS = 50
# No table the loaders read has more columns; pandas would build a frame of every one (a row of
# two million separators: 36 s and 2.7 GB) before any check could look at it.
MAX_COLUMNS = 1_000


@dataclass(frozen=True)
class Dialect:
    separator: str
    header: list[str]
    header_line: int  # 1-based physical line of the header
    title_rows: list[str]  # text of the non-empty rows above the header


def detect_encoding(data: bytes) -> str:
    """'utf-8-sig' (BOM), 'utf-16' (BOM), 'utf-8' when every byte decodes, else 'cp1252'."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if data.isascii():  # the common case, checked ten times faster than decoding
        return "utf-8"
    decoder = codecs.getincrementaldecoder("utf-8")()
    view = memoryview(data)
    block = 1 << 20  # decode in blocks: no second full copy of a big file in memory
    try:
        for start in range(0, len(data), block):
            decoder.decode(view[start : start + block], final=start + block >= len(data))
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        data.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:  # bytes cp1252 leaves undefined: latin-1 reads anything
        return "latin-1"


def normalise_separator(separator: str) -> str:
    sep = SEPARATOR_NAMES.get(separator.lower(), separator)
    if len(sep) != 1:
        raise UserError(Bilingual(f"--separator must be one character (or 'tab'), not {separator!r}",
                                  f"--separator moet één teken zijn (of 'tab'), niet {separator!r}",
                                  f"--separator doit être un seul caractère (ou 'tab'), et non {separator!r}"))
    return sep


def sniff_dialect(text: str, separator: str | None, file_name: str) -> Dialect:
    """The separator (given or sniffed from the first rows) and the header row."""
    sample = text[:SAMPLE_CHARS]
    if len(text) > SAMPLE_CHARS:
        if "\n" not in sample and "\r" not in sample:
            most = number_text(SAMPLE_CHARS, ",")
            raise UserError(Bilingual(
                f"{file_name}: the first line is longer than {most} characters; expected a header "
                "of column names",
                f"{file_name}: de eerste regel is langer dan {most.nl} tekens; verwacht een kopregel "
                "met kolomnamen",
                f"{file_name} : la première ligne dépasse {most.fr} caractères ; une ligne d'en-tête "
                "avec les noms des colonnes est attendue"))
        sample = sample[: max(sample.rfind("\n"), sample.rfind("\r")) + 1]
    sep = normalise_separator(separator) if separator is not None else _sniff_separator(sample)
    rows, starts = _parse_sample(sample, sep)
    filled = [r for r in rows if any(c.strip() for c in r)]
    if not filled:
        raise UserError(Bilingual(f"{file_name} has no rows", f"{file_name} heeft geen rijen",
                                  f"{file_name} n'a pas de lignes"))
    index = header_index(rows)
    if len(rows[index]) > MAX_COLUMNS:
        found, most = number_text(len(rows[index]), ","), number_text(MAX_COLUMNS, ",")
        raise UserError(Bilingual(
            f"{file_name}, line {starts[index]}: a header of {found} columns; expected at most {most}",
            f"{file_name}, regel {starts[index]}: een kopregel van {found.nl} kolommen; verwacht hoogstens {most.nl}",
            f"{file_name}, ligne {starts[index]} : une ligne d'en-tête de {found.fr} colonnes ; au plus "
            f"{most.fr} attendues"))
    titles = [" ".join(c.strip() for c in r if c.strip()) for r in rows[:index]]
    return Dialect(sep, rows[index], starts[index], [t for t in titles if t])


def _sniff_separator(sample: str) -> str:
    best, best_score = SEPARATORS[0], (-1.0, 0)
    for sep in SEPARATORS:
        rows, _ = _parse_sample(sample, sep)
        counts = [len(r) for r in rows if any(c.strip() for c in r)]
        if not counts:
            continue
        width, freq = Counter(counts).most_common(1)[0]
        if width < 2:
            continue
        score = (freq / len(counts), width)
        if score > best_score:
            best, best_score = sep, score
    return best


def _parse_sample(sample: str, sep: str) -> tuple[list[list[str]], list[int]]:
    """The first rows and the physical line each starts on (quoted cells may span lines)."""
    reader = csv.reader(io.StringIO(sample), delimiter=sep, quotechar='"', doublequote=True)
    rows, starts, previous = [], [], 0
    try:
        for row in reader:
            rows.append(row)
            starts.append(previous + 1)
            previous = reader.line_num
            if len(rows) >= SAMPLE_ROWS:
                break
    except csv.Error:  # an unterminated quote at the sample's cut: the rows so far suffice
        pass
    return rows, starts


def header_index(rows: list[list[str]]) -> int:
    """Index of the header: the first row filled about as widely as the table (titles are not)."""
    widths = [sum(1 for c in r if str(c).strip()) for r in rows]
    nonzero = [w for w in widths if w]
    if not nonzero:
        return 0
    widest = max(nonzero)  # the header is about as wide as the table; titles are narrow
    need = min(widest, max(2, math.ceil(widest / 2)))
    for i, w in enumerate(widths):
        if w >= need:
            return i
    return next(i for i, w in enumerate(widths) if w)
