"""Load a partners file: who takes part (name, type, sector, joined date, website, their story)."""

from __future__ import annotations

from sqlalchemy import Connection, Engine, func, select

from pipelines.errors import Bilingual
from pipelines.load.record_specs import PARTNER_FIELDS
from pipelines.load.record_undo import undo_records
from pipelines.load.records import RecordKind, load_records
from pipelines.load.result import LoadOptions, LoadResult
from pipelines.read import RawTable
from pipelines.schema import Commitment, Partner
from pipelines.vocab import PARTNER_COLUMNS

PARTNERS = RecordKind(
    kind="partners", entity="partner", model=Partner, fields=PARTNER_FIELDS,
    aliases=PARTNER_COLUMNS, key_attrs=("name",), key_column="name",
    label=lambda values: str(values["name"]),
)


def load(engine: Engine, programme_id: int, raw: RawTable, options: LoadOptions) -> LoadResult:
    """Add new partners and update known ones (matched by name), auditing every changed field."""
    return load_records(PARTNERS, engine, programme_id, raw, options)


def undo(conn: Connection, batch) -> None:
    """Revert a partners batch: restore changed fields, delete the partners it added."""
    undo_records(conn, batch, PARTNERS, dependents=_commitments_of)


def _commitments_of(conn: Connection, partner_id: int, label: str) -> Bilingual | None:
    count = conn.execute(
        select(func.count()).select_from(Commitment).where(Commitment.partner_id == partner_id)
    ).scalar_one()
    if not count:
        return None
    return Bilingual(f"partner '{label}' has {count} commitment(s) since: undo the commitments import first",
                     f"partner '{label}' heeft intussen {count} engagement(en): maak eerst die import ongedaan",
                     f"le partenaire « {label} » a entre-temps {count} engagement(s) : annulez d'abord cet import d'engagements")
