"""Parameters that the driver's debug line names by size instead of spelling out.

The driver formats every RUN's query and parameters for its DEBUG log line before the logger
decides whether DEBUG is on (neo4j 6.4, `Bolt5x5.run`: `" ".join(map(repr, fields))` as the
argument). For an ingest batch of 10,000 transfer rows that repr was 2.7 µs per row, a tenth of
the ingest's Python time, spent on a line nobody logs. A long list parameter travels as a
`QuietList`: the same list to the packer (a list subclass packs byte for byte as a list), and
`<10000 items>` in the debug line, which also keeps investigation data out of driver logs.
"""

from __future__ import annotations

from typing import Any

LONG = 32  # lists shorter than this are cheap to spell out and useful to see


class QuietList(list[Any]):
    __slots__ = ()

    def __repr__(self) -> str:
        return f"<{len(self)} items>"


def quiet(params: dict[str, Any] | None) -> dict[str, Any]:
    """`params` with every long list as a QuietList (the lists' items are not copied)."""
    if not params:
        return {}
    return {k: QuietList(v) if type(v) is list and len(v) >= LONG else v
            for k, v in params.items()}
