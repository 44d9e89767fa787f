"""The Spark scans find the Cypher scans' hits: the hand-made typology scenarios (each hit and
its near-misses, tests/graph/typology_scenarios.py) in one graph, scanned by both, at default
parameters and with thresholds moved so that near-misses hit."""

from __future__ import annotations

from typing import Any

import pytest

pytest.importorskip("pyspark")

from pyspark.sql import DataFrame, SparkSession

from graph.db import Graph
from graph.investigate.limits import MAX_PAGE
from graph.investigate.typologies import TypologyScope, typology_hits
from spark.typologies import scan_typologies
from spark.typology_input import TRANSFERS, dedupe
from tests.graph import typology_scenarios as scenarios
from tests.graph.scenario import Scenario, day

MARCH = TypologyScope(since=day("2024-03-01"), until=day("2024-04-30"))
NAMES = ("fan-in", "spray-and-funnel", "peel-chain", "rapid-pass-through")
# Each moves one threshold past a near-miss of the scenarios (test_typologies.py).
MOVED: dict[str, dict[str, Any]] = {
    "fan-in": {"min_senders": 4, "min_total": 9995.0},
    "spray-and-funnel": {"min_fanout": 4},
    "peel-chain": {"min_hops": 3},
    "rapid-pass-through": {"max_delay_hours": 7, "pass_share": 0.89},
}


def tagged(scenario: Scenario, tag: str) -> Scenario:
    """The scenario with every id prefixed by `tag`, so several share one graph unmixed."""
    out = Scenario()

    def wid(value: str) -> str:
        chain, sep, rest = value.partition(":")
        return f"{chain}:{tag}{rest}" if sep else f"{tag}{value}"

    for n in scenario.nodes:
        props = {**n["props"], "id": wid(n["props"]["id"])}
        if "address" in props:
            props["address"] = f"{tag}{props['address']}"
        out.nodes.append({"labels": n["labels"], "props": props})
    out.links = [{**lk, "start": wid(lk["start"]), "end": wid(lk["end"])}
                 for lk in scenario.links]
    for t in scenario.transfers:
        p = t["props"]
        out.transfers.append({"from": wid(t["from"]), "to": wid(t["to"]), "props": {
            **p, "tx": f"{tag}{p['tx']}", "id": f"{p['chain']}:{tag}{p['tx']}:{p['index']}"}})
    return out


def everything() -> Scenario:
    merged = Scenario()
    for tag, build in (("fi", scenarios.fan_in), ("sp", scenarios.spray),
                       ("pe", scenarios.peel), ("pt", scenarios.pass_through)):
        part = tagged(build(), tag)
        merged.nodes += part.nodes
        merged.links += part.links
        merged.transfers += part.transfers
    return merged


def frame(spark: SparkSession, scenario: Scenario) -> DataFrame:
    """The scenario's transfers as the scans read them (epoch ms, wallet ids)."""
    rows = [(p["id"], p["chain"], p["tx"], t["from"], t["to"], p["asset"], p["amount"],
             p["amount_raw"], round(p["ts"].timestamp() * 1000), n)
            for n, t in enumerate(scenario.transfers) for p in [t["props"]]]
    return dedupe(spark.createDataFrame(rows, TRANSFERS))


def excluded(spark: SparkSession, scenario: Scenario) -> DataFrame:
    """Wallets of the scenario's exchanges and bridges, as an operator's --exclude file."""
    kinds = {n["props"]["id"] for n in scenario.nodes
             if {"Exchange", "Bridge"} & set(n["labels"])}
    return spark.createDataFrame([(lk["start"],) for lk in scenario.links
                                  if lk["end"] in kinds], "wallet string")


def cypher_hits(graph: Graph, name: str, params: dict[str, Any] | None,
                scope: TypologyScope) -> list[dict[str, Any]]:
    """Every hit of the Cypher scan, as comparable dicts (no budget reached)."""
    result = typology_hits(graph, name, params, scope, MAX_PAGE)
    assert not result.partial and not result.has_next_page
    return [comparable(h.key, h.score, h.anchor, list(h.wallets),
                       [t.transfer_id for t in h.transfers],
                       {a.asset: (a.amount, a.transfers) for a in h.amounts}, dict(h.detail))
            for h in result.hits]


def spark_hits(lines: list[dict[str, Any]], name: str) -> list[dict[str, Any]]:
    return [comparable(h["key"], h["score"], h["anchor"], h["wallets"], h["transfer_ids"],
                       {a["asset"]: (a["amount"], a["transfers"]) for a in h["amounts"]},
                       h["detail"]) for h in lines if h["typology"] == name]


def comparable(key: str, score: float, anchor: str, wallets: list[str], transfers: list[str],
               amounts: dict[str, tuple[float, int]], detail: dict[str, Any]
               ) -> dict[str, Any]:
    """A hit's fields as both scans must give them: amounts to 1e-9 (below the base unit of
    6- and 8-decimal assets), evidence as sets (Cypher collects it in store order) unless it
    was cut at 50 transfers, where only the count must agree."""
    cut = len(transfers) >= 50
    return {"key": key, "score": score, "anchor": anchor,
            "wallets": len(wallets) if cut else sorted(wallets),
            "transfers": len(transfers) if cut else sorted(transfers),
            "amounts": {a: (round(v, 9), n) for a, (v, n) in sorted(amounts.items())},
            "detail": {k: round(v, 9) if isinstance(v, float) else v
                       for k, v in sorted(detail.items())}}


@pytest.mark.parametrize("moved", [False, True], ids=["defaults", "moved"])
def test_spark_hits_equal_cypher_hits(graph: Graph, spark: SparkSession, moved: bool) -> None:
    scenario = everything()
    scenario.write(graph)
    params = MOVED if moved else {}
    lines = scan_typologies(spark, frame(spark, scenario), NAMES, MARCH.since, MARCH.until,
                            params, excluded(spark, scenario))  # type: ignore[arg-type]
    for name in NAMES:
        expected = cypher_hits(graph, name, params.get(name), MARCH)
        assert expected, name  # every typology has a planted hit
        assert spark_hits(lines, name) == expected, name
    if moved:  # the near-misses the moved thresholds let through
        found = {h["key"] for h in lines}
        assert {"tron:fiN1|USDT", "tron:spS2>tron:spF2|USDT", "bitcoin:peR2",
                "tron:ptX", "tron:ptY"} <= found
