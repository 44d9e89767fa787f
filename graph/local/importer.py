"""Neo4j's offline bulk importer (`neo4j-admin database import full`) on the local server's store.

The importer builds a store straight from CSV files, many times faster than transactional
writes, but only into a stopped server and replacing the whole database. So the existing store
is moved aside first and put back if the import or anything after it fails: a failed bulk
load leaves the database as it was. The caller stops and starts the server (ingest/bulk/).
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
    """The server's database store set aside while an import replaces it.

    `set_aside()` (server stopped) moves the store away, `run_import()` builds the new one,
    then `keep()` drops the old store once the caller is satisfied, or `put_back()` (server
    stopped again) deletes the new store and restores the old: the database as it was.
    """

    def __init__(self, server: LocalNeo4j) -> None:
        self.server = server
        self.stores = store_dirs(server)
        self.backup = server.home / "data" / f".before-import-{time.time_ns()}"
        self.log = server.home / "logs" / "import.log"
        self.existed = [store.exists() for store in self.stores]
        self.moved: set[int] = set()

    def set_aside(self) -> None:
        self._require_stopped()
        self.existed = [store.exists() for store in self.stores]
        self.backup.mkdir(parents=True)
        for number, store in enumerate(self.stores):
            if self.existed[number]:
                store.rename(self.backup / str(number))
                self.moved.add(number)

    def run_import(self, files: ImportFiles, *, timeout_s: float) -> None:
        """Import `files` into the emptied database (the importer's output: logs/import.log).
        BulkLoadError with the end of that output if it fails."""
        self._require_stopped()
        done = _run(self.server, files, self.log, timeout_s)
        if done.returncode != 0:
            output = self.log.read_text(errors="replace")
            raise BulkLoadError(f"the bulk import failed (exit {done.returncode}): "
                                f"{output[-1500:]}", hint=f"full output in {self.log}")

    def keep(self) -> None:
        shutil.rmtree(self.backup, ignore_errors=True)

    def put_back(self) -> None:
        """Delete what the import wrote and restore what was moved; a store that was never
        moved (set_aside failed part way) is left alone."""
        self._require_stopped()
        for number, store in enumerate(self.stores):
            if number in self.moved or not self.existed[number]:
                shutil.rmtree(store, ignore_errors=True)
            if number in self.moved:
                (self.backup / str(number)).rename(store)
        self.moved.clear()
        shutil.rmtree(self.backup, ignore_errors=True)

    def _require_stopped(self) -> None:
        if self.server.pid() is not None:
            raise LocalServerError("the bulk importer needs the local server stopped")


def _run(server: LocalNeo4j, files: ImportFiles, log: Path, timeout_s: float
         ) -> subprocess.CompletedProcess[bytes]:
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
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("wb") as out:
        try:
            return subprocess.run(cmd, env={**os.environ, **env}, stdout=out,
                                  stderr=subprocess.STDOUT, timeout=timeout_s, check=False)
        except subprocess.TimeoutExpired as exc:
            raise BulkLoadError(f"the bulk import took longer than {timeout_s:.0f} s",
                                   hint="raise SCAMGRAPH_QUERY_TIMEOUT_S") from exc


def store_dirs(server: LocalNeo4j) -> list[Path]:
    """The database's store and transaction log folders (what an import replaces)."""
    data, name = server.home / "data", server.settings.neo4j_database
    return [data / "databases" / name, data / "transactions" / name]
