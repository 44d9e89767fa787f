"""The quarantine report: one JSON line per rejected record (file, position, raw text, reason).

Opened lazily, so a clean run leaves no empty report behind; a bounded window of recent
transfer ids turns duplicated lines into quarantined records without memory growing with input.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import asdict
from pathlib import Path
from typing import IO

from ingest.records import Record, Rejected, TransferRecord

# A quarantine entry's raw text and reason are cut to these many characters.
MAX_RAW, MAX_REASON = 2000, 500

# Distinct reason kinds counted in a run's breakdown; any further kind counts as OTHER.
MAX_KINDS, OTHER = 50, "other"
_NUMBER = re.compile(r"\d+")
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")

# Transfer ids remembered to spot duplicates (about 10 MB); older repeats are merged idempotently.
DUPLICATE_WINDOW = 100_000


class Quarantine:
    def __init__(self, path: Path, file_name: str) -> None:
        self.path = path
        self.file_name = file_name
        self.count = 0
        self.reasons: Counter[str] = Counter()  # reason kind -> count (reason_kind)
        self._fh: IO[str] | None = None

    def add(self, rejected: Rejected) -> None:
        if self._fh is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # A lone surrogate (from surrogateescape decoding or a JSON "\ud800" escape) is
            # written as the `\udcXX` escape: inside a JSON string that is the same escape,
            # so the line stays valid JSON and reads back as the same text. Never raises.
            self._fh = self.path.open("w", encoding="utf-8", errors="backslashreplace")
        raw, reason = str(rejected.raw), str(rejected.reason)
        entry: dict[str, object] = {"file": self.file_name,
                                    "position": str(rejected.position)[:MAX_REASON],
                                    "raw": raw[:MAX_RAW], "reason": reason[:MAX_REASON]}
        if len(raw) > MAX_RAW:  # the raw record as read, but never unbounded
            entry["raw_chars"] = len(raw)
        kind = reason_kind(reason)
        self.reasons[kind if kind in self.reasons or len(self.reasons) < MAX_KINDS else OTHER] += 1
        self._fh.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self.count += 1

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None

    @property
    def written(self) -> bool:
        return self.count > 0


def reason_kind(reason: str) -> str:
    """A reason without its particulars, for the breakdown: the text before the first ":",
    quoted values and numbers replaced ("duplicate of line 12" -> "duplicate of line N")."""
    head = reason.split(":", 1)[0]
    return _NUMBER.sub("N", _QUOTED.sub("…", head)).strip()[:80] or OTHER


class DuplicateWindow:
    """Remembers the positions of the most recent transfer ids: at least `size` of them.

    Two generations of plain dicts rather than one ordered, evicting dict: when the young one
    is full it becomes the old one, so memory stays within two generations and each record
    costs two dict lookups (an OrderedDict's evictions cost more than the reader's parsing).
    """

    def __init__(self, size: int = DUPLICATE_WINDOW) -> None:
        self.size = size
        self._young: dict[str, str] = {}
        self._old: dict[str, str] = {}

    def duplicate(self, rec: Record) -> Rejected | None:
        """A Rejected when `rec` repeats a transfer seen within the window, else None."""
        if not isinstance(rec, TransferRecord):
            return None
        key = rec.id
        first = self._young.get(key) or self._old.get(key)
        if first is not None:
            raw = json.dumps(asdict(rec), default=str, ensure_ascii=False)
            return Rejected(rec.position, raw, f"duplicate of the transfer {key} at {first}")
        self._young[key] = rec.position or "?"
        if len(self._young) >= self.size:
            self._old, self._young = self._young, {}
        return None
