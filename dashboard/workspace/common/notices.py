"""A sentence in a box on the workspace pages: said (a status) when done, announced at once (an
alert, marked red) when something was refused."""

from __future__ import annotations

from dash import html


def notice(text: str, alert: bool = False) -> html.Div:
    """A neutral notice, or an alert (a refusal, problems)."""
    return html.Div(className="notice notice-error" if alert else "notice", role="alert" if alert else "status",
                    children=html.P(text))


def done(text: str) -> html.Div:
    """What was just saved, changed or removed."""
    return html.Div(html.P(text), className="notice notice-ok", role="status")
