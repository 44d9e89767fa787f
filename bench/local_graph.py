"""A bench's own local Neo4j: started if it is not running, migrated, and stopped afterwards
only when this bench started it (so a bench never stops a server someone else uses)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from graph import migrate
from graph.connect import open_graph
from graph.db import Graph
from graph.local import LocalNeo4j
from scamgraph.settings import Settings


@contextmanager
def own_server(settings: Settings) -> Iterator[LocalNeo4j]:
    """The settings' local server; at the end stopped if it was not running at the start."""
    server = LocalNeo4j(settings)
    started_here = server.pid() is None
    try:
        yield server
    finally:
        if started_here:
            server.stop()


@contextmanager
def local_graph(settings: Settings) -> Iterator[Graph]:
    with own_server(settings) as server:
        server.start()
        with open_graph(settings, start_local=False) as graph:
            migrate.migrate(graph)
            yield graph
