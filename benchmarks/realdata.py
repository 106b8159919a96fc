"""Time the real published exports of ../shared/realdata: each plain load, and profile recognition.

Prints one JSON line: per file the seconds of `load_file` (read, recognise, transform, check,
store) into a fresh SQLite programme of its area, the slowest recognition in milliseconds, and
the goals of issue 12 next to them (JRC workbook under 15 s, recognition under 50 ms). The
baseline taken in the same run is reading each file alone (`read_table`), so the ratio says
what the profile and the loader add to a read.

    python benchmarks/realdata.py [--realdata DIR]
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from pipelines.db import make_engine
from pipelines.load import load_file
from pipelines.load.result import LoadOptions
from pipelines.profiles.catalogue import recognise
from pipelines.programmes import ProgrammeSpec, create_programme, init_database
from pipelines.read import read_table

ROOT = Path(__file__).resolve().parents[1]
# file → (area names, area codes) of the programme it loads into (as ../shared/realdata/README.md)
FILES = {
    "klimaatmonitor/CO2-uitstoot-sectoren_2019.csv": (["Leiden"], []),
    "klimaatmonitor/CO2-Uitstoot-Zuid-Holland.csv": (["Zuid-Holland"], []),
    "klimaatmonitor/CO2-Uitstoot-Drenthe.csv": (["Drenthe"], []),
    "klimaatmonitor/Klimaatmonitor - Emmen.xls": (["Emmen"], []),
    "klimawatch/duesseldorf.csv": (["Düsseldorf"], []),
    "klimawatch/koeln.csv": (["Köln"], []),
    "cdp/2021_City-wide_Emissions.csv": (["Den Haag", "The Hague", "'s-Gravenhage"], []),
    "ddl_eucom/EmissionsAgg.csv": (["Leuven"], ["nis:24062", "com:BE0015", "locode:BE LEU"]),
    "jrc_com/CoM_dataset2019_allinitial.xlsx": (["Leuven"], ["nis:24062", "com:BE0015", "locode:BE LEU"]),
}


def _programme(engine, names: list[str], codes: list[str]) -> int:
    return create_programme(engine, ProgrammeSpec(
        slug="area", name=f"{names[0]} climate programme", baseline_year=2010, target_year=2030,
        area_name=names[0], other_area_names=tuple(names[1:]), other_area_codes=tuple(codes)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--realdata", type=Path, default=ROOT.parent / "shared" / "realdata")
    args = parser.parse_args()
    out: dict = {"files": {}}
    recognition_ms = []
    with tempfile.TemporaryDirectory() as directory:
        for number, (relative, (names, codes)) in enumerate(FILES.items()):
            path = args.realdata / relative
            engine = make_engine(f"sqlite:///{directory}/bench_{number}.db")
            init_database(engine)
            programme = _programme(engine, names, codes)
            started = time.perf_counter()
            table = read_table(path, path.name)
            _ = table.frame
            read_s = time.perf_counter() - started
            with engine.connect() as conn:
                recognise(conn, table.columns)  # the shipped profiles are parsed once per process
                started = time.perf_counter()
                recognise(conn, table.columns, table.detected.get("title_rows", []))
                recognition_ms.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            result = load_file(engine, programme, "indicators", path, options=LoadOptions(may_fork=True))
            load_s = time.perf_counter() - started
            out["files"][relative] = {"read_s": round(read_s, 3), "load_s": round(load_s, 3),
                                      "ratio_to_read": round(load_s / read_s, 2) if read_s else None,
                                      "added": result.added}
            engine.dispose()
    out["recognition_max_ms"] = round(max(recognition_ms), 2)
    out["goals"] = {"jrc_load_s": 15, "recognition_ms": 50}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
