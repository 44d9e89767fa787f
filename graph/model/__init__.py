"""The domain model below ingest/, graph/ and api/: the graph's vocabulary and chain addresses.

Both the readers (ingest/) and the queries (graph/investigate/) depend on it; it depends on
nothing of the project, so `ingest/ → graph/ ← api/` holds with no arrow back.
"""
