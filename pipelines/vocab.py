"""Closed vocabularies: sectors, statuses, partner types, indicator kinds, missing-value keys.

Each term carries its Dutch, English and French label and, where it is drawn, a colour. Colours follow
Paul Tol's colour-blind-safe palettes (https://personal.sron.nl/~pault/).
"""

from __future__ import annotations

from dataclasses import dataclass


def _in_language(term, lang: str) -> str:
    if lang == "fr" and term.fr:
        return term.fr
    return term.nl if lang == "nl" else term.en


@dataclass(frozen=True)
class Term:
    code: str
    nl: str
    en: str
    colour: str = "#777777"
    fr: str | None = None  # French, where given (else English shows on a French page)

    def label(self, lang: str) -> str:
        return _in_language(self, lang)


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
    fr: str | None = None

    def label(self, lang: str) -> str:
        return _in_language(self, lang)


# Standard sector list after the Covenant of Mayors (CoM) template and the GPC.
# Totals add up the top-level sectors; a top-level sector without its own series is the
# sum of its children (see pipelines/derived.py).
SECTORS: tuple[SectorDef, ...] = (
    SectorDef("buildings", "Gebouwen", "Buildings", None, "I", "buildings", "#4477AA", fr="Bâtiments"),
    SectorDef("residential", "Huishoudens", "Residential buildings", "buildings", "I.1", "residential", "#4477AA", fr="Logements"),
    SectorDef("tertiary", "Tertiaire gebouwen", "Tertiary buildings", "buildings", "I.2", "tertiary", "#66CCEE", fr="Bâtiments tertiaires"),
    SectorDef("municipal", "Gemeentelijke gebouwen", "Municipal buildings", "buildings", "I.2", "municipal", "#228833", fr="Bâtiments communaux"),
    SectorDef("public_lighting", "Openbare verlichting", "Public lighting", "buildings", "I.2", "public_lighting", "#CCBB44", fr="Éclairage public"),
    SectorDef("industry", "Industrie (niet-ETS)", "Industry (non-ETS)", None, "I.3", "industry", "#EE6677", fr="Industrie (hors ETS)"),
    SectorDef("energy_production", "Lokale energieproductie", "Local energy production", None, "I.4", "energy_production", "#AA3377", fr="Production locale d'énergie"),
    SectorDef("transport", "Transport", "Transport", None, "II", "transport", "#EE7733", fr="Transport"),
    SectorDef("transport_municipal", "Gemeentelijke vloot", "Municipal fleet", "transport", "II.1", "municipal_fleet", "#EE7733", fr="Flotte communale"),
    SectorDef("transport_public", "Openbaar vervoer", "Public transport", "transport", "II.1", "public_transport", "#CC3311", fr="Transports en commun"),
    SectorDef("transport_private", "Privé en commercieel vervoer", "Private and commercial transport", "transport", "II.1", "private_transport", "#EE3377", fr="Transport privé et commercial"),
    SectorDef("waste", "Afval", "Waste", None, "III", "waste", "#BBBBBB", fr="Déchets"),
    SectorDef("wastewater", "Afvalwater", "Wastewater", "waste", "III.4", "wastewater", "#999933", fr="Eaux usées"),
    SectorDef("ippu", "Industriële processen en productgebruik", "Industrial processes and product use", None, "IV", "ippu", "#882255", fr="Procédés industriels et utilisation de produits"),
    SectorDef("afolu", "Landbouw, bosbouw en landgebruik", "Agriculture, forestry and land use", None, "V", "afolu", "#117733", True, fr="Agriculture, foresterie et utilisation des terres"),
    SectorDef("agriculture", "Landbouw", "Agriculture", "afolu", "V.1", "agriculture", "#44AA99", fr="Agriculture"),
    SectorDef("land_use", "Bossen en landgebruik", "Forestry and land use", "afolu", "V.3", "land_use", "#117733", True, fr="Forêts et utilisation des terres"),
)
SECTOR_BY_CODE = {s.code: s for s in SECTORS}
TOP_LEVEL_SECTORS = tuple(s.code for s in SECTORS if s.parent is None)  # what a total adds up


def sector_label(code: str, lang: str) -> str:
    """A sector's name in `lang`; an unknown code as it is (never a KeyError on a page)."""
    sector = SECTOR_BY_CODE.get(code)
    return sector.label(lang) if sector is not None else code


def emissions_indicator_code(sector_code: str) -> str:
    """Code of the emissions series every programme has for a sector."""
    return f"emissions.{sector_code}"


TOTAL = "total"  # sector_code of the whole-programme rows in derived tables

PARTNER_TYPES: tuple[Term, ...] = (
    Term("company", "Bedrijf", "Company", "#4477AA", fr="Entreprise"),
    Term("knowledge", "Kennisinstelling", "Knowledge institution", "#66CCEE", fr="Établissement de recherche et d'enseignement"),
    Term("civil_society", "Middenveld", "Civil society", "#228833", fr="Société civile"),
    Term("residents", "Bewonersgroep", "Resident group", "#CCBB44", fr="Groupe d'habitants"),
    Term("public", "Overheid", "Public body", "#EE6677", fr="Pouvoir public"),
)

COMMITMENT_STATUSES: tuple[Term, ...] = (
    Term("planned", "Gepland", "Planned", "#BBBBBB", fr="Prévu"),
    Term("in_progress", "Bezig", "In progress", "#4477AA", fr="En cours"),
    Term("achieved", "Gerealiseerd", "Achieved", "#228833", fr="Réalisé"),
    Term("delayed", "Vertraagd", "Delayed", "#CCBB44", fr="Retardé"),
    Term("withdrawn", "Ingetrokken", "Withdrawn", "#EE6677", fr="Retiré"),
)

# How a commitment's reduction comes in over the years in scenarios (pipelines.analytics.scenarios):
# none stored is linear.
COMMITMENT_SHAPES: tuple[Term, ...] = (
    Term("linear", "Geleidelijk (lineair)", "Gradual (linear)", fr="Progressif (linéaire)"),
    Term("step", "In één keer (trap)", "All at once (step)", fr="En une fois (palier)"),
)

INDICATOR_KINDS: tuple[Term, ...] = (
    Term("emissions", "Uitstoot", "Emissions", fr="Émissions"),
    Term("activity", "Activiteit", "Activity", fr="Activité"),
    Term("context", "Context", "Context", fr="Contexte"),
)

TRACK_STATUSES: tuple[Term, ...] = (
    Term("on_track", "Op koers", "On track", "#228833", fr="Sur la bonne voie"),
    Term("at_risk", "Risico", "At risk", "#CCBB44", fr="À risque"),
    Term("off_track", "Niet op koers", "Off track", "#EE6677", fr="Hors trajectoire"),
    Term("unknown", "Onbekend", "Not enough data", "#BBBBBB", fr="Données insuffisantes"),
)

# Series of the progress charts (Paul Tol's "bright" and "high-contrast" palettes; the dark
# blue and red keep 4.5:1 contrast on white, so they also work as text and thin lines).
CHART_SERIES: tuple[Term, ...] = (
    Term("actual", "Gemeten uitstoot", "Measured emissions", "#004488", fr="Émissions mesurées"),
    Term("pathway", "Doeltraject", "Target pathway", "#228833", fr="Trajectoire cible"),
    Term("trend", "Huidige trend", "Current trend", "#BB5566", fr="Tendance actuelle"),
    Term("trend_band", "Onzekerheid trend", "Trend uncertainty", "rgba(238, 102, 119, 0.18)", fr="Incertitude de la tendance"),
    Term("with_commitments", "Als alle engagementen slagen", "If every commitment delivers", "#AA3377", fr="Si tous les engagements sont tenus"),
    Term("milestone", "Tussendoel", "Milestone", "#DDAA33", fr="Jalon"),
    Term("target", "Doel", "Target", "#332288", fr="Objectif"),
    # A year with a sector missing and no reported total: drawn hollow, never as a measurement.
    Term("incomplete", "Onvolledig jaar (niet vergelijkbaar)", "Incomplete year (not comparable)", "#767676", fr="Année incomplète (non comparable)"),
    Term("missing", "Nog te vinden", "Still missing", "#BB5566", fr="Manque encore"),
    Term("reduction", "Reductie", "Reduction", "#228833", fr="Réduction"),
    Term("level", "Niveau", "Level", "#4477AA", fr="Niveau"),
)

# Colours that belong to no term: the ink, grid and axes of every chart, and the series sets of
# charts whose series are not terms (indicators, programmes, scenario bands). Only here: a test
# finds any other colour literal in the figure modules.
INK = "#1a1a1a"  # text, outlines of markers and bars
GRID = "#d9d9d9"
AXIS = "#767676"  # axis lines (4.5:1 on white)
PAPER = "#ffffff"
# Paul Tol's "bright" palette without its light grey: indicator lines.
INDICATOR_COLOURS = ("#4477AA", "#EE6677", "#228833", "#CCBB44", "#66CCEE", "#AA3377")
# Okabe-Ito, one per compared programme (six at most).
PROGRAMME_COLOURS = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#000000", "#E69F00")
# Paul Tol's "muted" and "light" schemes: 18 scenario bands told apart with colour blindness.
BAND_COLOURS = (
    "#CC6677", "#332288", "#DDCC77", "#117733", "#88CCEE", "#882255", "#44AA99", "#999933",
    "#AA4499", "#77AADD", "#EE8866", "#EEDD88", "#FFAABB", "#99DDFF", "#BBCC33", "#AAAA00",
    "#44BB99", "#DDDDDD",
)
# The steps of the commitments gap (waterfall) and of the scenario bar that are not chart series.
STEP_COLOURS = {
    "without": "#BBBBBB", "achieved": "#117733", "latest": "#4477AA", "in_progress": "#44AA99",
    "planned": "#88CCEE", "committed": "#88CCEE", "delivered": "#117733", "now": "#4477AA",
    "scenario": "#AA3377", "target": "#332288",
}

ROLES = ("analyst", "coordinator", "admin")

# Missing-value markers. Notation keys are those of the GPC; the others are what analysts type.
NOTATION_KEYS = {
    "NO": "not occurring",
    "NE": "not estimated",
    "IE": "included elsewhere",
    "C": "confidential",
}
MISSING_MARKERS = {"", "?", "-", "–", "—", "NA", "N/A", "n/a", "na", "NaN", "nan", "..", "x"}

# Labels of rows that hold a total: stored as the programme's reported total (emissions.total),
# checked against the sum of its sectors.
TOTAL_LABELS = {
    "total", "totaal", "gesamt", "summe", "som", "totaal generaal", "grand total", "eindtotaal",
    "totaal uitstoot", "total emissions", "totale uitstoot", "all sectors", "alle sectoren",
    "insgesamt", "gesamtemissionen", "reported total", "gerapporteerd totaal",
}


def terms_by_code(terms: tuple[Term, ...]) -> dict[str, Term]:
    return {t.code: t for t in terms}


# Words analysts use for partner types and commitment statuses besides the codes and labels
# above (matched case-insensitively).
PARTNER_TYPE_ALIASES = {
    "bedrijven": "company", "onderneming": "company", "business": "company",
    "universiteit": "knowledge", "hogeschool": "knowledge", "university": "knowledge",
    "onderzoeksinstelling": "knowledge", "research institution": "knowledge",
    "vzw": "civil_society", "ngo": "civil_society", "middenveldorganisatie": "civil_society",
    "bewoners": "residents", "burgers": "residents", "burgerinitiatief": "residents",
    "overheid": "public", "public authority": "public",
    "stad": "public", "gemeente": "public", "city": "public",
}
COMMITMENT_STATUS_ALIASES = {
    "in progress": "in_progress", "lopend": "in_progress", "in uitvoering": "in_progress",
    "ongoing": "in_progress", "behaald": "achieved", "afgerond": "achieved", "done": "achieved",
    "completed": "achieved", "uitgesteld": "delayed", "postponed": "delayed",
    "stopgezet": "withdrawn", "cancelled": "withdrawn",
}

COMMITMENT_SHAPE_ALIASES = {
    "lineair": "linear", "geleidelijk": "linear", "gradual": "linear", "ramp": "linear",
    "linéaire": "linear", "progressif": "linear",
    "trap": "step", "stap": "step", "in een keer": "step", "ineens": "step", "all at once": "step",
    "palier": "step", "en une fois": "step", "marche": "step",
}

# Column aliases (canonical name -> accepted headers, English and Dutch) for
# pipelines.read.match_columns.
PARTNER_COLUMNS = {
    "name": ("name", "naam", "partner", "partnernaam", "organisation", "organisatie"),
    "type": ("type", "soort", "partner type", "type partner"),
    "sector": ("sector",),
    "joined": ("joined", "joined on", "lid sinds", "toegetreden", "datum toetreding", "member since",
               "joined in", "jaar toetreding", "sinds", "since", "partner since"),
    "website": ("website", "url", "site", "webpagina"),
    "description": ("description", "beschrijving", "verhaal", "story", "omschrijving"),
}
COMMITMENT_COLUMNS = {
    "partner": ("partner", "partnernaam", "partner name", "organisatie", "organisation"),
    "title": ("title", "titel", "engagement", "commitment", "naam engagement"),
    "theme": ("theme", "thema", "programma", "programme", "roadmap theme", "werf"),
    "sector": ("sector",),
    # A unit in the header, 'Reductie (kt CO2e/jaar)', is read by the commitments loader.
    "reduction": ("reduction", "reductie", "committed reduction", "beoogde reductie"),
    "unit": ("unit", "eenheid", "units"),
    "indicator": ("indicator", "indicatorcode", "indicator code"),
    "indicator_target": (
        "indicator target", "doelwaarde", "target value", "streefwaarde", "indicator doel",
    ),
    "target_year": ("target year", "doeljaar", "streefjaar", "year", "jaar"),
    # When the reduction starts to come in, and how (COMMITMENT_SHAPES): for the scenarios.
    "start_year": ("start year", "startjaar", "beginjaar", "start", "année de début", "année de départ",
                   "début"),
    "shape": ("shape", "delivery shape", "verloop", "vorm", "profiel", "forme", "profil", "trajectoire"),
    "status": ("status", "stand van zaken"),
    "progress": ("progress", "voortgang", "progress %", "voortgang %"),
    "last_update": ("last update", "laatste update", "bijgewerkt", "laatst bijgewerkt", "updated"),
    "url": ("url", "link", "website"),
    "note": ("note", "notitie", "opmerking", "notes", "remarks"),
    "description": ("description", "beschrijving", "omschrijving"),
}

# Column aliases of a roadmap themes file (`roadmap themes load`, the demo's themes.csv): each
# header in Dutch, English and French; a plain 'naam' is Dutch, 'name' English, 'nom' French.
THEME_COLUMNS = {
    "code": ("code", "theme code", "themacode", "code thema", "code du thème", "code thème"),
    "nl": ("nl", "name nl", "naam nl", "nom nl", "dutch", "dutch name", "nederlands", "nederlandse naam",
           "naam", "néerlandais", "nom néerlandais"),
    "en": ("en", "name en", "naam en", "nom en", "english", "english name", "engels", "engelse naam",
           "name", "anglais", "nom anglais"),
    "fr": ("fr", "name fr", "naam fr", "nom fr", "french", "french name", "frans", "franse naam",
           "nom", "français", "nom français"),
}

# Column aliases of an indicators file (long or wide layout); a header may also carry a unit
# in parentheses ('Waarde (kt CO2e)'), which match_columns ignores.
INDICATOR_COLUMNS = {
    "indicator": ("indicator", "indicator code", "indicatorcode", "code", "indicatornaam", "reeks", "series", "label"),
    "sector": ("sector", "sectorcode", "sector code", "sectornaam", "categorie", "category", "bron sector"),
    "period": ("period", "periode", "datum", "date", "time", "tijd"),
    "year": ("year", "jaar", "jahr", "yr", "accounting year", "reporting year", "inventory year",
             "boekjaar", "rapportagejaar", "berichtsjahr", "bilanzjahr"),
    "month": ("month", "maand", "monat"),
    "value": (
        "value", "waarde", "wert", "amount", "hoeveelheid", "emissions", "uitstoot", "emissies",
        "emissionen", "co2", "co2e", "co2-uitstoot", "co2 emissions", "ghg emissions",
        "total emissions", "totale uitstoot",
    ),
    "unit": ("unit", "eenheid", "einheit", "units", "meeteenheid"),
    "source": ("source", "bron", "quelle", "data source", "databron"),
    "area_code": ("area code", "nis", "nis code", "niscode", "nis-code", "gemeentecode", "cbs code", "municipality code", "ags"),
    "area": ("area", "gemeente", "municipality", "area name", "city", "stad", "regio", "region", "gemeentenaam"),
    "name_nl": ("name nl", "naam nl", "naam", "omschrijving"),
    "name_en": ("name en", "name", "naam en", "description"),
    "name_fr": ("name fr", "naam fr", "nom fr", "nom", "nom francais", "libelle fr"),
    "kind": ("kind", "soort", "type"),
    "lower_is_better": ("lower is better", "lager is beter"),
    # Whether a row is measured or planned. 'type' and 'soort' are also the definitions' kind
    # column: the loader takes them as this one when their values are the words below.
    "measured": (
        "status", "art", "measured or planned", "gemeten of gepland", "datatype", "data type",
        "meetsoort", "ist/soll", "real or planned",
    ),
    "note": ("note", "notes", "opmerking", "opmerkingen", "toelichting", "bemerkung", "anmerkung",
             "anmerkungen", "comment", "comments", "remark", "remarks", "notitie"),
}

# Values of the measured/planned column (matched ignoring case and accents). Planned rows are
# never stored as measurements: the load report lists them as left out.
MEASURED_WORDS = frozenset({
    "real", "measured", "actual", "actuals", "observed", "gemeten", "ist", "werkelijk", "werkelijke",
    "realisatie", "gerealiseerd", "historic", "historical", "historisch", "inventory", "inventaris",
})
PLANNED_WORDS = frozenset({
    "geplant", "gepland", "planned", "plan", "target", "doel", "doelstelling", "scenario", "soll",
    "prognose", "projection", "projectie", "forecast", "ziel", "streefwaarde", "pathway", "traject",
})

# Other names analysts give the standard sectors (nl/en, matched like column headers), besides
# each sector's code and its nl and en names above.
SECTOR_ALIASES = {
    "residential": ("households", "huishoudens", "wonen", "woningen", "residential", "housing",
                    "private haushalte", "haushalte", "wohnen"),
    "tertiary": ("tertiary", "tertiair", "tertiaire sector", "diensten", "services", "commercial",
                 "gewerbe/handel/dienstleistung", "gewerbe/handel/dienstleistungen", "ghd",
                 "gewerbe, handel, dienstleistungen", "gewerbe; handel; dienstleistungen (ghd)"),
    "municipal": ("municipal", "gemeentelijk patrimonium", "eigen gebouwen", "municipal buildings and facilities",
                  "kommunale einrichtungen", "stadtische einrichtungen", "kommunale gebaude"),
    "public_lighting": ("public lighting", "openbare verlichting", "straatverlichting", "street lighting"),
    "industry": ("industry", "industrie", "industry non-ets", "industrie niet-ets", "nijverheid"),
    "energy_production": ("energy production", "energieproductie", "local electricity production"),
    "transport": ("transport", "transportation", "mobiliteit", "mobility", "verkeer", "vervoer", "verkehr"),
    "transport_public": ("public transport", "openbaar vervoer"),
    "transport_private": ("private transport", "prive vervoer", "commercial transport", "wegverkeer"),
    "transport_municipal": ("municipal fleet", "gemeentelijk wagenpark", "eigen vloot", "kommunale flotte"),
    "waste": ("waste", "afval", "afvalverwerking"),
    "wastewater": ("wastewater", "waste water", "afvalwater", "waterzuivering"),
    "ippu": ("ippu", "industrial processes", "industriele processen"),
    "afolu": ("afolu", "landbouw, bosbouw en landgebruik", "agriculture, forestry and other land use"),
    "agriculture": ("agriculture", "landbouw", "farming"),
    "land_use": ("land use", "landgebruik", "lulucf", "forestry", "bossen", "bosbouw", "forest sink"),
}
