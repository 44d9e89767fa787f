"""docs/RECIPES.md: every recipe runs on its fixture with its mapping file from docs/recipes/."""

from __future__ import annotations

from pathlib import Path

from ingest.formats import load_reader
from ingest.formats.base import Item, SourceInput
from ingest.records import LinkRecord, NodeRecord, Rejected
from tests.conftest import FIXTURES

RECIPES = Path(__file__).resolve().parents[2] / "docs" / "recipes"


def _read(fmt: str, name: str, **options: str) -> list[Item]:
    path = FIXTURES / "recipes" / name
    return list(load_reader(fmt)(SourceInput(path, path.name, options)))


def test_sanctions_journal() -> None:
    items = _read("ftm-mapping", "sanctions-journal.csv",
                  mapping=str(RECIPES / "sanctions-journal.yml"))
    nodes = [i for i in items if isinstance(i, NodeRecord)]
    by_label: dict[str, list[NodeRecord]] = {}
    for node in nodes:
        by_label.setdefault(node.label, []).append(node)
    assert len({n.id for n in by_label["Wallet"]}) == 3
    sanctions = {n.id: n.props for n in by_label["Sanction"]}
    assert {p["authority"] for p in sanctions.values()} == {"OFAC"}
    assert {p["authority_name"] for p in sanctions.values()} == {
        "OFAC", "Office of Foreign Assets Control"}
    links = {i.type for i in items if isinstance(i, LinkRecord)}
    assert {"SANCTIONED_BY", "CONTROLLED_BY"} <= links
    bad = [i for i in items if isinstance(i, Rejected)]
    assert len(bad) == 1 and "EIP-55" in bad[0].reason


def test_seizure_list() -> None:
    items = _read("labels", "seizure-list.csv", address_column="Address",
                  chain_column="Currency", label="DOJ seizure 2023-06")
    wallets = {i.id: i.props["tags"] for i in items if isinstance(i, NodeRecord)}
    assert wallets == {
        "bitcoin:bc1q05aktddf9ce4p7hh3stgsf253m4vweu7nkhtmw": ["DOJ seizure 2023-06"],
        "ethereum:0x4f47bc496083c727c5fbe3ce9cdf2b0f6496270c": ["DOJ seizure 2023-06"],
        "tron:TBHTJqAy4DhHhmT3dNceJYNRz4SdLofLre": ["DOJ seizure 2023-06"]}
    bad = [i.reason for i in items if isinstance(i, Rejected)]
    assert len(bad) == 1 and "spreadsheet" in bad[0]
