"""Planted cases on the account-model chains (Tron and Ethereum USDT), each with its ground truth.

Case money never mixes with background traffic except where it should: victims withdraw from
the exchanges' shared hot wallets, and the cash-out deposit address also takes clean deposits.
So every planted amount below is what an exact trace must find.
"""

from __future__ import annotations

import random
from decimal import Decimal
from typing import Any

from synth import cast
from synth import population as pop
from synth.chains import ETH_USDT, TRON_USDT
from synth.plan_base import CENT, HOUR_MS, Plan, day, usd
from synth.truth import OrgTally, amount, wallet_id


def pig_butchering(plan: Plan, victims: int = 8) -> tuple[str, list[dict[str, Any]]]:
    """Victims withdraw from exchanges and pay their own deposit wallet escalating sums; each
    payment is swept to one consolidation wallet (fan-in). Returns (consolidation, victims)."""
    rng, case = plan.keys.rng("case", "pb"), "pig-butchering"
    consolidation = plan.addr("tron", case, "consolidation", org="lotus-romance")
    out = []
    for i in range(victims):
        victim = plan.addr("tron", case, "victim", i)
        deposit = plan.addr("tron", case, "scam-deposit", i, org="lotus-romance")
        exchange = cast.EXCHANGES[i % 3]
        hot = pop.hot_wallet(plan.keys, "tron", exchange, i)
        t, pay = day(2 + 3 * i) + rng.randint(0, 12) * HOUR_MS, usd(rng, 200, 1500)
        payments, factor = [], rng.uniform(1.8, 3.0)
        for j in range(rng.randint(3, 5)):
            plan.send(TRON_USDT, t, f"pb:{i}:{j}:withdraw", hot, victim, pay + usd(rng, 0, 50))
            plan.send(TRON_USDT, t + HOUR_MS, f"pb:{i}:{j}:pay", victim, deposit, pay)
            plan.send(TRON_USDT, t + 3 * HOUR_MS, f"pb:{i}:{j}:sweep", deposit, consolidation, pay)
            payments.append(pay)
            t += rng.randint(24, 96) * HOUR_MS
            pay = int(pay * factor) // CENT * CENT
        out.append({"wallet": wallet_id("tron", victim), "chain": "tron", "case": case,
                    "exchange": cast.ORG[exchange].graph_id,
                    "payments": [amount(p, 6) for p in payments],
                    "paid": {"USDT": amount(sum(payments), 6)}})
    return consolidation, out


def offramp(plan: Plan, consolidation: str, total: int) -> dict[str, Any]:
    """Consolidation -> guarantee escrow -> OTC desk -> exchange deposit -> hot wallet, with part
    bridged to Ethereum (the OTC desk's Ethereum wallet -> another exchange)."""
    rng, case = plan.keys.rng("case", "offramp"), "escrow-otc-offramp"
    escrow = plan.addr("tron", case, "escrow", org="meridian-guarantee")
    otc = plan.addr("tron", case, "otc", org="sunrise-otc")
    k_dep = plan.addr("tron", case, "otc-deposit", org="kestrel-exchange",
                      relation="deposit_address_of")
    k_hot = pop.hot_wallet(plan.keys, "tron", "kestrel-exchange", 0)
    fee = total * 2 // 100 // CENT * CENT
    to_exchange = (total - fee) * 60 // 100 // 1_000_000 * 1_000_000
    bridged = total - fee - to_exchange
    plan.send(TRON_USDT, day(45), "off:escrow", consolidation, escrow, total)
    plan.send(TRON_USDT, day(46), "off:otc", escrow, otc, total - fee)
    plan.send(TRON_USDT, day(47), "off:deposit", otc, k_dep, to_exchange)
    plan.send(TRON_USDT, day(47) + HOUR_MS, "off:sweep", k_dep, k_hot, to_exchange)
    tally = OrgTally()
    tally.add("meridian-guarantee", "USDT", 6, total, 1)
    tally.add("sunrise-otc", "USDT", 6, total - fee, 2)
    tally.add("kestrel-exchange", "USDT", 6, to_exchange, 3)
    tally.add("hopswap-bridge", "USDT", 6, bridged, 3)
    bridge = bridge_hop(plan, otc, bridged, rng)
    clean = clean_deposits(plan, k_dep, k_hot, rng)
    plan.truth.exposure.append(exposure("tron", k_dep, to_exchange, clean))
    return {"id": case, "typology": "escrow-otc-offramp", "chains": ["tron", "ethereum"],
            "seeds": [wallet_id("tron", consolidation)], "orgs": tally.as_json(),
            "marketplace_fee": amount(fee, 6), "cross_chain": bridge, "tally": tally}


def bridge_hop(plan: Plan, otc: str, bridged: int, rng: random.Random) -> dict[str, Any]:
    """USDT in on Tron at the bridge, out on Ethereum to the OTC desk, on to an exchange."""
    case = "bridge-hop"
    b_tron = plan.addr("tron", case, "bridge-in", org="hopswap-bridge")
    b_eth = plan.addr("ethereum", case, "bridge-out", org="hopswap-bridge")
    otc_eth = plan.addr("ethereum", case, "otc-eth", org="sunrise-otc")
    n_dep = plan.addr("ethereum", case, "otc-deposit", org="northwind-exchange",
                      relation="deposit_address_of")
    n_hot = pop.hot_wallet(plan.keys, "ethereum", "northwind-exchange", 1)
    out = bridged - bridged // 1000 // CENT * CENT  # a 0.1 % bridge fee
    t = day(48) + rng.randint(0, 20) * HOUR_MS
    plan.send(TRON_USDT, t, "bridge:in", otc, b_tron, bridged)
    plan.send(ETH_USDT, t + 6 * 60_000, "bridge:out", b_eth, otc_eth, out)
    plan.send(ETH_USDT, day(49), "bridge:deposit", otc_eth, n_dep, out)
    plan.send(ETH_USDT, day(49) + HOUR_MS, "bridge:sweep", n_dep, n_hot, out)
    plan.truth.exposure.append(exposure("ethereum", n_dep, out, 0))
    tally = OrgTally()
    tally.add("sunrise-otc", "USDT", 6, out, 1)
    tally.add("northwind-exchange", "USDT", 6, out, 2)
    return {"id": case, "typology": "cross-chain-bridge", "in": {"chain": "tron",
            "wallet": wallet_id("tron", b_tron), "amount": amount(bridged, 6)},
            "out": {"chain": "ethereum", "wallet": wallet_id("ethereum", b_eth),
                    "amount": amount(out, 6)},
            "seeds": [wallet_id("ethereum", b_eth)], "orgs": tally.as_json()}


def clean_deposits(plan: Plan, k_dep: str, k_hot: str, rng: random.Random) -> int:
    """Clean deposits from unrelated wallets into the cash-out deposit address (exposure < 1)."""
    total = 0
    for j, d in enumerate((20, 40, 70)):
        sender = plan.addr("tron", "exposure", "clean-sender", j)
        raw = usd(rng, 500, 5000)
        plan.send(TRON_USDT, day(d), f"clean:{j}", sender, k_dep, raw)
        plan.send(TRON_USDT, day(d) + HOUR_MS, f"clean:{j}:sweep", k_dep, k_hot, raw)
        total += raw
    return total


def exposure(chain: str, deposit: str, risky: int, clean: int) -> dict[str, Any]:
    """Inflow of a cash-out deposit address: from the (sanctioned) OTC desk, and clean."""
    return {"wallet": wallet_id(chain, deposit), "asset": "USDT",
            "inflow": amount(risky + clean, 6), "from_case": amount(risky, 6),
            "clean": amount(clean, 6), "direct_share": str(Decimal(risky) / (risky + clean)),
            "risky_source": cast.ORG["sunrise-otc"].graph_id}
