// Full-text search over names, aliases, tag labels and addresses, plus exact normalised
// addresses; paged. $query is an escaped Lucene query; $scan bounds the hits read from the
// index. A resolved cluster (graph/resolve) is one hit: its canonical entity, with the best
// score of its members, their ids (`cluster_members`) and every member's sanctions.
CALL () {
  MATCH (w:Wallet) WHERE w.address IN $addresses
  RETURN w AS node, 1000.0 AS score
  UNION ALL
  CALL db.index.fulltext.queryNodes('entity_text', $query, {limit: $scan}) YIELD node, score
  RETURN node, score
}
OPTIONAL MATCH (c:ClusterMember {member: node.id})
OPTIONAL MATCH (k:Entity {id: c.cluster})
WITH coalesce(k, node) AS node, c.cluster AS cluster, max(score) AS score
WITH node, max(score) AS score, max(cluster) AS cluster
WHERE size($kinds) = 0 OR any(k IN labels(node) WHERE k IN $kinds)
CALL (node, cluster) {
  OPTIONAL MATCH (m:ClusterMember {cluster: cluster})
  WITH node, collect(m.member) AS ids
  UNWIND ids + [node.id] AS mid
  MATCH (x:Entity {id: mid})
  RETURN collect(DISTINCT x) AS members
}
RETURN node.id AS id, labels(node) AS labels,
  node {.*, name: coalesce(node.name, node.tag_name), cluster_id: cluster,
        cluster_members: CASE WHEN cluster IS NULL THEN null ELSE [x IN members | x.id] END,
        cluster_sources: CASE WHEN cluster IS NULL THEN null
          ELSE reduce(acc = [], x IN members | acc + [s IN coalesce(x.sources, []) WHERE NOT s IN acc])
        END} AS props,
  score,
  COLLECT {
    UNWIND members AS x
    MATCH (x)-[:SANCTIONED_BY]->(s:Sanction)
    RETURN DISTINCT s {.id, .authority, .program, .listing_id, .listed_on}
  } AS sanctions
ORDER BY score DESC, id
SKIP $skip LIMIT $limit
