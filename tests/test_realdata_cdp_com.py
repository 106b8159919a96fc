"""CDP city-wide emissions, the EU Covenant of Mayors compilation and the JRC CoM dataset."""

from __future__ import annotations

from pipelines.profiles.catalogue import recognise
from pipelines.read import read_table

from .realdata_support import (
    REALDATA,
    headline,
    load_real,
    needs_realdata,
    programme_for,
    reported,
    stored,
    totals,
    transformed,
)

pytestmark = needs_realdata
THE_HAGUE = ["Den Haag", "The Hague", "'s-Gravenhage"]
LEUVEN_CODES = ["nis:24062", "com:BE0015", "locode:BE LEU"]


def test_cdp_2021_the_hague_scope_1_plus_2(engine):
    programme = programme_for(engine, THE_HAGUE)
    result = load_real(engine, programme, "cdp/2021_City-wide_Emissions.csv")
    # Accounting year '2019-01-01 - 2019-12-31'; 921,472 + 682,308 = 1,603,780 t CO2e.
    assert totals(transformed(engine, programme, "cdp/2021_City-wide_Emissions.csv")) == {"2019": 1603780.0}
    assert stored(engine) == {}  # a total only: no sector values
    assert reported(engine) == {"2019": 1603780.0}
    assert headline(engine, programme)[2019][0] == 1603780.0
    report = result.detected["profile"]
    assert report["area_column"] == "City"
    assert report["sums"] == [
        "added up 921,472 + 682,308 = 1,603,780 (columns: Direct emissions (metric tonnes CO2e) for Total "
        "emissions (excluding generation of grid-supplied energy); Indirect emissions from use of grid "
        "supplied energy (metric tonnes CO2e) for Total Emissions (excluding generation of grid-supplied energy))"]


def test_cdp_2018_with_nbsp_headers_takes_the_scope_totals(engine):
    programme = programme_for(engine, THE_HAGUE)
    load_real(engine, programme, "cdp/2018_City-wide_Emissions.csv")
    # 2016: only the TOTAL scope columns are filled: 1,010,243 + 577,435 = 1,587,678.
    assert totals(transformed(engine, programme, "cdp/2018_City-wide_Emissions.csv")) == {"2016": 1587678.0}


def test_eucom_compilation_total_of_leuven(engine):
    programme = programme_for(engine, ["Leuven"], LEUVEN_CODES)
    result = load_real(engine, programme, "ddl_eucom/EmissionsAgg.csv")
    assert totals(transformed(engine, programme, "ddl_eucom/EmissionsAgg.csv")) == {"2015": 603137.0}
    assert reported(engine) == {"2015": 603137.0} and stored(engine) == {}
    assert result.detected["profile"]["area_column"] == "actor_id"


def test_eucom_targets_file_stores_nothing_and_says_why(engine):
    programme = programme_for(engine, ["Leuven"], LEUVEN_CODES)
    result = load_real(engine, programme, "ddl_eucom/Target.csv")
    assert stored(engine) == {}
    left = {i["reason"]: i for i in result.detected["profile"]["left_out"]}
    assert left["targets, not measured values (set them with `roadmap target`)"]["rows"] == 1


def test_jrc_dataset_adds_direct_and_indirect_per_sector_in_time(engine):
    programme = programme_for(engine, ["Leuven"], LEUVEN_CODES)
    load_real(engine, programme, "jrc_com/CoM_dataset2019_allinitial.xlsx")
    values = stored(engine)
    assert values[("emissions.residential", "2010")] == 200342.0  # 163,256 direct + 37,086 indirect
    assert values[("emissions.residential", "2015")] == 179966.0  # 146,101 + 33,865
    assert values[("emissions.tertiary", "2010")] == 239604.0  # 135,208 + 104,396
    # Whole inventory: the sum of the five sectors of each year.
    assert sum(v for (_c, p), v in values.items() if p == "2010") == 639296.0
    assert sum(v for (_c, p), v in values.items() if p == "2015") == 606332.0
    assert len(values) == 10  # its time: benchmarks/realdata.py


def test_every_real_csv_export_is_recognised_by_a_shipped_profile(engine):
    # How long recognising takes is measured by benchmarks/realdata.py, not asserted here.
    programme_for(engine, ["Leuven"])
    tables = [read_table(path, path.name) for path in sorted(REALDATA.rglob("*.csv"))]
    with engine.connect() as conn:
        recognise(conn, tables[0].columns)  # the shipped profiles are parsed once per process
        for table in tables:
            assert recognise(conn, table.columns, table.detected.get("title_rows", [])) is not None, table.file_name
