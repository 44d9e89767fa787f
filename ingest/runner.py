"""Run one ingest: source -> reader -> records -> GraphSink, plus Source, IngestRun, quarantine.

`run_ingest(graph, fmt, source, *, settings, dry_run=False, options=None) -> RunSummary` is the
one entry point (the CLI and the scheduler both call it; keep the signature stable). `source` is
a path, an http(s) URL or "-" (stdin); `options` are the format's options plus `source`, the
Source id to record (default "<format>:<file name or URL>"; a scheduled job should pass its
name, so every run of the job lands on one Source). It raises InputError when the file cannot
be parsed at all (the IngestRun is then marked "failed" with the error, as for a database
error mid-run), and DownloadError when a URL cannot be fetched (before any IngestRun exists).

A file that cannot be parsed at all must leave the graph as it was. Formats whose reader can
only fail before its first record (module flag SINGLE_PASS) are validated and written in one
streaming pass; every other format is read twice, a validation pass that writes the
quarantine and nothing else, then the write pass. Both passes stream, so memory stays flat.
The failed run is recorded (status "failed", the error); no entity, wallet or link is touched.
"""

from __future__ import annotations

import contextlib
import tempfile
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from graph.db import Graph
from graph.resolve import sync_same_as
from ingest.collector import rarer_collections
from ingest.fetch import Materialised, cleanup, materialise
from ingest.formats import SourceInput, load_reader, single_pass
from ingest.formats.base import Item, Reader
from ingest.heartbeat import abandon_stale, run_heartbeat
from ingest.limits import QuarantineLimit, parse_limit
from ingest.quarantine import DuplicateWindow, Quarantine
from ingest.records import Record, Rejected
from ingest.sink import GraphSink
from ingest.summary import RunSummary
from scamgraph.errors import ScamgraphError, ValidationError
from scamgraph.settings import Settings


class Progress(Protocol):
    """progress(phase, records read, quarantined so far): phase is "validate" or "write"."""

    def __call__(self, phase: str, done: int, quarantined: int = 0) -> None: ...
PROGRESS_EVERY = 1000


@dataclass
class Tally:
    read: int = 0
    quarantined: int = 0


def source_id_for(fmt: str, given: Materialised, options: Mapping[str, str]) -> str:
    """The Source id: option `source`, else format plus URL, file name or "stdin"."""
    if options.get("source"):
        return options["source"]
    label = given.url or ("stdin" if given.name == "<stdin>" else given.path.name)
    return f"{fmt}:{label}"


def new_summary(fmt: str, given: Materialised, options: Mapping[str, str]) -> RunSummary:
    """A running summary with a fresh run id (time-ordered, then random)."""
    started = datetime.now(UTC)
    return RunSummary(
        run_id=f"{started:%Y%m%dT%H%M%S}Z-{uuid.uuid4().hex[:8]}", format=fmt,
        source_id=source_id_for(fmt, given, options), source=given.name, sha256=given.sha256,
        started_at=started,
    )


def run_ingest(
    graph: Graph | None, fmt: str, source: str | Path, *, settings: Settings,
    dry_run: bool = False, options: Mapping[str, str] | None = None,
    progress: Progress | None = None, max_quarantined: str | None = None,
) -> RunSummary:
    """Ingest `source` (path, http(s) URL or "-") in format `fmt`; a dry run needs no graph.

    `max_quarantined` ("N" or "P%", ingest/limits.py) fails the run after a validation pass,
    before anything is written, when more records than that are quarantined."""
    if graph is None and not dry_run:
        raise ValidationError("a graph is needed unless dry_run is set")
    reader, opts, limit = load_reader(fmt), dict(options or {}), parse_limit(max_quarantined)
    if graph is not None and not dry_run:
        abandon_stale(graph, settings.run_heartbeat_s)  # earlier runs whose process died
    workdir = Path(tempfile.mkdtemp(prefix="scamgraph-ingest-"))
    try:
        with rarer_collections():
            given = materialise(source, workdir)
            summary = new_summary(fmt, given, opts)
            run = _Run(graph if not dry_run else None, reader, summary, settings, progress)
            run.limit = limit
            run.execute(SourceInput(path=given.path, name=given.name, options=opts), given,
                        validate_first=dry_run or not single_pass(fmt) or limit is not None)
            return summary
    finally:
        cleanup(workdir)


def accepted(
    items: Iterator[Item], quarantine: Quarantine | None, tally: Tally,
    phase: str, progress: Progress | None,
) -> Iterator[Record]:
    """Accepted records; rejected and duplicated ones are counted (and quarantined if given)."""
    window = DuplicateWindow()
    for item in items:
        tally.read += 1
        if progress and tally.read % PROGRESS_EVERY == 0:
            progress(phase, tally.read, tally.quarantined)
        bad = item if isinstance(item, Rejected) else window.duplicate(item)
        if bad is None:
            yield item  # type: ignore[misc]  # not Rejected: checked above
            continue
        tally.quarantined += 1
        if quarantine is not None:
            quarantine.add(bad)
    if progress:
        progress(phase, tally.read, tally.quarantined)


class _Run:
    """One run's passes and bookkeeping; `graph` is None for a dry run."""

    def __init__(self, graph: Graph | None, reader: Reader, summary: RunSummary,
                 settings: Settings, progress: Progress | None) -> None:
        self.graph, self.reader, self.summary = graph, reader, summary
        self.settings, self.progress = settings, progress
        self.quarantine = quarantine_for(settings, summary)
        self.limit: QuarantineLimit | None = None

    def execute(self, src: SourceInput, given: Materialised, *, validate_first: bool) -> None:
        self._open(given)
        try:
            with self._beating():
                if validate_first:
                    self._validate(src)
                    if self.limit is not None:
                        self.limit.check(self.summary.read, self.summary.quarantined)
                if self.graph is not None:
                    self._write(self.graph, src, quarantine=not validate_first)
                    sync_same_as(self.graph)  # a judged member this run brought in
        except ScamgraphError as exc:
            self._close("failed", str(exc))
            raise
        except Exception as exc:
            self._close("failed", f"{type(exc).__name__}: {exc}")
            raise
        self._close("succeeded" if self.graph is not None else "dry-run", None)

    def _open(self, given: Materialised) -> None:
        """Record the Source and a running IngestRun (not in a dry run)."""
        if self.graph is not None:
            record_start(self.graph, self.summary, given,
                         heartbeat_s=self.settings.run_heartbeat_s)

    def _beating(self) -> contextlib.AbstractContextManager[object]:
        """While the run lives, its IngestRun's heartbeat (a dry run records nothing)."""
        return contextlib.nullcontext() if self.graph is None else run_heartbeat(
            self.graph, self.summary.run_id, self.settings.run_heartbeat_s)

    def _validate(self, src: SourceInput) -> None:
        """Read the whole file, writing only the quarantine; InputError if it does not parse."""
        tally = Tally()
        for _ in accepted(self.reader(src), self.quarantine, tally, "validate", self.progress):
            pass
        self.summary.read, self.summary.quarantined = tally.read, tally.quarantined
        self.summary.written = 0

    def _write(self, graph: Graph, src: SourceInput, *, quarantine: bool) -> None:
        """The write pass; in single-pass mode it also fills the quarantine."""
        tally = Tally()
        target = self.quarantine if quarantine else None
        sink = GraphSink(graph, source_id=self.summary.source_id, now=self.summary.started_at,
                         batch_size=self.settings.batch_size,
                         retention_days=self.settings.changes_retention_days)
        try:
            with sink:
                for rec in accepted(self.reader(src), target, tally, "write", self.progress):
                    sink.add(rec)
                sink.close()
        finally:
            # Also when the file fails mid-way (after the sink has drained): the IngestRun
            # shows what was committed, not 0.
            s = self.summary
            s.read, s.quarantined, s.written = tally.read, tally.quarantined, sink.counts.written
            s.created, s.updated = sink.counts.created, sink.counts.updated
            s.retracted, s.removed = sink.counts.retracted, sink.counts.removed
            s.retracted_missing = sink.counts.retracted_missing

    def _close(self, status: str, error: str | None) -> None:
        conclude(self.summary, self.quarantine, status, error)
        if self.graph is not None:
            record_end(self.graph, self.summary)


def quarantine_for(settings: Settings, summary: RunSummary) -> Quarantine:
    """The run's quarantine report, <home>/quarantine/<run id>.jsonl (opened on first reject)."""
    return Quarantine(settings.home / "quarantine" / f"{summary.run_id}.jsonl", summary.source)


def conclude(summary: RunSummary, quarantine: Quarantine, status: str, error: str | None) -> None:
    """Close the quarantine and end the summary with `status`."""
    quarantine.close()
    summary.reasons = dict(quarantine.reasons.most_common())
    summary.quarantine_path = quarantine.path if quarantine.written else None
    summary.finish(status, error)


def record_start(graph: Graph, summary: RunSummary, given: Materialised, *,
                 heartbeat_s: float | None = None) -> None:
    """The Source and a running IngestRun beating every `heartbeat_s` s (None: ends at once)."""
    graph.write("ingest/source", {"id": summary.source_id, "name": given.name,
                                  "format": summary.format, "url": given.url})
    graph.write("ingest/run_start", {"id": summary.run_id, "source_id": summary.source_id,
                                     "props": summary.run_props(),
                                     "heartbeat_s": heartbeat_s})


def record_end(graph: Graph, summary: RunSummary) -> None:
    """The IngestRun's status, end time, counts and error."""
    graph.write("ingest/run_end", {"id": summary.run_id, "props": summary.run_props()})
