// Risk of wallets, derived (docs/MODEL.md): sanctioned when the wallet, a controller or a
// controller's majority parent (SUBSIDIARY_OF / OWNS > 50 %, up to 6 links) is SANCTIONED_BY;
// scam-linked when the wallet or a controller has a scam category or is a :ScamOperation;
// compound-linked when a controller or one of its parents OPERATES a :Compound. A controller
// in a resolved cluster (graph/resolve) brings every member of the cluster as a controller.
UNWIND $wallets AS wid
MATCH (w:Entity&Wallet {id: wid})
WITH w, COLLECT {
    MATCH (w)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(x)
    OPTIONAL MATCH (c:ClusterMember {member: x.id})
    OPTIONAL MATCH (m:ClusterMember {cluster: c.cluster})
    WITH x, collect(m.member) AS ids
    UNWIND ids + [x.id] AS mid
    MATCH (o:Entity {id: mid})
    RETURN DISTINCT o
  } AS controllers
WITH w, controllers, COLLECT {
    UNWIND controllers AS o
    MATCH (o) ((a)-[r:SUBSIDIARY_OF|OWNS]-(b:Organization)
      WHERE (type(r) = 'SUBSIDIARY_OF' AND startNode(r) = a)
         OR (type(r) = 'OWNS' AND endNode(r) = a AND r.share > 50)){1,6} (g)
    RETURN DISTINCT g
  } AS parents
RETURN w.id AS wallet,
  any(n IN [w] + controllers + parents WHERE EXISTS { (n)-[:SANCTIONED_BY]->(:Sanction) }) AS sanctioned,
  any(n IN [w] + controllers WHERE n:ScamOperation
      OR any(c IN coalesce(n.categories, []) WHERE toLower(c) IN $scam_categories)) AS scam,
  any(n IN controllers + parents WHERE EXISTS { (n)-[:OPERATES]->(:Compound) }) AS compound
