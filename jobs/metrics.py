"""Prometheus metrics for job runs, on the default registry so one /metrics shows them all.

The scheduler process serves them with `--metrics-port`; the API mounts `metrics_app()`
at /metrics, where the API's own request metrics (same default registry) appear too.
"""

from __future__ import annotations

import asyncio
from typing import Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    start_http_server,
)

from graph.db import Graph
from jobs.graph_metrics import GraphJobCollector

RUNS = Counter("scamgraph_job_runs", "Job runs by job and status "
               "(succeeded, unchanged, failed, locked).", ["job", "status"])
DURATION = Histogram("scamgraph_job_duration_seconds", "Wall time of a job run (fetch and ingest).",
                     ["job"], buckets=(0.5, 1, 5, 15, 60, 300, 900, 1800, 3600, 7200))
LAST_SUCCESS = Gauge("scamgraph_job_last_success_timestamp_seconds",
                     "Unix time of the job's last succeeded or unchanged run.",
                     ["job"])
RECORDS = Counter("scamgraph_job_records_ingested", "Records written by job runs.", ["job"])
QUARANTINED = Counter("scamgraph_job_records_quarantined", "Records rejected by job runs.", ["job"])


def observe(job: str, status: str, duration_s: float, written: int = 0, quarantined: int = 0,
            ended_at: float | None = None) -> None:
    """Count one finished run."""
    RUNS.labels(job, status).inc()
    if status == "locked":
        return
    DURATION.labels(job).observe(duration_s)
    RECORDS.labels(job).inc(written)
    QUARANTINED.labels(job).inc(quarantined)
    if status in ("succeeded", "unchanged") and ended_at is not None:
        LAST_SUCCESS.labels(job).set(ended_at)


class MetricsApp:
    """An ASGI app serving the default registry plus, given a graph, the jobs' recorded history.

    The graph is the one passed in, else the host app's `app.state.graph` (starlette puts
    the app in the ASGI scope), so it can be built before the app's lifespan opens the graph.
    An object rather than a function, so starlette treats it as an app, not an endpoint:
    `Route("/metrics", endpoint=metrics_app())` and `Mount("/metrics", app=...)` both work."""

    def __init__(self, graph: Graph | None = None) -> None:
        self.graph = graph

    def body(self, graph: Graph | None) -> bytes:
        text = generate_latest(REGISTRY)
        if graph is None:
            return text
        extra = CollectorRegistry(auto_describe=False)
        extra.register(GraphJobCollector(graph))
        return text + generate_latest(extra)

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        graph = self.graph or _app_graph(scope)
        # The graph query blocks; keep it off the event loop.
        body = await asyncio.to_thread(self.body, graph)
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", CONTENT_TYPE_LATEST.encode())]})
        await send({"type": "http.response.body", "body": body})


def _app_graph(scope: Any) -> Graph | None:
    state = getattr(scope.get("app"), "state", None)
    graph = getattr(state, "graph", None)
    return graph if isinstance(graph, Graph) else None


def metrics_app(graph: Graph | None = None) -> MetricsApp:
    """The /metrics ASGI app; with a graph (given, or the app's state) it also reports
    each job's recorded history."""
    return MetricsApp(graph)


def serve(port: int, host: str = "127.0.0.1") -> None:
    """Serve the metrics over HTTP from a daemon thread (the scheduler process)."""
    start_http_server(port, addr=host)
