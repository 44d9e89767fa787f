"""Driver values as tagged JSON that round-trips exactly: the carry-over of a bulk load on disk.

`jsonable` (values.py) is for reading: it turns a DateTime into an ISO string, which comes
back as a string. A carry-over written before a store swap must come back as the very values
it held (a zoned DateTime with its nanoseconds and its zone, a Date, a Duration), so each
temporal value becomes {"$neo4j": kind, ...} and `from_portable` builds it again.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

from neo4j.time import Date, DateTime, Duration, Time

TAG = "$neo4j"


def _zone(value: DateTime | Time) -> dict[str, Any] | None:
    tz = value.tzinfo
    if tz is None:
        return None
    # A named zone (pytz's UTC included, as the driver reads it) stays a name, which the
    # driver writes as a zone id; a fixed offset (pytz's has zone None) stays an offset.
    name = getattr(tz, "zone", None) or getattr(tz, "key", None)
    if name:
        return {"zone": name}
    offset = value.utcoffset()
    return {"offset_s": int(offset.total_seconds()) if offset is not None else 0}


def _tz(spec: dict[str, Any] | None) -> dt.tzinfo | None:
    if spec is None:
        return None
    if "zone" in spec:
        return zoneinfo.ZoneInfo(spec["zone"])
    return dt.timezone(dt.timedelta(seconds=int(spec["offset_s"])))


def to_portable(value: Any) -> Any:
    """JSON types; temporal values tagged. ValueError for a type that cannot be carried."""
    if isinstance(value, DateTime | dt.datetime):
        if isinstance(value, dt.datetime):
            value = DateTime.from_native(value)
        parts = [value.year, value.month, value.day, value.hour, value.minute, value.second,
                 value.nanosecond]
        return {TAG: "datetime", "parts": parts, "tz": _zone(value)}
    if isinstance(value, Date | dt.date):
        return {TAG: "date", "iso": value.isoformat()}
    if isinstance(value, Time):
        return {TAG: "time", "parts": [value.hour, value.minute, value.second, value.nanosecond],
                "tz": _zone(value)}
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
        naive = DateTime(*value["parts"])
        tz = _tz(value["tz"])
        return naive if tz is None else naive.replace(tzinfo=tz)
    if kind == "date":
        return Date.from_iso_format(value["iso"])
    if kind == "time":
        hour, minute, second, nanosecond = value["parts"]
        return Time(hour, minute, second, nanosecond, tzinfo=_tz(value["tz"]))
    if kind == "duration":
        months, days, seconds, nanoseconds = value["parts"]
        return Duration(months=months, days=days, seconds=seconds, nanoseconds=nanoseconds)
    raise ValueError(f"unknown carried value kind {kind!r}")
