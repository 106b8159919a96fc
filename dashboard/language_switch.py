"""The header's language links: one link to each other language, named in its own language.

A list named in the page's language (not a landmark: the page has one navigation, its menu);
each link carries `lang` and `hreflang`, so a
screen reader pronounces "Français" in French on a Dutch page.
"""

from __future__ import annotations

from collections.abc import Callable

from dash import html

from dashboard.i18n import LANGUAGES, other_languages, t


def switch_link_id(page: str, code: str) -> str:
    return f"{page}-lang-switch-{code}"


def language_switch(lang: str, href_of: Callable[[str], str], page: str | None = None) -> html.Div:
    """Links to every other language; `page` gives them ids whose href the page's URL sync keeps
    in step with its controls (the current language's id is a hidden, empty anchor)."""
    links = []
    for code in other_languages(lang):
        ids = {"id": switch_link_id(page, code)} if page else {}
        links.append(html.Li(html.A(t("language_name", code), href=href_of(code), lang=code,
                                    hrefLang=code, **ids)))
    placeholder = ([html.A(id=switch_link_id(page, lang), style={"display": "none"})] if page else [])
    return html.Div(className="lang-switch", children=[
        html.Ul(links, **{"aria-label": t("switch_language", lang)}), *placeholder,
    ])


def switch_languages() -> list[str]:
    """The order of the URL sync's link outputs (every language, the current one's hidden)."""
    return list(LANGUAGES)
