// For each job: its latest run, and the end of its latest run that succeeded or found the
// source unchanged (the data was current then: that is the job's freshness).
UNWIND $jobs AS job
CALL (job) {
  OPTIONAL MATCH (r:IngestRun {job: job})
  RETURN r ORDER BY r.started_at DESC LIMIT 1
}
CALL (job) {
  OPTIONAL MATCH (ok:IngestRun {job: job})
  WHERE ok.status IN ['succeeded', 'unchanged']
  RETURN ok ORDER BY ok.started_at DESC LIMIT 1
}
RETURN job, r.id AS run_id, r.status AS status, r.started_at AS started_at,
       r.ended_at AS ended_at, r.error AS error, ok.ended_at AS last_success_at
