"""Open a Graph from settings: an external Neo4j, or the local one (started on demand)."""

from __future__ import annotations

import neo4j

from graph.db import Graph
from graph.local import LocalNeo4j
from scamgraph.errors import DatabaseUnavailableError
from scamgraph.settings import Settings


def connection(settings: Settings, *, start_local: bool = True) -> tuple[str, tuple[str, str]]:
    """Bolt URI and credentials; with no URI configured, the local server's."""
    if settings.uses_local:
        local = LocalNeo4j(settings)
        if start_local:
            local.start()
        return local.bolt_uri, (settings.neo4j_user, local.password)
    return settings.neo4j_uri, (settings.neo4j_user, settings.neo4j_password.get_secret_value())


def open_driver(settings: Settings, *, start_local: bool = True) -> neo4j.Driver:
    uri, auth = connection(settings, start_local=start_local)
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
    return driver


def open_graph(settings: Settings, *, start_local: bool = True) -> Graph:
    """A Graph on the configured database."""
    driver = open_driver(settings, start_local=start_local)
    return Graph(driver, settings.neo4j_database, settings.query_timeout_s)
