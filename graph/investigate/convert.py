"""Rows from the investigative queries turned into the frozen result types."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from graph.db.values import native
from graph.investigate.types import EdgeRecord, EntityRecord, Provenance, SanctionSummary
from graph.model.vocabulary import NODE_LABELS
from scamgraph.errors import ValidationError

PROVENANCE_KEYS = ("sources", "first_seen", "last_seen", "confidence")


def ts(value: Any) -> datetime | None:
    converted = native(value)
    return converted if isinstance(converted, datetime) else None


def from_ms(value: int | None) -> datetime | None:
    """Epoch milliseconds (what the queries return: hydrating a driver DateTime per row cost
    more than the rest of a large trace's decoding) as a UTC datetime."""
    return None if value is None else datetime.fromtimestamp(value / 1000, UTC)


def utc(value: datetime | None) -> datetime | None:
    """A datetime the database compares with stored UTC times: naive ones are taken as UTC."""
    # A naive datetime reaches Neo4j as a LocalDateTime, which never compares with a DateTime.
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=UTC)


def provenance(props: Mapping[str, Any]) -> Provenance:
    confidence = props.get("confidence")
    return Provenance(
        sources=tuple(props.get("sources") or ()),
        first_seen=ts(props.get("first_seen")),
        last_seen=ts(props.get("last_seen")),
        confidence=float(confidence) if confidence is not None else None,
    )


def primary_label(labels: list[str]) -> str:
    """The one label of NODE_LABELS a node carries (Entity when none does)."""
    found = sorted(label for label in labels if label in NODE_LABELS)
    return found[0] if found else "Entity"


def entity(row: Mapping[str, Any]) -> EntityRecord:
    """An EntityRecord from a row with `props`, `labels` and optional `sanctions`."""
    props = native(row["props"])
    labels = tuple(sorted(row["labels"]))
    sanctions = tuple(
        SanctionSummary(s.get("id"), s.get("authority"), s.get("program"),
                        s.get("listing_id"), native(s.get("listed_on")))
        for s in row.get("sanctions") or ()
    )
    return EntityRecord(
        id=props["id"], label=primary_label(list(labels)), labels=labels, name=props.get("name"),
        properties=props, provenance=provenance(props), sanctions=sanctions,
    )


def edge(row: Mapping[str, Any]) -> EdgeRecord:
    """An EdgeRecord from a row with `key`, `type`, `start`, `end` and `props`."""
    props = native(row["props"])
    return EdgeRecord(
        key=str(row["key"]), type=row["type"], start=row["start"], end=row["end"],
        properties=props, provenance=provenance(props),
    )


def encode_cursor(offset: int) -> str:
    return base64.urlsafe_b64encode(f"offset:{offset}".encode()).decode()


def decode_cursor(cursor: str | None, name: str = "after") -> int:
    """The offset inside an opaque cursor; ValidationError for one we did not issue."""
    if not cursor:
        return 0
    try:
        text = base64.urlsafe_b64decode(cursor.encode()).decode()
        kind, _, number = text.partition(":")
        if kind == "offset" and number.isdigit():
            return int(number)
    except (binascii.Error, UnicodeDecodeError, ValueError):
        pass
    raise ValidationError(f"{name} is not a cursor this API issued: {cursor!r}",
                          hint="pass the end_cursor of a previous page")
