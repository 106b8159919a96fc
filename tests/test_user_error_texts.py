"""No user's mistake is told in English only: a UserError is raised with a Bilingual, never a bare text.

A page shows `UserError.in_language(lang)` and the command line prints it in its --lang; a
message written as a plain "..." or f"..." would be English on every Dutch and French screen.
This reads the source of pipelines/, roadmap_cli/ and dashboard/ (rare paths too) and names every
UserError (or subclass, or click usage error) made from a bare text. The French and the same
placeholders of each Bilingual are checked in tests/test_french_messages.py.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from pipelines.errors import Bilingual, Problem, UserError, ValidationFailed
from pipelines.saved_scenarios import clean_name

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("pipelines", "roadmap_cli", "dashboard")
# Where a bare English text must stay, with the reason. Empty: every message has its languages.
ALLOWED: dict[str, str] = {}


def _trees() -> list[tuple[Path, ast.Module]]:
    return [(path, ast.parse(path.read_text(encoding="utf-8")))
            for package in PACKAGES for path in sorted((ROOT / package).rglob("*.py"))
            if "migrations" not in path.parts]


TREES = _trees()


def _name(node: ast.expr) -> str | None:
    return node.id if isinstance(node, ast.Name) else node.attr if isinstance(node, ast.Attribute) else None


def _user_error_family(trees) -> tuple[set[str], set[str]]:
    """(every UserError class, those that take the message as it is: no __init__ of their own)."""
    classes = {node.name: node for _, tree in trees for node in ast.walk(tree) if isinstance(node, ast.ClassDef)}
    family, grew = {"UserError"}, True
    while grew:
        grew = False
        for name, node in classes.items():
            if name not in family and any(_name(base) in family for base in node.bases):
                family.add(name)
                grew = True
    own_init = {name for name in family if name in classes and any(
        isinstance(item, ast.FunctionDef) and item.name == "__init__" for item in classes[name].body)}
    return family, family - own_init


def _bare_text(node: ast.expr) -> bool:
    """A text written in the source that is not a Bilingual: "…", f"…", "…" + x, "…".format(…), "…" % x."""
    if isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str)):
        return True
    if isinstance(node, ast.BinOp):
        return _bare_text(node.left) or (isinstance(node.op, ast.Add) and _bare_text(node.right))
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return _bare_text(node.func.value)
    return False


def bare_messages(trees) -> list[str]:
    """`file:line` of every user error made from a bare text, in `trees`."""
    family, takes_message = _user_error_family(trees)
    found = []
    for path, tree in trees:
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
            if any(_name(base) in family for base in cls.bases):  # super().__init__("…") in a subclass
                for call in (n for n in ast.walk(cls) if isinstance(n, ast.Call)):
                    if (_name(call.func) == "__init__" and isinstance(call.func, ast.Attribute)
                            and isinstance(call.func.value, ast.Call) and _name(call.func.value.func) == "super"
                            and call.args and _bare_text(call.args[0])):
                        found.append(f"{path.relative_to(ROOT)}:{call.lineno}")
        for call in (n for n in ast.walk(tree) if isinstance(n, ast.Call)):
            if _name(call.func) in takes_message | {"UsageError"} and call.args and _bare_text(call.args[0]):
                found.append(f"{path.relative_to(ROOT)}:{call.lineno}")
    return found


def test_the_walk_finds_the_user_errors():
    """A broken walk would pass the test below: it sees the many UserErrors and their family."""
    family, takes_message = _user_error_family(TREES)
    assert {"ValidationFailed", "InvalidFields", "UndoRefused", "ImportRunning"} <= family
    assert "UndoRefused" in takes_message and "ValidationFailed" not in takes_message
    calls = [n for _, tree in TREES for n in ast.walk(tree)
             if isinstance(n, ast.Call) and _name(n.func) == "UserError"]
    assert len(calls) > 80


def test_no_user_error_is_made_from_a_bare_english_text():
    bare = [where for where in bare_messages(TREES) if where.split(":")[0] not in ALLOWED]
    assert bare == [], (
        "a user's mistake in English only (give it as Bilingual(en, nl, fr), see pipelines/errors.py): "
        f"{bare}"
    )


def test_the_check_sees_each_kind_of_bare_text():
    """The check above fails on what it should, and lets a Bilingual or a label key pass."""
    source = '''
class Refused(UserError):
    pass

class Counted(Refused):
    def __init__(self, n):
        super().__init__(f"{n} problems")

raise UserError("plain")
raise UserError(f"no {name}")
raise UserError("a " + name)
raise UserError("no {name}".format(name=name))
raise Refused("plain")
raise click.UsageError("give one")
raise UserError(Bilingual("ok", "ok", "ok"))
raise UserError(t("label_key", lang))
raise UserError(MESSAGE)
raise Counted(3)
'''
    tree = ast.parse(source)
    found = bare_messages([(ROOT / "example.py", tree)])
    assert [int(where.rsplit(":", 1)[1]) for where in found] == [7, 9, 10, 11, 12, 13, 14]


def test_a_mistake_a_page_shows_comes_in_the_pages_language():
    """The coordinator's scenario page shows `error.in_language(lang)`: Dutch and French, not English."""
    with pytest.raises(UserError) as refused:
        clean_name("   ")
    assert refused.value.in_language("nl") == (
        "een bewaard scenario heeft een naam nodig: typ er een, bv. 'Alleen gebouwen'")
    assert refused.value.in_language("fr") == (
        "un scénario enregistré doit avoir un nom\u00a0: saisissez-en un, p. ex. « Bâtiments uniquement »")
    with pytest.raises(UserError) as too_long:
        clean_name("x" * 101)
    assert too_long.value.in_language("fr") == (
        "le nom d'un scénario compte au plus 100 caractères\u00a0; celui-ci en compte 101")


def test_a_files_problems_are_summed_up_in_each_language():
    number = Bilingual("a number", "een getal", "un nombre")
    failed = ValidationFailed([Problem("a.csv", 4, "value", "veel", number), Problem("a.csv", 3, None, None, number)])
    assert str(failed) == "2 problem(s), nothing imported: a.csv, row 4, column 'value': found 'veel'; " \
        "expected a number (and 1 more)"
    assert failed.in_language("nl") == "2 problemen, niets geïmporteerd: a.csv, rij 4, kolom 'value': " \
        "gevonden 'veel'; verwacht: een getal (en nog 1)"
    assert failed.problems[0].in_language("fr") == "a.csv, ligne 3\u00a0; attendu\u00a0: un nombre"
