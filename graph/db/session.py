"""Opening a driver on a Bolt URI, and asking whether a server serves logins yet."""

from __future__ import annotations

import neo4j

from graph.db.graph import Graph
from scamgraph.errors import DatabaseUnavailableError


def connect(uri: str, auth: tuple[str, str], database: str, timeout_s: float) -> Graph:
    """A Graph on `database` at `uri`; DatabaseUnavailableError when it cannot be reached."""
    # Server notifications (e.g. "label does not exist" on an empty graph) are noise here.
    driver = neo4j.GraphDatabase.driver(
        uri, auth=auth, max_connection_lifetime=3600, notifications_min_severity="OFF"
    )
    try:
        driver.verify_connectivity()
    except neo4j.exceptions.ServiceUnavailable as exc:
        driver.close()
        raise DatabaseUnavailableError(f"cannot reach Neo4j at {uri}: {exc}") from exc
    except neo4j.exceptions.AuthError as exc:
        driver.close()
        raise DatabaseUnavailableError(
            f"Neo4j at {uri} refused the credentials of user {auth[0]!r}",
            hint="check SCAMGRAPH_NEO4J_USER / SCAMGRAPH_NEO4J_PASSWORD",
        ) from exc
    return Graph(driver, database, timeout_s)


def bolt_ready(uri: str, auth: tuple[str, str]) -> bool:
    """Whether the server at `uri` accepts a login (its port opens a moment before that)."""
    try:
        with neo4j.GraphDatabase.driver(uri, auth=auth) as driver:
            driver.verify_connectivity()
    except (neo4j.exceptions.ServiceUnavailable, neo4j.exceptions.SessionExpired):
        return False
    return True
