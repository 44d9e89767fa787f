"""Scopes and results of a typology scan: hits with evidence, amounts and organisations."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from graph.investigate.types import EntityId, Hop


@dataclass(frozen=True)
class TypologyScope:
    """Where to look: a wallet, an organisation's wallets, and/or a time window.

    With neither wallet nor organisation the scan covers the whole graph, which needs a time
    window (since and until) no longer than limits.MAX_WINDOW_DAYS."""

    wallet: EntityId | None = None
    organisation: EntityId | None = None
    since: datetime | None = None
    until: datetime | None = None


@dataclass(frozen=True)
class HitOrganisation:
    """An organisation controlling hit wallets, with its ultimate parent group."""

    id: EntityId
    name: str | None
    kinds: tuple[str, ...]
    group_id: EntityId | None
    group_name: str | None
    wallets: tuple[EntityId, ...]


@dataclass(frozen=True)
class HitAmount:
    """A hit's total of one asset. `amount` is the float sum (for ranking and thresholds);
    `amount_raw` the exact sum of the transfers' base units, summed as Python ints (None when
    a transfer has no amount_raw), and `decimals` the asset's, when all transfers share one."""

    asset: str
    amount: float
    transfers: int
    amount_raw: str | None = None
    decimals: int | None = None


@dataclass(frozen=True)
class TypologyHit:
    typology: str
    key: str
    score: float
    anchor: EntityId
    wallets: tuple[EntityId, ...]
    transfers: tuple[Hop, ...]
    amounts: tuple[HitAmount, ...]
    organisations: tuple[HitOrganisation, ...] = ()
    detail: Mapping[str, Any] = field(default_factory=dict)
    # When a stored run first recorded this hit (None: never stored, so the hit is new).
    first_seen: datetime | None = None

    @property
    def new(self) -> bool:
        return self.first_seen is None


@dataclass(frozen=True)
class TypologyHits:
    typology: str
    params: Mapping[str, Any]
    scope: TypologyScope
    hits: tuple[TypologyHit, ...]
    total: int
    end_cursor: str | None
    has_next_page: bool
    partial: bool
    reason: str | None
