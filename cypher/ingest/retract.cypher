// Withdraw $source's assertion of what each delta DEL names (docs/INGEST-ENTITIES.md "Deltas"):
// the source comes off the named nodes, off their links and off the relationships keyed by the
// ref (an edge entity). A relationship no source asserts any more is deleted. A node no source
// asserts is deleted with its unasserted links, or, while another source's link still names it,
// left a bare placeholder (as a link to an undescribed id makes). TRANSFERs are never
// withdrawn; bookkeeping nodes (not :Entity) are never matched. `found`: rows that withdrew
// anything (the rest named nothing this source asserted).
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
  SET r.sources = [x IN r.sources WHERE x <> $source]
  WITH r, size(r.sources) = 0 AS gone
  CALL (r, gone) { WITH r WHERE gone DELETE r }
  RETURN count(*) AS links
}
CALL (nodes) {
  UNWIND nodes AS n
  SET n.sources = [x IN n.sources WHERE x <> $source]
  WITH n WHERE size(n.sources) = 0
  WITH n, [l IN labels(n) WHERE l <> 'Entity'] AS extra,
       EXISTS { (n)-[r]-() WHERE size(coalesce(r.sources, [])) > 0 } AS held
  CALL (n, extra, held) {
    WITH n, extra WHERE held
    SET n = {id: n.id, placeholder: true}
    REMOVE n:$(extra)
  }
  CALL (n, held) { WITH n WHERE NOT held DETACH DELETE n }
  RETURN count(*) AS emptied
}
RETURN count(CASE WHEN size(nodes) > 0 OR links > 0 THEN 1 END) AS found
