"""Words of the login page and of the access messages, in Dutch and English."""

from __future__ import annotations

from flask import request

LANGUAGES = ("nl", "en")
FALLBACK_LANGUAGE = "en"  # as the public dashboard (dashboard.i18n)

TEXTS: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Aanmelden — werkruimte klimaatplan",
        "heading": "Aanmelden",
        "account_heading": "Je account",
        "intro": "De werkruimte is voor analisten en coördinatoren van het klimaatplan.",
        "name": "Gebruikersnaam",
        "password": "Wachtwoord",
        "submit": "Aanmelden",
        "wrong": "Onbekende gebruikersnaam of fout wachtwoord.",
        "locked": "Te veel mislukte pogingen. Probeer het over {minutes} min opnieuw.",
        "busy": "Er loopt een import; aanmelden lukt nu niet. Probeer het over een minuut opnieuw.",
        "logged_in_as": "Je bent aangemeld als {name}.",
        "logout": "Afmelden",
        "other_language": "English",
        "back": "Terug naar het dashboard",
        "denied_login_title": "Aanmelden vereist",
        "denied_login_body": "Deze pagina is alleen voor aangemelde medewerkers.",
        "denied_role_title": "Geen toegang",
        "denied_role_body": "Deze pagina vraagt de rol {role}; jouw rol is {current}.",
        "login_link": "Naar de aanmeldpagina",
        "workspace_link": "Naar je werkruimte",
        "role_analyst": "analist",
        "role_coordinator": "coördinator",
        "role_admin": "beheerder",
    },
    "en": {
        "title": "Log in — climate plan workspace",
        "heading": "Log in",
        "account_heading": "Your account",
        "intro": "The workspace is for the climate plan's analysts and coordinators.",
        "name": "User name",
        "password": "Password",
        "submit": "Log in",
        "wrong": "Unknown user name or wrong password.",
        "locked": "Too many failed attempts. Try again in {minutes} min.",
        "busy": "An import is running; logging in is not possible right now. Try again in a minute.",
        "logged_in_as": "You are logged in as {name}.",
        "logout": "Log out",
        "other_language": "Nederlands",
        "back": "Back to the dashboard",
        "denied_login_title": "Login required",
        "denied_login_body": "This page is only for logged-in staff.",
        "denied_role_title": "No access",
        "denied_role_body": "This page needs the {role} role; your role is {current}.",
        "login_link": "Go to the login page",
        "workspace_link": "Go to your workspace",
        "role_analyst": "analyst",
        "role_coordinator": "coordinator",
        "role_admin": "admin",
    },
}


def pick_language(requested: str | None = None) -> str:
    """`?lang=` (or `requested`), else the browser's Accept-Language, else English."""
    if requested is None:
        requested = request.args.get("lang")
    code = (requested or "").strip().lower()[:2]
    if code in LANGUAGES:
        return code
    return request.accept_languages.best_match(LANGUAGES, default=FALLBACK_LANGUAGE)


def texts(lang: str | None) -> dict[str, str]:
    return TEXTS.get((lang or "").lower()[:2], TEXTS[FALLBACK_LANGUAGE])


def denied_role_text(lang: str | None, needed: str, current: str | None) -> str:
    """'This page needs the coordinator role; your role is analyst.' with the roles in `lang`."""
    t = texts(lang)
    return t["denied_role_body"].format(role=t.get(f"role_{needed}", needed),
                                        current=t.get(f"role_{current}", current or "–"))
