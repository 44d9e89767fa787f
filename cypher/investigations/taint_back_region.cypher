// Backward value-trace region, one round (graph/investigate/taint_backward_region.py): into
// each frontier wallet (id, until = the latest time its value can still reach the seeds,
// epoch milliseconds) follow the transfers that may have funded it: >= $min_amount, in $assets,
// no later than the receiver's until and no earlier than $since. Per sender (not a seed): the
// latest such transfer. Wallets already in the region ($known) come back only with that time
// (a later until propagates); new ones (only when $discover) with whether they are a stop
// ($stop_at kinds) or a supernode (unless $expand_supernodes): the walk ends at them.
UNWIND $frontier AS f
MATCH (x:Wallet)-[t:TRANSFER]->(:Entity&Wallet {id: f.id})
WHERE ($min_amount IS NULL OR t.amount >= $min_amount)
  AND (size($assets) = 0 OR t.asset IN $assets)
  AND t.ts.epochMillis <= f.until AND ($since IS NULL OR t.ts >= $since) AND NOT x.id IN $seeds
WITH x, max(t.ts.epochMillis) AS until, x.id IN $known AS known
WHERE known OR $discover
WITH x, until, known,
  NOT known AND EXISTS { (x)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(o)
    WHERE any(l IN labels(o) WHERE l IN $stop_at) } AS stop
WITH x, until, known, stop, NOT known AND NOT stop AND NOT $expand_supernodes AND (
    COUNT { (x)--() } > $supernode_degree
    OR EXISTS { (x)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(:Exchange|Bridge) }
    OR any(c IN coalesce(x.categories, []) + coalesce(x.tags, []) WHERE c IN $supernode_tags)
  ) AS super
RETURN x.id AS id, until, known,
  CASE WHEN stop THEN 'stop' WHEN super THEN 'supernode' ELSE null END AS role
