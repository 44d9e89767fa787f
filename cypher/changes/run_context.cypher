// The IngestRun that started at $now from $source, its format, and whether the source had
// a successful run before (a source's first load records no per-entity changes).
MATCH (s:Source {id: $source})
OPTIONAL MATCH (r:IngestRun {source_id: $source}) WHERE r.started_at = $now
OPTIONAL MATCH (p:IngestRun {source_id: $source, status: 'succeeded'}) WHERE p.started_at < $now
RETURN s.format AS format, head(collect(DISTINCT r.id)) AS run, count(DISTINCT p) > 0 AS loaded
