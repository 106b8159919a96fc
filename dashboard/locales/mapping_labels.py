"""Labels of the upload page's mapping step (an export no profile knows): key -> (Dutch, English)."""

MAPPING_LABELS: dict[str, tuple[str, str]] = {
    "ms_heading": ("Beschrijf de kolommen van dit bestand", "Describe this file's columns"),
    "ms_intro": (
        "Geen importprofiel kent dit bestand, en zoals het is laadt het niet. Zeg wat elke kolom bevat; "
        "de voorvertoning volgt uw keuzes. Bewaar ze als profiel: het volgende bestand van deze export "
        "gaat dan meteen naar de voorvertoning.",
        "No import profile knows this file, and it does not load as it is. Say what each column holds; "
        "the preview follows your choices. Save them as a profile and the next file of this export "
        "goes straight to the preview.",
    ),
    "ms_columns_heading": ("Kolommen", "Columns"),
    "ms_column_legend": ("Kolom '{column}'", "Column '{column}'"),
    "ms_samples": ("Voorbeelden: {values}", "Sample values: {values}"),
    "ms_no_samples": ("Voorbeelden: (leeg)", "Sample values: (empty)"),
    "ms_role_label": ("Sector of indicator", "Sector or indicator"),
    "ms_role_period": ("Jaar of periode", "Year or period"),
    "ms_role_period_header": ("Een jaar per kolom", "One year per column"),
    "ms_role_value": ("Waarde", "Value"),
    "ms_role_unit": ("Eenheid", "Unit"),
    "ms_role_area": ("Gebied", "Area"),
    "ms_role_measured": ("Gemeten of gepland", "Measured or planned"),
    "ms_role_note": ("Opmerking", "Note"),
    "ms_role_ignore": ("Weglaten", "Leave out"),
    "ms_labels_heading": ("Namen in kolom '{column}'", "Labels in column '{column}'"),
    "ms_labels_intro": (
        "Voor elke naam: een sectorcode (bv. residential, tertiary), 'total' voor een totaal, of de code "
        "van een indicator. Leeg: de naam blijft zoals hij is.",
        "For each label: a sector code (e.g. residential, tertiary), 'total' for a total, or an "
        "indicator's code. Empty: the label stays as it is.",
    ),
    "ms_label_field": ("'{label}' is", "'{label}' is"),
    "ms_no_label_column": (
        "Kies bij één kolom 'Sector of indicator' om de namen erin te koppelen.",
        "Choose 'Sector or indicator' for one column to map the labels in it.",
    ),
    "ms_measured_heading": ("Waarden in kolom '{column}'", "Values in column '{column}'"),
    "ms_measured_legend": ("'{value}' betekent", "'{value}' means"),
    "ms_measured": ("Gemeten", "Measured"),
    "ms_planned": ("Gepland (niet bewaard)", "Planned (not stored)"),
    "ms_other_heading": ("Eenheid en ontbrekende waarden", "Unit and missing values"),
    "ms_unit_field": (
        "Eenheid van de waarden (als het bestand geen eenheidskolom heeft), bv. t CO2e",
        "Unit of the values (when the file has no unit column), e.g. t CO2e",
    ),
    "ms_markers_field": (
        "Tekens voor geheime of ontbrekende waarden, gescheiden door komma's (bv. -1, n.b.)",
        "Markers of suppressed or missing values, separated by commas (e.g. -1, n.a.)",
    ),
    "ms_preview_heading": ("Voorvertoning met deze keuzes", "Preview with these choices"),
    "ms_preview_ok": ("Met deze keuzes laadt het bestand.", "With these choices the file loads."),
    "ms_preview_problems": (
        "Met deze keuzes laadt het bestand nog niet:", "With these choices the file does not load yet:",
    ),
    "ms_save_heading": ("Bewaren als profiel", "Save as profile"),
    "ms_name_field": (
        "Naam van het profiel (kleine letters, cijfers en '-')", "Profile name (lower-case letters, digits and '-')",
    ),
    "ms_save": ("Bewaar als profiel", "Save as profile"),
    "ms_saved": (
        "Profiel '{name}' bewaard. Het bestand is opnieuw gecontroleerd met dit profiel.",
        "Profile '{name}' saved. The file was checked again with this profile.",
    ),
    "ms_not_saved": ("Profiel niet bewaard: {message}", "Profile not saved: {message}"),
    "up_incomplete_heading": ("Onvolledige jaren", "Incomplete years"),
}
