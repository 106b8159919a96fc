"""A profile made from an analyst's choices for an export no profile knows (the mapping step's
'Save as profile'): each column's role guessed, then the choices written as a definition."""

from __future__ import annotations

import re

from pipelines.load.periods import period_in_header
from pipelines.profiles.model import COLUMN_ROLES, profile_from_definition
from pipelines.read import RawTable, match_columns
from pipelines.vocab import INDICATOR_COLUMNS

# The loader's column aliases for each profile role (the label is the indicator or the sector).
_ALIASES = {
    "label": INDICATOR_COLUMNS["indicator"] + INDICATOR_COLUMNS["sector"],
    "period": INDICATOR_COLUMNS["period"] + INDICATOR_COLUMNS["year"],
    "value": INDICATOR_COLUMNS["value"],
    "unit": INDICATOR_COLUMNS["unit"],
    "area": INDICATOR_COLUMNS["area"] + INDICATOR_COLUMNS["area_code"],
    "measured": ("type", "status", "soort", "typ"),
    "note": ("note", "notes", "opmerking", "toelichting", "bemerkung", "comment"),
    "source": INDICATOR_COLUMNS["source"],
}


def guess_roles(raw: RawTable) -> dict[str, str]:
    """Column → its most likely role ('period_header' for a column per period, 'ignore' else)."""
    found = match_columns(raw.columns, _ALIASES)
    roles = {column: role for role, column in found.items()}
    for column in raw.columns:
        if column not in roles:
            roles[column] = "period_header" if period_in_header(column) else "ignore"
    return roles


def draft_definition(name: str, raw: RawTable, roles: dict[str, str], labels: dict[str, str], *,
                     unit: str = "", markers: dict[str, str] | None = None,
                     measured: tuple[str, ...] = (), planned: tuple[str, ...] = (),
                     description: str = "") -> dict:
    """A checked profile definition from the roles chosen per column and the label targets
    ('sector:CODE', 'indicator:CODE', 'total'); recognised later by this file's fixed headers."""
    columns = {role: column for column, role in roles.items() if role in COLUMN_ROLES}
    period_columns = [c for c, role in roles.items() if role == "period_header"]
    fixed = [c for c in raw.columns if c not in period_columns]
    definition = {
        "name": name,
        "description": {"en": description, "nl": description},
        "recognise": {"columns": fixed},
        "shape": "wide" if period_columns and "value" not in columns else "long",
        "columns": columns,
        "labels": [{"match": f"^{re.escape(label)}$", "to": target} for label, target in labels.items()],
        "unmapped_labels": "keep",
        "unit": unit,
        "markers": dict(markers or {}),
    }
    if measured or planned:
        definition["measured"] = {"measured": list(measured), "planned": list(planned)}
    profile_from_definition(definition)  # refuses a bad one now, not at the next upload
    return definition
