"""The open data tables: their columns, types, units and meaning (CSV, JSON and the data package)."""

from __future__ import annotations

from dataclasses import dataclass

T_CO2E = "t CO2e"
T_CO2E_PER_INHABITANT = "t CO2e per inhabitant"


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # a Table Schema type: string, integer, number, boolean, date, datetime
    description: str
    unit: str | None = None


@dataclass(frozen=True)
class Table:
    name: str
    title: str
    description: str
    fields: tuple[Field, ...]

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


EMISSIONS = Table("emissions", "Emissions by sector and year", (
    "Yearly greenhouse-gas emissions per sector and in total (sector 'total'), as the dashboard "
    "shows them; sinks are negative."), (
    Field("year", "integer", "Calendar year."),
    Field("sector", "string", "Sector code (Covenant of Mayors / GPC based), or 'total'."),
    Field("value_t_co2e", "number", "Emissions in the year.", T_CO2E),
    Field("basis", "string", "How the value came about: measured (the sector's own series), "
          "sum_of_subsectors, sum_of_sectors (a total) or reported_total (the reported total series)."),
    Field("complete", "boolean", "For totals: whether every sector that reports in other years "
          "reported in this one."),
    Field("sectors_included", "string", "For totals: the top-level sectors added up."),
    Field("per_capita_t_co2e", "number", "For totals: total divided by the population that year.",
          "t CO2e per inhabitant"),
    Field("reported_total_t_co2e", "number", "For totals: the total the programme published for "
          "the year (its reported total series), if any.", T_CO2E),
    Field("source", "string", "Sources of the values behind this one, separated by '; '."),
    Field("batch_ids", "string", "Import batches that stored those values, separated by spaces."),
))

EMISSIONS_PER_INHABITANT = Table("emissions_per_inhabitant", "Emissions per inhabitant by sector and year", (
    "The emissions table (?per=inhabitant) with every value divided by the population of its "
    "year, as the dashboard's per-inhabitant charts show them. A year without a population has "
    "no value per inhabitant: population_missing is true and the values are empty, never zero."), (
    Field("year", "integer", "Calendar year."),
    Field("sector", "string", "Sector code (Covenant of Mayors / GPC based), or 'total'."),
    Field("value_t_co2e_per_inhabitant", "number", "Emissions in the year ÷ the population that year "
          "(empty when the year has no population).", T_CO2E_PER_INHABITANT),
    Field("unit", "string", f"Always '{T_CO2E_PER_INHABITANT}'."),
    Field("population", "number", "Inhabitants that year (the programme's population series).", "persons"),
    Field("population_missing", "boolean", "True when the year has no population: no value per inhabitant."),
    *(f for f in EMISSIONS.fields if f.name in ("basis", "complete", "sectors_included")),
    Field("reported_total_t_co2e_per_inhabitant", "number", "For totals: the reported total ÷ the "
          "population that year, if both exist.", T_CO2E_PER_INHABITANT),
    *(f for f in EMISSIONS.fields if f.name in ("source", "batch_ids")),
))

OBSERVATIONS = Table("observations", "Observations", (
    "Every current value of every indicator, in the indicator's canonical unit, with its source "
    "and the import (file, batch, time) that stored it."), (
    Field("indicator", "string", "Indicator code (see the indicators table)."),
    Field("period", "string", "YYYY or YYYY-MM."),
    Field("year", "integer", "Calendar year of the period."),
    Field("month", "integer", "Month of the period (empty for a yearly value)."),
    Field("value", "number", "The value, in the unit of the 'unit' column (empty when missing)."),
    Field("unit", "string", "The indicator's canonical unit."),
    Field("missing_key", "string", "Why a value is missing: NO, NE, IE, C (GPC notation keys) or "
          "the marker given."),
    Field("original_value", "string", "The value as written in the imported file."),
    Field("original_unit", "string", "The unit as written in the imported file."),
    Field("source", "string", "Where the value comes from."),
    Field("batch_id", "integer", "The import batch that stored the value."),
    Field("file_name", "string", "The imported file."),
    Field("imported_at", "datetime", "When the file was imported (UTC)."),
))
HISTORY_FIELDS = (
    Field("is_current", "boolean", "Whether this is the value in use (false: superseded)."),
    Field("superseded_by_batch_id", "integer", "The import batch that replaced this value."),
)

INDICATORS = Table("indicators", "Indicators", "The series the programme measures.", (
    Field("id", "integer", "Indicator id."),
    Field("code", "string", "Indicator code."),
    Field("name_nl", "string", "Name in Dutch."),
    Field("name_en", "string", "Name in English."),
    Field("name_fr", "string", "Name in French (empty: none given; name_en stands in)."),
    Field("unit", "string", "Canonical unit of every value."),
    Field("sector_code", "string", "Sector the indicator belongs to (empty: none)."),
    Field("kind", "string", "emissions, activity or context."),
    Field("lower_is_better", "boolean", "Whether a lower value is progress."),
    Field("description", "string", "What the indicator measures."),
))

COMMITMENTS = Table("commitments", "Partners' commitments", (
    "What partners committed to, with their status and progress (public fields only)."), (
    Field("id", "integer", "Commitment id."),
    Field("partner_id", "integer", "The partner's id (see the partners table)."),
    Field("partner", "string", "The partner's name."),
    Field("partner_type", "string", "company, knowledge, civil_society, residents or public."),
    Field("title", "string", "The commitment."),
    Field("description", "string", "What the partner does."),
    Field("sector_code", "string", "Sector of the commitment."),
    Field("reduction_t_per_year", "number", "Committed reduction.", "t CO2e per year"),
    Field("target_year", "integer", "Year the commitment is to be delivered."),
    Field("status", "string", "planned, in_progress, achieved, delayed or withdrawn."),
    Field("progress_pct", "number", "Progress reported by the partner.", "%"),
    Field("last_update", "date", "Date of the last progress report."),
    Field("url", "string", "Where the partner describes it."),
))

PARTNERS = Table("partners", "Partners", "Organisations and groups that joined the programme.", (
    Field("id", "integer", "Partner id."),
    Field("name", "string", "Name."),
    Field("type", "string", "company, knowledge, civil_society, residents or public."),
    Field("sector_code", "string", "Main sector."),
    Field("joined_on", "date", "Date the partner joined."),
    Field("website", "string", "Website as given by the partner (not checked)."),
    Field("description", "string", "The partner's story."),
))

TABLES = (EMISSIONS, OBSERVATIONS, INDICATORS, COMMITMENTS, PARTNERS)
