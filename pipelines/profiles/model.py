"""An import profile: the stored description of one export's shape, read from its JSON definition."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipelines.errors import Bilingual, UserError
from pipelines.read import fold
from pipelines.vocab import SECTOR_BY_CODE

SHAPES = ("long", "wide", "sum_columns")
COLUMN_ROLES = ("label", "period", "value", "unit", "area", "measured", "note", "source")
TOTAL_TARGET = "total"
TOTAL_LABEL = "Totaal"  # what the transform writes for a total row (vocab.TOTAL_LABELS)


@dataclass(frozen=True)
class LabelRule:
    pattern: re.Pattern
    target: str  # 'sector:CODE', 'indicator:CODE' or 'total'

    @property
    def output_label(self) -> str:
        """The label the generic loader resolves: an indicator code, or the total label."""
        if self.target == TOTAL_TARGET:
            return TOTAL_LABEL
        kind, _sep, code = self.target.partition(":")
        return f"emissions.{code}" if kind == "sector" else code

    @property
    def sector(self) -> str | None:
        kind, _sep, code = self.target.partition(":")
        return code if kind == "sector" else None


@dataclass(frozen=True)
class RowFilter:
    column: str
    values: frozenset[str]  # folded values to keep


@dataclass(frozen=True)
class Profile:
    """See README "Import profiles" for the fields of a definition."""

    name: str
    definition: dict
    shape: str
    columns: dict[str, str]
    required_columns: tuple[str, ...]  # folded headers that must all be present
    header_pattern: re.Pattern | None  # a header some column must match (wide exports)
    title_pattern: re.Pattern | None  # a title row above the header must match (Excel exports)
    labels: tuple[LabelRule, ...]
    keep: tuple[RowFilter, ...] = ()
    measured: frozenset[str] = frozenset()
    planned: frozenset[str] = frozenset()
    also_keep: frozenset[str] = frozenset()  # e.g. Klimawatch's 'Einwohner' rows
    markers: dict[str, str] = field(default_factory=dict)
    unit: str = ""
    unit_codes: dict[str, str] = field(default_factory=dict)  # unit column's codes → unit
    target_units: dict[str, str] = field(default_factory=dict)  # target → unit
    label_constant: str | None = None
    period_pattern: re.Pattern | None = None
    wide_header: re.Pattern | None = None
    sum_alternatives: tuple[tuple[str, ...], ...] = ()
    add_up: bool = False
    decimal_by_totals: bool = False
    leave_out_unmapped: bool = True
    unmapped_reason: Bilingual = Bilingual("labels the profile does not take", "labels die het profiel niet neemt",
                                           "libellés que le profil ne reprend pas")
    label_units: bool = False
    indicators: tuple[dict, ...] = ()
    unknown_areas: frozenset[str] = frozenset()  # area cells meaning 'no known area' ('Gemeente onbekend')
    footer_pattern: re.Pattern | None = None  # first cell of the first footer row ('Speciale waarden')

    @property
    def description(self) -> dict:
        return self.definition.get("description", {})


def profile_from_definition(definition: dict) -> Profile:
    """A Profile from its JSON definition; UserError naming the first bad field."""
    try:
        return _build(definition)
    except (KeyError, TypeError, ValueError, re.error) as exc:
        name = definition.get("name", "?") if isinstance(definition, dict) else "?"
        raise UserError(Bilingual(f"profile {name!r} is not a valid profile definition: {exc}",
                                  f"profiel {name!r} is geen geldige profielbeschrijving: {exc}",
                                  f"le profil {name!r} n'est pas une définition de profil valable : {exc}")) from None


def _build(d: dict) -> Profile:
    name = str(d["name"]).strip()
    if not re.fullmatch(r"[a-z0-9][a-z0-9_.-]{0,99}", name):
        raise ValueError("name: lower-case letters, digits, '-', '_' or '.', at most 100")
    shape = d.get("shape", "long")
    if shape not in SHAPES:
        raise ValueError(f"shape: one of {', '.join(SHAPES)}")
    columns = {k: v for k, v in d.get("columns", {}).items()}
    unknown = set(columns) - set(COLUMN_ROLES)
    if unknown:
        raise ValueError(f"columns: unknown role(s) {', '.join(sorted(unknown))}")
    recognise = d.get("recognise", {})
    required = tuple(fold(c) for c in recognise.get("columns", []))
    pattern, title = recognise.get("header_pattern"), recognise.get("title_pattern")
    if not required and not pattern and not title:
        raise ValueError("recognise: give columns, a header_pattern or a title_pattern")
    labels = tuple(_label_rule(r) for r in d.get("labels", []))
    measured = d.get("measured", {})
    if measured and "measured" not in columns:
        raise ValueError("measured: needs columns.measured")
    sums = d.get("sum_columns", {})
    return Profile(
        name=name, definition=d, shape=shape, columns=columns, required_columns=required,
        header_pattern=re.compile(pattern) if pattern else None,
        title_pattern=re.compile(title) if title else None, labels=labels,
        keep=tuple(RowFilter(f["column"], frozenset(fold(v) for v in f["values"])) for f in d.get("keep", [])),
        measured=_folded(measured.get("measured", [])), planned=_folded(measured.get("planned", [])),
        also_keep=_folded(measured.get("also_keep", [])),
        markers={str(k).strip(): str(v) for k, v in d.get("markers", {}).items()},
        unit=d.get("unit", ""), unit_codes={str(k): v for k, v in d.get("unit_codes", {}).items()},
        target_units=dict(d.get("target_units", {})), label_constant=d.get("label_constant"),
        period_pattern=re.compile(d["period_pattern"]) if d.get("period_pattern") else None,
        wide_header=re.compile(d["wide_header"]) if d.get("wide_header") else None,
        sum_alternatives=tuple(tuple(a) for a in sums.get("alternatives", [])),
        add_up=bool(d.get("add_up", False)), decimal_by_totals=bool(d.get("decimal_by_totals", False)),
        leave_out_unmapped=d.get("unmapped_labels", "leave_out") == "leave_out",
        unmapped_reason=_reason(d.get("unmapped_reason")),
        label_units=bool(d.get("label_units", False)), indicators=tuple(d.get("indicators", [])),
        unknown_areas=_folded(d.get("unknown_areas", [])),
        footer_pattern=re.compile(d["footer_pattern"]) if d.get("footer_pattern") else None,
    )


def _label_rule(rule: dict) -> LabelRule:
    target = rule["to"]
    kind, _sep, code = target.partition(":")
    if target != TOTAL_TARGET and not (kind == "sector" and code in SECTOR_BY_CODE) and not (kind == "indicator" and code):
        raise ValueError(f"labels: target {target!r} is not 'total', 'sector:CODE' or 'indicator:CODE'")
    return LabelRule(re.compile(rule["match"], re.IGNORECASE), target)


def _reason(text) -> Bilingual:
    """A reason in a definition: {"en": …, "nl": …}, one text for both, or the default."""
    if isinstance(text, dict):
        return Bilingual(str(text.get("en", "")), str(text.get("nl") or text.get("en", "")),
                         str(text["fr"]) if text.get("fr") else None)
    if text:
        return Bilingual(str(text), str(text), str(text))
    return Bilingual("labels the profile does not take", "labels die het profiel niet neemt",
                     "libellés que le profil ne reprend pas")


def _folded(values) -> frozenset[str]:
    return frozenset(fold(str(v)) for v in values)
