// Links (of the allow-listed types, never TRANSFER) carrying $source that this run did not
// assert: the source is taken off their `sources`; the relationship stays.
MATCH (a:Entity)-[r:$any($types)]->(b:Entity)
WHERE $source IN r.sources AND r.last_seen < $now
SET r.sources = [x IN r.sources WHERE x <> $source]
RETURN a.id AS start, b.id AS end, type(r) AS type, r.key AS key
