"""The upload page's work without a browser: size limit, check (preview, problems, diff), import."""

from __future__ import annotations

import base64

import pytest
from sqlalchemy import func, select

from dashboard.workspace.upload.check import (
    UploadChoices,
    UploadRefused,
    check_upload,
    decode_upload,
    import_upload,
    mapping_candidates,
    mapping_csv,
    mapping_rows,
    safe_file_name,
    sha256_of,
)
from pipelines.errors import UNKNOWN_LABEL, UNKNOWN_PARTNER_TYPE, UNKNOWN_UNIT, Problem
from pipelines.schema import ImportBatch, Observation

from .conftest import DATA

GOOD = "upload_good_semicolon.csv"


def data_url(data: bytes, mime: str = "text/csv") -> str:
    return f"data:{mime};base64,{base64.b64encode(data).decode()}"


def counts(engine) -> tuple[int, int]:
    """(observations, batches): what an import would change."""
    with engine.connect() as conn:
        return (conn.scalar(select(func.count()).select_from(Observation)),
                conn.scalar(select(func.count()).select_from(ImportBatch)))


def test_a_file_over_the_limit_is_refused_before_it_is_decoded():
    # 2,000 base64 characters hold 1,500 bytes: over a 1,000-byte limit. They are not even valid
    # base64 ('!'), so a refusal for size proves nothing was decoded.
    with pytest.raises(UploadRefused) as refused:
        decode_upload("data:text/csv;base64," + "!" * 2000, 1000)
    assert refused.value.reason == "up_too_big"


def test_a_file_at_the_limit_is_decoded():
    assert decode_upload(data_url(b"x" * 1000), 1000) == b"x" * 1000


@pytest.mark.parametrize("contents", [None, "", "not a data url", "data:text/csv,plain", "data:text/csv;base64,@@@@"])
def test_anything_but_a_base64_data_url_is_not_a_file(contents):
    with pytest.raises(UploadRefused) as refused:
        decode_upload(contents, 1000)
    assert refused.value.reason == "up_not_a_file"


def test_an_empty_file_is_refused():
    with pytest.raises(UploadRefused) as refused:
        decode_upload("data:text/csv;base64,", 1000)
    assert refused.value.reason == "up_empty"


def test_a_file_name_loses_any_folder_the_browser_sends():
    assert safe_file_name("C:\\Users\\ann\\inventaris.csv") == "inventaris.csv"
    assert safe_file_name("../../etc/passwd") == "passwd"
    assert safe_file_name("") == "upload.csv"


def test_choices_from_the_browser_are_checked_not_guessed():
    assert UploadChoices.from_browser({"kind": "partners", "decimal": ","}).kind == "partners"
    for bad in ({"kind": "users"}, {"decimal": ";"}, {"mapping": [["only two", "x"]]}):
        with pytest.raises(UploadRefused):
            UploadChoices.from_browser(bad)


def test_checking_a_semicolon_decimal_comma_file_previews_and_diffs_and_writes_nothing(engine, programme_id):
    data = (DATA / GOOD).read_bytes()
    outcome = check_upload(engine, programme_id, data, GOOD, UploadChoices(), "ann")
    assert outcome.importable and outcome.problems == []
    detected = {**outcome.preview["detected"], **outcome.result.detected}
    assert (detected["separator"], detected["decimal"], detected["layout"]) == (";", ",", "long")
    assert detected["units_seen"] == ["kt CO2e", "t CO2e"]
    assert outcome.preview["rows"][1]["Waarde"] == "151.723,5"  # as in the file, not yet a number
    # 161.920 → 161,920 t; 151.723,5 → 151,723.5 t; 64,629 kt → 64,629 t
    diff = outcome.result.diff
    assert list(diff["change"]) == ["new", "new", "new"]
    assert list(diff["new_value"]) == pytest.approx([161920.0, 151723.5, 64629.0])
    assert counts(engine) == (0, 0)


def test_checking_a_bad_file_lists_every_problem_with_row_and_column(engine, programme_id):
    outcome = check_upload(engine, programme_id, (DATA / "upload_bad.csv").read_bytes(), "upload_bad.csv",
                           UploadChoices(), "ann")
    assert not outcome.importable and outcome.result is None
    found = {(p.row, p.column, p.value) for p in outcome.problems}
    assert found == {(3, "sector", "Kantoren"), (4, "year", "twintig"), (5, "value", "veel"),
                     (6, "unit", "zakken")}
    assert mapping_candidates(outcome.problems) == [("Kantoren", "label"), ("zakken", "unit")]
    assert {p.value: p.code for p in outcome.problems} == {
        "Kantoren": UNKNOWN_LABEL, "twintig": None, "veel": None, "zakken": UNKNOWN_UNIT}
    assert counts(engine) == (0, 0)


def test_the_mapping_step_follows_a_problems_code_never_its_words():
    worded = Problem("f.csv", 2, "unit", "zakken", "a unit; map it with --mapping FILE (kind 'unit')")
    coded = Problem("f.csv", 3, "type", "gemeente", "one of public, company", UNKNOWN_PARTNER_TYPE)
    assert mapping_candidates([worded, coded]) == [("gemeente", "partner_type")]


def test_a_correction_shows_new_superseded_with_old_and_new_values_and_unchanged(engine, programme_id):
    first = (DATA / GOOD).read_bytes()
    import_upload(engine, programme_id, first, GOOD, UploadChoices(), sha256_of(first), "ann")
    data = (DATA / "upload_correction.csv").read_bytes()
    diff = check_upload(engine, programme_id, data, "c.csv", UploadChoices(), "ann").result.diff
    rows = {r.indicator: (r.change, r.old_value, r.new_value) for r in diff.itertuples()}
    assert rows["emissions.residential"] == ("superseded", 161920.0, 160000.0)
    assert rows["emissions.transport"][0] == "unchanged"
    assert rows["emissions.waste"][0] == "new"


def test_the_import_runs_only_for_the_file_that_was_checked(engine, programme_id):
    data = (DATA / GOOD).read_bytes()
    with pytest.raises(UploadRefused) as refused:
        import_upload(engine, programme_id, data, GOOD, UploadChoices(), sha256_of(b"another file"), "ann")
    assert refused.value.reason == "up_not_checked"
    assert counts(engine) == (0, 0)
    result = import_upload(engine, programme_id, data, GOOD, UploadChoices(), sha256_of(data), "ann")
    assert (result.added, result.superseded, result.unchanged) == (3, 0, 0)
    with engine.connect() as conn:
        batch = conn.execute(select(ImportBatch)).one()
    assert (batch.created_by, batch.file_name, batch.sha256) == ("ann", GOOD, sha256_of(data))
    assert counts(engine) == (3, 1)


def test_a_mapping_typed_on_the_page_resolves_unknown_labels_and_units(engine, programme_id):
    name = "upload_unknown_labels.csv"
    data = (DATA / name).read_bytes()
    first = check_upload(engine, programme_id, data, name, UploadChoices(), "ann")
    assert mapping_candidates(first.problems) == [("Gezinnen", "label")]
    rows = mapping_rows(mapping_candidates(first.problems), ["Residential"])
    # Once the label is known, its unit is checked: a second round maps the unit.
    second = check_upload(engine, programme_id, data, name, UploadChoices(mapping=rows), "ann")
    assert mapping_candidates(second.problems) == [("duizend ton", "unit")]
    rows += mapping_rows(mapping_candidates(second.problems), ["kt CO2e"])
    assert mapping_csv(rows) == "source_label,kind,target\nGezinnen,sector,residential\nduizend ton,unit,kt CO2e\n"
    third = check_upload(engine, programme_id, data, name, UploadChoices(mapping=rows), "ann")
    # 161,920 thousand tonnes = 161,920 t; 64,6295 kt = 64,629.5 t
    assert third.importable
    assert list(third.result.diff["new_value"]) == pytest.approx([161920.0, 64629.5])
