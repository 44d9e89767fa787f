"""The journal of a bulk load's store swap: which step it reached, so a killed load is undone.

A bulk load replaces the local server's store (graph/local/importer.py), which takes several
steps with the server stopped. Before each one `BulkJournal.record` writes the step and what
recovery needs (where the old store was set aside, the carry-over file, the importer's pid, the
runs to record) to <local home>/run/bulk-journal.json, atomically: a reader sees the previous
record or the new one, never half of one. `LocalNeo4j.start` reads it (graph/local/recovery.py).
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

# In order. Up to "importing" the old store is what recovery puts back; from "imported" on
# the new store is complete, and recovery finishes the load on it.
STEPS = ("staging", "stopped", "moved_aside", "importing", "imported", "restarted",
         "carried", "schema", "done")
COMPLETE_FROM = STEPS.index("imported")
# A test hook, not a setting: the bulk process stops at this step (after writing it) and
# waits to be killed, so the crash tests can kill it at a known step (tests/ingest/).
PAUSE_ENV = "SCAMGRAPH_BULK_PAUSE_AT"
PAUSE_LIMIT_S = 300.0


def write_atomic(path: Path, text: str) -> None:
    """Write `text` to `path` so a crash leaves the old content or the new, never a mix."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with temp.open("w", encoding="utf-8") as out:
        out.write(text)
        out.flush()
        os.fsync(out.fileno())
    temp.replace(path)
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)  # the rename itself must reach the disk
    finally:
        os.close(folder)


def process_started(pid: int) -> int | None:
    """The start time of process `pid` (clock ticks since boot), None if there is none: a pid
    together with it names one process, even after the pid is reused. Linux /proc."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[-1].split()
    return None if fields[0] == "Z" else int(fields[19])


@dataclass
class Entry:
    """One journal record; paths as strings, runs as tagged JSON (graph/db/portable.py)."""

    step: str
    owner: list[int]  # pid and start time of the bulk process
    backup: str
    stores: list[str]
    existed: list[bool]
    carryover: str
    staging: str
    importer: list[int] = field(default_factory=list)  # pid and start time while it runs
    runs: list[dict[str, Any]] = field(default_factory=list)  # writes that close the load

    def reached(self, step: str) -> bool:
        return STEPS.index(self.step) >= STEPS.index(step)


class BulkJournal:
    def __init__(self, local_home: Path) -> None:
        self.path = local_home / "run" / "bulk-journal.json"
        self.pause_marker = local_home / "run" / "bulk-paused"

    def read(self) -> Entry | None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        return Entry(**data)

    def record(self, entry: Entry, step: str, *, pause: bool = True) -> None:
        """Journal `step`; `pause=False` where the caller pauses after the step's action."""
        if step not in STEPS:
            raise ValueError(f"unknown bulk load step {step!r}")
        entry.step = step
        write_atomic(self.path, json.dumps(asdict(entry), ensure_ascii=False))
        if pause:
            self.pause_if_asked(step)

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)

    def pause_if_asked(self, step: str) -> None:
        if os.environ.get(PAUSE_ENV) != step:
            return
        write_atomic(self.pause_marker, f"{step} {os.getpid()}\n")
        deadline = time.monotonic() + PAUSE_LIMIT_S
        while time.monotonic() < deadline:
            time.sleep(0.1)
