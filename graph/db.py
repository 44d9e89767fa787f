"""The one place that talks to the Neo4j driver.

Named queries run in managed transactions (the driver retries transient
failures), reads are routed as reads, and every query carries a server-side
timeout so no traversal can hang.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

import neo4j
from neo4j import RoutingControl
from neo4j.exceptions import ClientError, DatabaseError, ServiceUnavailable

from graph import queries
from scamgraph.errors import BudgetExceededError, DatabaseUnavailableError, QueryError

T = TypeVar("T")
TIMEOUT_CODES = {
    "Neo.ClientError.Transaction.TransactionTimedOut",
    "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
}


@dataclass(frozen=True)
class WriteResult:
    records: list[dict[str, Any]]
    counters: dict[str, int]


def counters_of(summary: neo4j.ResultSummary) -> dict[str, int]:
    """Non-zero update counters of a summary as a plain dict."""
    raw = vars(summary.counters)
    return {
        k.lstrip("_"): v
        for k, v in raw.items()
        if isinstance(v, int) and not isinstance(v, bool) and v
    }


@contextmanager
def translated_errors(timeout_s: float) -> Iterator[None]:
    """Turn driver errors into the project's error tree."""
    try:
        yield
    except ServiceUnavailable as exc:
        raise DatabaseUnavailableError(
            f"Neo4j is unreachable: {exc}",
            hint="run `scamgraph db start` or check SCAMGRAPH_NEO4J_URI",
        ) from exc
    except ClientError as exc:
        if exc.code in TIMEOUT_CODES:
            raise BudgetExceededError(
                f"query stopped after its time budget of {timeout_s:g}s",
                hint="narrow the query (fewer hops, a time window) "
                "or raise SCAMGRAPH_QUERY_TIMEOUT_S",
            ) from exc
        raise QueryError(f"Neo4j rejected the query: {exc.code}: {exc.message}") from exc
    except DatabaseError as exc:  # e.g. a constraint that does not hold on existing data
        raise QueryError(f"Neo4j failed the query: {exc.code}: {exc.message}") from exc


class Graph:
    """A database handle: named queries with parameters, timeouts and retries."""

    def __init__(self, driver: neo4j.Driver, database: str, timeout_s: float) -> None:
        self.driver = driver
        self.database = database
        self.timeout_s = timeout_s

    def close(self) -> None:
        self.driver.close()

    def __enter__(self) -> Graph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _query(self, text: str, timeout_s: float | None) -> neo4j.Query:
        return neo4j.Query(text, timeout=timeout_s or self.timeout_s)

    def read(
        self, name: str, params: dict[str, Any] | None = None, *, timeout_s: float | None = None
    ) -> list[dict[str, Any]]:
        """Run read query `name`; records as dicts."""
        with translated_errors(timeout_s or self.timeout_s):
            result = self.driver.execute_query(
                self._query(queries.load(name), timeout_s), params or {},
                database_=self.database, routing_=RoutingControl.READ,
            )
        return [r.data() for r in result.records]

    def write(
        self, name: str, params: dict[str, Any] | None = None, *, timeout_s: float | None = None
    ) -> WriteResult:
        """Run write query `name` in one managed transaction."""
        with translated_errors(timeout_s or self.timeout_s):
            result = self.driver.execute_query(
                self._query(queries.load(name), timeout_s), params or {},
                database_=self.database, routing_=RoutingControl.WRITE,
            )
        return WriteResult([r.data() for r in result.records], counters_of(result.summary))

    def write_autocommit(
        self, name: str, params: dict[str, Any] | None = None, *, timeout_s: float | None = None
    ) -> dict[str, int]:
        """Run `name` in an auto-commit transaction: needed by CALL { ... } IN TRANSACTIONS."""
        limit = timeout_s or self.timeout_s
        with translated_errors(limit), self.driver.session(database=self.database) as s:
            summary = s.run(self._query(queries.load(name), limit), params or {}).consume()
        return counters_of(summary)

    def write_tx(self, work: Callable[[neo4j.ManagedTransaction], T]) -> T:
        """Run several statements in one transaction: all land or none do."""
        with translated_errors(self.timeout_s), self.driver.session(database=self.database) as s:
            return s.execute_write(work)

    def run_text(self, text: str, params: dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
        """Stream the records of a user-supplied statement (the `db cypher` command only)."""
        with translated_errors(self.timeout_s), self.driver.session(database=self.database) as s:
            result = s.run(self._query(text, None), params or {})
            for record in result:
                yield dict(record.items())  # type: ignore[no-untyped-call]
