// SAME_AS edges (member -> canonical) mirror the cluster rows (graph/resolve/clusters.py): derived
// data, made to agree with the rows after every judgement, ingest run and bulk carry-over, so a
// path can cross a resolved cluster (paths.cypher) and the browser draws it. An edge the rows no
// longer hold is deleted; a member not yet ingested gets its edge on the run that brings it.
CALL () {
  MATCH (a:Entity)-[s:SAME_AS]->(b:Entity)
  WHERE NOT EXISTS { MATCH (:ClusterMember {member: a.id, cluster: b.id}) }
  DELETE s
}
OPTIONAL MATCH (c:ClusterMember) WHERE c.member <> c.cluster
OPTIONAL MATCH (a:Entity {id: c.member})
OPTIONAL MATCH (b:Entity {id: c.cluster})
FOREACH (_ IN CASE WHEN a IS NULL OR b IS NULL THEN [] ELSE [1] END |
  MERGE (a)-[:SAME_AS]->(b))
RETURN count(c) AS rows
