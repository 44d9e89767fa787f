"""Entity-side results: records, search, subgraphs, paths, ownership, compounds, sources."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

EntityId = str


@dataclass(frozen=True)
class Provenance:
    sources: tuple[str, ...] = ()
    first_seen: datetime | None = None
    last_seen: datetime | None = None
    confidence: float | None = None


@dataclass(frozen=True)
class SanctionSummary:
    id: EntityId
    authority: str | None
    program: str | None
    listing_id: str | None
    listed_on: str | None


@dataclass(frozen=True)
class EntityRecord:
    """One entity: primary label, kind labels, plain properties, provenance, sanctions."""

    id: EntityId
    label: str
    labels: tuple[str, ...]
    name: str | None
    properties: Mapping[str, Any]
    provenance: Provenance
    sanctions: tuple[SanctionSummary, ...] = ()

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(x for x in self.labels if x not in ("Entity", self.label))


@dataclass(frozen=True)
class SearchHit:
    entity: EntityRecord
    score: float


@dataclass(frozen=True)
class SearchPage:
    hits: tuple[SearchHit, ...]
    end_cursor: str | None
    has_next_page: bool


@dataclass(frozen=True)
class EdgeRecord:
    """A relationship between two entities; `key` is the transfer id or the element id."""

    key: str
    type: str
    start: EntityId
    end: EntityId
    properties: Mapping[str, Any]
    provenance: Provenance


@dataclass(frozen=True)
class Subgraph:
    nodes: tuple[EntityRecord, ...]
    edges: tuple[EdgeRecord, ...]
    partial: bool = False
    reason: str | None = None


@dataclass(frozen=True)
class PathRecord:
    nodes: tuple[EntityRecord, ...]
    edges: tuple[EdgeRecord, ...]

    @property
    def length(self) -> int:
        return len(self.edges)


@dataclass(frozen=True)
class PathsResult:
    from_id: EntityId
    to_id: EntityId
    paths: tuple[PathRecord, ...]
    partial: bool = False
    reason: str | None = None


@dataclass(frozen=True)
class OwnershipLink:
    owner: EntityId
    owned: EntityId
    type: str  # OWNS or SUBSIDIARY_OF
    share: float | None  # percent 0-100, None when unknown


@dataclass(frozen=True)
class OwnershipChain:
    """Links from the company upward; effective share is the product (None if a link is unknown)."""

    links: tuple[OwnershipLink, ...]
    effective_share: float | None


@dataclass(frozen=True)
class UltimateOwner:
    entity: EntityRecord
    # Sum over this owner's chains of their effective shares; None if any chain's is unknown.
    effective_share: float | None
    chains: int


@dataclass(frozen=True)
class OwnershipResult:
    company: EntityRecord
    chains: tuple[OwnershipChain, ...]
    ultimate_owners: tuple[UltimateOwner, ...]
    partial: bool = False
    reason: str | None = None


@dataclass(frozen=True)
class CompoundRecord:
    entity: EntityRecord
    country: str | None
    province: str | None
    status: str | None
    lat: float | None
    lon: float | None
    operators: tuple[EntityId, ...]
    hops: int = 0


@dataclass(frozen=True)
class ControlledCompany:
    entity: EntityRecord
    via: str  # OWNS, DIRECTOR_OF or SUBSIDIARY_OF on the first link
    depth: int
    effective_share: float | None


@dataclass(frozen=True)
class ControlledWallet:
    entity: EntityRecord
    controller: EntityId


@dataclass(frozen=True)
class ControlResult:
    person: EntityRecord
    companies: tuple[ControlledCompany, ...]
    wallets: tuple[ControlledWallet, ...]
    compounds: tuple[CompoundRecord, ...]
    partial: bool = False
    reason: str | None = None


@dataclass(frozen=True)
class SourceRecord:
    id: str
    name: str | None
    format: str | None
    url: str | None
    properties: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class IngestRunRecord:
    id: str
    source_id: str | None
    format: str | None
    status: str | None
    sha256: str | None
    started_at: datetime | None
    ended_at: datetime | None
    read: int | None
    written: int | None
    quarantined: int | None
    created: int | None
    updated: int | None
    error: str | None
    mode: str = "merge"  # runs from before bulk loads existed have none: they merged
    # FtM delta DEL lines (ingest/retractions.py): applied, naming nothing, nodes/links deleted.
    retracted: int = 0
    retracted_missing: int = 0
    removed: int = 0


@dataclass(frozen=True)
class IngestRunPage:
    runs: tuple[IngestRunRecord, ...]
    end_cursor: str | None
    has_next_page: bool


@dataclass(frozen=True)
class SourceFreshness:
    source: SourceRecord
    last_success_at: datetime | None
    last_run_at: datetime | None
    last_status: str | None
    age_s: float | None  # seconds since the last successful run; None if never
