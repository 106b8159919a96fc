"""What `roadmap` prints when it succeeds is said in the user's language: `--lang`, else the locale.

Each English line below is the one the command printed before it spoke Dutch and French (scripts
read it: it must not change). Every way of asking is tried: `--lang nl`/`--lang fr`, and a
Belgian locale (`LANG=nl_BE.UTF-8`, `LANG=fr_BE.UTF-8`) with no `--lang`.
Data: tests/data/analytics_inventory.csv, 26 values (4 sectors x 2010 and 2012-2016, 2011 missing);
total 200,000 t in 2010 falling 3,000 t a year to 182,000 t in 2016 (tests/test_derived.py).
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import func, select

from pipelines.errors import Bilingual, plural
from pipelines.schema import ImportBatch
from roadmap_cli import main
from tests.analytics_db import leuven_with_the_inventory
from tests.conftest import DATA

ROOT = Path(__file__).resolve().parents[1]
INVENTORY = DATA / "analytics_inventory.csv"
NO_LOCALE = {"LANGUAGE": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": None}
# (the language expected, the options before the command, the locale)
WAYS = [("en", [], None), ("nl", ["--lang", "nl"], None), ("fr", ["--lang", "fr"], None),
        ("nl", [], "nl_BE.UTF-8"), ("fr", [], "fr_BE.UTF-8")]
WAY_IDS = ["en", "lang-nl", "lang-fr", "LANG=nl_BE", "LANG=fr_BE"]


def invoke(url: str, way, *args, stdin: str | None = None):
    _, options, locale = way
    return CliRunner().invoke(main, ["--database-url", url, *options, *map(str, args)],
                              env={**NO_LOCALE, "LANG": locale}, input=stdin)


@pytest.fixture(params=WAYS, ids=WAY_IDS)
def way(request):
    return request.param


@pytest.fixture
def roadmap(engine, way):
    """(language, run): `roadmap ARGS…` on the test's database, asked in one of the WAYS."""
    url = engine.url.render_as_string(hide_password=False)
    return way[0], lambda *args, stdin=None: invoke(url, way, *args, stdin=stdin)


def said(result) -> str:
    assert result.exit_code == 0, result.output
    return result.stdout


def test_init_says_the_database_is_ready(roadmap, engine):
    lang, run = roadmap
    where = engine.url.render_as_string()
    created = said(run("init", "--slug", "gent", "--name", "Gent", "--baseline-year", "2015", "--target-year", "2050"))
    again = said(run("init"))
    assert (created, again) == {
        "en": (f"Database ready at {where}; created programme 'gent' (Gent, baseline 2015, target 2050).\n",
               f"Database ready at {where}; programmes: gent.\n"),
        "nl": (f"Databank klaar op {where}; programma 'gent' aangemaakt (Gent, basisjaar 2015, doeljaar 2050).\n",
               f"Databank klaar op {where}; programma's: gent.\n"),
        "fr": (f"Base de données prête à {where}\u00a0; programme « gent » créé (Gent, année de référence 2015, "
               "année cible 2050).\n",
               f"Base de données prête à {where}\u00a0; programmes\u00a0: gent.\n"),
    }[lang]


def test_a_load_its_repetition_and_its_undo(roadmap, engine, programme_id):
    lang, run = roadmap
    loaded, again = said(run("load", "indicators", INVENTORY)), said(run("load", "indicators", INVENTORY))
    with engine.connect() as conn:
        b = conn.scalar(select(func.max(ImportBatch.id)))
    undone = said(run("undo", b, "--yes"))
    assert (loaded, again, undone) == {
        "en": (f"analytics_inventory.csv: added 26, superseded 0, unchanged 0 (batch {b}).\n",
               f"analytics_inventory.csv was already loaded as batch {b}; nothing added.\n",
               f"batch {b} (indicators, analytics_inventory.csv) undone: 26 value(s) withdrawn, "
               "0 earlier value(s) restored.\n"),
        "nl": (f"analytics_inventory.csv: 26 toegevoegd, 0 vervangen, 0 ongewijzigd (import {b}).\n",
               f"analytics_inventory.csv werd al geladen als import {b}; er is niets toegevoegd.\n",
               f"import {b} (indicators, analytics_inventory.csv) ongedaan gemaakt: 26 waarde(n) ingetrokken, "
               "0 eerdere waarde(n) teruggezet.\n"),
        # French: 0 and 1 take the singular
        "fr": (f"analytics_inventory.csv\u00a0: 26 ajoutées, 0 remplacée, 0 inchangée (import {b}).\n",
               f"analytics_inventory.csv a déjà été chargé comme import {b}\u00a0; rien n'a été ajouté.\n",
               f"import {b} (indicators, analytics_inventory.csv) annulé\u00a0: 26 valeur(s) retirée(s), "
               "0 valeur(s) antérieure(s) rétablie(s).\n"),
    }[lang]


def test_programme_list(roadmap, programme_id):
    lang, run = roadmap
    assert said(run("programme", "list")) == {
        "en": "leuven\tLeuven 2030\tbaseline 2010, target 2030 (Climate neutrality)\temissions: no data\n",
        "nl": "leuven\tLeuven 2030\tbasisjaar 2010, doeljaar 2030 (Climate neutrality)\tuitstoot: geen gegevens\n",
        "fr": "leuven\tLeuven 2030\tannée de référence 2010, année cible 2030 (Climate neutrality)"
              "\témissions\u00a0: aucune donnée\n",
    }[lang]


def test_programme_list_json_is_the_same_in_every_language(engine, programme_id):
    url = engine.url.render_as_string(hide_password=False)
    outputs = {invoke(url, way, "programme", "list", "--json").stdout for way in WAYS}
    assert len(outputs) == 1 and json.loads(outputs.pop())[0]["slug"] == "leuven"


def test_user_commands(roadmap, engine):
    lang, run = roadmap
    password = "correct horse battery\n"
    lines = [said(run("user", "list")),
             said(run("user", "add", "ann", "--role", "admin", "--password-stdin", stdin=password)),
             said(run("user", "add", "bob", "--role", "analyst", "--password-stdin", stdin=password)),
             said(run("user", "set-role", "bob", "coordinator")),
             said(run("user", "set-password", "bob", "--password-stdin", stdin=password)),
             said(run("user", "remove", "bob"))]
    assert lines == {
        "en": ["No users yet; add one with `roadmap user add NAME --role ROLE`.\n", "Added user 'ann' with role admin.\n",
               "Added user 'bob' with role analyst.\n", "User 'bob' now has the role coordinator.\n",
               "Password of 'bob' changed.\n", "Removed user 'bob'.\n"],
        "nl": ["Nog geen gebruikers; voeg er een toe met `roadmap user add NAAM --role ROL`.\n",
               "Gebruiker 'ann' toegevoegd met de rol admin.\n", "Gebruiker 'bob' toegevoegd met de rol analyst.\n",
               "Gebruiker 'bob' heeft nu de rol coordinator.\n", "Wachtwoord van 'bob' gewijzigd.\n",
               "Gebruiker 'bob' verwijderd.\n"],
        "fr": ["Pas encore d'utilisateurs\u00a0; ajoutez-en un avec `roadmap user add NOM --role RÔLE`.\n",
               "Utilisateur « ann » ajouté avec le rôle admin.\n", "Utilisateur « bob » ajouté avec le rôle analyst.\n",
               "L'utilisateur « bob » a maintenant le rôle coordinator.\n", "Mot de passe de « bob » modifié.\n",
               "Utilisateur « bob » supprimé.\n"],
    }[lang]
    created = {"en": "created", "nl": "aangemaakt", "fr": "créé le"}[lang]
    assert re.fullmatch(rf"ann  admin        {created} \d{{4}}-\d\d-\d\d \d\d:\d\d\n", said(run("user", "list")))


def test_counted_words_follow_each_languages_plural(roadmap, programme_id, tmp_path):
    """An empty export writes 0 rows: plural in English and Dutch, singular in French."""
    lang, run = roadmap
    out = tmp_path / "observations.csv"
    assert said(run("export", "observations", "-o", out)) == {
        "en": f"Wrote 0 row(s) to {out}.\n", "nl": f"0 rijen geschreven naar {out}.\n",
        "fr": f"0 ligne écrite dans {out}.\n"}[lang]


@pytest.mark.parametrize(("count", "en", "nl", "fr"), [
    (0, "files", "bestanden", "fichier"), (1, "file", "bestand", "fichier"), (2, "files", "bestanden", "fichiers")])
def test_plural_picks_each_languages_form(count, en, nl, fr):
    word = plural(count, Bilingual("file", "bestand", "fichier"), Bilingual("files", "bestanden", "fichiers"))
    assert (str(word), word.nl, word.fr) == (en, nl, fr)


@pytest.fixture(params=["sqlite", "postgresql"])
def inventory_url(request, tmp_path, seeded_databases):
    """A copy of Leuven 2030 with analytics_inventory.csv loaded (seeded once per backend)."""
    with seeded_databases.fresh(request.param, tmp_path, leuven_with_the_inventory) as url:
        yield url


@pytest.mark.parametrize("way", WAYS, ids=WAY_IDS)
def test_status_text(inventory_url, way):
    """The first lines: 2016 is 182,000 t, -9.0 % on 200,000 t; the linear pathway to 0 t in 2030
    falls 10,000 t a year, 140,000 t in 2016: 42,000 t above it. Numbers carry each language's
    marks (a Dutch or French reader takes '200,000 t' for two hundred tonnes)."""
    lines = said(invoke(inventory_url, way, "status")).splitlines()
    assert lines[:6] == {
        "en": ["Leuven 2030 - target set 'Climate neutrality' (primary): 0 % of the baseline left by 2030, linear pathway",
               "Status: OFF TRACK - above the pathway, and the trend's whole 90 % interval misses the target", "",
               "  Baseline 2010:      200,000 t CO2e (series)",
               "  Latest 2016:        182,000 t  (-9.0 % vs baseline; progress 9.0 % of the way to the target)",
               "  Pathway 2016:       140,000 t  (gap +42,000 t above the pathway)",
               ],
        "nl": ["Leuven 2030 - doelstelling 'Climate neutrality' (hoofddoelstelling): 0 % van het basisjaar over in 2030, "
               "lineair doeltraject",
               "Status: NIET OP KOERS - boven het doeltraject, en het hele 90 %-interval van de trend mist het doel", "",
               "  Basisjaar 2010:     200.000 t CO2e (gemeten reeks)",
               "  Laatste 2016:       182.000 t  (-9,0 % t.o.v. het basisjaar; voortgang 9,0 % van de weg naar het doel)",
               "  Traject 2016:       140.000 t  (kloof +42.000 t boven het doeltraject)"],
        "fr": ["Leuven 2030 - ensemble d'objectifs « Climate neutrality » (principal)\u00a0: 0 % de l'année de référence "
               "restant en 2030, trajectoire linéaire",
               "Statut\u00a0: HORS TRAJECTOIRE - au-dessus de la trajectoire, et tout l'intervalle à 90 % de la tendance "
               "manque l'objectif", "",
               "  Référence 2010\u00a0:    200\u202f000 t CO2e (série mesurée)",
               "  Dernière 2016\u00a0:     182\u202f000 t  (-9,0 % par rapport à la référence\u00a0; avancement 9,0 % du chemin "
               "vers l'objectif)",
               "  Trajectoire 2016\u00a0:  140\u202f000 t  (écart +42\u202f000 t au-dessus de la trajectoire)"],
    }[way[0]]
    sectors = next(line for line in lines if line.startswith(("  Sector", "  Secteur")))
    assert sectors.split() == {"en": ["Sector", "baseline", "latest", "year", "change", "status"],
                               "nl": ["Sector", "basisjaar", "laatste", "jaar", "verschil", "status"],
                               "fr": ["Secteur", "référence", "dernière", "année", "évolution", "statut"]}[way[0]]


def test_status_json_is_the_same_in_every_language(inventory_url):
    outputs = {invoke(inventory_url, way, "status", "--json").stdout for way in WAYS}
    assert len(outputs) == 1 and json.loads(outputs.pop())["status"] == "off_track"


# -- No command prints English it did not mean to: every text a person reads is a Bilingual. --

PRINTERS = {"echo", "secho", "confirm", "prompt", "print"}
WORD = re.compile(r"[A-Za-z]{2,}")


def _written_words(node: ast.expr) -> bool:
    """A text written in the source with words in it: "…", f"…" (its literal parts), joined or formatted."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(WORD.search(node.value))
    if isinstance(node, ast.JoinedStr):
        return any(WORD.search(part.value) for part in node.values if isinstance(part, ast.Constant))
    if isinstance(node, ast.BinOp):
        return _written_words(node.left) or _written_words(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return _written_words(node.func.value)
    return False


def english_prints(source: str, where: str) -> list[str]:
    """`where:line` of every print, prompt or question whose text is written in English in the source."""
    found = []
    for call in (n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Call)):
        name = call.func.attr if isinstance(call.func, ast.Attribute) else getattr(call.func, "id", None)
        if name in PRINTERS and call.args and _written_words(call.args[0]):
            found.append(f"{where}:{call.lineno}")
    return found


def test_the_command_line_prints_no_text_written_in_english_only():
    """Data (names, numbers, tables) may be printed as they are; words go through `say` (a Bilingual)."""
    found = [hit for path in sorted((ROOT / "roadmap_cli").glob("*.py"))
             for hit in english_prints(path.read_text(encoding="utf-8"), path.name)]
    assert found == []


def test_the_scan_sees_an_english_line_and_lets_data_through():
    source = ('click.echo(f"Removed user {name}.")\nclick.confirm("Sure?")\n'
              'click.echo(f"{code:<{width}}  {name}")\nclick.echo(json.dumps(rows))\nsay(Bilingual("a", "b", "c"))\n')
    assert english_prints(source, "x.py") == ["x.py:1", "x.py:2"]
