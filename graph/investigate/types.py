"""Parameters and results of the investigative questions: frozen dataclasses, no GraphQL.

Amounts are the scaled `amount` floats of TRANSFER relationships (for arithmetic);
exact base-unit strings stay on the transfers themselves (see `Hop.amount_raw`).
Times are timezone-aware UTC datetimes.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

EntityId = str


class Direction(enum.Enum):
    FORWARD = "FORWARD"
    BACKWARD = "BACKWARD"


class ExposureMethod(enum.Enum):
    HAIRCUT = "HAIRCUT"
    ANY_CONTACT = "ANY_CONTACT"


class RiskCategory(enum.Enum):
    SANCTIONED = "SANCTIONED"
    SCAM = "SCAM"
    COMPOUND = "COMPOUND"


class GroupBy(enum.Enum):
    MONTH = "MONTH"


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
class Hop:
    """One transfer on an evidence path."""

    transfer_id: str
    tx: str
    from_id: EntityId
    to_id: EntityId
    asset: str
    amount: float
    amount_raw: str | None
    ts: datetime


@dataclass(frozen=True)
class EvidencePath:
    hops: tuple[Hop, ...]


@dataclass(frozen=True)
class AssetAmount:
    asset: str
    amount: float
    transfers: int = 0


@dataclass(frozen=True)
class TraceParams:
    seeds: tuple[EntityId, ...]
    direction: Direction = Direction.FORWARD
    max_hops: int = 3
    since: datetime | None = None
    until: datetime | None = None
    min_amount: float | None = None
    assets: tuple[str, ...] = ()
    time_ordered: bool = True
    # Organisation kind labels (e.g. "Exchange") whose wallets end a path.
    stop_at: tuple[str, ...] = ()
    rollup: bool = False
    max_paths: int = 1000
    expand_supernodes: bool = False
    evidence_per_entity: int = 3
    timeout_s: float | None = None
    # Degree above which a wallet is a supernode; None means settings.supernode_degree.
    supernode_degree: int | None = None


@dataclass(frozen=True)
class OrganisationReached:
    """An organisation (or its group, when rolled up) reached by a trace."""

    id: EntityId
    name: str | None
    kinds: tuple[str, ...]
    group_id: EntityId | None
    group_name: str | None
    # Organisations inside the group whose wallets were reached (just `id` without roll-up).
    members: tuple[EntityId, ...]
    amounts: tuple[AssetAmount, ...]
    path_count: int
    first_ts: datetime | None
    last_ts: datetime | None
    min_hops: int
    evidence: tuple[EvidencePath, ...]


@dataclass(frozen=True)
class EndpointReached:
    """A wallet with no controller where a path ended."""

    wallet_id: EntityId
    amounts: tuple[AssetAmount, ...]
    path_count: int
    first_ts: datetime | None
    last_ts: datetime | None
    evidence: tuple[EvidencePath, ...]


@dataclass(frozen=True)
class TraceResult:
    params: TraceParams
    seed_wallets: tuple[EntityId, ...]
    organisations: tuple[OrganisationReached, ...]
    unattributed: tuple[EndpointReached, ...]
    paths_explored: int
    amount_semantics: str
    partial: bool = False
    reason: str | None = None


@dataclass(frozen=True)
class AssetShare:
    asset: str
    amount: float
    share: float | None  # amount / inflow of that asset; None when the inflow is zero


@dataclass(frozen=True)
class CategoryExposure:
    """Risky inflow of one category, directly (1 hop) and within max_hops (includes direct)."""

    category: RiskCategory
    direct: tuple[AssetShare, ...]
    indirect: tuple[AssetShare, ...]
    # Nominal totals across assets (units added as they are; read per asset for mixed assets).
    direct_amount: float = 0.0
    direct_share: float | None = None
    indirect_amount: float = 0.0
    indirect_share: float | None = None


@dataclass(frozen=True)
class ExposureResult:
    target: EntityId
    target_wallets: tuple[EntityId, ...]
    method: ExposureMethod
    max_hops: int
    inflow: tuple[AssetAmount, ...]
    categories: tuple[CategoryExposure, ...]
    explanation: str
    partial: bool = False
    reason: str | None = None


@dataclass(frozen=True)
class FlowBucket:
    period: str  # "YYYY-MM" (UTC) of the transfer that lands in the destination
    asset: str
    amount: float
    transfers: int


@dataclass(frozen=True)
class FlowResult:
    from_org: EntityId
    to_org: EntityId
    max_hops: int
    group_by: GroupBy
    direct: tuple[FlowBucket, ...]
    within: tuple[FlowBucket, ...]
    amount_semantics: str
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
