"""`resolve auto`: merge only where a stated rule holds (docs/MODEL.md "Resolution").

REGISTRATION: the same registration number, and the same country (both known, overlapping).
NAME_COUNTRY: an identical normalised name (names.name_key), the same country (both known,
overlapping), and no conflicting identifier: where both have registration numbers they share
one, where both have websites they share a domain.
A pair with any judgement, active or undone, is left alone: an analyst's word (or its
withdrawal) is never overridden by a rule. Persons are not auto-merged: a name and a
country do not tell two people apart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from graph.db import Graph
from graph.resolve import candidates as cand
from graph.resolve.judgements import judge_same_all, judgements, now
from graph.resolve.types import Judgement, Verdict

RULES: dict[str, Callable[[cand.Candidate], bool]] = {
    "REGISTRATION": lambda c: c.has("same_identifier") and c.has("same_country"),
    "NAME_COUNTRY": lambda c: (c.has("same_name") and c.has("same_country")
                               and not c.has("other_identifier")
                               and not c.has("other_domain")),
}


@dataclass(frozen=True)
class AutoResult:
    merged: tuple[Judgement, ...]
    skipped_judged: int  # pairs a rule matched that already had a judgement
    # Pairs a rule matched that would join two clusters an analyst judged different.
    skipped_different: int = 0


def rule_for(c: cand.Candidate) -> str | None:
    return next((name for name, holds in RULES.items() if holds(c)), None)


def auto(graph: Graph, dry_run: bool = False) -> AutoResult:
    records = cand.load(graph)
    kinds = {r.id: r.kind for r in records}
    judged = {frozenset((j.a, j.b)) for j in judgements(graph)}
    pairs, skipped = [], 0
    for c in cand.candidates(records, min_score=0.0):
        rule = rule_for(c)
        if rule is None or kinds[c.a] != "Organization":
            continue
        if frozenset((c.a, c.b)) in judged:
            skipped += 1
            continue
        detail = "; ".join(e.detail for e in c.evidence if e.weight > 0)
        pairs.append((c.a, c.b, f"auto:{rule}", detail, c.score))
    if dry_run:
        return AutoResult(tuple(Judgement("(dry run)", a, b, Verdict.SAME, by, now(), why, sc)
                                for a, b, by, why, sc in pairs), skipped)
    made, apart = judge_same_all(graph, pairs)
    return AutoResult(tuple(made), skipped, apart)
