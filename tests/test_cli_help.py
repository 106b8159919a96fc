"""`roadmap --help` in the user's language: `--lang` before `--help`, else the locale (roadmap_cli/help_texts.py).

English is click's rendering of the docstrings, as before; Dutch and French replace the summary,
the options' help, the headings and the one line per command.
"""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from pipelines.errors import in_language
from roadmap_cli import main
from roadmap_cli.help_texts import SUMMARIES

NO_LOCALE = {"LANGUAGE": None, "LC_ALL": None, "LC_MESSAGES": None, "LANG": None, "COLUMNS": "80"}


def help_text(*options: str, locale: str | None = None) -> str:
    result = CliRunner().invoke(main, [*options, "--help"], env={**NO_LOCALE, "LANG": locale})
    assert result.exit_code == 0, result.output
    return result.stdout


def test_english_help_is_clicks_rendering_of_the_docstrings():
    lines = help_text().splitlines()
    assert "  Track a city's climate roadmap: load indicators, partners and commitments;" in lines
    assert "  -h, --help           Show this message and exit." in lines
    assert "Commands:" in lines
    assert "  init       Create or migrate the database; add a programme if it has none." in lines
    assert "  area       The names and codes of the programme's area, by which files..." in lines
    assert help_text(locale="de_DE.UTF-8") == help_text() == help_text("--lang", "en", locale="fr_BE.UTF-8")


@pytest.mark.parametrize(("options", "locale", "words"), [
    (["--lang", "nl"], "fr_BE.UTF-8", ["Gebruik:", "Opties:", "Opdrachten:", "  -h, --help           Toon deze hulp en stop.",
                                       "  init       Maak de databank aan of werk ze bij; voeg een programma toe..."]),
    ([], "nl_BE.UTF-8", ["Opdrachten:", "  export     Exporteer bewaarde gegevens als CSV."]),
    (["--lang", "fr"], None, ["Usage\u00a0:", "Options\u00a0:", "Commandes\u00a0:",
                              "  export     Exporter les données enregistrées en CSV.",
                              "  serve      Lancer le tableau de bord sur la base de données configurée."]),
    ([], "fr_BE.UTF-8", ["Commandes\u00a0:", "  -h, --help           Afficher cette aide et quitter."]),
])
def test_help_in_dutch_and_french(options, locale, words):
    text = help_text(*options, locale=locale)
    for line in words:
        assert line in text.splitlines() or text.startswith(line), line
    assert "Commands:" not in text and "Show this message" not in text


def test_every_command_has_its_summary_and_it_opens_its_docstring():
    """A summary added to a command here, or a command without one, is caught."""
    ctx = click.Context(main)
    commands = {name: main.get_command(ctx, name) for name in main.list_commands(ctx)}
    assert set(SUMMARIES) == set(commands)
    for name, command in commands.items():
        opening = " ".join((command.help or "").split("\n\n")[0].split())
        assert opening.startswith(str(SUMMARIES[name])), name
        assert in_language(SUMMARIES[name], "nl") != str(SUMMARIES[name]) != in_language(SUMMARIES[name], "fr")
