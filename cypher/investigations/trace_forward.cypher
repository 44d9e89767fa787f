// Forward trace: filtered transfer paths from the seed wallets, hop by hop up to $max_hops (6 at most).
// Each hop is no earlier than the one before when $time_ordered; wallets do not repeat on a path; at most
// $max_paths paths per hop; supernodes and $stop_at kinds end a path unless $expand_supernodes.
// The hop block is repeated 6 times on purpose (6 = limits.MAX_HOPS) so the filters and the
// $max_paths budget prune while walking. A quantified path pattern cannot do that in Neo4j
// 5.26: no predicate across iterations (time order), no per-hop LIMIT, and wallet-unique paths
// need Cypher 25; filtering afterwards would enumerate every path first. One statement per
// hop from Python would ship up to $max_paths paths out and back each hop (for the much
// lighter exposure region that was already ~20 % slower at 6 hops).
UNWIND $seeds AS sid
MATCH (s:Entity&Wallet {id: sid})
WITH collect(s) AS seeds
WITH seeds, [s IN seeds | {rels: [], nodes: [s], open: true}] AS frontier, [] AS found, false AS cut
// hop 1
CALL (seeds, frontier) {
  UNWIND frontier AS f
  WITH f, last(f.nodes) AS x, last(f.rels) AS prev
  WHERE $max_hops >= 1
  MATCH (x)-[t:TRANSFER]->(y:Wallet)
  WHERE ($min_amount IS NULL OR t.amount >= $min_amount)
    AND (size($assets) = 0 OR t.asset IN $assets)
    AND ($since IS NULL OR t.ts >= $since) AND ($until IS NULL OR t.ts <= $until)
    AND (prev IS NULL OR NOT $time_ordered OR t.ts >= prev.ts)
    AND NOT y IN f.nodes AND NOT y IN seeds
  WITH f, t, y LIMIT $path_limit
  WITH f, t, y,
    NOT EXISTS { (y)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(o) WHERE any(l IN labels(o) WHERE l IN $stop_at) }
    AND ($expand_supernodes OR (COUNT { (y)--() } <= $supernode_degree
      AND NOT EXISTS { (y)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(:Exchange|Bridge) }
      AND none(c IN coalesce(y.categories, []) + coalesce(y.tags, []) WHERE c IN $supernode_tags))) AS open
  RETURN collect({rels: f.rels + t, nodes: f.nodes + y, open: open}) AS next
}
WITH seeds, found + next[..$max_paths] AS found, [p IN next[..$max_paths] WHERE p.open] AS frontier,
  cut OR size(next) > $max_paths AS cut
// hop 2
CALL (seeds, frontier) {
  UNWIND frontier AS f
  WITH f, last(f.nodes) AS x, last(f.rels) AS prev
  WHERE $max_hops >= 2
  MATCH (x)-[t:TRANSFER]->(y:Wallet)
  WHERE ($min_amount IS NULL OR t.amount >= $min_amount)
    AND (size($assets) = 0 OR t.asset IN $assets)
    AND ($since IS NULL OR t.ts >= $since) AND ($until IS NULL OR t.ts <= $until)
    AND (prev IS NULL OR NOT $time_ordered OR t.ts >= prev.ts)
    AND NOT y IN f.nodes AND NOT y IN seeds
  WITH f, t, y LIMIT $path_limit
  WITH f, t, y,
    NOT EXISTS { (y)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(o) WHERE any(l IN labels(o) WHERE l IN $stop_at) }
    AND ($expand_supernodes OR (COUNT { (y)--() } <= $supernode_degree
      AND NOT EXISTS { (y)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(:Exchange|Bridge) }
      AND none(c IN coalesce(y.categories, []) + coalesce(y.tags, []) WHERE c IN $supernode_tags))) AS open
  RETURN collect({rels: f.rels + t, nodes: f.nodes + y, open: open}) AS next
}
WITH seeds, found + next[..$max_paths] AS found, [p IN next[..$max_paths] WHERE p.open] AS frontier,
  cut OR size(next) > $max_paths AS cut
// hop 3
CALL (seeds, frontier) {
  UNWIND frontier AS f
  WITH f, last(f.nodes) AS x, last(f.rels) AS prev
  WHERE $max_hops >= 3
  MATCH (x)-[t:TRANSFER]->(y:Wallet)
  WHERE ($min_amount IS NULL OR t.amount >= $min_amount)
    AND (size($assets) = 0 OR t.asset IN $assets)
    AND ($since IS NULL OR t.ts >= $since) AND ($until IS NULL OR t.ts <= $until)
    AND (prev IS NULL OR NOT $time_ordered OR t.ts >= prev.ts)
    AND NOT y IN f.nodes AND NOT y IN seeds
  WITH f, t, y LIMIT $path_limit
  WITH f, t, y,
    NOT EXISTS { (y)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(o) WHERE any(l IN labels(o) WHERE l IN $stop_at) }
    AND ($expand_supernodes OR (COUNT { (y)--() } <= $supernode_degree
      AND NOT EXISTS { (y)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(:Exchange|Bridge) }
      AND none(c IN coalesce(y.categories, []) + coalesce(y.tags, []) WHERE c IN $supernode_tags))) AS open
  RETURN collect({rels: f.rels + t, nodes: f.nodes + y, open: open}) AS next
}
WITH seeds, found + next[..$max_paths] AS found, [p IN next[..$max_paths] WHERE p.open] AS frontier,
  cut OR size(next) > $max_paths AS cut
// hop 4
CALL (seeds, frontier) {
  UNWIND frontier AS f
  WITH f, last(f.nodes) AS x, last(f.rels) AS prev
  WHERE $max_hops >= 4
  MATCH (x)-[t:TRANSFER]->(y:Wallet)
  WHERE ($min_amount IS NULL OR t.amount >= $min_amount)
    AND (size($assets) = 0 OR t.asset IN $assets)
    AND ($since IS NULL OR t.ts >= $since) AND ($until IS NULL OR t.ts <= $until)
    AND (prev IS NULL OR NOT $time_ordered OR t.ts >= prev.ts)
    AND NOT y IN f.nodes AND NOT y IN seeds
  WITH f, t, y LIMIT $path_limit
  WITH f, t, y,
    NOT EXISTS { (y)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(o) WHERE any(l IN labels(o) WHERE l IN $stop_at) }
    AND ($expand_supernodes OR (COUNT { (y)--() } <= $supernode_degree
      AND NOT EXISTS { (y)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(:Exchange|Bridge) }
      AND none(c IN coalesce(y.categories, []) + coalesce(y.tags, []) WHERE c IN $supernode_tags))) AS open
  RETURN collect({rels: f.rels + t, nodes: f.nodes + y, open: open}) AS next
}
WITH seeds, found + next[..$max_paths] AS found, [p IN next[..$max_paths] WHERE p.open] AS frontier,
  cut OR size(next) > $max_paths AS cut
// hop 5
CALL (seeds, frontier) {
  UNWIND frontier AS f
  WITH f, last(f.nodes) AS x, last(f.rels) AS prev
  WHERE $max_hops >= 5
  MATCH (x)-[t:TRANSFER]->(y:Wallet)
  WHERE ($min_amount IS NULL OR t.amount >= $min_amount)
    AND (size($assets) = 0 OR t.asset IN $assets)
    AND ($since IS NULL OR t.ts >= $since) AND ($until IS NULL OR t.ts <= $until)
    AND (prev IS NULL OR NOT $time_ordered OR t.ts >= prev.ts)
    AND NOT y IN f.nodes AND NOT y IN seeds
  WITH f, t, y LIMIT $path_limit
  WITH f, t, y,
    NOT EXISTS { (y)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(o) WHERE any(l IN labels(o) WHERE l IN $stop_at) }
    AND ($expand_supernodes OR (COUNT { (y)--() } <= $supernode_degree
      AND NOT EXISTS { (y)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(:Exchange|Bridge) }
      AND none(c IN coalesce(y.categories, []) + coalesce(y.tags, []) WHERE c IN $supernode_tags))) AS open
  RETURN collect({rels: f.rels + t, nodes: f.nodes + y, open: open}) AS next
}
WITH seeds, found + next[..$max_paths] AS found, [p IN next[..$max_paths] WHERE p.open] AS frontier,
  cut OR size(next) > $max_paths AS cut
// hop 6
CALL (seeds, frontier) {
  UNWIND frontier AS f
  WITH f, last(f.nodes) AS x, last(f.rels) AS prev
  WHERE $max_hops >= 6
  MATCH (x)-[t:TRANSFER]->(y:Wallet)
  WHERE ($min_amount IS NULL OR t.amount >= $min_amount)
    AND (size($assets) = 0 OR t.asset IN $assets)
    AND ($since IS NULL OR t.ts >= $since) AND ($until IS NULL OR t.ts <= $until)
    AND (prev IS NULL OR NOT $time_ordered OR t.ts >= prev.ts)
    AND NOT y IN f.nodes AND NOT y IN seeds
  WITH f, t, y LIMIT $path_limit
  WITH f, t, y,
    NOT EXISTS { (y)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(o) WHERE any(l IN labels(o) WHERE l IN $stop_at) }
    AND ($expand_supernodes OR (COUNT { (y)--() } <= $supernode_degree
      AND NOT EXISTS { (y)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(:Exchange|Bridge) }
      AND none(c IN coalesce(y.categories, []) + coalesce(y.tags, []) WHERE c IN $supernode_tags))) AS open
  RETURN collect({rels: f.rels + t, nodes: f.nodes + y, open: open}) AS next
}
WITH seeds, found + next[..$max_paths] AS found, [p IN next[..$max_paths] WHERE p.open] AS frontier,
  cut OR size(next) > $max_paths AS cut
CALL (found) {
  UNWIND found AS p
  UNWIND p.rels AS r
  WITH DISTINCT r
  RETURN collect(r {id: coalesce(r.id, elementId(r)), .tx, .asset, .amount, .amount_raw, .ts,
    from: startNode(r).id, to: endNode(r).id}) AS transfers
}
RETURN [s IN seeds | s.id] AS seeds, transfers, cut,
  [p IN found | {ids: [r IN p.rels | coalesce(r.id, elementId(r))], open: p.open}] AS paths
