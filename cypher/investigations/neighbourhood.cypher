// Neighbours of one entity up to $depth links (3 at most) over the allowed relationship types,
// either direction; transfers only inside [$since, $until]. Supernodes are reached but not
// expanded unless $expand_supernodes (the start node always is); at most $limit nodes and
// $rel_limit relationships per level; `cut` says a limit was hit.
// A resolved cluster (graph/resolve) is one start: every member is at depth 0. `records`: each
// node's entity record (entities.cypher's projection); with $records false, the light form
// instead: `labels`, `names`, and relationships without properties.
MATCH (n:Entity {id: $id})
CALL (n) {
  OPTIONAL MATCH (c:ClusterMember {member: n.id})
  OPTIONAL MATCH (m:ClusterMember {cluster: c.cluster})
  WITH n, collect(m.member) AS ids
  UNWIND ids + [n.id] AS mid
  MATCH (x:Entity {id: mid})
  RETURN collect(DISTINCT x) AS members
}
WITH members AS frontier, members AS seen, [] AS rels, false AS cut
// level 1
CALL (frontier) {
  UNWIND frontier AS x
  WITH x WHERE $depth >= 1
  MATCH (x)-[r]-(y:Entity)
  WHERE type(r) IN $rel_types AND (type(r) <> 'TRANSFER'
    OR (($since IS NULL OR r.ts >= $since) AND ($until IS NULL OR r.ts <= $until)))
  WITH r, y LIMIT $rel_limit
  RETURN collect(r) AS found, collect(DISTINCT y) AS reached
}
WITH seen, rels + found AS rels, cut OR size(found) >= $rel_limit AS cut,
  [y IN reached WHERE NOT y IN seen] AS fresh
WITH rels, seen + fresh[..$limit - size(seen)] AS seen, fresh[..$limit - size(seen)] AS kept,
  cut OR size(seen) + size(fresh) > $limit AS cut
CALL (kept) {
  UNWIND kept AS y
  WITH y WHERE $depth > 1 AND ($expand_supernodes OR (COUNT { (y)--() } <= $supernode_degree
    AND NOT y:Exchange AND NOT y:Bridge
    AND NOT EXISTS { (y)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(:Exchange|Bridge) }
    AND none(c IN coalesce(y.categories, []) + coalesce(y.tags, []) WHERE c IN $supernode_tags)))
  RETURN collect(y) AS frontier
}
WITH frontier, seen, rels, cut
// level 2
CALL (frontier) {
  UNWIND frontier AS x
  WITH x WHERE $depth >= 2
  MATCH (x)-[r]-(y:Entity)
  WHERE type(r) IN $rel_types AND (type(r) <> 'TRANSFER'
    OR (($since IS NULL OR r.ts >= $since) AND ($until IS NULL OR r.ts <= $until)))
  WITH r, y LIMIT $rel_limit
  RETURN collect(r) AS found, collect(DISTINCT y) AS reached
}
WITH seen, rels + found AS rels, cut OR size(found) >= $rel_limit AS cut,
  [y IN reached WHERE NOT y IN seen] AS fresh
WITH rels, seen + fresh[..$limit - size(seen)] AS seen, fresh[..$limit - size(seen)] AS kept,
  cut OR size(seen) + size(fresh) > $limit AS cut
CALL (kept) {
  UNWIND kept AS y
  WITH y WHERE $depth > 2 AND ($expand_supernodes OR (COUNT { (y)--() } <= $supernode_degree
    AND NOT y:Exchange AND NOT y:Bridge
    AND NOT EXISTS { (y)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(:Exchange|Bridge) }
    AND none(c IN coalesce(y.categories, []) + coalesce(y.tags, []) WHERE c IN $supernode_tags)))
  RETURN collect(y) AS frontier
}
WITH frontier, seen, rels, cut
// level 3
CALL (frontier) {
  UNWIND frontier AS x
  WITH x WHERE $depth >= 3
  MATCH (x)-[r]-(y:Entity)
  WHERE type(r) IN $rel_types AND (type(r) <> 'TRANSFER'
    OR (($since IS NULL OR r.ts >= $since) AND ($until IS NULL OR r.ts <= $until)))
  WITH r, y LIMIT $rel_limit
  RETURN collect(r) AS found, collect(DISTINCT y) AS reached
}
WITH seen, rels + found AS rels, cut OR size(found) >= $rel_limit AS cut,
  [y IN reached WHERE NOT y IN seen] AS fresh
WITH rels, seen + fresh[..$limit - size(seen)] AS seen, fresh[..$limit - size(seen)] AS kept,
  cut OR size(seen) + size(fresh) > $limit AS cut
CALL (kept) {
  UNWIND kept AS y
  WITH y WHERE $depth > 3 AND ($expand_supernodes OR (COUNT { (y)--() } <= $supernode_degree
    AND NOT y:Exchange AND NOT y:Bridge
    AND NOT EXISTS { (y)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(:Exchange|Bridge) }
    AND none(c IN coalesce(y.categories, []) + coalesce(y.tags, []) WHERE c IN $supernode_tags)))
  RETURN collect(y) AS frontier
}
WITH frontier, seen, rels, cut
WITH seen, cut, CASE WHEN cut THEN [r IN rels WHERE startNode(r) IN seen AND endNode(r) IN seen]
  ELSE rels END AS rels
// Each node's record as entities.cypher answers it, here rather than in a second round trip.
CALL (seen) {
  UNWIND CASE WHEN $records THEN seen ELSE [] END AS n
  OPTIONAL MATCH (c:ClusterMember {member: n.id})
  // Outside a cluster (most nodes) the members are the node alone: no subquery to run.
  CALL (n, c) {
    WITH n, c WHERE c IS NOT NULL
    OPTIONAL MATCH (m:ClusterMember {cluster: c.cluster})
    WITH n, collect(m.member) AS ids
    UNWIND ids + [n.id] AS mid
    MATCH (x:Entity {id: mid})
    RETURN collect(DISTINCT x) AS cluster
  }
  WITH n, c, CASE WHEN c IS NULL THEN [n] ELSE cluster END AS members
  WITH n, c, members, [x IN members WHERE x.id = c.cluster][0] AS canonical
  RETURN collect({id: n.id, labels: labels(n),
    props: n {.*, name: coalesce(n.name, canonical.name, n.tag_name),
      cluster_id: c.cluster,
      cluster_members: CASE WHEN c IS NULL THEN null ELSE [x IN members | x.id] END,
      cluster_sources: CASE WHEN c IS NULL THEN null
        ELSE reduce(acc = [], x IN members | acc + [s IN coalesce(x.sources, []) WHERE NOT s IN acc])
      END},
    sanctions: COLLECT {
      UNWIND members AS x
      MATCH (x)-[:SANCTIONED_BY]->(s:Sanction)
      RETURN DISTINCT s {.id, .authority, .program, .listing_id, .listed_on}
    }}) AS records
}
// The light form: each node's labels and name and each relationship's key, type and ends, as
// flat lists (one value per node or relationship: the driver's per-value work on maps and
// nested lists was a third of the light statement's time). A node without a name of its own
// is named by its cluster's canonical entity (as above: a cluster's canonical id is one of its
// members, so its node is the `canonical` the records find), else by its tag name; looked up
// for those nodes only (a lookup per node was an eighth of the statement).
CALL (seen) {
  UNWIND CASE WHEN $records THEN [] ELSE [x IN seen WHERE x.name IS NULL] END AS x
  OPTIONAL MATCH (c:ClusterMember {member: x.id})
  OPTIONAL MATCH (k:Entity {id: c.cluster})
  RETURN collect([x.id, coalesce(k.name, x.tag_name)]) AS unnamed
}
RETURN [x IN seen | x.id] AS nodes, cut, records, unnamed,
  CASE WHEN $records THEN [] ELSE [x IN seen | labels(x)] END AS labels,
  CASE WHEN $records THEN [] ELSE [x IN seen | x.name] END AS names,
  CASE WHEN $records THEN [r IN rels | {key: coalesce(r.id, elementId(r)), type: type(r),
    start: startNode(r).id, end: endNode(r).id, props: properties(r)}] ELSE [] END AS edges,
  CASE WHEN $records THEN [] ELSE [r IN rels | coalesce(r.id, elementId(r))] END AS keys,
  CASE WHEN $records THEN [] ELSE [r IN rels | type(r)] END AS types,
  CASE WHEN $records THEN [] ELSE [r IN rels | startNode(r).id] END AS starts,
  CASE WHEN $records THEN [] ELSE [r IN rels | endNode(r).id] END AS ends
