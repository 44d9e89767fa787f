"""API test helpers: a key per role, an executor on the real schema, uvicorn in a thread."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

import uvicorn

from api.audit import AuditLog
from api.auth import Principal, Role
from api.context import get_context
from api.schema import Schema
from graph.db import Graph
from graph.local.ports import free_port
from scamgraph.settings import Settings

KEYS = {Role.READER: "reader-key-1", Role.ANALYST: "analyst-key-2",
        Role.OPERATOR: "operator-key-3", Role.ADMIN: "admin-key-4"}


def auth(role: Role) -> dict[str, str]:
    return {"Authorization": f"Bearer {KEYS[role]}"}


class Executor:
    """Runs operations through the real schema with a context for one role."""

    def __init__(self, schema: Schema, settings: Settings, graph: Graph) -> None:
        self.schema, self.settings, self.graph = schema, settings, graph
        self.last_calls: list[str] = []

    def __call__(self, query: str, role: Role = Role.ADMIN, **variables: Any) -> Any:
        ctx = get_context(self.settings, self.graph, Principal(role, "test"),
                          AuditLog(self.settings.audit_log_path))
        result = asyncio.run(self.schema.execute(query, variable_values=variables,
                                                 context_value=ctx))
        self.last_calls = ctx.graph_calls
        return result

    def data(self, query: str, role: Role = Role.ADMIN, **variables: Any) -> Any:
        """The data of a query that must succeed without errors."""
        result = self(query, role, **variables)
        assert not result.errors, [e.formatted for e in result.errors]
        return result.data

    def codes(self, query: str, role: Role = Role.ADMIN, **variables: Any) -> list[str]:
        result = self(query, role, **variables)
        return [(e.extensions or {}).get("code") for e in result.errors or []]


class Server:
    """uvicorn serving an app on 127.0.0.1 (a free port) in a thread."""

    def __init__(self, app: Any) -> None:
        self.port = free_port()
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                ws="none", lifespan="on", loop="asyncio")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Server:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)
