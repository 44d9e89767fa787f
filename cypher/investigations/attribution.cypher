// Controllers of wallets (CONTROLLED_BY / DEPOSIT_ADDRESS_OF) and, when $rollup, each
// organisation's ultimate parent group: up SUBSIDIARY_OF and majority OWNS (> 50 %) by an
// organisation, at most 6 links, to an organisation with no such parent (else the farthest one).
UNWIND $wallets AS wid
MATCH (w:Entity&Wallet {id: wid})-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(o:Organization|Person)
WITH DISTINCT wid, o
CALL (o) {
  OPTIONAL MATCH p = (o) ((a)-[r:SUBSIDIARY_OF|OWNS]-(b:Organization)
    WHERE (type(r) = 'SUBSIDIARY_OF' AND startNode(r) = a)
       OR (type(r) = 'OWNS' AND endNode(r) = a AND r.share > 50)){1,6} (g)
  WHERE $rollup AND o:Organization
  WITH g, length(p) AS hops,
    EXISTS { (g)-[:SUBSIDIARY_OF]->(:Organization) }
    OR EXISTS { (g)<-[x:OWNS]-(:Organization) WHERE x.share > 50 } AS has_parent
  RETURN g ORDER BY has_parent, hops DESC, g.id LIMIT 1
}
RETURN wid AS wallet, o.id AS id, o.name AS name, labels(o) AS labels,
  g.id AS group_id, g.name AS group_name, labels(g) AS group_labels
