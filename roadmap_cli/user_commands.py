"""`roadmap user add|list|remove|set-password`: workspace accounts and their roles."""

from __future__ import annotations

import sys

import click

from pipelines.errors import Bilingual, UserError, in_language
from pipelines.vocab import ROLES
from roadmap_cli.context import AppContext, pass_app
from roadmap_cli.language import command_language, say


def _read_password(from_stdin: bool) -> str:
    """The new password: one line of standard input, or typed twice at a hidden prompt."""
    if from_stdin:
        line = sys.stdin.readline()
        password = line.rstrip("\r\n")
        if not password:
            raise UserError(Bilingual("no password on standard input", "geen wachtwoord op de standaardinvoer",
                                      "aucun mot de passe sur l'entrée standard"))
        return password
    lang = command_language()
    return click.prompt(in_language(Bilingual("Password", "Wachtwoord", "Mot de passe"), lang), hide_input=True,
                        confirmation_prompt=in_language(Bilingual("Repeat for confirmation", "Herhaal ter bevestiging",
                                                                  "Répétez pour confirmer"), lang))


_password_stdin = click.option(
    "--password-stdin",
    is_flag=True,
    help="Read the password from the first line of standard input instead of a prompt.",
)


@click.group("user")
def user_group() -> None:
    """Manage who can log in to the workspace, and with which role.

    Roles: analyst (uploads, undoes own imports), coordinator (also edits commitments, partners,
    targets; undoes any import), admin (everything, and users).
    """


@user_group.command("add")
@click.argument("name")
@click.option("--role", type=click.Choice(ROLES), required=True, help="What the user may do.")
@_password_stdin
@pass_app
def add_command(app: AppContext, name: str, role: str, password_stdin: bool) -> None:
    """Add a user NAME with a password (at least 10 characters)."""
    from pipelines.users import add_user, check_name, check_password

    engine = app.ready_engine()
    check_name(name)  # before asking for a password that would be thrown away
    password = _read_password(password_stdin)
    check_password(password)
    account = add_user(engine, name, role, password)
    name, role = account.name, account.role  # a role as --role names it
    say(Bilingual(f"Added user '{name}' with role {role}.", f"Gebruiker '{name}' toegevoegd met de rol {role}.",
                  f"Utilisateur « {name} » ajouté avec le rôle {role}."))


@user_group.command("list")
@pass_app
def list_command(app: AppContext) -> None:
    """List users with their role and creation time."""
    from pipelines.users import list_users

    accounts = list_users(app.ready_engine())
    if not accounts:
        say(Bilingual("No users yet; add one with `roadmap user add NAME --role ROLE`.",
                      "Nog geen gebruikers; voeg er een toe met `roadmap user add NAAM --role ROL`.",
                      "Pas encore d'utilisateurs ; ajoutez-en un avec `roadmap user add NOM --role RÔLE`."))
        return
    width = max(len(a.name) for a in accounts)
    for account in accounts:
        name, role, created = f"{account.name:<{width}}", f"{account.role:<11}", account.created_at.strftime("%Y-%m-%d %H:%M")
        say(Bilingual(f"{name}  {role}  created {created}", f"{name}  {role}  aangemaakt {created}",
                      f"{name}  {role}  créé le {created}"))


@user_group.command("remove")
@click.argument("name")
@pass_app
def remove_command(app: AppContext, name: str) -> None:
    """Remove user NAME; their open sessions stop working at once."""
    from pipelines.users import remove_user

    remove_user(app.ready_engine(), name)
    say(Bilingual(f"Removed user '{name}'.", f"Gebruiker '{name}' verwijderd.", f"Utilisateur « {name} » supprimé."))


@user_group.command("set-role")
@click.argument("name")
@click.argument("role", type=click.Choice(ROLES))
@pass_app
def set_role_command(app: AppContext, name: str, role: str) -> None:
    """Give user NAME another ROLE (never leaves the programme without an admin)."""
    from pipelines.users import set_role

    account = set_role(app.ready_engine(), name, role)
    name, role = account.name, account.role
    say(Bilingual(f"User '{name}' now has the role {role}.", f"Gebruiker '{name}' heeft nu de rol {role}.",
                  f"L'utilisateur « {name} » a maintenant le rôle {role}."))


@user_group.command("set-password")
@click.argument("name")
@_password_stdin
@pass_app
def set_password_command(app: AppContext, name: str, password_stdin: bool) -> None:
    """Give user NAME a new password; logs out their sessions and lifts a login lock-out."""
    from pipelines.users import check_password, reset_password

    engine = app.ready_engine()
    password = _read_password(password_stdin)
    check_password(password)
    name = reset_password(engine, name, password, app.settings.redis_url)
    say(Bilingual(f"Password of '{name}' changed.", f"Wachtwoord van '{name}' gewijzigd.",
                  f"Mot de passe de « {name} » modifié."))


COMMANDS = [user_group]
