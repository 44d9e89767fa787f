// Record a job run that never reached the ingest runner: source unchanged, or failed before it
// (fetch failed after retries, timed out). Same shape as the runner's IngestRun, plus `job`.
MERGE (s:Source {id: $source_id})
ON CREATE SET s.name = $source, s.format = $format, s.url = $url
CREATE (r:IngestRun {id: $id})-[:FROM_SOURCE]->(s)
SET r += $props
RETURN r.id AS id
