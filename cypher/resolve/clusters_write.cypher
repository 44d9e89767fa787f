// Replace the cluster rows (derived from the judgements in graph/resolve/clusters.py).
CALL () {
  MATCH (m:ClusterMember) DELETE m
}
UNWIND $rows AS row
CREATE (:ClusterMember {member: row.member, cluster: row.cluster})
