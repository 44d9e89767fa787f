"""Two server starts never recover a killed bulk load at once (graph/local/recovery.py)."""

from __future__ import annotations

import fcntl
import threading
from pathlib import Path

from graph.local import LocalNeo4j
from graph.local.ports import free_port
from graph.local.recovery import recover
from scamgraph.settings import load_settings


def test_two_starts_never_recover_at_once(tmp_path: Path) -> None:
    """While one process holds the recovery lock, another start's `recover` waits for it."""
    settings = load_settings(home=tmp_path, neo4j_uri="", local_bolt_port=free_port())
    server = LocalNeo4j(settings)
    finished = threading.Event()
    waiter = threading.Thread(target=lambda: (recover(server), finished.set()))
    path = server.home / "run" / "bulk-recovery.lock"
    path.parent.mkdir(parents=True)
    with path.open("a") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # as a recovering `db start` holds it
        waiter.start()
        assert not finished.wait(1.0), "recover ran while another recovery held the lock"
        fcntl.flock(held, fcntl.LOCK_UN)
    waiter.join(10)
    assert finished.is_set()  # no journal: nothing to do once the lock is free
