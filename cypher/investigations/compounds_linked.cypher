// Compounds operated by organisations linked to an entity. Start: a wallet's controllers, an
// organisation itself, or what a person OWNS or is DIRECTOR_OF. From each, up to its group
// (SUBSIDIARY_OF, majority OWNS > 50 %) and down again to the group's members, at most
// $max_hops links in all (6 at most); then OPERATES. `hops` counts links from the entity.
// A resolved cluster (graph/resolve) is one entity: the entity's cluster, each start
// organisation's and each member's cluster are expanded (a cluster's members add no hop).
MATCH (e0:Entity {id: $id})
CALL (e0) {
  OPTIONAL MATCH (c:ClusterMember {member: e0.id})
  OPTIONAL MATCH (m:ClusterMember {cluster: c.cluster})
  WITH e0, collect(m.member) AS ids
  UNWIND ids + [e0.id] AS mid
  MATCH (e:Entity {id: mid})
  RETURN DISTINCT e
}
CALL (e) {
  MATCH (e:Wallet)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(o:Organization) RETURN o, 1 AS d
  UNION
  MATCH (o:Organization) WHERE o = e RETURN o, 0 AS d
  UNION
  MATCH (e:Person)-[:OWNS|DIRECTOR_OF]->(o:Organization) RETURN o, 1 AS d
}
WITH o, min(d) AS d
CALL (o) {
  OPTIONAL MATCH (c:ClusterMember {member: o.id})
  OPTIONAL MATCH (m:ClusterMember {cluster: c.cluster})
  WITH o, collect(m.member) AS ids
  UNWIND ids + [o.id] AS mid
  MATCH (x:Organization {id: mid})
  RETURN DISTINCT x
}
MATCH up = (x) ((a)-[r:SUBSIDIARY_OF|OWNS]-(b:Organization)
    WHERE (type(r) = 'SUBSIDIARY_OF' AND startNode(r) = a)
       OR (type(r) = 'OWNS' AND endNode(r) = a AND r.share > 50)){0,6} (g)
WHERE d + length(up) < $max_hops
MATCH down = (g) ((a2)-[r2:SUBSIDIARY_OF|OWNS]-(b2:Organization)
    WHERE (type(r2) = 'SUBSIDIARY_OF' AND endNode(r2) = a2)
       OR (type(r2) = 'OWNS' AND startNode(r2) = a2 AND r2.share > 50)){0,6} (m0)
WHERE d + length(up) + length(down) < $max_hops
WITH m0, min(d + length(up) + length(down) + 1) AS hops
CALL (m0) {
  OPTIONAL MATCH (c:ClusterMember {member: m0.id})
  OPTIONAL MATCH (m:ClusterMember {cluster: c.cluster})
  WITH m0, collect(m.member) AS ids
  UNWIND ids + [m0.id] AS mid
  MATCH (y:Entity {id: mid})
  RETURN DISTINCT y
}
MATCH (y)-[:OPERATES]->(k:Compound)
WITH k, y, min(hops) AS hops
WITH k, collect(DISTINCT y.id) AS operators, min(hops) AS hops
RETURN k.id AS compound, operators, hops
ORDER BY hops, compound
LIMIT $limit
