"""Entity resolution in GraphQL: candidate pairs with evidence, judgements, groups."""

from __future__ import annotations

from datetime import datetime

import strawberry

from graph.investigate.groups import Group
from graph.resolve import Candidate, Judgement


@strawberry.type(description="One piece of evidence for (or against) a candidate match.")
class MatchEvidence:
    kind: str
    detail: str
    weight: float


@strawberry.type(description="Two entities that may be the same, scored (docs/MODEL.md).")
class ResolutionCandidate:
    a: strawberry.ID
    b: strawberry.ID
    score: float
    auto_rule: str | None = strawberry.field(
        description="The `resolve auto` rule that would merge the pair, if any.")
    evidence: list[MatchEvidence]

    @classmethod
    def from_record(cls, c: Candidate, rule: str | None) -> ResolutionCandidate:
        return cls(a=strawberry.ID(c.a), b=strawberry.ID(c.b), score=c.score, auto_rule=rule,
                   evidence=[MatchEvidence(kind=e.kind, detail=e.detail, weight=e.weight)
                             for e in c.evidence])


@strawberry.type(description="An analyst's (or a rule's) judgement on two entities.")
class EntityJudgement:
    id: strawberry.ID
    a: strawberry.ID
    b: strawberry.ID
    verdict: str
    by: str
    at: datetime
    reason: str
    score: float | None
    undone_at: datetime | None
    undone_by: str | None
    undo_reason: str | None

    @classmethod
    def from_record(cls, j: Judgement) -> EntityJudgement:
        return cls(id=strawberry.ID(j.id), a=strawberry.ID(j.a), b=strawberry.ID(j.b),
                   verdict=j.verdict.value, by=j.by, at=j.at, reason=j.reason, score=j.score,
                   undone_at=j.undone_at, undone_by=j.undone_by, undo_reason=j.undo_reason)


@strawberry.type(description="A member of what an entity stands for in organisation questions.")
class GroupMember:
    id: strawberry.ID
    name: str | None
    labels: list[str]
    depth: int = strawberry.field(description="Ownership links below the entity asked about.")
    wallets: list[strawberry.ID]


@strawberry.type(description="An entity's group: itself, its cluster, the organisations it "
                             "controls (SUBSIDIARY_OF, OWNS > 50 %), and their wallets.")
class EntityGroup:
    id: strawberry.ID
    members: list[GroupMember]
    wallets: list[strawberry.ID]
    reason: str | None = strawberry.field(description="Why there is no wallet, when none.")

    @classmethod
    def from_record(cls, g: Group) -> EntityGroup:
        return cls(
            id=strawberry.ID(g.id), wallets=[strawberry.ID(w) for w in g.wallets],
            members=[GroupMember(id=strawberry.ID(m.id), name=m.name, labels=list(m.labels),
                                 depth=m.depth, wallets=[strawberry.ID(w) for w in m.wallets])
                     for m in g.members],
            reason=g.no_wallet_reason(),
        )
