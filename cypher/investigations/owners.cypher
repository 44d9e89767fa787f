// Ownership chains upward from a company: OWNS (owner -> owned) and SUBSIDIARY_OF (child ->
// parent), both with `share` in percent or null, at most $max_depth links (8 at most). A chain
// is complete when its top has no upward link outside the chain; incomplete ones stop at the cap.
// A resolved cluster (graph/resolve) is one company: chains start from every member.
MATCH (c0:Entity {id: $company})
CALL (c0) {
  OPTIONAL MATCH (k:ClusterMember {member: c0.id})
  OPTIONAL MATCH (m:ClusterMember {cluster: k.cluster})
  WITH c0, collect(m.member) AS ids
  UNWIND ids + [c0.id] AS mid
  MATCH (c:Entity {id: mid})
  RETURN DISTINCT c
}
OPTIONAL MATCH p = (c) ((a)-[r:OWNS|SUBSIDIARY_OF]-(b)
    WHERE (type(r) = 'OWNS' AND endNode(r) = a) OR (type(r) = 'SUBSIDIARY_OF' AND startNode(r) = a)
  ){1,8} (top)
WHERE length(p) <= $max_depth
WITH c0, c, p, top, relationships(p) AS rels
WITH c0, c, p, top, rels,
  NOT EXISTS { MATCH (top)<-[x:OWNS]-() WHERE NOT x IN rels }
  AND NOT EXISTS { MATCH (top)-[x:SUBSIDIARY_OF]->() WHERE NOT x IN rels } AS complete
WHERE p IS NULL OR complete OR length(p) = $max_depth
WITH c0, c, p, top, complete, rels LIMIT $max_chains
RETURN c0.id AS company, top.id AS top, complete,
  [r IN rels | CASE type(r)
    WHEN 'OWNS' THEN {owner: startNode(r).id, owned: endNode(r).id, type: 'OWNS', share: r.share}
    ELSE {owner: endNode(r).id, owned: startNode(r).id, type: 'SUBSIDIARY_OF', share: r.share}
  END] AS links
