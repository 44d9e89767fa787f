// What an entity stands for in organisation-level questions (the rule of seed_wallets.cypher):
// its cluster's members and, for an organisation, the organisations below it by SUBSIDIARY_OF
// (child -> parent) or OWNS with share > 50 %, at most 6 links, each with its cluster; with the
// wallets each member controls (CONTROLLED_BY / DEPOSIT_ADDRESS_OF). One row per member.
MATCH (n:Entity {id: $id})
CALL (n) {
  OPTIONAL MATCH (c:ClusterMember {member: n.id})
  OPTIONAL MATCH (m:ClusterMember {cluster: c.cluster})
  WITH n, collect(m.member) AS ids
  UNWIND ids + [n.id] AS mid
  MATCH (x:Entity {id: mid})
  RETURN DISTINCT x
}
CALL (x) {
  MATCH (x) WHERE NOT x:Organization RETURN x AS o, 0 AS depth
  UNION
  MATCH p = (x:Organization) ((a)-[r:SUBSIDIARY_OF|OWNS]-(b:Organization)
      WHERE (type(r) = 'SUBSIDIARY_OF' AND endNode(r) = a)
         OR (type(r) = 'OWNS' AND startNode(r) = a AND r.share > 50)){0,6} (o)
  RETURN o, min(length(p)) AS depth
}
WITH o, min(depth) AS depth
CALL (o) {
  OPTIONAL MATCH (c:ClusterMember {member: o.id})
  OPTIONAL MATCH (m:ClusterMember {cluster: c.cluster})
  WITH o, collect(m.member) AS ids
  UNWIND ids + [o.id] AS mid
  MATCH (y:Entity {id: mid})
  RETURN DISTINCT y
}
WITH y, min(depth) AS depth
RETURN y.id AS member, labels(y) AS labels, coalesce(y.name, y.tag_name) AS name, depth,
  CASE WHEN y:Wallet THEN [y.id] ELSE
    COLLECT { MATCH (y)<-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]-(w:Wallet) RETURN DISTINCT w.id }
  END AS wallets
ORDER BY depth, member
