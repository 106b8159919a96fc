"""Labels of the notice a failed callback leaves on the page (dashboard/callback_errors.py):
key -> (Dutch, English), and their French."""

PROBLEMS_LABELS: dict[str, tuple[str, str]] = {
    "app_error": (
        "Er ging iets mis: dit deel van de pagina kon niet getoond of bewaard worden. Probeer het "
        "opnieuw of herlaad de pagina. Blijft het misgaan, meld dan aan de beheerder: referentie {reference}.",
        "Something went wrong: this part of the page could not be shown or saved. Try again or reload "
        "the page. If it keeps happening, tell the administrator: reference {reference}.",
    ),
}

PROBLEMS_FRENCH: dict[str, str] = {
    "app_error": (
        "Un problème est survenu : cette partie de la page n’a pas pu être affichée ou enregistrée. "
        "Réessayez ou rechargez la page. Si cela se reproduit, signalez-le à l’administrateur : "
        "référence {reference}."
    ),
}
