"""`Compound`: a physical scam compound."""

from __future__ import annotations

import strawberry

from api.types.common import as_float, as_list, as_str
from api.types.entity import Entity, entity_fields
from graph.investigate.types import EntityRecord


@strawberry.type(description="A physical scam compound (WGS-84 coordinates).")
class Compound(Entity):
    aliases: list[str]
    country: str | None
    province: str | None
    status: str | None
    lat: float | None
    lon: float | None

    @classmethod
    def from_record(cls, rec: EntityRecord) -> Compound:
        p = rec.properties
        return cls(
            **entity_fields(rec), aliases=as_list(p.get("aliases")),
            country=as_str(p.get("country")),
            province=as_str(p.get("province")), status=as_str(p.get("status")),
            lat=as_float(p.get("lat")), lon=as_float(p.get("lon")),
        )
