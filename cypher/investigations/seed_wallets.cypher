// Wallets of seed entities: a wallet is its own seed; an organisation or person seeds every
// wallet it controls (CONTROLLED_BY) or that is its deposit address (DEPOSIT_ADDRESS_OF). A
// resolved cluster (graph/resolve: :ClusterMember rows) stands for all its members, and an
// organisation for its group: the organisations below it by SUBSIDIARY_OF (child -> parent) or
// OWNS with share > 50 %, at most 6 links (the roll-up's rule in attribution.cypher), each with
// its cluster. `via` is the member that controls the wallet (the wallet itself for a wallet).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  OPTIONAL MATCH (c:ClusterMember {member: n.id})
  OPTIONAL MATCH (m:ClusterMember {cluster: c.cluster})
  WITH n, collect(m.member) AS ids
  UNWIND ids + [n.id] AS mid
  MATCH (x:Entity {id: mid})
  RETURN DISTINCT x
}
CALL (x) {
  MATCH (x:Wallet) RETURN x AS w, x AS via
  UNION
  MATCH (x:Organization) ((a)-[r:SUBSIDIARY_OF|OWNS]-(b:Organization)
      WHERE (type(r) = 'SUBSIDIARY_OF' AND endNode(r) = a)
         OR (type(r) = 'OWNS' AND startNode(r) = a AND r.share > 50)){0,6} (o)
  OPTIONAL MATCH (c:ClusterMember {member: o.id})
  OPTIONAL MATCH (m:ClusterMember {cluster: c.cluster})
  WITH o, collect(m.member) AS ids
  UNWIND ids + [o.id] AS mid
  MATCH (via:Entity {id: mid})<-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]-(w:Wallet)
  RETURN w, via
  UNION
  MATCH (x:Person)<-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]-(w:Wallet) RETURN w, x AS via
}
RETURN DISTINCT w.id AS wallet, via.id AS via
