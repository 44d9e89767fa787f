"""Spray-and-funnel on Tron, with the sprayed wallets' fees funded by one shared funder.

Real fee funding is native TRX, which the TRC-20 endpoint does not list; here the funder sends
small USDT amounts instead, so the pattern (one funder, many fresh wallets, just before use)
stays visible in the one Tron format the project ingests.
"""

from __future__ import annotations

from typing import Any

from synth import cast
from synth import population as pop
from synth.chains import TRON_USDT
from synth.plan_base import CENT, HOUR_MS, Plan, day, usd
from synth.truth import OrgTally, amount, wallet_id

SPRAY_WALLETS = 24
STANDBY_WALLETS = 16


def spray_and_funnel(plan: Plan, victims: int = 4) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Victims pay a crew's wallet; it sprays to fresh wallets that all forward to one funnel."""
    rng, case = plan.keys.rng("case", "spray"), "spray-and-funnel"
    source = plan.addr("tron", case, "spray-source", org="jade-harbour")
    funnel = plan.addr("tron", case, "funnel", org="meridian-pay")
    paid, out = 0, []
    for i in range(victims):
        victim = plan.addr("tron", case, "victim", i)
        hot = pop.hot_wallet(plan.keys, "tron", cast.EXCHANGES[(i + 1) % 3], i)
        raw, t = usd(rng, 3000, 20000), day(55 + i) + rng.randint(0, 20) * HOUR_MS
        plan.send(TRON_USDT, t, f"spray:{i}:withdraw", hot, victim, raw + usd(rng, 0, 100))
        plan.send(TRON_USDT, t + HOUR_MS, f"spray:{i}:pay", victim, source, raw)
        paid += raw
        out.append({"wallet": wallet_id("tron", victim), "chain": "tron", "case": case,
                    "exchange": cast.ORG[cast.EXCHANGES[(i + 1) % 3]].graph_id,
                    "payments": [amount(raw, 6)], "paid": {"USDT": amount(raw, 6)}})
    parts = split(paid, SPRAY_WALLETS, rng.random)
    hops = [plan.addr("tron", case, "spray-hop", k) for k in range(SPRAY_WALLETS)]
    for k, (hop, part) in enumerate(zip(hops, parts, strict=True)):
        t = day(62) + k * 7 * 60_000
        plan.send(TRON_USDT, t, f"spray:out:{k}", source, hop, part)
        plan.send(TRON_USDT, t + rng.randint(1, 6) * HOUR_MS, f"spray:in:{k}", hop, funnel, part)
    tally = OrgTally()
    tally.add("jade-harbour", "USDT", 6, paid, 1)
    tally.add("meridian-pay", "USDT", 6, paid, 3)
    case_json = {"id": case, "typology": "spray-and-funnel", "chains": ["tron"],
                 "seeds": [v["wallet"] for v in out], "source": wallet_id("tron", source),
                 "funnel": wallet_id("tron", funnel), "intermediates": [
                     wallet_id("tron", h) for h in hops], "orgs": tally.as_json(), "tally": tally,
                 "parts": parts}
    return case_json, out


def split(total: int, n: int, draw: Any) -> list[int]:
    """`total` cut into n positive parts to the cent (the last part takes the rounding)."""
    weights = [0.2 + draw() for _ in range(n)]
    scale = total / sum(weights)
    parts = [int(w * scale) // 10_000 * 10_000 for w in weights[:-1]]
    return [*parts, total - sum(parts)]


def fee_funding(plan: Plan, sprayed: list[str]) -> dict[str, Any]:
    """One funder tops up the spray wallets (just before the spray) and a few standby wallets."""
    rng, case = plan.keys.rng("case", "fees"), "tron-fee-funding"
    funder = plan.addr("tron", case, "fee-funder", org="meridian-pay")
    standby = [plan.addr("tron", case, "standby", k) for k in range(STANDBY_WALLETS)]
    funded, total = [], 0
    for k, wallet in enumerate([*[a.split(":", 1)[1] for a in sprayed], *standby]):
        raw = rng.randint(150, 300) * CENT
        plan.send(TRON_USDT, day(61) + k * 3 * 60_000, f"fees:{k}", funder, wallet, raw)
        funded.append({"wallet": wallet_id("tron", wallet), "amount": amount(raw, 6)})
        total += raw
    return {"id": case, "typology": "tron-fee-funding", "chains": ["tron"],
            "seeds": [wallet_id("tron", funder)], "funder": wallet_id("tron", funder),
            "funder_org": cast.ORG["meridian-pay"].graph_id, "funded": funded,
            "total": amount(total, 6),
            "note": "real fee funding is native TRX; generated as small TRC-20 USDT transfers"}


