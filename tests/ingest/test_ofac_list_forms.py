"""`ofac-list` forms: lines, JSON arrays, JSON objects keyed by address; tables and pages are
refused whole; a list whose generator lowercased every address stores none of them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from graph.db import Graph
from ingest.formats.base import Item, SourceInput
from ingest.formats.ofac.address_list import read
from ingest.records import NodeRecord, Rejected
from scamgraph.errors import InputError
from scamgraph.settings import Settings
from tests.ingest.helpers import counts, fixture, ingest

LISTS = fixture("ofac-addresses")
OTHER_CHAINS = ("DASH", "ZEC", "BSV", "BTG", "XRP", "XVG", "LTC", "XMR")


def _read(path: Path, **options: str) -> list[Item]:
    return list(read(SourceInput(path, path.name, options)))


def _wallets(items: list[Item]) -> list[NodeRecord]:
    return [i for i in items if isinstance(i, NodeRecord) and i.label == "Wallet"]


@pytest.mark.parametrize("asset", OTHER_CHAINS)
def test_lowercased_lists_store_nothing(asset: str, tmp_path: Path) -> None:
    real = (LISTS / f"sanctioned_addresses_{asset}.txt").read_text(encoding="utf-8")
    valid = len(_wallets(_read(LISTS / f"sanctioned_addresses_{asset}.txt")))
    assert valid >= 1
    mangled = tmp_path / f"sanctioned_addresses_{asset}.txt"
    mangled.write_text(real.lower(), encoding="utf-8")
    items = _read(mangled)
    assert _wallets(items) == []
    assert sum(isinstance(i, Rejected) for i in items) == len(real.split())
    for bad in (i for i in items if isinstance(i, Rejected)):
        assert bad.raw == bad.raw.lower() and "rejected" in bad.reason


def test_json_object_keyed_by_address(tmp_path: Path) -> None:
    path = tmp_path / "addresses.json"
    document = {
        "DG1KhhBKpsyWXTakHNezaDQ34focsXjN1i": {"currency": "DGB", "name": "Some Party"},
        "bnb1rxhz5vdv4fvdjye8gxqvfv0yvg20jtlwf4f38d": {"asset": "BNB"},
        "XnPFsRWTaSgiVauosEwQ6dEitGYXgwznz2": "Named Only",
        "xnpfsrwtasgiVauosewq6deitgyxgwznz2": {"currency": "DASH"},
    }
    path.write_text(json.dumps(document), encoding="utf-8")
    items = _read(path)
    wallets = {w.id: w.props.get("tags") for w in _wallets(items)}
    assert wallets == {"digibyte:DG1KhhBKpsyWXTakHNezaDQ34focsXjN1i": ["Some Party"],
                       "bnb-beacon:bnb1rxhz5vdv4fvdjye8gxqvfv0yvg20jtlwf4f38d": None}
    bad = {i.position: (i.raw, i.reason[:24]) for i in items if isinstance(i, Rejected)}
    # "Named Only" names no asset and the file names none; the lowercased Dash fails its check.
    assert bad["key 'XnPFsRWTaSgiVauosEwQ6dEitGYXgwznz2'"][1] == "no asset: the entry name"
    raw, reason = bad["key 'xnpfsrwtasgiVauosewq6deitgyxgwznz2'"]
    assert json.loads(raw) == {"xnpfsrwtasgiVauosewq6deitgyxgwznz2": {"currency": "DASH"}}
    assert reason == "DASH address rejected: b"
    # With the list's asset given, the entry naming none takes it; the others keep theirs.
    with_asset = [w.id for w in _wallets(_read(path, asset="DASH"))]
    assert with_asset == [*wallets, "dash:XnPFsRWTaSgiVauosEwQ6dEitGYXgwznz2"]


@pytest.mark.parametrize(("text", "message"), [
    ("address,name\n1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa,Satoshi\n", "a table"),
    ("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa\t Satoshi\n", "a table"),
    ("<!doctype html>\n<html><body>Not found</body></html>\n", "an HTML page"),
])
def test_tables_and_pages_are_refused_whole(text: str, message: str, tmp_path: Path) -> None:
    path = tmp_path / "sanctioned_addresses_XBT.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        _read(path)


def test_refused_file_writes_nothing(graph: Graph, settings: Settings, tmp_path: Path) -> None:
    path = tmp_path / "sanctioned_addresses_XBT.txt"
    path.write_text("address,name\n" + "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa,x\n" * 50,
                    encoding="utf-8")
    with pytest.raises(InputError, match="a table"):
        ingest(graph, settings, "ofac-list", path)
    assert counts(graph, data_only=True) == {}
