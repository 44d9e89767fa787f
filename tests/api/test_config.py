"""Deployment switches: introspection, CORS, anonymous role, key parsing."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from pydantic import SecretStr

from api.app import create_app
from api.auth import KeyRing, Role, parse_keys
from graph.db import Graph
from scamgraph.errors import AuthenticationError, ConfigError
from scamgraph.settings import Settings
from tests.api.support import Server, auth

SCHEMA_QUERY = "{ __schema { queryType { name } } }"
HEADERS = {"Accept": "application/graphql-response+json", **auth(Role.READER)}


def serve(settings: Settings, graph: Graph, static: Path, **changes: object) -> Server:
    return Server(create_app(settings.model_copy(update=changes), graph=graph, static=static))


def test_introspection_toggle(api_settings: Settings, graph: Graph, tmp_path: Path) -> None:
    with serve(api_settings, graph, tmp_path, introspection=False) as off:
        response = httpx.post(f"{off.url}/graphql", json={"query": SCHEMA_QUERY}, headers=HEADERS)
        assert response.status_code == 400
        assert response.json()["errors"][0]["extensions"]["code"] == "INTROSPECTION_DISABLED"
    with serve(api_settings, graph, tmp_path, introspection=True) as on:
        response = httpx.post(f"{on.url}/graphql", json={"query": SCHEMA_QUERY}, headers=HEADERS)
        assert response.json() == {"data": {"__schema": {"queryType": {"name": "Query"}}}}


def test_cors_only_for_configured_origins(api_settings: Settings, graph: Graph,
                                          tmp_path: Path) -> None:
    preflight = {"Origin": "https://case.example", "Access-Control-Request-Method": "POST",
                 "Access-Control-Request-Headers": "authorization,content-type"}
    with serve(api_settings, graph, tmp_path, cors_origins="https://case.example") as app:
        allowed = httpx.options(f"{app.url}/graphql", headers=preflight)
        assert allowed.headers["access-control-allow-origin"] == "https://case.example"
        other = httpx.options(f"{app.url}/graphql",
                              headers={**preflight, "Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers
    with serve(api_settings, graph, tmp_path, cors_origins="") as app:
        response = httpx.options(f"{app.url}/graphql", headers=preflight)
        assert "access-control-allow-origin" not in response.headers


def test_key_parsing_and_anonymous_role(settings: Settings) -> None:
    with pytest.raises(ConfigError, match="bad entry"):
        parse_keys("root:abc")
    with pytest.raises(ConfigError):
        parse_keys("reader:")
    ring = KeyRing(settings.model_copy(update={"api_keys": SecretStr("reader:k1, admin:k2")}))
    assert ring.authenticate("Bearer k2").role is Role.ADMIN
    assert ring.authenticate("bearer k1").fingerprint not in ("k1", "")
    with pytest.raises(AuthenticationError):
        ring.authenticate(None)
    open_ring = KeyRing(settings.model_copy(update={"anonymous_role": "reader"}))
    assert open_ring.authenticate(None).role is Role.READER
    with pytest.raises(AuthenticationError):
        open_ring.authenticate("Bearer wrong")
