"""Where profiles live: shipped with the package (shipped/*.json) and saved in the database."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from sqlalchemy import Connection, Engine, delete, insert, select

from pipelines import db
from pipelines.errors import Bilingual, UserError
from pipelines.profiles.model import Profile, profile_from_definition
from pipelines.profiles.recognise import recognised_definition, shipped_definitions
from pipelines.schema import ImportProfile


@dataclass(frozen=True)
class StoredProfile:
    profile: Profile
    origin: str  # 'shipped' or 'database'
    created_by: str | None = None
    created_at: datetime | None = None


@cache
def shipped_profiles() -> tuple[Profile, ...]:
    """The profiles that come with the project, one JSON file each."""
    return tuple(profile_from_definition(d) for d in shipped_definitions())


def all_profiles(conn: Connection) -> list[StoredProfile]:
    """Saved profiles first (a saved profile of a shipped name replaces it), then shipped ones."""
    rows = conn.execute(select(ImportProfile.definition, ImportProfile.created_by, ImportProfile.created_at)
                        .order_by(ImportProfile.name)).all()
    saved = [StoredProfile(profile_from_definition(d), "database", by, at) for d, by, at in rows]
    names = {s.profile.name for s in saved}
    return saved + [StoredProfile(p, "shipped") for p in shipped_profiles() if p.name not in names]


def find_profile(conn: Connection, name: str) -> StoredProfile:
    for stored in all_profiles(conn):
        if stored.profile.name == name.strip():
            return stored
    known = ", ".join(s.profile.name for s in all_profiles(conn))
    raise UserError(Bilingual(f"no import profile {name!r} (known: {known})",
                              f"geen importprofiel {name!r} (gekend: {known})",
                              f"pas de profil d'import {name!r} (connus : {known})"))


def recognise(conn: Connection, columns: list[str], titles: Sequence[str] = ()) -> Profile | None:
    """The profile whose header fingerprint the file's columns (and title rows) match; the most
    specific wins, a saved profile before a shipped one."""
    found = recognised_definition(conn, columns, titles)
    return None if found is None else profile_from_definition(found)


def save_profile(engine: Engine, definition: dict, user: str) -> Profile:
    """Store a profile (replacing a saved one of the same name); checks it first."""
    profile = profile_from_definition(definition)
    with db.writing(engine) as conn:
        conn.execute(delete(ImportProfile).where(ImportProfile.name == profile.name))
        conn.execute(insert(ImportProfile).values(name=profile.name, definition=definition, created_by=user[:100]))
    return profile


def remove_profile(engine: Engine, name: str) -> bool:
    with db.writing(engine) as conn:
        return conn.execute(delete(ImportProfile).where(ImportProfile.name == name)).rowcount > 0
