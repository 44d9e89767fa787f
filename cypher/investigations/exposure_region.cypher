// Exposure region: transfers into the target wallets and, level by level up to $max_hops - 1
// links further back, into their senders; summed per (sender, receiver, asset). Supernodes
// (degree, Exchange/Bridge wallets, token contracts) are not expanded; $max_wallets per level.
MATCH (t:Entity&Wallet) WHERE t.id IN $targets
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
  WITH x WHERE NOT x IN seen AND COUNT { (x)--() } <= $supernode_degree
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
  WITH x WHERE NOT x IN seen AND COUNT { (x)--() } <= $supernode_degree
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
  WITH x WHERE NOT x IN seen AND COUNT { (x)--() } <= $supernode_degree
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
  WITH x WHERE NOT x IN seen AND COUNT { (x)--() } <= $supernode_degree
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
  WITH x WHERE NOT x IN seen AND COUNT { (x)--() } <= $supernode_degree
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
  WITH x WHERE NOT x IN seen AND COUNT { (x)--() } <= $supernode_degree
    AND NOT EXISTS { (x)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(:Exchange|Bridge) }
    AND none(c IN coalesce(x.categories, []) + coalesce(x.tags, []) WHERE c IN $supernode_tags)
  RETURN collect(x) AS expandable
}
WITH expandable[..$max_wallets] AS frontier, seen + expandable[..$max_wallets] AS seen,
  edges + level AS edges, cut OR size(expandable) > $max_wallets AS cut
RETURN [w IN seen | w.id] AS expanded, edges, cut
