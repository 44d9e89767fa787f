"""One run per job across every scheduler process: a lock node held in Neo4j.

Why Neo4j and not fcntl: the schedulers that must not double-run a job are the ones
writing to the same database, and in docker-compose they sit in different containers
(or hosts) that share no filesystem; an fcntl lock only binds processes on one kernel and
is unreliable on network filesystems. The lock is taken by one atomic MERGE + conditional
SET (a uniqueness constraint makes concurrent MERGEs meet on one node), and it expires
after the job's time limit plus a grace period, so a crashed holder cannot block forever.
"""

from __future__ import annotations

import os
import socket
import uuid
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime

from graph.db import Graph
from graph.db.values import as_datetime
from graph.migrate import migrate
from scamgraph.errors import LockedError

_READY: weakref.WeakSet[Graph] = weakref.WeakSet()


@dataclass(frozen=True)
class Holder:
    owner: str
    expires_at: datetime | None


def new_owner() -> str:
    """A lock owner id unique to one run: host, process and a random part."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:12]}"


def ensure_schema(graph: Graph) -> None:
    """Apply pending migrations (the lock's constraint among them) once per graph handle."""
    if graph in _READY:
        return
    migrate(graph)
    _READY.add(graph)


def acquire(graph: Graph, name: str, owner: str, ttl_s: float) -> Holder | None:
    """Take the lock of job `name` for `ttl_s` seconds; None when taken, else who holds it."""
    ensure_schema(graph)
    params = {"name": name, "owner": owner, "ttl_s": ttl_s}
    row = graph.write("jobs/lock_acquire", params).records[0]
    if row["acquired"]:
        return None
    return Holder(row["owner"], as_datetime(row["expires_at"]))


def release(graph: Graph, name: str, owner: str) -> bool:
    """Free the lock if `owner` still holds it; False when it had expired and moved on."""
    result = graph.write("jobs/lock_release", {"name": name, "owner": owner})
    return bool(result.records[0]["released"])


@contextmanager
def held(graph: Graph, name: str, ttl_s: float, owner: str | None = None) -> Iterator[str]:
    """Hold job `name`'s lock for a block; LockedError when another run holds it."""
    owner = owner or new_owner()
    holder = acquire(graph, name, owner, ttl_s)
    if holder is not None:
        until = holder.expires_at.isoformat() if holder.expires_at else "?"
        raise LockedError(f"job {name!r} is already running ({holder.owner}, lock until {until})",
                          hint="wait for that run to end; a crashed run's lock expires by itself")
    try:
        yield owner
    finally:
        release(graph, name, owner)
