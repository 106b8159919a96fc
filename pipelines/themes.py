"""Roadmap themes: the programme's own workstreams, which commitments belong to."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, insert, select, update

from pipelines import db
from pipelines.errors import Bilingual, Problem, ValidationFailed
from pipelines.load.record_fields import CellError, check_length, clean_text, match_key
from pipelines.schema import Theme


@dataclass(frozen=True)
class ThemeRow:
    id: int
    code: str
    name_nl: str
    name_en: str


def list_themes(conn: Connection, programme_id: int) -> list[ThemeRow]:
    """The programme's themes, by code."""
    rows = conn.execute(
        select(Theme.id, Theme.code, Theme.name_nl, Theme.name_en)
        .where(Theme.programme_id == programme_id)
        .order_by(Theme.code)
    )
    return [ThemeRow(*row) for row in rows]


def define_themes(engine: Engine, programme_id: int, rows: Iterable[Mapping[str, str]]) -> dict[str, int]:
    """Add themes or rename existing ones (matched by code) in one transaction.

    Each row has 'code', 'nl' and 'en' (the English name defaults to the Dutch one).
    Returns {'added': n, 'renamed': n, 'unchanged': n}; any invalid row → nothing written.
    """
    wanted, problems = _validate_theme_rows(list(rows))
    if problems:
        raise ValidationFailed(problems)
    counts = {"added": 0, "renamed": 0, "unchanged": 0}
    with db.writing(engine) as conn:
        have = {t.code.casefold(): t for t in list_themes(conn, programme_id)}
        for code, nl, en in wanted:
            old = have.get(code.casefold())
            if old is None:
                conn.execute(
                    insert(Theme).values(programme_id=programme_id, code=code, name_nl=nl, name_en=en)
                )
                counts["added"] += 1
            elif (old.name_nl, old.name_en) != (nl, en):
                conn.execute(update(Theme).where(Theme.id == old.id).values(name_nl=nl, name_en=en))
                counts["renamed"] += 1
            else:
                counts["unchanged"] += 1
    return counts


def _validate_theme_rows(rows: list[Mapping[str, str]]) -> tuple[list[tuple[str, str, str]], list[Problem]]:
    wanted: list[tuple[str, str, str]] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for number, row in enumerate(rows, start=1):
        code, nl = clean_text(row.get("code")), clean_text(row.get("nl"))
        en = clean_text(row.get("en")) or nl
        before = len(problems)
        if code is None or " " in code:
            problems.append(Problem("themes", number, "code", code, Bilingual(
                "a short code without spaces (e.g. P01)", "een korte code zonder spaties (bv. P01)",
                "un code court sans espaces (p. ex. P01)")))
        elif code.casefold() in seen:
            problems.append(Problem("themes", number, "code", code, Bilingual("each code once", "elke code één keer",
                                                                              "chaque code une seule fois")))
        if nl is None:
            problems.append(Problem("themes", number, "nl", None, Bilingual("the theme's Dutch name", "de Nederlandse naam van het thema",
                                                                            "le nom néerlandais du thème")))
        for column, text, limit in (("code", code, 40), ("nl", nl, 200), ("en", en, 200)):
            try:
                check_length(text or "", limit)
            except CellError as exc:
                problems.append(Problem("themes", number, column, text, exc.expected))
        if len(problems) == before and code is not None and nl is not None and en is not None:
            seen.add(code.casefold())
            wanted.append((code, nl, en))
    return wanted, problems


class ThemeMatcher:
    """Finds a theme's id from its code or its Dutch or English name (case-insensitive)."""

    def __init__(self, themes: Iterable[ThemeRow]):
        themes = list(themes)
        self._ids: dict[str, int] = {}
        # Codes first, so a code always wins over another theme's name.
        for theme in themes:
            self._ids.setdefault(match_key(theme.code), theme.id)
        for theme in themes:
            self._ids.setdefault(match_key(theme.name_nl), theme.id)
            self._ids.setdefault(match_key(theme.name_en), theme.id)
        self._codes = [t.code for t in themes]

    def __call__(self, text: str) -> int:
        theme_id = self._ids.get(match_key(text))
        if theme_id is not None:
            return theme_id
        if not self._codes:
            raise CellError(Bilingual(
                "a roadmap theme, but the programme has none yet: add them first "
                "(roadmap themes add CODE --nl NAME --en NAME)",
                "een thema van de roadmap, maar het programma heeft er nog geen: de beheerder voegt ze eerst toe",
                "un thème de la feuille de route, mais le programme n'en a pas encore : l'administrateur doit d'abord les ajouter",
            ))
        shown = ", ".join(self._codes[:15]) + (", ..." if len(self._codes) > 15 else "")
        raise CellError(Bilingual(
            f"a roadmap theme's code or name ({shown}); new themes: roadmap themes add",
            f"de code of naam van een thema van de roadmap ({shown})",
            f"le code ou le nom d'un thème de la feuille de route ({shown})",
        ))


def theme_matcher(conn: Connection, programme_id: int) -> ThemeMatcher:
    return ThemeMatcher(list_themes(conn, programme_id))
