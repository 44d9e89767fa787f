"""The audit log: one JSON line per API request (who, what, how long, how big, outcome)."""

from __future__ import annotations

import collections
import functools
import hashlib
import json
import threading
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO


@functools.lru_cache(maxsize=1024)  # a client sends the same few documents again and again
def query_hash(query: str | None) -> str:
    return hashlib.sha256((query or "").encode()).hexdigest()


# Variables above this size (a saved investigation's data) are logged as their size only.
MAX_LOGGED_VARIABLES = 4096


def audited_variables(variables: object) -> dict[str, Any] | None:
    """The variables as logged: as sent, or a size marker when they are too big to keep."""
    if not isinstance(variables, dict):
        return None
    size = len(json.dumps(variables, ensure_ascii=False, default=str))
    return variables if size <= MAX_LOGGED_VARIABLES else {"_truncated_bytes": size}


@dataclass(frozen=True)
class AuditEntry:
    time: str
    role: str
    key_fingerprint: str
    query_hash: str
    operation_name: str | None
    variables: dict[str, Any] | None
    duration_ms: float
    result_bytes: int
    status: int
    error_codes: list[str] = field(default_factory=list)

    @staticmethod
    def now() -> str:
        return datetime.now(UTC).isoformat(timespec="milliseconds")


class AuditLog:
    """Append-only JSON lines; readable back (newest first) for admins.

    The file stays open between requests (opening, and creating its folder, per request cost
    more than the write); each line is flushed to the OS as it is written, so a crash of
    this process loses none, and `close` at shutdown releases it. A log moved away (rotated)
    is reopened at its path on the next request.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self._out: TextIO | None = None

    def append(self, entry: AuditEntry) -> None:
        line = json.dumps(asdict(entry), ensure_ascii=False, default=str, sort_keys=True)
        with self._lock:
            out = self._open()
            out.write(line + "\n")
            out.flush()

    def _open(self) -> TextIO:
        if self._out is not None and not self._out.closed and self.path.exists():
            return self._out
        self.close_unlocked()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._out = self.path.open("a", encoding="utf-8")
        return self._out

    def close_unlocked(self) -> None:
        if self._out is not None:
            self._out.close()
            self._out = None

    def close(self) -> None:
        with self._lock:
            self.close_unlocked()

    def tail(self, first: int) -> list[AuditEntry]:
        """The newest `first` entries, newest first."""
        if not self.path.exists():
            return []
        with self._lock, self.path.open(encoding="utf-8") as lines:
            last = collections.deque(lines, maxlen=first)
        return [AuditEntry(**json.loads(line)) for line in reversed(last) if line.strip()]
