"""Closed vocabularies: sectors, statuses, partner types, indicator kinds, missing-value keys.

Each term carries its Dutch and English label and, where it is drawn, a colour. Colours follow
Paul Tol's colour-blind-safe palettes (https://personal.sron.nl/~pault/).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    code: str
    nl: str
    en: str
    colour: str = "#777777"

    def label(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en


@dataclass(frozen=True)
class SectorDef:
    code: str
    nl: str
    en: str
    parent: str | None
    gpc: str
    com: str
    colour: str
    can_be_sink: bool = False

    def label(self, lang: str) -> str:
        return self.nl if lang == "nl" else self.en


# Standard sector list after the Covenant of Mayors (CoM) template and the GPC.
# Totals add up the top-level sectors; a top-level sector without its own series is the
# sum of its children (see pipelines/derived.py).
SECTORS: tuple[SectorDef, ...] = (
    SectorDef("buildings", "Gebouwen", "Buildings", None, "I", "buildings", "#4477AA"),
    SectorDef("residential", "Huishoudens", "Residential buildings", "buildings", "I.1", "residential", "#4477AA"),
    SectorDef("tertiary", "Tertiaire gebouwen", "Tertiary buildings", "buildings", "I.2", "tertiary", "#66CCEE"),
    SectorDef("municipal", "Gemeentelijke gebouwen", "Municipal buildings", "buildings", "I.2", "municipal", "#228833"),
    SectorDef("public_lighting", "Openbare verlichting", "Public lighting", "buildings", "I.2", "public_lighting", "#CCBB44"),
    SectorDef("industry", "Industrie (niet-ETS)", "Industry (non-ETS)", None, "I.3", "industry", "#EE6677"),
    SectorDef("energy_production", "Lokale energieproductie", "Local energy production", None, "I.4", "energy_production", "#AA3377"),
    SectorDef("transport", "Transport", "Transport", None, "II", "transport", "#EE7733"),
    SectorDef("transport_municipal", "Gemeentelijke vloot", "Municipal fleet", "transport", "II.1", "municipal_fleet", "#EE7733"),
    SectorDef("transport_public", "Openbaar vervoer", "Public transport", "transport", "II.1", "public_transport", "#CC3311"),
    SectorDef("transport_private", "Privé en commercieel vervoer", "Private and commercial transport", "transport", "II.1", "private_transport", "#EE3377"),
    SectorDef("waste", "Afval", "Waste", None, "III", "waste", "#BBBBBB"),
    SectorDef("wastewater", "Afvalwater", "Wastewater", "waste", "III.4", "wastewater", "#999933"),
    SectorDef("ippu", "Industriële processen en productgebruik", "Industrial processes and product use", None, "IV", "ippu", "#882255"),
    SectorDef("afolu", "Landbouw, bosbouw en landgebruik", "Agriculture, forestry and land use", None, "V", "afolu", "#117733", True),
    SectorDef("agriculture", "Landbouw", "Agriculture", "afolu", "V.1", "agriculture", "#44AA99"),
    SectorDef("land_use", "Bossen en landgebruik", "Forestry and land use", "afolu", "V.3", "land_use", "#117733", True),
)
SECTOR_BY_CODE = {s.code: s for s in SECTORS}


def emissions_indicator_code(sector_code: str) -> str:
    """Code of the emissions series every programme has for a sector."""
    return f"emissions.{sector_code}"


TOTAL = "total"  # sector_code of the whole-programme rows in derived tables

PARTNER_TYPES: tuple[Term, ...] = (
    Term("company", "Bedrijf", "Company", "#4477AA"),
    Term("knowledge", "Kennisinstelling", "Knowledge institution", "#66CCEE"),
    Term("civil_society", "Middenveld", "Civil society", "#228833"),
    Term("residents", "Bewonersgroep", "Resident group", "#CCBB44"),
    Term("public", "Overheid", "Public body", "#EE6677"),
)

COMMITMENT_STATUSES: tuple[Term, ...] = (
    Term("planned", "Gepland", "Planned", "#BBBBBB"),
    Term("in_progress", "Bezig", "In progress", "#4477AA"),
    Term("achieved", "Gerealiseerd", "Achieved", "#228833"),
    Term("delayed", "Vertraagd", "Delayed", "#CCBB44"),
    Term("withdrawn", "Ingetrokken", "Withdrawn", "#EE6677"),
)

INDICATOR_KINDS: tuple[Term, ...] = (
    Term("emissions", "Uitstoot", "Emissions"),
    Term("activity", "Activiteit", "Activity"),
    Term("context", "Context", "Context"),
)

TRACK_STATUSES: tuple[Term, ...] = (
    Term("on_track", "Op koers", "On track", "#228833"),
    Term("at_risk", "Risico", "At risk", "#CCBB44"),
    Term("off_track", "Niet op koers", "Off track", "#EE6677"),
    Term("unknown", "Onbekend", "Not enough data", "#BBBBBB"),
)

IMPORT_KINDS = ("indicators", "partners", "commitments")
ROLES = ("analyst", "coordinator", "admin")

# Missing-value markers. Notation keys are those of the GPC; the others are what analysts type.
NOTATION_KEYS = {
    "NO": "not occurring",
    "NE": "not estimated",
    "IE": "included elsewhere",
    "C": "confidential",
}
MISSING_MARKERS = {"", "?", "-", "–", "—", "NA", "N/A", "n/a", "na", "NaN", "nan", "..", "x"}

# Labels of rows that hold a total (checked against the sum of sectors, never stored as one).
TOTAL_LABELS = {
    "total", "totaal", "gesamt", "summe", "som", "totaal generaal", "grand total", "eindtotaal",
    "totaal uitstoot", "total emissions", "totale uitstoot", "all sectors", "alle sectoren",
}


def terms_by_code(terms: tuple[Term, ...]) -> dict[str, Term]:
    return {t.code: t for t in terms}
