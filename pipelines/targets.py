"""Target sets, their targets and milestones: list, edit, rename and remove them (each change
audited, derived tables rebuilt in the same transaction)."""

from __future__ import annotations

from sqlalchemy import Connection, Engine, delete, func, insert, select, update

from pipelines.analytics.inputs import MilestoneSpec, TargetSetSpec
from pipelines.analytics.queries import read_target_sets
from pipelines.audit import change_row, record_change, record_changes
from pipelines.errors import Bilingual, UserError
from pipelines.schema import Milestone, Sector, Target, TargetSet
from pipelines.targets_check import (  # noqa: F401  (NAME_LENGTH, clean_name: part of this module's face)
    NAME_LENGTH,
    check_milestone,
    check_name,
    check_new_set,
    check_target,
    clean_name,
)
from pipelines.unit_of_work import programme_write
from pipelines.vocab import TOTAL


def list_target_sets(engine: Engine, programme_id: int) -> tuple[TargetSetSpec, ...]:
    """The programme's target sets, primary first, with their targets and milestones."""
    with engine.connect() as conn:
        return read_target_sets(conn, programme_id)


def add_target_set(
    engine: Engine, programme_id: int, name: str, baseline_year: int, target_year: int,
    kind: str, value: float, *, method: str = "linear", primary: bool = False,
    baseline_t: float | None = None, description: str | None = None, user: str = "cli",
) -> int:
    """A new target set with its overall target; returns its id. Every problem of the values at
    once (`targets_check.check_new_set`, InvalidFields)."""
    with programme_write(engine, programme_id) as work:
        return add_target_set_in(work.conn, programme_id, name, baseline_year, target_year, kind, value,
                                 method=method, primary=primary, baseline_t=baseline_t,
                                 description=description, user=user)


def add_target_set_in(
    conn: Connection, programme_id: int, name: str, baseline_year: int, target_year: int,
    kind: str, value: float, *, method: str = "linear", primary: bool = False,
    baseline_t: float | None = None, description: str | None = None, user: str = "cli",
    milestones: tuple[MilestoneSpec, ...] = (), sector_targets: tuple[tuple[str, float], ...] = (),
) -> int:
    """`add_target_set` (with milestones, and sectors' own targets in t CO2e) inside a unit of
    work the caller holds: a load that keeps its planned rows as a target set writes it with its
    rows, all or nothing."""
    found = check_new_set({
        "name": name, "baseline_year": baseline_year, "target_year": target_year, "method": method,
        "kind": kind, "value": value, "primary": primary,
    }, _set_names(conn, programme_id))
    sectors = _sectors(conn)
    for code, sector_t in sector_targets:
        check_target({"sector": code, "kind": "absolute_t", "value": sector_t}, sectors)
    for milestone in milestones:
        check_milestone({"sector": milestone.sector_code, "year": milestone.year, "kind": milestone.kind,
                         "value": milestone.value}, sectors, (baseline_year, target_year))
    name = found.name
    if primary:
        _clear_primary(conn, programme_id)
    created = conn.execute(insert(TargetSet).values(
        programme_id=programme_id, name=name, is_primary=primary,
        baseline_year=baseline_year, target_year=target_year, pathway_method=method,
        description=description,
    )).inserted_primary_key
    assert created is not None  # an INSERT of one row always has its key
    new_id = created[0]
    conn.execute(insert(Target).values(
        target_set_id=new_id, sector_code=TOTAL, kind=kind, value=value, baseline_t=baseline_t,
    ))
    record_change(conn, programme_id, "target_set", new_id, "name", None, name, user)
    for code, sector_t in sector_targets:
        conn.execute(insert(Target).values(target_set_id=new_id, sector_code=code, kind="absolute_t", value=sector_t))
        record_change(conn, programme_id, "target", new_id, f"target:{code}", None,
                      _value_text("absolute_t", sector_t), user)
    for milestone in milestones:
        conn.execute(insert(Milestone).values(
            target_set_id=new_id, sector_code=milestone.sector_code, year=milestone.year,
            kind=milestone.kind, value=milestone.value))
        record_change(conn, programme_id, "milestone", new_id,
                      f"milestone:{milestone.sector_code}:{milestone.year}", None,
                      _value_text(milestone.kind, milestone.value), user)
    return int(new_id)


def check_new_name(conn: Connection, programme_id: int, name: str | None) -> str:
    """The name as a new set of the programme would store it; InvalidFields when unusable or taken."""
    return check_name(name, _set_names(conn, programme_id))


def set_target(
    engine: Engine, programme_id: int, set_name: str, sector_code: str, kind: str, value: float,
    *, baseline_t: float | None = None, user: str = "cli",
) -> None:
    """Set (or replace) the target of one sector, or the overall one ('total')."""
    with programme_write(engine, programme_id) as work:
        conn = work.conn
        target_set = _find(conn, programme_id, set_name)
        check_target({"sector": sector_code, "kind": kind, "value": value, "baseline_t": baseline_t},
                     _sectors(conn))
        old = conn.execute(select(Target).where(
            Target.target_set_id == target_set.id, Target.sector_code == sector_code)).first()
        if old is not None:
            conn.execute(update(Target).where(Target.id == old.id).values(
                kind=kind, value=value, baseline_t=baseline_t))
        else:
            conn.execute(insert(Target).values(
                target_set_id=target_set.id, sector_code=sector_code, kind=kind, value=value,
                baseline_t=baseline_t))
        before = None if old is None else _value_text(old.kind, old.value)
        record_change(conn, programme_id, "target", target_set.id, f"target:{sector_code}",
                      before, _value_text(kind, value), user)


def set_milestone(
    engine: Engine, programme_id: int, set_name: str, year: int, kind: str, value: float,
    *, sector_code: str = TOTAL, user: str = "cli",
) -> None:
    """Set (or replace) an interim milestone between the set's baseline and target years."""
    with programme_write(engine, programme_id) as work:
        conn = work.conn
        target_set = _find(conn, programme_id, set_name)
        check_milestone({"sector": sector_code, "year": year, "kind": kind, "value": value}, _sectors(conn),
                        (target_set.baseline_year, target_set.target_year))
        same = (Milestone.target_set_id == target_set.id, Milestone.sector_code == sector_code,
                Milestone.year == year)
        old = conn.execute(select(Milestone.kind, Milestone.value).where(*same)).first()
        conn.execute(delete(Milestone).where(*same))
        conn.execute(insert(Milestone).values(
            target_set_id=target_set.id, sector_code=sector_code, year=year, kind=kind, value=value))
        before = None if old is None else _value_text(old.kind, old.value)  # a replaced one is logged
        record_change(conn, programme_id, "milestone", target_set.id,
                      f"milestone:{sector_code}:{year}", before, _value_text(kind, value), user)


def set_primary(engine: Engine, programme_id: int, set_name: str, user: str = "cli") -> None:
    """Make one target set the primary one (the headline); the others stop being primary."""
    with programme_write(engine, programme_id) as work:
        conn = work.conn
        target_set = _find(conn, programme_id, set_name)
        if target_set.is_primary:
            work.nothing_changed()
            return
        old = _clear_primary(conn, programme_id)
        conn.execute(update(TargetSet).where(TargetSet.id == target_set.id).values(is_primary=True))
        record_change(conn, programme_id, "target_set", target_set.id, "is_primary", old, set_name, user)


def _set_names(conn: Connection, programme_id: int, other_than: int | None = None) -> list[str]:
    """The names of the programme's target sets (but `other_than`'s)."""
    return list(conn.execute(select(TargetSet.name).where(
        TargetSet.programme_id == programme_id, TargetSet.id != (other_than or -1))).scalars())


def rename_target_set(
    engine: Engine, programme_id: int, name: str, new_name: str, user: str = "cli"
) -> bool:
    """Give a target set a new name (spaces tidied as `clean_name` does); False when it is the same.

    The new name must not be empty, fit the column and differ from every other set's name in
    this programme, also in case: 'CCC 2030' and 'ccc 2030' side by side would only confuse.
    """
    with programme_write(engine, programme_id) as work:
        conn = work.conn
        target_set = _find(conn, programme_id, name)
        new_name = check_name(new_name, _set_names(conn, programme_id, target_set.id))
        if new_name == target_set.name:
            work.nothing_changed()
            return False
        conn.execute(update(TargetSet).where(TargetSet.id == target_set.id).values(name=new_name))
        record_change(conn, programme_id, "target_set", target_set.id, "name", target_set.name,
                      new_name, user)
        return True


def may_remove(is_primary: bool, set_count: int) -> bool:
    """Whether a target set may be removed: the primary one only when it is the only set.

    Removing the primary set while others remain would leave the headline to a set nobody chose;
    the only set may go, and the programme is then without targets, as a new one can start.
    """
    return not is_primary or set_count == 1


def removable_target_set(engine: Engine, programme_id: int, name: str) -> TargetSetSpec:
    """The target set NAME with its targets and milestones, if it may be removed; else a
    UserError saying why (for asking a person before `remove_target_set`)."""
    with engine.connect() as conn:
        found = _find(conn, programme_id, name)
        sets = read_target_sets(conn, programme_id)
    _check_removable(found.is_primary, len(sets), name)
    return next(s for s in sets if s.id == found.id)


def remove_target_set(engine: Engine, programme_id: int, name: str, user: str = "cli") -> TargetSetSpec:
    """Remove a target set with its targets and milestones; returns what was removed.

    The database removes the targets, milestones and derived rows with the set (ON DELETE
    CASCADE; SQLite connections have foreign keys on, see `db.make_engine`). The audit log keeps
    every removed target and milestone with its value, then the set's name.
    """
    with programme_write(engine, programme_id) as work:
        conn = work.conn
        found = _find(conn, programme_id, name)
        count = conn.scalar(select(func.count()).select_from(TargetSet)
                            .where(TargetSet.programme_id == programme_id)) or 0
        _check_removable(found.is_primary, count, name)
        removed = next(s for s in read_target_sets(conn, programme_id) if s.id == found.id)
        rows = [change_row(programme_id, "target", found.id, f"target:{t.sector_code}",
                           _value_text(t.kind, t.value), None, user) for t in removed.targets]
        rows += [change_row(programme_id, "milestone", found.id, f"milestone:{m.sector_code}:{m.year}",
                            _value_text(m.kind, m.value), None, user) for m in removed.milestones]
        rows.append(change_row(programme_id, "target_set", found.id, "name", name, None, user))
        conn.execute(delete(TargetSet).where(TargetSet.id == found.id))
        record_changes(conn, rows)
        return removed


def milestone_of(
    engine: Engine, programme_id: int, set_name: str, year: int, sector_code: str = TOTAL
) -> MilestoneSpec:
    """One milestone of a target set; a UserError naming the set's milestones when it has none."""
    with engine.connect() as conn:
        _set, found = _find_milestone(conn, programme_id, set_name, year, sector_code)
    return MilestoneSpec(sector_code, year, found.kind, found.value)


def remove_milestone(
    engine: Engine, programme_id: int, set_name: str, year: int, *, sector_code: str = TOTAL,
    user: str = "cli",
) -> MilestoneSpec:
    """Remove one milestone of a target set; returns what it was."""
    with programme_write(engine, programme_id) as work:
        conn = work.conn
        target_set, found = _find_milestone(conn, programme_id, set_name, year, sector_code)
        conn.execute(delete(Milestone).where(Milestone.id == found.id))
        record_change(conn, programme_id, "milestone", target_set.id, f"milestone:{sector_code}:{year}",
                      _value_text(found.kind, found.value), None, user)
        return MilestoneSpec(sector_code, year, found.kind, found.value)


def _check_removable(is_primary: bool, set_count: int, name: str) -> None:
    if not may_remove(is_primary, set_count):
        raise UserError(Bilingual(
            f"'{name}' is the primary target set: make another target set primary before removing it",
            f"'{name}' is de hoofddoelstelling: maak eerst een andere doelstelling de hoofddoelstelling",
            f"« {name} » est l'ensemble d'objectifs principal : faites d'abord d'un autre ensemble l'ensemble principal"))


def _value_text(kind: str, value: float) -> str:
    """A target's or milestone's value as the audit log writes it: 'reduction_pct 55'."""
    return f"{kind} {value:.15g}"  # 7455000, never 7.455e+06


def _find(conn: Connection, programme_id: int, name: str, required: bool = True):
    row = conn.execute(select(TargetSet).where(
        TargetSet.programme_id == programme_id, TargetSet.name == name)).first()
    if row is None and required:
        names = conn.execute(select(TargetSet.name).where(
            TargetSet.programme_id == programme_id).order_by(TargetSet.name)).scalars().all()
        have = ", ".join(f"'{n}'" for n in names)
        raise UserError(Bilingual(f"no target set '{name}' (target sets: {have or 'none yet'})",
                                  f"er is geen doelstelling '{name}' (wel: {have or 'nog geen'})",
                                  f"il n'y a pas d'ensemble d'objectifs « {name} » (ensembles : {have or 'aucun pour l’instant'})"))
    return row


def _find_milestone(conn: Connection, programme_id: int, set_name: str, year: int, sector_code: str):
    target_set = _find(conn, programme_id, set_name)
    found = conn.execute(select(Milestone).where(
        Milestone.target_set_id == target_set.id, Milestone.sector_code == sector_code,
        Milestone.year == year)).first()
    if found is None:
        have = conn.execute(select(Milestone.year, Milestone.sector_code).where(
            Milestone.target_set_id == target_set.id).order_by(Milestone.year, Milestone.sector_code)).all()
        listed = ", ".join(f"{y} {s}" for y, s in have)
        raise UserError(Bilingual(
            f"'{set_name}' has no {sector_code} milestone in {year} (its milestones: {listed or 'none'})",
            f"'{set_name}' heeft geen tussendoel {sector_code} in {year} (wel: {listed or 'geen'})",
            f"« {set_name} » n'a pas de jalon {sector_code} en {year} (ses jalons : {listed or 'aucun'})"))
    return target_set, found


def _clear_primary(conn: Connection, programme_id: int) -> str | None:
    old = conn.execute(select(TargetSet.name).where(
        TargetSet.programme_id == programme_id, TargetSet.is_primary)).scalar()
    conn.execute(update(TargetSet).where(TargetSet.programme_id == programme_id)
                 .values(is_primary=False))
    return old


def _sectors(conn: Connection) -> tuple[str, ...]:
    """What a target or milestone can be for: the whole programme ('total') or a sector."""
    return (TOTAL, *conn.execute(select(Sector.code).order_by(Sector.sort_order)).scalars())
