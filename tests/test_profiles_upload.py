"""An upload of an export a profile knows: the page says which profile read it and what it did."""

from __future__ import annotations

from dashboard.workspace.upload.check import UploadChoices, check_upload
from dashboard.workspace.upload.views import detected_section
from pipelines.programme_areas import add_areas

from .conftest import DATA


def _texts(component) -> list[str]:
    """Every text in a Dash component tree."""
    children = getattr(component, "children", component)
    if isinstance(children, str):
        return [children]
    if isinstance(children, list | tuple):
        return [text for child in children for text in _texts(child)]
    return [] if children is None else _texts(children)


def test_the_upload_check_names_the_profile_and_what_it_did_in_dutch(engine, programme_id):
    add_areas(engine, programme_id, ["Voorschoten"])  # the fixture programme, given a row of the file
    data = (DATA / "profiles" / "km_gemeenten.csv").read_bytes()
    outcome = check_upload(engine, programme_id, data, "km_gemeenten.csv", UploadChoices(), "ann")
    # Voorschoten: 1,000 t, a suppressed C and its reported total 5,000 t
    assert outcome.problems == [] and outcome.result.added == 3
    texts = _texts(detected_section(outcome, "nl"))
    assert "Importprofiel" in texts and "klimaatmonitor-gemeenten" in texts
    assert "gebieden uit kolom 'Gemeenten': 1 rij(en) van het gebied van het programma behouden" in texts
    assert "1 geheime waarde(n) bewaard als ontbrekend (code C), nooit als getal" in texts
    english = _texts(detected_section(outcome, "en"))
    assert "left out 1 row(s), with no known area: Gemeente onbekend" in english
