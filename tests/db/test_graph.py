"""The graph layer: named queries, timeouts as budget errors, rejected statements as errors."""

from __future__ import annotations

import pytest

from graph import queries
from graph.db import Graph
from scamgraph.errors import BudgetExceededError, QueryError, QueryNotFoundError

SLOW = "UNWIND range(1, 200000000) AS x WITH x WHERE x % 7 = 99 RETURN count(*) AS n"


def test_named_query_runs_with_parameters(graph: Graph) -> None:
    graph.write("db/record_migration", {"version": "9999", "name": "probe", "checksum": "c"})
    rows = graph.read("db/applied_migrations")
    assert {"version": "9999", "name": "probe", "checksum": "c"}.items() <= next(
        r for r in rows if r["version"] == "9999"
    ).items()
    graph.driver.execute_query("MATCH (m:SchemaMigration {version: '9999'}) DELETE m")


def test_timeout_becomes_a_budget_error(graph: Graph) -> None:
    hurried = Graph(graph.driver, graph.database, timeout_s=0.5)
    with pytest.raises(BudgetExceededError, match=r"0\.5s"):
        list(hurried.run_text(SLOW))


def test_rejected_statement_is_a_query_error(graph: Graph) -> None:
    with pytest.raises(QueryError, match="SyntaxError"):
        list(graph.run_text("MATCH (n RETURN n"))


@pytest.mark.parametrize("name", ["nope/missing", "../etc/passwd", "DB/Components"])
def test_unknown_or_unsafe_query_names_are_refused(name: str) -> None:
    with pytest.raises(QueryNotFoundError):
        queries.load(name)


def test_statements_split_on_line_ending_semicolons() -> None:
    text = "// comment; not a split\nCREATE INDEX a;\nCREATE INDEX b\n  FOR (n) ON (n.x);\n"
    expected = ["CREATE INDEX a", "CREATE INDEX b\n  FOR (n) ON (n.x)"]
    assert queries.split_statements(text) == expected


def test_a_memory_refusal_becomes_a_budget_error() -> None:
    # The server's memory pool refusing a transaction, as the driver raises it (its own error
    # type built from the server's code): a budget naming its limit, not an internal error.
    from neo4j.exceptions import Neo4jError, TransientError

    from graph.db.errors import translated_errors

    refused = Neo4jError._hydrate_neo4j(
        code="Neo.TransientError.General.MemoryPoolOutOfMemoryError",
        message="The allocation of an extra 2.0 MiB would use more than the limit 716.8 MiB.")
    assert isinstance(refused, TransientError)
    with pytest.raises(BudgetExceededError, match="more memory") as caught, translated_errors(30):
        raise refused
    assert caught.value.limit == "transaction_memory"
    other = Neo4jError._hydrate_neo4j(code="Neo.TransientError.Transaction.DeadlockDetected",
                                      message="deadlock")
    with pytest.raises(QueryError, match="DeadlockDetected"), translated_errors(30):
        raise other


def test_read_plain_answers_as_read_for_lists_and_maps(graph: Graph) -> None:
    # A value trace's ledger shape: one row, a collected list of lists, on the story graph.
    from tests.graph.test_taint_routes import routed

    graph.write_autocommit("db/clear")
    routed().write(graph)
    params = {"wallets": [{"id": "tron:B", "since": 0, "seed": False},
                          {"id": "tron:S", "since": 0, "seed": True}],
              "assets": [], "until": None, "max_transfers": 100}
    plain = graph.read_plain("investigations/taint_ledger", params)
    assert plain == graph.read("investigations/taint_ledger", params)
    # B moves 5 (r2 r3 r4 r5 r6), S sends 3 (r1 r2 r5): 6 distinct
    assert len(plain) == 1 and len(plain[0]["transfers"]) == 6


def test_a_read_that_cannot_reach_the_server_is_retried_then_named() -> None:
    """Reads run in auto-commit transactions and retry a lost connection themselves (4
    attempts, 0.2 + 0.4 + 0.8 s apart); past that, the error names the server."""
    import time

    import neo4j

    from graph.db.graph import READ_ATTEMPTS, READ_BACKOFF_S
    from graph.local.ports import free_port
    from scamgraph.errors import DatabaseUnavailableError

    driver = neo4j.GraphDatabase.driver(f"bolt://127.0.0.1:{free_port()}", auth=("neo4j", "x"))
    began = time.monotonic()
    with Graph(driver, "neo4j", 5) as nowhere, pytest.raises(DatabaseUnavailableError,
                                                           match="unreachable"):
        nowhere.read_plain("db/applied_migrations")
    waited = sum(READ_BACKOFF_S * 2 ** i for i in range(READ_ATTEMPTS - 1))
    assert time.monotonic() - began >= waited


def test_long_list_parameters_reach_the_server_whole_but_not_the_debug_log(
        graph: Graph, caplog: pytest.LogCaptureFixture) -> None:
    """The driver spells out every RUN's parameters for its DEBUG line, logged or not; a long
    list goes as a QuietList (graph/db/quiet.py): packed as the list, named by its size."""
    import logging

    graph.driver.execute_query("CREATE (:Entity {id: 'quiet-probe', name: 'probe'})")
    ids = [f"no-such-entity-{i}" for i in range(99)] + ["quiet-probe"]
    with caplog.at_level(logging.DEBUG, logger="neo4j"):
        rows = graph.read_plain("investigations/entities", {"ids": ids})
    # the list's last item reached the server: the only entity of the hundred is found
    assert [r["props"]["id"] for r in rows] == ["quiet-probe"]
    runs = [r.getMessage() for r in caplog.records if " C: RUN " in r.getMessage()]
    assert runs and "<100 items>" in runs[-1] and "no-such-entity-7" not in runs[-1]
    graph.driver.execute_query("MATCH (e:Entity {id: 'quiet-probe'}) DELETE e")
