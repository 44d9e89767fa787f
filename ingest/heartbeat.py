"""Heartbeats of live runs, and the sweep that marks runs whose process died as "abandoned".

A run that is killed (SIGKILL, OOM, a host gone) or cut off by a database crash cannot write
its own end: its IngestRun would read "running" forever. So a live run beats: a thread sets
`heartbeat_at` every `run_heartbeat_s` seconds (and the job lock is renewed the same way).
Whoever starts next (an ingest, a job run, the scheduler) sweeps: a "running" run silent for
MISSED_BEATS of its own intervals is set to "abandoned", ended at its last heartbeat.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from types import TracebackType

from graph.db import Graph
from scamgraph.errors import ScamgraphError

log = logging.getLogger("scamgraph.ingest")
# Heartbeats a run may miss before it is taken as dead (one late beat is not a death).
MISSED_BEATS = 3


class Heartbeat:
    """Calls `beat` every `interval_s` seconds in a daemon thread until the block ends."""

    def __init__(self, what: str, interval_s: float, beat: Callable[[], object]) -> None:
        self.what, self.interval_s, self.beat = what, interval_s, beat
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name=f"heartbeat-{what}", daemon=True)
        self.beats = 0

    def _loop(self) -> None:
        while not self._stop.wait(self.interval_s):
            try:
                self.beat()
                self.beats += 1
            except ScamgraphError as exc:
                # A missed beat is survivable: the next one may get through (Neo4j restarting).
                log.warning("heartbeat of %s failed: %s", self.what, exc)

    def __enter__(self) -> Heartbeat:
        self._thread.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self._stop.set()
        self._thread.join(timeout=max(5.0, self.interval_s))


def run_heartbeat(graph: Graph, run_id: str, interval_s: float) -> Heartbeat:
    """A heartbeat that keeps IngestRun `run_id`'s `heartbeat_at` current while it runs."""
    return Heartbeat(f"run {run_id}", interval_s,
                     lambda: graph.write("ingest/run_heartbeat", {"id": run_id}))


def abandon_stale(graph: Graph, default_interval_s: float) -> list[str]:
    """Mark "running" runs that stopped beating as "abandoned"; the ids marked.

    Each run is judged by the interval it recorded (runs from before heartbeats by
    `default_interval_s`, from their start).
    """
    rows = graph.write("ingest/run_abandon", {"missed": MISSED_BEATS,
                                              "default_s": default_interval_s}).records
    ids = [str(row["id"]) for row in rows]
    if ids:
        log.warning("marked %d run(s) abandoned (their process stopped beating): %s",
                    len(ids), ", ".join(ids))
    return ids
