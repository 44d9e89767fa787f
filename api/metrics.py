"""Prometheus metrics of API requests, on the default registry that /metrics serves."""

from __future__ import annotations

from prometheus_client import Counter, Histogram

REQUESTS = Counter("scamgraph_api_requests", "GraphQL requests by HTTP status and role.",
                   ["status", "role"])
DURATION = Histogram("scamgraph_api_request_duration_seconds", "Wall time of a GraphQL request.",
                     buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30))


def observe(status: int, role: str, seconds: float) -> None:
    REQUESTS.labels(str(status), role).inc()
    DURATION.observe(seconds)
