// Backward value-trace ledger (graph/investigate/taint_backward_region.py): every transfer in
// or out of each region wallet (id, until = the latest time its value can reach the seeds,
// epoch milliseconds) in the window and assets, up to its until (later ones cannot fund the
// seeds); for a seed (seed = true) only its inflows. At most $max_transfers + 1 (then cut).
UNWIND $wallets AS w
MATCH (x:Entity&Wallet {id: w.id})-[t:TRANSFER]-()
WHERE (size($assets) = 0 OR t.asset IN $assets)
  AND ($since IS NULL OR t.ts >= $since) AND t.ts.epochMillis <= w.until
  AND (NOT w.seed OR endNode(t) = x)
WITH DISTINCT t LIMIT $max_transfers + 1
RETURN collect([coalesce(t.id, elementId(t)), t.tx, t.index, t.asset, t.amount, t.amount_raw,
  t.decimals, t.ts.epochMillis, startNode(t).id, endNode(t).id]) AS transfers
