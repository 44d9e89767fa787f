"""What every format reader shares: its input, its signature, and streaming helpers.

A reader is `read(src) -> Iterator[Record | Rejected]`: it streams the file, yields one typed
record per accepted item and a `Rejected` (position, raw text, reason) per bad one, and raises
`InputError` only when the file cannot be parsed at all. Readers never touch the graph.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

import orjson

from ingest.records import LinkRecord, NodeRecord, Record, Rejected
from scamgraph.errors import InputError

Item = Record | Rejected
# Raw text kept in a quarantine entry is cut to this many characters (a reason to MAX_REASON).
MAX_RAW = 2000
MAX_REASON = 500
# Hostile-input bounds. Real exports nest JSON a few levels deep (FtM nested entities ~10), an
# ERC-20 uint256 has 78 digits, and the biggest real line (a bitcoin-etl transaction with
# thousands of inputs) is a few MB; beyond these a line is quarantined, never parsed.
MAX_DEPTH = 100
MAX_DIGITS = 100
MAX_LINE_BYTES = 8 << 20
_JSON_TOKENS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')


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
    return Rejected(position=position, raw=text[:MAX_RAW], reason=reason[:MAX_REASON])


def shown(value: object, limit: int = 60) -> str:
    """`repr(value)` cut to `limit` characters, for reasons that quote a hostile value."""
    text = repr(value) if not isinstance(value, str) or len(value) <= limit else repr(value[:limit])
    return text if len(text) <= limit + 2 else f"{text[:limit]}..."


def loads(text: str | bytes) -> Any:
    """json.loads with nesting bounded (MAX_DEPTH) and integers over MAX_DIGITS kept as text.

    Both bounds fail as json.JSONDecodeError with a position, as a syntax error does, so a
    caller has one error to handle: the C decoder would otherwise hit Python's recursion limit
    on deep input, and int() its 4300-digit limit.

    orjson decodes first (3-4x faster than json with the integer hook); it cannot overflow the
    stack (its own limit is 1024 levels) but turns integers beyond 64 bits into floats and
    refuses what json accepts (NaN, lone surrogates). So its value is kept only when `_plain`
    finds no float and no nesting beyond MAX_DEPTH; anything else, and every error, is decoded
    again by json, which gives exactly the value or error it always gave.
    """
    try:
        value = orjson.loads(text)
    except orjson.JSONDecodeError:
        return _loads_exact(text)
    if _plain(value, MAX_DEPTH):
        return value
    return _loads_exact(text)


def _plain(value: Any, depth: int) -> bool:
    """No float anywhere in `value` and containers nested at most `depth` levels."""
    kind = type(value)
    if kind is float:
        return False
    if kind is not dict and kind is not list:
        return True
    if depth == 0:
        return False
    for item in (value.values() if kind is dict else value):
        inner = type(item)
        if inner is float or ((inner is dict or inner is list) and not _plain(item, depth - 1)):
            return False
    return True


def _loads_exact(text: str | bytes) -> Any:
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    if text.count("[") + text.count("{") > MAX_DEPTH:
        _check_depth(text)
    return json.loads(text, parse_int=_int_or_text)


def _check_depth(text: str) -> None:
    depth = 0
    for token in _JSON_TOKENS.finditer(text):
        bracket = token.group()
        if bracket in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise json.JSONDecodeError(f"nested deeper than {MAX_DEPTH} levels", text,
                                           token.start())
        elif bracket in "]}":
            depth -= 1


def _int_or_text(digits: str) -> int | str:
    # The text then fails the amount/number checks that read it, with a reason.
    return int(digits) if len(digits) <= MAX_DIGITS else digits


def lines(src: SourceInput) -> Iterator[tuple[int, str] | Rejected]:
    """Numbered text lines (1-based, newline stripped); a line that is not UTF-8 is rejected."""
    with src.path.open("rb") as fh:
        yield from numbered_lines(fh)


def numbered_lines(fh: io.BufferedReader, number: int = 0, end: int | None = None
                   ) -> Iterator[tuple[int, str] | Rejected]:
    """`lines` from `fh`'s position up to byte `end` (a line start), the first numbered
    `number + 1`: a part of a file read on its own (spark/stage.py) gives the same items."""
    while (end is None or fh.tell() < end) and (blob := fh.readline(MAX_LINE_BYTES + 1)):
        number += 1
        if len(blob) > MAX_LINE_BYTES and not blob.endswith(b"\n"):
            _skip_line(fh)
            reason = f"line longer than {MAX_LINE_BYTES} bytes"
            yield rejected(f"line {number}", blob[:MAX_RAW].decode("utf-8", "replace"), reason)
            continue
        try:
            text = blob.decode("utf-8")
        except UnicodeDecodeError as exc:
            shown = blob.decode("utf-8", "replace")
            yield rejected(f"line {number}", shown, f"not UTF-8: {exc.reason}")
            continue
        if number == 1:
            text = text.removeprefix("\ufeff")
        yield number, text.rstrip("\r\n")


def _skip_line(fh: io.BufferedReader) -> None:
    """Read past the rest of an overlong line, a bounded chunk at a time."""
    while (chunk := fh.readline(MAX_LINE_BYTES)) and not chunk.endswith(b"\n"):
        pass


def json_lines(src: SourceInput) -> Iterator[tuple[str, dict[str, Any]] | Rejected]:
    """JSON objects one per line, with position; InputError when no line at all is JSON."""
    parsed = seen = 0
    for item in lines(src):
        value = json_object(item)
        if value is None:
            continue
        seen += 1
        if not isinstance(value, Rejected):
            parsed += 1
        yield value
    if seen and not parsed:
        raise InputError(no_json_message(src.name), hint="is this a JSON-lines file?")


def no_json_message(name: str) -> str:
    return f"{name}: no line is a JSON object"


def json_object(item: tuple[int, str] | Rejected) -> tuple[str, dict[str, Any]] | Rejected | None:
    """One item of `lines` as a positioned JSON object, a Rejected, or None (a blank line)."""
    if isinstance(item, Rejected):
        return item
    number, text = item
    if not text.strip():
        return None
    try:
        value = loads(text)
    except json.JSONDecodeError as exc:
        return rejected(f"line {number}", text, f"not JSON: {exc.msg} at column {exc.colno}")
    if not isinstance(value, dict):
        return rejected(f"line {number}", text, "not a JSON object")
    return f"line {number}", value


Row = tuple[str, dict[str, str]] | Rejected


def csv_rows(src: SourceInput, required: Iterable[str]) -> Iterator[Row]:
    """CSV rows with a header as dicts; InputError when the header lacks a required column."""
    with src.path.open("rb") as raw:
        reader = csv.DictReader(csv_text(raw))
        try:
            header = reader.fieldnames
        except csv.Error as exc:
            raise InputError(f"{src.name}: CSV header refused at line 1: {exc}") from None
        missing = set(required) - set(header or ())
        if missing:
            raise InputError(
                f"{src.name}: CSV header lacks column(s) {sorted(missing)}",
                hint=f"header found: {reader.fieldnames}",
            )
        yield from checked_rows(reader, src.name)


def csv_text(raw: IO[bytes]) -> io.TextIOWrapper:
    """CSV bytes as text for the csv module."""
    # surrogateescape lets one bad row be rejected instead of failing the whole file.
    return io.TextIOWrapper(raw, encoding="utf-8-sig", errors="surrogateescape", newline="")


def checked_rows(reader: csv.DictReader[str], name: str, offset: int = 0) -> Iterator[Row]:
    """The rows of `csv_rows` after its header; line numbers `offset` further on (a part of a
    file read on its own, spark/stage.py)."""
    for row in csv_records(reader, name, offset):
        yield row if isinstance(row, Rejected) else next(
            _checked_row(reader.line_num + offset, row))


def csv_records(reader: Iterator[Any], name: str, offset: int = 0) -> Iterator[Any]:
    """The rows of a csv reader; a row the csv module refuses (a field over its size limit, a
    NUL byte) is Rejected with its line, and reading goes on from the next line."""
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            line = getattr(reader, "line_num", None)
            line = "?" if line is None else line + offset
            yield rejected(f"line {line}", "", f"{name}: CSV row refused: {exc}")
            continue
        yield row


def _checked_row(line: int, row: dict[str | Any, Any]) -> Iterator[Row]:
    position = f"line {line}"
    # Only the start of a row is kept, so a hostile 10 MB row costs no more than a short one.
    head = {str(k): (v[:20] if isinstance(v, list) else v if v is None else str(v)[:MAX_RAW])
            for k, v in list(row.items())[:50]}
    raw = json.dumps(head, ensure_ascii=False).encode("utf-8", "replace").decode("utf-8")
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
        return loads(src.path.read_bytes())
    except UnicodeDecodeError as exc:
        raise InputError(f"{src.name}: not UTF-8 at byte {exc.start}") from None
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{src.name}: not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}",
            hint="the file may be truncated",
        ) from None


def base_units(value: object) -> str:
    """A non-negative integer amount in base units as a canonical decimal string."""
    return str(digits(value, "amount", "a non-negative integer in base units"))


def digits(value: object, name: str, what: str = "a non-negative integer") -> int:
    """A non-negative decimal integer of at most MAX_DIGITS digits; ValueError says why not."""
    text = str(value).strip()
    if isinstance(value, bool) or not text.isascii() or not text.isdigit():
        raise ValueError(f"{name} {shown(text)} is not {what}")
    if len(text) > MAX_DIGITS:
        raise ValueError(f"{name} has {len(text)} digits, more than {MAX_DIGITS}")
    return int(text)


def utc_from_epoch(value: object, *, millis: bool = False) -> datetime:
    """A UTC datetime from epoch seconds (or milliseconds)."""
    text = str(value).strip()
    number = digits(text.removeprefix("-"), "timestamp")
    if text.startswith("-"):
        raise ValueError(f"negative timestamp {shown(value)}")
    try:
        return datetime.fromtimestamp(number / 1000 if millis else number, tz=UTC)
    except (OverflowError, OSError, ValueError):
        raise ValueError(f"timestamp {shown(value)} is out of range") from None


def flag_synthetic(items: Iterable[Item], synthetic: bool) -> Iterator[Item]:
    """Records from a source that declares itself synthetic carry `synthetic: true`."""
    for item in items:
        if synthetic and isinstance(item, NodeRecord | LinkRecord):
            yield replace(item, props={**item.props, "synthetic": True})
        else:
            yield item
