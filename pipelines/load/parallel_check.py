"""Checking a big file in a second process while this one stores it (two cores, not one).

Reading, checking and converting a file is Python work that holds the interpreter lock, and so
is handing rows to the database driver: in one process they take turns. For a big file the
loader forks: the child reads and checks every chunk and sends the storable rows back through a
pipe; the parent stores them (in its own transaction, as ever) while the child works on the next
chunk, and at the end receives the file's checking state (problems, totals, duplicates) to
decide on exactly as a single-process load does.

Forking is only safe in a process with no other threads (a thread holding a lock at the fork
would leave the child waiting for it), and a web server's workers are its own business: only
the command line asks for it (LoadOptions.may_fork); uploads and platforms without fork() check
in one process.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from typing import TypeVar

from pipelines.errors import Bilingual, UserError
from pipelines.read_stream import read_ahead

MIN_ROWS = 200_000  # below this the fork and the pipe cost more than they save


S = TypeVar("S")  # the loader's file state, as the child ends it
A = TypeVar("A")  # its area filter

def available() -> bool:
    """Whether this process may fork a checker: fork() exists and no other thread runs."""
    return hasattr(os, "fork") and threading.active_count() == 1


def stream(run: Callable, state: S, raw, area: A, store, stage_all: bool, progress) -> tuple[int, S, A]:
    """`run(state, raw, area, store, stage_all, progress)` in a forked child; returns
    (rows in file, the child's final state, its area filter), and raw.detected updated."""
    context = multiprocessing.get_context("fork")
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(send, receive, os.getpid(), run, state, raw, area, stage_all),
                            daemon=True)
    child.start()
    send.close()  # the parent's copy: the child's end closing is then the pipe's end
    # A thread takes each message off the pipe as soon as it is sent, so the child goes on to
    # its next chunk at once, while this thread stores the last one.
    messages = read_ahead(_messages(receive))
    try:
        for kind, *payload in messages:
            if kind == "rows":
                store.add(*payload)
            elif kind == "progress":
                if progress is not None:
                    progress(*payload)
            elif kind == "error":
                raise payload[0]
            else:  # done
                rows_in_file, child_state, child_area, detected = payload
                raw.detected.update(detected)
                return rows_in_file, child_state, child_area
        raise UserError(Bilingual("checking the file stopped unexpectedly (no last message)",
                                  "het nakijken van het bestand is onverwacht gestopt (geen laatste bericht)",
                                  "la vérification du fichier s'est arrêtée de manière inattendue "
                                  "(pas de dernier message)"))
    finally:
        if child.is_alive():
            child.terminate()  # its end of the pipe closes: a thread waiting for a message wakes
        messages.close()  # and stops
        child.join()
        receive.close()


def _messages(receive) -> Iterator[tuple]:
    """The child's messages, up to its last ('done' or 'error')."""
    while True:
        try:
            message = receive.recv()
        except (EOFError, OSError):
            raise UserError(Bilingual("checking the file stopped unexpectedly (its process ended)",
                                      "het nakijken van het bestand stopte onverwacht (het proces eindigde)",
                                      "la vérification du fichier s'est arrêtée de façon inattendue (son processus s'est terminé)")) from None
        except Exception as exc:  # noqa: BLE001  (a message that does not unpickle: say so, no traceback)
            raise UserError(Bilingual(f"checking the file failed ({type(exc).__name__}: {exc})",
                                      f"het nakijken van het bestand mislukte ({type(exc).__name__}: {exc})",
                                      f"la vérification du fichier a échoué ({type(exc).__name__} : {exc})")) from None
        yield message
        if message[0] in ("done", "error"):
            return


class _Sink:
    """The child's stand-in for the observation store and the progress callback."""

    def __init__(self, send):
        self.send = send

    def add(self, rows, stage_all: bool = False) -> None:
        self.send.send(("rows", rows, stage_all))

    def progress(self, n: int) -> None:
        self.send.send(("progress", n))


PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def die_with_parent(parent_pid: int) -> None:
    """Have the kernel kill this process when its parent ends (Linux; elsewhere the closed pipe
    tells it). A parent killed with SIGKILL runs no cleanup: without this its checker lived on,
    blocked writing to a pipe nobody reads, holding the parent's stdout and ~260 MB."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):  # no prctl: the closed pipe remains
            pass
    if os.getppid() != parent_pid:  # the parent died before the request above: go now
        os._exit(1)


def _child(send, receive, parent_pid: int, run: Callable, state, raw, area, stage_all: bool) -> None:
    die_with_parent(parent_pid)
    # The fork copied the parent's reading end: closed here, so that when the parent dies no
    # reader is left and this process's next send fails (BrokenPipeError) instead of blocking.
    receive.close()
    # A little behind the dashboard's workers when they share the cores with a big import.
    os.nice(5)
    sink = _Sink(send)
    try:
        rows_in_file = run(state, raw, area, sink, stage_all, sink.progress)
        state.define = None  # nothing to call back in the parent
        send.send(("done", rows_in_file, state, area, raw.detected))
    except (BrokenPipeError, ConnectionResetError):  # the parent is gone: nobody to tell
        os._exit(1)
    except BaseException as exc:  # noqa: BLE001  (every failure goes to the parent, which raises it)
        try:
            pickle.loads(pickle.dumps(exc))  # both ways: the parent must be able to rebuild it
        except Exception:  # noqa: BLE001  (an exception that cannot cross the pipe: its text can)
            exc = UserError(Bilingual(f"checking the file failed: {exc!r}",
                                      f"het nakijken van het bestand is mislukt: {exc!r}",
                                      f"la vérification du fichier a échoué : {exc!r}"))
        try:
            send.send(("error", exc))
        except OSError:  # the parent is gone
            os._exit(1)
    finally:
        send.close()
