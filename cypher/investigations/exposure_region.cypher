// Exposure region: transfers into the target wallets and, level by level up to $max_hops - 1
// links further back, into their senders; summed per (sender, receiver, asset). Supernodes
// (degree, Exchange/Bridge wallets, token contracts) are not expanded; $max_wallets per level.
// The level block is repeated 6 times on purpose (6 = limits.MAX_HOPS): each level dedups,
// prunes supernodes and applies $max_wallets before the next one expands. A per-level
// statement looped from Python was measured on the 10^5-transfer bench graph: equal at 3 hops
// (organisation, ~25 ms) and ~20 % slower at 6 hops (the frontier ids go out and back each
// level), so the unrolled form stays. Levels past $max_hops - 1 match nothing; senders of the
// last level are not checked for expansion (they are only looked at for their own risk).
UNWIND $targets AS tid
MATCH (t:Entity&Wallet {id: tid})
WITH collect(t) AS frontier
WITH frontier, frontier AS seen, [] AS edges, false AS cut
// level 0
CALL (frontier) {
  UNWIND frontier AS w
  WITH w WHERE $max_hops > 0
  MATCH (w)<-[r:TRANSFER]-(x:Wallet)
  WITH w, x, r.asset AS asset, sum(r.amount) AS amount, count(r) AS n
  RETURN collect({from: x.id, to: w.id, asset: asset, amount: amount, n: n}) AS level,
    collect(DISTINCT x) AS senders
}
CALL (senders, seen) {
  UNWIND senders AS x
  WITH x WHERE $max_hops > 1 AND NOT x IN seen AND COUNT { (x)--() } <= $supernode_degree
    AND NOT EXISTS { (x)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(:Exchange|Bridge) }
    AND none(c IN coalesce(x.categories, []) + coalesce(x.tags, []) WHERE c IN $supernode_tags)
  RETURN collect(x) AS expandable
}
WITH expandable[..$max_wallets] AS frontier, seen + expandable[..$max_wallets] AS seen,
  edges + level AS edges, cut OR size(expandable) > $max_wallets AS cut
// level 1
CALL (frontier) {
  UNWIND frontier AS w
  WITH w WHERE $max_hops > 1
  MATCH (w)<-[r:TRANSFER]-(x:Wallet)
  WITH w, x, r.asset AS asset, sum(r.amount) AS amount, count(r) AS n
  RETURN collect({from: x.id, to: w.id, asset: asset, amount: amount, n: n}) AS level,
    collect(DISTINCT x) AS senders
}
CALL (senders, seen) {
  UNWIND senders AS x
  WITH x WHERE $max_hops > 2 AND NOT x IN seen AND COUNT { (x)--() } <= $supernode_degree
    AND NOT EXISTS { (x)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(:Exchange|Bridge) }
    AND none(c IN coalesce(x.categories, []) + coalesce(x.tags, []) WHERE c IN $supernode_tags)
  RETURN collect(x) AS expandable
}
WITH expandable[..$max_wallets] AS frontier, seen + expandable[..$max_wallets] AS seen,
  edges + level AS edges, cut OR size(expandable) > $max_wallets AS cut
// level 2
CALL (frontier) {
  UNWIND frontier AS w
  WITH w WHERE $max_hops > 2
  MATCH (w)<-[r:TRANSFER]-(x:Wallet)
  WITH w, x, r.asset AS asset, sum(r.amount) AS amount, count(r) AS n
  RETURN collect({from: x.id, to: w.id, asset: asset, amount: amount, n: n}) AS level,
    collect(DISTINCT x) AS senders
}
CALL (senders, seen) {
  UNWIND senders AS x
  WITH x WHERE $max_hops > 3 AND NOT x IN seen AND COUNT { (x)--() } <= $supernode_degree
    AND NOT EXISTS { (x)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(:Exchange|Bridge) }
    AND none(c IN coalesce(x.categories, []) + coalesce(x.tags, []) WHERE c IN $supernode_tags)
  RETURN collect(x) AS expandable
}
WITH expandable[..$max_wallets] AS frontier, seen + expandable[..$max_wallets] AS seen,
  edges + level AS edges, cut OR size(expandable) > $max_wallets AS cut
// level 3
CALL (frontier) {
  UNWIND frontier AS w
  WITH w WHERE $max_hops > 3
  MATCH (w)<-[r:TRANSFER]-(x:Wallet)
  WITH w, x, r.asset AS asset, sum(r.amount) AS amount, count(r) AS n
  RETURN collect({from: x.id, to: w.id, asset: asset, amount: amount, n: n}) AS level,
    collect(DISTINCT x) AS senders
}
CALL (senders, seen) {
  UNWIND senders AS x
  WITH x WHERE $max_hops > 4 AND NOT x IN seen AND COUNT { (x)--() } <= $supernode_degree
    AND NOT EXISTS { (x)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(:Exchange|Bridge) }
    AND none(c IN coalesce(x.categories, []) + coalesce(x.tags, []) WHERE c IN $supernode_tags)
  RETURN collect(x) AS expandable
}
WITH expandable[..$max_wallets] AS frontier, seen + expandable[..$max_wallets] AS seen,
  edges + level AS edges, cut OR size(expandable) > $max_wallets AS cut
// level 4
CALL (frontier) {
  UNWIND frontier AS w
  WITH w WHERE $max_hops > 4
  MATCH (w)<-[r:TRANSFER]-(x:Wallet)
  WITH w, x, r.asset AS asset, sum(r.amount) AS amount, count(r) AS n
  RETURN collect({from: x.id, to: w.id, asset: asset, amount: amount, n: n}) AS level,
    collect(DISTINCT x) AS senders
}
CALL (senders, seen) {
  UNWIND senders AS x
  WITH x WHERE $max_hops > 5 AND NOT x IN seen AND COUNT { (x)--() } <= $supernode_degree
    AND NOT EXISTS { (x)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(:Exchange|Bridge) }
    AND none(c IN coalesce(x.categories, []) + coalesce(x.tags, []) WHERE c IN $supernode_tags)
  RETURN collect(x) AS expandable
}
WITH expandable[..$max_wallets] AS frontier, seen + expandable[..$max_wallets] AS seen,
  edges + level AS edges, cut OR size(expandable) > $max_wallets AS cut
// level 5
CALL (frontier) {
  UNWIND frontier AS w
  WITH w WHERE $max_hops > 5
  MATCH (w)<-[r:TRANSFER]-(x:Wallet)
  WITH w, x, r.asset AS asset, sum(r.amount) AS amount, count(r) AS n
  RETURN collect({from: x.id, to: w.id, asset: asset, amount: amount, n: n}) AS level,
    collect(DISTINCT x) AS senders
}
CALL (senders, seen) {
  UNWIND senders AS x
  WITH x WHERE $max_hops > 6 AND NOT x IN seen AND COUNT { (x)--() } <= $supernode_degree
    AND NOT EXISTS { (x)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(:Exchange|Bridge) }
    AND none(c IN coalesce(x.categories, []) + coalesce(x.tags, []) WHERE c IN $supernode_tags)
  RETURN collect(x) AS expandable
}
WITH expandable[..$max_wallets] AS frontier, seen + expandable[..$max_wallets] AS seen,
  edges + level AS edges, cut OR size(expandable) > $max_wallets AS cut
RETURN [w IN seen | w.id] AS expanded, edges, cut
