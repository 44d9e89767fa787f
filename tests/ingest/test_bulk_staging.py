"""The bulk load's staging files, read back with Python's csv module (no database needed)."""

from __future__ import annotations

import csv
import random
from datetime import UTC, datetime
from pathlib import Path

from graph.local.importer import ARRAY_DELIMITER
from ingest.bulk.stage import TRANSFER_HEADER, WALLET_HEADER, StageRow, Staging
from ingest.bulk.wallets import WalletAggregate

NOW = datetime(2026, 11, 22, 6, 0, 0, 123456, tzinfo=UTC)


def _row(frm: str, to: str, asset: str = "USDT", ms: int | None = 1_700_000_000_123,
         index: int = 0) -> StageRow:
    return ("tron", frm, to, "ab" * 32, index, asset, "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
            "1500000000", 6, None, ms)


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def test_transfer_lines_are_valid_csv_with_awkward_assets(tmp_path: Path) -> None:
    staging = Staging(tmp_path, NOW)
    staging.add_rows([_row("A", "B", 'U,S"DT', index=1), _row("B", "C", "US\nDT", index=2),
                      _row("C", "A", "USDT", ms=None, index=3)], "trongrid:x,y.jsonl")
    files = staging.files()
    plain = _read(tmp_path / "transfers.csv")
    assert list(plain[0]) == TRANSFER_HEADER
    assert [(r["id"], r["asset"], r["ts:datetime"]) for r in plain] == [
        ("tron:" + "ab" * 32 + ":1", 'U,S"DT', "2023-11-14T22:13:20.123+00:00"),
        ("tron:" + "ab" * 32 + ":3", "USDT", ""),
    ]
    assert plain[0]["amount:double"] == "1500.0"
    assert plain[0]["decimals:long"] == "6" and plain[0]["block:long"] == ""
    assert plain[0]["sources:string[]"] == "trongrid:x,y.jsonl"
    assert plain[0]["first_seen:datetime"] == NOW.isoformat()
    [broken] = _read(tmp_path / "transfers-multiline.csv")
    assert broken["asset"] == "US\nDT"
    assert files.multiline == [tmp_path / "transfers-multiline.csv", tmp_path / "wallets.csv"]
    assert files.relationships == [tmp_path / "transfers.csv",
                                   tmp_path / "transfers-multiline.csv"]


def test_wallet_rows_aggregate_window_assets_and_sources(tmp_path: Path) -> None:
    staging = Staging(tmp_path, NOW)
    staging.add_rows([_row("A", "B", ms=2_000), _row("A", "C", "USDC", ms=1_000)], "s1")
    staging.add_rows([_row("B", "A", ms=3_000), _row("C", "A", ms=None)], "s2")
    staging.files()
    wallets = {r["id:ID"]: r for r in _read(tmp_path / "wallets.csv")}
    assert list(next(iter(wallets.values()))) == WALLET_HEADER
    a = wallets["tron:A"]
    assert a[":LABEL"] == ARRAY_DELIMITER.join(["Entity", "Wallet"])
    assert (a["first_activity:datetime"], a["last_activity:datetime"]) == (
        "1970-01-01T00:00:01.000+00:00", "1970-01-01T00:00:03.000+00:00")
    assert a["assets:string[]"].split(ARRAY_DELIMITER) == ["USDT", "USDC"]
    assert a["sources:string[]"].split(ARRAY_DELIMITER) == ["s1", "s2"]
    assert wallets["tron:C"]["sources:string[]"].split(ARRAY_DELIMITER) == ["s1", "s2"]


def test_spilling_to_sqlite_gives_the_same_wallets(tmp_path: Path) -> None:
    rng = random.Random(3)
    events = [(f"tron:W{rng.randrange(40)}", rng.choice([None, *range(100)]),
               rng.choice(["USDT", "USDC", "TRX"]), rng.choice(["s1", "s2"]))
              for _ in range(2_000)]
    in_memory = WalletAggregate(tmp_path / "a.sqlite", limit=1_000_000)
    spilled = WalletAggregate(tmp_path / "b.sqlite", limit=7)
    for aggregate in (in_memory, spilled):
        for key, ms, asset, source in events:
            aggregate.add(key, "tron", key[5:], ms, asset, source)
    assert spilled.count() == in_memory.count() == len({e[0] for e in events})

    def normal(aggregate: WalletAggregate) -> dict[str, tuple[object, ...]]:
        return {row[0]: (row[3], row[4], sorted(row[5]), sorted(row[6]))
                for row in aggregate.rows()}

    assert normal(spilled) == normal(in_memory)
    assert (tmp_path / "b.sqlite").exists() and not (tmp_path / "a.sqlite").exists()
