// The wallets an organisation controls (CONTROLLED_BY / DEPOSIT_ADDRESS_OF), those of every
// member of its resolved cluster (graph/resolve) included, by id: the count and one page
// ($offset skipped, $first + 1 returned so the caller knows whether more follow).
MATCH (o:Entity {id: $id})
OPTIONAL MATCH (c:ClusterMember {member: o.id})
CALL (o, c) {
  OPTIONAL MATCH (m:ClusterMember {cluster: c.cluster})
  WITH o, collect(m.member) AS ids
  UNWIND ids + [o.id] AS mid
  MATCH (x:Entity {id: mid})
  RETURN collect(DISTINCT x) AS members
}
CALL (members) {
  UNWIND members AS x
  MATCH (w:Entity&Wallet)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(x)
  WITH DISTINCT w.id AS wid ORDER BY wid
  RETURN collect(wid) AS ids
}
RETURN size(ids) AS total, ids[$offset..$offset + $first + 1] AS page
