"""Driver failures as the project's error tree, each naming the limit it ran into."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from neo4j.exceptions import (
    ClientError,
    DatabaseError,
    Neo4jError,
    ServiceUnavailable,
    TransientError,
)

from scamgraph.errors import BudgetExceededError, DatabaseUnavailableError, QueryError

TIMEOUT_CODES = frozenset({
    "Neo.ClientError.Transaction.TransactionTimedOut",
    "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
})
# The server's memory pool refused the query (db.memory.transaction.total.max / .max): a budget,
# not a fault; the same query fails the same way when retried.
MEMORY_CODES = frozenset({
    "Neo.TransientError.General.MemoryPoolOutOfMemoryError",
    "Neo.TransientError.General.TransactionMemoryLimit",
})
DriverError = Neo4jError


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
                limit="query_timeout_s",
            ) from exc
        raise QueryError(f"Neo4j rejected the query: {exc.code}: {exc.message}") from exc
    except TransientError as exc:
        if exc.code in MEMORY_CODES:
            raise BudgetExceededError(
                "query stopped: it needed more memory than Neo4j allows a transaction",
                hint="narrow the query (fewer hops, a time window, fewer seeds) or give Neo4j "
                "more heap (SCAMGRAPH_LOCAL_HEAP, db.memory.transaction.total.max)",
                limit="transaction_memory",
            ) from exc
        raise QueryError(f"Neo4j could not run the query now: {exc.code}: {exc.message}") from exc
    except DatabaseError as exc:  # e.g. a constraint that does not hold on existing data
        raise QueryError(f"Neo4j failed the query: {exc.code}: {exc.message}") from exc
