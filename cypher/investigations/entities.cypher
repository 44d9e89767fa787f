// Entities by id (batch lookup for DataLoaders): labels, properties and sanctions summary.
// An entity without `name` shows its `tag_name` (an actor known only from tags). A member of a
// resolved cluster (graph/resolve) answers as the cluster: `cluster_id` (canonical id),
// `cluster_members`, `cluster_sources` (every member's sources) and every member's sanctions.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
OPTIONAL MATCH (c:ClusterMember {member: n.id})
CALL (n, c) {
  OPTIONAL MATCH (m:ClusterMember {cluster: c.cluster})
  WITH n, collect(m.member) AS ids
  UNWIND ids + [n.id] AS mid
  MATCH (x:Entity {id: mid})
  RETURN collect(DISTINCT x) AS members
}
WITH n, c, members, [x IN members WHERE x.id = c.cluster][0] AS canonical
RETURN n.id AS id, labels(n) AS labels,
  n {.*, name: coalesce(n.name, canonical.name, n.tag_name),
     cluster_id: c.cluster,
     cluster_members: CASE WHEN c IS NULL THEN null ELSE [x IN members | x.id] END,
     cluster_sources: CASE WHEN c IS NULL THEN null
       ELSE reduce(acc = [], x IN members | acc + [s IN coalesce(x.sources, []) WHERE NOT s IN acc])
     END} AS props,
  COLLECT {
    UNWIND members AS x
    MATCH (x)-[:SANCTIONED_BY]->(s:Sanction)
    RETURN DISTINCT s {.id, .authority, .program, .listing_id, .listed_on}
  } AS sanctions
