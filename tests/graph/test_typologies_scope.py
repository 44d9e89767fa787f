"""Typology scans: scopes (wallet, organisation with its subsidiaries, window), refusals,
budgets and pages."""

from __future__ import annotations

import pytest

from graph.db import Graph
from graph.investigate.typologies import TypologyScope, typology_hits
from scamgraph.errors import NotFoundError, ValidationError
from tests.graph import typology_scenarios as scenarios
from tests.graph.scenario import day

MARCH = TypologyScope(since=day("2024-03-01"), until=day("2024-04-30"))


def test_whole_graph_scan_needs_a_bounded_window(graph: Graph) -> None:
    with pytest.raises(ValidationError, match="needs a time window"):
        typology_hits(graph, "fan-in")
    with pytest.raises(ValidationError, match="needs a time window"):
        typology_hits(graph, "fan-in", scope=TypologyScope(since=day("2024-03-01")))
    with pytest.raises(ValidationError, match="93 days is too long"):
        typology_hits(graph, "fan-in", scope=TypologyScope(
            since=day("2024-01-01"), until=day("2024-04-03")))
    with pytest.raises(ValidationError, match="since is after"):
        typology_hits(graph, "fan-in", scope=TypologyScope(
            since=day("2024-03-02"), until=day("2024-03-01")))


def test_bad_names_and_parameters(graph: Graph) -> None:
    with pytest.raises(ValidationError, match="'layering' is not a typology"):
        typology_hits(graph, "layering", scope=MARCH)
    with pytest.raises(ValidationError, match="fan-in has no parameter 'min_hops'"):
        typology_hits(graph, "fan-in", {"min_hops": 3}, MARCH)
    with pytest.raises(ValidationError, match="min_senders=1 is out of range"):
        typology_hits(graph, "fan-in", {"min_senders": 1}, MARCH)
    with pytest.raises(ValidationError, match="min_senders='many' is not an int"):
        typology_hits(graph, "fan-in", {"min_senders": "many"}, MARCH)
    with pytest.raises(ValidationError, match="kinds has unknown values"):
        typology_hits(graph, "offramp", {"kinds": ["Casino"]}, MARCH)
    with pytest.raises(ValidationError, match="min_hops is above max_hops"):
        typology_hits(graph, "peel-chain", {"min_hops": 8, "max_hops": 5}, MARCH)
    with pytest.raises(NotFoundError, match="nobody"):
        typology_hits(graph, "fan-in", scope=TypologyScope(wallet="tron:nobody"))


def test_scoped_to_a_wallet_finds_hits_it_takes_part_in(graph: Graph) -> None:
    scenarios.spray().write(graph)
    # No window needed: H3 is an intermediate; its counterparty S is the hit's source.
    result = typology_hits(graph, "spray-and-funnel", scope=TypologyScope(wallet="tron:H3"))
    assert [h.key for h in result.hits] == ["tron:S>tron:F|USDT"]
    elsewhere = typology_hits(graph, "spray-and-funnel", scope=TypologyScope(wallet="tron:G1"))
    assert elsewhere.hits == ()


def test_scoped_window_cuts_the_evidence(graph: Graph) -> None:
    scenarios.pig().write(graph)
    early = TypologyScope(wallet="tron:V", since=day("2024-03-01"), until=day("2024-03-04"))
    # Only two payments fall in the window: fewer than min_payments.
    assert typology_hits(graph, "pig-butchering-intake", scope=early).hits == ()
    assert len(typology_hits(graph, "pig-butchering-intake",
                             scope=TypologyScope(wallet="tron:V")).hits) == 1


def test_scoped_to_an_organisation_and_its_subsidiaries(graph: Graph) -> None:
    s = scenarios.offramp()
    s.org("parent", "Parent", "Company")
    s.link("SUBSIDIARY_OF", "otc", "parent")
    s.write(graph)
    result = typology_hits(graph, "offramp", scope=TypologyScope(organisation="parent"))
    assert [h.key for h in result.hits] == ["tron:O|USDT"]
    (org,) = result.hits[0].organisations
    assert (org.id, org.group_id, org.group_name) == ("otc", "parent", "Parent")


def test_anchor_budget_marks_partial(graph: Graph) -> None:
    scenarios.fan_in().write(graph)
    result = typology_hits(graph, "fan-in", scope=MARCH, max_anchors=1)
    assert result.partial and result.reason is not None and "max_anchors" in result.reason


def test_pages(graph: Graph) -> None:
    scenarios.fan_in().write(graph)
    params = {"min_senders": 4, "min_total": 9995.0}
    first = typology_hits(graph, "fan-in", params, MARCH, first=2)
    assert [h.key for h in first.hits] == ["tron:C|USDT", "tron:N2|USDT"]
    assert first.has_next_page and first.total == 3
    rest = typology_hits(graph, "fan-in", params, MARCH, first=2, after=first.end_cursor)
    assert [h.key for h in rest.hits] == ["tron:N1|USDT"] and not rest.has_next_page
