"""Backoff: doubling delays up to a cap, only for transient errors, never past the deadline."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from jobs.retry import Retrier, delay, is_transient
from scamgraph.errors import DatabaseUnavailableError, FetchError, InputError


def retrier(retries: int = 3, deadline_s: float = 60.0) -> tuple[Retrier, list[float]]:
    slept: list[float] = []
    r = Retrier("j", retries, base_s=1.0, cap_s=3.0, deadline=time.monotonic() + deadline_s,
                sleep=slept.append)
    return r, slept


def failing(errors: list[Exception]) -> Callable[[], str]:
    def call() -> str:
        if errors:
            raise errors.pop(0)
        return "done"
    return call


def test_delays_double_up_to_the_cap() -> None:
    assert [delay(n, 1.0, 3.0) for n in range(1, 5)] == [1.0, 2.0, 3.0, 3.0]


def test_transient_errors_are_retried_with_backoff() -> None:
    r, slept = retrier()
    errors: list[Exception] = [FetchError("500", transient=True), DatabaseUnavailableError("down")]
    assert r.call("fetch", failing(errors)) == "done"
    assert (slept, r.attempts) == ([1.0, 2.0], 3)


def test_retries_run_out() -> None:
    r, slept = retrier(retries=2)
    errors: list[Exception] = [FetchError("500", transient=True) for _ in range(5)]
    with pytest.raises(FetchError):
        r.call("fetch", failing(errors))
    assert (slept, r.attempts) == ([1.0, 2.0], 3)


def test_bad_input_and_late_retries_are_not_retried() -> None:
    r, slept = retrier()
    with pytest.raises(InputError):
        r.call("ingest", failing([InputError("bad file")]))
    assert not is_transient(FetchError("404")) and (slept, r.attempts) == ([], 1)
    late, slept = retrier(deadline_s=0.5)  # the first 1s delay would pass the deadline
    with pytest.raises(FetchError):
        late.call("fetch", failing([FetchError("500", transient=True)]))
    assert slept == []
