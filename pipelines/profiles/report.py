"""What applying a profile did: rows left out and why, columns ignored, areas, sums, readings."""

from __future__ import annotations

from dataclasses import dataclass, field

from pipelines.errors import Bilingual, column_list

MAX_EXAMPLES = 5


@dataclass
class LeftOut:
    reason: Bilingual  # planned | other areas | other tiles | labels the profile does not take …
    rows: int
    examples: list[str]
    what: Bilingual = field(default_factory=lambda: Bilingual("row(s)", "rij(en)", "ligne(s)"))


@dataclass
class ProfileReport:
    profile: str
    chosen_by: str  # 'recognised' (header fingerprint) or 'named' (--profile)
    area_column: str | None = None
    area_rows_kept: int = 0
    left_out: list[LeftOut] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    sums: list[Bilingual] = field(default_factory=list)
    readings: list[Bilingual] = field(default_factory=list)  # ambiguous numbers decided by totals
    markers: int = 0
    rows_out: int = 0
    planned_rows: int = 0  # rows left out as planned (a target set can keep them: --planned-as-target-set)

    def leave_out(self, reason: Bilingual, examples: list[str], rows: int, what: Bilingual | None = None) -> None:
        if rows:
            shown = list(dict.fromkeys(e for e in examples if e))[:MAX_EXAMPLES]
            self.left_out.append(LeftOut(reason, rows, shown, what or Bilingual("row(s)", "rij(en)",
                                                                                "ligne(s)")))

    def lines(self) -> list[Bilingual]:
        """The report as lines (English, with their Dutch and French) for the command line, pages and batch report."""
        chosen = Bilingual(self.chosen_by, "herkend" if self.chosen_by == "recognised" else "gekozen",
                           "reconnu" if self.chosen_by == "recognised" else "choisi")
        out = [Bilingual(f"profile {self.profile!r} ({chosen}): {self.rows_out} value(s) passed to the loader",
                         f"profiel {self.profile!r} ({chosen.nl}): {self.rows_out} waarde(n) doorgegeven aan de lader",
                         f"profil {self.profile!r} ({chosen.fr}) : {self.rows_out} valeur(s) transmise(s) au chargement")]
        if self.area_column:
            out.append(Bilingual(
                f"areas taken from column {self.area_column!r}: {self.area_rows_kept} row(s) of the programme's area kept",
                f"gebieden uit kolom {self.area_column!r}: {self.area_rows_kept} rij(en) van het gebied van het programma behouden",
                f"zones reprises de la colonne {self.area_column!r} : {self.area_rows_kept} ligne(s) de la zone du programme conservée(s)"))
        for item in self.left_out:
            listed = ", ".join(item.examples)
            shown = f": {listed}" if item.examples else ""
            shown_fr = f" : {listed}" if item.examples else ""  # French sets a space before a colon
            more = " …" if item.examples and len(item.examples) >= MAX_EXAMPLES else ""
            out.append(Bilingual(f"left out {item.rows} {item.what}, {item.reason}{shown}{more}",
                                 f"weggelaten: {item.rows} {item.what.nl}, {item.reason.nl}{shown}{more}",
                                 f"laissé de côté : {item.rows} {item.what.fr}, {item.reason.fr}{shown_fr}{more}" if item.reason.fr and item.what.fr else None))
        if self.ignored_columns:
            names = column_list(self.ignored_columns)
            out.append(Bilingual(f"columns ignored: {names}", f"kolommen genegeerd: {names.nl}",
                                 f"colonnes ignorées : {names.fr}"))
        if self.markers:
            out.append(Bilingual(
                f"{self.markers} suppressed value(s) stored as missing (key C), never as a number",
                f"{self.markers} geheime waarde(n) bewaard als ontbrekend (code C), nooit als getal",
                f"{self.markers} valeur(s) confidentielle(s) enregistrée(s) comme manquante(s) (code C), jamais comme nombre"))
        return out + self.sums + self.readings

    def as_dict(self) -> dict:
        lines = self.lines()
        return {
            "profile": self.profile, "chosen_by": self.chosen_by, "area_column": self.area_column,
            "left_out": [{"reason": str(x.reason), "rows": x.rows, "examples": x.examples} for x in self.left_out],
            "ignored_columns": self.ignored_columns, "sums": [str(s) for s in self.sums],
            "readings": [str(r) for r in self.readings], "markers": self.markers, "rows_out": self.rows_out,
            "lines": [str(line) for line in lines], "lines_nl": [line.nl for line in lines],
            "lines_fr": [line.fr or str(line) for line in lines],
        }
