"""`native` / `jsonable` over mixed driver values: plain scalars pass through untouched (the
fast path), everything else is still converted, inside maps and lists too."""

from __future__ import annotations

import datetime as dt

from neo4j.time import Date, DateTime

from graph.db.values import jsonable, native


def test_scalars_pass_and_times_convert_at_any_depth() -> None:
    when = DateTime(2024, 3, 1, 12, 0, 0, 5, tzinfo=dt.UTC)
    value = {"s": "x", "i": 3, "f": 1.5, "b": True, "n": None,
             "t": [when, {"d": Date(2024, 3, 1), "raw": b"\x01"}]}
    assert jsonable(value) == {"s": "x", "i": 3, "f": 1.5, "b": True, "n": None,
                               "t": ["2024-03-01T12:00:00.000000005+00:00",
                                     {"d": "2024-03-01", "raw": "01"}]}
    out = native(value)
    assert out["b"] is True and type(out["i"]) is int
    assert out["t"][0] == dt.datetime(2024, 3, 1, 12, tzinfo=dt.UTC)
    assert out["t"][1]["raw"] == b"\x01"
