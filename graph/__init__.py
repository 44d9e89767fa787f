"""The graph layer: the Neo4j driver, schema migrations and named queries. Knows nothing of HTTP."""
