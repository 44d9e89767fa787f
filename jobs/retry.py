"""Retries with exponential backoff, for transient failures only.

Transient: the network, a publisher's 5xx/429, Neo4j unavailable. Bad input (a 404, a
file that does not parse) fails at once: retrying it only delays the same answer. No
retry starts when its delay would run past the job's deadline.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from scamgraph.errors import DatabaseUnavailableError, FetchError, ScamgraphError

T = TypeVar("T")
log = logging.getLogger("scamgraph.jobs")


def is_transient(exc: BaseException) -> bool:
    if isinstance(exc, FetchError):
        return exc.transient
    return isinstance(exc, DatabaseUnavailableError)


def delay(attempt: int, base_s: float, cap_s: float) -> float:
    """Seconds to wait after failed attempt number `attempt` (1-based): base, 2*base, 4*base..."""
    return float(min(cap_s, base_s * 2 ** (attempt - 1)))


@dataclass
class Retrier:
    """Calls a function, retrying transient failures; counts attempts over all calls."""

    job: str
    retries: int
    base_s: float
    cap_s: float
    deadline: float  # time.monotonic() value
    attempts: int = 0
    sleep: Callable[[float], None] = time.sleep

    def call(self, what: str, fn: Callable[[], T]) -> T:
        failures = 0
        while True:
            self.attempts += 1
            try:
                return fn()
            except ScamgraphError as exc:
                failures += 1
                wait = delay(failures, self.base_s, self.cap_s)
                if not self._may_retry(exc, failures, wait):
                    raise
                log.warning("job %s: %s failed (%s); retry %d/%d in %.1fs",
                            self.job, what, exc, failures, self.retries, wait)
                self.sleep(wait)

    def _may_retry(self, exc: ScamgraphError, failures: int, wait: float) -> bool:
        in_time = time.monotonic() + wait < self.deadline
        return is_transient(exc) and failures <= self.retries and in_time
