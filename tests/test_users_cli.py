"""`roadmap user ...` through click's CliRunner, against a real database on each backend."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from pipelines.login_throttle import DatabaseThrottle, ThrottleKey
from pipelines.users import list_users, verify_login
from roadmap_cli import main

PASSWORD = "correct horse battery"


@pytest.fixture
def roadmap(engine, monkeypatch):
    """Run `roadmap ARGS` on the test database; returns click's Result."""
    monkeypatch.delenv("REDIS_URL", raising=False)  # lock-outs then live in the test database
    url = engine.url.render_as_string(hide_password=False)
    runner = CliRunner()

    def run(*args: str, input: str | None = None):
        return runner.invoke(main, ["--database-url", url, *args], input=input)

    return run


def test_add_with_password_on_stdin(roadmap, engine):
    result = roadmap("user", "add", "Ann", "--role", "analyst", "--password-stdin", input=PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    assert "Added user 'ann' with role analyst." in result.output
    assert verify_login(engine, "ann", PASSWORD).role == "analyst"


def test_add_asks_for_the_password_twice_at_a_hidden_prompt(roadmap, engine):
    result = roadmap("user", "add", "cor", "--role", "coordinator", input=f"{PASSWORD}\n{PASSWORD}\n")
    assert result.exit_code == 0, result.output
    assert PASSWORD not in result.output  # hidden input is not echoed
    assert verify_login(engine, "cor", PASSWORD) is not None


def test_prompted_passwords_that_differ_are_asked_again(roadmap, engine):
    answers = f"{PASSWORD}\nsomething else!\n{PASSWORD}\n{PASSWORD}\n"
    result = roadmap("user", "add", "cor", "--role", "coordinator", input=answers)
    assert result.exit_code == 0, result.output
    assert "do not match" in result.output.lower()


@pytest.mark.parametrize("given", ["\n", "too short\n"], ids=["empty", "short"])
def test_empty_or_short_password_is_refused_in_one_line(roadmap, engine, given):
    result = roadmap("user", "add", "ann", "--role", "analyst", "--password-stdin", input=given)
    assert result.exit_code == 1
    assert result.output.startswith("error: ") and "Traceback" not in result.output
    assert list_users(engine) == []


def test_unknown_role_is_refused_by_the_option(roadmap, engine):
    result = roadmap("user", "add", "ann", "--role", "root", "--password-stdin", input=PASSWORD + "\n")
    assert result.exit_code == 2 and "'root' is not one of" in result.output
    assert list_users(engine) == []


def test_list_shows_names_and_roles_and_remove_deletes(roadmap):
    roadmap("user", "add", "ann", "--role", "analyst", "--password-stdin", input=PASSWORD + "\n")
    roadmap("user", "add", "adm", "--role", "admin", "--password-stdin", input=PASSWORD + "\n")
    listed = roadmap("user", "list").output.splitlines()
    assert [line.split()[:2] for line in listed] == [["adm", "admin"], ["ann", "analyst"]]
    assert PASSWORD not in "".join(listed) and "argon2" not in "".join(listed)
    assert roadmap("user", "remove", "ann").exit_code == 0
    assert [line.split()[0] for line in roadmap("user", "list").output.splitlines()] == ["adm"]
    missing = roadmap("user", "remove", "ann")
    assert missing.exit_code == 1 and missing.output == "error: no user named 'ann'\n"


def test_set_password_replaces_it_and_lifts_a_lock_out(roadmap, engine):
    roadmap("user", "add", "ann", "--role", "analyst", "--password-stdin", input=PASSWORD + "\n")
    throttle = DatabaseThrottle(engine)
    for _ in range(6):
        throttle.record_failure([ThrottleKey("user", "ann")])
    result = roadmap("user", "set-password", "ann", "--password-stdin", input="a new long password\n")
    assert result.exit_code == 0, result.output
    assert verify_login(engine, "ann", PASSWORD) is None
    assert verify_login(engine, "ann", "a new long password") is not None
    assert throttle.blocked_for([ThrottleKey("user", "ann")]) == 0


def test_set_role_changes_it_but_never_demotes_the_last_admin(roadmap, engine):
    for name, role in (("root", "admin"), ("ann", "analyst")):
        assert roadmap("user", "add", name, "--role", role, "--password-stdin", input=PASSWORD + "\n").exit_code == 0
    result = roadmap("user", "set-role", "ann", "coordinator")
    assert result.exit_code == 0, result.output
    assert "User 'ann' now has the role coordinator." in result.output
    result = roadmap("user", "set-role", "root", "analyst")
    assert result.exit_code != 0 and "'root' is the only admin: make another user admin first" in result.output
    result = roadmap("user", "remove", "root")
    assert result.exit_code != 0 and "only admin" in result.output
    assert {a.name: a.role for a in list_users(engine)} == {"root": "admin", "ann": "coordinator"}
