"""New labels of the `opendata` branch: commitment delivery fields, embed offers (folded into the .po files)."""

OPENDATA_LABELS = {
    "coord_field_start_year": ("Startjaar", "Start year"),
    "coord_hint_start_year": ("Vanaf wanneer de reductie begint mee te tellen in de scenario's, in of voor "
                              "het doeljaar; leeg = het laatste gemeten jaar.",
                              "When the reduction starts to count in the scenarios, at or before the "
                              "target year; empty = the latest measured year."),
    "coord_field_shape": ("Verloop van de reductie", "How the reduction comes in"),
    "embed_offer": ("Deze grafiek insluiten", "Embed this chart"),
    "embed_offer_intro": ("Plak deze code in een webpagina om de grafiek te tonen zoals hier, met de "
                          "huidige keuzes. De grafiek volgt de nieuwe cijfers vanzelf.",
                          "Paste this code into a web page to show the chart as here, with the current "
                          "choices. The chart follows new figures by itself."),
    "embed_snippet_label": ("Code om in te sluiten (iframe)", "Code to embed (iframe)"),
    "embed_preview": ("Bekijk de ingesloten grafiek", "Preview the embedded chart"),
}
OPENDATA_FRENCH = {
    "coord_field_start_year": "Année de début",
    "coord_hint_start_year": ("À partir de quand la réduction compte dans les scénarios, au plus tard "
                              "l’année cible ; vide = la dernière année mesurée."),
    "coord_field_shape": "Profil de la réduction",
    "embed_offer": "Intégrer ce graphique",
    "embed_offer_intro": ("Collez ce code dans une page web pour afficher le graphique comme ici, avec les "
                          "choix actuels. Le graphique suit les nouveaux chiffres de lui-même."),
    "embed_snippet_label": "Code à intégrer (iframe)",
    "embed_preview": "Voir le graphique intégré",
}
