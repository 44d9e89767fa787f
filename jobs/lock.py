"""One run per job across every scheduler process: a lock node held in Neo4j.

Why Neo4j and not fcntl: the schedulers that must not double-run a job are the ones
writing to the same database, and in docker-compose they sit in different containers
(or hosts) that share no filesystem; an fcntl lock only binds processes on one kernel and
is unreliable on network filesystems. The lock is taken by one atomic MERGE + conditional
SET (a uniqueness constraint makes concurrent MERGEs meet on one node). A live run renews
it every heartbeat, so it never expires under a run that outlives its time limit; a crashed
holder stops renewing and the lock frees a few heartbeats (plus a grace) later.
"""

from __future__ import annotations

import logging
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
from ingest.heartbeat import MISSED_BEATS, Heartbeat
from scamgraph.errors import LockedError
from scamgraph.settings import Settings

log = logging.getLogger("scamgraph.jobs")

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


def renew(graph: Graph, name: str, owner: str, ttl_s: float) -> bool:
    """Push the lock's expiry `ttl_s` on; False when `owner` no longer holds it."""
    result = graph.write("jobs/lock_renew", {"name": name, "owner": owner, "ttl_s": ttl_s})
    renewed = bool(result.records[0]["renewed"])
    if not renewed:
        log.error("job %s: lock lost by %s (it expired and another run took it)", name, owner)
    return renewed


def ttl_of(settings: Settings) -> float:
    """A lock lives MISSED_BEATS heartbeats plus the grace: renewed while its run lives, it
    frees soon after a holder dies instead of at the end of the job's time limit."""
    return MISSED_BEATS * settings.run_heartbeat_s + settings.jobs_lock_grace_s


def beating(graph: Graph, name: str, owner: str, settings: Settings) -> Heartbeat:
    """A heartbeat that renews the lock for as long as the run lives, past any TTL."""
    ttl = ttl_of(settings)
    return Heartbeat(f"lock {name}", settings.run_heartbeat_s,
                     lambda: renew(graph, name, owner, ttl))


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
