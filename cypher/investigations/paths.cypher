// The $k shortest connections between two entities over the allowed relationship types, either
// direction, at most $max_length links (8 and 20 paths at most: SHORTEST needs literals). With
// $exclude_supernodes no intermediate node is a supernode: degree above $supernode_degree, an
// Exchange or Bridge organisation or one of its wallets, or a token contract.
MATCH (a:Entity {id: $from}), (b:Entity {id: $to})
MATCH p = SHORTEST 20 (a) ((x)-[r]-(y)
    WHERE type(r) IN $rel_types
      AND (y = b OR NOT $exclude_supernodes OR (
        COUNT { (y)--() } <= $supernode_degree AND NOT y:Exchange AND NOT y:Bridge
        AND NOT EXISTS { (y)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(:Exchange|Bridge) }
        AND none(c IN coalesce(y.categories, []) + coalesce(y.tags, []) WHERE c IN $supernode_tags)))
  ){1,8} (b)
WHERE length(p) <= $max_length
WITH p ORDER BY length(p) LIMIT $k
RETURN [n IN nodes(p) | n.id] AS nodes,
  [r IN relationships(p) | {key: coalesce(r.id, elementId(r)), type: type(r),
    start: startNode(r).id, end: endNode(r).id, props: properties(r)}] AS edges
