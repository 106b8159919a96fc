"""Labels of the printed progress report's cover and of the charts' year ticks (helper "report")."""

from __future__ import annotations

REPORT_LABELS: dict[str, tuple[str, str]] = {
    "report_cover_summary": ("Samengevat", "In short"),
    "report_cover_provenance": ("Over deze cijfers", "About these numbers"),
    "report_cover_contents": ("Inhoud", "Contents"),
    "report_data_version": ("Gegevensversie", "Data version"),
    "report_last_import": ("Laatste import", "Last import"),
    "report_sources": ("Bronnen", "Sources"),
    "report_col_trend_range": ("Trend (kt CO₂e, 90 %-interval)", "Trend (kt CO₂e, 90 % interval)"),
    "report_chart_key": (
        "Lijnen: gemeten uitstoot doorgetrokken met bolletjes, doeltraject doorgetrokken, huidige trend "
        "gestreept met driehoekjes en de grijze band als 90 %-onzekerheid, als alle engagementen slagen "
        "gestippeld met vierkantjes; tussendoelen als ruit, het doel als ster.",
        "Lines: measured emissions solid with dots, target pathway solid, current trend dashed with "
        "triangles and the shaded band as its 90 % uncertainty, if every commitment delivers dotted "
        "with squares; milestones as diamonds, the target as a star.",
    ),
}

REPORT_FRENCH: dict[str, str] = {
    "report_cover_summary": "En bref",
    "report_cover_provenance": "À propos de ces chiffres",
    "report_cover_contents": "Sommaire",
    "report_data_version": "Version des données",
    "report_last_import": "Dernière importation",
    "report_sources": "Sources",
    "report_col_trend_range": "Tendance (kt CO₂e, intervalle à 90 %)",
    "report_chart_key": (
        "Lignes : émissions mesurées en trait plein avec points, trajectoire cible en trait plein, "
        "tendance actuelle en tirets avec triangles et la bande ombrée comme son incertitude à 90 %, "
        "si tous les engagements aboutissent en pointillés avec carrés ; jalons en losange, l’objectif "
        "en étoile."
    ),
}
