// Typology peel chain: value moves down a chain of wallets; at each hop most of it passes on to
// the next wallet and a small part is peeled off to another.
// Hit: a chain W0 -> W1 -> ... -> Wn of at least $min_hops pass-on transfers (at most
// $max_hops), time-ordered, each hop no more than $max_gap_hours after the previous one, where
// each pass-on is between $pass_share and all of the previous pass-on, and each Wi also sent a
// peel: another transfer of the same asset, in the same transaction or within $max_gap_hours of
// the pass-on, to a wallet other than Wi+1, of at most $max_peel_share of (peel + pass-on).
// Chain wallets after the start are fresh: at most $max_wallet_transfers transfers in all (real
// peel chains send the change to a new address; this also keeps the walk from fanning out
// through busy wallets). The longest chain per start wallet is kept; score = its hops. Evidence: pass-ons and peels.
// Anchors (chain starts): the $wallets in scope and their direct counterparties, or, with no
// wallets, every wallet sending a transfer in [$since, $until] (at most $max_anchors; past it
// `cut` is true). Only transfers in [$since, $until] count (null: unbounded).
// Parameters and defaults (Neo4j Browser):
// :param {wallets: [], since: datetime('2024-03-01T00:00:00Z'), until: datetime('2024-03-31T00:00:00Z'), assets: [], max_anchors: 20000, max_hits: 1000, max_evidence: 50, min_hops: 4, max_hops: 12, max_gap_hours: 24, pass_share: 0.7, max_peel_share: 0.2, max_wallet_transfers: 10}
CALL () {
  UNWIND $wallets AS wid
  MATCH (w:Entity&Wallet {id: wid})
  RETURN w
  UNION
  UNWIND $wallets AS wid
  MATCH (:Entity&Wallet {id: wid})-[t:TRANSFER]-(w:Wallet)
  WHERE ($since IS NULL OR t.ts >= $since) AND ($until IS NULL OR t.ts <= $until)
  RETURN w
  UNION
  WITH 1 AS whole WHERE size($wallets) = 0
  MATCH (w:Wallet)-[t:TRANSFER]->()
  WHERE t.ts >= $since AND t.ts <= $until
  RETURN w
}
WITH collect(DISTINCT w) AS found
WITH found[..$max_anchors] AS anchors, size(found) > $max_anchors AS cut
CALL (anchors) {
  UNWIND anchors AS w0
  WITH w0 WHERE NOT EXISTS { (w0)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(:Exchange|Bridge) }
  MATCH p = (w0) ((a:Wallet)-[r:TRANSFER]->(b:Wallet)
    WHERE a <> b AND r.ts IS NOT NULL
      AND ($since IS NULL OR r.ts >= $since) AND ($until IS NULL OR r.ts <= $until)
      AND (size($assets) = 0 OR r.asset IN $assets)
      AND COUNT { (b)-[:TRANSFER]-() } <= $max_wallet_transfers
      AND NOT EXISTS { (b)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(:Exchange|Bridge) }
      AND (a = w0 OR EXISTS { (:Wallet)-[q:TRANSFER]->(a) WHERE q.asset = r.asset
        AND q.ts <= r.ts AND r.amount >= $pass_share * q.amount AND r.amount <= q.amount })
      AND EXISTS { (a)-[k:TRANSFER]->(x:Wallet) WHERE x <> b AND x <> a AND k.asset = r.asset
        AND (k.tx = r.tx OR (k.ts >= r.ts - duration({hours: $max_gap_hours})
          AND k.ts <= r.ts + duration({hours: $max_gap_hours})))
        AND k.amount <= $max_peel_share * (k.amount + r.amount) }){1,12} (:Wallet)
  WITH w0, r, length(p) AS hops
  WHERE hops >= $min_hops AND hops <= $max_hops
    AND all(j IN range(1, size(r) - 1) WHERE r[j].asset = r[0].asset AND r[j].ts >= r[j - 1].ts
      AND r[j].ts <= r[j - 1].ts + duration({hours: $max_gap_hours})
      AND r[j].amount >= $pass_share * r[j - 1].amount AND r[j].amount <= r[j - 1].amount)
  WITH w0, r, hops ORDER BY hops DESC
  WITH w0, head(collect(r)) AS chain
  CALL (chain) {
    UNWIND chain AS pass
    MATCH (a:Wallet)-[pass]->(b:Wallet)
    MATCH (a)-[k:TRANSFER]->(x:Wallet)
    WHERE x <> b AND x <> a AND k.asset = pass.asset
      AND (k.tx = pass.tx OR (k.ts >= pass.ts - duration({hours: $max_gap_hours})
        AND k.ts <= pass.ts + duration({hours: $max_gap_hours})))
      AND k.amount <= $max_peel_share * (k.amount + pass.amount)
    RETURN collect(DISTINCT k) AS peels
  }
  RETURN collect({key: w0.id, score: toFloat(size(chain)), anchor: w0.id,
    wallets: [w0.id] + [t IN chain | endNode(t).id] + [t IN peels | endNode(t).id],
    amounts: [{asset: chain[0].asset, amount: reduce(a = 0.0, t IN peels | a + t.amount),
      transfers: size(peels), raws: [t IN peels | t.amount_raw],
      decimals: [t IN peels | t.decimals]}],
    transfers: [t IN (chain + peels)[..$max_evidence] | {id: t.id, tx: t.tx, from: startNode(t).id, to: endNode(t).id, asset: t.asset, amount: t.amount, amount_raw: t.amount_raw, ts: t.ts}],
    detail: {hops: size(chain), start_amount: chain[0].amount, end_amount: chain[-1].amount,
      end: endNode(chain[-1]).id}})[..$max_hits + 1] AS hits
}
RETURN cut, hits
