// Withdraw $source's assertion of what a batch of delta DELs names (docs/INGEST-ENTITIES.md
// "Deltas"): the source comes off the named nodes ($ids by id; wallets and Sanctions whose
// `ftm_ids` hold one of $ftm_refs), off their links, and off the relationships of $types keyed
// by one of $key_refs (edge entities). A relationship no source asserts any more is deleted. A
// node no source asserts is deleted with its unasserted links, or, while another source's link
// still names it, left a bare placeholder (as a link to an undescribed id makes). TRANSFERs are
// never withdrawn; bookkeeping nodes (not :Entity) are never matched. One scan per batch, not
// per DEL: `ftm_ids` and relationship keys have no index. `hits`: the ids and refs that named
// something this source asserted (the caller counts the DELs that named nothing).
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
  RETURN collect(n) AS nodes,
         reduce(acc = [], x IN collect(n.id) + collect(coalesce(n.ftm_ids, [])) |
                acc + x) AS node_hits
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
  WITH r, r.key AS key
  SET r.sources = [x IN r.sources WHERE x <> $source]
  WITH r, key, size(r.sources) = 0 AS gone
  CALL (r, gone) { WITH r WHERE gone DELETE r }
  RETURN collect(key) AS link_hits
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
RETURN node_hits + link_hits AS hits
