"""`roadmap` speaks the user's language: `--lang`, else the locale, else English.

The errors are checked through the real command line (click's CliRunner) on a real database.
Data: tests/data/ind_errors.csv (6 problems; the first on row 3, sector 'Kantoren'), and
tests/data/analytics_inventory.csv (no value in 2011: see tests/test_status_cli.py).
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from pipelines.targets import add_target_set
from roadmap_cli import main
from roadmap_cli.language import environment_language
from tests.analytics_db import load_csv
from tests.conftest import DATA

NO_LOCALE = {"LANGUAGE": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": None}


@pytest.mark.parametrize(("environ", "lang"), [
    ({"LANG": "nl_BE.UTF-8"}, "nl"),
    ({"LANG": "fr_BE"}, "fr"),
    ({"LC_ALL": "fr_FR.UTF-8", "LANG": "nl_BE.UTF-8"}, "fr"),  # LC_ALL comes before LANG
    ({"LC_ALL": "de_DE.UTF-8", "LANG": "nl_BE.UTF-8"}, "en"),  # the first one set decides
    ({"LC_MESSAGES": "nl_NL@euro", "LANG": "C.UTF-8"}, "nl"),
    ({"LANGUAGE": "de:fr_BE:nl", "LANG": "nl_BE.UTF-8"}, "fr"),  # the first of the list we speak
    ({"LANGUAGE": "", "LANG": "nl"}, "nl"),
    ({"LANG": "C.UTF-8"}, "en"),
    ({}, "en"),
])
def test_the_language_follows_the_environment(environ, lang):
    assert environment_language(environ) == lang


@pytest.fixture
def roadmap(engine, programme_id):
    """`roadmap --database-url <fixture db> ARGS…` in an environment whose locale is `locale`."""
    url = engine.url.render_as_string(hide_password=False)

    def run(*args: str, locale: str | None = None):
        env = {**NO_LOCALE, "LANG": locale}
        return CliRunner().invoke(main, ["--database-url", url, *map(str, args)], env=env)

    return run


def test_an_unknown_programme_is_said_in_french_under_a_belgian_french_locale(roadmap):
    result = roadmap("--programme", "gent", "status", locale="fr_BE.UTF-8")
    assert result.exit_code == 1
    assert result.stderr == "erreur\u00a0: aucun programme « gent » (la base de données contient\u00a0: leuven)\n"


def test_lang_nl_overrides_the_locale(roadmap):
    result = roadmap("--lang", "nl", "--programme", "gent", "status", locale="fr_BE.UTF-8")
    assert result.exit_code == 1
    assert result.stderr == "fout: geen programma 'gent' (de databank heeft: leuven)\n"


def test_lang_en_speaks_english_under_a_dutch_locale(roadmap):
    result = roadmap("--lang", "EN", "--programme", "gent", "status", locale="nl_BE.UTF-8")
    assert result.stderr == "error: no programme 'gent' (the database has: leuven)\n"


def test_a_file_with_problems_is_listed_in_dutch(roadmap):
    result = roadmap("load", "indicators", DATA / "ind_errors.csv", locale="nl_BE.UTF-8")
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("fout: ind_errors.csv, rij 3, kolom 'sector': gevonden 'Kantoren'; verwacht: ")
    assert lines[-1] == "fout: 6 problemen gevonden; er is niets geïmporteerd."
    assert len(lines) == 7 and all(line.startswith("fout: ") for line in lines)
    assert "expected" not in result.stderr and "Traceback" not in result.output


def test_a_file_with_problems_is_listed_in_french(roadmap):
    result = roadmap("--lang", "fr", "load", "indicators", DATA / "ind_errors.csv")
    lines = result.stderr.strip().splitlines()
    assert lines[0].startswith("erreur\u00a0: ind_errors.csv, ligne 3, colonne 'sector'\u00a0: valeur 'Kantoren'\u00a0; attendu\u00a0: ")
    assert lines[-1] == "erreur\u00a0: 6 problèmes trouvés\u00a0; rien n'a été importé."


def test_a_stored_status_without_a_baseline_value_is_said_in_french(roadmap, engine, programme_id):
    """The summary stored by the last import keeps only English: the French is made again."""
    load_csv(engine, programme_id, DATA / "analytics_inventory.csv")
    add_target_set(engine, programme_id, "Wrong baseline", 2011, 2030, "residual_pct", 0)
    result = roadmap("status", "--target", "Wrong baseline", locale="fr_BE.UTF-8")
    assert result.exit_code == 1
    assert result.stderr == (
        "erreur\u00a0: aucune valeur d'émissions pour le total de l'année de référence 2011\u00a0: "
        "chargez-la, ou donnez à l'objectif une valeur de référence publiée\n"
    )


def test_a_usage_mistake_is_said_in_the_commands_language(roadmap):
    result = roadmap("--lang", "nl", "target", "add", "Plan", "--baseline-year", "2012",
                     "--target-year", "2030", "--residual-pct", "50", "--absolute-t", "10")
    assert result.exit_code == 2
    assert "geef precies één van --residual-pct, --reduction-pct, --absolute-t" in result.stderr


def test_a_wrong_lang_is_refused_with_the_choices(roadmap):
    result = roadmap("--lang", "de", "status")
    assert result.exit_code == 2
    assert "'de' is not one of 'nl', 'en', 'fr'" in result.stderr
