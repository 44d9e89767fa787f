"""`scamgraph demo` the way the README runs it, as a process: it loads, serves the browser
without a key, the first printed curl example answers as printed, and Ctrl+C (SIGINT) stops
the local Neo4j the demo started, saying so."""

from __future__ import annotations

import json
import os
import shlex
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from graph.local import LocalNeo4j
from graph.local.ports import free_port
from scamgraph.settings import load_settings

ROOT = Path(__file__).resolve().parents[2]
SCAMGRAPH = Path(sys.executable).with_name("scamgraph")
READY_S, STOP_S = 600.0, 120.0  # bounded waits: a busy CI machine, a JVM to start and load


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[tuple[subprocess.Popen[str], int, Path]]:
    """The demo process (its output in tmp_path/demo.log, its state in tmp_path/state)."""
    port = free_port()
    env = {**os.environ, "SCAMGRAPH_HOME": str(tmp_path / "state"), "SCAMGRAPH_NEO4J_URI": "",
           "SCAMGRAPH_LOCAL_BOLT_PORT": str(free_port()), "SCAMGRAPH_LOCAL_HTTP_PORT": "0",
           "SCAMGRAPH_LOCAL_HEAP": "512m", "SCAMGRAPH_LOCAL_PAGECACHE": "128m",
           "SCAMGRAPH_API_KEYS": ""}
    out = tmp_path / "demo.log"
    with out.open("w") as log:
        proc = subprocess.Popen([str(SCAMGRAPH), "demo", "--port", str(port), "--scale", "2000"],
                                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
                                text=True)
    try:
        yield proc, port, out
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=STOP_S)
        LocalNeo4j(load_settings(home=tmp_path / "state", neo4j_uri="")).stop()


def _ready(port: int, proc: subprocess.Popen[str]) -> bool:
    end = time.monotonic() + READY_S
    while time.monotonic() < end and proc.poll() is None:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/session", timeout=5).status_code == 200:
                return True
        except httpx.HTTPError:
            pass
        time.sleep(1)
    return False


def test_demo_serves_keyless_and_ctrl_c_stops_its_neo4j(
        demo: tuple[subprocess.Popen[str], int, Path], tmp_path: Path) -> None:
    proc, port, out = demo
    assert _ready(port, proc), out.read_text()[-2000:]
    session = httpx.get(f"http://127.0.0.1:{port}/session", timeout=10).json()
    assert session == {"role": "analyst", "anonymous": True}
    # The first printed example, run exactly as printed (its body; curl is not needed here).
    printed = next(line for line in out.read_text().splitlines() if line.startswith("curl "))
    words = shlex.split(printed)
    body = json.loads(words[words.index("-d") + 1])
    answer = httpx.post(words[2], json=body, timeout=60).json()
    assert "errors" not in answer and answer["data"], answer
    server = LocalNeo4j(load_settings(home=tmp_path / "state", neo4j_uri=""))
    assert server.pid() is not None, "the demo started no local Neo4j"
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=STOP_S) == 0  # Ctrl+C is the demo's normal end
    text = out.read_text()
    assert "stopping the local Neo4j the demo started" in text, text[-2000:]
    assert server.pid() is None
