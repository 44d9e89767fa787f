"""Hand-made hostile inputs, each once: what the fuzz test finds by chance, pinned down."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.formats.base import MAX_DEPTH, SourceInput
from ingest.quarantine import Quarantine
from ingest.records import Rejected, TransferRecord
from scamgraph.errors import InputError
from tests.ingest.fuzz import raw_reader
from tests.ingest.helpers import fixture

ETH = fixture("ethereum-etl/mainnet_17173049_first40.token_transfers.jsonl")


def _read(fmt: str, path: Path, **options: str) -> list[object]:
    return list(raw_reader(fmt)(SourceInput(path=path, name=path.name, options=options)))


def _with_line(tmp: Path, name: str, source: Path, bad: str) -> Path:
    lines = source.read_text(encoding="utf-8").splitlines()
    path = tmp / name
    path.write_text("\n".join([*lines[:3], bad, *lines[3:]]) + "\n", encoding="utf-8")
    return path


def test_deep_json_and_huge_integers_are_quarantined_with_a_reason(tmp_path: Path) -> None:
    row = json.loads(ETH.read_text(encoding="utf-8").splitlines()[0])
    huge = json.dumps(row).replace(json.dumps(row["value"]), "9" * 5001)
    for bad, reason in (("[" * 50_000, f"nested deeper than {MAX_DEPTH} levels"),
                        (huge, "has 5001 digits, more than 100")):
        got = _read("ethereum-etl", _with_line(tmp_path, "t.jsonl", ETH, bad))
        rejected = [r for r in got if isinstance(r, Rejected)]
        assert [(r.position, reason in r.reason) for r in rejected] == [("line 4", True)]
        assert sum(isinstance(r, TransferRecord) for r in got) == 40


def test_uint256_amounts_are_kept_exactly(tmp_path: Path) -> None:
    row = json.loads(ETH.read_text(encoding="utf-8").splitlines()[0])
    big = str(2**256 - 1)  # 78 digits
    path = tmp_path / "big.jsonl"
    path.write_text(json.dumps(row).replace(json.dumps(row["value"]), big) + "\n")
    (rec,) = _read("ethereum-etl", path)
    assert isinstance(rec, TransferRecord) and rec.amount_raw == big


def test_quarantine_writes_lone_surrogates_as_json_escapes(tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl"
    quarantine = Quarantine(path, "f\udcff.csv")
    quarantine.add(Rejected("line 1", "a\ud800b\udcff", "not UTF-8 \udc80"))
    quarantine.close()
    entry = json.loads(path.read_text(encoding="utf-8"))
    assert (entry["file"], entry["raw"], entry["reason"]) == (
        "f\udcff.csv", "a\ud800b\udcff", "not UTF-8 \udc80")


BOMB = "".join(f"{c}: &{c} [{', '.join([f'*{p}'] * 9)}]\n"
               for p, c in zip("abcdefgh", "bcdefghi", strict=True))


@pytest.mark.parametrize("fmt, head", [("tagpack", "title: t\ncreator: c\n"),
                                       ("actorpack", "title: t\ncreator: c\n")])
def test_yaml_anchor_bombs_and_deep_nesting_fail_with_the_line(
        fmt: str, head: str, tmp_path: Path) -> None:
    key = "tags" if fmt == "tagpack" else "actors"
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text(f"{head}a: &a [x, x, x, x, x, x, x, x, x]\n{BOMB}{key}: []\n")
    with pytest.raises(InputError, match=r"line \d+.*more than 100000 nodes"):
        _read(fmt, bomb)
    deep = tmp_path / "deep.yaml"
    deep.write_text(f"{head}{key}:\n- " + "[" * 500 + "]" * 500 + "\n")
    with pytest.raises(InputError, match=r"line 4.*nested deeper than 100"):
        _read(fmt, deep)


def test_mapping_file_bomb_fails_before_followthemoney_sees_it(tmp_path: Path) -> None:
    mapping = tmp_path / "m.yml"
    mapping.write_text(f"a: &a [x, x, x, x, x, x, x, x, x]\n{BOMB}")
    with pytest.raises(InputError, match="more than 100000 nodes"):
        _read("ftm-mapping", mapping)


def test_overlong_csv_field_is_quarantined_and_reading_goes_on(tmp_path: Path) -> None:
    source = fixture("ethereum-etl/block_483920.token_transfers.csv")
    lines = source.read_text(encoding="utf-8").splitlines()
    path = tmp_path / "t.csv"
    path.write_text("\n".join([lines[0], "x" * 200_000 + ",1", *lines[1:]]) + "\n")
    got = _read("ethereum-etl", path)
    assert [type(r).__name__ for r in got] == ["Rejected", "TransferRecord", "TransferRecord"]
    assert got[0].position == "line 2"  # type: ignore[attr-defined]


def test_trongrid_decimals_out_of_range_are_rejected_not_overflowing(tmp_path: Path) -> None:
    page = json.loads(fixture("trongrid/usdt_page.json").read_text(encoding="utf-8"))
    page["data"][0]["token_info"]["decimals"] = 1e999  # inf after json.dumps -> Infinity
    path = tmp_path / "p.json"
    path.write_text(json.dumps(page))
    got = _read("trongrid", path)
    assert "not an integer in 0..77" in got[0].reason  # type: ignore[attr-defined]
