// Per job and status: how many runs are recorded and when the latest ended (for /metrics).
MATCH (r:IngestRun)
WHERE r.job IS NOT NULL
RETURN r.job AS job, r.status AS status, count(*) AS runs, max(r.ended_at) AS last_ended_at
ORDER BY job, status
