"""Klimaatmonitor's municipal export with --all-areas: its 352 municipalities as 352 programmes."""

from __future__ import annotations

import json

from click.testing import CliRunner
from sqlalchemy import func, select

from pipelines.schema import ImportBatch, Programme
from roadmap_cli import main

from .realdata_support import REALDATA, needs_realdata

pytestmark = needs_realdata
MUNICIPAL = REALDATA / "klimaatmonitor" / "CO2-uitstoot-sectoren_2019.csv"


def run(url: str, *args):
    return CliRunner().invoke(main, ["--database-url", url, *map(str, args)])


def test_the_municipal_export_gives_352_programmes_with_leidens_2019_figures(database_url, engine):
    assert run(database_url, "init").exit_code == 0
    loaded = run(database_url, "load", "indicators", MUNICIPAL, "--all-areas")
    assert loaded.exit_code == 0, loaded.output
    # 353 named rows: 352 municipalities and 'Gemeente onbekend', which is reported, not a programme.
    assert "352 area(s) into 352 programme(s) (352 new)" in loaded.output
    assert "no known area: Gemeente onbekend" in loaded.output
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(Programme)) == 352
        assert conn.scalar(select(func.count()).select_from(ImportBatch)) == 352  # a batch each
        leiden = conn.scalar(select(Programme.id).where(Programme.slug == "leiden"))
        oegstgeest = conn.scalar(select(Programme.id).where(Programme.slug == "oegstgeest"))
    # ../shared/realdata/README.md: Leiden 2019 built environment 320,303; traffic 142,835;
    # industry/energy/waste/water 30,278; agriculture 501; total 493,900.
    status = json.loads(run(database_url, "--programme", "leiden", "status", "--json").output)
    year = status["years"][0]
    assert year["year"] == 2019 and year["reported_total_t"] == 493900.0
    # 320,303 + 142,835 + 30,278 + 501 = 493,917: the sectors are complete, so their sum leads.
    assert year["total_t"] == 493917.0 and year["complete"] is True
    assert status["sectors"]["2019"]["buildings"] == 320303.0
    assert status["sectors"]["2019"]["transport"] == 142835.0
    assert status["sectors"]["2019"]["industry"] == 30278.0
    assert status["sectors"]["2019"]["agriculture"] == 501.0
    # Oegstgeest: built environment suppressed (-1 → missing), so the reported 84,800 t leads.
    oegstgeest_status = json.loads(run(database_url, "--programme", "oegstgeest", "status", "--json").output)
    assert oegstgeest_status["years"][0]["total_t"] == 84800.0
    assert oegstgeest_status["sectors"]["2019"]["buildings"] is None
    with engine.connect() as conn:  # each programme holds its own rows only: 4 sectors + the total
        counts = dict(conn.execute(select(ImportBatch.programme_id, ImportBatch.rows_added)
                                   .where(ImportBatch.programme_id.in_([leiden, oegstgeest]))).all())
    assert counts == {leiden: 5, oegstgeest: 5}
