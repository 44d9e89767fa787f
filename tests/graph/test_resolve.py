"""Resolution on resolve_scenario: a TagPack actor and an FtM company judged the same answer
as one entity (roll-up, flows by month, controlledBy, compounds, exposure, entity, search);
undo restores the graph exactly; `auto` keeps look-alikes in different countries apart."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from graph import resolve
from graph.db import Graph
from graph.investigate import (
    compounds_linked,
    controlled_by,
    exposure,
    flows,
    get_entity,
    neighbourhood,
    owners,
    paths,
    search,
    trace,
)
from graph.investigate.types import RiskCategory, TraceParams
from graph.resolve import exchange
from scamgraph.settings import Settings
from tests.graph.resolve_scenario import resolve_scenario
from tests.graph.scenario import Scenario
from tests.ingest.helpers import fixture, ingest

DUMP = """
MATCH (n) WHERE NOT n:Judgement
WITH n ORDER BY n.id, n.member
WITH collect({labels: labels(n), props: properties(n)}) AS nodes
OPTIONAL MATCH (a)-[r]->(b)
WITH nodes, r, a, b ORDER BY a.id, type(r), b.id, r.id
RETURN nodes, collect({type: type(r), a: a.id, b: b.id, props: properties(r)}) AS rels
"""


@pytest.fixture
def case(graph: Graph) -> Graph:
    resolve_scenario().write(graph)
    return graph


def dump(graph: Graph) -> Any:
    return graph.driver.execute_query(DUMP, database_=graph.database).records[0].data()


def same(graph: Graph) -> resolve.Judgement:
    return resolve.judge(graph, "gs-actor-huione", "ftm-huione", "same", "analyst:t",
                         "same website and name")


def sanctioned(result: Any) -> tuple[float, float | None]:
    (c,) = [c for c in result.categories if c.category is RiskCategory.SANCTIONED]
    return c.direct_amount, c.direct_share


def test_before_judgement_the_sources_stay_apart(case: Graph) -> None:
    assert flows(case, "ftm-group", "x", max_hops=1).direct == ()
    assert controlled_by(case, "ftm-p").wallets == ()
    assert compounds_linked(case, "tron:h1") == []
    assert sanctioned(exposure(case, "x", max_hops=1)) == (0.0, 0.0)


def test_candidate_pair_with_evidence(case: Graph) -> None:
    found = resolve.candidates(resolve.load(case), 0.5)
    pair = next(c for c in found if (c.a, c.b) == ("ftm-huione", "gs-actor-huione"))
    # same normalised name 0.6 + same country 0.1 + same website domain 0.3
    assert pair.score == 1.0
    assert [e.kind for e in pair.evidence] == ["same_name", "same_country", "same_domain"]
    assert "'guarantee huione'" in pair.evidence[0].detail


def test_judged_same_the_cluster_answers_as_one(case: Graph) -> None:
    same(case)
    result = trace(case, TraceParams(seeds=("tron:v",), max_hops=1, rollup=True))
    (org,) = result.organisations
    # The actor's wallets count for the FtM company (canonical), inside its parent group.
    assert (org.id, org.name, org.members) == ("ftm-group", "Huione Group", ("ftm-huione",))
    assert {a.amount for a in org.amounts} == {1500.0}
    by_month = flows(case, "ftm-group", "x", max_hops=1).direct
    assert [(b.period, b.amount, b.transfers) for b in by_month] == [
        ("2024-03", 200.0, 1), ("2024-04", 50.0, 1)]
    control = controlled_by(case, "ftm-p")
    assert [(w.entity.id, w.controller) for w in control.wallets] == [
        ("tron:h1", "ftm-huione"), ("tron:h2", "ftm-huione")]
    # wallet -> actor (1) = ftm-huione -> group (2) -> park (3), OPERATES (4)
    assert [(k.entity.id, k.hops) for k in compounds_linked(case, "tron:h1")] == [("k1", 4)]
    # Inflow of X: r3 200 + r4 50; both from wallets whose cluster is sanctioned.
    assert sanctioned(exposure(case, "x", max_hops=1)) == (250.0, 1.0)
    # The group's inflow: r1 1500 + r2 500 (sw sanctioned): a quarter.
    assert sanctioned(exposure(case, "ftm-group", max_hops=1)) == (500.0, 0.25)


def test_old_member_id_resolves_to_its_cluster(case: Graph) -> None:
    same(case)
    actor = get_entity(case, "gs-actor-huione")
    assert actor is not None
    assert actor.properties["cluster_id"] == "ftm-huione"
    assert sorted(actor.properties["cluster_members"]) == ["ftm-huione", "gs-actor-huione"]
    assert set(actor.properties["cluster_sources"]) == {"actorpack:a.yaml", "ftm:c.json"}
    assert [s.id for s in actor.sanctions] == ["OFAC:SDN:9"]
    hits = [h.entity.id for h in search(case, "guarantee").hits]
    assert hits == ["ftm-huione"]


def test_owners_and_neighbourhood_of_a_member_see_the_cluster(case: Graph) -> None:
    assert owners(case, "gs-actor-huione").ultimate_owners == ()
    same(case)
    (top,) = owners(case, "gs-actor-huione").ultimate_owners
    # ftm-huione SUBSIDIARY_OF (no share) ftm-group, OWNED 70 % by ftm-p: share unknown.
    assert (top.entity.id, top.effective_share) == ("ftm-p", None)
    near = {n.id for n in neighbourhood(case, "gs-actor-huione", depth=1).nodes}
    assert near == {"gs-actor-huione", "ftm-huione", "tron:h1", "tron:h2", "ftm-group",
                    "OFAC:SDN:9"}


def test_paths_cross_a_resolved_cluster(case: Graph) -> None:
    """The wallet's controller (the actor) and the group's subsidiary (the FtM company) are two
    records: no path joins the wallet to the group's owner until they are judged the same; the
    path then crosses the derived SAME_AS edge, and undoing the judgement removes it."""
    assert paths(case, "tron:h1", "ftm-p", max_length=4).paths == ()
    judgement = same(case)
    (path, *_) = paths(case, "tron:h1", "ftm-p", max_length=4).paths
    assert [n.id for n in path.nodes] == [
        "tron:h1", "gs-actor-huione", "ftm-huione", "ftm-group", "ftm-p"]
    assert [e.type for e in path.edges] == ["CONTROLLED_BY", "SAME_AS", "SUBSIDIARY_OF", "OWNS"]
    resolve.undo(case, judgement.id, "analyst:t", "wrong")
    assert paths(case, "tron:h1", "ftm-p", max_length=4).paths == ()


def test_referents_pair_records_whose_names_differ(case: Graph) -> None:
    """An FtM record whose `referents` name another record is compared with it even when no
    name word, number or domain is shared, and the evidence says why."""
    s = Scenario()
    s.org("ftm-hm", "Hydra Holdings", "Company", referents=["gs-actor-hydra_market"])
    s.org("gs-actor-hydra_market", "Hydra", gs_actor="hydra_market")
    s.write(case)
    found = resolve.candidates(resolve.load(case), 0.5)
    (pair,) = [c for c in found if "ftm-hm" in (c.a, c.b)]
    assert (pair.a, pair.b) == ("ftm-hm", "gs-actor-hydra_market")
    assert [e.kind for e in pair.evidence] == ["referent"]
    assert pair.score == 0.6


def test_tag_labels_and_tag_names_are_searchable(case: Graph) -> None:
    assert [h.entity.id for h in search(case, "binance").hits] == ["tron:bn"]
    (okx,) = search(case, "OKX").hits
    assert (okx.entity.id, okx.entity.name) == ("gs-actor-okx", "OKX")
    assert get_entity(case, "gs-actor-okx").name == "OKX"  # type: ignore[union-attr]


def test_undo_restores_the_graph_exactly(case: Graph) -> None:
    before = dump(case)
    judgement = same(case)
    assert dump(case) != before
    resolve.undo(case, judgement.id, "analyst:t", "wrong")
    assert dump(case) == before
    assert flows(case, "ftm-group", "x", max_hops=1).direct == ()
    (kept,) = resolve.judgements(case)
    assert (kept.undone_by, kept.undo_reason) == ("analyst:t", "wrong")


def test_different_blocks_a_joining_same(case: Graph) -> None:
    resolve.judge(case, "ftm-huione", "gs-actor-huione", "different", "analyst:t")
    from scamgraph.errors import ValidationError
    with pytest.raises(ValidationError, match="judged different"):
        same(case)


def test_auto_leaves_judged_pairs_alone(case: Graph) -> None:
    resolve.judge(case, "ftm-ss-1", "ftm-ss-2", "unsure", "analyst:t", "two registers?")
    result = resolve.auto(case)
    assert ("ftm-ss-1", "ftm-ss-2") not in {(j.a, j.b) for j in result.merged}
    assert result.skipped_judged == 1


def test_auto_merges_on_stated_rules_only(case: Graph) -> None:
    result = resolve.auto(case)
    merged = {(j.a, j.b): j.by for j in result.merged}
    assert merged == {("ftm-ss-1", "ftm-ss-2"): "auto:REGISTRATION",
                      ("ftm-huione", "gs-actor-huione"): "auto:NAME_COUNTRY"}
    # Golden Fortune KH / PH: alike names, other country and registration number: not merged.
    assert ("ftm-gf-kh", "ftm-gf-ph") not in merged
    again = resolve.auto(case)
    assert again.merged == () and again.skipped_judged == 0


def test_auto_never_joins_clusters_an_analyst_kept_apart(case: Graph) -> None:
    """Sun Star 1 and 2 share a number (REGISTRATION), but 1 is judged the same as X and 2
    different from X: merging them would join X's cluster with what X was judged apart from."""
    resolve.judge(case, "x", "ftm-ss-1", "same", "analyst:t")
    resolve.judge(case, "x", "ftm-ss-2", "different", "analyst:t")
    result = resolve.auto(case)
    assert ("ftm-ss-1", "ftm-ss-2") not in {(j.a, j.b) for j in result.merged}
    assert result.skipped_different == 1
    assert {(j.a, j.b) for j in result.merged} == {("ftm-huione", "gs-actor-huione")}


def test_export_import_round_trip(case: Graph) -> None:
    first = same(case)
    text = exchange.dumps(resolve.judgements(case))
    case.driver.execute_query("MATCH (n) WHERE n:Judgement OR n:ClusterMember DELETE n",
                              database_=case.database)
    assert get_entity(case, "gs-actor-huione").properties.get("cluster_id") is None  # type: ignore[union-attr]
    assert resolve.load_all(case, exchange.loads(text, "t.json")) == 1
    assert resolve.load_all(case, exchange.loads(text, "t.json")) == 0
    (back,) = resolve.judgements(case)
    assert back == first
    assert get_entity(case, "gs-actor-huione").properties["cluster_id"] == "ftm-huione"  # type: ignore[union-attr]


def test_judgements_survive_re_ingest(graph: Graph, settings: Settings) -> None:
    huobi = fixture("graphsense/packs/exchange-wallets-huobi.yaml")
    ingest(graph, settings, "tagpack", huobi)
    s = Scenario()
    s.org("ftm-huobi", "HUOBI GLOBAL LIMITED", "Company", country=["SC"])
    s.write(graph)
    assert get_entity(graph, "gs-actor-huobi").name == "Huobi"  # type: ignore[union-attr]
    resolve.judge(graph, "gs-actor-huobi", "ftm-huobi", "same", "analyst:t")
    before = dump(graph)
    ingest(graph, settings, "tagpack", huobi)
    ingest(graph, settings, "actorpack", fixture(
        "graphsense/actors/graphsense.actorpack.slice.yaml"))
    actor = get_entity(graph, "gs-actor-huobi")
    assert actor is not None and actor.properties["cluster_id"] == "ftm-huobi"
    members = "MATCH (m:ClusterMember) RETURN m.member AS m, m.cluster AS c ORDER BY m"
    assert [r.data() for r in graph.driver.execute_query(members, database_=graph.database)
            .records] == [{"m": "ftm-huobi", "c": "ftm-huobi"},
                          {"m": "gs-actor-huobi", "c": "ftm-huobi"}]
    assert len(dump(graph)["nodes"]) > len(before["nodes"])  # the ActorPack's 22 other actors


def test_a_judgement_before_the_record_takes_effect_when_it_arrives(
        graph: Graph, settings: Settings) -> None:
    """A judgement imported before one of its records exists: the cluster row is there at
    once, the SAME_AS edge comes with the ingest run that brings the record."""
    s = Scenario()
    s.org("ftm-huobi", "HUOBI GLOBAL LIMITED", "Company", country=["SC"])
    s.write(graph)
    early = resolve.Judgement(id="j-early", a="gs-actor-huobi", b="ftm-huobi",
                              verdict=resolve.Verdict.SAME, by="analyst:t",
                              at=datetime(2026, 1, 2, tzinfo=UTC), reason="known alias")
    assert resolve.load_all(graph, [early]) == 1
    edges = "MATCH (a)-[:SAME_AS]->(b) RETURN a.id AS a, b.id AS b"
    assert graph.driver.execute_query(edges, database_=graph.database).records == []
    ingest(graph, settings, "tagpack", fixture("graphsense/packs/exchange-wallets-huobi.yaml"))
    got = [r.data() for r in graph.driver.execute_query(edges, database_=graph.database).records]
    assert got == [{"a": "gs-actor-huobi", "b": "ftm-huobi"}]
