"""What an entity stands for in organisation-level questions: its group and their wallets.

An organisation given to trace (seeds), flows (from/to), exposure (target) or compounds answers
for its own wallets and those of the organisations it controls: below it by SUBSIDIARY_OF
(child -> parent) or by OWNS with share > CONTROL_SHARE percent, at most 6 links, the rule the
trace roll-up uses upward (attribution.cypher). A resolved cluster (graph/resolve) stands for
all its members, at each level. The same rule is written in seed_wallets.cypher (which the
traces read) and group_members.cypher (which lists the members); tests/graph/test_groups.py
holds both to it.
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.db import Graph
from graph.investigate.types import EntityId
from scamgraph.errors import NotFoundError

# Effective control: a majority stake, strictly above this percentage (as in attribution.cypher).
CONTROL_SHARE = 50.0


@dataclass(frozen=True)
class GroupMember:
    id: EntityId
    labels: tuple[str, ...]
    name: str | None
    depth: int  # ownership links below the entity asked about (0: itself or its cluster)
    wallets: tuple[EntityId, ...]


@dataclass(frozen=True)
class Group:
    id: EntityId
    members: tuple[GroupMember, ...]

    @property
    def wallets(self) -> tuple[EntityId, ...]:
        return tuple(sorted({w for m in self.members for w in m.wallets}))

    def no_wallet_reason(self) -> str | None:
        """Why the entity has no wallet to answer with, or None when it has some."""
        if self.wallets:
            return None
        others = [m.id for m in self.members if m.id != self.id]
        through = f" nor through {', '.join(others)}" if others else ""
        return (f"{self.id!r} controls no wallet, directly{through} (CONTROLLED_BY / "
                f"DEPOSIT_ADDRESS_OF, over subsidiaries and majority holdings > "
                f"{CONTROL_SHARE:g} %)")


def group(graph: Graph, entity_id: EntityId, timeout_s: float | None = None) -> Group:
    """The entity's members (itself, its cluster, the organisations it controls) and wallets."""
    rows = graph.read("investigations/group_members", {"id": entity_id}, timeout_s=timeout_s)
    if not rows:
        raise NotFoundError(f"no entity with id {entity_id!r}", hint="pass an id from search")
    members = tuple(GroupMember(r["member"], tuple(sorted(r["labels"])), r["name"],
                                int(r["depth"]), tuple(sorted(r["wallets"]))) for r in rows)
    return Group(entity_id, members)
