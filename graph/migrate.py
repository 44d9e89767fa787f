"""Versioned schema migrations from cypher/schema/, recorded in the graph.

Each file `NNNN_name.cypher` runs once; its checksum is kept on a
(:SchemaMigration) node so a second run is a no-op, and an edited migration
that was already applied is reported instead of silently skipped.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from graph import queries
from graph.db import Graph
from scamgraph.errors import MigrationError

FOLDER = "schema"


@dataclass(frozen=True)
class Migration:
    version: str
    name: str
    text: str

    @property
    def checksum(self) -> str:
        return hashlib.sha256(self.text.encode()).hexdigest()


@dataclass
class MigrationReport:
    applied: list[str] = field(default_factory=list)
    already: list[str] = field(default_factory=list)

    @property
    def noop(self) -> bool:
        return not self.applied


def available() -> list[Migration]:
    found = []
    for name in queries.names(FOLDER):
        stem = name.split("/")[-1]
        version, _, title = stem.partition("_")
        found.append(Migration(version, title, queries.load(name)))
    return found


def migrate(graph: Graph) -> MigrationReport:
    """Apply pending migrations in order; each statement runs on its own (schema commands must)."""
    recorded = {r["version"]: r["checksum"] for r in graph.read("db/applied_migrations")}
    report = MigrationReport()
    for migration in available():
        label = f"{migration.version}_{migration.name}"
        if migration.version in recorded:
            if recorded[migration.version] != migration.checksum:
                raise MigrationError(
                    f"migration {label} changed after it was applied",
                    hint="add a new migration file instead of editing an applied one",
                )
            report.already.append(label)
            continue
        _apply(graph, migration)
        report.applied.append(label)
    graph.read("db/await_indexes", {"seconds": 300}, timeout_s=330)
    return report


def _apply(graph: Graph, migration: Migration) -> None:
    for statement in queries.split_statements(migration.text):
        graph.run_migration_statement(statement, f"{migration.version}_{migration.name}")
    params = {"version": migration.version, "name": migration.name, "checksum": migration.checksum}
    graph.write("db/record_migration", params)
