"""`scamgraph demo` refuses a busy port before the (minutes long) load, and says so."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from scamgraph.cli.demo import check_port, demo
from scamgraph.errors import PortInUseError


def test_a_busy_port_fails_before_anything_is_loaded(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCAMGRAPH_HOME", str(tmp_path))
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(demo, ["--port", str(port)])
    assert isinstance(result.exception, PortInUseError)
    assert f"127.0.0.1:{port} is in use" in result.exception.message
    assert "generating" not in result.output and "loaded" not in result.output
    assert not (tmp_path / "demo").exists()  # no scenario generated, no database started


def test_a_free_port_passes() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    check_port("127.0.0.1", port)  # raises if it cannot bind
