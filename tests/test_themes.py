"""Roadmap themes: defined per programme, matched by code or name, managed from the CLI."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from pipelines.errors import ValidationFailed
from pipelines.load.record_fields import CellError
from pipelines.programmes import ProgrammeSpec, create_programme
from pipelines.schema import Theme
from pipelines.themes import define_themes, list_themes, theme_matcher
from roadmap_cli import main


def _url(engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def test_define_themes_adds_renames_and_leaves_alone(engine, programme_id):
    first = define_themes(engine, programme_id, [
        {"code": "P01", "nl": "Renovatie", "en": "Renovation"},
        {"code": "P02", "nl": "Mobiliteit"},  # English name defaults to the Dutch one
    ])
    again = define_themes(engine, programme_id, [
        {"code": "p01", "nl": "Renovatie", "en": "Home renovation"},  # code matched in any case
        {"code": "P02", "nl": "Mobiliteit", "en": "Mobiliteit"},
    ])

    assert first == {"added": 2, "renamed": 0, "unchanged": 0}
    assert again == {"added": 0, "renamed": 1, "unchanged": 1}
    with engine.connect() as conn:
        themes = list_themes(conn, programme_id)
    assert [(t.code, t.name_nl, t.name_en) for t in themes] == [
        ("P01", "Renovatie", "Home renovation"), ("P02", "Mobiliteit", "Mobiliteit"),
    ]


def test_invalid_theme_rows_are_all_reported_and_none_written(engine, programme_id):
    with pytest.raises(ValidationFailed) as failed:
        define_themes(engine, programme_id, [
            {"code": "OK1", "nl": "Goed"},
            {"code": "two words", "nl": "Fout"},
            {"code": "OK1", "nl": "Dubbel"},
            {"code": "P03", "nl": ""},
        ])

    assert [(p.row, p.column) for p in failed.value.problems] == [(2, "code"), (3, "code"), (4, "nl")]
    with engine.connect() as conn:
        assert conn.execute(select(Theme.id)).first() is None


def test_themes_belong_to_one_programme_and_match_by_code_or_name(engine, programme_id):
    other = create_programme(engine, ProgrammeSpec("leiden", "Leiden", 2010, 2030))
    define_themes(engine, programme_id, [{"code": "GEB", "nl": "Gebouwen", "en": "Buildings"}])
    define_themes(engine, other, [{"code": "GEB", "nl": "Woningen", "en": "Homes"}])

    with engine.connect() as conn:
        match = theme_matcher(conn, programme_id)
        ids = {match("GEB"), match("gebouwen"), match(" Buildings ")}
        leiden = theme_matcher(conn, other)
        with pytest.raises(CellError, match="roadmap themes add"):
            match("Homes")
        assert leiden("homes") not in ids

    assert len(ids) == 1


def test_cli_adds_and_lists_themes(engine, programme_id):
    runner = CliRunner()
    added = runner.invoke(main, ["--database-url", _url(engine), "themes", "add", "P01",
                                 "--nl", "Renovatie", "--en", "Renovation"])
    listed = runner.invoke(main, ["--database-url", _url(engine), "themes", "list", "--json"])
    bad = runner.invoke(main, ["--database-url", _url(engine), "themes", "add", "P 1", "--nl", "X"])

    assert added.exit_code == 0 and "Theme P01 added in leuven" in added.output
    assert json.loads(listed.output) == [{"code": "P01", "nl": "Renovatie", "en": "Renovation"}]
    assert bad.exit_code == 1 and "expected a short code without spaces" in bad.output
    assert "Traceback" not in bad.output
