// Compounds operated by organisations linked to an entity. Start: a wallet's controllers, an
// organisation itself, or what a person OWNS or is DIRECTOR_OF. From each, up to its group
// (SUBSIDIARY_OF, majority OWNS > 50 %) and down again to the group's members, at most
// $max_hops links in all (6 at most); then OPERATES. `hops` counts links from the entity.
MATCH (e:Entity {id: $id})
CALL (e) {
  MATCH (e:Wallet)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(o:Organization) RETURN o, 1 AS d
  UNION
  MATCH (o:Organization) WHERE o = e RETURN o, 0 AS d
  UNION
  MATCH (e:Person)-[:OWNS|DIRECTOR_OF]->(o:Organization) RETURN o, 1 AS d
}
MATCH up = (o) ((a)-[r:SUBSIDIARY_OF|OWNS]-(b:Organization)
    WHERE (type(r) = 'SUBSIDIARY_OF' AND startNode(r) = a)
       OR (type(r) = 'OWNS' AND endNode(r) = a AND r.share > 50)){0,6} (g)
WHERE d + length(up) < $max_hops
MATCH down = (g) ((a2)-[r2:SUBSIDIARY_OF|OWNS]-(b2:Organization)
    WHERE (type(r2) = 'SUBSIDIARY_OF' AND endNode(r2) = a2)
       OR (type(r2) = 'OWNS' AND startNode(r2) = a2 AND r2.share > 50)){0,6} (m)
WHERE d + length(up) + length(down) < $max_hops
MATCH (m)-[:OPERATES]->(k:Compound)
WITH k, m, min(d + length(up) + length(down) + 1) AS hops
WITH k, collect(DISTINCT m.id) AS operators, min(hops) AS hops
RETURN k.id AS compound, operators, hops
ORDER BY hops, compound
LIMIT $limit
