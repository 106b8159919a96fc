"""Indicator names in French: stored beside the Dutch and English, read from a definitions
column (name_fr, naam fr, nom …), given to the built-in indicators, and shown on French pages;
a name without French shows in English, marked lang="en"."""

from __future__ import annotations

from sqlalchemy import select, update

from dashboard.app import create_app
from dashboard.context import current_programme
from dashboard.data_texts import name_in
from pipelines.load import load_file
from pipelines.load.result import LoadOptions
from pipelines.schema import Indicator
from pipelines.settings import Settings
from tests.dashboard_seed import seed_dashboard_programme
from tests.wire_support import dash_components


def _names(engine) -> dict[str, str | None]:
    with engine.connect() as conn:
        return dict(conn.execute(select(Indicator.code, Indicator.name_fr)).all())


def test_a_new_programmes_indicators_have_french_names(engine, programme_id):
    names = _names(engine)
    assert names["population"] == "Population"
    assert names["emissions.total"] == "Émissions totales déclarées"
    assert names["emissions.tertiary"] == "Émissions, bâtiments tertiaires"
    assert names["emissions.energy_production"] == "Émissions, production locale d'énergie"


def test_a_definitions_file_gives_french_names_under_any_accepted_header(engine, programme_id, tmp_path):
    path = tmp_path / "new.csv"
    path.write_text(
        "indicator;name_en;naam nl;Nom;kind;period;value;unit\n"
        "heat_pumps;Heat pumps;Warmtepompen;Pompes à chaleur;activity;2023;12;installations\n"
        "bike_lanes;Bike lanes;Fietspaden;;activity;2023;4;km\n", encoding="utf-8")
    load_file(engine, programme_id, "indicators", path, options=LoadOptions(new_indicators=True))
    names = _names(engine)
    # An empty French cell is no name: the pages show the English one rather than "".
    assert names["heat_pumps"] == "Pompes à chaleur" and names["bike_lanes"] is None
    other = tmp_path / "other.csv"
    other.write_text("indicator,name_en,name_fr,period,value,unit\nsolar,Solar,Solaire,2023,1,MWh\n", encoding="utf-8")
    load_file(engine, programme_id, "indicators", other, options=LoadOptions(new_indicators=True))
    assert _names(engine)["solar"] == "Solaire"


def test_a_name_shows_in_the_pages_language_or_in_english_marked_as_such():
    assert name_in("Inwoners", "Population", "Population", "fr") == ("Population", None)
    assert name_in("Fietspaden", "Bike lanes", None, "fr") == ("Bike lanes", "en")
    assert name_in("Fietspaden", "Bike lanes", "", "fr") == ("Bike lanes", "en")
    assert name_in("Fietspaden", "Bike lanes", None, "nl") == ("Fietspaden", None)
    assert name_in("Fietspaden", "Bike lanes", "Pistes", "en") == ("Bike lanes", None)


def test_the_indicators_and_sector_pages_name_indicators_in_french(engine, database_url):
    seed_dashboard_programme(engine)
    with engine.begin() as conn:  # the seed's renovated_homes gets French; ev_share has none
        conn.execute(update(Indicator).where(Indicator.code == "renovated_homes")
                     .values(name_fr="Logements rénovés"))
    app = create_app(Settings(database_url=database_url), engine)
    from dashboard.pages.indicators import available, layout  # pages register with a made app
    from dashboard.pages.sectors import activity_blocks

    with app.server.test_request_context("/?lang=fr"):
        programme = current_programme("leuven")
        shown = available(programme, "fr").set_index("code")
        assert shown.loc["renovated_homes", "label"] == "Logements rénovés"
        assert not isinstance(shown.loc["renovated_homes", "label_lang"], str)  # None (NaN in a frame)
        assert shown.loc["ev_share", "label"] == "Share of electric cars"
        assert shown.loc["ev_share", "label_lang"] == "en"
        buttons = {str(b.children): getattr(b, "lang", None) for b in _buttons(layout(lang="fr", programme="leuven"))}
        assert buttons["Share of electric cars (%)"] == "en"
        assert buttons["Logements rénovés (logements)"] is None
        headings = {str(h.children): getattr(h, "lang", None) for h in _headings(activity_blocks(programme, "buildings", "fr"))}
        assert headings["Logements rénovés (logements)"] is None
        headings = {str(h.children): getattr(h, "lang", None) for h in _headings(activity_blocks(programme, "transport", "fr"))}
        assert headings["Share of electric cars (%)"] == "en"


def _buttons(page):
    return [c for c in dash_components(page) if type(c).__name__ == "Button" and isinstance(getattr(c, "id", None), dict)
            and c.id.get("toggle")]


def _headings(blocks):
    return [c for block in blocks for c in dash_components(block) if type(c).__name__ == "H2"]


def test_a_commitment_may_name_its_indicator_in_french(engine, programme_id, tmp_path):
    from pipelines.schema import Commitment
    from tests.conftest import DATA

    load_file(engine, programme_id, "partners", DATA / "partners_nl_semicolon_cp1252.csv")
    path = tmp_path / "commitments.csv"
    path.write_text("partner;title;indicator;indicator target\n"
                    "KU Leuven;Minder uitstoot;Émissions, bâtiments tertiaires;5\n", encoding="utf-8")
    load_file(engine, programme_id, "commitments", path)
    with engine.connect() as conn:
        linked = conn.execute(select(Indicator.code).join(Commitment, Commitment.indicator_id == Indicator.id)).scalar_one()
    assert linked == "emissions.tertiary"


def test_the_upload_preview_names_the_indicators_a_file_defines(engine, database_url, programme_id):
    from dashboard.workspace.upload.check import UploadChoices, check_upload
    from dashboard.workspace.upload.views import diff_table

    data = ("indicator;name_en;naam nl;Nom;kind;period;value;unit\n"
            "heat_pumps;Heat pumps;Warmtepompen;Pompes à chaleur;activity;2023;12;installations\n"
            "bike_lanes;Bike lanes;Fietspaden;;activity;2023;4;km\n").encode()
    outcome = check_upload(engine, programme_id, data, "new.csv", UploadChoices(new_indicators=True), "ann")
    # A dry run: nothing stored, but the preview knows the names the file gives.
    assert _names(engine).keys().isdisjoint({"heat_pumps", "bike_lanes"})
    assert outcome.result.defined_indicators == {
        "heat_pumps": {"name_nl": "Warmtepompen", "name_en": "Heat pumps", "name_fr": "Pompes à chaleur"},
        "bike_lanes": {"name_nl": "Fietspaden", "name_en": "Bike lanes", "name_fr": None},
    }
    app = create_app(Settings(database_url=database_url), engine)
    from dashboard.pages.upload import indicator_names  # a page module: once the app is made

    with app.server.test_request_context("/upload"):
        names = indicator_names(programme_id, "fr", outcome.result.defined_indicators)
    cells = [c.children for c in dash_components(diff_table("indicators", outcome.result.diff, "fr", names))
             if getattr(c, "children", None) in ("Pompes à chaleur", "Bike lanes", "heat_pumps", "bike_lanes")]
    # Named in French where the file gives it, else in English; never by code.
    assert sorted(cells) == ["Bike lanes", "Pompes à chaleur"]
    assert names["population"] == "Population"  # the stored ones still named as before
