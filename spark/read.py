"""Reading one part of a chain export inside a Spark task, with ingest's own readers.

Nothing here validates: lines are cut and numbered by `numbered_lines`, parsed by
`json_object` or `checked_rows` (ingest/formats/base.py), and each record goes through the
format's own per-record function (ethereum-etl `row_item`, bitcoin-etl `_transaction`,
TronGrid `_page`), which normalise addresses with graph/model. A form that cannot be cut
(a TronGrid document or array of pages) is read whole by the format's reader in one task.

A task yields flat tuples (ROW_FIELDS) for a DataFrame: "T" a transfer (with the reason the
importer's CSV refuses it, if any), "R" a rejected record, "E" the reader failing
unexpectedly (the driver raises it, naming the file and position).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ingest.bulk.load import bulk_refusal
from ingest.bulk.stage import stage_row
from ingest.formats import load_reader
from ingest.formats.base import Item, SourceInput, checked_rows, csv_text, json_object
from ingest.formats.base import numbered_lines as lines_of
from ingest.formats.chains import bitcoin_etl, ethereum_etl, trongrid
from ingest.records import Rejected, TransferRecord
from spark.chunks import Part

ROW_FIELDS = ("kind", "input", "part", "seq", "position", "raw", "reason", "chain", "frm",
              "to", "tx", "index", "asset", "token", "amount_raw", "decimals", "block", "ms")
Row = tuple[Any, ...]


@dataclass(frozen=True)
class PartJob:
    part: Part
    fmt: str
    form: str  # "lines" (JSON lines), "csv", or "whole"
    name: str  # the file as given: what quarantine entries and errors name
    options: dict[str, str] = field(default_factory=dict)

    @property
    def src(self) -> SourceInput:
        return SourceInput(path=Path(self.part.path), name=self.name, options=self.options)


def _json_lines(job: PartJob) -> Iterator[tuple[str, dict[str, Any]] | Rejected]:
    part = job.part
    with open(part.path, "rb") as fh:
        fh.seek(part.start)
        for item in lines_of(fh, part.first_line - 1, part.end):
            value = json_object(item)
            if value is not None:
                yield value


def _csv_rows(job: PartJob) -> Iterator[tuple[str, dict[str, str]] | Rejected]:
    part = job.part
    header = None
    if part.number > 0:  # the file's own header names the columns of every later part
        with open(part.path, "rb") as fh, csv_text(fh) as text:
            header = csv.DictReader(text).fieldnames
    with open(part.path, "rb") as fh:
        fh.seek(part.start)
        data = io.BytesIO(fh.read(part.end - part.start))
    reader = csv.DictReader(csv_text(data), fieldnames=header)
    yield from checked_rows(reader, job.name, 0 if header is None else part.first_line - 1)


def _ethereum(job: PartJob) -> Iterator[Item]:
    chain, tokens = job.src.option("chain", "ethereum").lower(), ethereum_etl.token_lookup(job.src)
    rows = _csv_rows(job) if job.form == "csv" else _json_lines(job)
    for item in rows:
        yield item if isinstance(item, Rejected) else ethereum_etl.row_item(
            chain, item[1], tokens, item[0])


def _bitcoin(job: PartJob) -> Iterator[Item]:
    chain = job.src.option("chain", "bitcoin").lower()
    max_pairs = int(job.src.option("max_pairs", "10000"))
    for item in _json_lines(job):
        if isinstance(item, Rejected):
            yield item
        else:
            yield from bitcoin_etl._transaction(chain, item[0], item[1], max_pairs)


def _trongrid(job: PartJob) -> Iterator[Item]:
    for item in _json_lines(job):
        yield from trongrid._page(item.position if isinstance(item, Rejected) else item[0],
                                  item if isinstance(item, Rejected) else item[1])


PART_READERS: dict[str, Callable[[PartJob], Iterator[Item]]] = {
    "ethereum-etl": _ethereum, "bitcoin-etl": _bitcoin, "trongrid": _trongrid}


def _row(job: PartJob, seq: int, item: Item) -> Row:
    p = job.part
    if isinstance(item, Rejected):
        return ("R", p.input, p.number, seq, item.position, item.raw, item.reason,
                *([None] * 11))
    if not isinstance(item, TransferRecord):
        return ("E", p.input, p.number, seq, item.position, "",
                f"{job.name}: format {job.fmt} gave a {type(item).__name__}; bulk loads take "
                "transfers only", *([None] * 11))
    refused = bulk_refusal(item)
    return ("T", p.input, p.number, seq, item.position, refused and refused.raw,
            refused and refused.reason, *stage_row(item))


def read_part(job: PartJob) -> Iterator[Row]:
    """Every item of `job`'s part as a row; an unexpected failure ends it with an "E" row."""
    items = load_reader(job.fmt)(job.src) if job.form == "whole" else PART_READERS[job.fmt](job)
    seq, where = 0, "before the first record"
    try:
        for seq, item in enumerate(items):
            where = f"after {item.position}" if item.position else where
            yield _row(job, seq, item)
    except Exception as exc:  # a reader bug hostile input found: a message, never a traceback
        yield ("E", job.part.input, job.part.number, seq + 1, where, "",
               f"{job.name}: the {job.fmt} reader failed {where}: {type(exc).__name__}: "
               f"{str(exc)[:300]}", *([None] * 11))
