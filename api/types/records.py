"""Entity records to their GraphQL type, chosen by primary label; loader-backed lookups."""

from __future__ import annotations

from collections.abc import Iterable

from api.context import Info
from api.types.compound import Compound
from api.types.entity import Entity
from api.types.light import bare_entity, entity_like
from api.types.organization import Organization
from api.types.person import Person
from api.types.sanction import Sanction
from api.types.wallet import Wallet
from graph.investigate.types import EntityRecord

BY_LABEL: dict[str, type[Wallet | Organization | Person | Compound | Sanction]] = {
    "Wallet": Wallet, "Organization": Organization, "Person": Person,
    "Compound": Compound, "Sanction": Sanction,
}
ENTITY_TYPES = tuple(BY_LABEL.values())


def entity_from_record(rec: EntityRecord) -> Entity:
    """The concrete type for the record's primary label (Organization for unknown labels)."""
    cls = BY_LABEL.get(rec.label, Organization)
    return entity_like(cls, rec) if bare_entity(rec) else cls.from_record(rec)


async def load_entity(info: Info, id: str | None) -> Entity | None:
    """One entity through the request's DataLoader (batched with every other lookup)."""
    if id is None:
        return None
    rec = await info.context.entities.load(id)
    return entity_from_record(rec) if rec else None


async def load_entities(info: Info, ids: Iterable[str]) -> list[Entity]:
    """Several entities through the DataLoader, in order, unknown ids dropped."""
    recs = await info.context.entities.load_many(list(ids))
    return [entity_from_record(r) for r in recs if r is not None]
