// "running" runs whose process stopped beating for $missed of their heartbeat intervals: set
// "abandoned", ended at the last sign of life (runs from before heartbeats: their start).
MATCH (r:IngestRun {status: 'running'})
WITH r, coalesce(r.heartbeat_at, r.started_at) AS last_seen,
     coalesce(r.heartbeat_s, $default_s) AS every_s
WHERE last_seen < datetime() - duration({milliseconds: toInteger($missed * every_s * 1000)})
SET r.status = 'abandoned', r.ended_at = last_seen,
    r.error = 'abandoned: the process running it stopped (no heartbeat since ' +
              toString(last_seen) + ')'
RETURN r.id AS id
