"""Labels of the way into the workspace, the list tools and the audit log: key -> (Dutch, English)."""

UI_LABELS: dict[str, tuple[str, str]] = {
    "ws_logged_in_as_role": ("Aangemeld als {name} ({role})", "Logged in as {name} ({role})"),
    "role_analyst": ("analist", "analyst"),
    "role_coordinator": ("coördinator", "coordinator"),
    "role_admin": ("beheerder", "admin"),
    "to_workspace": ("Naar je werkruimte", "Go to your workspace"),
    "table_scroll_hint": ("Schuif opzij voor meer kolommen", "Scroll sideways for more columns"),
}
