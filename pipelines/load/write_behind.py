"""Writing a chunk in a thread while the next one is checked: SQLite and psycopg release the GIL
while they store rows, so the database work overlaps with the Python work of the next chunk."""

from __future__ import annotations

import queue
import threading

from pipelines.load.observation_store import ObservationStore, StoreRows

_DONE = object()


class WriteBehind:
    """Feeds `store.add` from one thread; `close()` waits and re-raises a writing error.

    The store's connection is used by that thread only while it holds `store.lock`; whoever
    else needs the connection meanwhile (defining an indicator) takes the lock too.
    """

    def __init__(self, store: ObservationStore, stage_all: bool, depth: int = 2):
        self.store = store
        self.stage_all = stage_all
        self._box: queue.Queue = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="write-behind", daemon=True)
        self._thread.start()

    def add(self, rows: StoreRows) -> None:
        if self._error is not None:
            self._raise()
        self._box.put(rows)

    def _run(self) -> None:
        while (rows := self._box.get()) is not _DONE:
            if self._error is not None:
                continue  # drain: the error is raised in the caller's thread
            try:
                with self.store.lock:
                    self.store.add(rows, stage_all=self.stage_all)
            except BaseException as exc:  # handed to the caller
                self._error = exc

    def close(self) -> None:
        """Wait until everything queued is written; raise the first writing error, if any."""
        if self._thread.is_alive():
            self._box.put(_DONE)
            self._thread.join()
        if self._error is not None:
            self._raise()

    def _raise(self) -> None:
        error, self._error = self._error, None
        raise error
