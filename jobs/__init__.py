"""Scheduled ingestion jobs: a manifest, fetching with chain of custody, locks, history, metrics.

Jobs sit on the ingest side: they use `ingest` and `graph`, never `api`.
"""
