"""The fields of partner and commitment rows: file column, stored attribute, how a cell is read."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cached_property

from sqlalchemy import Connection, select

from pipelines.errors import UNKNOWN_PARTNER_TYPE, Bilingual
from pipelines.load.record_fields import (
    CellError,
    TermMatcher,
    check_length,
    match_key,
    parse_date,
    parse_date_or_year,
    parse_url,
    parse_year,
)
from pipelines.mapping import LabelMapping
from pipelines.numbers import expected_number, is_ambiguous, missing_key, parse_number
from pipelines.schema import Indicator, Partner, Sector
from pipelines.themes import ThemeMatcher, theme_matcher
from pipelines.vocab import (
    COMMITMENT_SHAPE_ALIASES,
    COMMITMENT_SHAPES,
    COMMITMENT_STATUS_ALIASES,
    COMMITMENT_STATUSES,
    PARTNER_TYPE_ALIASES,
    PARTNER_TYPES,
    Term,
)

PARTNER_TYPE = TermMatcher(PARTNER_TYPES, PARTNER_TYPE_ALIASES)
COMMITMENT_STATUS = TermMatcher(COMMITMENT_STATUSES, COMMITMENT_STATUS_ALIASES)
COMMITMENT_SHAPE = TermMatcher(COMMITMENT_SHAPES, COMMITMENT_SHAPE_ALIASES)

# Tonnes CO2e per year, in the spellings analysts use; the scale word is all that differs.
_CO2_WORDS = re.compile(
    r"co2[-\s]?eq\.?|co2e|co₂e|co₂[-\s]?eq\.?|co2|co₂"  # the gas, however written
    r"|/\s*(?:yr|year|jaar|an|j|a)\b|per\s+(?:year|jaar)|par\s+an\b|\s"  # per year (nl/en/fr), and spaces
)
_TONNE_SCALES = {
    "t": 1.0, "ton": 1.0, "tonne": 1.0, "tonnes": 1.0, "tonnen": 1.0, "tons": 1.0,
    "kt": 1e3, "kton": 1e3, "kiloton": 1e3, "kilotonne": 1e3,
    "mt": 1e6, "mton": 1e6, "megaton": 1e6, "megatonne": 1e6,
}


def tonnes_factor(unit: str) -> float:
    """How many tonnes CO2e one unit is: 't CO2e/jaar' → 1, 'kt CO₂-eq' → 1000."""
    word = _CO2_WORDS.sub("", unit.lower())
    if word not in _TONNE_SCALES:
        raise CellError(Bilingual("a unit of t, kt or Mt CO2e per year (e.g. 't CO2e/jaar')",
                                  "een eenheid t, kt of Mt CO2e per jaar (bv. 't CO2e/jaar')",
                                  "une unité t, kt ou Mt CO2e par an (p. ex. 't CO2e/an')"))
    return _TONNE_SCALES[word]


class Lookups:
    """What cells are matched against: the database's sectors, themes, indicators and partners."""

    def __init__(self, conn: Connection, programme_id: int, decimal: str | None = None):
        self.conn = conn
        self.programme_id = programme_id
        self.decimal = decimal  # the file's decimal mark, once detected
        self.headers: Mapping[str, str] = {}  # canonical column -> the file's header
        self.mapping = LabelMapping()  # --mapping: e.g. a programme's own partner types

    def partner_type(self, text: str) -> str:
        """A partner type: its code, name or alias, or a word the mapping file maps to one."""
        mapped = self.mapping.partner_types.get(match_key(text))
        if mapped is not None:
            return mapped
        try:
            return PARTNER_TYPE(text)
        except CellError as exc:
            raise CellError(exc.expected + Bilingual(
                f"; or map {text!r} to one of them with --mapping FILE "
                f"(a row '{text},partner_type,public' in columns source_label,kind,target)",
                f"; of koppel {text!r} aan een van die types met een koppelbestand "
                f"(een rij '{text},partner_type,public' in de kolommen source_label,kind,target)",
                f" ; ou associez {text!r} à l'un de ces types avec un fichier de correspondance "
                f"(une ligne '{text},partner_type,public' dans les colonnes source_label,kind,target)"),
                UNKNOWN_PARTNER_TYPE) from None

    @cached_property
    def sector(self) -> TermMatcher:
        rows = self.conn.execute(
            select(Sector.code, Sector.name_nl, Sector.name_en).order_by(Sector.sort_order)
        )
        return TermMatcher([Term(code, nl, en) for code, nl, en in rows], what=Bilingual("a sector", "een sector",
                                                                                         "un secteur"))

    @cached_property
    def theme(self) -> ThemeMatcher:
        return theme_matcher(self.conn, self.programme_id)

    @cached_property
    def _indicators(self) -> dict[str, int]:
        rows = self.conn.execute(
            select(Indicator.id, Indicator.code, Indicator.name_nl, Indicator.name_en, Indicator.name_fr)
            .where(Indicator.programme_id == self.programme_id)
        ).all()
        found = {match_key(code): ident for ident, code, *_names in rows}
        for ident, _code, *names in rows:  # names too (Dutch, English, French), but a code always wins
            for name in names:
                if name:
                    found.setdefault(match_key(name), ident)
        return found

    @cached_property
    def _partners(self) -> dict[str, int]:
        rows = self.conn.execute(
            select(Partner.id, Partner.name).where(Partner.programme_id == self.programme_id)
        )
        return {match_key(name): ident for ident, name in rows}

    def indicator(self, text: str) -> int:
        ident = self._indicators.get(match_key(text))
        if ident is None:
            raise CellError(Bilingual("the code or name of an indicator of the programme (e.g. population)",
                                      "de code of naam van een indicator van het programma (bv. population)",
                                      "le code ou le nom d'un indicateur du programme (p. ex. population)"))
        return ident

    def partner(self, text: str) -> int:
        ident = self._partners.get(match_key(text))
        if ident is None:
            raise CellError(Bilingual(
                "the name of a partner already in the programme "
                "(a commitments file cannot add partners: load them with `roadmap load partners` first)",
                "de naam van een partner die al in het programma zit "
                "(een bestand met engagementen voegt geen partners toe: laad eerst een partnerbestand)",
                "le nom d'un partenaire qui figure déjà dans le programme "
                "(un fichier d'engagements n'ajoute pas de partenaires : chargez d'abord un fichier de partenaires)",
            ))
        return ident

    def number(self, text: str) -> float | None:
        """A number in the file's decimal mark; a missing-value marker ('?', 'NA', '-') is None."""
        if missing_key(text) is not None:
            return None
        if self.decimal is None and is_ambiguous(text):
            raise CellError(Bilingual(
                f"an unambiguous number: {text} reads as thousands or decimals; "
                "pass the file's decimal mark (--decimal , or --decimal .)",
                f"een ondubbelzinnig getal: {text} leest als duizendtallen of als decimalen; "
                "kies het decimaalteken van het bestand",
                f"un nombre sans ambiguïté : {text} se lit comme des milliers ou comme des décimales ; "
                "choisissez le séparateur décimal du fichier",
            ))
        try:
            return parse_number(text, self.decimal)
        except ValueError:
            raise CellError(expected_number(self.decimal)) from None

    def percent(self, text: str) -> float | None:
        value = self.number(text.rstrip().removesuffix("%").rstrip())
        if value is not None and not 0 <= value <= 100:
            raise CellError(Bilingual("a percentage between 0 and 100 (e.g. 45 or 45,5%)",
                                      "een percentage tussen 0 en 100 (bv. 45 of 45,5%)",
                                      "un pourcentage entre 0 et 100 (p. ex. 45 ou 45,5 %)"))
        return value


Parse = Callable[[Lookups, str], object]


@dataclass(frozen=True)
class FieldSpec:
    column: str  # canonical file column (pipelines.vocab.*_COLUMNS)
    attr: str | None  # stored attribute; None for a column that only qualifies another (unit)
    parse: Parse
    required: bool = False
    # For a NOT NULL attribute: an empty cell keeps the stored value (a new row gets `default`).
    nullable: bool = True
    default: object = None
    numeric: bool = False  # its cells decide the file's decimal mark
    story: bool = False  # free text: line breaks and repeated spaces are kept


def _text(limit: int | None = None) -> Parse:
    return lambda _lookups, text: check_length(text, limit) if limit else text


def _non_negative(lookups: Lookups, text: str) -> float | None:
    value = lookups.number(text)
    if value is not None and value < 0:
        raise CellError(Bilingual("a reduction of 0 or more tonnes CO2e per year",
                                  "een reductie van 0 of meer ton CO2e per jaar",
                                  "une réduction de 0 tonne CO2e par an ou plus"))
    return value


PARTNER_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("name", "name", _text(200), required=True, nullable=False),
    FieldSpec("type", "type", lambda lookups, t: lookups.partner_type(t), required=True, nullable=False),
    FieldSpec("sector", "sector_code", lambda lookups, t: lookups.sector(t)),
    FieldSpec("joined", "joined_on", lambda _l, t: parse_date_or_year(t)),
    FieldSpec("website", "website", lambda _l, t: parse_url(t)),
    FieldSpec("description", "description", _text(), story=True),
)

COMMITMENT_FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("partner", "partner_id", lambda lookups, t: lookups.partner(t), required=True, nullable=False),
    FieldSpec("title", "title", _text(300), required=True, nullable=False),
    FieldSpec("theme", "theme_id", lambda lookups, t: lookups.theme(t)),
    FieldSpec("sector", "sector_code", lambda lookups, t: lookups.sector(t)),
    FieldSpec("reduction", "reduction_t_per_year", _non_negative, numeric=True),
    FieldSpec("unit", None, lambda _l, t: tonnes_factor(t)),
    FieldSpec("indicator", "indicator_id", lambda lookups, t: lookups.indicator(t)),
    FieldSpec("indicator_target", "indicator_target", lambda lookups, t: lookups.number(t), numeric=True),
    FieldSpec("target_year", "target_year", lambda _l, t: parse_year(t)),
    FieldSpec("start_year", "start_year", lambda _l, t: parse_year(t)),
    FieldSpec("shape", "shape", lambda _l, t: COMMITMENT_SHAPE(t)),
    FieldSpec("status", "status", lambda _l, t: COMMITMENT_STATUS(t), nullable=False, default="planned"),
    FieldSpec("progress", "progress_pct", lambda lookups, t: lookups.percent(t), numeric=True),
    FieldSpec("last_update", "last_update", lambda _l, t: parse_date(t)),
    FieldSpec("url", "url", lambda _l, t: parse_url(t)),
    FieldSpec("note", "note", _text(), story=True),
    FieldSpec("description", "description", _text(), story=True),
)


def delivery_problems(values: Mapping[str, object], blame: str = "start_year") -> list[tuple[str, str, Bilingual]]:
    """A commitment's start year after its target year, as (attribute, value, expected) on the
    `blame`d field (start_year, or target_year when that is the one being changed): the one rule
    the commitments loader (a file's row) and the coordinator's editor (the row as it would be
    saved) both apply. Each value was checked on its own by its FieldSpec first."""
    start, due = values.get("start_year"), values.get("target_year")
    if not (isinstance(start, int) and isinstance(due, int) and start > due):
        return []
    if blame == "target_year":
        return [("target_year", str(due), Bilingual(
            f"a target year at or after the commitment's start year {start}",
            f"een doeljaar in of na het startjaar {start} van het engagement",
            f"une année cible égale ou postérieure à l’année de début {start} de l’engagement"))]
    return [("start_year", str(start), Bilingual(
        f"a start year at or before the commitment's target year {due}",
        f"een startjaar in of voor het doeljaar {due} van het engagement",
        f"une année de début égale ou antérieure à l’année cible {due} de l’engagement"))]
