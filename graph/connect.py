"""Open a Graph from settings: an external Neo4j, or the local one (started on demand)."""

from __future__ import annotations

from graph.db import Graph, connect
from graph.local import LocalNeo4j
from scamgraph.settings import Settings


def connection(settings: Settings, *, start_local: bool = True) -> tuple[str, tuple[str, str]]:
    """Bolt URI and credentials; with no URI configured, the local server's."""
    if settings.uses_local:
        local = LocalNeo4j(settings)
        if start_local:
            local.start()
        return local.bolt_uri, (settings.neo4j_user, local.password)
    return settings.neo4j_uri, (settings.neo4j_user, settings.neo4j_password.get_secret_value())


def open_graph(settings: Settings, *, start_local: bool = True) -> Graph:
    """A Graph on the configured database."""
    uri, auth = connection(settings, start_local=start_local)
    return connect(uri, auth, settings.neo4j_database, settings.query_timeout_s)
