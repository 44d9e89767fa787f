"""The graph's vocabulary: node labels, organisation kinds and relationship types.

Everything a source or a caller may name as a label or a relationship type is checked against
these allow-lists, so nothing outside the project can reach Cypher text.
"""

from __future__ import annotations

from typing import Literal

# Primary labels of investigative nodes; every one also carries :Entity.
NodeLabel = Literal["Wallet", "Organization", "Person", "Compound", "Sanction"]
NODE_LABELS: frozenset[str] = frozenset(NodeLabel.__args__)  # type: ignore[attr-defined]

# Kind labels an Organization may carry besides :Organization.
ORG_KINDS: frozenset[str] = frozenset({
    "Company", "Exchange", "PaymentProvider", "Marketplace", "OTCDesk", "Bridge", "Mixer",
    "ScamOperation", "Government",
})

# Relationship types between entities (TRANSFER has its own record).
LinkType = Literal[
    "CONTROLLED_BY", "DEPOSIT_ADDRESS_OF", "OWNS", "DIRECTOR_OF", "SUBSIDIARY_OF", "OPERATES",
    "ASSOCIATE_OF", "FAMILY_OF", "SANCTIONED_BY", "LINKED_TO", "PAID",
]
LINK_TYPES: frozenset[str] = frozenset(LinkType.__args__)  # type: ignore[attr-defined]
