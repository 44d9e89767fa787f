// Controllers of wallets (CONTROLLED_BY / DEPOSIT_ADDRESS_OF) and, when $rollup, each
// organisation's ultimate parent group: up SUBSIDIARY_OF and majority OWNS (> 50 %) by an
// organisation, at most 6 links, to an organisation with no such parent (else the farthest one).
// A controller in a resolved cluster (graph/resolve) is reported as the cluster's canonical
// entity, and the climb starts from every member (ownership may sit on another source's node).
UNWIND $wallets AS wid
MATCH (w:Entity&Wallet {id: wid})-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(x:Organization|Person)
OPTIONAL MATCH (c:ClusterMember {member: x.id})
OPTIONAL MATCH (k:Entity {id: c.cluster})
WITH DISTINCT wid, coalesce(k, x) AS o, c.cluster AS cluster
CALL (o, cluster) {
  OPTIONAL MATCH (m:ClusterMember {cluster: cluster})
  WITH o, collect(m.member) AS ids
  UNWIND ids + [o.id] AS mid
  MATCH (start:Entity {id: mid})
  RETURN collect(DISTINCT start) AS starts
}
OPTIONAL CALL (o, starts) {
  UNWIND starts AS s
  OPTIONAL MATCH p = (s) ((a)-[r:SUBSIDIARY_OF|OWNS]-(b:Organization)
    WHERE (type(r) = 'SUBSIDIARY_OF' AND startNode(r) = a)
       OR (type(r) = 'OWNS' AND endNode(r) = a AND r.share > 50)){1,6} (top)
  WHERE $rollup AND o:Organization AND NOT top IN starts
  OPTIONAL MATCH (tc:ClusterMember {member: top.id})
  OPTIONAL MATCH (tk:Entity {id: tc.cluster})
  WITH coalesce(tk, top) AS g, length(p) AS hops,
    EXISTS { (top)-[:SUBSIDIARY_OF]->(:Organization) }
    OR EXISTS { (top)<-[x:OWNS]-(:Organization) WHERE x.share > 50 } AS has_parent
  WHERE g IS NOT NULL
  RETURN g ORDER BY has_parent, hops DESC, g.id LIMIT 1
}
RETURN wid AS wallet, o.id AS id, coalesce(o.name, o.tag_name) AS name, labels(o) AS labels,
  g.id AS group_id, coalesce(g.name, g.tag_name) AS group_name, labels(g) AS group_labels
