"""The forms an address list comes in, for `ofac-list`: one address a line, a JSON array of
addresses, or a JSON object keyed by address whose values may name the asset and the party.
Anything else (a CSV with a header, an HTML page) is refused whole, before a record is made.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ingest.formats.base import SourceInput, json_document, lines, rejected
from ingest.records import Rejected
from scamgraph.errors import InputError

# Lines inspected to tell a list from a table or a page: an address has none of these.
SNIFF_LINES = 20
_NOT_AN_ADDRESS = re.compile(r"[,;\t |<>\"']")
ASSET_KEYS = ("asset", "currency", "chain", "network", "symbol")
NAME_KEYS = ("name", "entity", "label", "owner")


@dataclass(frozen=True)
class Entry:
    position: str
    address: str
    raw: object  # the record as read: the line text, or the source's JSON for that entry
    asset: str = ""
    name: str = ""


def form(src: SourceInput) -> str:
    """"json" or "lines"; InputError for anything that is neither an address list."""
    with src.path.open("rb") as fh:
        head = fh.read(4096).lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] in (b"[", b"{"):
        return "json"
    content = [text.strip() for _, text in _head_lines(src)]
    bad = next((t for t in content if _NOT_AN_ADDRESS.search(t)), None)
    if bad is not None:
        kind = ("an HTML page" if bad.startswith("<")
                else "a table (CSV/TSV), not one address a line")
        raise InputError(f"{src.name}: this looks like {kind}: {bad[:80]!r}",
                         hint="ofac-list reads one address a line, a JSON array of addresses or "
                              "a JSON object keyed by address; load labelled tables with `labels`")
    return "lines"


def _head_lines(src: SourceInput) -> Iterator[tuple[int, str]]:
    seen = 0
    for item in lines(src):
        if seen >= SNIFF_LINES:
            return
        if not isinstance(item, Rejected) and _content(item[1]):
            seen += 1
            yield item


def _content(text: str) -> bool:
    return bool(text.strip()) and not text.lstrip().startswith("#")


def entries(src: SourceInput, kind: str) -> Iterator[Entry | Rejected]:
    if kind == "lines":
        for item in lines(src):
            if isinstance(item, Rejected):
                yield item
            elif _content(item[1]):
                yield Entry(f"line {item[0]}", item[1].strip(), item[1])
        return
    document = json_document(src)
    if isinstance(document, list):
        yield from _array(document)
    elif isinstance(document, dict):
        yield from _object(document)
    else:
        raise InputError(f"{src.name}: expected a JSON array of addresses or an object keyed by "
                         f"address, got {type(document).__name__}")


def _array(document: list[Any]) -> Iterator[Entry | Rejected]:
    for index, value in enumerate(document):
        if isinstance(value, str) and value.strip():
            yield Entry(f"item {index}", value.strip(), value)
        else:
            yield rejected(f"item {index}", value, "not an address string")


def _object(document: dict[str, Any]) -> Iterator[Entry | Rejected]:
    for key, value in document.items():
        position = f"key {key[:64]!r}"
        if not key.strip():
            yield rejected(position, {key: value}, "empty address key")
            continue
        details = (value if isinstance(value, dict)
                   else {"name": value} if isinstance(value, str) else {})
        yield Entry(position, key.strip(), {key: value}, _first(details, ASSET_KEYS),
                    _first(details, NAME_KEYS))


def _first(details: dict[str, Any], keys: tuple[str, ...]) -> str:
    return next((str(details[k]).strip() for k in keys
                 if isinstance(details.get(k), str | int) and str(details[k]).strip()), "")
