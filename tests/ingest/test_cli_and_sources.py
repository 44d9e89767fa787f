"""`scamgraph ingest` as a real subprocess, and sources given as stdin and as an http(s) URL."""

from __future__ import annotations

import functools
import hashlib
import http.server
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator

import pytest

from graph.db import Graph
from scamgraph.errors import DownloadError
from scamgraph.settings import Settings
from tests.conftest import FIXTURES
from tests.ingest.helpers import counts, fixture, ingest

PAGES = fixture("trongrid/usdt_pages.jsonl")


def _cli(settings: Settings, *args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "SCAMGRAPH_HOME": str(settings.home),
           "SCAMGRAPH_LOCAL_BOLT_PORT": str(settings.local_bolt_port),
           "SCAMGRAPH_LOCAL_HTTP_PORT": "0", "SCAMGRAPH_NEO4J_URI": ""}
    cmd = [sys.executable, "-m", "scamgraph", "ingest", *args]
    return subprocess.run(cmd, env=env, input=stdin, capture_output=True, timeout=180)


def test_cli_reads_stdin_and_prints_json_summary(graph: Graph, settings: Settings) -> None:
    out = _cli(settings, "trongrid", "-", "-o", "source=crawler", stdin=PAGES.read_bytes())
    assert out.returncode == 0, out.stderr.decode()
    summary = json.loads(out.stdout.decode().splitlines()[-1])
    assert {k: summary[k] for k in ("read", "written", "quarantined", "status", "source_id")} == {
        "read": 7, "written": 5, "quarantined": 2, "status": "succeeded", "source_id": "crawler"}
    assert summary["sha256"] == hashlib.sha256(PAGES.read_bytes()).hexdigest()
    assert summary["duration_s"] > 0 and summary["rate_per_s"] > 0 and summary["run_id"]
    assert summary["quarantine"].endswith(f"{summary['run_id']}.jsonl")
    assert counts(graph, data_only=True)["relationship:TRANSFER"] == 5


def test_cli_dry_run_and_errors(graph: Graph, settings: Settings) -> None:
    out = _cli(settings, "compounds", str(fixture("compounds/compounds.geojson")), "--dry-run")
    assert out.returncode == 0, out.stderr.decode()
    assert json.loads(out.stdout.decode().splitlines()[-1])["status"] == "dry-run"
    assert not {"node:Entity", "node:Source", "node:IngestRun"} & set(counts(graph))
    missing = _cli(settings, "compounds", "/nonexistent/file.geojson")
    assert missing.returncode == 65 and b"no such file" in missing.stderr
    bad_option = _cli(settings, "compounds", str(PAGES), "-o", "novalue")
    assert bad_option.returncode != 0 and b"KEY=VALUE" in bad_option.stderr


@pytest.fixture
def fixture_server() -> Iterator[str]:
    """The publisher's server stand-in: fixtures served over HTTP on loopback."""
    handler = functools.partial(_QuietHandler, directory=str(FIXTURES))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def test_url_source_is_downloaded_and_hashed(
    graph: Graph, settings: Settings, fixture_server: str
) -> None:
    url = f"{fixture_server}/trongrid/usdt_pages.jsonl"
    summary = ingest(graph, settings, "trongrid", url)
    assert (summary.source, summary.source_id, summary.written) == (url, f"trongrid:{url}", 5)
    assert summary.sha256 == hashlib.sha256(PAGES.read_bytes()).hexdigest()
    with pytest.raises(DownloadError, match="404"):
        ingest(graph, settings, "trongrid", f"{fixture_server}/missing.jsonl")
