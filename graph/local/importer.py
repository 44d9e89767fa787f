"""Neo4j's offline bulk importer (`neo4j-admin database import full`) on the local server's store.

The importer builds a store straight from CSV files, many times faster than transactional
writes, but only into a stopped server and replacing the whole database. So the existing store
is moved aside first and put back if the import or anything after it fails: a failed bulk
load leaves the database as it was, and so does a killed one (graph/local/journal.py). The
caller stops and starts the server (ingest/bulk/).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from graph.local import conf
from graph.local.jars import ADMIN_CLASS
from graph.local.java import find_java
from graph.local.journal import STEPS, BulkJournal, Entry, process_started
from graph.local.server import LocalNeo4j
from scamgraph.errors import BulkLoadError, LocalServerError

# Array values (sources, assets) are joined with the unit separator: no source id, asset
# symbol or address contains it, while ';' (the importer's default) may appear in file names.
ARRAY_DELIMITER = "\x1f"


@dataclass(frozen=True)
class ImportFiles:
    """CSV files with their own header lines; `multiline` ones may hold line breaks in values."""

    nodes: list[Path]
    relationships: list[Path]
    multiline: list[Path]


class StoreSwap:
    """The server's database store set aside while an import replaces it, every step journaled.

    `record("staging")` (server running, carry-over saved) opens the journal; then, the server
    stopped, `set_aside()` moves the store away and `run_import()` builds the new one; `keep()`
    drops the old store once the caller is satisfied, or `put_back()` (server stopped again)
    deletes the new store and restores the old: the database as it was. If the process dies
    instead, the next server start finishes or undoes the swap (graph/local/recovery.py).
    """

    def __init__(self, server: LocalNeo4j, carryover: Path, staging: Path) -> None:
        self.server = server
        self.journal = BulkJournal(server.home)
        self.log = server.home / "logs" / "import.log"
        stores = store_dirs(server)
        pid = os.getpid()
        self.entry = Entry(
            step=STEPS[0], owner=[pid, process_started(pid) or 0],
            backup=str(server.home / "data" / f".before-import-{time.time_ns()}"),
            stores=[str(s) for s in stores], existed=[s.exists() for s in stores],
            carryover=str(carryover), staging=str(staging))

    def record(self, step: str) -> None:
        self.journal.record(self.entry, step)

    def set_aside(self) -> None:
        self._require_stopped()
        stores = [Path(s) for s in self.entry.stores]
        self.entry.existed = [store.exists() for store in stores]
        # Journaled before the first rename: recovery knows where a half-moved store went.
        self.journal.record(self.entry, "moved_aside", pause=False)
        backup = Path(self.entry.backup)
        backup.mkdir(parents=True)
        for number, store in enumerate(stores):
            if self.entry.existed[number]:
                store.rename(backup / str(number))
        self.journal.pause_if_asked("moved_aside")

    def run_import(self, files: ImportFiles, *, timeout_s: float) -> None:
        """Import `files` into the emptied database (the importer's output: logs/import.log).
        BulkLoadError with the end of that output if it fails."""
        self._require_stopped()
        code = _run(self, files, timeout_s)
        if code != 0:
            output = self.log.read_text(errors="replace")
            raise BulkLoadError(f"the bulk import failed (exit {code}): "
                                f"{output[-1500:]}", hint=f"full output in {self.log}")
        self.entry.importer = []
        self.record("imported")

    def keep(self) -> None:
        self.record("done")
        finish_swap(self.entry, self.journal)

    def put_back(self) -> None:
        """Delete what the import wrote and restore what was moved; a store that was never
        moved (set_aside failed part way) is left alone."""
        self._require_stopped()
        put_back_stores(self.entry)
        finish_swap(self.entry, self.journal)

    def _require_stopped(self) -> None:
        if self.server.pid() is not None:
            raise LocalServerError("the bulk importer needs the local server stopped")


def put_back_stores(entry: Entry) -> None:
    """The old store in place again (a no-op before anything was moved): what was moved aside
    goes back over whatever the import wrote, and a store that did not exist is removed."""
    if not entry.reached("moved_aside"):
        return
    backup = Path(entry.backup)
    for number, name in enumerate(entry.stores):
        store, moved = Path(name), backup / str(number)
        if moved.exists():
            shutil.rmtree(store, ignore_errors=True)
            moved.rename(store)
        elif not entry.existed[number]:
            shutil.rmtree(store, ignore_errors=True)


def finish_swap(entry: Entry, journal: BulkJournal) -> None:
    """Drop what the swap left (old store, carry-over file), journal last."""
    shutil.rmtree(entry.backup, ignore_errors=True)
    Path(entry.carryover).unlink(missing_ok=True)
    journal.clear()


def _run(swap: StoreSwap, files: ImportFiles, timeout_s: float) -> int:
    """Run the importer, its pid journaled. Its own session: a Ctrl-C reaches this process,
    which kills it (the `finally`); if this process is killed outright, recovery kills it."""
    cmd, env = _command(swap.server, files)
    swap.log.parent.mkdir(parents=True, exist_ok=True)
    with swap.log.open("wb") as out:
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT,
                                start_new_session=True)
        try:
            swap.entry.importer = [proc.pid, process_started(proc.pid) or 0]
            swap.record("importing")
            return proc.wait(timeout=timeout_s)
        except subprocess.TimeoutExpired as exc:
            raise BulkLoadError(f"the bulk import took longer than {timeout_s:.0f} s",
                                hint="raise SCAMGRAPH_QUERY_TIMEOUT_S") from exc
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()


def _command(server: LocalNeo4j, files: ImportFiles) -> tuple[list[str], dict[str, str]]:
    settings = server.settings
    java = find_java(settings.java)
    classpath = ":".join(str(p) for p in server.resolve().classpath)
    # ParallelGC: the importer is a batch job, where throughput beats pause times
    # (about 10 % faster than G1 on 10^6 transfers here).
    flags = [f for f in conf.JVM_FLAGS if f != "-XX:+UseG1GC"] + ["-XX:+UseParallelGC"]
    cmd = [java, f"-Xmx{settings.local_heap}", *flags, "-cp", classpath, ADMIN_CLASS,
           "database", "import", "full", settings.neo4j_database, "--overwrite-destination",
           "--id-type=string", "--array-delimiter=U+001F", "--ignore-empty-strings=true",
           f"--report-file={server.home / 'logs' / 'import.report'}",
           *(f"--nodes={p}" for p in files.nodes),
           *(f"--relationships={p}" for p in files.relationships)]
    if files.multiline:
        cmd += ["--multiline-fields-format=v2",
                f"--multiline-fields={','.join(str(p) for p in files.multiline)}"]
    env = {"NEO4J_HOME": str(server.home), "NEO4J_CONF": str(server.home / "conf")}
    return cmd, {**os.environ, **env}


def store_dirs(server: LocalNeo4j) -> list[Path]:
    """The database's store and transaction log folders (what an import replaces)."""
    data, name = server.home / "data", server.settings.neo4j_database
    return [data / "databases" / name, data / "transactions" / name]
