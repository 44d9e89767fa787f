// Scheduled jobs: one lock and one fetch state per job name; run history by job, newest first.
// Unique lock names make two schedulers' MERGE meet on one node.
CREATE CONSTRAINT job_lock_name IF NOT EXISTS FOR (l:JobLock) REQUIRE l.name IS UNIQUE;
CREATE CONSTRAINT job_state_name IF NOT EXISTS FOR (s:JobState) REQUIRE s.name IS UNIQUE;
CREATE INDEX ingest_run_job IF NOT EXISTS FOR (r:IngestRun) ON (r.job, r.started_at);
