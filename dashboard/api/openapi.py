"""The OpenAPI 3.1 document of the open data API (/api/v1/openapi.json)."""

from __future__ import annotations

from dashboard.api import tables
from dashboard.api.http import MAX_LIMIT
from dashboard.api.tables import Field, Table

JSON_TYPES = {"string": "string", "integer": "integer", "number": "number", "boolean": "boolean",
              "date": "string", "datetime": "string"}
FORMATS = {"date": "date", "datetime": "date-time"}
ALWAYS_SET = {"year", "sector", "complete", "indicator", "period", "unit", "batch_id", "id", "code",
              "name", "name_nl", "name_en", "kind", "type", "partner_id", "partner", "title", "status",
              "is_current", "lower_is_better", "partner_type", "population_missing"}


def _field_schema(f: Field) -> dict:
    kind = JSON_TYPES[f.type]
    schema: dict = {"type": kind if f.name in ALWAYS_SET else [kind, "null"], "description": f.description}
    if f.type in FORMATS:
        schema["format"] = FORMATS[f.type]
    if f.unit:
        schema["description"] += f" Unit: {f.unit}."
    return schema


def _row_schema(table: Table, extra: tuple[Field, ...] = ()) -> dict:
    fields = table.fields + extra
    return {"type": "object", "required": [f.name for f in table.fields],
            "properties": {f.name: _field_schema(f) for f in fields}}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict, description: str = "OK") -> dict:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


ERROR = {"type": "object", "required": ["status", "code", "message", "message_nl", "message_fr"], "properties": {
    "status": {"type": "integer"}, "code": {"type": "string"},
    "message": {"type": "string", "description": "In English."},
    "message_nl": {"type": "string", "description": "In Dutch."},
    "message_fr": {"type": "string", "description": "In French."},
}}
LINKS = {"type": "object", "additionalProperties": {"type": ["string", "null"]}}
PROGRAMME = {"type": "object", "required": ["slug", "name", "baseline_year", "target_year"], "properties": {
    "slug": {"type": "string"}, "name": {"type": "string"}, "area_name": {"type": ["string", "null"]},
    "area_code": {"type": ["string", "null"]}, "baseline_year": {"type": "integer"},
    "target_year": {"type": "integer"}, "scope_note": {"type": ["string", "null"]}, "links": LINKS,
}}
TARGET_SET = {"type": "object", "required": ["name", "is_primary", "targets", "milestones", "pathways"],
              "properties": {
                  "id": {"type": "integer"}, "name": {"type": "string"}, "is_primary": {"type": "boolean"},
                  "baseline_year": {"type": "integer"}, "target_year": {"type": "integer"},
                  "pathway_method": {"type": "string", "enum": ["linear", "milestones", "constant_rate"]},
                  "description": {"type": ["string", "null"]},
                  "targets": {"type": "array", "items": {"type": "object"}},
                  "milestones": {"type": "array", "items": {"type": "object"}},
                  "pathways": {"type": "array", "items": {"type": "object"}},
              }}

SLUG = {"name": "slug", "in": "path", "required": True, "schema": {"type": "string"},
        "description": "The programme's slug (see /api/v1/programmes)."}
LIMIT = {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT,
                                                     "default": 100}}
OFFSET = {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0, "maximum": 10**9,
                                                      "default": 0}}
HISTORY = {"name": "history", "in": "query", "schema": {"type": "string", "enum": ["0", "1"]},
           "description": "1: every stored version, superseded ones too, with their provenance."}
PER = {"name": "per", "in": "query",
       "schema": {"type": "string", "enum": ["total", "inhabitant"], "default": "total"},
       "description": ("inhabitant: every value in t CO2e per inhabitant (÷ the population of its year, "
                       "as the dashboard's per-inhabitant charts); a year without a population is "
                       "flagged (population_missing) and its values are empty, never zero.")}
# A text parameter holds no NUL character (no stored text does; the API answers 400 to one).
TEXT = {"type": "string", "pattern": "^[^\\u0000]*$"}
INDICATOR = {"name": "indicator", "in": "query", "schema": TEXT,
             "description": "Only this indicator's values (its code)."}


def _page(item: str) -> dict:
    return {"type": "object", "required": ["data", "meta", "links"], "properties": {
        "data": {"type": "array", "items": _ref(item)},
        "meta": {"type": "object", "required": ["total", "limit", "offset"]}, "links": LINKS,
    }}


def _operation(summary: str, ok: dict, parameters: list[dict], *, bad_request: bool = False) -> dict:
    responses = {"200": ok, "304": {"description": "Not modified (If-None-Match holds the ETag)."},
                 "404": _json(_ref("Error"), "Unknown programme (or no status for it).")}
    if bad_request:
        responses["400"] = _json(_ref("Error"), "A bad parameter.")
    return {"get": {"summary": summary, "parameters": parameters, "responses": responses}}


def _csv(description: str) -> dict:
    return {"description": description, "content": {"text/csv": {"schema": {"type": "string"}}}}


def openapi_document() -> dict:
    """The whole document (3.1; JSON Schema 2020-12 types, nullable as ["type", "null"])."""
    programme = "/programmes/{slug}"
    paths = {
        "/programmes": {"get": {"summary": "Every programme", "responses": {
            "200": _json({"type": "object", "required": ["data"],
                          "properties": {"data": {"type": "array", "items": _ref("Programme")}}}),
            "304": {"description": "Not modified."}}}},
        programme: _operation("One programme and links to its data", _json(_ref("Programme")), [SLUG]),
        f"{programme}/status": _operation(
            "Are we on track? The object `roadmap status --json` prints",
            _json({"type": "object", "additionalProperties": True}),
            [SLUG, {"name": "target", "in": "query", "schema": TEXT,
                    "description": "Target set name (default: the primary one)."},
             {"name": "year", "in": "query", "schema": {"type": "integer", "minimum": 1900, "maximum": 2200},
              "description": "The status as known at the end of this year."}], bad_request=True),
        f"{programme}/emissions.json": _operation(
            "Emissions by sector and year (t CO2e, or per inhabitant with ?per=inhabitant), with provenance",
            _json({"type": "object", "required": ["data", "meta"], "properties": {
                "data": {"type": "array", "items": {"anyOf": [_ref("Emission"), _ref("EmissionPerInhabitant")]}},
                "meta": {"type": "object", "required": ["unit", "per"], "properties": {
                    "unit": {"type": "string", "enum": [tables.T_CO2E, tables.T_CO2E_PER_INHABITANT]},
                    "per": {"type": "string", "enum": ["total", "inhabitant"]},
                    "years_without_population": {"type": "array", "items": {"type": "integer"}},
                }}}}),
            [SLUG, PER], bad_request=True),
        f"{programme}/emissions.csv": _operation(
            "Emissions as CSV (?per=inhabitant: the per-inhabitant columns)", _csv("CSV, one header row"),
            [SLUG, PER], bad_request=True),
        f"{programme}/observations": _operation(
            "Current values of every indicator (or every version), paged",
            _json(_page("Observation")), [SLUG, HISTORY, INDICATOR, LIMIT, OFFSET], bad_request=True),
        f"{programme}/observations.csv": _operation(
            "Observations as CSV", _csv("CSV, one header row"), [SLUG, HISTORY, INDICATOR], bad_request=True),
        f"{programme}/targets": _operation(
            "Target sets with their targets, milestones and pathways",
            _json({"type": "object", "required": ["data"], "properties": {
                "data": {"type": "array", "items": _ref("TargetSet")}, "meta": {"type": "object"}}}),
            [SLUG]),
        f"{programme}/datapackage.json": _operation(
            "Frictionless Data Package of the programme's tables", _json({"type": "object"}), [SLUG]),
        f"{programme}/dcat.jsonld": _operation(
            "DCAT-AP catalogue record (JSON-LD)",
            {"description": "OK", "content": {"application/ld+json": {"schema": {"type": "object"}}}},
            [SLUG]),
    }
    for name, item in (("indicators", "Indicator"), ("commitments", "Commitment"), ("partners", "Partner")):
        paths[f"{programme}/{name}"] = _operation(
            f"The programme's {name}, paged", _json(_page(item)), [SLUG, LIMIT, OFFSET], bad_request=True)
        paths[f"{programme}/{name}.csv"] = _operation(f"{name.capitalize()} as CSV", _csv("CSV"), [SLUG])
    report_params = [
        SLUG, {"name": "kind", "in": "path", "required": True,
               "schema": {"type": "string", "enum": ["com", "cdp", "nzc"]},
               "description": "com: Covenant of Mayors inventory; cdp: CDP city-wide emissions by GPC "
                              "sector; nzc: NetZeroCities climate city contract table."},
        {"name": "year", "in": "query", "required": True, "example": 2020,
         "schema": {"type": "integer", "minimum": 1900, "maximum": 2200}},
    ]
    xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    paths[f"{programme}/reports/{{kind}}.csv"] = _operation(
        "A report for an outside body (CSV)", _csv("CSV: the lines, then notes"), report_params,
        bad_request=True)
    paths[f"{programme}/reports/{{kind}}.xlsx"] = _operation(
        "A report for an outside body (Excel)",
        {"description": "OK", "content": {xlsx: {"schema": {"type": "string", "contentEncoding": "binary"}}}},
        report_params, bad_request=True)
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Climate roadmap open data API", "version": "1",
            "description": ("Read-only, public. Every response carries an ETag (the programme's data "
                            "version) and CORS `Access-Control-Allow-Origin: *`; any method but GET "
                            "gets 405. Errors: JSON with `message` (en) and `message_nl`."),
            "license": {"name": "EUPL-1.2", "identifier": "EUPL-1.2"},
        },
        "servers": [{"url": "/api/v1"}],
        "paths": paths,
        "components": {"schemas": {
            "Error": ERROR, "Programme": PROGRAMME, "TargetSet": TARGET_SET,
            "Emission": _row_schema(tables.EMISSIONS),
            "EmissionPerInhabitant": _row_schema(tables.EMISSIONS_PER_INHABITANT),
            "Observation": _row_schema(tables.OBSERVATIONS, tables.HISTORY_FIELDS),
            "Indicator": _row_schema(tables.INDICATORS),
            "Commitment": _row_schema(tables.COMMITMENTS),
            "Partner": _row_schema(tables.PARTNERS),
        }},
    }
