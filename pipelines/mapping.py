"""Mapping files (--mapping): labels a loader does not know → an indicator, sector or unit.

A mapping file is a CSV (any dialect read_table reads) with the columns
``source_label,kind,target``: kind ``indicator`` (target: an indicator code of the programme),
``sector`` (target: a sector code, or ``total`` for a total row), ``unit`` (target: a unit
spelling the loader knows, e.g. ``kt CO2e``) or ``partner_type`` (a partners file's own word for
a partner type, e.g. ``Intercommunale`` → ``public``). Labels match ignoring case, accents and spaces.
The upload page writes these files for the analyst.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from pipelines.csv_safe import restore_cell
from pipelines.errors import Bilingual, Problem, UserError, ValidationFailed
from pipelines.read import fold, match_columns, read_table
from pipelines.vocab import PARTNER_TYPES, SECTOR_BY_CODE, TOTAL

MAPPING_KINDS = ("indicator", "sector", "unit", "partner_type")
_PARTNER_TYPE_CODES = tuple(t.code for t in PARTNER_TYPES)
MAPPING_COLUMNS = {
    "source_label": ("source label", "label", "bronlabel", "bron label", "from", "van"),
    "kind": ("soort", "type"),
    "target": ("doel", "to", "naar"),
}


@dataclass(frozen=True)
class LabelMapping:
    """Folded source label → target, per kind."""

    indicators: dict[str, str] = field(default_factory=dict)
    sectors: dict[str, str] = field(default_factory=dict)
    units: dict[str, str] = field(default_factory=dict)
    partner_types: dict[str, str] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.indicators or self.sectors or self.units or self.partner_types)


def read_mapping(path: Path | None) -> LabelMapping:
    """The mapping in `path` (empty when None); ValidationFailed lists every bad row."""
    if path is None:
        return LabelMapping()
    path = Path(path)
    if not path.exists():
        raise UserError(Bilingual(f"mapping file {path} does not exist",
                                  f"het koppelbestand {path} bestaat niet",
                                  f"le fichier de correspondance {path} n'existe pas"))
    table = read_table(path, path.name)
    columns = match_columns(table.columns, MAPPING_COLUMNS)
    missing = [c for c in MAPPING_COLUMNS if c not in columns]
    if missing:
        absent = ", ".join(missing)
        raise UserError(Bilingual(
            f"mapping file {path.name} needs the columns source_label,kind,target (missing: {absent})",
            f"het koppelbestand {path.name} heeft de kolommen source_label,kind,target nodig (ontbreekt: {absent})",
            f"le fichier de correspondance {path.name} doit contenir les colonnes source_label,kind,target "
            f"(manquantes : {absent})"))
    mapping = LabelMapping()
    problems: list[Problem] = []
    targets = {"indicator": mapping.indicators, "sector": mapping.sectors, "unit": mapping.units,
               "partner_type": mapping.partner_types}
    frame = table.frame
    for line, label, kind, target in zip(
        table.line_numbers, frame[columns["source_label"]], frame[columns["kind"]],
        frame[columns["target"]], strict=True,
    ):
        # A label our upload page quoted against formulas ("'=x") is that label ("=x").
        kind_key, target, label = fold(kind).replace(" ", "_"), target.strip(), restore_cell(label)
        problem = _check_row(kind_key, label, target)
        if problem:
            col, value, expected = problem
            problems.append(Problem(path.name, line, columns[col], value, expected))
            continue
        if kind_key == "sector" and fold(target) == TOTAL:
            target = TOTAL
        targets[kind_key][fold(label)] = target
    if problems:
        raise ValidationFailed(problems)
    return mapping


_KIND_NL = {"indicator": "indicator", "sector": "sector", "unit": "eenheid", "partner_type": "partnertype"}
_KIND_FR = {"indicator": "l'indicateur", "sector": "le secteur", "unit": "l'unité", "partner_type": "le type de partenaire"}


def _check_row(kind: str, label: str, target: str) -> tuple[str, str, str] | None:
    if not fold(label):
        return "source_label", label, Bilingual("the label as it appears in the file",
                                                "het label zoals het in het bestand staat",
                                                "le libellé tel qu'il figure dans le fichier")
    if kind not in MAPPING_KINDS:
        return "kind", kind, Bilingual("one of indicator, sector, unit, partner_type",
                                       "een van indicator, sector, unit, partner_type",
                                       "une valeur parmi indicator, sector, unit, partner_type")
    if not target:
        return "target", target, Bilingual(f"the {kind} the label stands for",
                                           f"de {_KIND_NL.get(kind, kind)} waarvoor het label staat",
                                           f"{_KIND_FR.get(kind, kind)} que le libellé désigne")
    if kind == "sector" and fold(target) != TOTAL and target not in SECTOR_BY_CODE:
        codes = ", ".join(SECTOR_BY_CODE)
        return "target", target, Bilingual(f"a sector code ({codes}) or 'total'",
                                           f"een sectorcode ({codes}) of 'total'",
                                           f"un code de secteur ({codes}) ou 'total'")
    if kind == "partner_type" and target not in _PARTNER_TYPE_CODES:
        codes = ", ".join(_PARTNER_TYPE_CODES)
        return "target", target, Bilingual(f"a partner type code ({codes})", f"een partnertypecode ({codes})",
                                           f"un code de type de partenaire ({codes})")
    return None
