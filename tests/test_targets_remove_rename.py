"""Removing and renaming target sets and removing milestones (pipelines.targets), on both backends.

Data: the coordination seed (tests/coordinate_support.py): total emissions 150,000 t in 2010 and
108,000 t in 2024; the primary set "Climate neutrality" (0 % left in 2030). Added here:
"Covenant of Mayors", 2010 -> 2030, 55 % reduction = 67,500 t in 2030, milestones pathway.
- With its 2020 milestone (50 % reduction = 75,000 t): 2020 -> 2030 falls 750 t a year, so the
  pathway in 2024 is 75,000 - 4 x 750 = 72,000 t.
- Without milestones the method draws a straight line: 150,000 -> 67,500 in 20 years falls
  4,125 t a year, so 2024 is 150,000 - 14 x 4,125 = 92,250 t.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from pipelines.audit import history
from pipelines.db import make_engine
from pipelines.errors import UserError
from pipelines.schema import (
    DerivedEmissions,
    DerivedProgress,
    DerivedSummary,
    Milestone,
    Programme,
    Target,
    TargetSet,
)
from pipelines.targets import (
    add_target_set,
    list_target_sets,
    removable_target_set,
    remove_milestone,
    remove_target_set,
    rename_target_set,
    set_milestone,
    set_primary,
    set_target,
)
from tests.conftest import leuven_id
from tests.coordinate_support import database_rows, seed_coordination

COVENANT = "Covenant of Mayors"


def _coordination_with_the_covenant(engine) -> None:
    """The seed with the Covenant of Mayors set: an overall and a transport target, a milestone."""
    programme_id = seed_coordination(engine)
    add_target_set(engine, programme_id, COVENANT, 2010, 2030, "reduction_pct", 55, method="milestones")
    set_target(engine, programme_id, COVENANT, "transport", "absolute_t", 19_003)
    set_milestone(engine, programme_id, COVENANT, 2020, "reduction_pct", 50)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path, seeded_databases):
    """A copy of the seed with the Covenant of Mayors set (seeded once per backend)."""
    with seeded_databases.fresh(request.param, tmp_path, _coordination_with_the_covenant) as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def coordination_engine(request, tmp_path, seeded_databases):
    """A copy of the seed alone: only "Climate neutrality", the primary set."""
    with seeded_databases.fresh(request.param, tmp_path, seed_coordination) as url:
        engine = make_engine(url)
        yield engine
        engine.dispose()


@pytest.fixture
def programme(engine) -> int:
    return leuven_id(engine)


def _set_id(engine, name: str) -> int | None:
    with engine.connect() as conn:
        return conn.scalar(select(TargetSet.id).where(TargetSet.name == name))


def _count(engine, model, **where) -> int:
    with engine.connect() as conn:
        query = select(func.count()).select_from(model)
        for column, value in where.items():
            query = query.where(getattr(model, column) == value)
        return conn.scalar(query)


def _pathway_2024(engine, set_id: int) -> float:
    with engine.connect() as conn:
        return conn.scalar(select(DerivedProgress.pathway_t).where(
            DerivedProgress.target_set_id == set_id, DerivedProgress.sector_code == "total",
            DerivedProgress.year == 2024))


def _data_version(engine, programme_id: int) -> str:
    with engine.connect() as conn:
        return conn.scalar(select(Programme.data_version).where(Programme.id == programme_id))


def _changes(engine, programme_id: int, entity: str) -> list[tuple]:
    with engine.connect() as conn:
        return [(e.field, e.old_value, e.new_value, e.changed_by)
                for e in history(conn, programme_id, entity)]


# --- removing a target set ------------------------------------------------------------------


def test_removing_a_set_takes_its_targets_milestones_and_progress_rows_with_it(engine, programme):
    covenant = _set_id(engine, COVENANT)
    neutral = _set_id(engine, "Climate neutrality")
    assert (_count(engine, Target, target_set_id=covenant), _count(engine, Milestone, target_set_id=covenant)) == (2, 1)
    assert _count(engine, DerivedProgress, target_set_id=covenant) > 0
    kept_progress = _count(engine, DerivedProgress, target_set_id=neutral)
    version = _data_version(engine, programme)

    removed = remove_target_set(engine, programme, COVENANT, user="cor")

    assert (removed.name, len(removed.targets), len(removed.milestones)) == (COVENANT, 2, 1)
    assert [s.name for s in list_target_sets(engine, programme)] == ["Climate neutrality"]
    assert _count(engine, Target, target_set_id=covenant) == 0
    assert _count(engine, Milestone, target_set_id=covenant) == 0
    assert _count(engine, DerivedProgress, target_set_id=covenant) == 0
    assert _count(engine, DerivedSummary, target_set_id=covenant) == 0
    assert _count(engine, DerivedProgress, target_set_id=neutral) == kept_progress
    assert _pathway_2024(engine, neutral) == 45_000  # 150,000 - 14 x 7,500: untouched
    assert _data_version(engine, programme) != version  # cached public answers are not reused


def test_removal_is_audited_with_every_removed_target_and_milestone(engine, programme):
    covenant = _set_id(engine, COVENANT)
    remove_target_set(engine, programme, COVENANT, user="cor")
    with engine.connect() as conn:
        removal = [(e.entity, e.entity_id, e.field, e.old_value, e.new_value, e.changed_by)
                   for e in history(conn, programme) if e.changed_by == "cor"]
    # Newest first: the set's name last written, so it tops the log.
    assert removal == [
        ("target_set", covenant, "name", COVENANT, None, "cor"),
        ("milestone", covenant, "milestone:total:2020", "reduction_pct 50", None, "cor"),
        ("target", covenant, "target:transport", "absolute_t 19003", None, "cor"),
        ("target", covenant, "target:total", "reduction_pct 55", None, "cor"),
    ]


def test_the_primary_set_stays_while_other_sets_remain(engine, programme):
    before = database_rows(engine)
    message = "'Climate neutrality' is the primary target set: make another target set primary before removing it"
    with pytest.raises(UserError, match=message):
        removable_target_set(engine, programme, "Climate neutrality")
    with pytest.raises(UserError, match=message):
        remove_target_set(engine, programme, "Climate neutrality")
    assert database_rows(engine) == before

    set_primary(engine, programme, COVENANT)
    remove_target_set(engine, programme, "Climate neutrality")
    assert [(s.name, s.is_primary) for s in list_target_sets(engine, programme)] == [(COVENANT, True)]


def test_the_only_set_can_be_removed_and_leaves_no_progress_rows(coordination_engine):
    engine = coordination_engine  # only "Climate neutrality", the primary set
    programme = leuven_id(engine)
    assert removable_target_set(engine, programme, "Climate neutrality").is_primary
    remove_target_set(engine, programme, "Climate neutrality")
    assert list_target_sets(engine, programme) == ()
    assert (_count(engine, DerivedProgress), _count(engine, DerivedSummary)) == (0, 0)
    assert _count(engine, DerivedEmissions, year=2024, sector_code="total") == 1  # emissions stay


def test_removing_an_unknown_set_names_the_sets_there_are(engine, programme):
    before = database_rows(engine)
    with pytest.raises(UserError, match=r"no target set 'Covenant' \(target sets: 'Climate neutrality', 'Covenant of Mayors'\)"):
        remove_target_set(engine, programme, "Covenant")
    assert database_rows(engine) == before


# --- renaming -------------------------------------------------------------------------------


def test_renaming_keeps_the_sets_targets_and_progress_and_is_audited(engine, programme):
    covenant = _set_id(engine, COVENANT)
    version = _data_version(engine, programme)
    assert rename_target_set(engine, programme, COVENANT, "  Covenant   2030 ", user="cor") is True
    renamed = next(s for s in list_target_sets(engine, programme) if s.id == covenant)
    assert renamed.name == "Covenant 2030"  # spaces tidied as the web form does
    assert (len(renamed.targets), len(renamed.milestones)) == (2, 1)
    assert _pathway_2024(engine, covenant) == 72_000
    assert _changes(engine, programme, "target_set")[0] == ("name", COVENANT, "Covenant 2030", "cor")
    assert _data_version(engine, programme) != version


def test_renaming_to_the_same_name_writes_nothing(engine, programme):
    before = database_rows(engine)
    assert rename_target_set(engine, programme, COVENANT, f" {COVENANT} ") is False
    assert database_rows(engine) == before


def test_a_name_differing_only_in_case_from_its_own_is_a_rename(engine, programme):
    assert rename_target_set(engine, programme, COVENANT, "COVENANT OF MAYORS") is True
    assert _set_id(engine, "COVENANT OF MAYORS") is not None


@pytest.mark.parametrize(("new_name", "message"), [
    ("", "a name of 1 to 200 characters"),
    ("   ", "a name of 1 to 200 characters"),
    ("x" * 201, "a name of 1 to 200 characters"),
    ("climate NEUTRALITY", "a name not used yet \\('Climate neutrality' exists\\)"),
])
def test_rename_refuses_empty_too_long_and_taken_names(engine, programme, new_name, message):
    before = database_rows(engine)
    with pytest.raises(UserError, match=message):
        rename_target_set(engine, programme, COVENANT, new_name)
    assert database_rows(engine) == before


@pytest.mark.parametrize(("name", "message"), [
    ("   ", "a name of 1 to 200 characters"),
    ("x" * 201, "a name of 1 to 200 characters"),
    ("covenant OF mayors", "a name not used yet \\('Covenant of Mayors' exists\\)"),
])
def test_a_new_set_is_held_to_the_same_name_rules(engine, programme, name, message):
    before = database_rows(engine)
    with pytest.raises(UserError, match=message):
        add_target_set(engine, programme, name, 2015, 2035, "reduction_pct", 40)
    assert database_rows(engine) == before
    new_id = add_target_set(engine, programme, "  Mission   2035 ", 2015, 2035, "reduction_pct", 40)
    assert _set_id(engine, "Mission 2035") == new_id


def test_a_name_of_exactly_the_column_length_is_kept_whole(engine, programme):
    rename_target_set(engine, programme, COVENANT, "é" * 200)  # 200 characters, 400 bytes
    assert _set_id(engine, "é" * 200) is not None


# --- removing a milestone -------------------------------------------------------------------


def test_removing_a_milestone_redraws_the_pathway_and_is_audited(engine, programme):
    covenant = _set_id(engine, COVENANT)
    assert _pathway_2024(engine, covenant) == 72_000
    removed = remove_milestone(engine, programme, COVENANT, 2020, user="cor")
    assert (removed.year, removed.kind, removed.value) == (2020, "reduction_pct", 50)
    assert _count(engine, Milestone, target_set_id=covenant) == 0
    assert _pathway_2024(engine, covenant) == 92_250
    assert _changes(engine, programme, "milestone")[0] == ("milestone:total:2020", "reduction_pct 50", None, "cor")


def test_removing_a_milestone_that_is_not_there_names_the_ones_that_are(engine, programme):
    before = database_rows(engine)
    with pytest.raises(UserError, match=r"'Covenant of Mayors' has no total milestone in 2021 \(its milestones: 2020 total\)"):
        remove_milestone(engine, programme, COVENANT, 2021)
    with pytest.raises(UserError, match="has no transport milestone in 2020"):
        remove_milestone(engine, programme, COVENANT, 2020, sector_code="transport")
    assert database_rows(engine) == before


def test_replacing_a_milestone_logs_its_old_value(engine, programme):
    set_milestone(engine, programme, COVENANT, 2020, "reduction_pct", 45, user="cor")
    field, old, new, who = _changes(engine, programme, "milestone")[0]
    assert (field, who) == ("milestone:total:2020", "cor")
    assert old is not None and "50" in old and "45" in new


def test_refusals_are_said_in_dutch_too_for_the_pages(engine, programme):
    with pytest.raises(UserError) as taken:
        rename_target_set(engine, programme, COVENANT, "climate NEUTRALITY")
    assert taken.value.in_language("nl") == "name: een naam die nog niet bestaat ('Climate neutrality' bestaat al)"
    with pytest.raises(UserError) as primary:
        remove_target_set(engine, programme, "Climate neutrality")
    assert "is de hoofddoelstelling" in primary.value.in_language("nl")
    with pytest.raises(UserError) as outside:
        set_milestone(engine, programme, COVENANT, 2040, "reduction_pct", 50)
    assert outside.value.in_language("nl") == "year: een jaar na 2010 en voor 2030"
