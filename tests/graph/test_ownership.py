"""Ownership chains, control and linked compounds on scenario.corporate_scenario."""

from __future__ import annotations

import pytest

from graph.db import Graph
from graph.investigate import compounds_linked, controlled_by, owners
from scamgraph.errors import NotFoundError, ValidationError
from tests.graph.scenario import corporate_scenario


@pytest.fixture
def corporate(graph: Graph) -> Graph:
    corporate_scenario().write(graph)
    return graph


def test_owners_with_effective_shares(corporate: Graph) -> None:
    result = owners(corporate, "co-c")
    chains = [([(x.owner, x.share) for x in c.links], c.effective_share) for c in result.chains]
    assert chains == [
        ([("p-r", 40.0)], 40.0),
        ([("h1", 60.0), ("h2", None)], None),  # H2's share is unknown: so is the chain's
        ([("h1", 60.0), ("p-q", 50.0)], 30.0),  # 60 % x 50 %
    ]
    ultimate = [(u.entity.id, u.effective_share, u.chains) for u in result.ultimate_owners]
    assert ultimate == [("p-r", 40.0, 1), ("p-q", 30.0, 1), ("h2", None, 1)]
    assert result.company.name == "Casino Co"
    assert not result.partial


def test_owners_cut_by_depth(corporate: Graph) -> None:
    result = owners(corporate, "co-c", max_depth=1)
    assert [c.links[-1].owner for c in result.chains] == ["h1", "p-r"]
    assert [u.entity.id for u in result.ultimate_owners] == ["p-r"]
    assert result.partial


def test_controlled_by(corporate: Graph) -> None:
    result = controlled_by(corporate, "p-q")
    companies = [(c.entity.id, c.via, c.depth, c.effective_share) for c in result.companies]
    assert companies == [
        ("d1", "DIRECTOR_OF", 1, None), ("h1", "OWNS", 1, 50.0),
        ("co-c", "OWNS", 2, 30.0), ("sib", "OWNS", 2, 50.0),  # 50 % x 60 %, 50 % x 100 %
    ]
    assert [(w.entity.id, w.controller) for w in result.wallets] == [
        ("tron:wc", "co-c"), ("tron:wd", "d1")]
    assert [(k.entity.id, k.operators, k.hops) for k in result.compounds] == [
        ("k2", ("co-c",), 3), ("k3", ("sib",), 3)]


def test_compounds_linked_to_a_wallet(corporate: Graph) -> None:
    # wc -> Casino Co (operates K2); up to H1 (60 %), down to Sib Co (100 %, operates K3).
    found = compounds_linked(corporate, "tron:wc", max_hops=4)
    assert [(k.entity.id, k.operators, k.hops) for k in found] == [
        ("k2", ("co-c",), 2), ("k3", ("sib",), 4)]
    k2 = found[0]
    assert (k2.country, k2.province, k2.status, k2.lat, k2.lon) == (
        "KH", "Sihanoukville", "active", 10.6, 103.5)
    assert [k.entity.id for k in compounds_linked(corporate, "tron:wc", max_hops=3)] == ["k2"]


def test_compounds_linked_to_a_person(corporate: Graph) -> None:
    found = compounds_linked(corporate, "p-q", max_hops=4)
    assert [(k.entity.id, k.hops) for k in found] == [("k2", 3), ("k3", 3)]


def test_unknown_ids_and_bad_depths(corporate: Graph) -> None:
    with pytest.raises(NotFoundError):
        owners(corporate, "nobody")
    with pytest.raises(NotFoundError):
        controlled_by(corporate, "nobody")
    with pytest.raises(NotFoundError):
        compounds_linked(corporate, "nobody")
    with pytest.raises(ValidationError, match="max_depth=9"):
        owners(corporate, "co-c", max_depth=9)
