// Mark the runner's IngestRuns of one job run (all its attempts) with the job's name and
// snapshot: the untagged runs of the job's source since the run began, which the job lock
// makes this run's own. A run left "running" by a stopped ingest process is closed as failed.
MATCH (r:IngestRun {source_id: $source_id})
WHERE r.job IS NULL AND r.started_at >= $since
WITH r, r.status = 'running' AS stuck
SET r.job = $job, r.snapshot = $snapshot, r.attempts = $attempts,
    r.status = CASE WHEN stuck THEN 'failed' ELSE r.status END,
    r.error = CASE WHEN stuck THEN $error ELSE r.error END,
    r.ended_at = CASE WHEN stuck THEN datetime() ELSE r.ended_at END
RETURN r.id AS id, r.status AS status
