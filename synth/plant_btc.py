"""A Bitcoin peel chain: victims pay a crew's wallet, which peels small sums to exchange deposit
addresses hop by hop, each time sending the change on to a fresh address."""

from __future__ import annotations

from typing import Any

from synth import cast
from synth import population as pop
from synth.chains import BTC_DECIMALS, BtcIn, BtcOut, BtcTx
from synth.keys import BtcAddr
from synth.plan_base import HOUR_MS, Plan, day
from synth.truth import OrgTally, amount, wallet_id

PEEL_HOPS = 10
SAT = 100_000_000


def _addr(plan: Plan, role: str, *idx: object, org: str | None = None,
          relation: str = "controlled_by") -> BtcAddr:
    addr = plan.keys.btc("case", "peel", role, *idx)
    plan.truth.wallet("bitcoin", addr.address, role, "btc-peel-chain", org, relation)
    return addr


def _tx(plan: Plan, ts: int, key: str, inputs: list[BtcIn], outputs: list[BtcOut]) -> str:
    """Append a transaction; returns its txid (the spent_transaction_hash of its outputs)."""
    plan.btc.append(BtcTx(ts, key, tuple(inputs), tuple(outputs)))
    return plan.keys.hex64("tx", key)


def victims_pay(plan: Plan, start: BtcAddr, victims: int
                ) -> tuple[list[BtcIn], list[dict[str, Any]]]:
    """Each victim withdraws BTC from an exchange hot wallet and sends it all to `start`."""
    rng, out, utxos = plan.keys.rng("case", "peel-victims"), [], []
    for i in range(victims):
        victim = _addr(plan, "victim", i)
        hot = pop.btc_hot_wallet(plan.keys, "bluefin-exchange", i)
        value, t = rng.randint(30, 250) * SAT // 100, day(10 + 7 * i)
        funding = BtcIn(plan.keys.hex64("prev", "peel", i), 0, hot, value * 4)
        fee = rng.randint(2_000, 8_000)
        wd = _tx(plan, t, f"peel:{i}:withdraw", [funding],
                 [BtcOut(victim, value), BtcOut(hot, value * 3 - fee)])
        paid = value - fee
        txid = _tx(plan, t + 2 * HOUR_MS, f"peel:{i}:pay", [BtcIn(wd, 0, victim, value)],
                   [BtcOut(start, paid)])
        utxos.append(BtcIn(txid, 0, start, paid))
        out.append({"wallet": wallet_id("bitcoin", victim.address), "chain": "bitcoin",
                    "case": "btc-peel-chain", "exchange": cast.ORG["bluefin-exchange"].graph_id,
                    "payments": [amount(paid, BTC_DECIMALS)],
                    "paid": {"BTC": amount(paid, BTC_DECIMALS)}})
    return utxos, out


def peel_chain(plan: Plan, victims: int = 3) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    rng, case = plan.keys.rng("case", "peel"), "btc-peel-chain"
    start = _addr(plan, "peel-start", org="lotus-romance")
    inputs, victim_json = victims_pay(plan, start, victims)
    total = sum(i.value for i in inputs)
    tally, peels, t = OrgTally(), [], day(35)
    tally.add("lotus-romance", "BTC", BTC_DECIMALS, total, 1)
    fees = 0
    for k in range(PEEL_HOPS):
        exchange = cast.EXCHANGES[k % 3]
        dest = _addr(plan, "cash-out-deposit", k, org=exchange, relation="deposit_address_of")
        change = _addr(plan, "peel-change", k + 1)
        value = sum(i.value for i in inputs)
        peel, fee = value * rng.randint(3, 9) // 100, rng.randint(1_500, 6_000)
        txid = _tx(plan, t, f"peel:hop:{k}", inputs,
                   [BtcOut(dest, peel), BtcOut(change, value - peel - fee)])
        tally.add(exchange, "BTC", BTC_DECIMALS, peel, k + 2)
        peels.append({"hop": k + 1, "to": wallet_id("bitcoin", dest.address),
                      "exchange": cast.ORG[exchange].graph_id,
                      "amount": amount(peel, BTC_DECIMALS)})
        fees += fee
        inputs = [BtcIn(txid, 1, change, value - peel - fee)]
        t += rng.randint(2, 8) * HOUR_MS
    case_json = {
        "id": case, "typology": "btc-peel-chain", "chains": ["bitcoin"],
        "seeds": [v["wallet"] for v in victim_json], "start": wallet_id("bitcoin", start.address),
        "peels": peels, "fees": amount(fees, BTC_DECIMALS),
        "remainder": {"wallet": wallet_id("bitcoin", inputs[0].addr.address),
                      "amount": amount(inputs[0].value, BTC_DECIMALS)},
        "orgs": tally.as_json(), "tally": tally}
    return case_json, victim_json
