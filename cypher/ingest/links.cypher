// Upsert relationships of one allow-listed type between entities by id; a missing endpoint becomes a bare :Entity placeholder.
UNWIND $rows AS row
MERGE (a:Entity {id: row.start})
ON CREATE SET a.placeholder = true
MERGE (b:Entity {id: row.end})
ON CREATE SET b.placeholder = true
MERGE (a)-[r:$($type) {key: row.key}]->(b)
WITH r, row, r.first_seen IS NOT NULL AND r.first_seen < $now AS existed
SET r += row.props, r.first_seen = coalesce(r.first_seen, $now), r.last_seen = $now,
    r.sources = CASE WHEN $source IN coalesce(r.sources, []) THEN r.sources
                ELSE coalesce(r.sources, []) + $source END
RETURN count(CASE WHEN existed THEN 1 END) AS updated
