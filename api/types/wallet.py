"""`Wallet`: an address on one chain."""

from __future__ import annotations

from datetime import datetime

import strawberry

from api.types.common import as_datetime, as_list, as_str
from api.types.entity import Entity, entity_fields
from graph.investigate.types import EntityRecord


@strawberry.type(description="An address on one chain; id is `chain:address`.")
class Wallet(Entity):
    chain: str | None
    address: str | None
    display: str | None = strawberry.field(description="EIP-55 for EVM chains, else the address.")
    assets: list[str]
    first_activity: datetime | None
    last_activity: datetime | None
    tags: list[str]
    categories: list[str]

    @classmethod
    def from_record(cls, rec: EntityRecord) -> Wallet:
        p = rec.properties
        return cls(
            **entity_fields(rec), chain=as_str(p.get("chain")), address=as_str(p.get("address")),
            display=as_str(p.get("display")), assets=as_list(p.get("assets")),
            first_activity=as_datetime(p.get("first_activity")),
            last_activity=as_datetime(p.get("last_activity")),
            tags=as_list(p.get("tags")), categories=as_list(p.get("categories")),
        )
