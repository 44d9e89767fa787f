"""Test fixtures: one real local Neo4j per test session, cleared between tests.

The server lives in its own state directory (SCAMGRAPH_TEST_HOME, default
.test-state/) on its own Bolt port (SCAMGRAPH_TEST_BOLT_PORT, default 17687), so
it never touches a user's local database. Jars are shared through the usual cache.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph import migrate
from graph.connect import open_graph
from graph.db import Graph
from graph.local import LocalNeo4j
from graph.maintenance import clear_data
from scamgraph.settings import Settings, get_settings, load_settings

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _test_settings() -> Settings:
    home = Path(os.environ.get("SCAMGRAPH_TEST_HOME", ROOT / ".test-state"))
    port = int(os.environ.get("SCAMGRAPH_TEST_BOLT_PORT", "17687"))
    return load_settings(
        home=home, neo4j_uri="", neo4j_password="", local_bolt_port=port, local_http_port=0,
        local_heap="1g", local_pagecache="256m", api_keys="",
    )


@pytest.fixture(scope="session")
def settings() -> Settings:
    return _test_settings()


@pytest.fixture(scope="session")
def neo4j_server(settings: Settings) -> Iterator[LocalNeo4j]:
    server = LocalNeo4j(settings)
    started_here = server.pid() is None
    server.start()
    yield server
    if started_here:
        server.stop()


@pytest.fixture(scope="session")
def session_graph(settings: Settings, neo4j_server: LocalNeo4j) -> Iterator[Graph]:
    with open_graph(settings, start_local=False) as graph:
        migrate.migrate(graph)
        yield graph


@pytest.fixture
def graph(session_graph: Graph) -> Graph:
    """The test database, emptied of data (schema kept) before each test."""
    clear_data(session_graph)
    return session_graph


@pytest.fixture
def runner(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Iterator[CliRunner]:
    """An in-process CLI runner whose settings point at the test database."""
    monkeypatch.setenv("SCAMGRAPH_HOME", str(settings.home))
    monkeypatch.setenv("SCAMGRAPH_LOCAL_BOLT_PORT", str(settings.local_bolt_port))
    monkeypatch.setenv("SCAMGRAPH_LOCAL_HTTP_PORT", "0")
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def pytest_report_header(config: pytest.Config) -> list[str]:
    settings = _test_settings()
    return [f"neo4j: local Community {settings.local_neo4j_version} (Maven Central jars), "
            f"state {settings.local_home}, bolt 127.0.0.1:{settings.local_bolt_port}"]
