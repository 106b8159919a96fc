"""Which indicator a row's label means: a code, an indicator name, a sector (nl/en), or a total."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, insert, select

from pipelines.errors import Bilingual
from pipelines.mapping import LabelMapping
from pipelines.read import fold
from pipelines.schema import Indicator
from pipelines.units import is_known_unit
from pipelines.vocab import (
    SECTOR_ALIASES,
    SECTORS,
    TOTAL,
    TOTAL_LABELS,
    emissions_indicator_code,
)

TOTAL_ROW = -1  # a total row when the programme has no reported-total indicator (not stored)
TOTAL_CODE = emissions_indicator_code(TOTAL)  # the programme's reported total series
UNKNOWN = 0
MAX_LABEL_CHARS = 300  # a code, a name or a sector with its unit; a longer cell is no label
_PARENTHESES = re.compile(r"\s*[\(\[](.*?)[\)\]]\s*")


@dataclass(frozen=True)
class IndicatorInfo:
    id: int
    code: str
    unit: str
    kind: str
    sector_code: str | None


@dataclass(frozen=True)
class Resolution:
    indicator_id: int  # an indicator id, TOTAL_ROW or UNKNOWN
    unit: str = ""  # a unit written inside the label ('Huishoudens (kt CO2e)')
    mapped_to: str | None = None  # a mapping target that does not exist


def ensure_total_indicator(conn: Connection, programme_id: int) -> None:
    """The programme's reported-total series (contract with pipelines/programmes.py), made when a
    programme created before it lacks one, so that a total row is stored rather than dropped."""
    found = conn.execute(select(Indicator.id).where(
        Indicator.programme_id == programme_id, Indicator.code == TOTAL_CODE)).first()
    if found is None:
        conn.execute(insert(Indicator).values(
            programme_id=programme_id, code=TOTAL_CODE, name_nl="Gerapporteerde totale uitstoot",
            name_en="Reported total emissions", name_fr="Émissions totales déclarées", unit="t CO2e", sector_code=None, kind="emissions",
            lower_is_better=True))


def load_indicators(conn: Connection, programme_id: int) -> list[IndicatorInfo]:
    rows = conn.execute(
        select(Indicator.id, Indicator.code, Indicator.unit, Indicator.kind, Indicator.sector_code)
        .where(Indicator.programme_id == programme_id)
    )
    return [IndicatorInfo(*row) for row in rows]


class LabelResolver:
    """Resolves labels of one file; remembers indicators a file defines (--new-indicators)."""

    def __init__(self, indicators: list[IndicatorInfo], mapping: LabelMapping):
        self.by_id = {i.id: i for i in indicators}
        self.mapping = mapping
        self._codes = {fold(i.code): i.id for i in indicators}
        self._sectors = _sector_lookup()

    @property
    def total_id(self) -> int:
        """The reported-total indicator's id (TOTAL_ROW when the programme has none)."""
        return self._codes.get(TOTAL_CODE, TOTAL_ROW)

    def info(self, indicator_id: int) -> IndicatorInfo:
        return self.by_id[indicator_id]

    def resolve(self, label: str) -> Resolution:
        """The indicator a label stands for; tries it whole, then without a '(unit)' part."""
        if len(label) > MAX_LABEL_CHARS:  # no indicator has such a label; matching it costs time
            return Resolution(UNKNOWN)
        found = self._resolve_folded(fold(label))
        if found.indicator_id != UNKNOWN or found.mapped_to:
            return found
        inner = _PARENTHESES.findall(label)
        bare = fold(_PARENTHESES.sub(" ", label))
        if not inner or not bare:
            return found
        again = self._resolve_folded(bare)
        unit = inner[-1].strip()
        return Resolution(again.indicator_id, unit if is_known_unit(unit) else "", again.mapped_to)

    def _resolve_folded(self, key: str) -> Resolution:
        if key in self.mapping.indicators:
            target = self.mapping.indicators[key]
            return Resolution(self._codes.get(fold(target), UNKNOWN), mapped_to=target)
        if key in self.mapping.sectors:
            return self._sector(self.mapping.sectors[key])
        if key in self._codes:
            return Resolution(self._codes[key])
        if key in TOTAL_LABELS or key == TOTAL:
            return Resolution(self.total_id)
        if key in self._sectors:
            return self._sector(self._sectors[key])
        return Resolution(UNKNOWN)

    def sector_code(self, label: str) -> str | None:
        """The standard sector a label names (code, nl/en name or alias), or None."""
        return self._sectors.get(fold(label)) if label else None

    def _sector(self, sector_code: str) -> Resolution:
        if sector_code == TOTAL:
            return Resolution(self.total_id)
        code = emissions_indicator_code(sector_code)
        return Resolution(self._codes.get(fold(code), UNKNOWN), mapped_to=None if fold(code) in self._codes else code)

    def define(self, conn: Connection, programme_id: int, spec: dict) -> int:
        """Insert an indicator a file defines (--new-indicators); returns its id."""
        new_id = conn.execute(
            insert(Indicator).values(programme_id=programme_id, **spec).returning(Indicator.id)
        ).scalar_one()
        info = IndicatorInfo(new_id, spec["code"], spec["unit"], spec["kind"], spec.get("sector_code"))
        self.by_id[new_id] = info
        self._codes[fold(info.code)] = new_id
        return new_id


def _sector_lookup() -> dict[str, str]:
    """Folded sector code, nl/en name and alias → sector code (also 'emissions <sector>')."""
    lookup: dict[str, str] = {}
    for s in SECTORS:
        for name in (s.code, s.nl, s.en, *SECTOR_ALIASES.get(s.code, ())):
            lookup.setdefault(fold(name), s.code)
            lookup.setdefault(fold(name.replace("_", " ")), s.code)
    for key, code in list(lookup.items()):
        lookup.setdefault(f"emissions {key}", code)
        lookup.setdefault(f"uitstoot {key}", code)
    return lookup


def names_a_sector_or_total(header: str) -> bool:
    """Whether a column header (without a '(unit)' part) is a standard sector or a total label."""
    bare = fold(_PARENTHESES.sub(" ", header))
    return bool(bare) and (bare in _SECTOR_NAMES or bare in TOTAL_LABELS or bare == TOTAL)


def unknown_label_hint(has_definitions: bool) -> Bilingual:
    """What a Problem about an unknown label expects."""
    text = Bilingual(
        "a known indicator code, indicator name or sector (nl/en, e.g. 'Huishoudens' or "
        "'Residential buildings'); map other labels with --mapping FILE "
        "(columns source_label,kind,target)",
        "een gekende indicatorcode, indicatornaam of sector (nl/en, bv. 'Huishoudens' of "
        "'Residential buildings'); koppel andere labels hieronder aan een indicator of sector",
        "un code d'indicateur, un nom d'indicateur ou un secteur connus (nl/en, p. ex. « Huishoudens » "
        "ou « Residential buildings ») ; associez les autres libellés ci-dessous à un indicateur ou "
        "un secteur",
    )
    if has_definitions:
        text += Bilingual(", or add --new-indicators to define the indicators this file names",
                          ", of kies 'Nieuwe indicatoren uit het bestand aanmaken'",
                          ", ou choisissez « Créer les nouveaux indicateurs que le fichier définit »")
    return text


_SECTOR_NAMES = _sector_lookup()
