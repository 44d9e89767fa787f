"""`Organization`, with its kind labels (Company, Exchange, Marketplace, ...)."""

from __future__ import annotations

import strawberry

from api.types.common import as_list, as_str
from api.types.entity import Entity, entity_fields
from graph.investigate.types import EntityRecord


@strawberry.type(description="A company, exchange, marketplace, OTC desk, scam operation, ...")
class Organization(Entity):
    kinds: list[str] = strawberry.field(description="Kind labels, e.g. Company, Exchange.")
    aliases: list[str]
    country: list[str] = strawberry.field(description="ISO 3166-1 alpha-2 codes.")
    registration_numbers: list[str]
    categories: list[str]
    website: str | None

    @classmethod
    def from_record(cls, rec: EntityRecord) -> Organization:
        p = rec.properties
        return cls(
            **entity_fields(rec), kinds=list(rec.kinds), aliases=as_list(p.get("aliases")),
            country=as_list(p.get("country")),
            registration_numbers=as_list(p.get("registration_numbers")),
            categories=as_list(p.get("categories")), website=as_str(p.get("website")),
        )
