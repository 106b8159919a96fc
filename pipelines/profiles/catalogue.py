"""Where profiles live: shipped with the package (shipped/*.json) and saved in the database."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from importlib import resources

from sqlalchemy import Connection, Engine, delete, insert, select

from pipelines import db
from pipelines.errors import Bilingual, UserError
from pipelines.profiles.model import Profile, profile_from_definition
from pipelines.read import fold
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
    folder = resources.files("pipelines.profiles") / "shipped"
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".json")), key=lambda f: f.name)
    return tuple(profile_from_definition(json.loads(f.read_text(encoding="utf-8"))) for f in files)


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
                              f"geen importprofiel {name!r} (gekend: {known})"))


def recognise(conn: Connection, columns: list[str], titles: list[str] = ()) -> Profile | None:
    """The profile whose header fingerprint the file's columns (and title rows) match; the most
    specific wins."""
    folded = {fold(c) for c in columns}
    best, best_size = None, -1
    for stored in all_profiles(conn):
        profile = stored.profile
        if not set(profile.required_columns) <= folded:
            continue
        if profile.header_pattern is not None and not any(profile.header_pattern.search(c) for c in columns):
            continue
        if profile.title_pattern is not None and not any(profile.title_pattern.search(t) for t in titles):
            continue
        if len(profile.required_columns) > best_size:
            best, best_size = profile, len(profile.required_columns)
    return best


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
