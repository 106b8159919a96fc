"""The API's page for people (/api/v1/): every endpoint with an example, in the page's language."""

from __future__ import annotations

from html import escape

from dashboard.i18n import LANGUAGES, other_languages, t

# Each endpoint's path and the label key of what it gives (texts in the catalogues).
ENDPOINTS = (
    ("/programmes", "api_ep_programmes"),
    ("/programmes/{slug}/status", "api_ep_status"),
    ("/programmes/{slug}/emissions.json", "api_ep_emissions_json"),
    ("/programmes/{slug}/emissions.csv", "api_ep_emissions_csv"),
    ("/programmes/{slug}/emissions.json?per=inhabitant", "api_ep_emissions_per_inhabitant"),
    ("/programmes/{slug}/observations", "api_ep_observations"),
    ("/programmes/{slug}/indicators", "api_ep_indicators"),
    ("/programmes/{slug}/targets", "api_ep_targets"),
    ("/programmes/{slug}/commitments", "api_ep_commitments"),
    ("/programmes/{slug}/partners", "api_ep_partners"),
    ("/programmes/{slug}/datapackage.json", "api_ep_datapackage"),
    ("/programmes/{slug}/dcat.jsonld", "api_ep_dcat"),
    ("/programmes/{slug}/reports/{com|cdp|nzc}.csv?year=YEAR", "api_ep_reports"),
    ("/openapi.json", "api_ep_openapi"),
)


def guide_html(lang: str, slug: str, base_url: str) -> str:
    """The page; `slug` (a real programme's, for the examples) is escaped like everything else."""
    lang = lang if lang in LANGUAGES else "en"
    api = f"{base_url}api/v1"
    rows = "".join(
        f'<tr><th scope="row"><code>{escape("/api/v1" + path)}</code></th>'
        f"<td>{escape(t(key, lang))}</td></tr>"
        for path, key in ENDPOINTS
    )
    examples = "\n".join(escape(line) for line in (
        f"curl {api}/programmes",
        f"curl {api}/programmes/{slug}/status",
        f"curl -o emissions.csv {api}/programmes/{slug}/emissions.csv",
        f"curl '{api}/programmes/{slug}/emissions.json?per=inhabitant'",
        f"curl '{api}/programmes/{slug}/observations?indicator=population&history=1&limit=50'",
        f"frictionless validate {api}/programmes/{slug}/datapackage.json",
    ))
    # One link per other language, named in its own language (as the dashboard's header does).
    switch = " ·\n".join(
        f'<a href="?lang={code}" lang="{code}" hreflang="{code}">{escape(t("language_name", code))}</a>'
        for code in other_languages(lang))
    text = {part: escape(t(f"api_guide_{part}", lang))
            for part in ("title", "intro", "endpoints", "path", "what", "examples", "back")}
    return f"""<!DOCTYPE html>
<html lang="{escape(lang)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{text["title"]}</title></head>
<body>
<header><nav><a href="/?lang={lang}">{text["back"]}</a> ·
{switch}</nav></header>
<main>
<h1>{text["title"]}</h1>
<p>{text["intro"]}</p>
<h2>{text["endpoints"]}</h2>
<table>
<thead><tr><th scope="col">{text["path"]}</th><th scope="col">{text["what"]}</th></tr></thead>
<tbody>{rows}</tbody>
</table>
<h2>{text["examples"]}</h2>
<pre><code>{examples}</code></pre>
</main>
</body>
</html>"""
