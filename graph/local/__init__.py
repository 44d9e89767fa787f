"""A real local Neo4j Community server run as a JVM process from Maven Central jars."""

from graph.local.server import LocalNeo4j, ServerStatus

__all__ = ["LocalNeo4j", "ServerStatus"]
