"""Per-job fetch state kept in the graph: the validators and hash of the last good fetch.

Kept beside the run history (not in a file) so every scheduler process sharing the
database agrees on it. It is saved only after a run that succeeded or found the source
unchanged: an ETag saved before a failed ingest would make the next run skip on a 304.
"""

from __future__ import annotations

from graph.db import Graph
from jobs.fetch import Fetched, Validators
from jobs.lock import ensure_schema


def load(graph: Graph, job: str, source: str) -> Validators:
    """The job's last validators; none when the job never succeeded or its source changed."""
    rows = graph.read("jobs/state_get", {"name": job})
    if not rows or rows[0]["source"] != source:
        return Validators()
    row = rows[0]
    return Validators(row["etag"], row["last_modified"], row["sha256"])


def save(graph: Graph, job: str, source: str, fetched: Fetched, previous: Validators) -> None:
    """Remember what this fetch saw; a 304 keeps the previous hash and fills missing validators.

    A new body (200) replaces the validators with its own, even with none: a previous ETag
    kept beside another body's hash would make the next run of the real file read 304.
    """
    etag, modified = fetched.headers.get("etag"), fetched.headers.get("last-modified")
    if fetched.not_modified:
        etag, modified = etag or previous.etag, modified or previous.last_modified
    ensure_schema(graph)
    graph.write("jobs/state_save", {
        "name": job, "source": source, "etag": etag, "last_modified": modified,
        "sha256": fetched.sha256 or previous.sha256,
    })
