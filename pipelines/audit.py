"""The audit log: every change of a partner's or commitment's field — who, when, old, new, batch."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update
from sqlalchemy.orm import Session

from pipelines import db
from pipelines.errors import Bilingual, Problem, UserError, ValidationFailed
from pipelines.load.record_fields import CellError, clean_story, clean_text, match_key, to_text
from pipelines.load.record_specs import (
    COMMITMENT_FIELDS,
    PARTNER_FIELDS,
    FieldSpec,
    Lookups,
    delivery_problems,
)
from pipelines.schema import AuditLog, Commitment, Partner, utcnow
from pipelines.unit_of_work import programme_write_in

SessionOrConnection = Session | Connection

# entity name in the audit log -> (table, fields a coordinator may edit)
EDITABLE = {
    "partner": (Partner, PARTNER_FIELDS),
    "commitment": (Commitment, tuple(f for f in COMMITMENT_FIELDS if f.attr != "partner_id")),
}
# What an editable row is called in a message (the English is its key).
_ENTITY_NL = {"partner": "partner", "commitment": "engagement"}
_NO_ENTITY_FR = {"partner": "aucun partenaire", "commitment": "aucun engagement"}
_OF_ENTITY_FR = {"partner": "d'un partenaire", "commitment": "d'un engagement"}
# A commitment's status or progress edited by hand means it was updated today.
_FRESHENS_LAST_UPDATE = {"status", "progress_pct"}


@dataclass(frozen=True)
class AuditEntry:
    id: int
    entity: str
    entity_id: int
    field: str
    old_value: str | None
    new_value: str | None
    changed_by: str
    changed_at: datetime
    batch_id: int | None


def record_change(
    target: SessionOrConnection, programme_id: int, entity: str, entity_id: int, field: str,
    old: object, new: object, user: str, batch_id: int | None = None,
) -> None:
    """Write one audit row: `field` of `entity` #`entity_id` went from `old` to `new`."""
    target.execute(
        insert(AuditLog).values(
            change_row(programme_id, entity, entity_id, field, old, new, user, batch_id)
        )
    )


def change_row(
    programme_id: int, entity: str, entity_id: int, field: str, old: object, new: object,
    user: str, batch_id: int | None = None,
) -> dict[str, object]:
    """The audit row of one change, for `record_changes`."""
    return {
        "programme_id": programme_id, "entity": entity, "entity_id": entity_id, "field": field,
        "old_value": to_text(old), "new_value": to_text(new), "changed_by": user,
        "changed_at": utcnow(), "batch_id": batch_id,
    }


def record_changes(target: SessionOrConnection, rows: list[dict[str, object]]) -> None:
    """Write many audit rows (from `change_row`) in one statement."""
    if rows:
        target.execute(insert(AuditLog), rows)


def history(
    target: SessionOrConnection, programme_id: int, entity: str | None = None,
    entity_id: int | None = None, limit: int = 500,
) -> list[AuditEntry]:
    """The latest audit rows of a programme (optionally of one entity), newest first."""
    query = select(
        AuditLog.id, AuditLog.entity, AuditLog.entity_id, AuditLog.field, AuditLog.old_value,
        AuditLog.new_value, AuditLog.changed_by, AuditLog.changed_at, AuditLog.batch_id,
    ).where(AuditLog.programme_id == programme_id)
    if entity is not None:
        query = query.where(AuditLog.entity == entity)
    if entity_id is not None:
        query = query.where(AuditLog.entity_id == entity_id)
    rows = target.execute(query.order_by(AuditLog.id.desc()).limit(limit))
    return [AuditEntry(*row) for row in rows]


def edit(
    engine: Engine, programme_id: int, entity: str, entity_id: int,
    changes: Mapping[str, object], user: str,
) -> dict[str, tuple[str | None, str | None]]:
    """`apply_edit` in its own write transaction."""
    with db.writing(engine) as conn:
        return apply_edit(conn, programme_id, entity, entity_id, changes, user)


def apply_edit(
    target: SessionOrConnection, programme_id: int, entity: str, entity_id: int,
    changes: Mapping[str, object], user: str,
) -> dict[str, tuple[str | None, str | None]]:
    """Set fields of one partner or commitment, each change audited; derived tables rebuilt.

    `changes` maps attribute names (status, progress_pct, note, target_year, ...) to new values,
    typed or as typed in a table ('Bezig', '45,5', '01/03/2024', '' to clear); theme_id,
    sector_code and indicator_id take a code or name, as in a file. Every invalid value is
    reported at once (ValidationFailed) and nothing is changed. Returns, per changed field,
    (old, new) as the audit log writes them.
    """
    conn = target.connection() if isinstance(target, Session) else target
    model, specs = _editable(entity)
    # The lock comes before the read: a second editor then sees this edit's values as "old".
    with programme_write_in(conn, programme_id) as work:
        current = conn.execute(
            select(*model.__table__.c).where(model.id == entity_id, model.programme_id == programme_id)
        ).first()
        if current is None:
            raise UserError(Bilingual(f"no {entity} #{entity_id} in this programme",
                                      f"geen {_ENTITY_NL[entity]} #{entity_id} in dit programma",
                                      f"{_NO_ENTITY_FR[entity]} n° {entity_id} dans ce programme"))
        changed = _changed_values(conn, programme_id, entity, specs, current, changes)
        if not changed:
            work.nothing_changed()
            return {}
        _check_still_unique(conn, programme_id, entity, current, changed)
        stamp = {"updated_at": utcnow()} if model is Partner else {}
        conn.execute(update(model).where(model.id == entity_id).values(**changed, **stamp))
        for attr, value in changed.items():
            record_change(conn, programme_id, entity, entity_id, attr, current._mapping[attr], value, user)
    return {a: (to_text(current._mapping[a]), to_text(v)) for a, v in changed.items()}


def _changed_values(conn: Connection, programme_id: int, entity: str, specs, current,
                    changes: Mapping[str, object]) -> dict[str, object]:
    """The parsed new values that differ from `current` (a commitment's last update freshened)."""
    new_values = _parse_edit(conn, programme_id, entity, specs, changes)
    if entity == "commitment":
        _check_delivery(current, new_values)
    freshened = [
        a for a in _FRESHENS_LAST_UPDATE & set(new_values)
        if not same_value(current._mapping[a], new_values[a])
    ]
    if entity == "commitment" and freshened and "last_update" not in new_values:
        new_values["last_update"] = date.today()
    return {a: v for a, v in new_values.items() if not same_value(current._mapping[a], v)}


def _check_delivery(current, new_values: Mapping[str, object]) -> None:
    """The loader's start/target year rule on the row as it would be saved (a new start year
    against a stored target year too), blamed on the year the coordinator changed."""
    moved = {a for a in ("start_year", "target_year")
             if a in new_values and not same_value(current._mapping[a], new_values[a])}
    blame = "target_year" if moved == {"target_year"} else "start_year"
    problems = delivery_problems({**current._mapping, **new_values}, blame)
    if problems:
        raise ValidationFailed([Problem("commitment edit", None, attr, value, expected)
                                for attr, value, expected in problems])


def same_value(old: object, new: object) -> bool:
    """Whether a stored value equals a new one (floats compared after a database round trip)."""
    if isinstance(old, float) and isinstance(new, float):
        return abs(old - new) <= 1e-9 * max(1.0, abs(old), abs(new))
    return old == new


def _editable(entity: str) -> tuple[type[Any], dict[str, FieldSpec]]:
    if entity not in EDITABLE:
        only = ", ".join(EDITABLE)
        raise UserError(Bilingual(f"'{entity}' cannot be edited (only: {only})",
                                  f"'{entity}' kan je niet bewerken (alleen: {only})",
                                  f"« {entity} » ne peut pas être modifié (seulement : {only})"))
    model, specs = EDITABLE[entity]
    return model, {spec.attr: spec for spec in specs if spec.attr is not None}


def _parse_edit(
    conn: Connection, programme_id: int, entity: str, specs: dict[str, FieldSpec],
    changes: Mapping[str, object],
) -> dict[str, object]:
    lookups = Lookups(conn, programme_id)
    values: dict[str, object] = {}
    problems: list[Problem] = []
    for attr, raw in changes.items():
        spec = specs.get(attr)
        if spec is None:
            editable = ", ".join(specs)
            raise UserError(Bilingual(
                f"{entity} field '{attr}' cannot be edited (editable: {editable})",
                f"het veld '{attr}' van een {_ENTITY_NL[entity]} kan je niet bewerken (wel: {editable})",
                f"le champ « {attr} » {_OF_ENTITY_FR[entity]} ne peut pas être modifié (modifiables : {editable})"))
        try:
            values[attr] = _edit_value(spec, lookups, raw)
        except CellError as exc:
            problems.append(Problem(f"{entity} edit", None, attr, to_text(raw), exc.expected))
    if problems:
        raise ValidationFailed(problems)
    return values


def _edit_value(spec: FieldSpec, lookups: Lookups, raw: object) -> object:
    if isinstance(raw, (int, float)) and not isinstance(raw, bool):
        lookups.decimal = "."  # a typed number: its text has a decimal point, never a thousands one
        text = to_text(float(raw)) if spec.numeric else to_text(raw)
    else:
        lookups.decimal = None
        text = (clean_story if spec.story else clean_text)(to_text(raw))
    if text is None:
        if spec.required or not spec.nullable:
            raise CellError(Bilingual("a value (it cannot be empty)", "een waarde (dit mag niet leeg zijn)",
                                      "une valeur (ce champ ne peut pas être vide)"))
        return None
    return spec.parse(lookups, text)


def _check_still_unique(
    conn: Connection, programme_id: int, entity: str, current, changed: dict[str, object]
) -> None:
    model: type[Any]
    if entity == "partner" and "name" in changed:
        model, scope, attr = Partner, Partner.programme_id == programme_id, "name"
    elif entity == "commitment" and "title" in changed:
        model, scope, attr = Commitment, Commitment.partner_id == current.partner_id, "title"
    else:
        return
    others = conn.execute(select(getattr(model, attr)).where(scope, model.id != current.id)).scalars()
    if any(match_key(name) == match_key(changed[attr]) for name in others):
        expected = (Bilingual("a name no other partner has", "een naam die geen andere partner heeft",
                              "un nom qu'aucun autre partenaire ne porte")
                    if entity == "partner" else
                    Bilingual("a title this partner has not used yet", "een titel die deze partner nog niet gebruikt",
                              "un titre que ce partenaire n'a pas encore utilisé"))
        raise ValidationFailed([Problem(f"{entity} edit", None, attr, str(changed[attr]), expected)])
