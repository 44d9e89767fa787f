"""A value trace's opening balances (taint_opening.cypher): a wallet's clean past folded into one
balance per asset gives the answer of replaying its whole ledger.

The hand-worked scenario pins the rules a plain sum would break (an outflow larger than the
balance leaves 0, a transfer to itself leaves at least its amount, equal times in (tx, index,
id) order); the random ledgers compare every pruned trace with the replay of the whole ledger.
"""

from __future__ import annotations

import random

import pytest

from graph.db import Graph
from graph.investigate import taint, taint_region
from graph.investigate.taint_sim import Region, simulate
from graph.investigate.types import TraceMethod, TraceParams
from tests.graph.scenario import Scenario, day

U = 10**6
H, F, L = TraceMethod.HAIRCUT, TraceMethod.FIFO, TraceMethod.LIFO
EARLIEST = -(10**15)  # epoch ms long before any transfer: the ledger from the beginning


def clean_past() -> Scenario:
    """Y's past before S's value arrives (01-10), USDT: W -3-> Y (3); Y -5-> Z (0: the shortfall
    of 2 is unknown funds; a plain sum would be -2); W -4-> Y (4); Y -6-> Y (6: to itself);
    at 01-05 Y -7-> Z (tx k1: 0) then W -2-> Y (tx k2: 2; the other order would leave 1);
    W -1.5-> Y without amount_raw (3.5). TRX: W -5-> Y. Then S -10-> Y, Y -7-> Q: Y holds 3.5
    clean and 10 of S's; HAIRCUT: Q 7 x 10 / 13.5 = 5.185185 (floored); FIFO 3.5; LIFO 7.
    """
    s = Scenario()
    sd, w, y, z, q = (s.wallet(n) for n in ["S", "W", "Y", "Z", "Q"])
    s.send_all([("o1", w, y, 3, "2024-01-01"), ("o2", y, z, 5, "2024-01-02"),
                ("o3", w, y, 4, "2024-01-03"), ("o4", y, y, 6, "2024-01-04"),
                ("k2", w, y, 2, "2024-01-05"), ("k1", y, z, 7, "2024-01-05"),
                ("o5", w, y, 5, "2024-01-06", "TRX"), ("o6", w, y, 1.5, "2024-01-07"),
                ("s1", sd, y, 10, "2024-01-10"), ("s2", y, q, 7, "2024-01-11")])
    s.transfers[7]["props"].pop("amount_raw")  # o6: amount x 10^decimals
    return s


def test_the_opening_follows_the_replays_rules(graph: Graph) -> None:
    clean_past().write(graph)
    region = taint.fetch_region(graph, TraceParams(seeds=("tron:S",), method=H), ["tron:S"])
    assert region.opening == {("USDT", "tron:Y"): 3_500_000, ("TRX", "tron:Y"): 5 * U}
    assert sorted(t["tx"] for t in region.transfers) == ["s1", "s2"]
    window = TraceParams(seeds=("tron:S",), method=H, since=day("2024-01-06"))
    assert taint.fetch_region(graph, window, ["tron:S"]).opening == {
        ("USDT", "tron:Y"): 1_500_000, ("TRX", "tron:Y"): 5 * U}


@pytest.mark.parametrize(("method", "to_q"), [(H, 5_185_185), (F, 3_500_000), (L, 7 * U)])
def test_the_opening_in_the_answer(graph: Graph, method: TraceMethod, to_q: int) -> None:
    clean_past().write(graph)
    params = TraceParams(seeds=("tron:S",), method=method)
    flow = simulate(method, taint.fetch_region(graph, params, ["tron:S"]), None)["USDT"]
    assert flow.received["tron:Q"] == to_q and flow.sent == 10 * U
    assert flow == simulate(method, whole_ledger(graph, params), None)["USDT"]


def random_ledger(rng: random.Random) -> Scenario:
    """Eight wallets trading two assets over ten days, many at the same time; S sends from day
    3 on, so every wallet has a past (outflows beyond its balance, transfers to itself)."""
    s = Scenario()
    names = [s.wallet(n) for n in ["S", "A", "B", "C", "D", "E", "G", "K"]]
    for i in range(140):
        a, b = rng.choice(names[1:]), rng.choice(names[1:])
        when = f"2024-01-{rng.randint(1, 10):02d}T{rng.choice([0, 12]):02d}:00"
        s.send(f"r{rng.randint(0, 9)}{i:03d}", a, b, rng.randint(1, 9), when,
               rng.choice(["USDT", "TRX"]))
    for i in range(6):
        s.send(f"s{i}", names[0], rng.choice(names[1:]), rng.randint(5, 20),
               f"2024-01-{rng.randint(3, 9):02d}T12:00", rng.choice(["USDT", "TRX"]))
    return s


@pytest.mark.parametrize("seed", range(4))
def test_random_ledgers_answer_as_their_whole_replay(graph: Graph, seed: int) -> None:
    random_ledger(random.Random(seed)).write(graph)
    for method in (H, F, L):
        params = TraceParams(seeds=("tron:S",), method=method, max_hops=3)
        pruned = taint.fetch_region(graph, params, ["tron:S"])
        assert pruned.opening and not pruned.cut  # the case is exercised
        assert simulate(method, pruned, None) == simulate(method, whole_ledger(graph, params),
                                                          None)


def whole_ledger(graph: Graph, params: TraceParams) -> Region:
    """The same region with every simulated wallet's whole ledger and no opening balances."""
    seeds = list(params.seeds)
    pruned = taint.fetch_region(graph, params, seeds)
    query = taint._query_params(params, seeds)
    start = graph.read("investigations/taint_start", query)[0]["start"]
    wallets = [{"id": s, "since": start, "seed": True} for s in seeds] + [
        {"id": w, "since": EARLIEST, "seed": False} for w in pruned.arrival]
    rows = graph.read("investigations/taint_ledger", {**query, "wallets": wallets})
    transfers = [taint_region._transfer(t) for t in rows[0]["transfers"]]
    return Region(pruned.seeds, pruned.reached, transfers, pruned.cut, pruned.max_hops)
