"""Collects every problem of a file; caps a repeated one so a wrong 1M-row file stays readable."""

from __future__ import annotations

from dataclasses import dataclass, field

from pipelines.errors import Bilingual, Problem

PER_KIND = 50  # problems of one kind (same column and expectation) listed one by one
SHOWN_CHARS = 200  # of a value quoted in a problem: a 2 MB cell is named, not repeated


def shown(value: str | None) -> str | None:
    """A found value as a problem quotes it: long ones cut, with their length."""
    if value is None or len(value) <= SHOWN_CHARS:
        return value
    return f"{value[:SHOWN_CHARS]}… ({len(value)} characters)"


@dataclass
class ProblemLog:
    file: str
    problems: list[Problem] = field(default_factory=list)
    _counts: dict[tuple[str | None, str], int] = field(default_factory=dict)
    # Problems reported once per distinct value (an unknown label): first row and how many.
    _grouped: dict[tuple, list] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.problems) or bool(self._grouped)

    def add(self, row: int | None, column: str | None, value: str | None, expected: str) -> None:
        kind = (column, expected)
        seen = self._counts.get(kind, 0)
        self._counts[kind] = seen + 1
        if seen < PER_KIND:
            self.problems.append(Problem(self.file, row, column, shown(value), expected))

    def add_once(self, key: tuple, row: int, column: str | None, value: str, expected: str, n: int = 1,
                 code: str | None = None) -> None:
        """A problem reported once for all rows with the same value; counts the rows. The first
        report of a key gives its words and code."""
        if key in self._grouped:
            self._grouped[key][4] += n
        else:
            self._grouped[key] = [row, column, shown(value), expected, n, code]

    def finish(self) -> list[Problem]:
        """Every problem, grouped ones first, with a line for each capped kind."""
        out = []
        for row, column, value, expected, n, code in self._grouped.values():
            more = Bilingual(f" ({n} rows)", f" ({n} rijen)", f" ({n} lignes)") if n > 1 else Bilingual("", "", "")
            out.append(Problem(self.file, row, column, value, expected + more, code))
        out.extend(self.problems)
        for (column, expected), count in self._counts.items():
            if count > PER_KIND:
                out.append(
                    Problem(self.file, None, column, None, expected + Bilingual(
                        f" — and {count - PER_KIND} more rows like this",
                        f" — en nog {count - PER_KIND} rijen zoals deze",
                        f" — et encore {count - PER_KIND} lignes du même genre"))
                )
        return out
