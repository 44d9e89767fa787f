"""Staging in a second process, so reading and staging use both cores.

Reading and validating a transfer costs about as much Python time as writing its CSV line and
aggregating its wallets; in one process they add up, in two they overlap. The reading side
sends batches of `StageRow` tuples through a pipe (a send blocks while the worker is busy, so
at most about one batch is in flight and memory stays flat); the worker owns the `Staging`.
A failure in the worker comes back as BulkLoadError on the next call that waits for an answer.
"""

from __future__ import annotations

import multiprocessing
import traceback
from datetime import datetime
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from graph.local.importer import ImportFiles
from ingest.bulk.stage import StageRow, Staging
from scamgraph.errors import BulkLoadError


def _serve(conn: Connection, folder: Path, now: datetime) -> None:
    """The worker's loop: batches in, answers to `count` and `files`."""
    failure: str | None = None
    staging = Staging(folder, now)
    while True:
        message = conn.recv()
        kind = message[0]
        try:
            if kind == "rows" and failure is None:
                staging.add_rows(message[2], message[1])
            elif kind == "count":
                conn.send(("error", failure) if failure else ("ok", staging.wallets.count()))
            elif kind == "files":
                conn.send(("error", failure) if failure else ("ok", staging.files()))
                return
        except Exception:  # reported at the next question, so the reader is not blocked
            failure = traceback.format_exc(limit=3)


class StagingProcess:
    """`Staging` behind a pipe: `add_rows`, `wallet_count`, `files`, as in one process."""

    def __init__(self, folder: Path, now: datetime) -> None:
        # spawn, not fork: the parent has a driver's threads and sockets the child must not share.
        context = multiprocessing.get_context("spawn")
        self._conn, child = context.Pipe()
        self._process = context.Process(target=_serve, args=(child, folder, now),
                                        name="scamgraph-staging", daemon=True)
        self._process.start()
        child.close()
        self.staged = 0

    def add_rows(self, rows: list[StageRow], source_id: str) -> None:
        self._conn.send(("rows", source_id, rows))
        self.staged += len(rows)

    def wallet_count(self) -> int:
        return int(self._ask("count"))

    def files(self) -> ImportFiles:
        files: ImportFiles = self._ask("files")
        self._process.join(timeout=60)
        return files

    def close(self) -> None:
        """Stop the worker if it still runs (after a failure on the reading side)."""
        if self._process.is_alive():
            self._process.kill()
            self._process.join(timeout=10)
        self._conn.close()

    def _ask(self, kind: str) -> Any:
        try:
            self._conn.send((kind,))
            status, value = self._conn.recv()
        except (EOFError, BrokenPipeError, ConnectionResetError) as exc:
            raise BulkLoadError(f"the staging process ended unexpectedly ({exc!r})") from exc
        if status == "error":
            raise BulkLoadError(f"staging the bulk load failed: {value}")
        return value
