"""The Cypher the code runs, one file per query (or per migration). Usable as-is in Neo4j Browser."""
