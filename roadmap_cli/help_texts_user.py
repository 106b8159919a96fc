"""The help of `roadmap user add|list|remove|set-role|set-password` (roadmap_cli/user_commands.py)
in Dutch and French. The roles keep the names `--role` takes.

Each English text is the docstring or option help it translates (tests/test_cli_command_help.py).
"""

from __future__ import annotations

from pipelines.errors import Bilingual
from roadmap_cli.help_texts import SUMMARIES

HELP: dict[str, Bilingual] = {
    "user": SUMMARIES["user"] + Bilingual(
        "\n\nRoles: analyst (uploads, undoes own imports), coordinator (also edits commitments, partners, "
        "targets; undoes any import), admin (everything, and users).",
        "\n\nRollen: analyst (laadt bestanden op, maakt de eigen imports ongedaan), coordinator (bewerkt ook "
        "engagementen, partners, doelen; maakt elke import ongedaan), admin (alles, en de gebruikers).",
        "\n\nRôles : analyst (téléverse des fichiers, annule ses propres imports), coordinator (modifie aussi "
        "les engagements, les partenaires, les objectifs ; annule n'importe quel import), admin (tout, et "
        "les utilisateurs)."),
    "user add": Bilingual(
        "Add a user NAME with a password (at least 10 characters).",
        "Voeg een gebruiker NAME toe met een wachtwoord (minstens 10 tekens).",
        "Ajouter un utilisateur NAME avec un mot de passe (au moins 10 caractères)."),
    "user list": Bilingual(
        "List users with their role and creation time.",
        "Toon de gebruikers met hun rol en het tijdstip waarop ze aangemaakt zijn.",
        "Lister les utilisateurs avec leur rôle et leur date et heure de création."),
    "user remove": Bilingual(
        "Remove user NAME; their open sessions stop working at once.",
        "Verwijder gebruiker NAME; de open sessies van de gebruiker werken meteen niet meer.",
        "Supprimer l'utilisateur NAME ; ses sessions ouvertes cessent aussitôt de fonctionner."),
    "user set-role": Bilingual(
        "Give user NAME another ROLE (never leaves the programme without an admin).",
        "Geef gebruiker NAME een andere ROLE (laat het programma nooit zonder admin).",
        "Donner un autre ROLE à l'utilisateur NAME (ne laisse jamais le programme sans admin)."),
    "user set-password": Bilingual(
        "Give user NAME a new password; logs out their sessions and lifts a login lock-out.",
        "Geef gebruiker NAME een nieuw wachtwoord; meldt de sessies van de gebruiker af en heft een "
        "blokkering van het aanmelden op.",
        "Donner un nouveau mot de passe à l'utilisateur NAME ; ferme ses sessions et lève un blocage de "
        "connexion."),
}

_PASSWORD_STDIN = Bilingual(
    "Read the password from the first line of standard input instead of a prompt.",
    "Lees het wachtwoord van de eerste regel van de standaardinvoer in plaats van het te vragen.",
    "Lire le mot de passe sur la première ligne de l'entrée standard au lieu de le demander.")

OPTION_HELP: dict[tuple[str, str], Bilingual] = {
    ("user add", "--role"): Bilingual("What the user may do.", "Wat de gebruiker mag doen.",
                                      "Ce que l'utilisateur peut faire."),
    ("user add", "--password-stdin"): _PASSWORD_STDIN,
    ("user set-password", "--password-stdin"): _PASSWORD_STDIN,
}
