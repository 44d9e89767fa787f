"""Entity resolution: candidates and judgements (read), judging and undoing (analyst role).

Mutations are audited like every request (api/audit.py: who, what, variables), and the
judgement itself records the principal as `by`, so the graph holds its own provenance.
"""

from __future__ import annotations

import strawberry

from api.auth import Role
from api.context import Info
from api.limits import guard, page_cost
from api.types.resolution import EntityGroup, EntityJudgement, ResolutionCandidate
from graph import resolve
from graph.db import Graph
from graph.investigate.groups import group

# Candidate pairs one request may ask for.
MAX_CANDIDATES = 500
# Scoring reads every organisation and person once: a fixed cost beside the page.
SCAN_COST = 1_000


def _candidates(graph: Graph, min_score: float, first: int) -> list[ResolutionCandidate]:
    found = resolve.candidates(resolve.load(graph), min_score)[:first]
    return [ResolutionCandidate.from_record(c, resolve.auto_rule(c)) for c in found]


def _who(info: Info) -> str:
    principal = info.context.principal
    return f"{principal.role.label}:{principal.fingerprint}"


@strawberry.type
class ResolutionQueries:
    @guard(Role.ANALYST, cost=lambda args: (SCAN_COST, max(1, int(args.get("first") or 1))),
           bounds={"first": (1, MAX_CANDIDATES)},
           description="Candidate matches across sources, best first, with their evidence.")
    async def resolution_candidates(self, info: Info, min_score: float = 0.5,
                                    first: int = 50) -> list[ResolutionCandidate]:
        return await info.context.call(_candidates, info.context.graph, min_score, first)

    @guard(Role.READER, cost=page_cost("first"), bounds={"first": (1, 10_000)},
           description="Judgements on entity pairs, oldest first (undone ones included).")
    async def judgements(self, info: Info, first: int = 1_000) -> list[EntityJudgement]:
        found = await info.context.call(resolve.judgements, info.context.graph)
        return [EntityJudgement.from_record(j) for j in found[:first]]

    @guard(Role.READER, description="What an entity stands for in trace, flows, exposure "
                                    "and compounds: members and wallets used.")
    async def group(self, info: Info, id: strawberry.ID) -> EntityGroup:
        return EntityGroup.from_record(await info.context.call(group, info.context.graph, id))


@strawberry.type
class ResolutionMutations:
    @guard(Role.ANALYST, description="Judge two entities the same, different, or unsure.")
    async def judge_entities(self, info: Info, a: strawberry.ID, b: strawberry.ID,
                             verdict: str, reason: str = "") -> EntityJudgement:
        j = await info.context.call(resolve.judge, info.context.graph, a, b, verdict,
                                    _who(info), reason)
        return EntityJudgement.from_record(j)

    @guard(Role.ANALYST, description="Undo a judgement; both entities answer as before.")
    async def undo_judgement(self, info: Info, id: strawberry.ID,
                             reason: str = "") -> EntityJudgement:
        j = await info.context.call(resolve.undo, info.context.graph, id, _who(info), reason)
        return EntityJudgement.from_record(j)
