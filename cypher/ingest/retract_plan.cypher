// What ingest/retract would withdraw for $source, read before it runs (the change log's view):
// per row, the named nodes carrying the source (`held`: another source's link still names it)
// and the relationships carrying it (keyed by the ref, or of a named node; never TRANSFER).
UNWIND $rows AS row
CALL (row) {
  CALL (row) {
    MATCH (n:Entity) WHERE n.id IN row.ids RETURN n
    UNION
    MATCH (n:$any(row.labels)) WHERE row.ref IN coalesce(n.ftm_ids, [n.ftm_id]) RETURN n
  }
  WITH n WHERE $source IN coalesce(n.sources, [])
  RETURN collect(DISTINCT n) AS nodes
}
CALL (row, nodes) {
  CALL (row, nodes) {
    MATCH (:Entity)-[r:$any(row.types)]->(:Entity) WHERE r.key = row.ref RETURN r
    UNION
    UNWIND nodes AS n
    MATCH (n)-[r]-(:Entity) WHERE type(r) <> 'TRANSFER' RETURN r
  }
  WITH DISTINCT r WHERE $source IN coalesce(r.sources, [])
  RETURN collect({start: startNode(r).id, end: endNode(r).id, type: type(r), key: r.key,
                  sources: r.sources}) AS links
}
RETURN row.ref AS ref, links,
       [n IN nodes | {id: n.id, label: [l IN labels(n) WHERE l <> 'Entity'][0],
                      name: coalesce(n.name, n.display, n.id), sources: n.sources,
                      held: EXISTS { (n)-[r]-() WHERE any(x IN coalesce(r.sources, [])
                                                          WHERE x <> $source) }}] AS nodes
