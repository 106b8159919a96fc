"""--new-indicators: an indicators file defines the indicators it names (code, names, unit, kind)."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
from sqlalchemy import Connection

from pipelines.errors import Bilingual
from pipelines.load.labels import LabelResolver
from pipelines.load.layout import Layout
from pipelines.load.problems import ProblemLog
from pipelines.read import clean_text, fold
from pipelines.vocab import INDICATOR_KINDS

_YES = {"1", "yes", "ja", "true", "waar", "y", "j"}
_NO = {"0", "no", "nee", "false", "onwaar", "n"}
_KINDS = {fold(x): t.code for t in INDICATOR_KINDS for x in (t.code, t.nl, t.en, t.fr) if x}


def make_definer(
    conn: Connection, programme_id: int, layout: Layout, resolver: LabelResolver, problems: ProblemLog,
    defined: dict[str, dict],
) -> Callable[[str, pd.DataFrame, int, int], int | None]:
    """A function defining the indicator a label names from the cells of its first row; each one
    defined goes in `defined` (code → its names)."""

    def define(label: str, frame: pd.DataFrame, row: int, line: int) -> int | None:
        code = clean_text(label)
        if not code or layout.label != layout.column("indicator"):
            return None
        cell = _cell_reader(frame, row, layout)
        spec, problem = _spec(code, cell, layout)
        if problem:
            column, value, expected = problem
            # Same key as the unknown-label problem, so the row is reported once, with this reason.
            problems.add_once(("label", label), line, column, value, expected, 0)
            return None
        spec["sector_code"] = resolver.sector_code(cell("sector"))
        new_id = resolver.define(conn, programme_id, spec)
        defined[spec["code"]] = {key: spec[key] for key in ("name_nl", "name_en", "name_fr")}
        return new_id

    return define


def _cell_reader(frame: pd.DataFrame, row: int, layout: Layout) -> Callable[[str], str]:
    def cell(role: str) -> str:
        column = layout.column(role)
        return clean_text(str(frame[column].iloc[row])) if column else ""

    return cell


def _spec(code: str, cell, layout: Layout) -> tuple[dict, tuple | None]:
    unit = cell("unit") or layout.value_unit or next((u for _c, _p, u in layout.periods if u), "")
    if not unit:
        return {}, (layout.column("unit") or layout.label, code, Bilingual(
            f"a unit for the new indicator {code!r}", f"een eenheid voor de nieuwe indicator {code!r}",
            f"une unité pour le nouvel indicateur {code!r}"))
    kind_text = cell("kind")
    kind = _KINDS.get(fold(kind_text)) if kind_text else "activity"
    if kind is None:
        return {}, (layout.column("kind"), kind_text, Bilingual(
            "an indicator kind: emissions, activity or context",
            "een soort indicator: uitstoot, activiteit of context",
            "un type d'indicateur : émissions, activité ou contexte"))
    better = fold(cell("lower_is_better"))
    lower = True if better in _YES else False if better in _NO else kind == "emissions"
    name_nl = cell("name_nl") or cell("name_en") or code
    name_en = cell("name_en") or cell("name_nl") or code
    # No French name: the pages show the English one (marked as English) rather than a copy.
    name_fr = cell("name_fr") or None
    spec = {
        "code": code[:100], "name_nl": name_nl[:200], "name_en": name_en[:200],
        "name_fr": name_fr[:200] if name_fr else None, "unit": unit[:40],
        "kind": kind, "lower_is_better": lower, "sector_code": None,
    }
    return spec, None
