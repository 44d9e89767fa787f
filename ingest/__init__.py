"""Ingestion: source formats are read into typed records, written to the graph in batches."""
