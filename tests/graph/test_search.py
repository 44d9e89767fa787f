"""Search by name, alias (other scripts, transliterations) and address; paging; entity lookup."""

from __future__ import annotations

import pytest

from graph.db import Graph
from graph.investigate import get_entities, search, wallet_id
from graph.investigate.search import lucene_escape
from scamgraph.errors import ValidationError
from tests.graph.scenario import (
    EVM_ADDRESS,
    EVM_DISPLAY,
    TRON_ADDRESS,
    TRON_HEX,
    search_scenario,
)


@pytest.fixture
def searchable(graph: Graph) -> Graph:
    search_scenario().write(graph)
    return graph


def top(graph: Graph, text: str, kinds: tuple[str, ...] = ()) -> list[str]:
    return [h.entity.id for h in search(graph, text, kinds).hits]


def test_names_and_aliases(searchable: Graph) -> None:
    assert top(searchable, "huione") == ["huione"]
    assert top(searchable, "Haowang") == ["huione"]  # transliteration alias
    assert top(searchable, "汇旺担保") == ["huione"]
    assert top(searchable, "Хуэйон") == ["huione"]
    assert top(searchable, "vincent chen") == ["prince"]
    assert top(searchable, "陈志") == ["prince"]


def test_kinds_filter(searchable: Graph) -> None:
    assert top(searchable, "chen", ("Person",)) == ["prince"]
    assert top(searchable, "chen", ("Organization",)) == []
    assert set(top(searchable, "pay", ("PaymentProvider",))) == {"alpha-1", "alpha-2", "alpha-3"}
    with pytest.raises(ValidationError, match="kinds"):
        search(searchable, "chen", ["Spaceship"])


def test_addresses_match_in_any_written_form(searchable: Graph) -> None:
    tron = f"tron:{TRON_ADDRESS}"
    assert top(searchable, TRON_ADDRESS) == [tron]
    assert top(searchable, TRON_HEX) == [tron]  # hex form, normalised to base58check
    assert top(searchable, EVM_DISPLAY) == [f"ethereum:{EVM_ADDRESS}"]
    assert top(searchable, EVM_ADDRESS.upper().replace("0X", "0x")) == [f"ethereum:{EVM_ADDRESS}"]
    assert wallet_id("ethereum", EVM_DISPLAY) == f"ethereum:{EVM_ADDRESS}"
    assert wallet_id("tron", TRON_HEX) == tron
    with pytest.raises(ValidationError, match="address"):
        wallet_id("tron", "not-an-address")


def test_paging(searchable: Graph) -> None:
    page = search(searchable, "alpha", first=2)
    assert len(page.hits) == 2 and page.has_next_page
    rest = search(searchable, "alpha", first=2, after=page.end_cursor)
    assert len(rest.hits) == 1 and not rest.has_next_page
    seen = {h.entity.id for h in page.hits} | {h.entity.id for h in rest.hits}
    assert seen == {"alpha-1", "alpha-2", "alpha-3"}
    with pytest.raises(ValidationError, match="after"):
        search(searchable, "alpha", after="bm9wZQ==")


def test_query_syntax_is_escaped(searchable: Graph) -> None:
    assert lucene_escape('a+b (c) "d" OR') == 'a\\+b AND \\(c\\) AND \\"d\\" AND or'
    assert top(searchable, 'huione" OR (*') == []
    assert top(searchable, "Huione Guarantee:") == ["huione"]
    with pytest.raises(ValidationError, match="empty"):
        search(searchable, "   ")


def test_get_entities_in_one_batch(searchable: Graph) -> None:
    found = get_entities(searchable, ["huione", "prince", "nobody", "huione"])
    assert set(found) == {"huione", "prince"}
    huione = found["huione"]
    assert (huione.label, huione.kinds, huione.name) == ("Organization", ("Marketplace",),
                                                        "Huione Guarantee")
    assert huione.properties["aliases"][0] == "汇旺担保"
