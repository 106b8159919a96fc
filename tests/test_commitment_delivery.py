"""A commitment's start year and delivery shape (for the scenarios' spread): set by a commitments
file (nl/en/fr headers) and by a coordinator's edit, under one rule (a start year no later than
the target year; a shape among linear/step), with row, column and value in every problem."""

from __future__ import annotations

import pytest

from pipelines import audit
from pipelines.analytics.scenarios import spread
from pipelines.errors import ValidationFailed
from pipelines.load import load_file
from pipelines.load.result import LoadOptions
from pipelines.scenario_inputs import scenario_commitments
from pipelines.settings import DATA_DIR
from tests.test_load_commitments import THEMES, load, stored
from tests.test_load_commitments_edits import commitment


@pytest.fixture
def with_partners(engine, programme_id) -> int:
    """4 partners (KU Leuven, Brouwerij Café Zon, Buurtgroep Kessel-Lo, Stad Leuven), 2 themes."""
    from pipelines.themes import define_themes

    load(engine, programme_id, "partners_nl_semicolon_cp1252.csv", kind="partners")
    define_themes(engine, programme_id, THEMES)
    return programme_id


def load_text(engine, programme_id, text: str, name: str = "c.csv"):
    return load_file(engine, programme_id, "commitments", text.encode(), file_name=name,
                     options=LoadOptions(decimal=","))


@pytest.mark.parametrize("header", [
    "Partner;Titel;Startjaar;Doeljaar;Verloop",  # nl
    "partner;title;start year;target year;shape",  # en
    "Partner;Titre;Année de début;Year;Forme",  # fr (with the English 'title' alias kept below)
])
def test_start_year_and_shape_load_under_nl_en_and_fr_headers(engine, with_partners, header):
    header = header.replace("Titre", "Title")  # only the delivery columns are under test here
    text = f"{header}\nKU Leuven;PV;2025;2030;trap\nStad Leuven;Bussen;2024;2030;linéaire\n"
    load_text(engine, with_partners, text)
    rows = stored(engine, with_partners)
    assert (rows[("KU Leuven", "PV")]["start_year"], rows[("KU Leuven", "PV")]["shape"]) == (2025, "step")
    assert (rows[("Stad Leuven", "Bussen")]["start_year"], rows[("Stad Leuven", "Bussen")]["shape"]) == (2024, "linear")


def test_a_start_after_the_target_year_and_an_unknown_shape_are_problems_with_row_column_value(engine, with_partners):
    text = ("Partner;Titel;Startjaar;Doeljaar;Verloop\n"
            "KU Leuven;PV;2031;2030;lineair\n"
            "Stad Leuven;Bussen;2024;2030;exponential\n")
    with pytest.raises(ValidationFailed) as failed:
        load_text(engine, with_partners, text)
    start, shape = failed.value.problems
    assert (start.row, start.column, start.value) == (2, "Startjaar", "2031")
    assert "at or before the commitment's target year 2030" in start.expected
    assert start.expected.nl.startswith("een startjaar in of voor het doeljaar 2030")
    assert start.expected.fr.startswith("une année de début")
    assert (shape.row, shape.column, shape.value) == (3, "Verloop", "exponential")
    assert "linear" in shape.expected and "step" in shape.expected  # the valid shapes are listed
    assert "Geleidelijk (lineair)" in shape.expected.nl and "En une fois (palier)" in shape.expected.fr
    assert stored(engine, with_partners) == {}  # nothing written


def test_the_template_loads_with_its_start_years_and_shapes(engine, programme_id):
    partners = ("name,type\nDijle University Hospital,public\nRepair Café Network,civil_society\n"
                "Dijle Solar Roofs,company\n")
    load_file(engine, programme_id, "partners", partners.encode(), file_name="p.csv")
    indicators = "indicator,period,value,unit\nrooftop_pv_capacity,2024,1,MW\n"
    load_file(engine, programme_id, "indicators", indicators.encode(), file_name="i.csv",
              options=LoadOptions(new_indicators=True))
    from pipelines.themes import define_themes

    define_themes(engine, programme_id, [{"code": "P03", "nl": "Energie", "en": "Energy"},
                                        {"code": "P05", "nl": "Circulaire economie en afval",
                                         "en": "Circular economy and waste"}])
    load_file(engine, programme_id, "commitments", DATA_DIR / "templates" / "commitments.csv")
    rows = stored(engine, programme_id)
    carport = rows[("Dijle University Hospital", "Solar carport on the visitors' car park")]
    assert (carport["start_year"], carport["shape"]) == (2026, "step")
    roofs = rows[("Dijle Solar Roofs", "Solar roofs for 500 more homes")]
    assert (roofs["start_year"], roofs["shape"]) == (None, None)


def test_loaded_delivery_reaches_the_scenarios_spread(engine, with_partners):
    load_text(engine, with_partners, "Partner;Titel;Reductie;Startjaar;Doeljaar;Verloop\n"
                                     "KU Leuven;PV;100;2020;2030;step\nStad Leuven;Bussen;100;2020;2030;\n")
    rows = scenario_commitments(engine, with_partners)
    shares = spread(rows, [2025, 2030], 2020, 2030)
    # step: nothing before its target year, all of it from 2030; linear from 2020: (2025−2020)/10 = 0.5
    assert shares.tolist() == [[0.0, 1.0], [0.5, 1.0]]


def test_an_edit_sets_start_year_and_shape_audited(engine, with_partners):
    load_text(engine, with_partners, "Partner;Titel;Doeljaar\nKU Leuven;PV;2030\n")
    pv = commitment(engine, "KU Leuven", "PV")
    changed = audit.edit(engine, with_partners, "commitment", pv.id,
                         {"start_year": "2026", "shape": "In één keer (trap)"}, "coord")
    assert changed == {"start_year": (None, "2026"), "shape": (None, "step")}
    assert (commitment(engine, "KU Leuven", "PV").start_year, commitment(engine, "KU Leuven", "PV").shape) == (2026, "step")


def test_an_edit_applies_the_loaders_rule_against_the_stored_target_year(engine, with_partners):
    load_text(engine, with_partners, "Partner;Titel;Startjaar;Doeljaar\nKU Leuven;PV;2025;2030\n")
    pv = commitment(engine, "KU Leuven", "PV")
    with pytest.raises(ValidationFailed) as failed:  # a start after the stored target year
        audit.edit(engine, with_partners, "commitment", pv.id, {"start_year": "2032"}, "coord")
    (problem,) = failed.value.problems
    assert (problem.column, problem.value) == ("start_year", "2032") and "target year 2030" in problem.expected
    with pytest.raises(ValidationFailed) as failed:  # a target year moved before the stored start
        audit.edit(engine, with_partners, "commitment", pv.id,
                   {"start_year": "2025", "target_year": "2024"}, "coord")
    (problem,) = failed.value.problems
    assert (problem.column, problem.value) == ("target_year", "2024") and "start year 2025" in problem.expected
    with pytest.raises(ValidationFailed) as failed:
        audit.edit(engine, with_partners, "commitment", pv.id, {"shape": "zigzag", "start_year": "20x"}, "coord")
    assert {p.column for p in failed.value.problems} == {"shape", "start_year"}
    assert (commitment(engine, "KU Leuven", "PV").start_year, commitment(engine, "KU Leuven", "PV").target_year) == (2025, 2030)


def test_the_upload_preview_shows_the_delivery_columns_and_the_dry_run_their_changes(engine, with_partners):
    from pipelines.load import preview_file

    load_text(engine, with_partners, "Partner;Titel;Doeljaar\nKU Leuven;PV;2030\n")
    text = b"Partner;Titel;Startjaar;Doeljaar;Verloop\nKU Leuven;PV;2026;2030;trap\n"
    preview = preview_file(text, "commitments", "c.csv")
    assert preview["columns"] == ["Partner", "Titel", "Startjaar", "Doeljaar", "Verloop"]
    assert preview["rows"][0]["Verloop"] == "trap"
    result = load_file(engine, with_partners, "commitments", text, file_name="c.csv",
                       options=LoadOptions(dry_run=True))
    assert result.superseded == 1
    assert stored(engine, with_partners)[("KU Leuven", "PV")]["start_year"] is None  # a dry run writes nothing
