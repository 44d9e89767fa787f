"""What one ingest run did: the IngestRun node's properties and the CLI's final JSON line."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

# Run statuses: "running" while it writes, then "succeeded", "failed" or "dry-run"; a run
# whose process died is later set "abandoned" by the next start (ingest/heartbeat.py).
STATUSES = ("running", "succeeded", "failed", "dry-run", "abandoned")


@dataclass
class RunSummary:
    run_id: str
    format: str
    source_id: str
    source: str  # the path, URL or "<stdin>" as given
    sha256: str = ""
    status: str = "running"
    read: int = 0  # records read: written + quarantined + retracted
    written: int = 0
    quarantined: int = 0
    created: int = 0  # nodes and relationships created (Neo4j objects, not records)
    updated: int = 0  # records whose node or relationship already existed
    # Retractions (FtM delta DEL, not in `written`): applied; of those naming nothing this
    # source asserted (not an error); nodes and relationships they deleted.
    retracted: int = 0
    retracted_missing: int = 0
    removed: int = 0
    # Quarantine breakdown: reason kind (ingest.quarantine.reason_kind) -> records.
    reasons: dict[str, int] = field(default_factory=dict)
    started_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    ended_at: datetime | None = None
    quarantine_path: Path | None = None
    error: str | None = None
    mode: str = "merge"  # "merge" (transactional, idempotent) or "bulk" (offline import)

    @property
    def duration_s(self) -> float:
        end = self.ended_at or datetime.now(UTC)
        return (end - self.started_at).total_seconds()

    @property
    def new(self) -> int:
        """Records whose node or relationship did not exist before: written = new + updated."""
        return self.written - self.updated

    @property
    def rate_per_s(self) -> float:
        """Records read per second over the whole run."""
        return self.read / self.duration_s if self.duration_s > 0 else 0.0

    def finish(self, status: str, error: str | None = None) -> None:
        self.status = status
        self.error = error
        self.ended_at = datetime.now(UTC)

    def run_props(self) -> dict[str, Any]:
        """Properties of the IngestRun node (docs/MODEL.md)."""
        return {
            "source_id": self.source_id, "format": self.format, "status": self.status,
            "sha256": self.sha256, "started_at": self.started_at, "ended_at": self.ended_at,
            "read": self.read, "written": self.written, "quarantined": self.quarantined,
            "error": self.error, "created": self.created, "updated": self.updated,
            "quarantine": str(self.quarantine_path) if self.quarantine_path else None,
            "mode": self.mode, "retracted": self.retracted,
            "retracted_missing": self.retracted_missing, "removed": self.removed,
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id, "format": self.format, "source": self.source,
            "source_id": self.source_id, "status": self.status, "sha256": self.sha256,
            "read": self.read, "written": self.written, "quarantined": self.quarantined,
            "created": self.created, "updated": self.updated, "new": self.new,
            "retracted": self.retracted, "retracted_missing": self.retracted_missing,
            "removed": self.removed, "quarantine_reasons": dict(self.reasons),
            "duration_s": round(self.duration_s, 3), "rate_per_s": round(self.rate_per_s, 1),
            "started_at": self.started_at.isoformat(),
            "ended_at": self.ended_at.isoformat() if self.ended_at else None,
            "quarantine": str(self.quarantine_path) if self.quarantine_path else None,
            "error": self.error, "mode": self.mode,
        }

    def to_json(self) -> str:
        """One line of JSON: the CLI prints it last."""
        return json.dumps(self.as_dict(), ensure_ascii=False)
