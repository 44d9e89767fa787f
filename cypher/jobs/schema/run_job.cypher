// Run history by job name, newest first (jobs list, freshness).
CREATE INDEX ingest_run_job IF NOT EXISTS FOR (r:IngestRun) ON (r.job, r.started_at)
