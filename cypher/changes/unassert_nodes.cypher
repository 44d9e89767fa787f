// Entities carrying $source that this run did not assert (last_seen before the run): the
// source is taken off their `sources`; the node stays (other sources may still assert it).
MATCH (n:Entity)
WHERE $source IN n.sources AND n.last_seen < $now
SET n.sources = [x IN n.sources WHERE x <> $source]
RETURN n.id AS id, [l IN labels(n) WHERE l <> 'Entity'][0] AS label,
       coalesce(n.name, n.display, n.id) AS name
