"""Accounts: argon2id hashes, unique names, roles, password rules, login checks."""

from __future__ import annotations

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select, update

from pipelines.db import writing
from pipelines.errors import UserError
from pipelines.schema import User
from pipelines.users import (
    add_user,
    list_users,
    remove_user,
    role_allows,
    set_password,
    set_role,
    verify_login,
)

PASSWORD = "correct horse battery"


def _stored_hash(engine, name: str) -> str:
    with engine.connect() as conn:
        return conn.scalar(select(User.password_hash).where(User.name == name))


def test_password_is_stored_as_an_argon2id_hash_not_in_clear(engine):
    add_user(engine, "ann", "analyst", PASSWORD)
    stored = _stored_hash(engine, "ann")
    assert PASSWORD not in stored
    assert stored.startswith("$argon2id$")
    assert PasswordHasher().verify(stored, PASSWORD)


def test_right_password_logs_in_and_wrong_one_or_unknown_name_does_not(engine):
    add_user(engine, "ann", "analyst", PASSWORD)
    account = verify_login(engine, "ann", PASSWORD)
    assert (account.name, account.role) == ("ann", "analyst")
    assert verify_login(engine, "ann", PASSWORD + "!") is None
    assert verify_login(engine, "bob", PASSWORD) is None
    assert verify_login(engine, "not a valid name", PASSWORD) is None


def test_names_are_unique_whatever_their_case(engine):
    add_user(engine, "Anna", "analyst", PASSWORD)
    with pytest.raises(UserError, match="already exists"):
        add_user(engine, " ANNA ", "coordinator", PASSWORD)
    assert [a.name for a in list_users(engine)] == ["anna"]
    assert verify_login(engine, "ANNA", PASSWORD) is not None


@pytest.mark.parametrize("password", ["", "short", "nine char", " " * 12])
def test_empty_short_or_blank_passwords_are_refused(engine, password):
    with pytest.raises(UserError, match="password"):
        add_user(engine, "ann", "analyst", password)
    assert list_users(engine) == []


def test_unknown_role_is_refused(engine):
    with pytest.raises(UserError, match="unknown role 'superuser'"):
        add_user(engine, "ann", "superuser", PASSWORD)


def test_new_password_replaces_the_old_one(engine):
    add_user(engine, "ann", "analyst", PASSWORD)
    set_password(engine, "ann", "another long password")
    assert verify_login(engine, "ann", PASSWORD) is None
    assert verify_login(engine, "ann", "another long password") is not None
    with pytest.raises(UserError, match="no user named 'bob'"):
        set_password(engine, "bob", "another long password")


def test_removed_user_cannot_log_in(engine):
    add_user(engine, "ann", "analyst", PASSWORD)
    remove_user(engine, "ann")
    assert verify_login(engine, "ann", PASSWORD) is None
    with pytest.raises(UserError, match="no user named 'ann'"):
        remove_user(engine, "ann")


def test_hash_with_weaker_parameters_is_upgraded_at_login(engine):
    add_user(engine, "ann", "analyst", PASSWORD)
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(PASSWORD)
    with writing(engine) as conn:
        conn.execute(update(User).where(User.name == "ann").values(password_hash=weak))
    assert verify_login(engine, "ann", PASSWORD) is not None
    upgraded = _stored_hash(engine, "ann")
    assert upgraded != weak and not PasswordHasher().check_needs_rehash(upgraded)


def test_roles_rank_analyst_below_coordinator_below_admin():
    assert role_allows("coordinator", "analyst") and role_allows("admin", "coordinator")
    assert not role_allows("analyst", "coordinator") and not role_allows("coordinator", "admin")
    assert not role_allows(None, "analyst")
    with pytest.raises(ValueError):
        role_allows("admin", "superuser")


def _roles(engine) -> dict[str, str]:
    return {a.name: a.role for a in list_users(engine)}


def test_a_role_change_applies_and_is_checked(engine):
    add_user(engine, "root", "admin", PASSWORD)
    add_user(engine, "ann", "analyst", PASSWORD)
    assert set_role(engine, "Ann", "coordinator", acting="root").role == "coordinator"
    assert _roles(engine) == {"root": "admin", "ann": "coordinator"}
    with pytest.raises(UserError, match="unknown role 'owner'"):
        set_role(engine, "ann", "owner", acting="root")
    with pytest.raises(UserError, match="no user named 'bob'"):
        set_role(engine, "bob", "analyst", acting="root")
    assert _roles(engine) == {"root": "admin", "ann": "coordinator"}


def test_the_last_admin_is_never_removed_or_demoted(engine):
    add_user(engine, "root", "admin", PASSWORD)
    add_user(engine, "ann", "analyst", PASSWORD)
    for change in (lambda: remove_user(engine, "root"), lambda: set_role(engine, "root", "analyst")):
        with pytest.raises(UserError, match="'root' is the only admin") as refused:
            change()
        assert "de enige beheerder" in refused.value.in_language("nl")
    add_user(engine, "bea", "admin", PASSWORD)
    set_role(engine, "root", "coordinator", acting="bea")  # with two admins, one may go
    assert _roles(engine) == {"root": "coordinator", "ann": "analyst", "bea": "admin"}
    with pytest.raises(UserError, match="only admin"):
        remove_user(engine, "bea")


def test_an_admin_cannot_remove_or_demote_their_own_account(engine):
    add_user(engine, "root", "admin", PASSWORD)
    add_user(engine, "bea", "admin", PASSWORD)
    with pytest.raises(UserError, match="your own account"):
        remove_user(engine, "ROOT", acting="root")
    with pytest.raises(UserError, match="your own role"):
        set_role(engine, "root", "analyst", acting="root")
    set_role(engine, "root", "admin", acting="root")  # no change is no harm
    remove_user(engine, "bea", acting="root")
    assert _roles(engine) == {"root": "admin"}
