"""Which nodes count as supernodes: reached, but not expanded through unless asked."""

from __future__ import annotations

from scamgraph.settings import get_settings


def degree_threshold(override: int | None = None) -> int:
    """Relationship count above which a wallet is a supernode (settings.supernode_degree)."""
    return override if override is not None else get_settings().supernode_degree
