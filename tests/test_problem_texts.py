"""Every problem a loader reports, and every error reading a file, is said in Dutch too.

The upload page speaks the analyst's language; the command line speaks English. A message is
made in both languages where it is made (pipelines.errors.Bilingual); these tests load bad files
of every kind and check that no message reaches a Dutch page in English only.
"""

from __future__ import annotations

import ast
import pickle
from pathlib import Path

import pytest

from pipelines.errors import Bilingual, UserError, ValidationFailed, in_language
from pipelines.load import load_file
from pipelines.load.result import LoadOptions
from pipelines.mapping import read_mapping
from pipelines.themes import define_themes

from .conftest import DATA

PIPELINES = Path(__file__).resolve().parents[1] / "pipelines"


def test_a_bilingual_text_is_its_english_text_and_keeps_its_dutch():
    text = Bilingual("a number", "een getal")
    assert text == "a number" and "number" in text and str(text) == "a number"
    assert in_language(text, "nl") == "een getal" and in_language(text, "en") == "a number"
    joined = text + Bilingual(" (3 rows)", " (3 rijen)")
    assert joined == "a number (3 rows)" and in_language(joined, "nl") == "een getal (3 rijen)"
    # Joined with plain text it is plain English: the Dutch is never silently half-translated.
    assert not isinstance(text + " or so", Bilingual) and not isinstance("about " + text, Bilingual)
    assert in_language("plain", "nl") == "plain"
    copy = pickle.loads(pickle.dumps(text))  # a checking process sends problems through a pipe
    assert isinstance(copy, Bilingual) and copy.nl == "een getal"
    assert UserError(text).in_language("nl") == "een getal" and UserError("x").in_language("nl") == "x"


def _problems(engine, programme_id, kind: str, path: Path, **options) -> list:
    with pytest.raises(ValidationFailed) as failed:
        load_file(engine, programme_id, kind, path, options=LoadOptions(**options))
    return failed.value.problems


def _assert_dutch(problems) -> None:
    assert problems
    for problem in problems:
        where = f"{problem.file} row {problem.row} column {problem.column}: {problem.expected!r}"
        assert isinstance(problem.expected, Bilingual), f"English only: {where}"
        assert problem.expected.nl and problem.expected.nl != str(problem.expected), where


def test_indicator_file_problems_are_in_dutch(engine, programme_id, tmp_path):
    _assert_dutch(_problems(engine, programme_id, "indicators", DATA / "ind_errors.csv"))
    _assert_dutch(_problems(engine, programme_id, "indicators", DATA / "ind_ambiguous.csv"))
    many = tmp_path / "many.csv"  # more than 50 of one kind: the capped line
    many.write_text("sector;year;value;unit\n" + "".join(f"transport;{1950 + i};veel;t\n" for i in range(60)))
    problems = _problems(engine, programme_id, "indicators", many)
    _assert_dutch(problems)
    assert any(" — en nog 10 rijen zoals deze" in p.expected.nl for p in problems)
    shapes = {
        "layout.csv": "naam;kleur\nLeuven;groen\n",
        "labels.csv": "indicator;year;value;unit\n;2019;1;t\nnieuw.ding;2019;2;t\nnieuw.ding;2020;3;t\n",
        "brackets.csv": "sector;year;value;unit\ntransport;2019;(1.234,5);t\n",
        "areas.csv": "NIS-code;Gemeente;sector;year;value;unit\n24059;Lubbeek;transport;2019;1;t\n",
        "defs.csv": "indicator;name;unit;kind;year;value\nnew.a;A;;;2019;1\nnew.b;B;t;soep;2019;1\n",
    }
    for name, text in shapes.items():
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        _assert_dutch(_problems(engine, programme_id, "indicators", path, new_indicators=name == "defs.csv"))


def test_partner_and_commitment_file_problems_are_in_dutch(engine, programme_id, tmp_path):
    _assert_dutch(_problems(engine, programme_id, "partners", DATA / "partners_errors.csv"))
    _assert_dutch(_problems(engine, programme_id, "partners", DATA / "partners_missing_column.csv"))
    load_file(engine, programme_id, "partners", DATA / "partners_nl_semicolon_cp1252.csv")
    _assert_dutch(_problems(engine, programme_id, "commitments", DATA / "commitments_errors.csv"))
    define_themes(engine, programme_id, [{"code": "ENE", "nl": "Energie", "en": "Energy"}])
    odd = tmp_path / "odd.csv"
    odd.write_text("partner;title;theme;reduction (zakken);indicator;indicator target;progress\n"
                   "KU Leuven;A;XYZ;1;population;;\nKU Leuven;B;;1;;5;\nKU Leuven;C;;1;;;1.953\n",
                   encoding="utf-8")
    _assert_dutch(_problems(engine, programme_id, "commitments", odd))


def test_mapping_file_problems_are_in_dutch(tmp_path):
    mapping = tmp_path / "mapping.csv"
    mapping.write_text("source_label,kind,target\n,indicator,x\nA,colour,x\nB,unit,\nC,sector,shipping\n")
    with pytest.raises(ValidationFailed) as failed:
        read_mapping(mapping)
    _assert_dutch(failed.value.problems)


@pytest.mark.parametrize(("name", "data"), [
    ("empty.csv", b"   \n"),
    ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100),
    ("latin.csv", b"sector;year;value\ntransport;2019;1\ncaf\xe9;2019;1\n"),
    ("ragged.csv", b"sector;year;value\ntransport;2019;1\nwaste;2019;1;2;3\n"),
    ("book.xlsx", b"PK\x03\x04 not really a workbook"),
])
def test_errors_reading_a_file_are_in_dutch(engine, programme_id, tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(UserError) as failed:
        load_file(engine, programme_id, "indicators", path, options=LoadOptions(encoding="utf-8"))
    message = failed.value.args[0]
    assert isinstance(message, Bilingual), f"English only: {message!r}"
    assert failed.value.in_language("nl") != str(failed.value) and name in failed.value.in_language("nl")


def _expected_argument(call: ast.Call) -> ast.expr | None:
    name = call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", "")
    position = {"CellError": 0, "Problem": 4}.get(name)
    if position is None or len(call.args) <= position:
        return None
    return call.args[position]


def _is_plain_text(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _is_plain_text(node.left) or _is_plain_text(node.right)
    return False


def test_no_loader_writes_a_problem_in_english_only():
    """A problem written as a plain string literal would reach the Dutch page in English."""
    found = []
    for path in sorted(PIPELINES.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            argument = _expected_argument(node) if isinstance(node, ast.Call) else None
            if argument is not None and _is_plain_text(argument):
                found.append(f"{path.relative_to(PIPELINES.parent)}:{node.lineno}")
    assert found == []


def test_a_text_with_french_shows_it_on_a_french_page_and_english_without():
    text = Bilingual("a number", "een getal", "un nombre")
    assert in_language(text, "fr") == "un nombre" and in_language(text, "nl") == "een getal"
    joined = text + Bilingual(" (3 rows)", " (3 rijen)", " (3 lignes)")
    assert in_language(joined, "fr") == "un nombre (3 lignes)"
    # A part without French makes the whole text English on a French page, never half and half.
    half = text + Bilingual(" (3 rows)", " (3 rijen)")
    assert in_language(half, "fr") == "a number (3 rows)" and in_language(half, "nl") == "een getal (3 rijen)"
    assert pickle.loads(pickle.dumps(text)).fr == "un nombre"
    assert UserError(text).in_language("fr") == "un nombre"


def test_the_problems_of_a_bad_upload_are_in_french(engine, programme_id):
    """The upload page's example of a bad file (tests/data/upload_bad.csv): every problem it shows
    has French, and the counted ones ("(3 rows)") keep it."""
    problems = _problems(engine, programme_id, "indicators", DATA / "upload_bad.csv")
    assert len(problems) == 4
    french = [in_language(p.expected, "fr") for p in problems]
    assert all(isinstance(p.expected, Bilingual) and p.expected.fr for p in problems), french
    assert any("un code d'indicateur, un nom d'indicateur ou un secteur connus" in f for f in french)
    assert any(f.startswith("une année (2019") for f in french)
    assert any("séparateur décimal" in f for f in french)
    assert any("une unité que le chargement connaît pour 't CO2e'" in f for f in french)
