"""The default scenario: every planted case, chained as the money really moves, plus its truth.

Victims' money: pig-butchering intake -> consolidation -> guarantee escrow -> OTC desk ->
exchange deposit (and a bridge hop to Ethereum); a spray-and-funnel with fee funding; a
Bitcoin peel chain. Per victim, the ground truth gives the exact sum paid to the first
organisation and, downstream, the victim's proportional share of what each organisation got.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from synth import cast, plant, plant_btc, plant_spray
from synth import population as pop
from synth.keys import Keys
from synth.plan_base import Plan
from synth.truth import OrgTally, Truth


def merged(first: OrgTally, then: OrgTally, hop_offset: int) -> OrgTally:
    """Tallies of two consecutive legs, the second's hops counted from the first's seeds."""
    out = OrgTally()
    for tally, offset in ((first, 0), (then, hop_offset)):
        for gid, assets in tally.raw.items():
            for (asset, decimals), raw in assets.items():
                out.raw[gid][(asset, decimals)] += raw
            hops = tally.hops[gid] + offset
            out.hops[gid] = min(hops, out.hops.get(gid, hops))
    return out


def split_direct(tally: OrgTally) -> tuple[OrgTally, OrgTally]:
    """(organisations one hop from the seeds, the rest)."""
    direct, rest = OrgTally(), OrgTally()
    for gid, assets in tally.raw.items():
        side = direct if tally.hops[gid] == 1 else rest
        side.raw[gid].update(assets)
        side.hops[gid] = tally.hops[gid]
    return direct, rest


def add_reaches(victims: list[dict[str, Any]], tally: OrgTally,
                carried: dict[str, Decimal] | None = None) -> None:
    """Per victim: the first organisation's exact amount; downstream, the proportional share
    (times `carried[gid]` where clean money joins the victims' money before that organisation)."""
    direct, downstream = split_direct(tally)
    total = sum(int(next(iter(v["paid"].values()))["raw"]) for v in victims)
    for victim in victims:
        asset, paid = next(iter(victim["paid"].items()))
        share = Decimal(int(paid["raw"])) / total
        victim["direct"] = {gid: {"min_hops": 1, "amounts": {asset: paid}} for gid in direct.raw}
        # What a trace summing the distinct transfers entering each organisation finds
        # (graph.investigate.trace) beside a proportional haircut of the victim's share.
        victim["downstream_transfers"] = downstream.as_json()
        victim["proportional_share"] = str(share)
        victim["downstream_haircut"] = downstream.as_json(share, carried)


def spray_carried(parts: list[int], fees: dict[str, Any]) -> dict[str, Decimal]:
    """The fraction of the sprayed money a haircut carries into the funnel: each spray wallet
    got its fee top-up first and forwards only its part, so part / (part + fee) of its share."""
    top_up = [int(f["amount"]["raw"]) for f in fees["funded"][:len(parts)]]
    carried = sum((Decimal(p) * p / (p + f) for p, f in zip(parts, top_up, strict=True)),
                  Decimal(0))
    return {cast.ORG["meridian-pay"].graph_id: carried / sum(parts)}


def build(keys: Keys) -> tuple[Plan, dict[str, Any]]:
    """All planted events (sorted per chain) and the truth's cases/victims/exposure sections."""
    plan = Plan(keys, Truth())
    for chain, address, exchange in pop.all_hot_wallets(keys):
        plan.truth.wallet(chain, address, "hot-wallet", None, exchange)
    consolidation, pb_victims = plant.pig_butchering(plan)
    pb_total = sum(int(v["paid"]["USDT"]["raw"]) for v in pb_victims)
    off = plant.offramp(plan, consolidation, pb_total)
    pb_direct = OrgTally()
    pb_direct.add("lotus-romance", "USDT", 6, pb_total, 1)
    pb_tally = merged(pb_direct, off.pop("tally"), 2)
    pb_case = {"id": "pig-butchering", "typology": "pig-butchering-intake", "chains": ["tron"],
               "seeds": [v["wallet"] for v in pb_victims], "consolidation": off["seeds"][0],
               "orgs": pb_tally.as_json()}
    add_reaches(pb_victims, pb_tally)
    spray, spray_victims = plant_spray.spray_and_funnel(plan)
    fees = plant_spray.fee_funding(plan, spray["intermediates"])
    add_reaches(spray_victims, spray.pop("tally"), spray_carried(spray.pop("parts"), fees))
    peel, peel_victims = plant_btc.peel_chain(plan)
    add_reaches(peel_victims, peel.pop("tally"))
    for events in (plan.tron, plan.eth, plan.btc):
        events.sort(key=lambda e: (e.ts_ms, e.key))
    cases = [pb_case, off, off.pop("cross_chain"), spray, fees, peel]
    return plan, {"cases": cases, "victims": [*pb_victims, *spray_victims, *peel_victims],
                  "exposure": plan.truth.exposure}
