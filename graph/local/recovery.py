"""A bulk load that died part way, finished or undone before the local server starts.

`LocalNeo4j.start` calls `recover` first. With a journal left (graph/local/journal.py) by a
bulk process that no longer runs, it kills the importer if that still runs, then

- before the new store was fully imported: puts the old store back, as it was;
- after: starts the server on the new store and completes the load from the carry-over file
  saved before the swap: bookkeeping nodes written again (those a killed restore left are
  deleted first), schema created where missing, the load's Sources and IngestRuns recorded.

Either way the old store, carry-over and staging folders go, the journal last, and one
warning line says which it did. Every step can be repeated, so a recovery that is itself
killed is taken up again by the next start.
"""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from graph import carryover
from graph.db import connect
from graph.db.portable import from_portable
from graph.local.importer import finish_swap, put_back_stores
from graph.local.journal import BulkJournal, Entry, process_started
from graph.local.server import LocalNeo4j
from scamgraph.errors import LocalServerError

log = logging.getLogger("scamgraph.bulk")
KILL_WAIT_S = 30.0


def recover(server: LocalNeo4j) -> str | None:
    """Finish or undo an abandoned bulk load; what was done ("restored", "completed"), or None
    if there was nothing to do. LocalServerError while a bulk load still runs. Two starts at
    once recover one after the other: the second finds the journal gone and does nothing."""
    with recovery_lock(server.home):
        return _recover(server)


@contextmanager
def recovery_lock(home: Path) -> Iterator[None]:
    """Held while one process recovers (blocking: the next start waits, then reads the journal
    the first one left, none). flock: the kernel releases it when its holder dies, so a killed
    recovery never leaves a stale lock."""
    path = home / "run" / "bulk-recovery.lock"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _recover(server: LocalNeo4j) -> str | None:
    journal = BulkJournal(server.home)
    entry = journal.read()
    if entry is None:
        _warn_unjournaled(server.home / "data")
        return None
    if entry.owner[0] == os.getpid():
        return None  # this process's own load restarting the server
    if _same_process(entry.owner):
        raise LocalServerError(
            f"a bulk load (pid {entry.owner[0]}) is replacing the local database",
            hint="wait for it to end; if it is killed, the next start puts the database right")
    _kill(entry.importer)
    began = time.monotonic()
    if entry.reached("imported"):
        _complete(server, entry)
        done = "completed"
        what = "completed the load on the imported store (schema and bookkeeping restored)"
    else:
        if entry.reached("moved_aside"):
            server.stop()
        put_back_stores(entry)
        done, what = "restored", "put the old store back as it was"
    finish_swap(entry, journal)
    _clean_staging(Path(entry.staging).parent)
    log.warning("scamgraph: a bulk load (pid %d) died at step %r; recovery %s in %.1fs",
                entry.owner[0], entry.step, what, time.monotonic() - began)
    return done


def _same_process(ident: list[int]) -> bool:
    return bool(ident) and ident[1] != 0 and process_started(ident[0]) == ident[1]


def _kill(importer: list[int]) -> None:
    """SIGKILL the importer of the dead load if it still runs, and wait until it is gone: it
    must not write into a store that recovery is putting back."""
    if not _same_process(importer):
        return
    os.kill(importer[0], signal.SIGKILL)
    deadline = time.monotonic() + KILL_WAIT_S
    while _same_process(importer) and time.monotonic() < deadline:
        time.sleep(0.1)
    if _same_process(importer):
        raise LocalServerError(f"the bulk importer (pid {importer[0]}) does not stop")


def _complete(server: LocalNeo4j, entry: Entry) -> None:
    path = Path(entry.carryover)
    if not path.exists():
        raise LocalServerError(f"the carry-over of a killed bulk load is missing: {path}",
                               hint=f"the old store is still in {entry.backup}")
    carry = carryover.if_not_exists(carryover.load(path))
    server.start_without_recovery()
    if entry.reached("done"):
        return
    s = server.settings
    graph = connect(server.bolt_uri, (s.neo4j_user, server.password), s.neo4j_database,
                    s.query_timeout_s)
    try:
        carryover.clear_restored(graph)
        carryover.start_indexes(graph, carry)
        carryover.restore(graph, carry)
        carryover.create_constraints_merging_duplicates(graph, carry)
        for write in entry.runs:
            graph.write(write["query"], from_portable(write["params"]))
    finally:
        graph.close()


def _warn_unjournaled(data: Path) -> None:
    """A store set aside by a bulk load from before the journal: nothing knows if it is the
    one to keep, so it is only pointed out."""
    for folder in sorted(data.glob(".before-import-*")):
        log.warning("scamgraph: %s holds a store set aside by an earlier bulk load that was "
                    "not journaled; check it and remove it (or move it back) by hand", folder)


def _clean_staging(folder: Path) -> None:
    """Staging folders of killed loads (only one bulk load runs at a time: the journal)."""
    if folder.name != "staging" or not folder.is_dir():
        return
    for child in folder.iterdir():
        shutil.rmtree(child, ignore_errors=True)
