// Value-trace ledger (graph/investigate/taint_region.py): every transfer in or out of each
// simulated wallet (id, since = its earliest tainted arrival), in the window and assets, from
// its arrival on; for a seed (seed = true) only its outflows. Earlier transfers are summed
// into opening balances (taint_opening.cypher). At most $max_transfers + 1 (then cut).
UNWIND $wallets AS w
MATCH (x:Entity&Wallet {id: w.id})-[t:TRANSFER]-()
WHERE (size($assets) = 0 OR t.asset IN $assets)
  AND t.ts.epochMillis >= w.since AND ($until IS NULL OR t.ts <= $until)
  AND (NOT w.seed OR startNode(t) = x)
WITH DISTINCT t LIMIT $max_transfers + 1
// Lists with epoch milliseconds, not maps with datetimes: 4x faster to ship at 85 000 rows.
RETURN collect([coalesce(t.id, elementId(t)), t.tx, t.index, t.asset, t.amount, t.amount_raw,
  t.decimals, t.ts.epochMillis, startNode(t).id, endNode(t).id]) AS transfers
