"""Labels of the way into the workspace, the list tools and the audit log: key -> (Dutch, English)."""

UI_LABELS: dict[str, tuple[str, str]] = {
    "ws_logged_in_as_role": ("Aangemeld als {name} ({role})", "Logged in as {name} ({role})"),
    "role_analyst": ("analist", "analyst"),
    "role_coordinator": ("coördinator", "coordinator"),
    "role_admin": ("beheerder", "admin"),
    "to_workspace": ("Naar je werkruimte", "Go to your workspace"),
    "all_commitments_table_one": ("Toon het engagement als tabel", "Show the commitment as a table"),
    "all_commitments_table_other": ("Toon alle {count} engagementen als tabel", "Show all {count} commitments as a table"),
    "indicators_picker": ("Kies indicatoren (tot {max})", "Choose indicators (up to {max})"),
    "explorer_title_unit": ("Gekozen indicatoren in {unit}", "The chosen indicators in {unit}"),
    "coord_search_label": ("Zoek in de lijst", "Search the list"),
    "coord_filter_legend": ("{field} (niets gekozen: alle)", "{field} (none chosen: all)"),
    "coord_rows_shown": ("{shown} van {count} getoond.", "{shown} of {count} shown."),
    "coord_field_sector_of": ("Voor", "For"),
    "partner_commitment_count_one": ("1 engagement", "1 commitment"),
    "partner_commitment_count_other": ("{count} engagementen", "{count} commitments"),
}
