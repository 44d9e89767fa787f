"""`spark stage` writes what `ingest --bulk` stages for the same files, row for row: transfer
and wallet records, which files need the multiline parser, each input's quarantine entries
(positions, raw text, reasons) and counts. Files are cut into parts of a few hundred bytes,
so records are read by many tasks and positions must still be the whole file's."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

pytest.importorskip("pyspark")

from pyspark.sql import SparkSession

from ingest.bulk.staged import import_files, read_staged
from scamgraph.errors import InputError, ValidationError
from scamgraph.settings import Settings
from spark.chunks import cut
from spark.stage import stage
from tests.ingest.bulk_helpers import bad_page, odd_trongrid
from tests.ingest.helpers import fixture
from tests.spark.staging import bulk_staging, read_files

NOW = datetime(2026, 12, 1, 8, 30, 0, 250000, tzinfo=UTC)
PART_BYTES = 700


def _hostile_eth_json(tmp_path: Path) -> Path:
    """The USDT fixture with a repeated line, broken lines and a bad address among its own."""
    lines = fixture("ethereum-etl/usdt_17173049_17173050.token_transfers.jsonl").read_bytes()
    rows = lines.splitlines(keepends=True)
    bad_address = json.loads(rows[5])
    bad_address["to_address"] = "0x12345"
    extra = [rows[2], b"not json at all\n", b"\xff\xfe not utf-8\n", b"\n", b"[1, 2]\n",
             json.dumps(bad_address).encode() + b"\n"]
    path = tmp_path / "hostile.token_transfers.jsonl"
    path.write_bytes(b"".join(rows[:10] + extra + rows[10:] + [rows[20]]))
    return path


def _hostile_eth_csv(tmp_path: Path) -> tuple[Path, int]:
    """The CSV fixture with a quoted line break, a short row and a repeated row; and a part size
    that puts a cut inside the quoted field (a part must not start there)."""
    header, *rows = fixture("ethereum-etl/block_483920.token_transfers.csv").read_text(
        ).splitlines(keepends=True)
    quoted = rows[0].replace(rows[0].split(",")[3], '"12\n34"', 1)
    text = header + rows[0] + "0xshort,row\n" + quoted + rows[1] + rows[0] + rows[1]
    path = tmp_path / "hostile.token_transfers.csv"
    path.write_text(text)
    return path, text.index("\n34") - 3


def _odd_and_refused(tmp_path: Path) -> list[Path]:
    odd, bad = odd_trongrid(tmp_path), bad_page(tmp_path)
    page = json.loads(bad.read_text())
    page["data"].append({**page["data"][2], "transaction_id": "e" * 64,
                         "token_info": {**page["data"][2]["token_info"], "symbol": "US\x1fDT"}})
    bad.write_text(json.dumps(page) + "\n")
    return [odd, bad]


@pytest.mark.parametrize("fmt", ["ethereum-etl", "trongrid", "bitcoin-etl"])
def test_staged_files_equal_the_bulk_staging(spark: SparkSession, settings: Settings,
                                             tmp_path: Path, fmt: str) -> None:
    part_bytes = PART_BYTES
    if fmt == "ethereum-etl":
        csv_path, part_bytes = _hostile_eth_csv(tmp_path)
        paths = [_hostile_eth_json(tmp_path), csv_path]
    elif fmt == "trongrid":
        paths = _odd_and_refused(tmp_path)
    else:
        paths = [fixture("bitcoin-etl/stream_50001_50002.transactions.jsonl"),
                 fixture("bitcoin-etl/block_50001_not_enriched.transactions.jsonl")]
    assert len(cut(0, paths[0], part_bytes)) > 1  # read by several tasks
    expected = bulk_staging(settings, fmt, paths, NOW, tmp_path / "bulk")
    out = tmp_path / "spark"
    manifest = stage(spark, fmt, [str(p) for p in paths], out, now=NOW, part_bytes=part_bytes)
    assert read_staged(out) == manifest
    got = read_files(import_files(out, manifest),
                     [out / i.quarantine if i.quarantine else None for i in manifest.inputs],
                     [(i.read, i.written, i.quarantined, i.created) for i in manifest.inputs])
    assert got == expected
    reasons = {str(e["reason"]).split(" ")[0] for q in got.quarantine for e in q}
    assert got.transfers and all(q for q in got.quarantine) and len(reasons) >= 2
    if fmt == "trongrid":
        assert got.multiline == {"transfers", "wallets"}
        assert any("U+001F" in str(e["reason"]) for e in got.quarantine[1])
    if fmt == "ethereum-etl":
        assert {"duplicate", "not"} <= reasons


def test_bad_input_names_the_file(spark: SparkSession, tmp_path: Path) -> None:
    no_columns = tmp_path / "columns.token_transfers.csv"
    no_columns.write_text("from_address,to_address\n0x1,0x2\n")
    with pytest.raises(InputError, match=r"columns\.token_transfers\.csv: CSV header lacks"):
        stage(spark, "ethereum-etl", [str(no_columns)], tmp_path / "out")
    good = tmp_path / "good"
    stage(spark, "trongrid", [str(fixture("trongrid/usdt_pages.jsonl"))], good)
    wallets = next(good.glob("wallets-*.csv"))
    wallets.write_text("id,chain\n" + wallets.read_text().split("\n", 1)[1])
    with pytest.raises(ValidationError, match=rf"{wallets.name} line 1: header"):
        read_staged(good)
    with pytest.raises(ValidationError, match="not empty"):
        stage(spark, "trongrid", [str(fixture("trongrid/usdt_pages.jsonl"))], good)


def test_ingest_staged_option_usage(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from scamgraph.cli import cli

    runner = CliRunner()
    alone = runner.invoke(cli, ["ingest", "--staged", str(tmp_path)])
    assert alone.exit_code == 2 and "give --bulk too" in alone.output
    missing = runner.invoke(cli, ["ingest", "--bulk"])
    assert missing.exit_code == 2 and "Missing argument 'FORMAT'" in missing.output
    with pytest.raises(ValidationError, match="manifest"):
        read_staged(tmp_path)
