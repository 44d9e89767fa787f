"""Hard caps and allow-lists of the investigative queries, checked before any Cypher runs."""

from __future__ import annotations

import enum
from typing import TypeVar, cast

from graph.model.vocabulary import LINK_TYPES, NODE_LABELS, ORG_KINDS
from scamgraph.errors import ValidationError

E = TypeVar("E", bound=enum.Enum)

# Hops of a money trace, exposure or flow query.
MAX_HOPS = 6
# Depth of a neighbourhood expansion.
MAX_DEPTH = 3
# Length of a connection path.
MAX_PATH_LENGTH = 8
# Connections returned by `paths`.
MAX_K = 20
# Depth of an ownership or control chain.
MAX_OWNERSHIP_DEPTH = 8
# Paths a trace may keep per hop (a trace holds at most MAX_HOPS times this many in memory).
MAX_PATHS = 50_000
# Page size of search and run listings.
MAX_PAGE = 200
# Nodes a neighbourhood may return.
MAX_NEIGHBOURS = 5_000

# Relationship types a caller may name (neighbourhood, paths).
# SAME_AS: the derived edge from a resolved cluster's member to its canonical entity.
REL_TYPES: frozenset[str] = LINK_TYPES | {"TRANSFER", "SAME_AS"}
# Labels a caller may filter search results by.
KINDS: frozenset[str] = NODE_LABELS | ORG_KINDS
# Organisation kinds whose wallets are supernodes: reached, not expanded through.
SUPERNODE_KINDS: tuple[str, ...] = ("Exchange", "Bridge")


def check_range(name: str, value: int, low: int, high: int) -> int:
    """Raise ValidationError naming the argument unless low <= value <= high."""
    if not low <= value <= high:
        raise ValidationError(
            f"{name}={value} is out of range: it must be between {low} and {high}",
            hint=f"pass {name} between {low} and {high}",
        )
    return value


def check_allowed(
    name: str, values: tuple[str, ...] | list[str], allowed: frozenset[str]
) -> list[str]:
    """Raise ValidationError naming the argument when a value is not in the allow-list."""
    bad = sorted(set(values) - allowed)
    if bad:
        raise ValidationError(
            f"{name} has unknown values {bad}",
            hint=f"{name} must be among {sorted(allowed)}",
        )
    return list(values)


def check_choice(name: str, value: E | str, kind: type[E]) -> E:
    """The member of `kind` that `value` names (in any case); ValidationError naming the choices."""
    if isinstance(value, kind):
        return value
    try:
        return kind(cast(str, value).upper())
    except ValueError:
        choices = " or ".join(str(m.value) for m in kind)
        raise ValidationError(f"{name} {value!r} is unknown",
                              hint=f"{name} must be {choices}") from None
