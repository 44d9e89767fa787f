"""The Neo4j job lock: one holder at a time across processes, and it expires."""

from __future__ import annotations

import threading
import time

import pytest

from graph.db import Graph
from jobs import lock
from scamgraph.errors import LockedError


def test_a_second_owner_is_refused_until_the_first_releases(graph: Graph) -> None:
    assert lock.acquire(graph, "trx", "a", ttl_s=60) is None
    holder = lock.acquire(graph, "trx", "b", ttl_s=60)
    assert holder is not None and holder.owner == "a"
    assert lock.acquire(graph, "other-job", "b", ttl_s=60) is None
    assert lock.release(graph, "trx", "b") is False
    assert lock.release(graph, "trx", "a") is True
    assert lock.acquire(graph, "trx", "b", ttl_s=60) is None
    rows = graph.read("jobs/lock_list")
    assert [(r["name"], r["owner"]) for r in rows] == [("other-job", "b"), ("trx", "b")]


def test_an_expired_lock_is_taken_over(graph: Graph) -> None:
    assert lock.acquire(graph, "trx", "crashed", ttl_s=2.0) is None
    assert lock.acquire(graph, "trx", "b", ttl_s=60) is not None
    time.sleep(2.5)
    assert lock.acquire(graph, "trx", "b", ttl_s=60) is None
    # The crashed holder coming back cannot free what is no longer its lock.
    assert lock.release(graph, "trx", "crashed") is False
    assert graph.read("jobs/lock_list")[0]["owner"] == "b"


def test_concurrent_takers_get_exactly_one_lock(graph: Graph) -> None:
    barrier = threading.Barrier(8)
    won: list[str] = []

    def take(owner: str) -> None:
        barrier.wait(timeout=10)
        if lock.acquire(graph, "race", owner, ttl_s=60) is None:
            won.append(owner)

    threads = [threading.Thread(target=take, args=(f"p{i}",)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert len(won) == 1
    assert graph.read("jobs/lock_list")[0]["owner"] == won[0]


def test_held_raises_locked_and_releases_on_exit(graph: Graph) -> None:
    with lock.held(graph, "trx", ttl_s=60) as owner:
        with pytest.raises(LockedError, match="job 'trx' is already running") as info, \
                lock.held(graph, "trx", ttl_s=60):
            pass
        assert owner in info.value.message
    assert graph.read("jobs/lock_list") == []
