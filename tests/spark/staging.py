"""What a staging wrote, read back for comparison: the single-process bulk staging
(ingest/bulk/load.py and stage.py, as `ingest --bulk` runs them) beside `spark stage`."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from graph.local.importer import ImportFiles
from ingest.bulk.load import Load
from ingest.bulk.worker import StagingProcess
from scamgraph.settings import Settings


@dataclass
class Staging:
    transfers: list[list[str]]  # records of every relationship file, sorted, headers apart
    wallets: list[list[str]]
    multiline: set[str]  # "transfers"/"wallets": kinds with a file that needs the v2 parser
    quarantine: list[list[dict[str, object]]]  # per input, entries sorted
    counts: list[tuple[int, int, int, int]]  # per input: read, written, quarantined, created


def _records(paths: Sequence[Path], header: list[str]) -> list[list[str]]:
    out: list[list[str]] = []
    for path in paths:
        with path.open(encoding="utf-8", newline="") as fh:
            found = list(csv.reader(fh))
        assert found[0] == header, path
        out.extend(found[1:])
    return sorted(out)


def _entries(path: Path | None) -> list[dict[str, object]]:
    if path is None or not path.exists():
        return []
    text = io.StringIO(path.read_text(encoding="utf-8"))
    return sorted((json.loads(line) for line in text), key=lambda e: json.dumps(e))


def read_files(files: ImportFiles, quarantines: list[Path | None],
               counts: list[tuple[int, int, int, int]]) -> Staging:
    from ingest.bulk.stage import TRANSFER_HEADER, WALLET_HEADER

    kinds = {"wallets" if p in files.nodes else "transfers" for p in files.multiline}
    return Staging(_records(files.relationships, TRANSFER_HEADER),
                   _records(files.nodes, WALLET_HEADER), kinds,
                   [_entries(q) for q in quarantines], counts)


def bulk_staging(settings: Settings, fmt: str, paths: Sequence[Path], now: datetime,
                 folder: Path, options: dict[str, str] | None = None) -> Staging:
    """The files `ingest --bulk` stages for `paths` (its read, quarantine and staging steps)."""
    folder.mkdir()
    staging = StagingProcess(folder, now)
    loads = []
    try:
        for n, path in enumerate(paths):
            loads.append(Load(fmt, str(path), options or {}, settings, folder / f"input-{n}"))
            loads[-1].stage(staging, None)
        files = staging.files()
    finally:
        staging.close()
    for load in loads:
        load.quarantine.close()
    return read_files(files, [load.quarantine.path for load in loads],
                      [(s.read, s.written, s.quarantined, s.created)
                       for s in (load.summary for load in loads)])
