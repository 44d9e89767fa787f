// Typology spray-and-funnel: one wallet sprays value over many wallets that pass it on to one.
// Hit: a source S (not an exchange's or bridge's wallet) and a funnel F such that at least
// $min_fanout distinct intermediates H each got a transfer S -> H and sent F, within
// $forward_hours after it, between $pass_share and all of that amount (same asset); the sprayed
// transfers (each >= $min_amount) span at most $window_hours. One hit per (S, F, asset); several
// funnels give several hits. Intermediates are throwaway wallets: at most $max_hop_transfers
// transfers in all, none an exchange's or bridge's (this also bounds the walk). Score = distinct intermediates. Evidence: both legs (at most
// $max_evidence transfers).
// Anchors (sources): the $wallets in scope and their direct counterparties, or, with no
// wallets, every wallet sending a transfer in [$since, $until] (at most $max_anchors; past it
// `cut` is true). Only transfers in [$since, $until] count (null: unbounded).
// Parameters and defaults (Neo4j Browser):
// :param {wallets: [], since: datetime('2024-03-01T00:00:00Z'), until: datetime('2024-03-31T00:00:00Z'), assets: [], max_anchors: 20000, max_hits: 1000, max_evidence: 50, min_fanout: 5, window_hours: 48, forward_hours: 24, pass_share: 0.9, min_amount: 100.0, max_hop_transfers: 10}
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
  UNWIND anchors AS s
  WITH s WHERE NOT EXISTS { (s)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(:Exchange|Bridge) }
  MATCH (s)-[o:TRANSFER]->(h:Wallet)
  WHERE h <> s AND o.ts IS NOT NULL AND o.amount >= $min_amount
    AND ($since IS NULL OR o.ts >= $since) AND ($until IS NULL OR o.ts <= $until)
    AND (size($assets) = 0 OR o.asset IN $assets)
  WITH s, o, h WHERE COUNT { (h)-[:TRANSFER]-() } <= $max_hop_transfers
    AND NOT EXISTS { (h)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(:Exchange|Bridge) }
  MATCH (h)-[i:TRANSFER]->(f:Wallet)
  WHERE f <> s AND f <> h AND i.asset = o.asset AND i.ts >= o.ts
    AND i.ts <= o.ts + duration({hours: $forward_hours}) AND ($until IS NULL OR i.ts <= $until)
    AND i.amount >= $pass_share * o.amount AND i.amount <= o.amount
  WITH s, f, o.asset AS asset, collect(DISTINCT h) AS hops, collect(DISTINCT o) AS outs,
    collect(DISTINCT i) AS ins
  WHERE size(hops) >= $min_fanout
  WITH s, f, asset, hops, outs, ins, reduce(lo = outs[0].ts, x IN outs | CASE WHEN x.ts < lo THEN x.ts ELSE lo END) AS first,
    reduce(hi = outs[0].ts, x IN outs | CASE WHEN x.ts > hi THEN x.ts ELSE hi END) AS last
  WHERE last <= first + duration({hours: $window_hours})
  RETURN collect({key: s.id + '>' + f.id + '|' + asset, score: toFloat(size(hops)), anchor: s.id,
    wallets: [s.id, f.id] + [h IN hops | h.id][..$max_evidence],
    amounts: [{asset: asset, amount: reduce(a = 0.0, x IN outs | a + x.amount), transfers: size(outs),
      raws: [x IN outs | x.amount_raw], decimals: [x IN outs | x.decimals]}],
    transfers: [t IN (outs + ins)[..$max_evidence] | {id: t.id, tx: t.tx, from: startNode(t).id, to: endNode(t).id, asset: t.asset, amount: t.amount, amount_raw: t.amount_raw, ts: t.ts}],
    detail: {intermediates: size(hops), funnel: f.id, funnelled: reduce(a = 0.0, x IN ins | a + x.amount)}})[..$max_hits + 1] AS hits
}
RETURN cut, hits
