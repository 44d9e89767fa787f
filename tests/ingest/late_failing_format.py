"""A test-only format whose file breaks after its first records, like a truncated XML stream.

Without SINGLE_PASS the runner validates it fully before writing, so nothing reaches the graph.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

from ingest.formats.base import Item, SourceInput
from ingest.records import TransferRecord
from scamgraph.errors import InputError

A = "TYxrQwwzVPJi6myMg18Kux1FbjMGty4JU4"
B = "TVsegutYdbszs2Cg9BUgevcAVZrjHxC2Uo"


def read(src: SourceInput) -> Iterator[Item]:
    for index in range(3):
        yield TransferRecord(chain="tron", tx="ab" * 32, index=index, from_address=A,
                             to_address=B, asset="USDT", amount_raw="1", decimals=6,
                             ts=datetime(2024, 1, 1, tzinfo=UTC), position=f"record {index}")
    raise InputError(f"{src.name}: unexpected end of document at byte 4096")
