"""New labels of the `opendata` branch: commitment delivery fields, embed offers (folded into the .po files)."""

OPENDATA_LABELS = {
    "coord_field_start_year": ("Startjaar", "Start year"),
    "coord_hint_start_year": ("Vanaf wanneer de reductie begint mee te tellen in de scenario's, in of voor "
                              "het doeljaar; leeg = het laatste gemeten jaar.",
                              "When the reduction starts to count in the scenarios, at or before the "
                              "target year; empty = the latest measured year."),
    "coord_field_shape": ("Verloop van de reductie", "How the reduction comes in"),
}
OPENDATA_FRENCH = {
    "coord_field_start_year": "Année de début",
    "coord_hint_start_year": ("À partir de quand la réduction compte dans les scénarios, au plus tard "
                              "l’année cible ; vide = la dernière année mesurée."),
    "coord_field_shape": "Profil de la réduction",
}
