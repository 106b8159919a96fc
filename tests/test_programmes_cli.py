"""`roadmap programme add|list|show|remove`, slugs from area names, and `load indicators --all-areas`."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from pipelines.errors import UserError
from pipelines.programme_registry import free_slug, slug_for
from roadmap_cli import main

from .conftest import DATA

KM_GEMEENTEN = DATA / "profiles" / "km_gemeenten.csv"


def run(url: str, *args):
    return CliRunner().invoke(main, ["--database-url", url, *map(str, args)])


@pytest.mark.parametrize(("name", "slug"), [
    ("Leiden", "leiden"), ("Den Haag", "den-haag"), ("Kaag en Braassem", "kaag-en-braassem"),
    ("'s-Gravenhage", "s-gravenhage"), ("Súdwest-Fryslân", "sudwest-fryslan"), ("Bergen (NH.)", "bergen-nh"),
    ("  Köln  ", "koln"),
])
def test_a_slug_is_lower_case_ascii_with_hyphens(name, slug):
    assert slug_for(name) == slug


def test_a_name_without_letters_has_no_slug_and_a_taken_slug_gets_a_number():
    with pytest.raises(UserError, match="pass --slug"):
        slug_for("???")
    assert free_slug("Bergen", {"bergen"}) == "bergen-2"
    assert free_slug("Bergen", {"bergen", "bergen-2"}) == "bergen-3"


def test_programme_add_list_show_remove(database_url):
    assert run(database_url, "init", "--slug", "leuven", "--area-name", "Leuven").exit_code == 0
    added = run(database_url, "programme", "add", "Den Haag", "--area-name", "The Hague",
                "--area-code", "cbs:GM0518", "--population", "2019=545000", "--population", "2020=548000",
                "--baseline-year", "2019", "--target-year", "2030", "--target-residual-pct", "45")
    assert added.exit_code == 0, added.output
    assert added.output.strip() == "Added programme 'den-haag' (Den Haag, baseline 2019, target 2030)."
    assert run(database_url, "programme", "add", "Kaag en Braassem").exit_code == 0
    listed = json.loads(run(database_url, "programme", "list", "--json").output)
    assert [p["slug"] for p in listed] == ["den-haag", "kaag-en-braassem", "leuven"]
    den_haag = listed[0]
    assert den_haag["area_names"] == ["Den Haag", "The Hague"]
    assert den_haag["area_codes"] == ["cbs:GM0518"]
    assert den_haag["population"] == {"2019": 545000.0, "2020": 548000.0}  # loaded as a batch
    assert (den_haag["baseline_year"], den_haag["target_year"]) == (2019, 2030)
    # 45 % left is a 55 % cut, not climate neutrality: the set is named for what it asks.
    assert den_haag["target_set"]["name"] == "\u221255\u00a0%"
    assert listed[1]["target_set"] is None  # none unless asked for
    shown = run(database_url, "programme", "show", "den-haag").output
    assert "population: 2019: 545,000, 2020: 548,000" in shown
    # The existing commands act on a programme by its slug.
    batches = json.loads(run(database_url, "--programme", "den-haag", "batches", "--json").output)
    assert [b["file_name"] for b in batches] == ["population.csv"]
    removed = run(database_url, "programme", "remove", "den-haag", "--yes")
    assert removed.exit_code == 0, removed.output
    assert [p["slug"] for p in json.loads(run(database_url, "programme", "list", "--json").output)] == [
        "kaag-en-braassem", "leuven"]


def test_programme_mistakes_are_one_clear_line(tmp_path):
    url = f"sqlite:///{tmp_path / 'r.db'}"
    run(url, "init", "--slug", "leiden", "--area-name", "Leiden")
    again = run(url, "programme", "add", "Leiden")
    assert again.exit_code == 1 and again.output.strip() == "error: a programme 'leiden' already exists"
    bad_slug = run(url, "programme", "add", "Leiderdorp", "--slug", "Leider Dorp")
    assert "slug 'Leider Dorp': lower case letters, digits and hyphens only (e.g. 'leider-dorp')" in bad_slug.output
    bad_population = run(url, "programme", "add", "Leiderdorp", "--population", "2019")
    assert "population '2019': write YEAR=INHABITANTS" in bad_population.output
    missing = run(url, "programme", "show", "nowhere")
    assert missing.exit_code == 1 and missing.output.strip() == "error: no programme 'nowhere'"
    unconfirmed = run(url, "programme", "remove", "leiden")
    assert unconfirmed.exit_code == 1 and "pass --yes" in unconfirmed.output


def test_all_areas_makes_a_programme_per_area_with_its_own_batch(database_url):
    assert run(database_url, "init").exit_code == 0  # the empty first programme 'city'
    loaded = run(database_url, "load", "indicators", KM_GEMEENTEN, "--all-areas")
    assert loaded.exit_code == 0, loaded.output
    assert "2 area(s) into 2 programme(s) (2 new)" in loaded.output
    assert "no known area: Gemeente onbekend" in loaded.output
    assert "the empty programme 'city'" in loaded.output
    listed = {p["slug"]: p for p in json.loads(run(database_url, "programme", "list", "--json").output)}
    assert sorted(listed) == ["s-gravenhage", "voorschoten"]
    assert listed["voorschoten"]["baseline_year"] == 2020  # the file's first year
    assert listed["voorschoten"]["target_year"] == 2050 and listed["voorschoten"]["target_set"] is None
    status = json.loads(run(database_url, "--programme", "s-gravenhage", "status", "--json").output)
    # 200,000 + 150,000 = 350,000 = the reported total: complete, from the sectors.
    assert status["years"][0]["year"] == 2020 and status["years"][0]["total_t"] == 350000.0
    assert status["status"] == "unknown" and status["target_set"] is None
    voorschoten = json.loads(run(database_url, "--programme", "voorschoten", "status", "--json").output)
    # Transport suppressed (-1 → C): the reported 5,000 t is the year's total, not 1,000 t.
    assert voorschoten["years"][0]["total_t"] == 5000.0 and voorschoten["years"][0]["source"] == "reported"
    batches = json.loads(run(database_url, "--programme", "voorschoten", "batches", "--json").output)
    assert len(batches) == 1
    undone = run(database_url, "--programme", "voorschoten", "undo", str(batches[0]["id"]), "--yes")
    assert undone.exit_code == 0, undone.output
    # Undoing one programme's batch leaves the other's values.
    status = json.loads(run(database_url, "--programme", "s-gravenhage", "status", "--json").output)
    assert status["years"][0]["total_t"] == 350000.0
    again = run(database_url, "load", "indicators", KM_GEMEENTEN, "--all-areas")
    assert "(0 new)" in again.output and "1 programme(s) had this file loaded already" in again.output


def test_all_areas_adds_to_a_programme_known_by_another_name_and_gives_targets_when_asked(tmp_path):
    url = f"sqlite:///{tmp_path / 'r.db'}"
    run(url, "init", "--slug", "den-haag", "--area-name", "Den Haag", "--area-name", "'s-Gravenhage")
    loaded = run(url, "load", "indicators", KM_GEMEENTEN, "--all-areas", "--target-residual-pct", "5")
    assert loaded.exit_code == 0, loaded.output
    listed = {p["slug"]: p for p in json.loads(run(url, "programme", "list", "--json").output)}
    assert sorted(listed) == ["den-haag", "voorschoten"]  # 's-Gravenhage is Den Haag's
    assert listed["den-haag"]["emission_years"] == [2020]
    assert listed["voorschoten"]["target_set"]["target_year"] == 2050
    assert listed["voorschoten"]["target_set"]["name"] == "\u221295\u00a0%"  # 5 % left


def test_a_target_set_is_named_climate_neutrality_only_when_nothing_is_left(tmp_path):
    url = f"sqlite:///{tmp_path / 'r.db'}"
    run(url, "init", "--slug", "leuven", "--area-name", "Leuven")
    for area, residual in (("Gent", "0"), ("Mechelen", "42.5")):
        added = run(url, "programme", "add", area, "--baseline-year", "2011", "--target-residual-pct", residual)
        assert added.exit_code == 0, added.output
    listed = {p["slug"]: p for p in json.loads(run(url, "programme", "list", "--json").output)}
    assert listed["gent"]["target_set"]["name"] == "Climate neutrality"
    assert listed["mechelen"]["target_set"]["name"] == "\u221257.5\u00a0%"
    # More than the baseline left is no target to name: refused, nothing added.
    refused = run(url, "programme", "add", "Brugge", "--target-residual-pct", "120")
    assert refused.exit_code == 1
    assert "--target-residual-pct 120: expected the share of the baseline left at the target year" in refused.output
    assert "brugge" not in {p["slug"] for p in json.loads(run(url, "programme", "list", "--json").output)}


def test_a_bad_value_in_one_area_imports_nothing_at_all(tmp_path):
    url = f"sqlite:///{tmp_path / 'r.db'}"
    bad = tmp_path / "km.csv"
    bad.write_text(KM_GEMEENTEN.read_text(encoding="utf-8").replace("150000", "15x000"), encoding="utf-8")
    run(url, "init")
    loaded = run(url, "load", "indicators", bad, "--all-areas")
    assert loaded.exit_code == 1
    assert "15x000" in loaded.output and "nothing was imported" in loaded.output
    listed = json.loads(run(url, "programme", "list", "--json").output)
    assert [p["slug"] for p in listed] == ["city"]  # no programme created, the placeholder kept


def test_all_areas_needs_a_file_with_an_area_column(tmp_path):
    url = f"sqlite:///{tmp_path / 'r.db'}"
    run(url, "init")
    plain = tmp_path / "plain.csv"
    plain.write_text("indicator,period,value\nemissions.transport,2020,5\n", encoding="utf-8")
    loaded = run(url, "load", "indicators", plain, "--all-areas")
    assert loaded.exit_code == 1 and "--all-areas needs a file an import profile reads with an area column" in loaded.output
