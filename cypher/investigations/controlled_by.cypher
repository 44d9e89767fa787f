// What a person (or organisation) controls: companies it OWNS or is DIRECTOR_OF, and below
// them the companies those own (OWNS down, SUBSIDIARY_OF from the child), at most $max_depth
// links (8 at most); then wallets controlled by any of them and compounds they OPERATE.
MATCH (p:Entity {id: $person})
CALL (p) {
  OPTIONAL MATCH path = (p)-[:OWNS|DIRECTOR_OF]->(:Organization)
    ((a)-[r:OWNS|SUBSIDIARY_OF]-(b:Organization)
      WHERE (type(r) = 'OWNS' AND startNode(r) = a) OR (type(r) = 'SUBSIDIARY_OF' AND endNode(r) = a)
    ){0,7} (c)
  WHERE length(path) <= $max_depth
  WITH c, relationships(path) AS rels, [n IN nodes(path) | n.id] AS ids LIMIT $max_chains
  RETURN collect({company: c.id, node: c, types: [x IN rels | type(x)],
                  shares: [x IN rels | x.share], nodes: ids}) AS chains
}
WITH p, chains, [p] + [ch IN chains WHERE ch.node IS NOT NULL | ch.node] AS controllers
CALL (controllers) {
  UNWIND controllers AS x
  MATCH (w:Wallet)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(x)
  RETURN collect(DISTINCT {wallet: w.id, controller: x.id}) AS wallets
}
CALL (controllers) {
  UNWIND controllers AS x
  MATCH (x)-[:OPERATES]->(k:Compound)
  RETURN collect(DISTINCT {compound: k.id, operator: x.id}) AS compounds
}
RETURN p.id AS person, wallets, compounds,
  [ch IN chains WHERE ch.company IS NOT NULL | ch {.company, .types, .shares, .nodes}] AS chains
