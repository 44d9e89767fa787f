"""Scheduled typology scans: run named typologies over the last days and store every hit.

A manifest's `typologies:` list declares them beside the ingestion jobs (jobs/manifest.py).
Each firing scans the whole graph over [now - window_days, now] (a whole-graph scan needs a
window, at most limits.MAX_WINDOW_DAYS) and stores all hits as TypologyHit nodes
(graph/investigate/typologies/store.py) with origin `job:<name>`, so the next firing tells new
hits from ones already seen, and `typologyHits` shows analysts which are new.
"""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import Field, field_validator

from graph.db import Graph
from graph.investigate.limits import MAX_PAGE
from graph.investigate.typologies import (
    MAX_WINDOW_DAYS,
    TYPOLOGIES,
    TypologyScope,
    typology_hits,
)
from graph.investigate.typologies.run import check_params
from graph.investigate.typologies.store import store_hits
from jobs.scheduled import Scheduled
from scamgraph.errors import ValidationError

NAMES = tuple(t.name for t in TYPOLOGIES)


class TypologyJob(Scheduled):
    """Run `typologies` (default: all) over the last `window_days`, on `schedule`."""

    typologies: tuple[str, ...] = NAMES
    window_days: int = Field(default=7, ge=1, le=MAX_WINDOW_DAYS)
    # Parameters per typology (`{fan-in: {min_senders: 8}}`), checked against the catalogue.
    params: dict[str, dict[str, Any]] = Field(default_factory=dict)

    @field_validator("typologies")
    @classmethod
    def _known(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [n for n in value if n not in NAMES]
        if unknown or not value:
            raise ValueError(f"unknown typology {unknown[0]!r}; known: {', '.join(NAMES)}"
                             if unknown else "name at least one typology")
        return value

    @field_validator("params")
    @classmethod
    def _params(cls, value: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
        for name, given in value.items():
            if name not in NAMES:
                raise ValueError(f"parameters for unknown typology {name!r}")
            try:
                check_params(name, given)
            except ValidationError as exc:  # it names the parameter and its bounds
                raise ValueError(f"{name}: {exc.message}") from None
        return value


@dataclass
class TypologyRun:
    """What one firing found: per typology hits stored and new, and any partial reason."""

    job: str
    since: datetime
    until: datetime
    stored: dict[str, int] = field(default_factory=dict)
    new: dict[str, int] = field(default_factory=dict)
    partial: dict[str, str] = field(default_factory=dict)
    duration_s: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        body = asdict(self)
        body["since"], body["until"] = self.since.isoformat(), self.until.isoformat()
        return body


def run_typology_job(graph: Graph, job: TypologyJob, now: datetime | None = None
                     ) -> TypologyRun:
    """Scan each typology over the job's window and store every hit, page by page."""
    until = now or datetime.now(UTC)
    outcome = TypologyRun(job.name, until - timedelta(days=job.window_days), until)
    started = time.monotonic()
    scope = TypologyScope(since=outcome.since, until=outcome.until)
    for name in job.typologies:
        stored = new = 0
        after: str | None = None
        while True:
            page = typology_hits(graph, name, job.params.get(name), scope, MAX_PAGE, after)
            saved = store_hits(graph, page, origin=f"job:{job.name}", run_at=until)
            stored, new = stored + saved.stored, new + saved.new
            if page.partial and page.reason:
                outcome.partial[name] = page.reason
            if not page.has_next_page:
                break
            after = page.end_cursor
        outcome.stored[name], outcome.new[name] = stored, new
    outcome.duration_s = round(time.monotonic() - started, 3)
    return outcome
