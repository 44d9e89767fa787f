"""Generated files: deterministic, real formats, valid addresses, real decimals and cadence."""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml
from followthemoney import model

from graph.model.addresses import normalise
from ingest.runner import run_ingest
from scamgraph.errors import ValidationError
from scamgraph.settings import Settings
from synth import codec, generate
from synth.chains import ETH_BLOCK_S, WINDOW_START_MS
from tests.synth.helpers import SCALE

Scenario = tuple[Path, dict[str, Any]]


def digests(out: Path) -> dict[str, str]:
    return {str(p.relative_to(out)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(out.rglob("*")) if p.is_file()}


def test_codec_matches_published_vectors() -> None:
    key = bytes.fromhex("751e76e8199196d454941c45d1b3a323f1433bd6")
    assert codec.btc_address(key, "p2wpkh") == "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"
    usdt = bytes.fromhex("a614f803b6fd780986a42c78ec9c7f77e6ded13c")
    assert codec.tron_address(usdt) == "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"
    pkh = bytes.fromhex("b5cd7aaed869cd5ccb45868e8666e7e934a23736")
    assert codec.btc_address(pkh, "p2pkh") == "1HaHTfmvoUW6i6nhJf8jJs6tU4cHNmBQHQ"


def test_same_seed_same_bytes_other_seed_other_bytes(scenario: Scenario, tmp_path: Path) -> None:
    out, _ = scenario
    generate(tmp_path / "again", SCALE, 7)
    generate(tmp_path / "other", SCALE, 8)
    first, again, other = digests(out), digests(tmp_path / "again"), digests(tmp_path / "other")
    assert first == again
    assert len(first) == 9
    changed = {name for name in first if first[name] != other.get(name)}
    # The cast is fixed, its addresses are not: only the files without addresses stay the same.
    assert changed == set(first) - {"synthetic/compounds/synthetic-compounds.geojson",
                                    "synthetic/graphsense/synthetic.actorpack.yaml"}


def test_refuses_to_overwrite_without_force(scenario: Scenario) -> None:
    out, _ = scenario
    with pytest.raises(ValidationError, match="already holds generated data"):
        generate(out, SCALE, 7)


def test_every_file_ingests_without_a_rejected_record(scenario: Scenario, settings: Settings
                                                      ) -> None:
    out, truth = scenario
    for f in truth["files"]:
        summary = run_ingest(None, f["format"], out / f["path"], settings=settings, dry_run=True)
        assert summary.quarantined == 0, f["path"]
        assert summary.read >= f["records"], f["path"]


def test_every_wallet_address_is_valid_and_normalised(scenario: Scenario) -> None:
    _, truth = scenario
    for wallet_id, w in truth["wallets"].items():
        assert normalise(w["chain"], w["address"]).wallet_id == wallet_id


def test_tron_pages_have_usdt_decimals_and_3s_blocks(scenario: Scenario) -> None:
    out, truth = scenario
    [tron] = [f for f in truth["files"] if f["format"] == "trongrid"]
    pages = [json.loads(line) for line in (out / tron["path"]).read_text().splitlines()]
    items = [item for page in pages for item in page["data"]]
    assert all(p["success"] is True and len(p["data"]) <= 200 for p in pages)
    assert len(items) == truth["transfers"]["tron"]
    for item in items:
        assert item["token_info"] == {"symbol": "USDT", "decimals": 6, "name": "Tether USD",
                                      "address": "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"}
        assert item["block_timestamp"] % 3000 == 0 and item["value"].isdigit()
    assert [i["block_timestamp"] for i in items] == sorted(i["block_timestamp"] for i in items)


def test_ethereum_rows_follow_12s_blocks(scenario: Scenario) -> None:
    out, truth = scenario
    [eth] = [f for f in truth["files"] if f["format"] == "ethereum-etl"]
    rows = [json.loads(line) for line in (out / eth["path"]).read_text().splitlines()]
    start = WINDOW_START_MS // 1000
    for row in rows:
        assert (row["block_timestamp"] - start) % ETH_BLOCK_S == 0
        assert row["block_number"] - 19_339_000 == (row["block_timestamp"] - start) // ETH_BLOCK_S
        assert isinstance(row["value"], int) and row["value"] > 0
    assert {r["token_address"] for r in rows} == {
        "0xdac17f958d2ee523a2206206994597c13d831ec7", "0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48"}


def test_bitcoin_transactions_balance(scenario: Scenario) -> None:
    out, truth = scenario
    [btc] = [f for f in truth["files"] if f["format"] == "bitcoin-etl"]
    txs = [json.loads(line) for line in (out / btc["path"]).read_text().splitlines()]
    for tx in txs:
        inputs = sum(i["value"] for i in tx["inputs"])
        assert tx["input_value"] == inputs and tx["output_value"] == sum(
            o["value"] for o in tx["outputs"])
        assert 0 < tx["fee"] == inputs - tx["output_value"] < 100_000
    times = [tx["block_timestamp"] for tx in txs]
    assert times == sorted(times) and len(txs) == truth["transfers"]["bitcoin_transactions"]


def test_ftm_entities_are_valid_and_synthetic(scenario: Scenario) -> None:
    out, _ = scenario
    lines = (out / "synthetic/ftm/synthetic-entities.ftm.json").read_text().splitlines()
    entities = [json.loads(line) for line in lines]
    schemata = Counter(e["schema"] for e in entities)
    assert schemata == {"Company": 8, "Person": 5, "Ownership": 12, "Directorship": 5,
                        "Family": 1, "Associate": 1, "Sanction": 4, "CryptoWallet": 5}
    for e in entities:
        assert e["datasets"] == ["synthetic"]
        model.get_proxy(e, cleaned=False)  # raises on an unknown schema or property
    wen = next(e for e in entities if e["id"] == "synth-person-wen-haoran")
    assert {"温浩然", "វេន ហៅរ៉ាន់"} <= set(wen["properties"]["alias"])


def test_tagpacks_and_compounds_are_marked_synthetic(scenario: Scenario) -> None:
    out, _ = scenario
    for pack in (out / "synthetic/graphsense").glob("*.yaml"):
        assert yaml.safe_load(pack.read_text())["synthetic"] is True
    geo = json.loads((out / "synthetic/compounds/synthetic-compounds.geojson").read_text())
    assert {f["properties"]["country"] for f in geo["features"]} == {"KH", "MM", "LA", "PH"}
    assert all(f["properties"]["synthetic"] is True for f in geo["features"])
