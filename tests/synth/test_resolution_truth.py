"""Resolution ground truth: the generator writes organisations in two or three sources, its
truth says which ids are one, and `resolve auto` on the loaded files agrees with it."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from graph import resolve
from graph.db import Graph
from graph.maintenance import clear_data
from scamgraph.settings import Settings
from synth import generate
from synth.load import load_scenario

ORGS = 30
# Share of the true pairs auto puts in one cluster. By rule: FtM and register always share a
# registration number and country (REGISTRATION); FtM and actor share a name key and, when
# the actor has a jurisdiction (4 in 5), the country (NAME_COUNTRY). Seed 7: 52 of 58.
MIN_PAIR_RECALL = 0.8


def pairs(groups: list[list[str]]) -> set[frozenset[str]]:
    return {frozenset((a, b)) for g in groups for a in g for b in g if a < b}


@pytest.fixture(scope="module")
def resolved(session_graph: Graph, settings: Settings, tmp_path_factory: pytest.TempPathFactory
             ) -> Iterator[tuple[dict[str, Any], resolve.AutoResult, dict[str, str]]]:
    out = tmp_path_factory.mktemp("resolution") / "s"
    generate(out, 1000, 7, resolution_orgs=ORGS)
    truth = json.loads((out / "ground_truth.json").read_text())
    clear_data(session_graph)
    report = load_scenario(session_graph, out, settings)
    assert report.quarantined == 0
    result = resolve.auto(session_graph)
    rows = session_graph.driver.execute_query(
        "MATCH (c:ClusterMember) RETURN c.member AS member, c.cluster AS cluster",
        database_=session_graph.database).records
    yield truth, result, {r["member"]: r["cluster"] for r in rows}
    clear_data(session_graph)


def test_the_truth_lists_every_organisation_in_two_or_three_sources(
        resolved: tuple[dict[str, Any], resolve.AutoResult, dict[str, str]],
        session_graph: Graph) -> None:
    truth, _, _ = resolved
    groups = truth["resolution"]["same_entity"]
    assert len(groups) == ORGS and all(2 <= len(g) <= 3 for g in groups)
    assert any(len(g) == 3 for g in groups) and truth["resolution"]["look_alikes"]
    ids = [i for g in groups for i in g]
    rows = session_graph.driver.execute_query(
        "MATCH (n:Organization) WHERE n.id IN $ids RETURN n.id AS id, n.name AS name, "
        "n.sources AS sources", ids=ids, database_=session_graph.database).records
    node = {r["id"]: r for r in rows}
    assert set(node) == set(ids)  # every id of the truth is an organisation in the graph
    for g in groups:
        # Realistic variants, not copies: the sources spell the name differently and each
        # member comes from its own file.
        assert len({node[i]["name"] for i in g}) == len(g), g
        assert len({tuple(node[i]["sources"]) for i in g}) == len(g), g


def test_auto_merges_only_true_pairs_and_most_of_them(
        resolved: tuple[dict[str, Any], resolve.AutoResult, dict[str, str]]) -> None:
    truth, result, cluster = resolved
    groups = truth["resolution"]["same_entity"]
    true = pairs(groups)
    merged = {frozenset((j.a, j.b)) for j in result.merged}
    assert merged and merged <= true, sorted(map(sorted, merged - true))
    assert {j.by for j in result.merged} == {"auto:REGISTRATION", "auto:NAME_COUNTRY"}
    together = {p for p in true if len({cluster.get(i) for i in p} - {None}) == 1
                and all(i in cluster for i in p)}
    assert len(together) / len(true) >= MIN_PAIR_RECALL, (len(together), len(true))
    for g in groups:
        ftm = next(i for i in g if i.startswith("synth-res-"))
        reg = [i for i in g if i.startswith("synth-reg-")]
        assert all(cluster.get(ftm) is not None and cluster.get(ftm) == cluster.get(r)
                   for r in reg), g  # the registration rule always holds for these


def test_look_alikes_are_not_merged(
        resolved: tuple[dict[str, Any], resolve.AutoResult, dict[str, str]]) -> None:
    truth, result, cluster = resolved
    merged = {i for j in result.merged for i in (j.a, j.b)}
    for alike, org in truth["resolution"]["look_alikes"]:
        assert alike not in merged and alike not in cluster, (alike, org)


def digests(out: Path) -> dict[str, str]:
    return {str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.rglob("*")) if p.is_file()}


def test_the_option_leaves_every_other_figure_unchanged(tmp_path: Path) -> None:
    generate(tmp_path / "plain", 1000, 7)
    generate(tmp_path / "with", 1000, 7, resolution_orgs=ORGS)
    plain, other = digests(tmp_path / "plain"), digests(tmp_path / "with")
    changed = {k for k in other if plain.get(k) != other[k]}
    assert changed == {"ground_truth.json", "synthetic/ftm/synthetic-register.ftm.json",
                       "synthetic/ftm/synthetic-entities.ftm.json",
                       "synthetic/graphsense/synthetic.actorpack.yaml"}
    a, b = (json.loads((tmp_path / d / "ground_truth.json").read_text()) for d in ("plain", "with"))
    assert "resolution" not in a
    assert {k: v for k, v in b.items() if k not in ("resolution", "files")} == {
        k: v for k, v in a.items() if k != "files"}
