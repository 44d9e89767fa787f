"""Who owns a company (chains with effective shares) and what a person controls.

Effective share of a chain = the product of its link shares (percent): 60 % of 50 % is 30 %.
A link whose share is unknown (null, e.g. a SUBSIDIARY_OF without a share, or a DIRECTOR_OF)
makes the chain's effective share unknown (None) rather than guessing. An owner reached by
several distinct chains holds the sum of their effective shares (None if any is unknown).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from graph.db import Graph
from graph.investigate import limits
from graph.investigate.compounds import compound_record
from graph.investigate.entities import get_entities
from graph.investigate.types import (
    ControlledCompany,
    ControlledWallet,
    ControlResult,
    EntityId,
    OwnershipChain,
    OwnershipLink,
    OwnershipResult,
    UltimateOwner,
)
from scamgraph.errors import NotFoundError

# Chains read by one call.
MAX_CHAINS = 10_000


def effective(shares: Sequence[float | None]) -> float | None:
    """Product of percentages as a percentage; None when any is unknown."""
    result = 100.0
    for share in shares:
        if share is None:
            return None
        result = result * float(share) / 100.0
    return round(result, 10)


def total(values: Sequence[float | None]) -> float | None:
    return None if any(v is None for v in values) else round(sum(v or 0.0 for v in values), 10)


def _chain(links: list[dict[str, Any]]) -> OwnershipChain:
    parsed = tuple(OwnershipLink(x["owner"], x["owned"], x["type"], x["share"]) for x in links)
    return OwnershipChain(parsed, effective([x.share for x in parsed]))


def _distinct(rows: list[dict[str, Any]]) -> list[tuple[OwnershipChain, bool]]:
    """One chain per sequence of entities; where links duplicate, the one with known shares."""
    best: dict[tuple[str, ...], tuple[OwnershipChain, bool]] = {}
    for row in rows:
        chain = _chain(row["links"])
        key = tuple(x.owner for x in chain.links)
        known = sum(x.share is not None for x in chain.links)
        if key not in best or known > sum(x.share is not None for x in best[key][0].links):
            best[key] = (chain, bool(row["complete"]))
    return [best[k] for k in sorted(best, key=lambda k: (len(k), k))]


def owners(graph: Graph, company_id: EntityId, max_depth: int = 6) -> OwnershipResult:
    """Ownership chains above the company, with effective shares and ultimate owners."""
    limits.check_range("max_depth", max_depth, 1, limits.MAX_OWNERSHIP_DEPTH)
    rows = graph.read("investigations/owners", {"company": company_id, "max_depth": max_depth,
                                                "max_chains": MAX_CHAINS})
    if not rows:
        raise NotFoundError(f"no entity with id {company_id!r}", hint="pass an id from search")
    chains = _distinct([r for r in rows if r["top"] is not None])
    tops: dict[str, list[float | None]] = defaultdict(list)
    for chain, complete in chains:
        if complete:
            tops[chain.links[-1].owner].append(chain.effective_share)
    records = get_entities(graph, [company_id, *tops])
    ultimate = [UltimateOwner(records[t], total(v), len(v))
                for t, v in tops.items() if t in records]
    ultimate.sort(key=lambda u: (u.effective_share is None, -(u.effective_share or 0), u.entity.id))
    cut = any(not complete for _, complete in chains) or len(rows) >= MAX_CHAINS
    return OwnershipResult(
        company=records[company_id], chains=tuple(c for c, _ in chains),
        ultimate_owners=tuple(ultimate), partial=cut,
        reason=f"chains longer than max_depth={max_depth} were cut" if cut else None,
    )


def _companies(chains: list[dict[str, Any]]) -> dict[str, tuple[str, int, float | None]]:
    """company -> (first link type of its shortest chain, depth, effective share)."""
    by_company: dict[str, dict[tuple[str, ...], dict[str, Any]]] = defaultdict(dict)
    for ch in chains:
        by_company[ch["company"]].setdefault(tuple(ch["nodes"]), ch)
    found = {}
    for company, distinct in by_company.items():
        shortest = min(distinct.values(), key=lambda c: (len(c["types"]), c["types"][0] != "OWNS"))
        owned = [effective(c["shares"]) for c in distinct.values() if c["types"][0] == "OWNS"]
        found[company] = (shortest["types"][0], len(shortest["types"]),
                          total(owned) if owned else None)
    return found


def controlled_by(graph: Graph, person_id: EntityId, max_depth: int = 4) -> ControlResult:
    """Companies, wallets and compounds a person controls, directly or through companies."""
    limits.check_range("max_depth", max_depth, 1, limits.MAX_OWNERSHIP_DEPTH)
    rows = graph.read("investigations/controlled_by", {"person": person_id, "max_depth": max_depth,
                                                       "max_chains": MAX_CHAINS})
    if not rows:
        raise NotFoundError(f"no entity with id {person_id!r}", hint="pass an id from search")
    row = rows[0]
    companies = _companies(row["chains"])
    ids = [person_id, *companies, *(w["wallet"] for w in row["wallets"]),
           *(k["compound"] for k in row["compounds"])]
    records = get_entities(graph, ids)
    ordered = sorted(companies.items(), key=lambda x: (x[1][1], x[0]))
    wallets = sorted(row["wallets"], key=lambda w: (w["wallet"], w["controller"]))
    cut = len(row["chains"]) >= MAX_CHAINS
    return ControlResult(
        person=records[person_id],
        companies=tuple(ControlledCompany(records[c], via, depth, share)
                        for c, (via, depth, share) in ordered),
        wallets=tuple(ControlledWallet(records[w["wallet"]], w["controller"]) for w in wallets),
        compounds=_compounds(row["compounds"], companies, records),
        partial=cut, reason=f"more than {MAX_CHAINS} control chains" if cut else None,
    )


def _compounds(rows: list[dict[str, Any]], companies: dict[str, tuple[str, int, float | None]],
               records: dict[str, Any]) -> tuple[Any, ...]:
    operators: dict[str, list[str]] = defaultdict(list)
    for k in rows:
        operators[k["compound"]].append(k["operator"])

    def hops(compound: str) -> int:
        return 1 + min(companies.get(o, ("", 0, None))[1] for o in operators[compound])
    return tuple(compound_record(records[k], ops, hops(k)) for k, ops in sorted(operators.items()))
