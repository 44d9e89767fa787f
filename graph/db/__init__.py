"""The one door to the Neo4j driver: nothing outside this package imports `neo4j`.

`Graph` runs named queries (reads routed as reads, writes in managed transactions, every
query with a server-side timeout); `errors` turns driver failures into the project's error
tree; `values` turns driver values into plain Python; `connect` and `bolt_ready` open connections.
"""

from graph.db.errors import translated_errors
from graph.db.graph import Graph, Statement, WriteResult
from graph.db.session import bolt_ready, connect
from graph.db.values import jsonable, native

__all__ = ["Graph", "Statement", "WriteResult", "bolt_ready", "connect", "jsonable", "native",
           "translated_errors"]
