"""Words of the login page and of the access messages, in every language of the catalogues."""

from __future__ import annotations

from flask import request

from dashboard.i18n import FALLBACK_LANGUAGE, LANGUAGES, normalise_language, t

# The texts live in the catalogues as `auth_<name>` (dashboard/locales/*/LC_MESSAGES/messages.po).
NAMES = (
    "title",
    "heading",
    "account_heading",
    "intro",
    "name",
    "password",
    "submit",
    "wrong",
    "locked",
    "busy",
    "logged_in_as",
    "logout",
    "other_language",
    "back",
    "denied_login_title",
    "denied_login_body",
    "denied_role_title",
    "denied_role_body",
    "login_link",
    "workspace_link",
    "role_analyst",
    "role_coordinator",
    "role_admin",
)


def pick_language(requested: str | None = None) -> str:
    """`?lang=` (or `requested`), else the browser's Accept-Language, else English."""
    if requested is None:
        requested = request.args.get("lang")
    code = (requested or "").strip().lower()[:2]
    if code in LANGUAGES:
        return code
    return request.accept_languages.best_match(LANGUAGES, default=FALLBACK_LANGUAGE)


def texts(lang: str | None) -> dict[str, str]:
    """name -> text in `lang` (English for a language the dashboard does not offer)."""
    code = normalise_language(lang) or FALLBACK_LANGUAGE
    return {name: t(f"auth_{name}", code) for name in NAMES}


def denied_role_text(lang: str | None, needed: str, current: str | None) -> str:
    """'This page needs the coordinator role; your role is analyst.' with the roles in `lang`."""
    t = texts(lang)
    return t["denied_role_body"].format(role=t.get(f"role_{needed}", needed),
                                        current=t.get(f"role_{current}", current or "–"))
