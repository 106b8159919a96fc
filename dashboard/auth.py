"""Login, roles and request protection for the workspace (filled in by the workspace work)."""

from __future__ import annotations


def install_auth(app, settings, engine) -> None:
    """Attach login, session cookies and CSRF protection to the Dash app's Flask server."""
    return None
