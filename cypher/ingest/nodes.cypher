// Upsert entities by id: allow-listed labels, scalar properties, list properties unioned, provenance.
UNWIND $rows AS row
MERGE (n:Entity {id: row.id})
WITH n, row, n.first_seen IS NOT NULL AND n.first_seen < $now AS existed
SET n:$(row.labels), n += row.props, n.placeholder = null,
    n.location = CASE WHEN row.point IS NULL THEN n.location ELSE point(row.point) END,
    n.first_seen = coalesce(n.first_seen, $now), n.last_seen = $now,
    n.sources = CASE WHEN $source IN coalesce(n.sources, []) THEN n.sources
                ELSE coalesce(n.sources, []) + $source END
WITH n, row, existed
CALL (n, row) {
  UNWIND keys(row.lists) AS k
  SET n[k] = reduce(acc = coalesce(n[k], []), x IN row.lists[k] |
                    CASE WHEN x IN acc THEN acc ELSE acc + x END)
}
RETURN count(CASE WHEN existed THEN 1 END) AS updated
