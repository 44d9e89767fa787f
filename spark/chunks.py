"""Files cut into byte ranges at line starts, so Spark tasks read one file in parallel.

A part knows the number of its first line, so every position a reader reports ("line 12")
is the one a single-process read of the whole file reports. The numbers come from a counting
pass (one Spark task per part counts its newlines). CSV parts also count quote characters:
a part that starts inside a quoted field (an odd count before it) is merged into the one
before, so no record is cut in two.

Paths must be readable by the driver and every executor (a local master, or a filesystem
mounted on every node of the cluster).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from pyspark import SparkContext

# Bytes read at a time when counting or looking for a line end.
BLOCK = 1 << 20


@dataclass(frozen=True)
class Part:
    input: int  # the input's number in the job
    number: int  # the part's number within its file
    path: str
    start: int  # byte offset of its first line
    end: int  # byte offset just after its last line
    first_line: int = 1  # 1-based number of its first line
    newlines: int = 0
    quotes: int = 0


def _line_start_after(fh: BinaryIO, offset: int) -> int:
    """The first line start at or after `offset` (the end of the file if none)."""
    if offset == 0:
        return 0
    fh.seek(offset - 1)
    while block := fh.read(BLOCK):
        found = block.find(b"\n")
        if found >= 0:
            return fh.tell() - len(block) + found + 1
    return fh.tell()


def cut(input_no: int, path: Path, part_bytes: int) -> list[Part]:
    """`path` as parts of about `part_bytes`, each from a line start to the next part's."""
    size = path.stat().st_size
    starts = [0]
    with path.open("rb") as fh:
        for offset in range(part_bytes, size, part_bytes):
            start = _line_start_after(fh, offset)
            if start > starts[-1] and start < size:
                starts.append(start)
    ends = [*starts[1:], size]
    return [Part(input_no, n, str(path), s, e) for n, (s, e) in enumerate(zip(starts, ends,
                                                                             strict=True))]


def _counted(part: Part) -> Part:
    """`part` with its newline and quote counts (one read of its bytes)."""
    newlines = quotes = 0
    with open(part.path, "rb") as fh:
        fh.seek(part.start)
        left = part.end - part.start
        while left > 0 and (block := fh.read(min(BLOCK, left))):
            left -= len(block)
            newlines += block.count(b"\n")
            quotes += block.count(b'"')
    return replace(part, newlines=newlines, quotes=quotes)


def numbered(sc: SparkContext, parts: list[Part], *, csv: bool) -> list[Part]:
    """Parts of one file with their first line numbers; for CSV, none starts in a quote."""
    counted = sc.parallelize(parts, max(1, len(parts))).map(_counted).collect()
    counted.sort(key=lambda p: p.number)
    merged: list[Part] = []
    line, quotes = 1, 0
    for part in counted:
        if merged and csv and quotes % 2:  # starts inside a quoted field: join the previous
            last = merged[-1]
            merged[-1] = replace(last, end=part.end, newlines=last.newlines + part.newlines,
                                 quotes=last.quotes + part.quotes)
        else:
            merged.append(replace(part, number=len(merged), first_line=line))
        line += part.newlines
        quotes += part.quotes
    return merged
