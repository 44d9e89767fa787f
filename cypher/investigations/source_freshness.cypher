// Per Source: its latest run (any status) and its latest successful run.
MATCH (s:Source)
CALL (s) {
  OPTIONAL MATCH (r:IngestRun {source_id: s.id})
  WITH r ORDER BY r.started_at DESC, r.id DESC LIMIT 1
  RETURN r.started_at AS last_run_at, r.status AS last_status
}
CALL (s) {
  OPTIONAL MATCH (r:IngestRun {source_id: s.id, status: 'succeeded'})
  RETURN max(coalesce(r.ended_at, r.started_at)) AS last_success_at
}
RETURN s.id AS id, s.name AS name, s.format AS format, s.url AS url, properties(s) AS props,
  last_run_at, last_status, last_success_at
ORDER BY id
