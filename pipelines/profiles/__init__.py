"""Import profiles: how one kind of published export maps onto the generic indicators loader.

`prepare` runs before the indicators loader: it picks the profile (named, or recognised from
the header), applies it (transform.py) and gives the loader the long table and its options.
"""

from __future__ import annotations

import dataclasses

from sqlalchemy import Engine

from pipelines.load.result import LoadOptions
from pipelines.read import RawTable


def prepare(engine: Engine, programme_id: int, raw: RawTable, options: LoadOptions,
            ) -> tuple[RawTable, LoadOptions]:
    """The table and options the loader should see; the profile's report goes in the table's
    `detected["profile"]`, so it reaches the load result and the batch report."""
    from pipelines.profiles.recognise import recognised_definition

    with engine.connect() as conn:
        # Every indicators load passes here: recognising stays cheap (a fingerprint per profile);
        # the profile itself is built, and the transform imported, only for a file one matches.
        definition = None if options.profile else recognised_definition(
            conn, raw.columns, raw.detected.get("title_rows", []))
        if definition is None and not options.profile:
            return raw, options
        from pipelines.profiles.catalogue import find_profile
        from pipelines.profiles.model import profile_from_definition
        from pipelines.profiles.transform import apply_profile
        from pipelines.programme_areas import area_keys

        if options.profile:
            profile, chosen_by = find_profile(conn, options.profile).profile, "named"
        else:
            profile, chosen_by = profile_from_definition(definition), "recognised"
        keys = area_keys(conn, programme_id)
    done = apply_profile(profile, raw, keys, chosen_by, decimal=options.decimal)
    changes = {}
    if done.decimal and not options.decimal:
        changes["decimal"] = done.decimal
    if done.defines_indicators:
        changes["new_indicators"] = True
    done.table.detected["profile"] = done.report.as_dict()
    return done.table, dataclasses.replace(options, **changes)
