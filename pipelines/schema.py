"""The one schema: every table of the project, as SQLAlchemy 2.x typed models.

Alembic migrations (pipelines/migrations) follow this module; no other code creates tables.
Every programme-owned row carries programme_id, so one database can hold several programmes.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Deterministic constraint names keep migrations identical on SQLite and PostgreSQL.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_data_version() -> str:
    """A fresh, never-repeated token for a programme's data (see Programme.data_version)."""
    return uuid.uuid4().hex


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Programme(Base):
    """A climate programme for one area (e.g. Leuven 2030)."""

    __tablename__ = "programme"
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    area_name: Mapped[str | None] = mapped_column(String(200))
    area_code: Mapped[str | None] = mapped_column(String(32))
    baseline_year: Mapped[int] = mapped_column(Integer)
    target_year: Mapped[int] = mapped_column(Integer)
    # What the programme's totals include, said on every chart (e.g. "scope 1+2, excl. ETS").
    scope_note: Mapped[str | None] = mapped_column(Text)
    population_indicator: Mapped[str | None] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # Replaced in every write's transaction (pipelines.derived.rebuild); the dashboard's query
    # cache keys on it. A random token, not a counter: after a restore or on another database
    # sharing the Redis cache, a counter would repeat with different data behind it.
    data_version: Mapped[str] = mapped_column(String(32), default=new_data_version)
    # The year "now" stood for at the last rebuild: years left and overdue commitments hold for
    # that year only (pipelines/year_turn.py rebuilds when the year has turned). None: never
    # rebuilt since migration 0012.
    derived_as_of_year: Mapped[int | None] = mapped_column(Integer)
    __table_args__ = (CheckConstraint("target_year > baseline_year", name="target_after_baseline"),)


class ProgrammeArea(Base):
    """Another name or code of a programme's area (Den Haag / The Hague; NIS 24062, CoM BE0015)."""

    __tablename__ = "programme_area"
    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # name | nis | com | locode | cbs | code …
    value: Mapped[str] = mapped_column(String(200))
    __table_args__ = (UniqueConstraint("programme_id", "kind", "value"),)


class ImportProfile(Base):
    """An import profile saved by a user or imported from a file (pipelines/profiles)."""

    __tablename__ = "import_profile"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    definition: Mapped[dict] = mapped_column(JSON)
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class TargetSet(Base):
    """A named set of targets (e.g. 'Climate City Contract 2030'); one per programme is primary."""

    __tablename__ = "target_set"
    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    is_primary: Mapped[bool] = mapped_column(Boolean, default=False)
    baseline_year: Mapped[int] = mapped_column(Integer)
    target_year: Mapped[int] = mapped_column(Integer)
    # linear | milestones (piecewise linear) | constant_rate (constant annual % reduction)
    pathway_method: Mapped[str] = mapped_column(String(20), default="linear")
    description: Mapped[str | None] = mapped_column(Text)
    targets: Mapped[list[Target]] = relationship(cascade="all, delete-orphan", order_by="Target.sector_code")
    milestones: Mapped[list[Milestone]] = relationship(
        cascade="all, delete-orphan", order_by="Milestone.year"
    )
    __table_args__ = (
        UniqueConstraint("programme_id", "name"),
        CheckConstraint("target_year > baseline_year", name="target_after_baseline"),
        CheckConstraint(
            "pathway_method IN ('linear', 'milestones', 'constant_rate')", name="pathway_method"
        ),
        # At most one primary target set per programme.
        Index(
            "uq_target_set_primary",
            "programme_id",
            unique=True,
            sqlite_where=text("is_primary"),
            postgresql_where=text("is_primary"),
        ),
    )


class Target(Base):
    """The target of a target set, overall (sector_code 'total') or for one sector."""

    __tablename__ = "target"
    id: Mapped[int] = mapped_column(primary_key=True)
    target_set_id: Mapped[int] = mapped_column(ForeignKey("target_set.id", ondelete="CASCADE"), index=True)
    sector_code: Mapped[str] = mapped_column(String(40), default="total")
    # residual_pct: emissions left at the target year as % of baseline (e.g. 17)
    # reduction_pct: reduction vs baseline in % (e.g. 55); absolute_t: tonnes CO2e at the target year
    kind: Mapped[str] = mapped_column(String(20))
    value: Mapped[float] = mapped_column(Float)
    # A published baseline, when the target is defined on it rather than on the stored series.
    baseline_t: Mapped[float | None] = mapped_column(Float)
    __table_args__ = (
        UniqueConstraint("target_set_id", "sector_code"),
        CheckConstraint("kind IN ('residual_pct', 'reduction_pct', 'absolute_t')", name="kind"),
    )


class Milestone(Base):
    """An interim milestone of a target set (e.g. -55 % in 2030 on the way to 2050)."""

    __tablename__ = "milestone"
    id: Mapped[int] = mapped_column(primary_key=True)
    target_set_id: Mapped[int] = mapped_column(ForeignKey("target_set.id", ondelete="CASCADE"), index=True)
    sector_code: Mapped[str] = mapped_column(String(40), default="total")
    year: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(20))
    value: Mapped[float] = mapped_column(Float)
    __table_args__ = (
        UniqueConstraint("target_set_id", "sector_code", "year"),
        CheckConstraint("kind IN ('residual_pct', 'reduction_pct', 'absolute_t')", name="kind"),
    )


class Theme(Base):
    """A roadmap theme: one of the programme's own workstreams."""

    __tablename__ = "theme"
    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(40))
    name_nl: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    name_fr: Mapped[str | None] = mapped_column(String(200))  # None: shown in English on French pages
    __table_args__ = (UniqueConstraint("programme_id", "code"),)


class Sector(Base):
    """A standard sector (Covenant of Mayors / GPC); shared by all programmes."""

    __tablename__ = "sector"
    code: Mapped[str] = mapped_column(String(40), primary_key=True)
    name_nl: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    parent_code: Mapped[str | None] = mapped_column(ForeignKey("sector.code"))
    gpc_ref: Mapped[str | None] = mapped_column(String(10))
    com_ref: Mapped[str | None] = mapped_column(String(40))
    can_be_sink: Mapped[bool] = mapped_column(Boolean, default=False)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class Indicator(Base):
    """A series the programme measures: emissions of a sector, an activity, or context."""

    __tablename__ = "indicator"
    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(100))
    name_nl: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str] = mapped_column(String(200))
    name_fr: Mapped[str | None] = mapped_column(String(200))  # None: shown in English on French pages
    unit: Mapped[str] = mapped_column(String(40))  # canonical unit; every stored value is in it
    sector_code: Mapped[str | None] = mapped_column(ForeignKey("sector.code"))
    kind: Mapped[str] = mapped_column(String(20))  # emissions | activity | context
    lower_is_better: Mapped[bool] = mapped_column(Boolean, default=True)
    description: Mapped[str | None] = mapped_column(Text)
    __table_args__ = (
        UniqueConstraint("programme_id", "code"),
        CheckConstraint("kind IN ('emissions', 'activity', 'context')", name="kind"),
    )


class ImportBatch(Base):
    """One import of one file: the provenance of every row it wrote."""

    __tablename__ = "import_batch"
    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # indicators | partners | commitments
    file_name: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    rows_in_file: Mapped[int] = mapped_column(Integer, default=0)
    rows_added: Mapped[int] = mapped_column(Integer, default=0)
    rows_superseded: Mapped[int] = mapped_column(Integer, default=0)
    rows_unchanged: Mapped[int] = mapped_column(Integer, default=0)
    rows_skipped: Mapped[int] = mapped_column(Integer, default=0)
    created_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    status: Mapped[str] = mapped_column(String(20), default="completed")  # completed | undone
    undone_by: Mapped[str | None] = mapped_column(String(100))
    undone_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Where the data came from: --source, else the file's commonest source. Observations that
    # name this source leave theirs NULL and read it from here.
    source: Mapped[str | None] = mapped_column(String(500))
    # What was detected and the warnings given (separator, decimal mark, encoding, layout, totals).
    report: Mapped[dict | None] = mapped_column(JSON)
    __table_args__ = (CheckConstraint("status IN ('completed', 'undone')", name="status"),)


class Observation(Base):
    """A value of an indicator for a period. Corrections supersede; old values stay queryable."""

    __tablename__ = "observation"
    id: Mapped[int] = mapped_column(primary_key=True)
    # The indicator's programme, copied for filtering. No foreign key of its own: the indicator's
    # already ties the row to the programme, and each key is one more lookup per row stored.
    programme_id: Mapped[int] = mapped_column(Integer)
    # The value's series: the foreign key that keeps the table whole (and deletes with it).
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicator.id", ondelete="CASCADE"))
    period: Mapped[str] = mapped_column(String(7))  # 'YYYY' or 'YYYY-MM'
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int | None] = mapped_column(Integer)
    value: Mapped[float | None] = mapped_column(Float)  # canonical unit; NULL when missing
    missing_key: Mapped[str | None] = mapped_column(String(8))  # NO/NE/IE/C or the marker given
    original_value: Mapped[str | None] = mapped_column(String(100))
    original_unit: Mapped[str | None] = mapped_column(String(40))
    source: Mapped[str | None] = mapped_column(String(500))  # NULL: its batch's source; '': none
    note: Mapped[str | None] = mapped_column(Text)  # the file's note on the value ('note', 'opmerking')
    # The import that stored the value. No foreign key: only a loader writes this column, with
    # the batch it opened in the same transaction, and batches are never deleted but with their
    # programme (whose indicators take the values with them). A key would cost one lookup per
    # stored value: on PostgreSQL ~5 µs, a third of a big import's time.
    batch_id: Mapped[int] = mapped_column(Integer, index=True)
    is_current: Mapped[bool] = mapped_column(Boolean, default=True)
    superseded_by_batch_id: Mapped[int | None] = mapped_column(
        ForeignKey("import_batch.id", ondelete="CASCADE"))
    __table_args__ = (
        # One current value per indicator and period: duplicates cannot exist.
        Index(
            "uq_observation_current",
            "indicator_id",
            "period",
            unique=True,
            sqlite_where=text("is_current"),
            postgresql_where=text("is_current"),
        ),
        # Superseded values only: a first load of a big inventory adds nothing to this index.
        Index(
            "ix_observation_history",
            "indicator_id",
            "period",
            sqlite_where=text("NOT is_current"),
            postgresql_where=text("NOT is_current"),
        ),
        CheckConstraint("month IS NULL OR (month BETWEEN 1 AND 12)", name="month"),
    )


class Partner(Base):
    """An organisation or group that joined the programme."""

    __tablename__ = "partner"
    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    type: Mapped[str] = mapped_column(String(20))
    sector_code: Mapped[str | None] = mapped_column(ForeignKey("sector.code"))
    joined_on: Mapped[date | None] = mapped_column(Date)
    website: Mapped[str | None] = mapped_column(String(500))
    description: Mapped[str | None] = mapped_column(Text)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    __table_args__ = (
        UniqueConstraint("programme_id", "name"),
        CheckConstraint(
            "type IN ('company', 'knowledge', 'civil_society', 'residents', 'public')", name="type"
        ),
    )


class Commitment(Base):
    """A partner's commitment: a reduction in t CO2e/yr, or a target on another indicator."""

    __tablename__ = "commitment"
    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"), index=True)
    partner_id: Mapped[int] = mapped_column(ForeignKey("partner.id", ondelete="CASCADE"), index=True)
    theme_id: Mapped[int | None] = mapped_column(ForeignKey("theme.id"))
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    sector_code: Mapped[str | None] = mapped_column(ForeignKey("sector.code"))
    reduction_t_per_year: Mapped[float | None] = mapped_column(Float)
    indicator_id: Mapped[int | None] = mapped_column(ForeignKey("indicator.id"))
    indicator_target: Mapped[float | None] = mapped_column(Float)
    target_year: Mapped[int | None] = mapped_column(Integer)
    # How the reduction is spread over the years in scenarios (pipelines.analytics.scenarios):
    # from start_year (none: the latest measured year) to target_year, 'linear' (none) or 'step'.
    start_year: Mapped[int | None] = mapped_column(Integer)
    shape: Mapped[str | None] = mapped_column(String(10))
    status: Mapped[str] = mapped_column(String(20), default="planned")
    progress_pct: Mapped[float | None] = mapped_column(Float)
    last_update: Mapped[date | None] = mapped_column(Date)
    url: Mapped[str | None] = mapped_column(String(500))
    note: Mapped[str | None] = mapped_column(Text)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"))
    __table_args__ = (
        UniqueConstraint("partner_id", "title"),
        CheckConstraint(
            "status IN ('planned', 'in_progress', 'achieved', 'delayed', 'withdrawn')", name="status"
        ),
        CheckConstraint("progress_pct IS NULL OR (progress_pct BETWEEN 0 AND 100)", name="progress"),
    )


class SavedScenario(Base):
    """A scenario from commitments a coordinator saved by name (pipelines.saved_scenarios)."""

    __tablename__ = "saved_scenario"
    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    definition: Mapped[dict] = mapped_column(JSON)  # Scenario's fields (basis, statuses, themes…)
    saved_by: Mapped[str] = mapped_column(String(100))
    saved_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    __table_args__ = (UniqueConstraint("programme_id", "name"),)


class AuditLog(Base):
    """One changed field of a partner, commitment, target or milestone: who, when, old, new."""

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"), index=True)
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(60))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    changed_by: Mapped[str] = mapped_column(String(100))
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("import_batch.id"))


class User(Base):
    """A person who can log in to the workspace."""

    __tablename__ = "app_user"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(300))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # Raised at logout and at a new password: login sessions made under an older one end.
    session_version: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    __table_args__ = (CheckConstraint("role IN ('analyst', 'coordinator', 'admin')", name="role"),)


class LoginThrottle(Base):
    """Failed logins per user name or client address (when no Redis is set), shared by workers."""

    __tablename__ = "login_throttle"
    # sha256 of 'user:<name>' or 'ip:<address>': names people mistype are not kept readable.
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_failure_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ImportJob(Base):
    """An import confirmed on the upload page, run in the background (pipelines/import_jobs.py).

    Its state and progress live here so that any web worker can report a job another process
    runs; the file itself waits in `payload` until the job has run, then is cleared. Finished
    rows are pruned after IMPORT_JOBS_KEEP_DAYS (pipelines/job_reaper.py).
    """

    __tablename__ = "import_job"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)  # a random token: hard to guess
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    file_name: Mapped[str] = mapped_column(String(200))
    sha256: Mapped[str] = mapped_column(String(64))
    options: Mapped[dict] = mapped_column(JSON)  # decimal, new_indicators, mapping rows
    status: Mapped[str] = mapped_column(String(10), default="queued")
    waiting: Mapped[bool] = mapped_column(Boolean, default=False)  # for another writer's lock
    rows_done: Mapped[int] = mapped_column(Integer, default=0)
    rows_total: Mapped[int | None] = mapped_column(Integer)
    result: Mapped[dict | None] = mapped_column(JSON)  # the counts and the batch, once done
    problems: Mapped[list | None] = mapped_column(JSON)  # every problem, or the error, once failed
    payload: Mapped[bytes | None] = mapped_column(LargeBinary)
    started_by: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Who holds the job (pipelines/job_lease.py): the process running it, or keeping it queued
    # in its memory; empty while it waits in Redis for a worker. The heartbeat is written on
    # PostgreSQL only: on SQLite the job's own import holds the write lock (a sidecar file beats).
    runner_host: Mapped[str | None] = mapped_column(String(255))
    runner_pid: Mapped[int | None] = mapped_column(Integer)
    runner_start: Mapped[str | None] = mapped_column(String(80))  # boot and start: a reused pid is not the runner
    heartbeat_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    __table_args__ = (
        CheckConstraint("status IN ('queued', 'running', 'done', 'failed')", name="status"),
    )


# --- Derived tables: rebuilt by the pipelines inside each write's transaction; the dashboard
# --- reads these (and the base tables), never aggregates raw observations per request.


class DerivedEmissions(Base):
    """Yearly emissions per sector and in total ('total'), in t CO2e."""

    __tablename__ = "derived_emissions"
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    sector_code: Mapped[str] = mapped_column(String(40), primary_key=True)
    value_t: Mapped[float | None] = mapped_column(Float)
    # For totals: which top-level sectors were summed that year, and whether all reporting ones were.
    sectors_included: Mapped[str | None] = mapped_column(Text)
    complete: Mapped[bool] = mapped_column(Boolean, default=True)
    # On 'total' rows: total ÷ population of that year (never a sum of per-capita values).
    per_capita_t: Mapped[float | None] = mapped_column(Float)
    # On 'total' rows: the programme's reported total that year (emissions.total), and where the
    # row's value comes from: 'sectors' (their sum) or 'reported' (sectors incomplete or absent).
    reported_total_t: Mapped[float | None] = mapped_column(Float)
    source: Mapped[str | None] = mapped_column(String(20))


class DerivedProgress(Base):
    """Per target set, sector ('total' overall) and year: actual, pathway, gap, projection."""

    __tablename__ = "derived_progress"
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"), primary_key=True)
    target_set_id: Mapped[int] = mapped_column(ForeignKey("target_set.id", ondelete="CASCADE"), primary_key=True)
    sector_code: Mapped[str] = mapped_column(String(40), primary_key=True)
    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    actual_t: Mapped[float | None] = mapped_column(Float)
    pathway_t: Mapped[float | None] = mapped_column(Float)
    gap_t: Mapped[float | None] = mapped_column(Float)
    progress_pct: Mapped[float | None] = mapped_column(Float)
    projected_t: Mapped[float | None] = mapped_column(Float)
    projected_low_t: Mapped[float | None] = mapped_column(Float)
    projected_high_t: Mapped[float | None] = mapped_column(Float)
    with_commitments_t: Mapped[float | None] = mapped_column(Float)


class DerivedSummary(Base):
    """Per target set and sector: the status summary (headline numbers) as one JSON object."""

    __tablename__ = "derived_summary"
    programme_id: Mapped[int] = mapped_column(ForeignKey("programme.id", ondelete="CASCADE"), primary_key=True)
    target_set_id: Mapped[int] = mapped_column(ForeignKey("target_set.id", ondelete="CASCADE"), primary_key=True)
    sector_code: Mapped[str] = mapped_column(String(40), primary_key=True)
    status: Mapped[str] = mapped_column(String(20))
    summary: Mapped[dict] = mapped_column(JSON)
    computed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


PROGRAMME_TABLES = (
    TargetSet, Theme, Indicator, ImportBatch, Observation, Partner, Commitment, AuditLog,
    DerivedEmissions, DerivedProgress, DerivedSummary, SavedScenario,
)
