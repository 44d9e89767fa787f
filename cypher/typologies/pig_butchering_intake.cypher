// Typology pig-butchering intake: one victim pays a collection wallet ever larger sums, and
// each payment is swept on to a consolidation wallet.
// Hit: a collection wallet D and a sender V (neither an exchange's or bridge's) whose transfers to
// D (each >= $min_amount, one asset) number at least $min_payments, lie within $window_days,
// and each is at least $min_growth times the one before (all of them, in time order); each
// payment was followed within $sweep_hours by a transfer out of D of between $sweep_share and
// all of it, and those sweeps go to at most $max_consolidation distinct wallets (not V).
// Score = payments * last / first. Evidence: payments and sweeps.
// Anchors (collection wallets): the $wallets in scope and their direct counterparties, or,
// with no wallets, every wallet receiving a transfer in [$since, $until] (at most $max_anchors;
// past it `cut` is true). Only transfers in [$since, $until] count (null: unbounded).
// Parameters and defaults (Neo4j Browser):
// :param {wallets: [], since: datetime('2024-03-01T00:00:00Z'), until: datetime('2024-03-31T00:00:00Z'), assets: [], max_anchors: 20000, max_hits: 1000, max_evidence: 50, min_payments: 3, min_growth: 1.2, window_days: 30, sweep_hours: 24, sweep_share: 0.9, max_consolidation: 1, min_amount: 10.0}
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
  MATCH ()-[t:TRANSFER]->(w:Wallet)
  WHERE t.ts >= $since AND t.ts <= $until
  RETURN w
}
WITH collect(DISTINCT w) AS found
WITH found[..$max_anchors] AS anchors, size(found) > $max_anchors AS cut
CALL (anchors) {
  UNWIND anchors AS d
  WITH d WHERE NOT EXISTS { (d)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(:Exchange|Bridge) }
  MATCH (v:Wallet)-[p:TRANSFER]->(d)
  WHERE v <> d AND p.ts IS NOT NULL AND p.amount >= $min_amount
    AND NOT EXISTS { (v)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(:Exchange|Bridge) }
    AND ($since IS NULL OR p.ts >= $since) AND ($until IS NULL OR p.ts <= $until)
    AND (size($assets) = 0 OR p.asset IN $assets)
  WITH d, v, p ORDER BY p.ts, p.id
  WITH d, v, p.asset AS asset, collect(p) AS pays
  WHERE size(pays) >= $min_payments
    AND pays[-1].ts <= pays[0].ts + duration({days: $window_days})
    AND all(k IN range(1, size(pays) - 1) WHERE pays[k].amount >= $min_growth * pays[k - 1].amount)
  CALL (d, v, pays) {
    UNWIND pays AS p
    MATCH (d)-[s:TRANSFER]->(c:Wallet)
    WHERE c <> d AND c <> v AND s.asset = p.asset AND s.ts >= p.ts
      AND s.ts <= p.ts + duration({hours: $sweep_hours}) AND ($until IS NULL OR s.ts <= $until)
      AND s.amount >= $sweep_share * p.amount AND s.amount <= p.amount
    WITH p, s ORDER BY s.ts, s.id
    WITH p, head(collect(s)) AS sweep
    RETURN collect(sweep) AS sweeps
  }
  WITH d, v, asset, pays, sweeps,
    reduce(acc = [], s IN sweeps | CASE WHEN endNode(s).id IN acc THEN acc ELSE acc + endNode(s).id END) AS sinks
  WHERE size(sweeps) = size(pays) AND size(sinks) <= $max_consolidation
  RETURN collect({key: d.id + '<' + v.id + '|' + asset,
    score: size(pays) * pays[-1].amount / pays[0].amount, anchor: d.id,
    wallets: [v.id, d.id] + sinks,
    amounts: [{asset: asset, amount: reduce(a = 0.0, p IN pays | a + p.amount), transfers: size(pays),
      raws: [p IN pays | p.amount_raw], decimals: [p IN pays | p.decimals]}],
    transfers: [t IN (pays + sweeps)[..$max_evidence] | {id: t.id, tx: t.tx, from: startNode(t).id, to: endNode(t).id, asset: t.asset, amount: t.amount, amount_raw: t.amount_raw, ts: t.ts}],
    detail: {victim: v.id, payments: size(pays), first: pays[0].amount, last: pays[-1].amount,
      consolidation: sinks}})[..$max_hits + 1] AS hits
}
RETURN cut, hits
