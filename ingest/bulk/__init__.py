"""Bulk first loads of chain transfers through Neo4j's offline importer (see run.py)."""
