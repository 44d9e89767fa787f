"""The `from` and `to` fields of the results that join two entities: Flow, Paths, Transfer.

Fields rather than a base class: strawberry lists a base class's fields first, and `from`
and `to` come last in each of these types.
"""

from __future__ import annotations

from typing import Any, Protocol

import strawberry

from api.context import Info
from api.types.entity import Entity
from api.types.records import load_entity


class Ends(Protocol):
    """What the fields read: the ids of the two entities."""

    from_id: strawberry.ID
    to_id: strawberry.ID


async def _from(root: Ends, info: Info) -> Entity | None:
    return await load_entity(info, root.from_id)


async def _to(root: Ends, info: Info) -> Entity | None:
    return await load_entity(info, root.to_id)


def from_field() -> Any:
    """`from`: the entity `from_id` names, through the request's DataLoader."""
    return strawberry.field(resolver=_from, name="from")


def to_field() -> Any:
    """`to`: the entity `to_id` names, through the request's DataLoader."""
    return strawberry.field(resolver=_to, name="to")
