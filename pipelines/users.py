"""Workspace accounts: add, list, remove, set a password, verify a login (argon2id hashes)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Connection, Engine, delete, select, update
from sqlalchemy.orm import Session

from pipelines.db import writing
from pipelines.errors import Bilingual, UserError
from pipelines.schema import User
from pipelines.vocab import ROLES

MIN_PASSWORD_LENGTH = 10
# argon2 costs the same whatever the length, but a megabyte "password" still costs bandwidth.
MAX_PASSWORD_LENGTH = 1024
_NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._@-]{0,99}$")

# Role ranks: a role may do everything the roles below it may (issue 5: a coordinator does
# everything an analyst does; an admin manages users on top).
ROLE_RANK = {role: rank for rank, role in enumerate(ROLES, start=1)}


@dataclass(frozen=True)
class Account:
    """A user as the rest of the code sees it: never carries the password hash out."""

    id: int
    name: str
    role: str
    created_at: datetime


def role_allows(role: str | None, minimum: str) -> bool:
    """Whether `role` may do what needs at least `minimum` (analyst < coordinator < admin)."""
    if minimum not in ROLE_RANK:
        raise ValueError(f"unknown role {minimum!r}; expected one of {', '.join(ROLES)}")
    return role in ROLE_RANK and ROLE_RANK[role] >= ROLE_RANK[minimum]


def normalise_name(name: str) -> str:
    """The stored form of a user name: trimmed, NFKC, lower case (so 'Anna' and 'anna' are one)."""
    return unicodedata.normalize("NFKC", name).strip().casefold()


def check_name(name: str) -> str:
    normalised = normalise_name(name)
    if not _NAME_PATTERN.match(normalised):
        raise UserError(Bilingual(
            f"user name {name!r} is not valid: use 1-100 letters, digits, '.', '_', '-' or '@', "
            "starting with a letter or digit",
            f"gebruikersnaam {name!r} is niet geldig: gebruik 1 tot 100 letters, cijfers, '.', '_', '-' "
            "of '@', te beginnen met een letter of cijfer",
            f"le nom d'utilisateur {name!r} n'est pas valable : utilisez de 1 à 100 lettres, chiffres, '.', '_', '-' "
            "ou '@', en commençant par une lettre ou un chiffre",
        ))
    return normalised


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise UserError(Bilingual(
            f"the password is too short: use at least {MIN_PASSWORD_LENGTH} characters",
            f"het wachtwoord is te kort: gebruik minstens {MIN_PASSWORD_LENGTH} tekens",
            f"le mot de passe est trop court : utilisez au moins {MIN_PASSWORD_LENGTH} caractères"))
    if len(password) > MAX_PASSWORD_LENGTH:
        raise UserError(Bilingual(
            f"the password is too long: use at most {MAX_PASSWORD_LENGTH} characters",
            f"het wachtwoord is te lang: gebruik hoogstens {MAX_PASSWORD_LENGTH} tekens",
            f"le mot de passe est trop long : utilisez au plus {MAX_PASSWORD_LENGTH} caractères"))
    if password.strip() == "":
        raise UserError(Bilingual("the password is only spaces", "het wachtwoord bestaat enkel uit spaties",
                                  "le mot de passe ne contient que des espaces"))


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise UserError(Bilingual(f"unknown role {role!r}; expected one of {', '.join(ROLES)}",
                                  f"onbekende rol {role!r}; kies een van {', '.join(ROLES)}",
                                  f"rôle inconnu {role!r} ; choisissez parmi {', '.join(ROLES)}"))
    return role


def _no_user(name: str) -> UserError:
    return UserError(Bilingual(f"no user named {name!r}", f"er is geen gebruiker {name!r}",
                               f"il n'y a pas d'utilisateur {name!r}"))


def _keep_an_admin(conn: Connection, name: str, acting: str | None) -> None:
    """Refuse a change that would leave nobody able to manage users, or lock the actor out.

    `name` loses the admin role (removed or given another role); `acting` is who asks (None on
    the command line, whose user is whoever may open the database)."""
    if acting is not None and normalise_name(acting) == name:
        raise UserError(Bilingual(
            "you cannot remove your own account or change your own role: ask another admin",
            "u kunt uw eigen account niet verwijderen of uw eigen rol niet wijzigen: vraag het een andere beheerder",
            "vous ne pouvez pas supprimer votre propre compte ni modifier votre propre rôle : demandez-le à un autre administrateur",
        ))
    role = conn.execute(select(User.role).where(User.name == name)).scalar_one_or_none()
    if role is None:
        raise _no_user(name)
    if role == "admin":
        # Locked on PostgreSQL, so two admins demoting each other at once cannot both succeed.
        admins = conn.execute(select(User.id).where(User.role == "admin").with_for_update()).all()
        if len(admins) <= 1:
            raise UserError(Bilingual(
                f"{name!r} is the only admin: make another user admin first",
                f"{name!r} is de enige beheerder: maak eerst een andere gebruiker beheerder",
                f"{name!r} est le seul administrateur : faites d'abord d'un autre utilisateur un administrateur",
            ))


def _hasher() -> PasswordHasher:
    # argon2-cffi's defaults are RFC 9106's argon2id profile; a new instance is cheap.
    return PasswordHasher()


def hash_password(password: str) -> str:
    """An argon2id hash of `password` (with its own random salt and parameters)."""
    return _hasher().hash(password)


@cache
def _dummy_hash() -> str:
    # Verified against when the name is unknown, so a wrong name costs as long as a wrong password.
    return hash_password("not a real password, only for equal timing")


def _account(user: User) -> Account:
    return Account(id=user.id, name=user.name, role=user.role, created_at=user.created_at)


def add_user(engine: Engine, name: str, role: str, password: str) -> Account:
    """Create an account; the name must be new (case-insensitive)."""
    name, role = check_name(name), _check_role(role)
    check_password(password)
    password_hash = hash_password(password)
    with writing(engine) as conn, Session(bind=conn) as session:
        if session.scalar(select(User.id).where(User.name == name)) is not None:
            raise UserError(Bilingual(f"a user named {name!r} already exists",
                                      f"er bestaat al een gebruiker {name!r}",
                                      f"un utilisateur {name!r} existe déjà"))
        user = User(name=name, role=role, password_hash=password_hash)
        session.add(user)
        session.flush()
        return _account(user)


def list_users(engine: Engine) -> list[Account]:
    with Session(engine) as session:
        return [_account(u) for u in session.scalars(select(User).order_by(User.name))]


def remove_user(engine: Engine, name: str, acting: str | None = None) -> None:
    """Delete an account (its sessions end at once); never the last admin, nor `acting` itself."""
    name = normalise_name(name)
    with writing(engine) as conn:
        _keep_an_admin(conn, name, acting)
        conn.execute(delete(User).where(User.name == name))


def set_role(engine: Engine, name: str, role: str, acting: str | None = None) -> Account:
    """Give an account another role (it applies from the user's next request)."""
    name, role = normalise_name(name), _check_role(role)
    with writing(engine) as conn, Session(bind=conn) as session:
        user = session.scalar(select(User).where(User.name == name))
        if user is None:
            raise _no_user(name)
        if user.role != role:
            if user.role == "admin" or (acting is not None and normalise_name(acting) == name):
                _keep_an_admin(conn, name, acting)
            user.role = role
            session.flush()
        return _account(user)


def set_password(engine: Engine, name: str, password: str) -> None:
    """Replace a user's password; every login session of the user ends (see `session_account`)."""
    name = normalise_name(name)
    check_password(password)
    password_hash = hash_password(password)
    with writing(engine) as conn:
        result = conn.execute(update(User).where(User.name == name).values(
            password_hash=password_hash, session_version=User.session_version + 1))
        if result.rowcount == 0:
            raise _no_user(name)


def reset_password(engine: Engine, name: str, password: str, redis_url: str | None) -> str:
    """A new password given by an admin: `set_password` (the user's sessions end), then a login
    lock-out after failed attempts is lifted. The one way both the admin page and the CLI do it;
    returns the stored name."""
    from pipelines.login_throttle import ThrottleKey, make_throttle

    set_password(engine, name, password)
    name = normalise_name(name)
    make_throttle(engine, redis_url).reset(ThrottleKey("user", name))
    return name


def end_sessions(engine: Engine, user_id: int) -> None:
    """End every login session of the user (at logout): a saved session cookie opens nothing after."""
    with writing(engine) as conn:
        conn.execute(update(User).where(User.id == user_id).values(session_version=User.session_version + 1))


def verify_login(engine: Engine, name: str, password: str) -> Account | None:
    """The account if `name` and `password` match, else None; as slow for unknown names.

    argon2 compares in constant time. A hash made with older parameters is upgraded on success.
    """
    hasher = _hasher()
    normalised = normalise_name(name)
    with Session(engine) as session:
        user = None
        if _NAME_PATTERN.match(normalised) and len(password) <= MAX_PASSWORD_LENGTH:
            user = session.scalar(select(User).where(User.name == normalised))
        stored = user.password_hash if user is not None else _dummy_hash()
        try:
            hasher.verify(stored, password[:MAX_PASSWORD_LENGTH])
        except (VerificationError, InvalidHashError):
            return None
        if user is None:
            return None
        needs_rehash = hasher.check_needs_rehash(stored)
        account = _account(user)
    if needs_rehash:
        with writing(engine) as conn:
            conn.execute(
                update(User).where(User.id == account.id).values(password_hash=hasher.hash(password))
            )
    return account


def session_account(engine: Engine, user_id: int) -> tuple[Account, str] | None:
    """The account and what its login sessions are bound to, to check one still stands; or None.

    The binding changes with a new password and at every logout (the session version), so a
    session made before either no longer matches it.
    """
    with Session(engine) as session:
        user = session.get(User, user_id)
        return None if user is None else (_account(user), f"{user.session_version}:{user.password_hash}")
