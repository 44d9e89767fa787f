"""The Cypher the code runs, one file per query (or migration); usable as-is in Neo4j Browser."""
