"""Every message the data layer, the command line and the API make is said in French too.

A message is a `pipelines.errors.Bilingual(en, nl, fr)` made where the mistake is found. These
tests read the source of pipelines/, roadmap_cli/ and dashboard/ (a message made only on a rare
path is checked as well as a common one), then follow a few messages through the code that
shows them: a French page never gets English where French was written.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from pipelines.errors import Bilingual, Problem, UserError, in_language
from pipelines.job_state import JobState, error_row, problem_row
from pipelines.users import check_password

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("pipelines", "roadmap_cli", "dashboard")
TEMPLATE_FIELD = re.compile(r"{(\w+)}")  # a text formatted later ("a year from {low} to {high}")
# Per-language lookups ({_KIND_NL[kind]}) and per-language variables ({shown_nl}) stand for
# the same value in each language: their names say which language they are in.
LANGUAGE_TABLE = re.compile(r"^_?[A-Z0-9_]+_(NL|EN|FR)$")
LANGUAGE_SUFFIX = re.compile(r"_(nl|en|fr)$")


def _bilingual_calls() -> list[tuple[str, ast.Call]]:
    calls = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Bilingual":
                    calls.append((f"{path.relative_to(ROOT)}:{node.lineno}", node))
    return calls


CALLS = _bilingual_calls()


def _french(call: ast.Call) -> ast.expr | None:
    if len(call.args) >= 3:
        return call.args[2]
    return next((k.value for k in call.keywords if k.arg == "fr"), None)


def _text_of(node: ast.expr) -> ast.expr:
    """The text an argument makes: a conditional's first branch (`f"..." if known else None`)."""
    return node.body if isinstance(node, ast.IfExp) else node


def _is_text(node: ast.expr) -> bool:
    node = _text_of(node)
    return isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str))


def _placeholders(node: ast.expr) -> set[str]:
    """The values a text shows: names used in an f-string's fields, or a template's {fields}."""
    node = _text_of(node)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return set(TEMPLATE_FIELD.findall(node.value))
    found = set()
    for field in (v for v in getattr(node, "values", ()) if isinstance(v, ast.FormattedValue)):
        for name in (n.id for n in ast.walk(field.value) if isinstance(n, ast.Name)):
            if LANGUAGE_TABLE.match(name):
                continue
            found.add("<lang>" if name in ("en", "nl", "fr") else LANGUAGE_SUFFIX.sub("", name))
    return found


def _words(node: ast.expr) -> str:
    node = _text_of(node)
    if isinstance(node, ast.Constant):
        return str(node.value)
    return "".join(str(v.value) for v in getattr(node, "values", ()) if isinstance(v, ast.Constant))


def test_the_source_makes_messages_in_many_places():
    """The walk finds the messages (a broken walk would pass every test below)."""
    assert len(CALLS) > 150
    assert any(where.startswith("roadmap_cli/") for where, _ in CALLS)
    assert any(where.startswith("dashboard/api/") for where, _ in CALLS)


def test_every_message_has_its_french():
    missing = [where for where, call in CALLS if _french(call) is None]
    assert missing == [], f"Bilingual without French (add it as the third argument): {missing}"


def test_a_written_message_has_written_french_not_a_copy_of_the_english():
    """A text typed in the source has French typed next to it; a sentence is not left in English."""
    wrong = []
    for where, call in CALLS:
        english, french = call.args[0], _french(call)
        if french is None or not _is_text(english):
            continue
        if not _is_text(french):
            wrong.append(f"{where}: the French is not a text")
        elif len(_words(english).split()) >= 3 and _words(french).strip() == _words(english).strip():
            wrong.append(f"{where}: the French repeats the English")
    assert wrong == []


def test_the_three_languages_show_the_same_values():
    """A value named in English ({name}, {year}) is named in Dutch and French too, and no other."""
    differ = []
    for where, call in CALLS:
        texts = [call.args[0], call.args[1] if len(call.args) > 1 else None, _french(call)]
        if any(t is None or not _is_text(t) for t in texts):
            continue
        en, nl, fr = (_placeholders(t) for t in texts)
        if not en == nl == fr:
            differ.append(f"{where}: en {sorted(en)}, nl {sorted(nl)}, fr {sorted(fr)}")
    assert differ == []


def test_the_placeholder_check_sees_a_missing_value():
    """The check above fails on what it should: a French text that drops a value."""
    good = ast.parse('Bilingual(f"row {row} of {name_en}", f"rij {row} van {_X_NL[name_nl]}", f"ligne {row} de {name_fr}")')
    bad = ast.parse('Bilingual(f"row {row}", f"rij {row}", "ligne")')
    good_call, bad_call = good.body[0].value, bad.body[0].value
    assert len({frozenset(_placeholders(a)) for a in good_call.args}) == 1
    assert len({frozenset(_placeholders(a)) for a in bad_call.args}) == 2


@pytest.mark.parametrize(("password", "french"), [
    ("short", "le mot de passe est trop court\u00a0: utilisez au moins 10 caractères"),
    (" " * 12, "le mot de passe ne contient que des espaces"),
])
def test_a_refused_password_is_said_in_french(password, french):
    with pytest.raises(UserError) as refused:
        check_password(password)
    assert refused.value.in_language("fr") == french
    assert refused.value.in_language("en") != french


def test_a_failed_import_job_keeps_its_french():
    """A job's problems are stored as JSON and read back for the page: the French survives."""
    problem = Problem("a.csv", 3, "value", "x", Bilingual("a number", "een getal", "un nombre"))
    error = Bilingual("the programme no longer exists", "het programma bestaat niet meer",
                      "le programme n'existe plus")
    job = JobState("1", 1, "indicators", "a.csv", "0" * 64, {}, "ann",
                   problems=[problem_row(problem), error_row(error)])
    assert in_language(job.problem_list()[0].expected, "fr") == "un nombre"
    assert in_language(job.error(), "fr") == "le programme n'existe plus"
    # A row stored before French existed has none: English on a French page, Dutch still Dutch.
    old = JobState("2", 1, "indicators", "a.csv", "0" * 64, {}, "ann",
                   problems=[{"error": True, "expected": "gone", "expected_nl": "weg"}])
    assert in_language(old.error(), "fr") == "gone" and in_language(old.error(), "nl") == "weg"


@pytest.mark.parametrize(("unit", "tonnes"), [("t CO2e/an", 1), ("kt CO2e par an", 1000), ("t CO2e/jaar", 1)])
def test_a_commitment_reduction_per_year_written_in_french_reads(unit, tonnes):
    """The French message's example ('t CO2e/an') is a unit the loader takes."""
    from pipelines.load.record_specs import tonnes_factor

    assert tonnes_factor(unit) == tonnes


def test_french_messages_get_a_no_break_space_before_colons_semicolons_and_question_marks():
    # French typography, as the catalogues' texts have it: a terminal or a phone that wraps the
    # line never starts the next one with ':' (the texts in the code are written with a plain space).
    made = Bilingual("no value: load it; again?", "geen waarde: laad ze; opnieuw?",
                     "aucune valeur : chargez-la ; encore ? oui !")
    assert made.fr == "aucune valeur\u00a0: chargez-la\u00a0; encore\u00a0? oui\u00a0!"
    assert (made.nl, str(made)) == ("geen waarde: laad ze; opnieuw?", "no value: load it; again?")
    joined = Bilingual("a", "a", "un") + Bilingual(": b", ": b", " : deux")
    assert joined.fr == "un\u00a0: deux"
    # A problem as a loader makes it, in the page's language.
    problem = Problem("a.csv", 3, "value", "veel", Bilingual("a number", "een getal", "un nombre"))
    assert " :" not in problem.in_language("fr") and "\u00a0:" in problem.in_language("fr")
