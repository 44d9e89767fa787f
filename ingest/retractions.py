"""Retractions (FtM delta DEL): the rows ingest/retract.cypher takes and the changes they make.

A source withdrawing an id loses it from the `sources` of the nodes and relationships the id
names; what no source asserts any more is removed (docs/INGEST-ENTITIES.md "Deltas"). The change
log sees it as every other write: read just before the batch (cypher/ingest/retract_plan),
written in the batch's own transaction.

- `retracted`: the source came off a node or link that another source still asserts;
- `removed`: nothing asserts it any more, so it was deleted (a node still named by another
  source's link is kept as a bare placeholder: `after` is "placeholder").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graph.db import Graph
from ingest.records import Retraction

Change = dict[str, Any]
MakeChange = Callable[..., Change]


def retraction_params(batch: list[Retraction]) -> dict[str, Any]:
    """ingest/retract's parameters for a batch: what to look up, merged, so the unindexed
    lookups (wallets by `ftm_ids`, relationships by key) scan once per batch."""
    return {
        "ids": sorted({i for r in batch for i in r.node_ids}),
        "ftm_refs": sorted({r.ref for r in batch if r.labels}),
        "key_refs": sorted({r.ref for r in batch if r.link_types}),
        "types": sorted({t for r in batch for t in r.link_types}),
        "rows": [{"ref": r.ref, "ids": list(r.node_ids)} for r in batch],
    }


def missing(params: dict[str, Any], hits: list[str]) -> int:
    """The DELs of a batch that named nothing the source asserted (`hits`: ingest/retract's)."""
    found = set(hits)
    return sum(1 for row in params["rows"]
               if row["ref"] not in found and not found.intersection(row["ids"]))


def retraction_changes(graph: Graph, source: str, params: dict[str, Any],
                       change: MakeChange) -> list[Change]:
    """The `retracted` / `removed` changes ingest/retract will make with `params` for `source`;
    `change` is the log's one change shape (ingest.changes.change, which imports this)."""
    plan = graph.read("ingest/retract_plan", {**params, "source": source})
    found: list[Change] = []
    seen_nodes: set[str] = set()
    seen_links: set[tuple[str, str, str, str]] = set()
    for row in plan:
        for link in row["links"]:
            key = (link["start"], link["end"], link["type"], link["key"] or "")
            if key in seen_links:
                continue
            seen_links.add(key)
            kind = _kind(link["sources"], source)
            found.append(change(kind, link["start"], field=link["type"], end=link["end"]))
        for node in row["nodes"]:
            if node["id"] in seen_nodes:
                continue
            seen_nodes.add(node["id"])
            kind = _kind(node["sources"], source)
            after = "placeholder" if kind == "removed" and node["held"] else None
            found.append(change(kind, node["id"], label=node["label"], before=node["name"],
                                after=after))
    return found


def _kind(sources: list[str] | None, source: str) -> str:
    return "retracted" if [s for s in sources or [] if s != source] else "removed"
