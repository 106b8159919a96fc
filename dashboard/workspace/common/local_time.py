"""Times of the workspace at local time: stored in UTC, shown in ROADMAP_TIMEZONE (Europe/Brussels)."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dashboard.i18n import fmt_date

DEFAULT_TIMEZONE = "Europe/Brussels"


def zone(name: str | None) -> ZoneInfo:
    """The time zone `name` (an IANA name such as Europe/Brussels); the default when unknown."""
    try:
        return ZoneInfo(name or DEFAULT_TIMEZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo(DEFAULT_TIMEZONE)


def local_when(value: datetime | str, lang: str, tz: ZoneInfo) -> str:
    """'4 December 2026, 17:12 CET': stored times are UTC (SQLite returns them without a zone)."""
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    local = value.astimezone(tz)
    return f"{fmt_date(local.date(), lang)}, {local:%H:%M} {local.tzname()}"
