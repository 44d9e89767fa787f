"""Recording, undoing, exporting and importing judgements; the clusters follow from them.

Judgements are :Judgement nodes (bookkeeping, not :Entity: ingest never touches them and a bulk
reload carries them over, graph/carryover.py). An undo marks a judgement undone and keeps it,
so the record says who decided what, when, why, and who took it back. After every change the
:ClusterMember rows, and the SAME_AS edges that mirror them, are rebuilt from all judgements
in the same transaction.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

from graph.db import Graph, Statement
from graph.db.values import native
from graph.resolve import clusters
from graph.resolve.types import Judgement, Verdict
from scamgraph.errors import NotFoundError, ValidationError

# The SAME_AS edges that mirror the cluster rows (cypher/resolve/same_as_sync.cypher).
SYNC_SAME_AS = Statement("resolve/same_as_sync", {})


def now() -> datetime:
    return datetime.now(UTC)


def judgements(graph: Graph) -> list[Judgement]:
    return [Judgement.from_row(native(r["judgement"])) for r in graph.read("resolve/judgements")]


def _save(graph: Graph, changed: list[Judgement], all_after: list[Judgement]) -> None:
    graph.write_batch([
        Statement("resolve/judgement_write", {"rows": [j.row() for j in changed]}),
        Statement("resolve/clusters_write", {"rows": clusters.rows(all_after)}),
        SYNC_SAME_AS,
    ])


def _check_pair(graph: Graph, a: str, b: str) -> None:
    if a == b:
        raise ValidationError(f"a and b are both {a!r}", hint="judge two different entities")
    kinds = {r["id"]: r["kind"] for r in graph.read("resolve/entity_exists", {"ids": [a, b]})}
    for x in (a, b):
        if x not in kinds:
            raise NotFoundError(f"no organisation or person with id {x!r}",
                                hint="pass ids from search or `scamgraph resolve candidates`")
    if kinds[a] != kinds[b]:
        raise ValidationError(f"{a!r} is an {kinds[a]} and {b!r} a {kinds[b]}",
                              hint="only organisations with organisations, persons with persons")


def _conflict(existing: list[Judgement], a: str, b: str) -> Judgement | None:
    """An active `different` judgement between the two clusters `same` would join."""
    left, right = clusters.cluster_of(existing, a), clusters.cluster_of(existing, b)
    for j in existing:
        if j.active and j.verdict is Verdict.DIFFERENT and (
                (j.a in left and j.b in right) or (j.a in right and j.b in left)):
            return j
    return None


def _undone(j: Judgement, by: str, reason: str) -> Judgement:
    return Judgement(**{**j.__dict__, "undone_at": now(), "undone_by": by, "undo_reason": reason})


def judge(graph: Graph, a: str, b: str, verdict: Verdict | str, by: str, reason: str = "",
          score: float | None = None) -> Judgement:
    """Record that a and b are the same, different, or unsure; a newer judgement on the same
    pair supersedes (undoes) the older one."""
    chosen = verdict if isinstance(verdict, Verdict) else _verdict(verdict)
    _check_pair(graph, a, b)
    existing = judgements(graph)
    if chosen is Verdict.SAME:
        against = _conflict(existing, a, b)
        if against is not None:
            raise ValidationError(
                f"{against.a!r} and {against.b!r} were judged different (judgement "
                f"{against.id}); {a!r} and {b!r} being the same would join them",
                hint="undo that judgement first: scamgraph resolve undo " + against.id)
    x, y = sorted((a, b))
    new = Judgement(str(uuid.uuid4()), x, y, chosen, by, now(), reason, score)
    older = [_undone(j, by, f"superseded by {new.id}") for j in existing
             if j.active and {j.a, j.b} == {x, y}]
    replaced = {j.id for j in older}
    _save(graph, [*older, new], [*(j for j in existing if j.id not in replaced), *older, new])
    return new


def judge_same_all(graph: Graph, pairs: Sequence[tuple[str, str, str, str, float | None]]
                   ) -> tuple[list[Judgement], int]:
    """Record many `same` judgements (a, b, by, reason, score) in one transaction, the cluster
    rows rebuilt once (`resolve auto`: one save per merge would rewrite every row each time).
    A pair that would join two clusters judged different is left out; returns the judgements
    made and how many were left out."""
    existing = judgements(graph)
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.get(x, x) != x:
            x = parent[x]
        return x

    for j in existing:
        if j.active and j.verdict is Verdict.SAME:
            parent[find(j.a)] = find(j.b)
    apart = [(j.a, j.b) for j in existing if j.active and j.verdict is Verdict.DIFFERENT]
    made, refused = [], 0
    for a, b, by, reason, score in pairs:
        ends = {find(a), find(b)}
        if any({find(x), find(y)} == ends for x, y in apart if len(ends) == 2):
            refused += 1
            continue
        x, y = sorted((a, b))
        made.append(Judgement(str(uuid.uuid4()), x, y, Verdict.SAME, by, now(), reason, score))
        parent[find(a)] = find(b)
    if made:
        _save(graph, made, [*existing, *made])
    return made, refused


def _verdict(text: str) -> Verdict:
    try:
        return Verdict(text.strip().lower())
    except ValueError:
        raise ValidationError(f"verdict {text!r} is not one of same, different, unsure",
                              hint="pass same, different or unsure") from None


def undo(graph: Graph, target: str, by: str, reason: str = "",
         other: str | None = None) -> Judgement:
    """Undo a judgement by id, or the active judgement on the pair (target, other)."""
    existing = judgements(graph)
    if other is None:
        found = [j for j in existing if j.id == target and j.active]
        what = f"no active judgement with id {target!r}"
    else:
        found = [j for j in existing if j.active and {j.a, j.b} == {target, other}]
        what = f"no active judgement on {target!r} and {other!r}"
    if not found:
        raise NotFoundError(what, hint="list them with `scamgraph resolve list`")
    done = _undone(found[0], by, reason)
    _save(graph, [done], [done if j.id == done.id else j for j in existing])
    return done


def load_all(graph: Graph, incoming: list[Judgement]) -> int:
    """Import judgements by id; returns how many were new. A known judgement changes only
    from active to undone (an undo is the later event), so the same file twice, or an old
    export after an undo, changes nothing."""
    existing = {j.id: j for j in judgements(graph)}
    changed = [j for j in incoming if j.id not in existing or (
        existing[j.id].active and not j.active)]
    merged = {**existing, **{j.id: j for j in changed}}
    _save(graph, changed, list(merged.values()))
    return sum(1 for j in incoming if j.id not in existing)


def rebuild(graph: Graph) -> int:
    """Rewrite the cluster rows from the judgements (e.g. after restoring them); rows written."""
    rows = clusters.rows(judgements(graph))
    graph.write_batch([Statement("resolve/clusters_write", {"rows": rows}), SYNC_SAME_AS])
    return len(rows)


def sync_same_as(graph: Graph) -> None:
    """Make the SAME_AS edges agree with the cluster rows, after each ingest run: a member a
    judgement named before it existed may now exist. (A bulk load brings only wallets and
    transfers, never a member: resolution judges organisations and persons.)"""
    graph.write_batch([SYNC_SAME_AS])
