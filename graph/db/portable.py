"""Driver values as tagged JSON that round-trips exactly: the carry-over of a bulk load on disk.

`jsonable` (values.py) is for reading: it turns a DateTime into an ISO string, which comes
back as a string. A carry-over written before a store swap must come back as the very values
it held (a zoned DateTime with its nanoseconds and its zone, a Date, a Duration), so each
temporal value becomes {"$neo4j": kind, ...} and `from_portable` builds it again.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytz  # type: ignore[import-untyped]  # the driver's own zones (its dependency)
from neo4j.time import Date, DateTime, Duration, Time

TAG = "$neo4j"


def _zone(value: DateTime | Time, offset: dt.timedelta | None) -> dict[str, Any] | None:
    """The zone: a name (pytz's, as the driver reads it, UTC included) and the offset."""
    if value.tzinfo is None:
        return None
    name = getattr(value.tzinfo, "zone", None) or getattr(value.tzinfo, "key", None)
    seconds = int(offset.total_seconds()) if offset is not None else 0
    return {"zone": name, "offset_s": seconds} if name else {"offset_s": seconds}


def _offset_tz(spec: dict[str, Any]) -> dt.tzinfo:
    # datetime.timezone, not zoneinfo: zoneinfo's C code reads a neo4j.time value as if it
    # were a datetime (garbage offsets, or a segfault); timezone checks and the driver falls
    # back to the native value. pytz's FixedOffset(0) would be the zone id UTC.
    return dt.timezone(dt.timedelta(seconds=int(spec["offset_s"])))


def _datetime(parts: list[Any], spec: dict[str, Any] | None) -> DateTime:
    """Wall-clock parts in their zone, rebuilt as the driver hydrates a zoned value."""
    local = DateTime(*parts)
    if spec is None:
        return local
    fixed = local.replace(tzinfo=_offset_tz(spec))
    return fixed.as_timezone(pytz.timezone(spec["zone"])) if spec.get("zone") else fixed


def to_portable(value: Any) -> Any:
    """JSON types; temporal values tagged. ValueError for a type that cannot be carried."""
    if isinstance(value, DateTime | dt.datetime):
        offset = value.utcoffset()  # before from_native: a zoneinfo tz is safe on datetimes
        if isinstance(value, dt.datetime):
            value = DateTime.from_native(value.replace(tzinfo=None)).replace(
                tzinfo=value.tzinfo)
        parts = [value.year, value.month, value.day, value.hour, value.minute, value.second,
                 value.nanosecond]
        return {TAG: "datetime", "parts": parts, "tz": _zone(value, offset)}
    if isinstance(value, Date | dt.date):
        return {TAG: "date", "iso": value.isoformat()}
    if isinstance(value, Time):
        return {TAG: "time", "parts": [value.hour, value.minute, value.second, value.nanosecond],
                "tz": _zone(value, value.utcoffset())}
    if isinstance(value, Duration):
        return {TAG: "duration", "parts": [value.months, value.days, value.seconds,
                                           value.nanoseconds]}
    if isinstance(value, dict):
        return {str(k): to_portable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_portable(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    raise ValueError(f"cannot carry a {type(value).__name__} value across a bulk load")


def from_portable(value: Any) -> Any:
    """The driver values `to_portable` was given."""
    if isinstance(value, list):
        return [from_portable(v) for v in value]
    if not isinstance(value, dict):
        return value
    kind = value.get(TAG)
    if kind is None:
        return {k: from_portable(v) for k, v in value.items()}
    if kind == "datetime":
        return _datetime(value["parts"], value["tz"])
    if kind == "date":
        return Date.from_iso_format(value["iso"])
    if kind == "time":
        hour, minute, second, nanosecond = value["parts"]
        spec = value["tz"]
        return Time(hour, minute, second, nanosecond,
                    tzinfo=None if spec is None else _offset_tz(spec))
    if kind == "duration":
        months, days, seconds, nanoseconds = value["parts"]
        return Duration(months=months, days=days, seconds=seconds, nanoseconds=nanoseconds)
    raise ValueError(f"unknown carried value kind {kind!r}")
