"""The "Embed this chart" part of a chart block: the chart's /embed/ address with its permalink
state and an iframe snippet to copy, for the city's own site (dashboard/pages/embed.py)."""

from __future__ import annotations

from html import escape
from urllib.parse import urlencode

import flask
from dash import dcc, html

from dashboard.i18n import t

EMBED_HEIGHT = 560  # px: the chart, its summary and the source line without a scroll bar


def embed_url(path: str, params: dict) -> str:
    """The absolute address of an embed (`path` under /embed/, the non-empty `params`): another
    site's iframe needs the host. Behind a proxy the host is the public one (dashboard/proxies.py)."""
    root = flask.request.url_root.rstrip("/") if flask.has_request_context() else ""
    kept = {k: v for k, v in params.items() if v is not None}
    return f"{root}{path}" + (f"?{urlencode(kept)}" if kept else "")


def iframe_snippet(url: str, title: str) -> str:
    """The HTML to paste: a titled, lazily loaded, borderless iframe (text here, never markup)."""
    return (f'<iframe src="{escape(url)}" title="{escape(title)}" width="100%" '
            f'height="{EMBED_HEIGHT}" style="border:0" loading="lazy"></iframe>')


def embed_offer(name: str, title: str, url: str, lang: str) -> html.Details:
    """Closed by default: the snippet in a read-only text box (select and copy) and a link that
    opens the embed as it will look."""
    box = f"{name}-embed-snippet"
    return html.Details(className="embed-offer", children=[
        html.Summary(t("embed_offer", lang)),
        html.P(t("embed_offer_intro", lang)),
        html.Label(t("embed_snippet_label", lang), htmlFor=box),
        dcc.Textarea(id=box, value=iframe_snippet(url, title), readOnly=True, rows=3,
                     className="text-input embed-snippet"),
        html.P(html.A(t("embed_preview", lang), href=url, target="_blank", rel="noopener")),
    ])
