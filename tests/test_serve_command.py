"""`roadmap serve` refuses a database that was never set up, with a hint instead of a traceback."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from roadmap_cli import main


def test_serve_without_a_database_says_to_build_the_demo(tmp_path):
    url = f"sqlite:///{tmp_path / 'missing.db'}"
    result = CliRunner().invoke(main, ["--database-url", url, "serve", "--port", "1"])
    assert result.exit_code == 1
    assert "run `roadmap demo`" in result.output
    assert "Traceback" not in result.output
    assert not (tmp_path / "missing.db").exists()


@pytest.mark.parametrize("command", [["status"], ["batches"], ["programme", "list"], ["serve", "--port", "1"]])
def test_a_command_on_a_missing_database_leaves_no_empty_file_behind(tmp_path, command):
    """An empty file at the default path looked like a database: `make serve` then built no demo."""
    url = f"sqlite:///{tmp_path / 'roadmap.db'}"
    result = CliRunner().invoke(main, ["--database-url", url, *command])
    assert result.exit_code == 1, result.output
    assert "roadmap init" in result.output or "roadmap demo" in result.output
    assert list(tmp_path.iterdir()) == []


def test_serve_help_names_its_options():
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0
    for option in ("--host", "--port", "--debug"):
        assert option in result.output
