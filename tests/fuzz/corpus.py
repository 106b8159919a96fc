"""Seed files (templates, demo, ../shared/realdata) and the mutations that turn them into fuzz cases."""

from __future__ import annotations

import io
import os
import random
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# The real exports live beside the clone (never in it); REALDATA_DIR points elsewhere (a worktree).
REALDATA = Path(os.environ.get("REALDATA_DIR") or REPO / ".." / "shared" / "realdata")
SEED_BYTES = 200_000  # a seed's first bytes: a real export of 450 KB makes slow cases, not new ones
FIXED_TIME = datetime(2026, 1, 1)
SEED_ROWS = 2_000  # of a big workbook (openpyxl reads ~100,000 cells a second: the JRC file takes 8 s)


@dataclass(frozen=True)
class Seed:
    name: str
    kind: str  # the import kind it was written for (a guess for real exports: indicators)
    data: bytes


@dataclass(frozen=True)
class Case:
    name: str  # what made it: seed and mutations, to rerun a failure by hand
    kind: str
    file_name: str
    data: bytes


def _kind_of(name: str) -> str:
    for kind in ("partners", "commitments"):
        if kind in name:
            return kind
    return "indicators"


def seeds(realdata: Path = REALDATA) -> tuple[list[Seed], str | None]:
    """Every seed file, and why the real exports are missing when they are (else None)."""
    paths = sorted((REPO / "data" / "templates").glob("*.csv")) + sorted((REPO / "data" / "demo").glob("*.csv"))
    reason = None
    if realdata.is_dir():
        paths += sorted(p for p in realdata.rglob("*") if p.suffix.lower() in (".csv", ".xlsx", ".xls"))
    else:
        reason = f"{realdata.resolve()} is absent: fuzzing without the real exports as seeds"
    found = []
    for path in paths:
        data = path.read_bytes()
        if path.suffix.lower() == ".csv" and len(data) > SEED_BYTES:
            data = data[: data.rfind(b"\n", 0, SEED_BYTES) + 1]
        elif path.suffix.lower() == ".xlsx" and len(data) > SEED_BYTES:
            data = _first_rows(data, SEED_ROWS)
        found.append(Seed(path.name, _kind_of(path.name), data))
    found.append(Seed("template.xlsx", "partners", csv_to_xlsx((REPO / "data" / "templates" / "partners.csv").read_bytes())))
    found.append(Seed("long.xlsx", "indicators", csv_to_xlsx((REPO / "data" / "templates" / "indicators_long.csv").read_bytes())))
    return found, reason


def _dated(book):
    book.properties.created = FIXED_TIME
    return book


def _saved(book) -> bytes:
    """A workbook's bytes, the same every run (openpyxl stamps the time of saving, and so does
    zipfile): the same seeds, so the same cases from the same random seed."""
    out = io.BytesIO()
    book.save(out)
    source = zipfile.ZipFile(out)
    stable = io.BytesIO()
    with zipfile.ZipFile(stable, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2026-01-01T00:00:00Z", body)
            target.writestr(zipfile.ZipInfo(info.filename, FIXED_TIME.timetuple()[:6]), body)
    return stable.getvalue()


def _first_rows(data: bytes, rows: int) -> bytes:
    """A workbook with the first sheet's first `rows` rows."""
    from openpyxl import Workbook, load_workbook

    source = load_workbook(io.BytesIO(data), read_only=True).worksheets[0]
    book = _dated(Workbook())
    for values in source.iter_rows(max_row=rows, values_only=True):
        book.active.append(values)
    return _saved(book)


def csv_to_xlsx(data: bytes) -> bytes:
    """A small workbook holding a comma-separated file's cells (a seed for the .xlsx mutations)."""
    import csv

    from openpyxl import Workbook

    book = _dated(Workbook())
    for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))):
        book.active.append(row)
    return _saved(book)


# ---- mutations: each takes the bytes and a Random, returns new bytes ----------------------------

def flip_bytes(data: bytes, rnd: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rnd.randint(1, 8)):
        if out:
            out[rnd.randrange(len(out))] = rnd.randrange(256)
    return bytes(out)


def insert_bytes(data: bytes, rnd: random.Random) -> bytes:
    at = rnd.randint(0, len(data))
    piece = rnd.choice([b'"', b"\r", b"\n", b"\x00", b";", b",", b"\t", b"\xff\xfe", b"\xe9", b"\xef\xbb\xbf",
                        b'""', b"=1+1", b"1,5", b"-1", b"NE", b"NaN", b"1e400", b"\x1a", "€".encode()])
    return data[:at] + piece * rnd.randint(1, 3) + data[at:]


def truncate(data: bytes, rnd: random.Random) -> bytes:
    return data[: rnd.randint(0, len(data))]


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


def shuffle_lines(data: bytes, rnd: random.Random) -> bytes:
    lines = _lines(data)
    body = lines[1:]
    rnd.shuffle(body)
    return b"\n".join(lines[:1] + body)


def duplicate_lines(data: bytes, rnd: random.Random) -> bytes:
    lines = _lines(data)
    i = rnd.randrange(len(lines))
    return b"\n".join(lines[: i + 1] + [lines[i]] * rnd.randint(1, 50) + lines[i + 1 :])


def delete_lines(data: bytes, rnd: random.Random) -> bytes:
    lines = _lines(data)
    i = rnd.randrange(len(lines))
    return b"\n".join(lines[:i] + lines[i + rnd.randint(1, 3) :])


def unclosed_quote(data: bytes, rnd: random.Random) -> bytes:
    lines = _lines(data)
    i = rnd.randrange(len(lines))
    lines[i] = lines[i] + b',"never closed'
    return b"\n".join(lines)


def swap_separator(data: bytes, rnd: random.Random) -> bytes:
    a, b = rnd.sample([b",", b";", b"\t", b"|"], 2)
    return data.replace(a, b)


def reencode(data: bytes, rnd: random.Random) -> bytes:
    text = data.decode("utf-8", errors="replace")
    encoding = rnd.choice(["cp1252", "latin-1", "utf-16", "utf-8-sig"])
    body = text.encode(encoding, errors="replace")
    if encoding == "cp1252" and rnd.random() < 0.5:  # a BOM before bytes that are not UTF-8
        body = b"\xef\xbb\xbf" + body + "café;€\n".encode("cp1252")
    return body


def long_cell(data: bytes, rnd: random.Random) -> bytes:
    """A cell of thousands of characters (a unit, a label, a number) somewhere in a row."""
    lines = _lines(data)
    i = rnd.randrange(1, len(lines)) if len(lines) > 1 else 0
    cells = re.split(rb"([,;\t])", lines[i])
    j = rnd.randrange(0, len(cells), 2)
    cells[j] = rnd.choice([b"k", b"t CO2e ", b"9", b"(", b"m/", b"*", b"kWh**"]) * rnd.randint(1_000, 20_000)
    lines[i] = b"".join(cells)
    return b"\n".join(lines)


def many_separators(data: bytes, rnd: random.Random) -> bytes:
    """A row of very many separators (a spreadsheet's runaway fill)."""
    lines = _lines(data)
    i = rnd.randrange(len(lines))
    lines[i] += rnd.choice([b",", b";", b"\t"]) * rnd.choice([2_000, 50_000, 2_000_000])
    return b"\n".join(lines)


def odd_values(data: bytes, rnd: random.Random) -> bytes:
    """Replace a cell with a value a loader must judge: URLs, dates, numbers, formulas, markers."""
    lines = _lines(data)
    i = rnd.randrange(1, len(lines)) if len(lines) > 1 else 0
    cells = re.split(rb"([,;\t])", lines[i])
    j = rnd.randrange(0, len(cells), 2)
    cells[j] = rnd.choice([
        b"http://[example.org", b"https://", b"ftp://x", b"javascript:alert(1)", b"31/02/2024", b"2024-13",
        b"0000-00-00", b"99999999999999999999999", b"-0", b"1.2.3", b"1,2,3", b"inf", b"nan", b"NE",
        b"=HYPERLINK(\"http://x\")", b"+cmd|' /C calc'!A0", b"", b" ", b"\xc2\xa0", b"10 %", b"-1",
        b"1e308", b"1e-320", b"2024-W05", b"9999", b"-5000", b"\"", b"<script>", b"emissions.total",
    ])
    lines[i] = b"".join(cells)
    return b"\n".join(lines)


CSV_MUTATIONS: tuple[Callable[[bytes, random.Random], bytes], ...] = (
    flip_bytes, insert_bytes, truncate, shuffle_lines, duplicate_lines, delete_lines, unclosed_quote,
    swap_separator, reencode, long_cell, many_separators, odd_values, odd_values, odd_values,
)


def mutate_xlsx(data: bytes, rnd: random.Random) -> bytes:
    """A workbook with a damaged part: sheet XML cut or flipped, a huge dimension, cells changed."""
    try:
        source = zipfile.ZipFile(io.BytesIO(data))
        parts = {info.filename: source.read(info) for info in source.infolist()}
    except (zipfile.BadZipFile, ValueError, EOFError, OSError, zlib.error):
        return flip_bytes(data, rnd)
    sheet = next((n for n in parts if n.startswith("xl/worksheets/sheet")), None)
    if sheet is None:
        return flip_bytes(data, rnd)
    xml = parts[sheet]
    choice = rnd.randrange(6)
    if choice == 0:
        xml = xml[: rnd.randint(0, len(xml))]
    elif choice == 1:
        xml = flip_bytes(xml, rnd)
    elif choice == 2:
        xml = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', xml)
    elif choice == 3:
        xml = re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:B2"', xml)
    elif choice == 4:
        xml = xml.replace(b"<v>", b"<v>" + rnd.choice([b"x", b"1e999", b"-", b"9" * 40]), 1)
    else:
        xml = xml.replace(b"</sheetData>", b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>'
                          + b"k" * rnd.randint(1, 30_000) + b"</t></is></c></row></sheetData>")
    parts[sheet] = xml
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, body in parts.items():
            target.writestr(zipfile.ZipInfo(name, FIXED_TIME.timetuple()[:6]), body)
    return out.getvalue()


def mutated(seed_list: list[Seed], count: int, rnd: random.Random) -> Iterator[Case]:
    """`count` cases, each a seed with one to three mutations, loaded as its kind or another."""
    from pipelines.load.kinds import IMPORT_KINDS

    for n in range(count):
        seed = rnd.choice(seed_list)
        xlsx = seed.data[:4] == b"PK\x03\x04"
        data, names = seed.data, []
        for _ in range(rnd.randint(1, 3)):
            mutation = mutate_xlsx if xlsx and rnd.random() < 0.8 else rnd.choice(CSV_MUTATIONS)
            data = mutation(data, rnd)
            names.append(mutation.__name__)
        kind = seed.kind if rnd.random() < 0.7 else rnd.choice(list(IMPORT_KINDS))
        file_name = seed.name if rnd.random() < 0.9 else rnd.choice(["x.csv", "x.xlsx", "x.txt", "x"])
        yield Case(f"{n}:{seed.name}+{'+'.join(names)}", kind, file_name, data)
