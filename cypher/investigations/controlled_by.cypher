// What a person (or organisation) controls: companies it OWNS or is DIRECTOR_OF, and below
// them the companies those own (OWNS down, SUBSIDIARY_OF from the child), at most $max_depth
// links (8 at most); then wallets controlled by any of them and compounds they OPERATE. A
// resolved cluster (graph/resolve) counts as one: the chains start from every member of the
// person's cluster, and each controller's wallets and compounds include its cluster's.
MATCH (p:Entity {id: $person})
CALL (p) {
  OPTIONAL MATCH (c:ClusterMember {member: p.id})
  OPTIONAL MATCH (m:ClusterMember {cluster: c.cluster})
  WITH p, collect(m.member) AS ids
  UNWIND ids + [p.id] AS mid
  MATCH (s:Entity {id: mid})
  RETURN collect(DISTINCT s) AS selves
}
CALL (selves) {
  UNWIND selves AS s
  OPTIONAL MATCH path = (s)-[:OWNS|DIRECTOR_OF]->(:Organization)
    ((a)-[r:OWNS|SUBSIDIARY_OF]-(b:Organization)
      WHERE (type(r) = 'OWNS' AND startNode(r) = a) OR (type(r) = 'SUBSIDIARY_OF' AND endNode(r) = a)
    ){0,7} (c)
  WHERE length(path) <= $max_depth
  WITH c, relationships(path) AS rels, [n IN nodes(path) | n.id] AS ids LIMIT $max_chains
  RETURN collect({company: c.id, node: c, types: [x IN rels | type(x)],
                  shares: [x IN rels | x.share], nodes: ids}) AS chains
}
WITH p, chains, selves + [ch IN chains WHERE ch.node IS NOT NULL | ch.node] AS controllers
CALL (controllers) {
  UNWIND controllers AS x
  OPTIONAL MATCH (c:ClusterMember {member: x.id})
  OPTIONAL MATCH (m:ClusterMember {cluster: c.cluster})
  WITH x, collect(m.member) AS ids
  UNWIND ids + [x.id] AS mid
  MATCH (y:Entity {id: mid})
  RETURN collect(DISTINCT {controller: x, member: y}) AS pairs
}
CALL (pairs) {
  UNWIND pairs AS pr
  WITH pr.controller AS x, pr.member AS y
  MATCH (w:Wallet)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(y)
  RETURN collect(DISTINCT {wallet: w.id, controller: x.id}) AS wallets
}
CALL (pairs) {
  UNWIND pairs AS pr
  WITH pr.controller AS x, pr.member AS y
  MATCH (y)-[:OPERATES]->(k:Compound)
  RETURN collect(DISTINCT {compound: k.id, operator: x.id}) AS compounds
}
RETURN p.id AS person, wallets, compounds,
  [ch IN chains WHERE ch.company IS NOT NULL | ch {.company, .types, .shares, .nodes}] AS chains
