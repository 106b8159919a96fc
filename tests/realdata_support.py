"""Loading the real published exports of ../shared/realdata (never copied into the repository)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from pipelines.load import load_file
from pipelines.load.result import LoadOptions, LoadResult
from pipelines.profiles import prepare
from pipelines.programmes import ProgrammeSpec, create_programme
from pipelines.read import read_table
from pipelines.schema import DerivedEmissions, Indicator, Observation
from pipelines.vocab import TOTAL, emissions_indicator_code

REPORTED_TOTAL = emissions_indicator_code(TOTAL)

# CI has shared/ beside the clone; a checkout elsewhere (a git worktree) names it in ROADMAP_REALDATA.
REALDATA = Path(os.environ.get("ROADMAP_REALDATA") or Path(__file__).resolve().parents[1] / ".." / "shared" / "realdata")
needs_realdata = pytest.mark.skipif(
    not REALDATA.is_dir(), reason=f"the shared real exports are not at {REALDATA.resolve()} (CI puts them beside the clone; elsewhere set ROADMAP_REALDATA)")


def programme_for(engine, names: list[str], codes: list[str] = ()) -> int:
    """A fresh programme of the README's area: its first name, then its other names and codes."""
    return create_programme(engine, ProgrammeSpec(
        slug="area", name=f"{names[0]} climate programme", baseline_year=2010, target_year=2030,
        target_residual_pct=0.0,
        area_name=names[0], other_area_names=tuple(names[1:]), other_area_codes=tuple(codes)))


def load_real(engine, programme_id: int, relative: str) -> LoadResult:
    """`roadmap load indicators FILE` with no option (may_fork as on the command line)."""
    start = time.perf_counter()
    result = load_file(engine, programme_id, "indicators", REALDATA / relative, options=LoadOptions(may_fork=True))
    result.detected["seconds"] = time.perf_counter() - start
    return result


def transformed(engine, programme_id: int, relative: str):
    """The long table the profile hands the loader (total rows included), as a DataFrame."""
    path = REALDATA / relative
    table, _options = prepare(engine, programme_id, read_table(path, path.name), LoadOptions())
    return table.frame


def _current(engine) -> dict[tuple[str, str], float | str | None]:
    with engine.connect() as conn:
        rows = conn.execute(
            select(Indicator.code, Observation.period, Observation.value, Observation.missing_key)
            .join(Indicator, Indicator.id == Observation.indicator_id).where(Observation.is_current)
        ).all()
    return {(code, period): (value if value is not None else key) for code, period, value, key in rows}


def stored(engine) -> dict[tuple[str, str], float | str | None]:
    """(indicator code, period) → current value, or the missing key when the value is missing;
    the reported totals apart (see `reported`)."""
    return {k: v for k, v in _current(engine).items() if k[0] != REPORTED_TOTAL}


def reported(engine) -> dict[str, float | str | None]:
    """Period → the stored reported total (`emissions.total`) of that period."""
    return {period: v for (code, period), v in _current(engine).items() if code == REPORTED_TOTAL}


def headline(engine, programme_id: int) -> dict[int, tuple[float | None, bool]]:
    """Year → (total t, complete) as the derived table holds it for every chart and page."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(DerivedEmissions.year, DerivedEmissions.value_t, DerivedEmissions.complete)
            .where(DerivedEmissions.programme_id == programme_id, DerivedEmissions.sector_code == TOTAL)
        ).all()
    return {year: (value, bool(complete)) for year, value, complete in rows}


def totals(frame) -> dict[str, float]:
    """Period → the total row's value in the transform's output (the loader checks these)."""
    rows = frame[frame["indicator"] == "Totaal"]
    return {p: float(v) for p, v in zip(rows["period"], rows["value"], strict=True) if v not in ("", "C", "?")}
