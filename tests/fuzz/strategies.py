"""Hypothesis strategies: tables of the three import kinds, written as CSV with hostile cells."""

from __future__ import annotations

import csv
import io

from hypothesis import strategies as st

from tests.fuzz.corpus import Case, csv_to_xlsx

HEADERS = {
    "indicators": ["indicator", "period", "value", "unit", "source", "sector", "name_en", "kind",
                   "Sector", "Eenheid", "2022", "2023", "jaar", "waarde", "area", "gemeente"],
    "partners": ["name", "type", "sector", "joined", "website", "description", "naam", "soort"],
    "commitments": ["partner", "title", "theme", "sector", "reduction (t CO2e/yr)", "indicator",
                    "indicator target", "target year", "status", "progress (%)", "last update", "url", "note"],
}
PLAUSIBLE = [
    "emissions.residential", "emissions.total", "population", "Huishoudens", "Transport", "Totaal",
    "2023", "2024-06", "2030", "134.34", "1.234,5", "1,5", "-1", "NE", "C", "kt CO2e", "ton CO2e", "MWh",
    "%", "inwoners", "company", "residents", "Example Bakery", "https://example.org", "http://[example.org",
    "2024-03-01", "15/09/2023", "31/02/2024", "planned", "in progress", "20%", "P03", "Waste", "120",
    "=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "@SUM(A1)", "", " ", "\u00a0", "\ufeff",
]

cell = st.one_of(
    st.sampled_from(PLAUSIBLE),
    st.text(max_size=30),
    st.from_regex(r"-?[0-9]{1,12}([.,][0-9]{1,6})?([eE][+-]?[0-9]{1,4})?", fullmatch=True),
    st.builds(lambda ch, n: ch * n, st.sampled_from(["k", "(", " ", "9", "\"", ";"]), st.integers(100, 5_000)),
)


@st.composite
def cases(draw) -> Case:
    """A table of one kind: known and random headers, 0 to 30 rows of cells, any dialect."""
    kind = draw(st.sampled_from(sorted(HEADERS)))
    header = draw(st.lists(st.one_of(st.sampled_from(HEADERS[kind]), st.text(max_size=12)),
                           min_size=1, max_size=8))
    rows = draw(st.lists(st.lists(cell, min_size=0, max_size=len(header) + 2), max_size=30))
    separator = draw(st.sampled_from([",", ";", "\t", "|"]))
    quoting = draw(st.sampled_from([csv.QUOTE_MINIMAL, csv.QUOTE_ALL, csv.QUOTE_NONNUMERIC]))
    text = io.StringIO()
    csv.writer(text, delimiter=separator, quoting=quoting, lineterminator=draw(st.sampled_from(["\n", "\r\n"]))
               ).writerows([header, *rows])
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
    data = text.getvalue().encode(encoding, errors="replace")
    if draw(st.booleans()) and draw(st.booleans()):  # one in four: as a workbook
        try:
            return Case(f"hypothesis xlsx {kind}", kind, f"{kind}.xlsx", csv_to_xlsx(
                text.getvalue().replace(separator, ",").encode()))
        except Exception:  # noqa: BLE001  (cells openpyxl refuses to write: keep the CSV)
            pass
    return Case(f"hypothesis csv {kind}", kind, f"{kind}.csv", data)
