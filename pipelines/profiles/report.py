"""What applying a profile did: rows left out and why, columns ignored, areas, sums, readings."""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_EXAMPLES = 5


@dataclass
class LeftOut:
    reason: str  # planned | other areas | other tiles | unmapped labels | targets
    rows: int
    examples: list[str]
    what: str = "row(s)"


@dataclass
class ProfileReport:
    profile: str
    chosen_by: str  # 'recognised' (header fingerprint) or 'named' (--profile)
    area_column: str | None = None
    area_rows_kept: int = 0
    left_out: list[LeftOut] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    sums: list[str] = field(default_factory=list)
    readings: list[str] = field(default_factory=list)  # ambiguous numbers decided by totals
    markers: int = 0
    rows_out: int = 0

    def leave_out(self, reason: str, examples: list[str], rows: int, what: str = "row(s)") -> None:
        if rows:
            shown = list(dict.fromkeys(e for e in examples if e))[:MAX_EXAMPLES]
            self.left_out.append(LeftOut(reason, rows, shown, what))

    def lines(self) -> list[str]:
        """The report as lines for the command line and the batch report."""
        out = [f"profile {self.profile!r} ({self.chosen_by}): {self.rows_out} value(s) passed to the loader"]
        if self.area_column:
            out.append(f"areas taken from column {self.area_column!r}: {self.area_rows_kept} row(s) of the programme's area kept")
        for item in self.left_out:
            shown = f": {', '.join(item.examples)}" if item.examples else ""
            more = " …" if item.examples and len(item.examples) >= MAX_EXAMPLES else ""
            out.append(f"left out {item.rows} {item.what}, {item.reason}{shown}{more}")
        if self.ignored_columns:
            out.append(f"columns ignored: {', '.join(self.ignored_columns)}")
        if self.markers:
            out.append(f"{self.markers} suppressed value(s) stored as missing (key C), never as a number")
        out.extend(self.sums)
        out.extend(self.readings)
        return out

    def as_dict(self) -> dict:
        return {
            "profile": self.profile, "chosen_by": self.chosen_by, "area_column": self.area_column,
            "left_out": [vars(x) for x in self.left_out], "ignored_columns": self.ignored_columns,
            "sums": self.sums, "readings": self.readings, "markers": self.markers,
            "rows_out": self.rows_out, "lines": self.lines(),
        }
