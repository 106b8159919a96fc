"""Loading a file of any import kind (see pipelines.load.kinds), behind one entry point: `load_file`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine

from pipelines.errors import Bilingual, UserError
from pipelines.load.result import LoadOptions, LoadResult

if TYPE_CHECKING:
    from pipelines.read import FileRead, RawTable

PREVIEW_ROWS = 20
DEFAULT_OPTIONS = LoadOptions()  # frozen: safe to share


def load_file(
    engine: Engine, programme_id: int, kind: str, source: Path | bytes | RawTable, *,
    file_name: str | None = None, options: LoadOptions = DEFAULT_OPTIONS,
    progress: Callable[[int], None] | None = None,
) -> LoadResult:
    """Read `source` (a path or the bytes of an upload) and load it as `kind`.

    `progress`, when given, is called with the number of rows processed (indicators files,
    which can be big). Raises ValidationFailed (every problem) or UserError.
    """
    reading: Path | bytes | RawTable | FileRead = source
    if isinstance(source, Path):
        from pipelines.read import FileRead

        file_name = file_name or source.name
        reading = FileRead(source)  # read while the loaders are imported
    from pipelines.load.kinds import import_kind

    found = import_kind(kind)
    raw = _read(reading, kind, file_name, options)
    return found.load(engine, programme_id, raw, options, progress)


def preview_file(source: Path | bytes | RawTable, kind: str, file_name: str | None = None,
                 options: LoadOptions = DEFAULT_OPTIONS) -> dict:
    """What the reader detected and the first rows as parsed (strings), for an upload page."""
    raw = _read(source, kind, file_name, options)
    first = next(raw.chunks(PREVIEW_ROWS), None)
    rows = [] if first is None else first.frame.to_dict("records")
    lines = [] if first is None else first.line_numbers.tolist()
    return {"file_name": raw.file_name, "sha256": raw.sha256, "columns": raw.columns,
            "detected": dict(raw.detected), "rows": rows, "line_numbers": lines}


def read_source(source: Path | bytes, kind: str, file_name: str | None = None,
                options: LoadOptions = DEFAULT_OPTIONS) -> RawTable:
    """The file read once, for `preview_file` and `load_file` to share (a workbook: openpyxl's
    read is the slow part; a CSV table streams, and each pass reads its bytes again)."""
    return _read(source, kind, file_name, options)


def _read(source: Path | bytes | RawTable | FileRead, kind: str, file_name: str | None, options: LoadOptions):
    from pipelines.load.kinds import import_kind
    from pipelines.read import FileRead, RawTable, read_table

    import_kind(kind)  # a UserError naming the kinds there are
    if isinstance(source, RawTable):
        return source
    if file_name is None:
        if isinstance(source, bytes):
            raise UserError(Bilingual("an uploaded file needs its file name",
                                      "een opgeladen bestand heeft een bestandsnaam nodig",
                                      "un fichier téléversé doit avoir un nom de fichier"))
        file_name = source.path.name if isinstance(source, FileRead) else Path(source).name
    return read_table(source, file_name, encoding=options.encoding, separator=options.separator)
