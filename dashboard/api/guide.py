"""The API's page for people (/api/v1/): every endpoint with an example, in Dutch or English."""

from __future__ import annotations

from html import escape

ENDPOINTS = (
    ("/programmes", "Every programme, with links to its data.",
     "Alle programma's, met links naar hun gegevens."),
    ("/programmes/{slug}/status", "Are we on track? The same object as `roadmap status --json` "
     "(?target=NAME, ?year=YEAR).", "Liggen we op koers? Hetzelfde object als `roadmap status --json` "
     "(?target=NAAM, ?year=JAAR)."),
    ("/programmes/{slug}/emissions.json", "Emissions by sector and year in t CO2e, with how each "
     "value came about, its sources and import batches.", "Uitstoot per sector en jaar in t CO2e, "
     "met hoe elke waarde tot stand kwam, de bronnen en de imports."),
    ("/programmes/{slug}/emissions.csv", "The same as CSV.", "Hetzelfde als CSV."),
    ("/programmes/{slug}/emissions.json?per=inhabitant", "Emissions by sector and year in t CO2e per "
     "inhabitant (each year's value ÷ that year's population, as the dashboard's per-inhabitant "
     "charts; also .csv). A year without a population is flagged (population_missing) and has no "
     "value, never zero.", "Uitstoot per sector en jaar in t CO2e per inwoner (de waarde van elk "
     "jaar ÷ de bevolking van dat jaar, zoals de grafieken per inwoner van het dashboard; ook .csv). "
     "Een jaar zonder bevolkingscijfer is gemarkeerd (population_missing) en heeft geen waarde, nooit nul."),
    ("/programmes/{slug}/observations", "Current values of every indicator, paged (?limit, ?offset, "
     "?indicator=CODE); ?history=1 gives every stored version with its provenance.",
     "Huidige waarden van elke indicator, per pagina (?limit, ?offset, ?indicator=CODE); "
     "?history=1 geeft elke bewaarde versie met haar herkomst."),
    ("/programmes/{slug}/indicators", "The indicators (paged; also .csv).",
     "De indicatoren (per pagina; ook .csv)."),
    ("/programmes/{slug}/targets", "Target sets with their targets, milestones and pathways.",
     "Doelstellingen met hun doelen, tussendoelen en doeltrajecten."),
    ("/programmes/{slug}/commitments", "Partners' commitments, public fields (paged; also .csv).",
     "Engagementen van partners, publieke velden (per pagina; ook .csv)."),
    ("/programmes/{slug}/partners", "Partners, public fields (paged; also .csv).",
     "Partners, publieke velden (per pagina; ook .csv)."),
    ("/programmes/{slug}/datapackage.json", "A Frictionless Data Package of the CSV tables, with "
     "schemas, units, licence and sources.", "Een Frictionless Data Package van de CSV-tabellen, "
     "met schema's, eenheden, licentie en bronnen."),
    ("/programmes/{slug}/dcat.jsonld", "A DCAT-AP record for open-data portals.",
     "Een DCAT-AP-beschrijving voor opendataportalen."),
    ("/programmes/{slug}/reports/{com|cdp|nzc}.csv?year=YEAR", "Reports for the Covenant of Mayors, "
     "CDP and NetZeroCities, from the same numbers (also .xlsx).", "Rapporten voor het "
     "Burgemeestersconvenant, CDP en NetZeroCities, uit dezelfde cijfers (ook .xlsx)."),
    ("/openapi.json", "This API described in OpenAPI 3.1.", "Deze API beschreven in OpenAPI 3.1."),
)
TEXTS = {
    "en": {
        "title": "Open data API", "intro": (
            "Every number of the dashboard, free to reuse: read-only, no key needed, JSON or CSV. "
            "Answers carry an ETag (send it back in If-None-Match: 304 while nothing changed) and "
            "may be read from any website (CORS). Only GET is allowed; errors are JSON with a message."),
        "endpoints": "Endpoints", "path": "Address", "what": "What it gives",
        "examples": "Examples", "back": "Back to the dashboard",
    },
    "nl": {
        "title": "Open-data-API", "intro": (
            "Elk cijfer van het dashboard, vrij te hergebruiken: alleen lezen, geen sleutel nodig, "
            "JSON of CSV. Antwoorden dragen een ETag (stuur die terug in If-None-Match: 304 zolang "
            "niets veranderde) en elke website mag ze lezen (CORS). Enkel GET is toegestaan; fouten "
            "zijn JSON met een boodschap."),
        "endpoints": "Adressen", "path": "Adres", "what": "Wat het geeft",
        "examples": "Voorbeelden", "back": "Terug naar het dashboard",
    },
}


def guide_html(lang: str, slug: str, base_url: str) -> str:
    """The page; `slug` (a real programme's, for the examples) is escaped like everything else."""
    t = TEXTS["nl" if lang == "nl" else "en"]
    api = f"{base_url}api/v1"
    rows = "".join(
        f'<tr><th scope="row"><code>{escape("/api/v1" + path)}</code></th>'
        f"<td>{escape(nl if lang == 'nl' else en)}</td></tr>"
        for path, en, nl in ENDPOINTS
    )
    examples = "\n".join(escape(line) for line in (
        f"curl {api}/programmes",
        f"curl {api}/programmes/{slug}/status",
        f"curl -o emissions.csv {api}/programmes/{slug}/emissions.csv",
        f"curl '{api}/programmes/{slug}/emissions.json?per=inhabitant'",
        f"curl '{api}/programmes/{slug}/observations?indicator=population&history=1&limit=50'",
        f"frictionless validate {api}/programmes/{slug}/datapackage.json",
    ))
    other = "en" if lang == "nl" else "nl"
    switch = "English" if lang == "nl" else "Nederlands"
    return f"""<!DOCTYPE html>
<html lang="{escape(lang)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(t["title"])}</title></head>
<body>
<header><nav><a href="/?lang={lang}">{escape(t["back"])}</a> ·
<a href="?lang={other}" lang="{other}" hreflang="{other}">{switch}</a></nav></header>
<main>
<h1>{escape(t["title"])}</h1>
<p>{escape(t["intro"])}</p>
<h2>{escape(t["endpoints"])}</h2>
<table>
<thead><tr><th scope="col">{escape(t["path"])}</th><th scope="col">{escape(t["what"])}</th></tr></thead>
<tbody>{rows}</tbody>
</table>
<h2>{escape(t["examples"])}</h2>
<pre><code>{examples}</code></pre>
</main>
</body>
</html>"""
