"""HTTP hardening: rate limits, security headers, the /metrics gate, keyless loopback use."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from api.app import create_app
from api.auth import Role
from api.hardening import CSP
from graph.db import Graph
from scamgraph.errors import ConfigError
from scamgraph.settings import Settings
from tests.api.support import Server, auth

QUERY = {"query": '{ entity(id: "x") { id } }'}


def serve(settings: Settings, graph: Graph, static: Path) -> Iterator[httpx.Client]:
    with Server(create_app(settings, graph=graph, static=static)) as server, \
            httpx.Client(base_url=server.url, timeout=30) as http:
        yield http


@pytest.fixture
def tight(api_settings: Settings, graph: Graph, static_dir: Path) -> Iterator[httpx.Client]:
    limited = api_settings.model_copy(update={"auth_failure_limit": "5/minute",
                                              "rate_limit": "8/minute"})
    yield from serve(limited, graph, static_dir)


@pytest.fixture
def keyless(api_settings: Settings, graph: Graph, static_dir: Path) -> Iterator[httpx.Client]:
    """The newcomer's demo: no keys, loopback, anonymous analyst (the default rate limits)."""
    demo = api_settings.model_copy(update={"anonymous_role": "analyst",
                                           "rate_limit": Settings().rate_limit,
                                           "auth_failure_limit": Settings().auth_failure_limit})
    yield from serve(demo, graph, static_dir)


def test_failed_authentications_get_429_with_retry_after(tight: httpx.Client) -> None:
    bad = {"Authorization": "Bearer wrong"}
    statuses = [tight.post("/graphql", json=QUERY, headers=bad).status_code for _ in range(5)]
    assert statuses == [401] * 5
    refused = tight.post("/graphql", json=QUERY, headers=bad)
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) >= 1
    assert refused.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    assert "failed authentications" in refused.json()["errors"][0]["message"]
    # The address is blocked, whatever key it sends next, until the window moves on.
    assert tight.post("/graphql", json=QUERY, headers=auth(Role.READER)).status_code == 429


def test_requests_per_key_get_429(tight: httpx.Client) -> None:
    statuses = [tight.post("/graphql", json=QUERY, headers=auth(Role.READER)).status_code
                for _ in range(9)]
    assert statuses == [200] * 8 + [429]
    # Another key has its own window.
    assert tight.post("/graphql", json=QUERY, headers=auth(Role.ANALYST)).status_code == 200


@pytest.mark.parametrize("path", ["/", "/graphiql/", "/graphql", "/healthz"])
def test_security_headers(client: httpx.Client, path: str) -> None:
    headers = client.get(path).headers
    assert headers["Content-Security-Policy"] == CSP
    assert "frame-ancestors 'none'" in CSP and "script-src 'self';" in CSP
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"


def test_metrics_need_an_operator_key(client: httpx.Client) -> None:
    assert client.get("/metrics").status_code == 401
    reader = client.get("/metrics", headers=auth(Role.READER))
    assert reader.status_code == 403
    assert reader.json()["errors"][0]["extensions"]["code"] == "FORBIDDEN"
    operator = client.get("/metrics", headers=auth(Role.OPERATOR))
    assert operator.status_code == 200 and "scamgraph_api_requests" in operator.text


def test_metrics_public_by_setting(api_settings: Settings, graph: Graph,
                                   static_dir: Path) -> None:
    public = api_settings.model_copy(update={"metrics_public": True})
    for http in serve(public, graph, static_dir):
        assert http.get("/metrics").status_code == 200


def test_keyless_loopback_demo_keeps_working(keyless: httpx.Client) -> None:
    statuses = {keyless.post("/graphql", json=QUERY).status_code for _ in range(50)}
    assert statuses == {200}
    assert keyless.get("/healthz").json()["status"] == "ok"
    assert keyless.get("/").status_code == 200


def test_bad_rate_setting_fails_naming_the_variable(api_settings: Settings, graph: Graph) -> None:
    bad = api_settings.model_copy(update={"rate_limit": "lots"})
    with pytest.raises(ConfigError, match="SCAMGRAPH_RATE_LIMIT: 'lots' is not a rate"):
        create_app(bad, graph=graph)
