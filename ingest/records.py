"""Typed records: what every format reader yields and the graph writer consumes.

Readers know nothing of Neo4j; the writer knows nothing of formats. Labels and
relationship types are checked against the allow-lists of graph/model/vocabulary.py, so
nothing a source says can reach Cypher text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import Any

from graph.model.vocabulary import LINK_TYPES, NODE_LABELS, ORG_KINDS, LinkType, NodeLabel


@dataclass(frozen=True)
class NodeRecord:
    """An entity: `id` is deterministic from the source's own keys (or chain:address)."""

    label: NodeLabel
    id: str
    props: dict[str, Any]
    kinds: tuple[str, ...] = ()
    position: str = ""
    delta: bool = False  # from a change file (FtM delta), not a whole list: see Retraction

    def __post_init__(self) -> None:
        if self.label not in NODE_LABELS:
            raise ValueError(f"label {self.label!r} is not allowed")
        bad = set(self.kinds) - ORG_KINDS
        if bad:
            raise ValueError(f"organisation kinds {sorted(bad)} are not allowed")


@dataclass(frozen=True)
class LinkRecord:
    """A relationship between entities by id, unique per (type, start, end, key)."""

    type: LinkType
    start_id: str
    end_id: str
    props: dict[str, Any] = field(default_factory=dict)
    key: str = ""
    position: str = ""
    delta: bool = False  # from a change file (FtM delta), not a whole list: see Retraction

    def __post_init__(self) -> None:
        if self.type not in LINK_TYPES:
            raise ValueError(f"relationship type {self.type!r} is not allowed")


@dataclass(frozen=True)
class TransferRecord:
    """One on-chain value movement; exact amount as base-unit integer string."""

    chain: str
    tx: str
    index: int
    from_address: str
    to_address: str
    asset: str
    amount_raw: str
    decimals: int | None  # None: the token's decimals are unknown, so no scaled amount
    ts: datetime | None  # None: the export carries no timestamp (ethereum-etl CSV without blocks)
    block: int | None = None
    token: str | None = None
    position: str = ""
    # `ts` as epoch milliseconds, the form the writers send (ingest/rows.py, the bulk CSV): a
    # reader that parsed it from epoch ms passes it, so it is never derived back from `ts`.
    ms: int | None = None

    def __post_init__(self) -> None:
        if self.ms is None and self.ts is not None:
            object.__setattr__(self, "ms", round(self.ts.timestamp() * 1000))

    @cached_property
    def id(self) -> str:
        # Built once: the duplicate window, the sink and its rows all ask for it.
        return f"{self.chain}:{self.tx}:{self.index}"


@dataclass(frozen=True)
class Retraction:
    """A source withdrawing what it asserted under its own id `ref` (an FtM delta DEL).

    The reader says where that assertion lives, since the id alone may not be a node id: nodes
    keyed by `node_ids`; nodes of `labels` whose `ftm_id` is `ref` (a wallet is keyed by
    chain:address, a Sanction by its listing); relationships of `link_types` keyed by `ref` (an
    edge entity). A run holding one is a change file, never a whole list: what it leaves out
    is not unasserted (ingest/changes.py).
    """

    ref: str
    node_ids: tuple[str, ...] = ()
    labels: tuple[NodeLabel, ...] = ()
    link_types: tuple[LinkType, ...] = ()
    position: str = ""

    def __post_init__(self) -> None:
        if not self.ref:
            raise ValueError("a retraction needs the id it withdraws")
        bad = sorted(set(self.labels) - NODE_LABELS) + sorted(set(self.link_types) - LINK_TYPES)
        if bad:
            raise ValueError(f"labels or relationship types {bad} are not allowed")


@dataclass(frozen=True)
class Rejected:
    """A record the reader could not accept: where it was, what it said, why."""

    position: str
    raw: str
    reason: str


@dataclass(frozen=True)
class HitRecord:
    """A typology hit from a hits file (`typology-hits`), stored as the scheduled scans store
    theirs (cypher/typology_hits/store.cypher); amounts, params and scope are JSON text."""

    typology: str
    key: str
    score: float
    anchor: str
    wallets: tuple[str, ...]
    transfer_ids: tuple[str, ...]
    amounts: str
    params: str
    scope: str
    origin: str
    run_at: str
    position: str = ""

    @property
    def id(self) -> str:
        return f"{self.typology}|{self.key}"


Record = NodeRecord | LinkRecord | TransferRecord | Retraction | HitRecord
