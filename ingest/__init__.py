"""Ingestion: source formats are read into typed records, and records are written to the graph in batches."""
