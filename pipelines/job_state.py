"""An import job's state (queued → running → done | failed), as its row holds it and pages report it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime

from pipelines.errors import Bilingual, Problem
from pipelines.schema import utcnow

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
UNFINISHED = (QUEUED, RUNNING)
FINISHED = (DONE, FAILED)
MOVES = {QUEUED: {RUNNING, FAILED}, RUNNING: {RUNNING, DONE, FAILED}, DONE: set(), FAILED: set()}
RESULT_FIELDS = ("batch_id", "added", "superseded", "unchanged", "skipped", "already_loaded_as", "rows_in_file",
                 "planned_offer", "planned_target_set")
UNEXPECTED = Bilingual(
    "the import stopped on an unexpected error; nothing was written. Try again; "
    "if it happens again, tell the administrator (the server log has the details)",
    "de import stopte door een onverwachte fout; er is niets geschreven. Probeer het "
    "opnieuw; gebeurt het weer, meld het dan aan de beheerder (het serverlog heeft de details)",
    "l'import s'est arrêté sur une erreur inattendue ; rien n'a été écrit. Réessayez ; si "
    "cela se reproduit, prévenez l'administrateur (le journal du serveur a les détails)")
PROGRAMME_GONE = Bilingual("the programme no longer exists; nothing was imported",
                           "het programma bestaat niet meer; er is niets geïmporteerd",
                           "le programme n'existe plus ; rien n'a été importé")
# True because an import is one transaction: a process that dies mid-way commits nothing.
RUNNER_GONE = Bilingual(
    "the import stopped because the process running it ended (a restart or a crash of the server); "
    "nothing was written — the database transaction was rolled back. Start the import again",
    "de import stopte omdat het proces dat hem uitvoerde eindigde (een herstart of crash van de "
    "server); er is niets geschreven — de databasetransactie is teruggedraaid. Start de import opnieuw",
    "l'import s'est arrêté parce que le processus qui l'exécutait a pris fin (un redémarrage ou un "
    "plantage du serveur) ; rien n'a été écrit — la transaction de la base de données a été annulée. "
    "Relancez l'import")


class BadMove(RuntimeError):
    """A job asked to move where its state machine does not go (a bug, not a user's mistake)."""


@dataclass
class JobState:
    """One job as its row holds it (without the file), and as the page reports it."""

    id: str
    programme_id: int
    kind: str
    file_name: str
    sha256: str
    options: dict
    started_by: str
    status: str = QUEUED
    waiting: bool = False
    rows_done: int = 0
    rows_total: int | None = None
    result: dict | None = None
    problems: list | None = None
    created_at: datetime = field(default_factory=utcnow)
    started_at: datetime | None = None
    finished_at: datetime | None = None

    @property
    def finished(self) -> bool:
        return self.status in FINISHED

    def row(self) -> dict:
        return asdict(self)

    def problem_list(self) -> list[Problem]:
        """The problems of a failed job as the loader raised them (Dutch and French kept)."""
        return [Problem(p.get("file") or self.file_name, p.get("row"), p.get("column"), p.get("value"),
                        _text(p.get("expected"), p.get("expected_nl"), p.get("expected_fr")))
                for p in self.problems or () if not p.get("error")]

    def error(self) -> str | None:
        """The one message of a job that failed without a list of problems (a Bilingual)."""
        for p in self.problems or ():
            if p.get("error"):
                return _text(p.get("expected"), p.get("expected_nl"), p.get("expected_fr"))
        return None

    def with_zones(self) -> JobState:
        """The same, its times in UTC (SQLite and JSON give them back without their zone)."""
        for name in ("created_at", "started_at", "finished_at"):
            value = getattr(self, name)
            if isinstance(value, str):
                value = datetime.fromisoformat(value)
            if value is not None and value.tzinfo is None:
                value = value.replace(tzinfo=UTC)
            setattr(self, name, value)
        return self


def _text(en: str | None, nl: str | None, fr: str | None = None) -> str:
    return Bilingual(en or "", nl, fr) if nl else (en or "")


def problem_row(problem: Problem) -> dict:
    expected = problem.expected
    return {"file": problem.file, "row": problem.row, "column": problem.column,
            "value": None if problem.value is None else str(problem.value), "expected": str(expected),
            "expected_nl": expected.nl if isinstance(expected, Bilingual) else None,
            "expected_fr": expected.fr if isinstance(expected, Bilingual) else None}


def error_row(message: str) -> dict:
    """A job's one error, in each language it has (the row is JSON: a Bilingual would lose them)."""
    return {"error": True, "expected": str(message),
            "expected_nl": message.nl if isinstance(message, Bilingual) else None,
            "expected_fr": message.fr if isinstance(message, Bilingual) else None}


def move(state: JobState, status: str, **changes) -> JobState:
    """`state` moved to `status` with `changes`; BadMove when the machine does not go there."""
    if status not in MOVES[state.status]:
        raise BadMove(f"import job {state.id}: {state.status} → {status}")
    state.status = status
    for name, value in changes.items():
        setattr(state, name, value)
    return state
