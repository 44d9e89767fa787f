"""Reader rules worked out by hand: the UTXO split, token decimals, options, bad containers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.formats import load_reader
from ingest.formats.base import SourceInput
from ingest.formats.chains.bitcoin_etl import split, transfers
from ingest.records import NodeRecord, Rejected, TransferRecord
from ingest.rows import node_row
from scamgraph.errors import InputError
from tests.ingest.helpers import fixture

A, B = "1DoQeKfU3dYhN9bxMpFFcVUnufCPDqSPae", "1PZMgkF2x161qvfP7dhoWSEEU3SjnQE1m9"
X, Y = "1HaHTfmvoUW6i6nhJf8jJs6tU4cHNmBQHQ", "18dxbN6m8zxieN8F9BchXmhbeXUdFLr8fD"


def test_split_is_exact_largest_remainder() -> None:
    assert split(10, [1, 1, 1]) == [4, 3, 3]
    assert split(100, [3, 7]) == [30, 70]
    assert split(5, [2, 2]) == [3, 2]  # a tie goes to the earlier sender
    assert split(150, [300, 100]) == [113, 37]  # 112.5 / 37.5, equal remainders


def _io(address: str, value: int, index: int) -> dict[str, object]:
    return {"index": index, "addresses": [address], "value": value, "type": "pubkeyhash"}


def test_two_in_two_out_with_change_and_fee() -> None:
    tx = {"hash": "AB" * 32, "block_number": 7, "block_timestamp": 1_270_917_100,
          "inputs": [_io(A, 300, 0), _io(B, 100, 1)],
          "outputs": [_io(X, 200, 0), _io(Y, 150, 1), _io(A, 0, 2)]}
    got = [(t.from_address, t.to_address, t.amount_raw, t.index) for t in
           transfers("bitcoin", "line 1", tx, 100)]
    # Fee 50 goes to nobody; A's zero-value change output moves nothing.
    assert got == [(A, X, "150", 0), (B, X, "50", 3), (A, Y, "113", 1), (B, Y, "37", 4)]
    change = {**tx, "outputs": [_io(X, 200, 0), _io(A, 150, 1)]}
    moved = [(t.from_address, t.to_address, t.amount_raw) for t in
             transfers("bitcoin", "line 1", change, 100)]
    assert moved == [(A, X, "150"), (B, X, "50"), (B, A, "37")]  # no A->A self-edge
    with pytest.raises(ValueError, match="max_pairs"):
        transfers("bitcoin", "line 1", tx, 3)


def _src(path: Path, **options: str) -> SourceInput:
    return SourceInput(path=path, name=path.name, options=options)


def test_ethereum_tokens_file_and_chain_option(tmp_path: Path) -> None:
    tokens = tmp_path / "tokens.csv"
    tokens.write_text("address,symbol,name,decimals,total_supply\n"
                      "0xf4eced2f682ce333f96f2d8966c613ded8fc95dd,EXM,Example,3,1\n")
    read = load_reader("ethereum-etl")
    path = fixture("ethereum-etl/block_483920.token_transfers.csv")
    got = [r for r in read(_src(path, tokens=str(tokens), chain="polygon"))]
    assert all(isinstance(r, TransferRecord) for r in got)
    assert [(r.chain, r.asset, r.decimals, r.amount_raw) for r in got] == [  # type: ignore[union-attr]
        ("polygon", "EXM", 3, "100000"), ("polygon", "EXM", 3, "200000")]
    with pytest.raises(InputError, match="not an EVM chain"):
        list(read(_src(path, chain="tron")))


def test_wrong_file_for_the_format_fails_before_any_record(tmp_path: Path) -> None:
    blocks = tmp_path / "blocks.json"
    blocks.write_text(json.dumps({"type": "block", "number": 1, "hash": "0x00"}) + "\n")
    with pytest.raises(InputError, match="not ethereum-etl token_transfers"):
        list(load_reader("ethereum-etl")(_src(blocks)))
    with pytest.raises(InputError, match="not bitcoin-etl transactions"):
        list(load_reader("bitcoin-etl")(_src(blocks)))
    with pytest.raises(InputError, match="not a GeoJSON FeatureCollection"):
        list(load_reader("compounds")(_src(blocks)))
    csv = tmp_path / "other.csv"
    csv.write_text("a,b\n1,2\n")
    with pytest.raises(InputError, match="lacks column"):
        list(load_reader("ethereum-etl")(_src(csv)))


def test_csv_row_with_bad_encoding_or_width_is_rejected(tmp_path: Path) -> None:
    src = fixture("ethereum-etl/block_483920.token_transfers.csv").read_bytes().splitlines()
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"\n".join([src[0], src[1], src[2].replace(b"0x9b", b"0x\xff\xfe"),
                                b"0xf4eced2f682ce333f96f2d8966c613ded8fc95dd,1,2"]) + b"\n")
    got = list(load_reader("ethereum-etl")(_src(bad)))
    assert [type(r).__name__ for r in got] == ["TransferRecord", "Rejected", "Rejected"]
    reasons = [r.reason for r in got if isinstance(r, Rejected)]
    assert reasons == ["not UTF-8", "wrong number of fields"]


def test_maps_and_nested_lists_are_stored_as_json_text() -> None:
    row = node_row(NodeRecord(label="Person", id="p1", props={
        "name": "A", "meta": {"b": 1, "a": 2}, "aliases": ["x", ["y"]], "gone": None}))
    assert row["props"] == {"name": "A", "meta": '{"a": 2, "b": 1}'}
    assert row["lists"] == {"aliases": ["x", '["y"]']}
