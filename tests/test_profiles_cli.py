"""`roadmap profiles …`, `roadmap area …`, `roadmap init --area-code` (repeated) and `load --profile`."""

from __future__ import annotations

import json

from click.testing import CliRunner

from roadmap_cli import main

from .conftest import DATA

PROFILES = DATA / "profiles"


def run(url: str, *args):
    return CliRunner().invoke(main, ["--database-url", url, *map(str, args)])


def test_init_takes_several_area_names_and_codes_and_more_can_be_added(tmp_path):
    url = f"sqlite:///{tmp_path / 'r.db'}"
    done = run(url, "init", "--area-name", "Den Haag", "--area-name", "The Hague",
               "--area-code", "cbs:GM0518", "--area-code", "nis:99999")
    assert done.exit_code == 0, done.output
    added = run(url, "area", "add", "--name", "'s-Gravenhage", "--code", "cbs:GM0518")
    assert added.output.strip() == "Added 1 name(s) or code(s) to the area of city."
    listing = run(url, "area", "list").output.splitlines()
    assert listing == ["name    Den Haag", "name    The Hague", "cbs     GM0518", "nis     99999", "name    's-Gravenhage"]
    loaded = run(url, "load", "indicators", PROFILES / "km_gemeenten.csv")
    assert loaded.exit_code == 0, loaded.output
    assert "areas taken from column 'Gemeenten'" in loaded.output
    assert "left out 1 row(s), other areas: Voorschoten" in loaded.output


def test_profiles_list_show_export_import_remove(tmp_path):
    url = f"sqlite:///{tmp_path / 'r.db'}"
    run(url, "init", "--area-name", "Leuven")
    names = [r["name"] for r in json.loads(run(url, "profiles", "list", "--json").output)]
    assert "klimawatch" in names and "jrc-com" in names
    shown = json.loads(run(url, "profiles", "show", "klimawatch").output)
    assert shown["unit"] == "kt CO2"
    exported = tmp_path / "kw.json"
    assert run(url, "profiles", "export", "klimawatch", "-o", exported).exit_code == 0
    definition = json.loads(exported.read_text())
    definition["name"] = "klimawatch-mine"
    exported.write_text(json.dumps(definition))
    assert run(url, "profiles", "import", exported).output.strip() == "Saved profile klimawatch-mine."
    rows = {r["name"]: r for r in json.loads(run(url, "profiles", "list", "--json").output)}
    assert rows["klimawatch-mine"]["origin"] == "database" and rows["klimawatch-mine"]["created_by"].startswith("cli")
    loaded = run(url, "load", "indicators", "--profile", "klimawatch-mine", PROFILES / "kw_planned.csv")
    assert "profile 'klimawatch-mine' (named)" in loaded.output
    assert run(url, "profiles", "remove", "klimawatch-mine").exit_code == 0
    refused = run(url, "profiles", "remove", "klimawatch")
    assert refused.exit_code == 1 and "shipped profiles cannot be removed" in refused.output


def test_importing_a_bad_profile_is_one_clear_line(tmp_path):
    url = f"sqlite:///{tmp_path / 'r.db'}"
    run(url, "init")
    bad = tmp_path / "bad.json"
    bad.write_text('{"name": "x", "recognise": {"columns": ["a"]}, "shape": "round"}')
    done = run(url, "profiles", "import", bad)
    assert done.exit_code == 1
    assert done.output.strip() == "error: profile 'x' is not a valid profile definition: shape: one of long, wide, sum_columns"
