// Typology fan-in consolidation: many wallets pay one wallet within a time window.
// Hit: a receiving wallet (not an exchange's or bridge's) that got transfers of one asset, each
// >= $min_amount, from at least $min_senders distinct wallets within $window_hours, summing to
// at least $min_total. With $feeder_hours > 0 only feeders count: senders that passed on, to
// this wallet, between $feeder_share and all of a transfer they got in the $feeder_hours
// before (consolidation of forwarded funds rather than organic payments); an exchange's or
// bridge's wallet is then no feeder. The best window counts (most senders, then the largest
// total); score = distinct senders. Evidence: the transfers in that window (at most $max_evidence).
// Anchors (receivers): the $wallets in scope and their direct counterparties, or, with no
// wallets, every wallet receiving a transfer in [$since, $until] (at most $max_anchors; past it
// `cut` is true). Only transfers in [$since, $until] count (null: unbounded).
// Parameters and defaults (Neo4j Browser):
// :param {wallets: [], since: datetime('2024-03-01T00:00:00Z'), until: datetime('2024-03-31T00:00:00Z'), assets: [], max_anchors: 20000, max_hits: 1000, max_evidence: 50, min_senders: 5, window_hours: 720, min_amount: 0.0, min_total: 10000.0, max_inflows: 500, feeder_hours: 24, feeder_share: 0.9}
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
  UNWIND anchors AS c
  WITH c WHERE NOT EXISTS { (c)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(:Exchange|Bridge) }
  MATCH (s:Wallet)-[t:TRANSFER]->(c)
  WHERE s <> c AND t.ts IS NOT NULL AND t.amount >= $min_amount
    AND ($since IS NULL OR t.ts >= $since) AND ($until IS NULL OR t.ts <= $until)
    AND (size($assets) = 0 OR t.asset IN $assets)
  // The feeder test only removes inflows, so a receiver whose inflows of an asset come from
  // too few senders or sum too little cannot hit: drop it before paying for that test.
  WITH c, t.asset AS asset, collect({t: t, s: s}) AS inflows, count(DISTINCT s) AS n,
    sum(t.amount) AS most
  WHERE n >= $min_senders AND most >= $min_total
  // The feeder test reads a sender's inflows once, however many transfers it sent.
  UNWIND inflows AS x
  WITH x.s AS s, collect({c: c, asset: asset, t: x.t, ts: x.t.ts, amount: x.t.amount}) AS sent
  WHERE $feeder_hours = 0 OR NOT EXISTS {
    (s)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(:Exchange|Bridge) }
  WITH s, sent, duration({hours: $feeder_hours}) AS back
  CALL (s, back) {
    OPTIONAL MATCH (:Wallet)-[f:TRANSFER]->(s)
    WHERE $feeder_hours > 0 AND f.ts IS NOT NULL AND ($until IS NULL OR f.ts <= $until)
      AND ($since IS NULL OR f.ts >= $since - back)
    RETURN collect({asset: f.asset, ts: f.ts, amount: f.amount}) AS got
  }
  UNWIND sent AS u
  WITH u.c AS c, u.asset AS asset, u.t AS t, s
  WHERE $feeder_hours = 0 OR any(f IN got WHERE f.asset = u.asset AND f.ts <= u.ts
    AND f.ts >= u.ts - back AND u.amount >= $feeder_share * f.amount AND u.amount <= f.amount)
  WITH c, asset, t, s ORDER BY t.ts, t.id
  WITH c, asset, collect({t: t, s: s.id, ts: t.ts, amount: t.amount})[..$max_inflows] AS ins
  WHERE size(ins) >= $min_senders
  // Windows start at an inflow. One starting at ins[i] is the one starting at ins[i-1] when
  // both start at the same time, and inside it when that one reaches the last inflow; either
  // way the earlier one wins (ties go to the earlier start), so only the others are counted.
  WITH c, asset, ins, ins[-1].ts AS last, duration({hours: $window_hours}) AS span
  UNWIND range(0, size(ins) - 1) AS i
  WITH c, asset, ins, i, ins[i].ts AS start, span
    WHERE i = 0 OR (ins[i - 1].ts < ins[i].ts AND ins[i - 1].ts + span < last)
  UNWIND [x IN ins[i..] WHERE x.ts <= start + span] AS x
  WITH c, asset, i, count(DISTINCT x.s) AS senders, sum(x.amount) AS total, collect(x.t) AS ts
  WHERE senders >= $min_senders AND total >= $min_total
  WITH c, asset, senders, total, ts ORDER BY senders DESC, total DESC, i
  WITH c, asset, head(collect({senders: senders, total: total, ts: ts})) AS best
  RETURN collect({key: c.id + '|' + asset, score: toFloat(best.senders), anchor: c.id,
    wallets: [c.id] + [t IN best.ts[..$max_evidence] | startNode(t).id],
    amounts: [{asset: asset, amount: best.total, transfers: size(best.ts),
      raws: [t IN best.ts | t.amount_raw], decimals: [t IN best.ts | t.decimals]}],
    transfers: [t IN best.ts[..$max_evidence] | {id: t.id, tx: t.tx, from: startNode(t).id,
      to: endNode(t).id, asset: t.asset, amount: t.amount, amount_raw: t.amount_raw, ts: t.ts}],
    detail: {senders: best.senders, total: best.total}})[..$max_hits + 1] AS hits
}
RETURN cut, hits
