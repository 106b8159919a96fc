"""Scenarios from commitments that coordinators save by name (table saved_scenario).

Saving goes through the unit of work like every write (the programme's lock, one transaction);
a scenario changes no derived table, so the write asks for no rebuild. Saving under a name that
exists replaces that scenario's definition.
"""

from __future__ import annotations

from sqlalchemy import Engine, insert, select, update

from pipelines.analytics.scenarios import Scenario, scenario_from_dict, scenario_to_dict
from pipelines.errors import Bilingual, UserError
from pipelines.schema import SavedScenario, utcnow
from pipelines.unit_of_work import programme_write

NAME_MAX = 100


def clean_name(name: str | None) -> str:
    """The name as saved (spaces trimmed); UserError when it is empty or too long."""
    text = " ".join((name or "").split())
    if not text:
        raise UserError(Bilingual("a saved scenario needs a name: type one, e.g. 'Buildings only'",
                                  "een bewaard scenario heeft een naam nodig: typ er een, bv. 'Alleen gebouwen'",
                                  "un scénario enregistré doit avoir un nom : saisissez-en un, p. ex. "
                                  "« Bâtiments uniquement »"))
    if len(text) > NAME_MAX:
        raise UserError(Bilingual(
            f"a scenario name has at most {NAME_MAX} characters; this one has {len(text)}",
            f"de naam van een scenario heeft hoogstens {NAME_MAX} tekens; deze heeft er {len(text)}",
            f"le nom d'un scénario compte au plus {NAME_MAX} caractères ; celui-ci en compte {len(text)}"))
    return text


def save_scenario(engine: Engine, programme_id: int, name: str, scenario: Scenario, user: str) -> str:
    """Save (or replace) the scenario under `name`; returns the name as saved."""
    name = clean_name(name)
    t = SavedScenario.__table__
    with programme_write(engine, programme_id) as work:
        work.nothing_changed()  # no derived table depends on saved scenarios
        found = work.conn.execute(
            select(t.c.id).where(t.c.programme_id == programme_id, t.c.name == name)
        ).scalar()
        values = {"definition": scenario_to_dict(scenario), "saved_by": user[:100], "saved_at": utcnow()}
        if found is None:
            work.conn.execute(insert(SavedScenario).values(programme_id=programme_id, name=name, **values))
        else:
            work.conn.execute(update(SavedScenario).where(SavedScenario.id == found).values(**values))
    return name


def saved_scenarios(engine: Engine, programme_id: int) -> list[tuple[str, Scenario]]:
    """The programme's saved scenarios (name, scenario), by name."""
    t = SavedScenario.__table__
    with engine.connect() as conn:
        rows = conn.execute(select(t.c.name, t.c.definition).where(t.c.programme_id == programme_id)
                            .order_by(t.c.name)).all()
    return [(name, scenario_from_dict(definition or {})) for name, definition in rows]
