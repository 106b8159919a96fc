"""For the coordinators' pages' tests: a small programme loaded through the real loaders (so every
edit's rebuild of the derived tables works on real base data), its accounts, and the bodies Dash's
renderer posts to a callback.

Files (tests/data/coord_*.csv), t CO2e:
- residential 100,000 − 2,000·(y−2010) and transport 50,000 − 1,000·(y−2010), 2010–2024:
  total 150,000 in 2010 and 150,000 − 3,000·14 = 108,000 in 2024. Target: 0 t in 2030.
- Commitments: KU Leuven "Campus heat pumps" 10,000 achieved (2022) and "Green fleet" 5,000
  delayed at 20 % (2023); the bakery (a name with <script>) "Electric delivery vans" 20,000 in
  progress at 50 % (2026); Buurtgroep Wijgmaal "Collective renovation" 30,000 planned (2028).
- Gap waterfall (kt): delivered = 10 + 20·50 % = 20 → without partners 108 + 20 = 128; still to
  come from work in progress 10, planned 30, missing 108 − 10 − 30 = 68, down to the target 0.
  With "Collective renovation" achieved: delivered 50 (without 158), planned 0, missing 98.
- Overdue in 2026: only "Green fleet" (delayed, due 2023); "Campus heat pumps" is achieved.
"""

from __future__ import annotations

from pathlib import Path

import dash
from sqlalchemy import Engine, select

from pipelines.load import load_file
from pipelines.load.result import LoadOptions
from pipelines.programmes import create_programme
from pipelines.schema import AuditLog, Commitment, Milestone, Partner, Target, TargetSet
from pipelines.users import add_user
from tests.auth_support import PASSWORD
from tests.conftest import LEUVEN

DATA = Path(__file__).parent / "data"
SCRIPT_PARTNER = "Bakkerij <script>alert('x')</script> De Zon"
FILES = (("indicators", "coord_inventory.csv"), ("partners", "coord_partners.csv"),
         ("commitments", "coord_commitments.csv"))


def seed_coordination(engine: Engine) -> int:
    """The programme above with its accounts: ann (analyst), cor (coordinator); returns its id."""
    programme_id = create_programme(engine, LEUVEN)
    for kind, name in FILES:
        result = load_file(engine, programme_id, kind, DATA / name, options=LoadOptions(user="seed"))
        assert result.batch_id is not None, result.summary()
    add_user(engine, "ann", "analyst", PASSWORD)
    add_user(engine, "cor", "coordinator", PASSWORD)
    return programme_id


def seed_coordination_and_admin(engine: Engine) -> None:
    """The programme above with ann, cor and root (admin): a seed for `seeded_databases`."""
    seed_coordination(engine)
    add_user(engine, "root", "admin", PASSWORD)


def commitment_id(engine: Engine, title: str) -> int:
    with engine.connect() as conn:
        return conn.scalar(select(Commitment.id).where(Commitment.title == title))


def partner_id(engine: Engine, name: str) -> int:
    with engine.connect() as conn:
        return conn.scalar(select(Partner.id).where(Partner.name == name))


def database_rows(engine: Engine) -> dict[str, list]:
    """Every row a coordinator's page could change (to check that a refused request changed nothing)."""
    with engine.connect() as conn:
        return {
            model.__tablename__: [tuple(row) for row in conn.execute(
                select(*model.__table__.c).order_by(model.id))]
            for model in (Commitment, Partner, TargetSet, Target, Milestone, AuditLog)
        }


def callback_body(app: dash.Dash, input_id: str, values: dict[str, object], output_id: str = "") -> dict:
    """What the renderer posts for the callback whose first input is `input_id` (a button's
    n_clicks = 1) and whose outputs name `output_id`; `values` maps 'id.property' to the value of
    an input or state (default None)."""
    found = [(key, spec) for key, spec in app.callback_map.items()
             if spec["inputs"][0]["id"] == input_id and f"{output_id}." in key]
    if len(found) != 1:
        raise KeyError(f"{len(found)} callbacks start with input {input_id!r}")
    output, spec = found[0]

    def filled(items: list[dict]) -> list[dict]:
        return [{**item, "value": values.get(f"{item['id']}.{item['property']}", 1 if item["id"] == input_id else None)}
                for item in items]

    outputs = []
    for part in output.strip(".").split("..."):
        ident, _, prop = part.partition(".")
        outputs.append({"id": ident, "property": prop})
    return {
        "output": output, "outputs": outputs if len(outputs) > 1 else outputs[0],
        "inputs": filled(spec["inputs"]), "state": filled(spec["state"]),
        "changedPropIds": [f"{input_id}.{spec['inputs'][0]['property']}"],
    }
