"""Roadmap themes: the programme's own workstreams, which commitments belong to."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, insert, select, update

from pipelines.errors import Bilingual, Problem, ValidationFailed, columns_left_out
from pipelines.load.record_fields import CellError, check_length, clean_text, match_key
from pipelines.read import match_columns, read_table
from pipelines.schema import Theme
from pipelines.unit_of_work import programme_write
from pipelines.vocab import THEME_COLUMNS

NAME_COLUMNS = ("nl", "en", "fr")  # a theme's names, in a row given to define_themes


@dataclass(frozen=True)
class ThemeRow:
    id: int
    code: str
    name_nl: str
    name_en: str
    name_fr: str | None = None  # None: French pages show the English (or the project's translation)


@dataclass(frozen=True)
class _Wanted:
    code: str
    names: dict[str, str | None]  # name_nl and name_en, and name_fr when the row gave it


def list_themes(conn: Connection, programme_id: int) -> list[ThemeRow]:
    """The programme's themes, by code."""
    rows = conn.execute(
        select(Theme.id, Theme.code, Theme.name_nl, Theme.name_en, Theme.name_fr)
        .where(Theme.programme_id == programme_id)
        .order_by(Theme.code)
    )
    return [ThemeRow(*row) for row in rows]


def define_themes(engine: Engine, programme_id: int, rows: Iterable[Mapping[str, str]],
                  *, dry_run: bool = False) -> dict[str, int]:
    """Add themes or rename existing ones (matched by code) in one transaction.

    Each row has 'code', 'nl' and 'en' (the English name defaults to the Dutch one), and 'fr'
    when it names the theme in French ('' clears a French name; a row without 'fr' keeps it).
    Returns {'added': n, 'renamed': n, 'unchanged': n}; any invalid row → nothing written, and
    with `dry_run` nothing either.
    """
    return _define(engine, programme_id, list(rows), "themes", None, dry_run)


@dataclass(frozen=True)
class ThemesLoaded:
    """What a themes file did: counts as define_themes gives them, and the file's columns that
    were not read (named, never dropped without a word)."""

    counts: dict[str, int]
    left_out: list[str]

    def left_out_warning(self) -> Bilingual | None:
        if not self.left_out:
            return None
        return columns_left_out(self.left_out)


def load_themes_file(engine: Engine, programme_id: int, path: Path, *, dry_run: bool = False) -> ThemesLoaded:
    """Add or rename the themes of a file (CSV in any common dialect, or .xlsx): a code and the
    Dutch, English and French names, headers in any of the three languages (vocab.THEME_COLUMNS).
    Counts as define_themes, and the columns left out; problems point at the file's lines."""
    raw = read_table(path, path.name)
    columns = match_columns(raw.columns, THEME_COLUMNS)
    missing = [column for column in ("code", "nl") if column not in columns]
    if missing:
        raise ValidationFailed([Problem(raw.file_name, raw.detected.get("header_line", 1), None, None, Bilingual(
            f"a column '{column}' (headers accepted: {', '.join(THEME_COLUMNS[column])})",
            f"een kolom '{column}' (aanvaarde kolomnamen: {', '.join(THEME_COLUMNS[column])})",
            f"une colonne '{column}' (noms de colonne acceptés : {', '.join(THEME_COLUMNS[column])})",
        )) for column in missing])
    frame = raw.frame[list(columns.values())].set_axis(list(columns), axis=1)
    counts = _define(engine, programme_id, frame.to_dict("records"), raw.file_name, raw.line_numbers, dry_run)
    return ThemesLoaded(counts, [c for c in raw.columns if c not in columns.values()])


def _define(engine: Engine, programme_id: int, rows: list[Mapping[str, str]], file: str,
            lines: Sequence[int] | None, dry_run: bool) -> dict[str, int]:
    wanted, problems = _validate_theme_rows(rows, file, lines)
    if problems:
        raise ValidationFailed(problems)
    counts = {"added": 0, "renamed": 0, "unchanged": 0}
    if dry_run:
        with engine.connect() as conn:
            _apply(conn, programme_id, wanted, counts, write=False)
        return counts
    # A theme's name shows on the pages (scenario bands, the coordinators' choices), which are
    # cached per data version: a rename is a programme write like any other.
    with programme_write(engine, programme_id) as work:
        _apply(work.conn, programme_id, wanted, counts, write=True)
        if not counts["added"] and not counts["renamed"]:
            work.nothing_changed()
    return counts


def _apply(conn: Connection, programme_id: int, wanted: list[_Wanted], counts: dict[str, int], write: bool) -> None:
    """Count (and with `write`, store) each wanted theme as added, renamed or unchanged."""
    have = {t.code.casefold(): t for t in list_themes(conn, programme_id)}
    for row in wanted:
        old = have.get(row.code.casefold())
        if old is None:
            counts["added"] += 1
            if write:
                conn.execute(insert(Theme).values(programme_id=programme_id, code=row.code, **row.names))
        elif any(getattr(old, column) != name for column, name in row.names.items()):
            counts["renamed"] += 1
            if write:
                conn.execute(update(Theme).where(Theme.id == old.id).values(**row.names))
        else:
            counts["unchanged"] += 1




def _validate_theme_rows(rows: list[Mapping[str, str]], file: str,
                         lines: Sequence[int] | None) -> tuple[list[_Wanted], list[Problem]]:
    wanted: list[_Wanted] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    for number, row in enumerate(rows, start=1):
        line = lines[number - 1] if lines is not None else number
        code, nl, fr = clean_text(row.get("code")), clean_text(row.get("nl")), clean_text(row.get("fr"))
        en = clean_text(row.get("en")) or nl
        before = len(problems)
        if code is None or " " in code:
            problems.append(Problem(file, line, "code", code, Bilingual(
                "a short code without spaces (e.g. P01)", "een korte code zonder spaties (bv. P01)",
                "un code court sans espaces (p. ex. P01)")))
        elif code.casefold() in seen:
            problems.append(Problem(file, line, "code", code, Bilingual("each code once", "elke code één keer",
                                                                        "chaque code une seule fois")))
        if nl is None:
            problems.append(Problem(file, line, "nl", None, Bilingual("the theme's Dutch name", "de Nederlandse naam van het thema",
                                                                      "le nom néerlandais du thème")))
        for column, text, limit in (("code", code, 40), ("nl", nl, 200), ("en", en, 200), ("fr", fr, 200)):
            try:
                check_length(text or "", limit)
            except CellError as exc:
                problems.append(Problem(file, line, column, text, exc.expected))
        if len(problems) == before and code is not None and nl is not None and en is not None:
            seen.add(code.casefold())
            names: dict[str, str | None] = {"name_nl": nl, "name_en": en}
            if "fr" in row:
                names["name_fr"] = fr
            wanted.append(_Wanted(code, names))
    return wanted, problems


class ThemeMatcher:
    """Finds a theme's id from its code or its Dutch, English or French name (case-insensitive)."""

    def __init__(self, themes: Iterable[ThemeRow]):
        themes = list(themes)
        self._ids: dict[str, int] = {}
        # Codes first, so a code always wins over another theme's name.
        for theme in themes:
            self._ids.setdefault(match_key(theme.code), theme.id)
        for theme in themes:
            self._ids.setdefault(match_key(theme.name_nl), theme.id)
            self._ids.setdefault(match_key(theme.name_en), theme.id)
            if theme.name_fr:
                self._ids.setdefault(match_key(theme.name_fr), theme.id)
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
