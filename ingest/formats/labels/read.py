"""`labels` reader: CSV (`address,name[,labels...]`) or JSON (`{address: {name, labels}}`, or a
list of objects with `address`).

Options (`-o key=value`): `chain` (else each row's chain column, else detected from the address
form: a Solana or DigiByte address needs it), `address_column`, `name_column`,
`labels_column`, `chain_column` (header names; defaults below), `label` (added to every row,
e.g. "DOJ seizure 2023-06"). A CSV header is detected when
its first row names an address column; without one the columns are address, name, labels...
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from ingest.formats.base import Item, SourceInput, json_document, lines, rejected
from ingest.formats.labels.common import label_wallet, split_labels
from ingest.records import Rejected
from scamgraph.errors import InputError

ADDRESS_NAMES = ("address", "addr", "wallet", "account")
NAME_NAMES = ("name", "name tag", "name_tag", "nametag", "label_name", "entity")
LABELS_NAMES = ("labels", "label", "tags", "category", "categories")
CHAIN_NAMES = ("chain", "network", "blockchain")


def read(src: SourceInput) -> Iterator[Item]:
    with src.path.open("rb") as fh:
        head = fh.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] in (b"{", b"["):
        yield from _json(src)
    elif head[:1] == b"<":
        raise InputError(f"{src.name}: this looks like an HTML page, not a label set")
    else:
        yield from _csv(src)


def _json(src: SourceInput) -> Iterator[Item]:
    document = json_document(src)
    chain = src.option("chain")
    pairs: list[tuple[str, Any]]
    if isinstance(document, dict):
        pairs = [(f"key {k[:64]!r}", {"address": k, **(v if isinstance(v, dict) else
                                                       {"name": v})}) for k, v in document.items()]
    elif isinstance(document, list):
        pairs = [(f"item {i}", v) for i, v in enumerate(document)]
    else:
        raise InputError(f"{src.name}: expected a JSON object keyed by address or a list")
    for position, entry in pairs:
        if not isinstance(entry, dict) or not isinstance(entry.get("address"), str):
            yield rejected(position, entry, "no address string")
            continue
        labels = split_labels(entry.get("labels") or entry.get("label") or [])
        labels += [src.option("label")] if src.option("label").strip() else []
        yield label_wallet(position, entry, entry["address"], str(entry.get("name") or ""),
                           labels, chain or str(entry.get("chain") or ""))


def _csv(src: SourceInput) -> Iterator[Item]:
    columns: dict[str, int] | None = None
    chain = src.option("chain")
    for item in lines(src):
        if isinstance(item, Rejected):
            yield item
            continue
        number, text = item
        if not text.strip() or text.lstrip().startswith("#"):
            continue
        row = next(csv.reader(io.StringIO(text), delimiter=_delimiter(text)), [])
        if columns is None:
            columns = _columns(row, src)
            if columns.pop("_header", 0):
                continue
        yield _row(f"line {number}", text, row, columns, chain, src.option("label"))


def _delimiter(text: str) -> str:
    return max((",", ";", "\t"), key=text.count)


def _columns(first: list[str], src: SourceInput) -> dict[str, int]:
    names = [c.strip().lower() for c in first]
    wanted = {"address": src.option("address_column") or ADDRESS_NAMES,
              "name": src.option("name_column") or NAME_NAMES,
              "labels": src.option("labels_column") or LABELS_NAMES,
              "chain": src.option("chain_column") or CHAIN_NAMES}
    found: dict[str, int] = {}
    for key, options in wanted.items():
        choices = (options.lower(),) if isinstance(options, str) else options
        index = next((names.index(c) for c in choices if c in names), None)
        if index is not None:
            found[key] = index
    if "address" in found:
        return {**found, "_header": 1}
    if src.option("address_column"):
        raise InputError(f"{src.name}: no column {src.option('address_column')!r} in the "
                         f"header {first[:10]}")
    return {"address": 0, "name": 1, "rest": 2}  # headerless: every later cell is a label


def _row(position: str, text: str, row: list[str], columns: dict[str, int],
         chain: str, extra: str) -> Item:
    def cell(key: str) -> str:
        index = columns.get(key)
        return row[index].strip() if index is not None and index < len(row) else ""
    if not cell("address"):
        return rejected(position, text, "no address in this row")
    labels = split_labels(row[2:] if "rest" in columns else cell("labels"))
    labels += [extra.strip()] if extra.strip() else []
    return label_wallet(position, text, cell("address"), cell("name"), labels,
                        chain or cell("chain"))
