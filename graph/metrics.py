"""Job metrics read from the run history in the graph, for processes that do not run jobs.

The API serves /metrics but the scheduler runs the jobs in another process (another
container), so its in-process counters are empty there. This collector answers each
scrape from the IngestRun nodes instead: recorded runs per job and status, and the time of
each job's last good run. A database that does not answer yields no samples, not an error.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

from graph.db import Graph, native
from scamgraph.errors import ScamgraphError

log = logging.getLogger("scamgraph.jobs")
GOOD = ("succeeded", "unchanged")
# A scrape must stay cheap: the query gets this many seconds at most.
SCRAPE_TIMEOUT_S = 5.0


class GraphJobCollector(Collector):
    def __init__(self, graph: Graph) -> None:
        self.graph = graph

    def collect(self) -> Iterator[GaugeMetricFamily]:
        runs = GaugeMetricFamily("scamgraph_job_recorded_runs",
                                 "IngestRun nodes of each job by status (from the graph).",
                                 labels=["job", "status"])
        last = GaugeMetricFamily("scamgraph_job_last_success_recorded_timestamp_seconds",
                                 "End of each job's last succeeded or unchanged run "
                                 "(from the graph).", labels=["job"])
        try:
            rows = self.graph.read("jobs/metrics_by_job", timeout_s=SCRAPE_TIMEOUT_S)
        except ScamgraphError as exc:
            log.warning("metrics: no job history from the graph: %s", exc)
            rows = []
        best: dict[str, float] = {}
        for row in rows:
            runs.add_metric([row["job"], row["status"] or ""], float(row["runs"]))
            ended = row["last_ended_at"]
            if row["status"] in GOOD and ended is not None:
                stamp = native(ended).timestamp()
                best[row["job"]] = max(stamp, best.get(row["job"], 0.0))
        for job, stamp in sorted(best.items()):
            last.add_metric([job], stamp)
        yield runs
        yield last

    def describe(self) -> Iterator[GaugeMetricFamily]:
        return iter(())
