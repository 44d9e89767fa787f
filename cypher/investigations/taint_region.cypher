// Value-trace region, one round (graph/investigate/taint_region.py): from each frontier wallet
// (id, since = its earliest tainted arrival) follow the transfers the seeds' value may take:
// >= $min_amount, in $assets, no earlier than the sender's arrival and no later than $until.
// Per receiver (not a seed): the earliest such transfer. Wallets already in the region
// ($known) come back only with that time (an earlier arrival propagates); new ones (only when
// $discover) with whether they are a stop ($stop_at kinds) or a supernode (unless
// $expand_supernodes), which keep what enters them.
UNWIND $frontier AS f
MATCH (:Entity&Wallet {id: f.id})-[t:TRANSFER]->(y:Wallet)
WHERE ($min_amount IS NULL OR t.amount >= $min_amount)
  AND (size($assets) = 0 OR t.asset IN $assets)
  AND t.ts.epochMillis >= f.since AND ($until IS NULL OR t.ts <= $until) AND NOT y.id IN $seeds
WITH y, min(t.ts.epochMillis) AS since, y.id IN $known AS known
WHERE known OR $discover
WITH y, since, known,
  NOT known AND EXISTS { (y)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(o)
    WHERE any(l IN labels(o) WHERE l IN $stop_at) } AS stop
WITH y, since, known, stop, NOT known AND NOT stop AND NOT $expand_supernodes AND (
    COUNT { (y)--() } > $supernode_degree
    OR EXISTS { (y)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(:Exchange|Bridge) }
    OR any(c IN coalesce(y.categories, []) + coalesce(y.tags, []) WHERE c IN $supernode_tags)
  ) AS super
RETURN y.id AS id, since, known,
  CASE WHEN stop THEN 'stop' WHEN super THEN 'supernode' ELSE null END AS role
