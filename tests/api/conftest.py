"""API fixtures: settings with one key per role, an executor on the real schema, a live server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from pydantic import SecretStr

from api.app import create_app
from api.schema import build_schema
from graph.db import Graph
from scamgraph.settings import Settings
from tests.api.support import KEYS, Executor, Server


@pytest.fixture
def api_settings(settings: Settings, tmp_path: Path) -> Settings:
    keys = ",".join(f"{role.label}:{key}" for role, key in KEYS.items())
    return settings.model_copy(update={
        "api_keys": SecretStr(keys), "audit_log": tmp_path / "audit.jsonl",
        "max_query_depth": 12, "max_aliases": 20, "max_tokens": 2000, "max_query_cost": 10_000,
        "introspection": True, "cors_origins": "", "anonymous_role": "",
        # Tests send many requests from one address; test_hardening sets tight limits itself.
        "rate_limit": "", "auth_failure_limit": "", "metrics_public": False,
    })


@pytest.fixture
def gql(api_settings: Settings, graph: Graph) -> Executor:
    return Executor(build_schema(api_settings), api_settings, graph)


@pytest.fixture
def static_dir(tmp_path: Path) -> Path:
    """A stand-in for the web build: an index page and a GraphiQL page, no CDN."""
    (tmp_path / "static" / "graphiql").mkdir(parents=True)
    (tmp_path / "static" / "index.html").write_text("<h1>scamgraph browser</h1>")
    (tmp_path / "static" / "graphiql" / "index.html").write_text("<h1>local graphiql</h1>")
    return tmp_path / "static"


@pytest.fixture
def client(api_settings: Settings, graph: Graph, static_dir: Path) -> Iterator[httpx.Client]:
    """An HTTP client against uvicorn on 127.0.0.1 serving the real app."""
    with Server(create_app(api_settings, graph=graph, static=static_dir)) as server, \
            httpx.Client(base_url=server.url, timeout=30) as http:
        yield http
