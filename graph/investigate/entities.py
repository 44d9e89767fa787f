"""Batch entity lookup (for DataLoaders) and wallet ids.

A member of a resolved cluster (graph/resolve) answers as the cluster: its record carries
`cluster_id`, `cluster_members`, `cluster_sources` and every member's sanctions
(cypher/investigations/entities.cypher); an actor known only from tags takes its `tag_name`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from graph.db import Graph
from graph.investigate import convert
from graph.investigate.types import EntityId, EntityRecord
from graph.model import addresses
from scamgraph.errors import ValidationError

# Ids a single lookup may ask for (a DataLoader batch).
MAX_IDS = 10_000


def wallet_id(chain: str, address: str) -> EntityId:
    """The id of the wallet `address` on `chain`, with the address normalised for that chain."""
    try:
        return addresses.normalise(chain, address).wallet_id
    except ValueError as exc:
        raise ValidationError(f"address {address!r} on chain {chain!r}: {exc}",
                              hint="pass a valid address for the chain") from None


def get_entities(graph: Graph, ids: Sequence[EntityId]) -> dict[EntityId, EntityRecord]:
    """Entities by id in one query; unknown ids are absent from the result."""
    unique = list(dict.fromkeys(ids))
    if len(unique) > MAX_IDS:
        raise ValidationError(f"ids has {len(unique)} entries, more than the limit {MAX_IDS}",
                              hint="split the lookup into smaller batches")
    if not unique:
        return {}
    rows = graph.read_plain("investigations/entities", {"ids": unique})
    return {row["id"]: convert.entity(without_nulls(row)) for row in rows}


def without_nulls(row: dict[str, Any]) -> dict[str, Any]:
    """The row with null properties dropped: the queries add cluster fields (null outside a
    cluster) and a stored property is never null, so nothing real is lost."""
    return {**row, "props": {k: v for k, v in row["props"].items() if v is not None}}


def get_entity(graph: Graph, id: EntityId) -> EntityRecord | None:
    return get_entities(graph, [id]).get(id)
