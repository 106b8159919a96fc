"""The loader's options for a file chosen on the upload page (the check and the job share them)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from pipelines.csv_safe import safe_cell
from pipelines.load.result import LoadOptions

MAPPING_HEADER = "source_label,kind,target\n"


@contextmanager
def upload_load_options(
    kind: str, decimal: str | None, new_indicators: bool, mapping: tuple[tuple[str, str, str], ...], *,
    dry_run: bool, user: str, on_wait: Callable[[str], None] | None = None,
    planned_target_set: str | None = None,
) -> Iterator[LoadOptions]:
    """The loader's options; a mapping from the page is written to a temporary file for it."""
    indicators = kind == "indicators"
    options = LoadOptions(decimal=decimal, dry_run=dry_run, user=user, on_wait=on_wait,
                          new_indicators=new_indicators and indicators,
                          planned_as_target_set=(planned_target_set or None) if indicators else None)
    if not mapping or kind not in ("indicators", "partners"):
        yield options
        return
    with tempfile.TemporaryDirectory(prefix="roadmap-mapping-") as folder:
        path = Path(folder) / "mapping.csv"
        path.write_text(mapping_csv(mapping), encoding="utf-8")
        yield replace(options, mapping=path)


def mapping_csv(rows: tuple[tuple[str, str, str], ...]) -> str:
    """A mapping file (source_label,kind,target) as `roadmap load --mapping` reads it; labels
    that a spreadsheet could run as a formula are quoted (the mapping reader takes it off)."""
    def cell(value: str) -> str:
        value = safe_cell(value)
        return '"' + value.replace('"', '""') + '"' if any(c in value for c in ',"\n\r') else value

    return MAPPING_HEADER + "".join(",".join(cell(v) for v in row) + "\n" for row in rows)
