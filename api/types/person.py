"""`Person`."""

from __future__ import annotations

import strawberry

from api.types.common import as_list, as_str
from api.types.entity import Entity, entity_fields
from graph.investigate.types import EntityRecord


@strawberry.type(description="A natural person.")
class Person(Entity):
    aliases: list[str]
    nationality: list[str]
    birth_date: str | None = strawberry.field(description="As precise as the source gives it.")

    @classmethod
    def from_record(cls, rec: EntityRecord) -> Person:
        p = rec.properties
        return cls(
            **entity_fields(rec), aliases=as_list(p.get("aliases")),
            nationality=as_list(p.get("nationality")), birth_date=as_str(p.get("birth_date")),
        )
