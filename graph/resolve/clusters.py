"""Clusters from judgements: the connected components of the active `same` judgements.

A cluster's canonical id (the one answers lead with) is its first member by: not a TagPack
actor stub (`gs-actor-...`, whose records carry least), then id. The rows are derived data:
rebuilt in full from the judgements whenever one changes, so they can never drift from them.
"""

from __future__ import annotations

from collections.abc import Iterable

from graph.resolve.types import Judgement, Verdict


def _canonical(members: Iterable[str]) -> str:
    return min(members, key=lambda m: (m.startswith("gs-actor-"), m))


def clusters(judgements: Iterable[Judgement]) -> dict[str, list[str]]:
    """canonical id -> sorted members, for every cluster of two or more."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    for j in judgements:
        if j.active and j.verdict is Verdict.SAME:
            parent[find(j.a)] = find(j.b)
    groups: dict[str, list[str]] = {}
    for x in list(parent):
        groups.setdefault(find(x), []).append(x)
    return {_canonical(m): sorted(m) for m in groups.values() if len(m) > 1}


def rows(judgements: Iterable[Judgement]) -> list[dict[str, str]]:
    return [{"member": m, "cluster": c} for c, ms in clusters(judgements).items() for m in ms]


def cluster_of(judgements: Iterable[Judgement], entity: str) -> set[str]:
    for members in clusters(judgements).values():
        if entity in members:
            return set(members)
    return {entity}
