// Ingest runs, newest first, optionally of one source; paged with $skip / $limit.
MATCH (r:IngestRun)
WHERE $source_id IS NULL OR r.source_id = $source_id
RETURN properties(r) AS run
ORDER BY r.started_at DESC, r.id DESC
SKIP $skip LIMIT $limit
