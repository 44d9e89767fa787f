// The latest runs of one job, newest first.
MATCH (r:IngestRun {job: $job})
RETURN r {.*} AS run
ORDER BY r.started_at DESC
LIMIT $limit
