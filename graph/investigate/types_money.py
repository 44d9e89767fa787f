"""Parameters and results of the money questions: trace, exposure, flows.

Amounts are the scaled `amount` floats of TRANSFER relationships (for arithmetic); exact
base-unit strings stay on the transfers themselves (see `Hop.amount_raw`); the value-tracing
methods (types_value) also report exact base units. Times are
timezone-aware UTC datetimes.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from graph.investigate.types_entities import EntityId
from graph.investigate.types_value import Conservation, TraceMethod, WalletValue


class Direction(enum.Enum):
    FORWARD = "FORWARD"
    BACKWARD = "BACKWARD"


class ExposureMethod(enum.Enum):
    HAIRCUT = "HAIRCUT"
    HAIRCUT_TIMED = "HAIRCUT_TIMED"
    ANY_CONTACT = "ANY_CONTACT"


class TimeTreatment(enum.Enum):
    """How an exposure method treats the order of transfers (exposure_math.py)."""

    UNORDERED = "UNORDERED"  # one pool per wallet over the whole record
    TIME_ORDERED = "TIME_ORDERED"  # a payment carries only value received before it


class RiskCategory(enum.Enum):
    SANCTIONED = "SANCTIONED"
    SCAM = "SCAM"
    COMPOUND = "COMPOUND"


class GroupBy(enum.Enum):
    MONTH = "MONTH"


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
    # Exact base units for the value-tracing methods (floored to the base unit); else None.
    amount_raw: str | None = None


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
    method: TraceMethod = TraceMethod.PATHS
    # Region budgets of the value methods (wallets in the region, transfers in its ledger).
    max_wallets: int = 20_000
    max_transfers: int = 200_000


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
    # Paths that reached max_hops at a wallet the trace would expand (not a stop or supernode).
    open_at_max_hops: int = 0
    method: TraceMethod = TraceMethod.PATHS
    # Value methods: per-asset conservation (empty for PATHS and POISON, which do not conserve).
    conservation: tuple[Conservation, ...] = ()
    # Value methods: every wallet the seeds' value reached, with what it held and passed on.
    wallets: tuple[WalletValue, ...] = ()
    ledger_transfers: int = 0  # value methods: transfers in the region's ledger


@dataclass(frozen=True)
class AssetShare:
    asset: str
    amount: float
    share: float | None  # amount / inflow of that asset; None when the inflow is zero
    amount_raw: str | None = None  # exact base units (HAIRCUT_TIMED counts in them)


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
    # The risky wallets that sent to the target directly (the inputs of `direct`).
    direct_sources: tuple[EntityId, ...] = ()


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
    time_treatment: TimeTreatment = TimeTreatment.UNORDERED
    # The hop budget stopped the region at senders that received transfers themselves; with
    # more_hops (max_hops + 1) the answer may grow. None when nothing lies past the budget.
    hop_cut: bool = False
    more_hops: int | None = None


@dataclass(frozen=True)
class FlowBucket:
    period: str  # "YYYY-MM" (UTC) of the transfer that lands in the destination
    asset: str
    amount: float
    transfers: int
    # The exact sum in base units, and the asset's decimals, when every transfer in the
    # bucket has them (a transfer loaded without amount_raw leaves the exact sum unknown).
    amount_raw: str | None = None
    decimals: int | None = None


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
