// Value-trace opening balances (graph/investigate/taint_region.py): per simulated wallet
// (id, since = its earliest tainted arrival) and asset, what it is known to hold just before
// the seeds' value can reach it: its transfers in [$since, arrival) replayed in the replay's
// order (ts, tx, index, id), an outflow larger than the balance leaving 0 (the shortfall is
// unknown prior funds), a transfer to itself leaving at least its amount. Base units:
// amount_raw, else amount x 10^decimals; `unknown` counts transfers with neither (or too
// large for an integer): the caller then fetches that wallet's whole ledger instead.
// One subquery per wallet: its transfers are sorted and folded on their own (a sort of a few
// thousand rows per wallet, not one of every wallet's rows with a grouping after it: that one
// ran out of transaction memory on a 6-hop region), and t.ts is compared with the arrival as
// a datetime made once per wallet, not through epochMillis on each row.
UNWIND $wallets AS w
MATCH (x:Entity&Wallet {id: w.id})
WITH w, x, datetime({epochMillis: w.since}) AS arrival
CALL (x, arrival) {
  MATCH (x)-[t:TRANSFER]-()
  WHERE t.ts < arrival AND ($since IS NULL OR t.ts >= $since)
    AND (size($assets) = 0 OR t.asset IN $assets)
  WITH DISTINCT t
  ORDER BY t.ts, coalesce(t.tx, ''), coalesce(t.index, 0), coalesce(t.id, elementId(t))
  WITH t.asset AS asset, CASE WHEN startNode(t) = endNode(t) THEN 2
      WHEN startNode(t) = x THEN 1 ELSE 0 END AS kind,
    CASE WHEN t.amount_raw IS NOT NULL AND t.amount_raw <> ''
      THEN toIntegerOrNull(t.amount_raw)
      ELSE toIntegerOrNull(round(t.amount * 10 ^ t.decimals)) END AS raw
  WITH asset, collect([kind, raw]) AS moves
  RETURN asset, size([m IN moves WHERE m[1] IS NULL]) AS unknown,
    reduce(b = 0, m IN [m IN moves WHERE m[1] IS NOT NULL] |
      CASE m[0] WHEN 0 THEN b + m[1] WHEN 1 THEN CASE WHEN b > m[1] THEN b - m[1] ELSE 0 END
      ELSE CASE WHEN b > m[1] THEN b ELSE m[1] END END) AS opening
}
RETURN w.id AS id, asset, unknown, opening
