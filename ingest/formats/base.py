"""What every format reader shares: its input, its signature, and streaming helpers.

A reader is `read(src) -> Iterator[Record | Rejected]`: it streams the file, yields one typed
record per accepted item and a `Rejected` (position, raw text, reason) per bad one, and raises
`InputError` only when the file cannot be parsed at all. Readers never touch the graph.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ingest.records import LinkRecord, NodeRecord, Record, Rejected
from scamgraph.errors import InputError

Item = Record | Rejected
# Raw text kept in a quarantine entry is cut to this many characters.
MAX_RAW = 2000


@dataclass(frozen=True)
class SourceInput:
    """A local file to read (the runner materialises URLs and stdin first)."""

    path: Path
    name: str
    options: Mapping[str, str] = field(default_factory=dict)

    def option(self, key: str, default: str = "") -> str:
        return self.options.get(key, default)


Reader = Callable[[SourceInput], Iterator[Item]]


def rejected(position: str, raw: object, reason: str) -> Rejected:
    """A Rejected with its raw text (JSON for parsed values) cut to MAX_RAW characters."""
    text = raw if isinstance(raw, str) else json.dumps(raw, ensure_ascii=False, default=str)
    return Rejected(position=position, raw=text[:MAX_RAW], reason=reason)


def lines(src: SourceInput) -> Iterator[tuple[int, str] | Rejected]:
    """Numbered text lines (1-based, newline stripped); a line that is not UTF-8 is rejected."""
    with src.path.open("rb") as fh:
        for number, blob in enumerate(fh, start=1):
            try:
                text = blob.decode("utf-8")
            except UnicodeDecodeError as exc:
                shown = blob.decode("utf-8", "replace")
                yield rejected(f"line {number}", shown, f"not UTF-8: {exc.reason}")
                continue
            if number == 1:
                text = text.removeprefix("\ufeff")
            yield number, text.rstrip("\r\n")


def json_lines(src: SourceInput) -> Iterator[tuple[str, dict[str, Any]] | Rejected]:
    """JSON objects one per line, with position; InputError when no line at all is JSON."""
    parsed = seen = 0
    for item in lines(src):
        if isinstance(item, Rejected):
            seen += 1
            yield item
            continue
        number, text = item
        if not text.strip():
            continue
        seen += 1
        try:
            value = json.loads(text)
        except json.JSONDecodeError as exc:
            yield rejected(f"line {number}", text, f"not JSON: {exc.msg} at column {exc.colno}")
            continue
        if not isinstance(value, dict):
            yield rejected(f"line {number}", text, "not a JSON object")
            continue
        parsed += 1
        yield f"line {number}", value
    if seen and not parsed:
        raise InputError(f"{src.name}: no line is a JSON object", hint="is this a JSON-lines file?")


Row = tuple[str, dict[str, str]] | Rejected


def csv_rows(src: SourceInput, required: Iterable[str]) -> Iterator[Row]:
    """CSV rows with a header as dicts; InputError when the header lacks a required column."""
    with src.path.open("rb") as raw:
        # surrogateescape lets one bad row be rejected instead of failing the whole file.
        text = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="surrogateescape", newline="")
        reader = csv.DictReader(text)
        missing = set(required) - set(reader.fieldnames or ())
        if missing:
            raise InputError(
                f"{src.name}: CSV header lacks column(s) {sorted(missing)}",
                hint=f"header found: {reader.fieldnames}",
            )
        for row in reader:
            yield from _checked_row(reader.line_num, row)


def _checked_row(line: int, row: dict[str | Any, Any]) -> Iterator[Row]:
    position = f"line {line}"
    raw = json.dumps(row, ensure_ascii=False).encode("utf-8", "replace").decode("utf-8")
    if None in row or any(v is None for v in row.values()):
        yield rejected(position, raw, "wrong number of fields")
    elif any(_has_surrogates(v) for v in row.values()):
        yield rejected(position, raw.encode("utf-8", "replace").decode("utf-8"), "not UTF-8")
    else:
        yield position, row


def _has_surrogates(value: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in value)


def json_document(src: SourceInput) -> Any:
    """A whole-file JSON document; InputError (with line and column) when it does not parse."""
    try:
        with src.path.open("rb") as fh:
            return json.load(fh)
    except UnicodeDecodeError as exc:
        raise InputError(f"{src.name}: not UTF-8 at byte {exc.start}") from None
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{src.name}: not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}",
            hint="the file may be truncated",
        ) from None


def base_units(value: object) -> str:
    """A non-negative integer amount in base units as a canonical decimal string."""
    text = str(value).strip()
    if isinstance(value, bool) or not text.isascii() or not text.isdigit():
        raise ValueError(f"amount {text!r} is not a non-negative integer in base units")
    return str(int(text))


def utc_from_epoch(value: object, *, millis: bool = False) -> datetime:
    """A UTC datetime from epoch seconds (or milliseconds)."""
    number = int(str(value).strip())
    if number < 0:
        raise ValueError(f"negative timestamp {value!r}")
    return datetime.fromtimestamp(number / 1000 if millis else number, tz=UTC)


def flag_synthetic(items: Iterable[Item], synthetic: bool) -> Iterator[Item]:
    """Records from a source that declares itself synthetic carry `synthetic: true`."""
    for item in items:
        if synthetic and isinstance(item, NodeRecord | LinkRecord):
            yield replace(item, props={**item.props, "synthetic": True})
        else:
            yield item
