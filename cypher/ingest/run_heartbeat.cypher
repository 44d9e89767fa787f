// A live run's heartbeat; a run already closed (or swept as abandoned) is left as it is.
MATCH (r:IngestRun {id: $id})
WHERE r.status = 'running'
SET r.heartbeat_at = datetime()
RETURN r.id AS id
