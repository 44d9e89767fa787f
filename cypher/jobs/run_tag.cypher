// Mark the runner's IngestRun(s) of this job attempt with the job's name and its snapshot.
// By id when the runner returned one, else every untagged run of the source since the attempt
// began (the job lock makes those this attempt's own). A run left "running" by a stopped
// ingest process is closed as failed with the job's error.
MATCH (r:IngestRun {source_id: $source_id})
WHERE ($id IS NOT NULL AND r.id = $id)
   OR ($id IS NULL AND r.job IS NULL AND r.started_at >= $since)
WITH r, r.status = 'running' AS stuck
SET r.job = $job, r.snapshot = $snapshot, r.attempts = $attempts,
    r.status = CASE WHEN stuck THEN 'failed' ELSE r.status END,
    r.error = CASE WHEN stuck THEN $error ELSE r.error END,
    r.ended_at = CASE WHEN stuck THEN datetime() ELSE r.ended_at END
RETURN r.id AS id, r.status AS status
