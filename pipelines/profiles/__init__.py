"""Import profiles: how one kind of published export maps onto the generic indicators loader.

`prepare` runs before the indicators loader: it picks the profile (named, or recognised from
the header), applies it (transform.py) and gives the loader the long table and its options.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine

from pipelines.load.result import LoadOptions
from pipelines.read import RawTable

if TYPE_CHECKING:
    from pipelines.profiles.model import Profile


def prepare(engine: Engine, programme_id: int, raw: RawTable, options: LoadOptions,
            ) -> tuple[RawTable, LoadOptions]:
    """The table and options the loader should see; the profile's report goes in the table's
    `detected["profile"]`, so it reaches the load result and the batch report."""
    with engine.connect() as conn:
        chosen = choose_profile(conn, raw, options)
        if chosen is None:
            return raw, options
        from pipelines.programme_areas import area_keys

        keys = area_keys(conn, programme_id)
    return apply_for_areas(chosen[0], chosen[1], raw, options, keys)


def choose_profile(conn: Connection, raw: RawTable, options: LoadOptions) -> tuple[Profile, str] | None:
    """(profile, 'named' or 'recognised') for the file, or None when no profile reads it."""
    from pipelines.profiles.recognise import recognised_definition

    # Every indicators load passes here: recognising stays cheap (a fingerprint per profile);
    # the profile itself is built, and the transform imported, only for a file one matches.
    definition = None if options.profile else recognised_definition(
        conn, raw.columns, raw.detected.get("title_rows", []))
    if definition is None and not options.profile:
        return None
    from pipelines.profiles.catalogue import find_profile
    from pipelines.profiles.model import profile_from_definition

    if options.profile:
        return find_profile(conn, options.profile).profile, "named"
    assert definition is not None  # returned above when neither a name nor a match
    return profile_from_definition(definition), "recognised"


def apply_for_areas(profile: Profile, chosen_by: str, raw: RawTable, options: LoadOptions,
                    keys: set[str]) -> tuple[RawTable, LoadOptions]:
    """The profile applied to the rows of the areas `keys` names (folded names and codes)."""
    from pipelines.profiles.transform import apply_profile

    done = apply_profile(profile, raw, keys, chosen_by, decimal=options.decimal)
    if done.decimal and not options.decimal:
        options = dataclasses.replace(options, decimal=done.decimal)
    done.table.detected["profile_planned_rows"] = done.report.planned_rows
    if options.planned_as_target_set and done.report.planned_rows:
        # The planned rows the profile left out, in the same long shape, read by the loader as
        # a target set (pipelines/load/planned_rows.py); the same decimal mark as the measured.
        planned = dataclasses.replace(profile, measured=profile.planned,
                                      planned=profile.measured | profile.also_keep, also_keep=frozenset())
        options = dataclasses.replace(options, planned_rows=apply_profile(
            planned, raw, keys, chosen_by, decimal=done.decimal or options.decimal).table)
    if done.defines_indicators:
        options = dataclasses.replace(options, new_indicators=True)
    done.table.detected["profile"] = done.report.as_dict()
    return done.table, options
