"""What the app does once at startup: the objects that live as long as the process are kept
out of the garbage collector's full collections (api/app.py `freeze_startup_objects`)."""

from __future__ import annotations

import gc
from pathlib import Path

import httpx

from api.app import create_app
from graph.db import Graph
from scamgraph.settings import Settings
from tests.api.support import Server


def test_startup_objects_are_frozen_and_requests_still_answer(
        api_settings: Settings, graph: Graph, static_dir: Path) -> None:
    gc.unfreeze()  # whatever an earlier app in this test process froze
    assert gc.get_freeze_count() == 0
    with Server(create_app(api_settings, graph=graph, static=static_dir)) as server:
        frozen = gc.get_freeze_count()
        assert frozen > 1000  # the schema, the modules, the driver
        answer = httpx.get(f"{server.url}/healthz", timeout=30)
        assert answer.status_code == 200 and answer.json()["status"] == "ok"
        # Once per startup, not per request (a request would move its thousands of objects).
        assert gc.get_freeze_count() < frozen + 100
