"""The cases bench/peer_api.py times: the same question asked of our API and of the
@neo4j/graphql peer (bench/peers/neo4j-graphql), and what each answer's ids are, so the bench can
refuse to time two APIs that answer different data.

Each `ids` function turns one side's `data` into a comparable value (ids, in answer order where
the order is part of the question); `size` counts the nodes and edges of a payload.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Data = dict[str, Any]


@dataclass(frozen=True)
class Case:
    name: str
    ours: str
    peer: str
    ours_ids: Callable[[Data], Any]
    peer_ids: Callable[[Data], Any]


ENTITY_OURS = """query($id: ID!) { entity(id: $id) { id name
  ... on Organization { kinds aliases country website } } }"""
ENTITY_PEER = """query($id: ID!) { organizations(where: {id: {eq: $id}}) {
  id name kinds aliases country website } }"""

# An organisation's (first 20) wallets by id, each with its 10 newest outgoing transfers (time,
# then id: both APIs' order); 20 x 10 fits our default query cost limit.
ORG_OURS = """query($id: ID!) { entity(id: $id) { id ... on Organization {
  wallets(first: 20) { edges { node { id ... on Wallet {
    transfers(direction: OUT, first: 10) { edges { node { id toId amount ts } } } } } } } } } }"""
ORG_PEER = """query($id: ID!) { organizations(where: {id: {eq: $id}}) { id
  wallets(sort: [{id: ASC}], limit: 20) { id
    sentConnection(first: 10, sort: [{edge: {ts: DESC}}, {edge: {id: ASC}}]) {
      edges { properties { id amount ts } node { id } } } } } }"""

TRANSFERS_OURS = """query($id: ID!) { entity(id: $id) { id ... on Wallet {
  transfers(direction: OUT, first: 20) { edges { node {
    id tx toId asset amount amountRaw ts } } } } } }"""
TRANSFERS_PEER = """query($id: ID!) { wallets(where: {id: {eq: $id}}) { id
  sentConnection(first: 20, sort: [{edge: {ts: DESC}}, {edge: {id: ASC}}]) {
    edges { properties { id tx asset amount amount_raw ts } node { id } } } } }"""

# A group's 2-hop neighbourhood over ownership and attribution: its subsidiaries and their
# wallets (a tree: TREE and ALL give the same edges, and the peer's nesting gives each once).
HOOD_OURS = """query($id: ID!) { neighbourhood(id: $id, depth: 2, limit: 1000, edges: TREE,
  relTypes: ["SUBSIDIARY_OF", "CONTROLLED_BY"]) {
  partial nodes { id name } edges { type startId endId } } }"""
HOOD_PEER = """query($id: ID!) { organizations(where: {id: {eq: $id}}) { id name
  subsidiaries { id name wallets { id } } } }"""


def _ours_entity(data: Data) -> Any:
    return data["entity"]["id"] if data["entity"] else None


def _peer_entity(data: Data) -> Any:
    return data["organizations"][0]["id"] if data["organizations"] else None


def _ours_org(data: Data) -> Any:
    wallets = data["entity"]["wallets"]["edges"]
    return [(w["node"]["id"], [t["node"]["id"] for t in w["node"]["transfers"]["edges"]])
            for w in wallets]


def _peer_org(data: Data) -> Any:
    wallets = data["organizations"][0]["wallets"]
    return [(w["id"], [t["properties"]["id"] for t in w["sentConnection"]["edges"]])
            for w in wallets]


def _ours_transfers(data: Data) -> Any:
    return [(t["node"]["id"], t["node"]["toId"])
            for t in data["entity"]["transfers"]["edges"]]


def _peer_transfers(data: Data) -> Any:
    return [(t["properties"]["id"], t["node"]["id"])
            for t in data["wallets"][0]["sentConnection"]["edges"]]


def _ours_hood(data: Data) -> Any:
    hood = data["neighbourhood"]
    if hood["partial"]:
        raise AssertionError("our neighbourhood was cut by its limit")
    nodes = sorted(n["id"] for n in hood["nodes"])
    return nodes, sorted((e["startId"], e["type"], e["endId"]) for e in hood["edges"])


def _peer_hood(data: Data) -> Any:
    group = data["organizations"][0]
    nodes, edges = [group["id"]], []
    for sub in group["subsidiaries"]:
        nodes.append(sub["id"])
        edges.append((sub["id"], "SUBSIDIARY_OF", group["id"]))
        for w in sub["wallets"]:
            nodes.append(w["id"])
            edges.append((w["id"], "CONTROLLED_BY", sub["id"]))
    return sorted(nodes), sorted(edges)


CASES = {
    "entity": Case("entity by id", ENTITY_OURS, ENTITY_PEER, _ours_entity, _peer_entity),
    "org": Case("org -> wallets -> transfers", ORG_OURS, ORG_PEER, _ours_org, _peer_org),
    "transfers": Case("wallet's first 20 transfers", TRANSFERS_OURS, TRANSFERS_PEER,
                      _ours_transfers, _peer_transfers),
    "hood": Case("2-hop neighbourhood", HOOD_OURS, HOOD_PEER, _ours_hood, _peer_hood),
}


def size(value: Any) -> str:
    """Nodes and edges in a compared value, for the report (a payload's shape)."""
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], list):
        return f"{len(value[0])} nodes, {len(value[1])} edges"
    if isinstance(value, list) and value and isinstance(value[0], tuple) and isinstance(
            value[0][1], list):
        return f"{len(value)} wallets, {sum(len(t) for _, t in value)} transfers"
    if isinstance(value, list):
        return f"{len(value)} transfers"
    return "1 node"
