"""What changed: the ingest change log (ingest/changes.py), newest first, paged.

`watch` restricts to the entities saved in any investigation (their ids under
`nodes[].entity.id` of the saved JSON, api/saved_investigations.py), and adds the transfers
first seen into those of them that are wallets: transfers are append-only and never logged,
so their "added" entries are derived from TRANSFER.first_seen, newest first after the logged
changes of the page window.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from graph.db import Graph, native
from graph.investigate import convert, limits

KINDS = ("added", "asserted", "updated", "unasserted", "transfer")


@dataclass(frozen=True)
class ChangeRecord:
    at: datetime | None
    kind: str
    entity: str
    label: str | None
    field: str | None
    end: str | None
    before: Any
    after: Any
    source: str | None
    run: str | None


@dataclass(frozen=True)
class ChangePage:
    changes: tuple[ChangeRecord, ...]
    end_cursor: str | None
    has_next_page: bool


def _parsed(text: Any) -> Any:
    return json.loads(text) if isinstance(text, str) else text


def _change(props: Mapping[str, Any]) -> ChangeRecord:
    p = native(props)
    return ChangeRecord(
        at=convert.ts(p.get("at")), kind=p["kind"], entity=p["entity"], label=p.get("label"),
        field=p.get("field"), end=p.get("end"), before=_parsed(p.get("before")),
        after=_parsed(p.get("after")), source=p.get("source"), run=p.get("run"))


def watched_ids(graph: Graph) -> list[str]:
    """Entity ids saved in any investigation (nodes[].entity.id of its JSON data)."""
    found: set[str] = set()
    for row in graph.read("changes/investigation_entities"):
        try:
            data = json.loads(row["data"]) if isinstance(row["data"], str) else row["data"]
        except ValueError:
            continue  # not JSON: nothing to watch in it
        nodes = data.get("nodes") if isinstance(data, dict) else None
        for node in nodes if isinstance(nodes, list) else []:
            entity = node.get("entity") if isinstance(node, dict) else None
            if isinstance(entity, dict) and isinstance(entity.get("id"), str):
                found.add(entity["id"])
    return sorted(found)


def _transfers(graph: Graph, ids: list[str], params: dict[str, Any], limit: int
               ) -> list[ChangeRecord]:
    rows = graph.read("changes/watched_transfers", {**params, "ids": ids, "limit": limit})
    return [ChangeRecord(at=convert.ts(native(r["at"])), kind="transfer", entity=r["to"],
                         label="Wallet", field="TRANSFER", end=r["from"], before=None,
                         after={"id": r["id"], "amount": r["amount"], "asset": r["asset"]},
                         source=r["source"], run=None) for r in rows]


def _utc(value: datetime | None) -> datetime | None:
    """A bound without a zone is UTC (Neo4j compares a local datetime with a zoned one as
    null, which would silently match nothing)."""
    return value.replace(tzinfo=UTC) if value is not None and value.tzinfo is None else value


def changes(
    graph: Graph, *, since: datetime | None = None, until: datetime | None = None,
    source_id: str | None = None, kinds: Sequence[str] | None = None, watch: bool = False,
    first: int = 50, after: str | None = None,
) -> ChangePage:
    """Logged changes newest first (and with `watch`, watched wallets' new transfers)."""
    limits.check_range("first", first, 1, limits.MAX_PAGE)
    limits.check_allowed("kinds", list(kinds or ()), frozenset(KINDS))
    skip = convert.decode_cursor(after)
    ids = watched_ids(graph) if watch else None
    params: dict[str, Any] = {"since": _utc(since), "until": _utc(until), "source": source_id}
    logged_kinds = [k for k in kinds if k != "transfer"] if kinds else None
    rows: list[ChangeRecord] = []
    if logged_kinds is None or logged_kinds:
        rows = [_change(r["change"]) for r in graph.read("changes/list", {
            **params, "kinds": logged_kinds, "ids": ids, "skip": 0, "limit": skip + first + 1})]
    if ids and (not kinds or "transfer" in kinds):
        rows += _transfers(graph, ids, params, skip + first + 1)
        rows.sort(key=lambda c: (c.at is not None, c.at), reverse=True)
    page = rows[skip:skip + first]
    end = convert.encode_cursor(skip + len(page)) if page else None
    return ChangePage(changes=tuple(page), end_cursor=end, has_next_page=len(rows) > skip + first)
