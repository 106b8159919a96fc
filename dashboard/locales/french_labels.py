"""Labels of the API's page for people (/api/v1/), folded into the catalogues with
tools/labels_to_po.py: key -> (Dutch, English), and key -> French."""

FRENCH_LABELS = {
    "api_guide_title": ("Open-data-API", "Open data API"),
    "api_guide_intro": (
        "Elk cijfer van het dashboard, vrij te hergebruiken: alleen lezen, geen sleutel nodig, "
        "JSON of CSV. Antwoorden dragen een ETag (stuur die terug in If-None-Match: 304 zolang "
        "niets veranderde) en elke website mag ze lezen (CORS). Enkel GET is toegestaan; fouten "
        "zijn JSON met een boodschap.",
        "Every number of the dashboard, free to reuse: read-only, no key needed, JSON or CSV. "
        "Answers carry an ETag (send it back in If-None-Match: 304 while nothing changed) and "
        "may be read from any website (CORS). Only GET is allowed; errors are JSON with a message."),
    "api_guide_endpoints": ("Adressen", "Endpoints"),
    "api_guide_path": ("Adres", "Address"),
    "api_guide_what": ("Wat het geeft", "What it gives"),
    "api_guide_examples": ("Voorbeelden", "Examples"),
    "api_guide_back": ("Terug naar het dashboard", "Back to the dashboard"),
    "api_ep_programmes": ("Alle programma's, met links naar hun gegevens.",
                          "Every programme, with links to its data."),
    "api_ep_status": ("Liggen we op koers? Hetzelfde object als `roadmap status --json` (?target=NAAM, ?year=JAAR).",
                      "Are we on track? The same object as `roadmap status --json` (?target=NAME, ?year=YEAR)."),
    "api_ep_emissions_json": (
        "Uitstoot per sector en jaar in t CO2e, met hoe elke waarde tot stand kwam, de bronnen en de imports.",
        "Emissions by sector and year in t CO2e, with how each value came about, its sources and import batches."),
    "api_ep_emissions_csv": ("Hetzelfde als CSV.", "The same as CSV."),
    "api_ep_observations": (
        "Huidige waarden van elke indicator, per pagina (?limit, ?offset, ?indicator=CODE); "
        "?history=1 geeft elke bewaarde versie met haar herkomst.",
        "Current values of every indicator, paged (?limit, ?offset, ?indicator=CODE); "
        "?history=1 gives every stored version with its provenance."),
    "api_ep_indicators": ("De indicatoren (per pagina; ook .csv).", "The indicators (paged; also .csv)."),
    "api_ep_targets": ("Doelstellingen met hun doelen, tussendoelen en doeltrajecten.",
                       "Target sets with their targets, milestones and pathways."),
    "api_ep_commitments": ("Engagementen van partners, publieke velden (per pagina; ook .csv).",
                           "Partners' commitments, public fields (paged; also .csv)."),
    "api_ep_partners": ("Partners, publieke velden (per pagina; ook .csv).",
                        "Partners, public fields (paged; also .csv)."),
    "api_ep_datapackage": (
        "Een Frictionless Data Package van de CSV-tabellen, met schema's, eenheden, licentie en bronnen.",
        "A Frictionless Data Package of the CSV tables, with schemas, units, licence and sources."),
    "api_ep_dcat": ("Een DCAT-AP-beschrijving voor opendataportalen.", "A DCAT-AP record for open-data portals."),
    "api_ep_reports": (
        "Rapporten voor het Burgemeestersconvenant, CDP en NetZeroCities, uit dezelfde cijfers (ook .xlsx).",
        "Reports for the Covenant of Mayors, CDP and NetZeroCities, from the same numbers (also .xlsx)."),
    "api_ep_openapi": ("Deze API beschreven in OpenAPI 3.1.", "This API described in OpenAPI 3.1."),
}

FRENCH_FRENCH = {
    "api_guide_title": "API de données ouvertes",
    "api_guide_intro": (
        "Chaque chiffre du tableau de bord, librement réutilisable : en lecture seule, sans clé, en "
        "JSON ou en CSV. Les réponses portent un ETag (renvoyez-le dans If-None-Match : 304 tant que "
        "rien n'a changé) et tout site web peut les lire (CORS). Seul GET est autorisé ; les erreurs "
        "sont du JSON avec un message."),
    "api_guide_endpoints": "Adresses",
    "api_guide_path": "Adresse",
    "api_guide_what": "Ce qu'elle donne",
    "api_guide_examples": "Exemples",
    "api_guide_back": "Retour au tableau de bord",
    "api_ep_programmes": "Tous les programmes, avec des liens vers leurs données.",
    "api_ep_status": ("Sommes-nous sur la bonne voie ? Le même objet que `roadmap status --json` "
                      "(?target=NOM, ?year=ANNÉE)."),
    "api_ep_emissions_json": ("Les émissions par secteur et par année en t CO2e, avec l'origine de chaque "
                              "valeur, ses sources et ses imports."),
    "api_ep_emissions_csv": "La même chose en CSV.",
    "api_ep_observations": ("Les valeurs actuelles de chaque indicateur, par page (?limit, ?offset, "
                            "?indicator=CODE) ; ?history=1 donne chaque version enregistrée avec sa provenance."),
    "api_ep_indicators": "Les indicateurs (par page ; aussi en .csv).",
    "api_ep_targets": "Les ensembles d'objectifs avec leurs objectifs, jalons et trajectoires.",
    "api_ep_commitments": "Les engagements des partenaires, champs publics (par page ; aussi en .csv).",
    "api_ep_partners": "Les partenaires, champs publics (par page ; aussi en .csv).",
    "api_ep_datapackage": ("Un Frictionless Data Package des tableaux CSV, avec schémas, unités, licence "
                           "et sources."),
    "api_ep_dcat": "Une description DCAT-AP pour les portails de données ouvertes.",
    "api_ep_reports": ("Les rapports pour la Convention des Maires, le CDP et NetZeroCities, à partir des "
                       "mêmes chiffres (aussi en .xlsx)."),
    "api_ep_openapi": "Cette API décrite en OpenAPI 3.1.",
}
