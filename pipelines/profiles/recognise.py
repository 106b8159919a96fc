"""Recognising an export from its header: a profile's fingerprint, checked cheaply on every load."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sqlalchemy import Connection, select

from pipelines.read import fold
from pipelines.schema import ImportProfile

SHIPPED = Path(__file__).parent / "shipped"


@dataclass(frozen=True)
class Fingerprint:
    columns: frozenset[str]  # folded headers that must all be present
    header: re.Pattern | None  # some header must match
    title: re.Pattern | None  # some title row above the header must match

    def matches(self, folded: set[str], columns: list[str], titles: list[str]) -> bool:
        return (self.columns <= folded
                and (self.header is None or any(self.header.search(c) for c in columns))
                and (self.title is None or any(self.title.search(t) for t in titles)))


@cache
def shipped_definitions() -> tuple[dict, ...]:
    """The JSON definitions shipped with the package, in file-name order."""
    return tuple(json.loads(f.read_text(encoding="utf-8")) for f in sorted(SHIPPED.glob("*.json")))


def fingerprint(definition: dict) -> Fingerprint:
    recognise = definition.get("recognise", {}) if isinstance(definition, dict) else {}
    return _fingerprint(json.dumps(recognise, sort_keys=True))


@cache
def _fingerprint(recognise_json: str) -> Fingerprint:
    recognise = json.loads(recognise_json)
    header, title = recognise.get("header_pattern"), recognise.get("title_pattern")
    return Fingerprint(frozenset(fold(c) for c in recognise.get("columns", [])),
                       re.compile(header) if header else None, re.compile(title) if title else None)


def best_match(definitions: list[dict], columns: list[str], titles: list[str]) -> dict | None:
    """The definition whose fingerprint matches; the one naming most columns wins, the first on a tie."""
    folded = {fold(c) for c in columns}
    best, best_size = None, -1
    for definition in definitions:
        found = fingerprint(definition)
        if found.matches(folded, columns, titles) and len(found.columns) > best_size:
            best, best_size = definition, len(found.columns)
    return best


def recognised_definition(conn: Connection, columns: list[str], titles: Sequence[str] = ()) -> dict | None:
    """The definition of the profile a file's header matches: saved profiles before shipped ones
    (a saved profile of a shipped name replaces it)."""
    # The table, not the mapped class: the first ORM query of a process configures every mapper
    # (~40 ms), which recognising must not pay for (the loader's own queries do, later).
    table = ImportProfile.__table__
    saved = [d for (d,) in conn.execute(select(table.c.definition).order_by(table.c.name))]
    names = {d.get("name") for d in saved}
    definitions = saved + [d for d in shipped_definitions() if d.get("name") not in names]
    return best_match(definitions, columns, list(titles))
