"""The name the readers give a column whose header cell the file left blank ('column 3'): the
loaders, problems and saved profiles know the column by it; messages name it by its place in
their language instead (errors.column_name: "colonne 3 (sans nom)")."""

from __future__ import annotations

import re

_BLANK = re.compile(r"column ([1-9][0-9]*)")


def blank_header_name(position: int) -> str:
    """The name of the column at 1-based `position` whose header cell is blank."""
    return f"column {position}"


def blank_header_position(name: str) -> int | None:
    """The position in a blank header's name, else None (a header the file wrote itself)."""
    found = _BLANK.fullmatch(name)
    return int(found.group(1)) if found else None
