"""A programme's open data described for others: a Frictionless Data Package and a DCAT-AP record."""

from __future__ import annotations

import re

from sqlalchemy import Engine

from dashboard.api import tables
from dashboard.api.tables import Table
from pipelines import open_data

# The data's licence (the code's is EUPL-1.2). CC BY 4.0 is what data.gov.be and data.overheid.nl
# recommend for government open data; a programme publishing under another should change it here.
LICENCE = {"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0",
           "path": "https://creativecommons.org/licenses/by/4.0/"}
KEYWORDS = ("climate", "greenhouse gas emissions", "klimaat", "broeikasgassen", "CO2")
EU = "http://publications.europa.eu/resource/authority"
DCAT_CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/", "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#", "adms": "http://www.w3.org/ns/adms#",
}


def package_name(slug: str) -> str:
    """A Data Package name: lower case letters, digits and -._ only."""
    return re.sub(r"[^a-z0-9._-]+", "-", slug.lower()).strip("-") or "programme"


def _schema(table: Table) -> dict:
    fields = []
    for f in table.fields:
        field = {"name": f.name, "type": f.type, "description": f.description}
        if f.unit:
            field["unit"] = f.unit  # not in the Table Schema standard: allowed, and readable
            field["description"] += f" Unit: {f.unit}."
        fields.append(field)
    return {"fields": fields, "missingValues": [""]}


def data_package(engine: Engine, programme, base_url: str) -> dict:
    """The programme's Data Package; its resources are the CSV endpoints beside it (relative paths)."""
    sources, *_ = open_data.sources_and_period(engine, programme.id)
    return {
        "profile": "tabular-data-package",
        "name": f"{package_name(programme.slug)}-climate-roadmap",
        "title": f"{programme.name}: climate roadmap data",
        "description": (f"Greenhouse-gas emissions by sector, indicators, targets and partners' "
                        f"commitments of {programme.name}"
                        + (f" ({programme.area_name})" if programme.area_name else "")
                        + (f". Scope: {programme.scope_note}." if programme.scope_note else ".")),
        "homepage": f"{base_url}?programme={programme.slug}",
        "keywords": list(KEYWORDS),
        "licenses": [LICENCE],
        "sources": [{"title": s} for s in sources] or [{"title": programme.name}],
        "resources": [
            {"name": t.name, "title": t.title, "description": t.description, "path": f"{t.name}.csv",
             "profile": "tabular-data-resource", "format": "csv", "mediatype": "text/csv",
             "encoding": "utf-8", "schema": _schema(t)}
            for t in tables.TABLES
        ],
    }


def _text(en: str, nl: str) -> list[dict]:
    return [{"@value": en, "@language": "en"}, {"@value": nl, "@language": "nl"}]


def _distribution(url: str, title: str, media_type: str, file_type: str) -> dict:
    return {
        "@id": url, "@type": "dcat:Distribution", "dct:title": title,
        "dcat:accessURL": {"@id": url}, "dcat:downloadURL": {"@id": url},
        "dcat:mediaType": {"@id": f"http://www.iana.org/assignments/media-types/{media_type}"},
        "dct:format": {"@id": f"{EU}/file-type/{file_type}"},
        "dct:license": {"@id": LICENCE["path"]},
    }


def dcat_record(engine: Engine, programme, base_url: str) -> dict:
    """A DCAT-AP 3 dataset record (JSON-LD) a national open-data portal can harvest."""
    api = f"{base_url}api/v1/programmes/{programme.slug}"
    _, first, last, modified = open_data.sources_and_period(engine, programme.id)
    name = programme.name
    record = {
        "@context": DCAT_CONTEXT,
        "@id": f"{api}/dcat.jsonld#dataset",
        "@type": "dcat:Dataset",
        "dct:identifier": f"{api}/dcat.jsonld#dataset",
        "dct:title": _text(f"{name}: climate roadmap data", f"{name}: gegevens van de klimaatroadmap"),
        "dct:description": _text(
            f"Greenhouse-gas emissions by sector and year, indicators, targets and partners' "
            f"commitments of {name}, with the source of every value.",
            f"Uitstoot van broeikasgassen per sector en jaar, indicatoren, doelstellingen en "
            f"engagementen van partners van {name}, met de bron van elke waarde.",
        ),
        "dcat:keyword": list(KEYWORDS),
        "dcat:theme": [{"@id": f"{EU}/data-theme/ENVI"}],
        "dct:language": [{"@id": f"{EU}/language/NLD"}, {"@id": f"{EU}/language/ENG"}],
        "dct:publisher": {"@type": "foaf:Agent", "foaf:name": name},
        "dcat:landingPage": {"@id": f"{base_url}?programme={programme.slug}"},
        "dct:license": {"@id": LICENCE["path"]},
        "dct:accessRights": {"@id": f"{EU}/access-right/PUBLIC"},
        "adms:versionNotes": f"data version {programme.data_version}",
        "dcat:distribution": [
            _distribution(f"{api}/datapackage.json", "Frictionless Data Package", "application/json", "JSON"),
            *(_distribution(f"{api}/{t.name}.csv", t.title, "text/csv", "CSV") for t in tables.TABLES),
            _distribution(f"{api}/emissions.json", "Emissions (JSON)", "application/json", "JSON"),
        ],
    }
    if programme.area_name:
        record["dct:spatial"] = {"@type": "dct:Location", "skos:prefLabel": programme.area_name}
    if first is not None:
        record["dct:temporal"] = {
            "@type": "dct:PeriodOfTime",
            "dcat:startDate": {"@value": f"{first}-01-01", "@type": "xsd:date"},
            "dcat:endDate": {"@value": f"{last}-12-31", "@type": "xsd:date"},
        }
    if modified is not None:
        record["dct:modified"] = {"@value": modified.isoformat(), "@type": "xsd:dateTime"}
    return record
