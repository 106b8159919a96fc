"""Labels of chart images, embeds and the per-inhabitant view (helper "opendata"): key -> (Dutch, English).

`OPENDATA_FRENCH` holds the French of every key, for the gettext catalogues.
"""

OPENDATA_LABELS: dict[str, tuple[str, str]] = {
    # Chart images (PNG, SVG)
    "download_png": ("Download als afbeelding (PNG)", "Download as an image (PNG)"),
    "download_svg": ("Download als afbeelding (SVG)", "Download as an image (SVG)"),
    # {date} is filled in by the browser on the day of the download.
    "image_source": ("Bron: {name}, {site} · {date}", "Source: {name}, {site} · {date}"),
    # Embeds
    "embed_full_page": ("Bekijk alles op {site}", "See everything on {site}"),
    "embed_unknown_chart": (
        "Deze grafiek bestaat niet. Kies er een van: {charts}.",
        "There is no such chart. Choose one of: {charts}.",
    ),
    # Per inhabitant
    "per_legend": ("Toon de uitstoot", "Show emissions"),
    "per_choice_total": ("Totaal", "In total"),
    "per_choice_inhabitant": ("Per inwoner", "Per inhabitant"),
    "axis_t_per_inhabitant": ("t CO₂e per inwoner per jaar", "t CO₂e per inhabitant per year"),
    "col_population": ("Inwoners", "Inhabitants"),
    "col_actual_per": ("Gemeten (t CO₂e per inwoner)", "Measured (t CO₂e per inhabitant)"),
    "col_incomplete_per": ("Onvolledig jaar: som van wat er is (t CO₂e per inwoner)",
                           "Incomplete year: sum of what there is (t CO₂e per inhabitant)"),
    "col_pathway_per": ("Doeltraject (t CO₂e per inwoner)", "Target pathway (t CO₂e per inhabitant)"),
    "col_milestone_per": ("Tussendoel (t CO₂e per inwoner)", "Milestone (t CO₂e per inhabitant)"),
    "col_target_per": ("Doel (t CO₂e per inwoner)", "Target (t CO₂e per inhabitant)"),
    "col_projected_per": ("Trend (t CO₂e per inwoner)", "Trend (t CO₂e per inhabitant)"),
    "col_projected_low_per": ("Trend, ondergrens (t CO₂e per inwoner)", "Trend, lower bound (t CO₂e per inhabitant)"),
    "col_projected_high_per": ("Trend, bovengrens (t CO₂e per inwoner)", "Trend, upper bound (t CO₂e per inhabitant)"),
    "col_with_commitments_per": ("Als alle engagementen slagen (t CO₂e per inwoner)",
                                 "If every commitment delivers (t CO₂e per inhabitant)"),
    "per_no_population": (
        "Zonder inwonersaantal is er geen waarde per inwoner (nooit nul): het ontbreekt voor {years}.",
        "Without a population there is no per-inhabitant value (never zero): it is missing for {years}.",
    ),
    "per_no_population_at_all": (
        "Er is geen inwonersaantal geladen: uitstoot per inwoner kan niet berekend worden.",
        "No population has been loaded: emissions per inhabitant cannot be computed.",
    ),
    "per_no_population_year": ("geen inwonersaantal voor dit jaar", "no population for this year"),
    "sector_sentence_per": (
        "De uitstoot per inwoner ging van {first} t CO₂e in {first_year} naar {last} t in {last_year}.",
        "Emissions per inhabitant went from {first} t CO₂e in {first_year} to {last} t in {last_year}.",
    ),
    "per_value": ("{value} t CO₂e per inwoner", "{value} t CO₂e per inhabitant"),
    "per_latest": (
        "In {year} was de uitstoot {value} t CO₂e per inwoner ({population} inwoners).",
        "In {year}, emissions were {value} t CO₂e per inhabitant ({population} inhabitants).",
    ),
}

OPENDATA_FRENCH: dict[str, str] = {
    "download_png": "Télécharger en image (PNG)",
    "download_svg": "Télécharger en image (SVG)",
    "image_source": "Source : {name}, {site} · {date}",
    "embed_full_page": "Tout voir sur {site}",
    "embed_unknown_chart": "Ce graphique n'existe pas. Choisissez-en un parmi : {charts}.",
    "per_legend": "Afficher les émissions",
    "per_choice_total": "Au total",
    "per_choice_inhabitant": "Par habitant",
    "axis_t_per_inhabitant": "t CO₂e par habitant et par an",
    "col_population": "Habitants",
    "col_actual_per": "Mesuré (t CO₂e par habitant)",
    "col_incomplete_per": "Année incomplète : somme de ce qui existe (t CO₂e par habitant)",
    "col_pathway_per": "Trajectoire cible (t CO₂e par habitant)",
    "col_milestone_per": "Objectif intermédiaire (t CO₂e par habitant)",
    "col_target_per": "Objectif (t CO₂e par habitant)",
    "col_projected_per": "Tendance (t CO₂e par habitant)",
    "col_projected_low_per": "Tendance, borne inférieure (t CO₂e par habitant)",
    "col_projected_high_per": "Tendance, borne supérieure (t CO₂e par habitant)",
    "col_with_commitments_per": "Si chaque engagement aboutit (t CO₂e par habitant)",
    "per_no_population": (
        "Sans nombre d'habitants, il n'y a pas de valeur par habitant (jamais zéro) : il manque pour {years}."
    ),
    "per_no_population_at_all": (
        "Aucun nombre d'habitants n'a été chargé : les émissions par habitant ne peuvent pas être calculées."
    ),
    "per_no_population_year": "pas de nombre d'habitants pour cette année",
    "sector_sentence_per": (
        "Les émissions par habitant sont passées de {first} t CO₂e en {first_year} à {last} t en {last_year}."
    ),
    "per_value": "{value} t CO₂e par habitant",
    "per_latest": "En {year}, les émissions étaient de {value} t CO₂e par habitant ({population} habitants).",
}
