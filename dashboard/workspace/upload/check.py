"""An upload from the browser: size limit, decoding, the dry-run check, and the confirmed import.

The upload page's callbacks are glue around these functions, which call the same
`pipelines.load` functions as the CLI. Nothing is kept on the server between the check and the
import: the browser sends the file again, and `import_upload` refuses it unless its sha256 is
the one that was checked (so the diff the analyst confirmed is the diff of that file).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine

from pipelines import job_queue
from pipelines.errors import MAPPING_KIND_OF, Problem, UserError, ValidationFailed
from pipelines.import_jobs import JobState, count_rows
from pipelines.load import load_file, preview_file, read_source
from pipelines.load.kinds import IMPORT_KINDS
from pipelines.load.result import LoadOptions, LoadResult
from pipelines.load.upload_options import MAPPING_HEADER, mapping_csv, upload_load_options  # noqa: F401 (re-exported)
from pipelines.read import is_workbook
from pipelines.settings import Settings
from pipelines.vocab import SECTOR_BY_CODE, TOTAL

BYTES_PER_MB = 1024 * 1024
DECIMALS = (",", ".")


class UploadRefused(UserError):
    """The upload cannot be checked at all (too big, not a file); shown as one sentence."""

    def __init__(self, reason: str):
        self.reason = reason  # a label key of the page (placeholders: name, limit_mb)
        super().__init__(reason)


@dataclass(frozen=True)
class UploadChoices:
    """What the analyst chose on the page; `mapping` rows are (source label, kind, target)."""

    kind: str = "indicators"
    decimal: str | None = None
    new_indicators: bool = False
    mapping: tuple[tuple[str, str, str], ...] = ()
    # Keep planned rows as a target set of this name (indicators; coordinators only).
    planned_target_set: str | None = None

    @classmethod
    def from_browser(cls, data: dict | None) -> UploadChoices:
        """Choices as the page's stores hold them; anything unexpected is refused, not guessed."""
        data = data or {}
        kind = data.get("kind") or "indicators"
        decimal = data.get("decimal") or None
        if kind not in IMPORT_KINDS or decimal not in (None, *DECIMALS):
            raise UploadRefused("up_bad_choice")
        rows = []
        for row in data.get("mapping") or ():
            if not isinstance(row, list | tuple) or len(row) != 3:
                raise UploadRefused("up_bad_choice")
            rows.append(tuple(str(v) for v in row))
        planned = data.get("planned_target_set")
        if planned is not None and not isinstance(planned, str):
            raise UploadRefused("up_bad_choice")
        planned = " ".join((planned or "").split()) or None
        return cls(kind, decimal, bool(data.get("new_indicators")), tuple(rows),
                   planned if kind == "indicators" else None)

    def to_browser(self) -> dict:
        return {"kind": self.kind, "decimal": self.decimal, "new_indicators": self.new_indicators,
                "mapping": [list(row) for row in self.mapping],
                "planned_target_set": self.planned_target_set}


@dataclass
class CheckOutcome:
    """What the page shows after a check: preview, problems or the dry run's result and diff."""

    file_name: str
    sha256: str
    preview: dict | None = None
    problems: list[Problem] = field(default_factory=list)
    result: LoadResult | None = None
    error: str | None = None  # a UserError that is not a list of problems (a Bilingual, if it has Dutch)

    @property
    def importable(self) -> bool:
        result = self.result
        return (result is not None and not self.problems and self.error is None
                and ((result.already_loaded_as is None and result.changed)
                     or result.planned_target_set is not None))  # a file loaded before may give its plan


def max_bytes(max_upload_mb: float) -> int:
    return int(max_upload_mb * BYTES_PER_MB)


def decode_upload(contents: str | None, limit_bytes: int) -> bytes:
    """The bytes of a `dcc.Upload` data URL; too big is refused before anything is decoded."""
    if not isinstance(contents, str) or "," not in contents:
        raise UploadRefused("up_not_a_file")
    header, _, payload = contents.partition(",")
    # base64 carries 3 bytes in 4 characters: the size is known without decoding.
    if len(payload) // 4 * 3 > limit_bytes + 2:
        raise UploadRefused("up_too_big")
    if not header.endswith(";base64"):
        raise UploadRefused("up_not_a_file")
    try:
        data = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        raise UploadRefused("up_not_a_file") from None
    if len(data) > limit_bytes:
        raise UploadRefused("up_too_big")
    if not data:
        raise UploadRefused("up_empty")
    return data


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def safe_file_name(name: str | None) -> str:
    """The file's own name without any folder a browser might send along."""
    base = Path(str(name or "").replace("\\", "/")).name.strip()
    return base[:200] or "upload.csv"


@contextmanager
def load_options(choices: UploadChoices, *, dry_run: bool, user: str) -> Iterator[LoadOptions]:
    """The loader's options for `choices` (a mapping from the page goes in a temporary file)."""
    with upload_load_options(choices.kind, choices.decimal, choices.new_indicators, choices.mapping,
                             dry_run=dry_run, user=user, planned_target_set=choices.planned_target_set) as options:
        yield options


def check_upload(engine: Engine, programme_id: int, data: bytes, file_name: str,
                 choices: UploadChoices, user: str) -> CheckOutcome:
    """Preview the file and dry-run its import (nothing is written)."""
    outcome = CheckOutcome(file_name, sha256_of(data))
    with load_options(choices, dry_run=True, user=user) as options:
        try:
            # A workbook is parsed once for both; a CSV file streams, each pass from its bytes.
            source = read_source(data, choices.kind, file_name, options) if is_workbook(data, file_name) else data
            outcome.preview = preview_file(source, choices.kind, file_name, options)
            outcome.result = load_file(engine, programme_id, choices.kind, source,
                                       file_name=file_name, options=options)
        except ValidationFailed as failed:
            outcome.problems = list(failed.problems)
        except UserError as error:
            outcome.error = error.args[0] if error.args and isinstance(error.args[0], str) else str(error)
    return outcome


def import_upload(engine: Engine, programme_id: int, data: bytes, file_name: str,
                  choices: UploadChoices, checked_sha256: str | None, user: str) -> LoadResult:
    """Import the checked file in one transaction; refused when it is not the file checked."""
    if not checked_sha256 or sha256_of(data) != checked_sha256:
        raise UploadRefused("up_not_checked")
    with load_options(choices, dry_run=False, user=user) as options:
        return load_file(engine, programme_id, choices.kind, data, file_name=file_name,
                         options=options)


def start_import(engine: Engine, settings: Settings, programme_id: int, data: bytes, file_name: str,
                 choices: UploadChoices, checked_sha256: str | None, user: str,
                 rows_total: int | None = None) -> JobState:
    """Queue the checked file's import as a background job (pipelines.job_queue); refused when it
    is not the file checked. The job calls `load_file` as `import_upload` does."""
    if not checked_sha256 or sha256_of(data) != checked_sha256:
        raise UploadRefused("up_not_checked")
    if rows_total is None:
        rows_total = count_rows(data, file_name)
    return job_queue.submit(engine, settings, programme_id, choices.kind, file_name, data, checked_sha256,
                            choices.to_browser(), user, rows_total)


def mapping_candidates(problems: list[Problem]) -> list[tuple[str, str]]:
    """(label, kind) of every unknown label a mapping could fix, in the order of the problems
    (known by the problem's code, `pipelines.errors.MAPPING_KIND_OF`)."""
    seen: dict[str, str] = {}
    for problem in problems:
        kind = MAPPING_KIND_OF.get(problem.code or "")
        if problem.value and kind is not None:
            seen.setdefault(problem.value, kind)
    return list(seen.items())


def mapping_rows(labels: list[tuple[str, str]], targets: list[str | None]) -> tuple[tuple[str, str, str], ...]:
    """Mapping rows for the targets the analyst typed; a label's kind follows from its target."""
    rows = []
    for (label, kind), target in zip(labels, targets, strict=True):
        target = (target or "").strip()
        if not target:
            continue
        if kind == "label":
            kind = "sector" if target.lower() in SECTOR_BY_CODE or target.lower() == TOTAL else "indicator"
        rows.append((label, kind, target.lower() if kind in ("sector", "partner_type") else target))
    return tuple(rows)


def merge_mapping(current: list | None, new: tuple[tuple[str, str, str], ...]) -> list[list[str]]:
    """The page's mapping after more labels were mapped: a label mapped again takes its new target."""
    rows = {row[0]: list(row) for row in current or []}
    rows.update({row[0]: list(row) for row in new})
    return list(rows.values())
