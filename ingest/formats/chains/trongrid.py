"""TronGrid TRC-20 transfer pages, as returned by /v1/accounts/{address}/transactions/trc20.

A page is `{"data": [...], "success": true, "meta": {...}}`; each item has transaction_id,
token_info {symbol, address, decimals, name}, block_timestamp (epoch ms), from, to, type
("Transfer"; "Approval" items are not transfers and are rejected) and value (a decimal string).
A file is one page (pretty-printed or not), a JSON array of pages, or JSON lines with one page
a line, which is what a crawler following `meta.links.next` writes and what streams: use that
form for large inputs (the other two are read whole).

Transfer index: the endpoint gives no log index, and the same transfer comes back on the
pages of both its sender and its receiver in different orders, so the index cannot be a
position. It is derived from the content instead: the first 48 bits of
sha256(token|from|to|value) shifted left 4 bits, plus the occurrence number (0-15) of that
same content within the transaction on the page. The same transfer therefore gets the same id
from any page of any account, and re-ingesting a page merges.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from graph.model.addresses import normalise
from ingest.formats.base import (
    MAX_DIGITS,
    Item,
    SourceInput,
    base_units,
    json_document,
    json_lines,
    loads,
    rejected,
    shown,
    utc_from_epoch,
)
from ingest.records import Rejected, TransferRecord
from scamgraph.errors import InputError

_TX = re.compile(r"[0-9a-f]{64}")
SINGLE_PASS = True  # whole documents fail before any record; JSON lines only when no line parses
MAX_OCCURRENCE = 15
MAX_DECIMALS = 77  # uint256 has 78 digits
MAX_EPOCH_MS = 253_402_300_800_000  # year 10000: datetime's range


def read(src: SourceInput) -> Iterator[Item]:
    for position, page in _pages(src):
        yield from _page(position, page)


def _pages(src: SourceInput) -> Iterator[tuple[str, Any]]:
    if _first_line_is_json(src):
        first = True
        for item in json_lines(src):
            if isinstance(item, Rejected):
                yield item.position, item  # passed through by _page
                continue
            if first:
                _check_page(src, item[1])
                first = False
            yield item
        return
    document = json_document(src)
    pages = document if isinstance(document, list) else [document]
    if pages:
        _check_page(src, pages[0])
    for number, page in enumerate(pages):
        yield (f"page {number}" if isinstance(document, list) else "document"), page


def _check_page(src: SourceInput, page: Any) -> None:
    """The first page decides whether this is TronGrid at all (before any record is yielded)."""
    if not isinstance(page, dict) or not isinstance(page.get("data"), list):
        raise InputError(f"{src.name}: not TronGrid TRC-20 pages (no data array)",
                         hint="want /v1/accounts/{address}/transactions/trc20 responses")


def _first_line_is_json(src: SourceInput) -> bool:
    with src.path.open("rb") as fh:
        for blob in fh:
            if blob.strip():
                try:
                    return isinstance(loads(blob), dict)
                except ValueError:  # not JSON, too deep, or not UTF-8: not a JSON-lines file
                    return False
    raise InputError(f"{src.name}: empty file", hint="want TronGrid TRC-20 pages")


def _page(position: str, page: Any) -> Iterator[Item]:
    if isinstance(page, Rejected):
        yield page
        return
    if not isinstance(page, dict) or not isinstance(page.get("data"), list):
        yield rejected(position, page, "not a TronGrid page (no data array)")
        return
    if page.get("success") is False:
        yield rejected(position, page, "page says success=false")
        return
    seen: dict[tuple[str, int], int] = {}  # occurrences of (tx, content) on this page
    for number, item in enumerate(page["data"]):
        where = f"{position} data[{number}]"
        try:
            yield transfer(item, where, seen)
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            yield rejected(where, item, _reason(exc))


def _reason(exc: Exception) -> str:
    return f"missing field {exc}" if isinstance(exc, KeyError) else str(exc)


def transfer(item: dict[str, Any], position: str, seen: dict[tuple[str, int], int]
             ) -> TransferRecord:
    """One TRC-20 item as a TransferRecord; ValueError/KeyError say what is wrong."""
    if item.get("type", "Transfer") != "Transfer":
        raise ValueError(f"not a transfer (type {item.get('type')!r})")
    info = item["token_info"]
    token = normalise("tron", str(info["address"])).address
    sender = normalise("tron", str(item["from"])).address
    receiver = normalise("tron", str(item["to"])).address
    amount = _amount(item["value"])
    tx = _tx(item["transaction_id"])
    content = _content_key(token, sender, receiver, amount)
    occurrence = seen.get((tx, content), 0)
    if occurrence > MAX_OCCURRENCE:
        raise ValueError(f"more than {MAX_OCCURRENCE + 1} identical transfers in one transaction")
    seen[(tx, content)] = occurrence + 1
    ms = _epoch_ms(item["block_timestamp"])
    return TransferRecord(
        chain="tron", tx=tx, index=(content << 4) | occurrence,
        from_address=sender, to_address=receiver, asset=str(info.get("symbol") or token),
        amount_raw=amount, decimals=_decimals(info.get("decimals")),
        ts=datetime.fromtimestamp(ms / 1000, UTC), ms=ms, token=token, position=position,
    )


def _amount(value: Any) -> str:
    """base_units, without its int round trip for the usual canonical digit string."""
    if (type(value) is str and value.isdigit() and value.isascii() and len(value) <= MAX_DIGITS
            and (value[0] != "0" or value == "0")):
        return value
    return base_units(value)


def _epoch_ms(value: Any) -> int:
    """block_timestamp (epoch ms) as it is sent; utc_from_epoch checks anything else."""
    if type(value) is int and 0 <= value < MAX_EPOCH_MS:
        return value
    return round(utc_from_epoch(value, millis=True).timestamp() * 1000)


def _content_key(token: str, sender: str, receiver: str, amount: str) -> int:
    digest = hashlib.sha256(f"{token}|{sender}|{receiver}|{amount}".encode()).digest()
    return int.from_bytes(digest[:6], "big")


def _tx(value: Any) -> str:
    text = str(value).lower()
    if not _TX.fullmatch(text):
        raise ValueError(f"bad transaction_id {value!r}")
    return text


def _decimals(value: Any) -> int | None:
    if type(value) is int and 0 <= value <= MAX_DECIMALS:
        return value
    if value is None or value == "":
        return None
    text = str(value).strip()
    if isinstance(value, bool) or not text.isdigit() or len(text) > 2 or int(text) > MAX_DECIMALS:
        raise ValueError(f"token decimals {shown(value)} is not an integer in 0..77")
    return int(text)
