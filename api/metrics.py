"""Prometheus metrics of API requests, and the /metrics app that serves the default registry.

Everything registers on prometheus_client's default registry, so one /metrics shows it all:
the API's request metrics, the job metrics of a process that also runs jobs, and, given a
graph, each job's recorded history (`graph.metrics`), which is how the API sees jobs that
the scheduler runs in another process.
"""

from __future__ import annotations

import asyncio
from typing import Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)

from graph.db import Graph
from graph.metrics import GraphJobCollector

REQUESTS = Counter("scamgraph_api_requests", "GraphQL requests by HTTP status and role.",
                   ["status", "role"])
DURATION = Histogram("scamgraph_api_request_duration_seconds", "Wall time of a GraphQL request.",
                     buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30))


def observe(status: int, role: str, seconds: float) -> None:
    REQUESTS.labels(str(status), role).inc()
    DURATION.observe(seconds)


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
