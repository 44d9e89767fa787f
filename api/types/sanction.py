"""`Sanction`: one designation (authority + program + listing id)."""

from __future__ import annotations

import strawberry

from api.types.common import as_str
from api.types.entity import Entity, entity_fields
from graph.investigate.types import EntityRecord


@strawberry.type(description="A designation by OFAC, EU, UK, UN or FinCEN-311.")
class Sanction(Entity):
    authority: str | None
    program: str | None
    listing_id: str | None
    listed_on: str | None
    reason: str | None

    @classmethod
    def from_record(cls, rec: EntityRecord) -> Sanction:
        p = rec.properties
        return cls(
            **entity_fields(rec), authority=as_str(p.get("authority")),
            program=as_str(p.get("program")), listing_id=as_str(p.get("listing_id")),
            listed_on=as_str(p.get("listed_on")), reason=as_str(p.get("reason")),
        )
