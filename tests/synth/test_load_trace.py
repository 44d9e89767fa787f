"""The default scenario loads into the real Neo4j, and traces find the planted amounts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from api.schema import build_schema
from graph.db import Graph
from graph.investigate.search import search
from graph.investigate.trace import trace
from graph.investigate.types import TraceParams, TraceResult
from graph.maintenance import clear_data
from scamgraph.cli.demo import example_queries
from scamgraph.settings import Settings
from synth.load import LoadReport, load_scenario
from tests.api.support import Executor
from tests.synth.helpers import scaled

Scenario = tuple[Path, dict[str, Any]]


@pytest.fixture(scope="module")
def loaded(session_graph: Graph, settings: Settings, scenario: Scenario
           ) -> Iterator[tuple[Graph, LoadReport]]:
    clear_data(session_graph)
    out, _ = scenario
    yield session_graph, load_scenario(session_graph, out, settings)
    clear_data(session_graph)


def found(result: TraceResult) -> dict[str, dict[str, float]]:
    return {o.id: {a.asset: a.amount for a in o.amounts} for o in result.organisations}


def planted(*sections: dict[str, Any]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for section in sections:
        for gid, v in section.items():
            out[gid] = {asset: float(scaled(a)) for asset, a in v["amounts"].items()}
    return out


def assert_close(got: dict[str, dict[str, float]], want: dict[str, dict[str, float]],
                 cent: bool = False) -> None:
    """Equal ids and assets, amounts to 1e-9 (or, for HAIRCUT shares, to the cent: the
    generator's proportional figures are rounded once, the trace per transfer)."""
    assert set(got) == set(want)
    for gid, amounts in want.items():
        assert got[gid].keys() == amounts.keys(), gid
        for asset, value in amounts.items():
            close = pytest.approx(value, abs=0.01) if cent else pytest.approx(value, rel=1e-9)
            assert got[gid][asset] == close, (gid, asset)


def test_every_file_loads_once_without_rejects(loaded: tuple[Graph, LoadReport],
                                               scenario: Scenario, settings: Settings) -> None:
    graph, report = loaded
    out, truth = scenario
    assert report.quarantined == 0 and len(report.loaded) == len(truth["files"])
    rows = {r["name"]: r["count"] for r in graph.read("db/counts") if r["kind"] == "relationship"}
    t = truth["transfers"]
    assert rows["TRANSFER"] == t["tron"] + t["ethereum"] + t["bitcoin"]
    again = load_scenario(graph, out, settings)
    assert again.loaded == [] and len(again.skipped) == len(truth["files"])


@pytest.mark.parametrize("case_id", ["pig-butchering", "spray-and-funnel", "btc-peel-chain"])
def test_trace_from_one_victim_reaches_the_planted_organisations(
        loaded: tuple[Graph, LoadReport], scenario: Scenario, case_id: str) -> None:
    graph, _ = loaded
    _, truth = scenario
    victim = next(v for v in truth["victims"] if v["case"] == case_id)
    hops = 5 if case_id == "pig-butchering" else 3
    result = trace(graph, TraceParams(seeds=(victim["wallet"],), max_hops=hops))
    assert not result.partial
    assert_close(found(result), planted(victim["direct"], within(truth, victim, hops)))


def within(truth: dict[str, Any], victim: dict[str, Any], hops: int) -> dict[str, Any]:
    """What the victim's money reaches downstream within `hops` (peels one hop apiece)."""
    if victim["case"] != "btc-peel-chain":
        return {g: v for g, v in victim["downstream_transfers"].items() if v["min_hops"] <= hops}
    peel = next(c for c in truth["cases"] if c["id"] == "btc-peel-chain")
    out: dict[str, Any] = {}
    for p in peel["peels"]:
        if p["hop"] + 1 <= hops:  # victim -> start is the first hop
            raw = int(p["amount"]["raw"]) + int(out.get(p["exchange"], {}).get("raw", 0))
            out[p["exchange"]] = {"raw": str(raw), "decimals": 8}
    return {g: {"amounts": {"BTC": a}} for g, a in out.items()}


def test_trace_from_all_victims_of_the_intake_case(loaded: tuple[Graph, LoadReport],
                                                   scenario: Scenario) -> None:
    graph, _ = loaded
    _, truth = scenario
    case = next(c for c in truth["cases"] if c["id"] == "pig-butchering")
    result = trace(graph, TraceParams(seeds=tuple(case["seeds"]), max_hops=6))
    assert_close(found(result), planted(case["orgs"]))


def test_the_demo_example_queries_answer_with_planted_facts(
        loaded: tuple[Graph, LoadReport], scenario: Scenario, settings: Settings) -> None:
    graph, _ = loaded
    _, truth = scenario
    run = Executor(build_schema(settings), settings, graph)
    trace_q, exposure_q, owners_q = (q for _, q in example_queries(truth))
    answer = run.data(trace_q)["trace"]
    victim = next(v for v in truth["victims"] if v["wallet"] == truth["examples"]["trace_victim"])
    down = dict(victim["downstream_haircut"])  # a copy: the truth is shared by other tests
    # Rolled up, the group counts only the victim's money entering it from outside: the escrow
    # deposit (escrow -> OTC desk is inside the group).
    down["synth-golden-meridian-group"] = down.pop("synth-meridian-guarantee")
    del down["synth-sunrise-otc"]
    shares = {gid: {asset: float(a["amount"]) for asset, a in v["amounts"].items()}
              for gid, v in down.items()}
    want = {**planted(victim["direct"]), **shares}
    reached = {o["id"]: {a["asset"]: a["amount"] for a in o["amounts"]}
               for o in answer["organisations"]}
    assert_close(reached, want, cent=True)
    # Never more than the victim sent, and every base unit accounted for.
    (c,) = answer["conservation"]
    parts = ("attributedRaw", "stillHeldRaw", "returnedToSeedsRaw", "droppedMinAmountRaw",
             "droppedHopCapRaw", "droppedBudgetRaw")
    assert int(c["sentRaw"]) == sum(int(c[k]) for k in parts)
    assert all(a <= int(c["sentRaw"]) / 10**6 for o in reached.values() for a in o.values())
    [exp] = [x for x in truth["exposure"] if x["wallet"] == truth["examples"]["exposure_deposit"]]
    exposure = run.data(exposure_q)["exposure"]
    assert exposure["inflow"] == [{"asset": "USDT",
                                   "amount": pytest.approx(float(scaled(exp["inflow"])))}]
    # The OTC desk is sanctioned and its group runs a compound; the clean deposits are neither.
    direct = {c["category"]: c["directShare"] for c in exposure["categories"]}
    share = float(exp["direct_share"])
    assert direct == pytest.approx({"SANCTIONED": share, "COMPOUND": share, "SCAM": 0.0})
    owners = run.data(owners_q)["owners"]["ultimateOwners"]
    shares = {o["entity"]["id"]: o["effectiveShare"] for o in owners}
    # Sunrise OTC: 49 % Li Meifang; 51 % Meridian Guarantee <- 70 % Meridian Pay <- 100 % group
    # <- Wen Haoran 60 % / Qiu Rongsheng 40 %.
    assert shares == pytest.approx({"synth-person-li-meifang": 49.0,
                                    "synth-person-wen-haoran": 51 * 0.7 * 0.6,
                                    "synth-person-qiu-rongsheng": 51 * 0.7 * 0.4,
                                    "synth-person-dara-vannak": 51 * 0.3})


@pytest.mark.parametrize("text, expected", [
    ("温浩然", "synth-person-wen-haoran"), ("Haoran Wen", "synth-person-wen-haoran"),
    ("ដារា វណ្ណៈ", "synth-person-dara-vannak"), ("子午担保", "synth-meridian-guarantee"),
    ("ရွှေမေရီဒီယံ စက်မှုဇုန်", "synth-shwe-meridian")])
def test_search_finds_people_and_companies_by_transliterated_aliases(
        loaded: tuple[Graph, LoadReport], text: str, expected: str) -> None:
    graph, _ = loaded
    assert search(graph, text).hits[0].entity.id == expected
