// What ingest/retract would withdraw for $source, read before it runs (the change log's view),
// with the same parameters: the named nodes carrying the source (`held`: another source's link
// still names it) and the relationships carrying it (keyed by a ref, or of a named node; never
// TRANSFER).
CALL () {
  CALL () {
    UNWIND $ids AS id
    MATCH (n:Entity {id: id}) RETURN n
    UNION
    WITH 1 AS one WHERE size($ftm_refs) > 0
    MATCH (n:Wallet|Sanction) WHERE any(x IN coalesce(n.ftm_ids, [n.ftm_id]) WHERE x IN $ftm_refs)
    RETURN n
  }
  WITH n WHERE $source IN coalesce(n.sources, [])
  RETURN collect(n) AS nodes
}
CALL (nodes) {
  CALL (nodes) {
    WITH 1 AS one WHERE size($key_refs) > 0
    MATCH (:Entity)-[r:$any($types)]->(:Entity) WHERE r.key IN $key_refs RETURN r
    UNION
    UNWIND nodes AS n
    MATCH (n)-[r]-(:Entity) WHERE type(r) <> 'TRANSFER' RETURN r
  }
  WITH r WHERE $source IN coalesce(r.sources, [])
  RETURN collect({start: startNode(r).id, end: endNode(r).id, type: type(r), key: r.key,
                  sources: r.sources}) AS links
}
RETURN links,
       [n IN nodes | {id: n.id, label: [l IN labels(n) WHERE l <> 'Entity'][0],
                      name: coalesce(n.name, n.display, n.id), sources: n.sources,
                      held: EXISTS { (n)-[r]-() WHERE any(x IN coalesce(r.sources, [])
                                                          WHERE x <> $source) }}] AS nodes
