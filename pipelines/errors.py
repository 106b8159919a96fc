"""Errors a user can act on: the CLI prints them as one line, the dashboard as words on the page."""

from __future__ import annotations

from dataclasses import dataclass


class UserError(Exception):
    """A mistake of the user's (a bad option, a missing programme); never shown as a traceback."""


@dataclass(frozen=True)
class Problem:
    """One problem in an input file: where it is, what was found, what was expected."""

    file: str
    row: int | None  # 1-based line number in the file as the analyst sees it (header = 1)
    column: str | None
    value: str | None
    expected: str

    def __str__(self) -> str:
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.column is not None:
            where += f", column '{self.column}'"
        found = "" if self.value is None else f": found {self.value!r}"
        return f"{where}{found}; expected {self.expected}"


class ValidationFailed(UserError):
    """A file had problems; nothing was written. Holds every problem, not only the first."""

    def __init__(self, problems: list[Problem]):
        # In file order, as the analyst will fix them (problems without a row come first).
        self.problems = sorted(problems, key=lambda p: (p.file, p.row or 0))
        first = problems[0] if problems else None
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"{len(problems)} problem(s), nothing imported: {first}{more}")

    def __reduce__(self):  # pickled with its problems (a checking process sends it whole)
        return (type(self), (self.problems,))
