"""A programme's area under every name and code files use for it (Den Haag / The Hague; NIS, CoM, LOCODE)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, Engine, insert, select

from pipelines import db
from pipelines.errors import Bilingual, UserError
from pipelines.read import clean_text, fold
from pipelines.schema import Programme, ProgrammeArea

AREA_KINDS = ("name", "nis", "com", "locode", "cbs", "code")
MAX_LENGTH = 200


def parse_area_code(text: str) -> tuple[str, str]:
    """'com:BE0015' → ('com', 'BE0015'); a code without a known kind is kind 'code'."""
    kind, sep, value = clean_text(text).partition(":")
    if sep and fold(kind) in AREA_KINDS and clean_text(value):
        return fold(kind), clean_text(value)
    return "code", clean_text(text)


def add_areas(engine: Engine, programme_id: int, names: Iterable[str] = (), codes: Iterable[str] = ()) -> int:
    """Add names and codes (each 'KIND:VALUE' or a bare code) to a programme's area; returns how many were new."""
    names, codes = list(names), list(codes)
    with db.writing(engine) as conn:
        return add_areas_in(conn, programme_id, names, codes)


def add_areas_in(conn: Connection, programme_id: int, names: Iterable[str] = (), codes: Iterable[str] = ()) -> int:
    """`add_areas` inside a transaction the caller holds."""
    wanted = [("name", clean_text(n)) for n in names] + [parse_area_code(c) for c in codes]
    for _kind, value in wanted:
        if not value or len(value) > MAX_LENGTH:
            raise UserError(Bilingual(
                f"an area name or code of 1 to {MAX_LENGTH} characters, not {value!r}",
                f"een gebiedsnaam of -code van 1 tot {MAX_LENGTH} tekens, niet {value!r}",
                f"un nom ou code de zone de 1 à {MAX_LENGTH} caractères, pas {value!r}"))
    have = {(k, fold(v)) for k, v in area_entries(conn, programme_id)}
    added = 0
    for kind, value in wanted:
        if (kind, fold(value)) in have:
            continue
        conn.execute(insert(ProgrammeArea).values(programme_id=programme_id, kind=kind, value=value))
        have.add((kind, fold(value)))
        added += 1
    return added


def area_entries(conn: Connection, programme_id: int) -> list[tuple[str, str]]:
    """(kind, value) of the programme's area: its own name and code first, then the others."""
    programme = conn.execute(
        select(Programme.area_name, Programme.area_code).where(Programme.id == programme_id)
    ).one()
    others: list[tuple[str, str]] = [(r.kind, r.value) for r in conn.execute(
        select(ProgrammeArea.kind, ProgrammeArea.value)
        .where(ProgrammeArea.programme_id == programme_id).order_by(ProgrammeArea.id)
    )]
    listed = {fold(v) for _k, v in others}
    own = [(k, v) for k, v in (("name", programme.area_name), ("code", programme.area_code))
           if v and fold(v) not in listed]
    return own + others


def area_keys(conn: Connection, programme_id: int) -> set[str]:
    """Every name and code of the programme's area, folded for matching (codes also without leading zeros)."""
    keys = {fold(v) for _k, v in area_entries(conn, programme_id) if fold(v)}
    return keys | {k.lstrip("0") for k in keys if k.isdigit()}
