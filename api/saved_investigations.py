"""Saved investigations: (:Investigation) bookkeeping nodes written through cypher/api/."""

from __future__ import annotations

import json
import uuid
from typing import Any

from graph.db import Graph
from scamgraph.errors import ValidationError

# A saved investigation is browser state, not a data dump.
MAX_DATA_BYTES = 1_000_000


def save_investigation(graph: Graph, name: str, data: Any, created_by: str) -> dict[str, Any]:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    if not name.strip():
        raise ValidationError("investigation name is empty", hint="give the investigation a name")
    if len(text.encode()) > MAX_DATA_BYTES:
        raise ValidationError(f"investigation data is above {MAX_DATA_BYTES} bytes",
                              hint="save the selection, not the whole graph")
    params = {"id": uuid.uuid4().hex, "name": name.strip(), "data": text, "created_by": created_by}
    return graph.write("api/save_investigation", params).records[0]


def get_investigation(graph: Graph, id: str) -> dict[str, Any] | None:
    rows = graph.read("api/get_investigation", {"id": id})
    return rows[0] if rows else None


def list_investigations(graph: Graph, first: int) -> list[dict[str, Any]]:
    return graph.read("api/list_investigations", {"first": first})
