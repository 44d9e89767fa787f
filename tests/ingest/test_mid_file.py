"""One bad line mid-file in a single-pass chain format is quarantined; the rest is written and
the IngestRun says how much (issue #18 part 6: it used to abort with `failed, written 0`)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph.db import Graph
from ingest.formats.base import SourceInput
from ingest.records import Rejected
from ingest.runner import Tally, accepted
from scamgraph.settings import Settings
from tests.ingest.fuzz import raw_reader
from tests.ingest.helpers import fixture, ingest, one

FILES = {"ethereum-etl": "ethereum-etl/mainnet_17173049_first40.token_transfers.jsonl",
         "bitcoin-etl": "bitcoin-etl/stream_50001_50002.transactions.jsonl",
         "trongrid": "trongrid/usdt_pages.jsonl"}
_VALUE = re.compile(r'("value": )"?\d+"?')


@pytest.mark.parametrize("fmt", sorted(FILES))
def test_bad_line_mid_file_is_quarantined_and_the_rest_written(
        fmt: str, graph: Graph, settings: Settings, tmp_path: Path) -> None:
    lines = fixture(FILES[fmt]).read_text(encoding="utf-8").splitlines()
    middle = len(lines) // 2
    bad = _VALUE.sub(lambda m: m.group(1) + "9" * 5001, lines[middle], count=1)
    assert bad != lines[middle]
    path = tmp_path / Path(FILES[fmt]).name
    path.write_text("\n".join([*lines[:middle], bad, *lines[middle:]]) + "\n", encoding="utf-8")
    items = list(raw_reader(fmt)(SourceInput(path=path, name=path.name)))
    # What the run writes: the accepted records, duplicates (trongrid pages overlap) left out.
    expected = sum(1 for _ in accepted(iter(items), None, Tally(), "write", None))
    assert any(isinstance(i, Rejected) and "5001 digits" in i.reason for i in items)
    summary = ingest(graph, settings, fmt, path)
    assert (summary.status, summary.written) == ("succeeded", expected)
    assert summary.quarantined >= 1 and expected > 0
    run = one(graph, "MATCH (r:IngestRun) RETURN r.status AS s, r.written AS w")
    assert run == {"s": "succeeded", "w": expected}
