// Typology rapid pass-through: value comes into a wallet and (nearly) all of it leaves again
// within hours, over and over.
// Hit: a wallet W (not an exchange's or bridge's) with at least $min_repeats distinct incoming
// transfers (each >= $min_amount) that were each followed, within $max_delay_hours, by an
// outgoing transfer of the same asset to another wallet carrying between $pass_share and all of
// it (and at least $min_repeats distinct such outgoing transfers). Score = matched pairs.
// Evidence: the incoming and outgoing transfers matched.
// Anchors: the $wallets in scope and their direct counterparties, or, with no wallets, every
// wallet receiving a transfer in [$since, $until] (at most $max_anchors; past it `cut` is
// true). Only transfers in [$since, $until] count (null: unbounded).
// Parameters and defaults (Neo4j Browser):
// :param {wallets: [], since: datetime('2024-03-01T00:00:00Z'), until: datetime('2024-03-31T00:00:00Z'), assets: [], max_anchors: 20000, max_hits: 1000, max_evidence: 50, min_repeats: 3, max_delay_hours: 6, pass_share: 0.9, min_amount: 100.0}
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
  UNWIND anchors AS w
  WITH w WHERE NOT EXISTS { (w)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(:Exchange|Bridge) }
  // Each side is read once per wallet, and a wallet with fewer than $min_repeats inflows or
  // outflows is dropped before pairing. Pairing reads plain maps, not the store again.
  CALL (w) {
    MATCH (a:Wallet)-[i:TRANSFER]->(w)
    WHERE a <> w AND i.ts IS NOT NULL AND i.amount >= $min_amount
      AND ($since IS NULL OR i.ts >= $since) AND ($until IS NULL OR i.ts <= $until)
      AND (size($assets) = 0 OR i.asset IN $assets)
    RETURN collect({t: i, asset: i.asset, ts: i.ts, amount: i.amount}) AS ins
  }
  WITH w, ins WHERE size(ins) >= $min_repeats
  // An outflow paired with an inflow comes at or after it, so never before $since.
  CALL (w) {
    MATCH (w)-[o:TRANSFER]->(b:Wallet)
    WHERE b <> w AND o.ts IS NOT NULL
      AND ($since IS NULL OR o.ts >= $since) AND ($until IS NULL OR o.ts <= $until)
    // pos: the place in the expansion, the order the evidence lists outflows in.
    WITH collect(o) AS read
    UNWIND range(0, size(read) - 1) AS pos
    WITH read[pos] AS o, pos ORDER BY o.ts
    RETURN collect({t: o, asset: o.asset, ts: o.ts, amount: o.amount, pos: pos}) AS outs
  }
  WITH w, ins, outs WHERE size(outs) >= $min_repeats
  // outs is in time order, so the outflows in [i.ts, i.ts + delay] are the slice outs[lo..hi]
  // found by two binary searches (a hub with thousands of each is not paired all by all). In
  // a subquery, so that only the pairs leave it, not the lists.
  CALL (ins, outs) {
    WITH range(0, toInteger(ceil(log(size(outs) + 1) / log(2)))) AS steps
    UNWIND range(0, size(ins) - 1) AS n
    WITH steps, n, ins[n] AS i, ins[n].ts + duration({hours: $max_delay_hours}) AS latest
    WITH n, i,
      reduce(s = [0, size(outs)], k IN steps | CASE WHEN s[0] >= s[1] THEN s
        WHEN outs[(s[0] + s[1]) / 2].ts < i.ts THEN [(s[0] + s[1]) / 2 + 1, s[1]]
        ELSE [s[0], (s[0] + s[1]) / 2] END)[0] AS lo,
      reduce(s = [0, size(outs)], k IN steps | CASE WHEN s[0] >= s[1] THEN s
        WHEN outs[(s[0] + s[1]) / 2].ts <= latest THEN [(s[0] + s[1]) / 2 + 1, s[1]]
        ELSE [s[0], (s[0] + s[1]) / 2] END)[0] AS hi
    UNWIND [o IN outs[lo..hi] WHERE o.asset = i.asset
      AND o.amount >= $pass_share * i.amount AND o.amount <= i.amount] AS o
    RETURN n, o.pos AS pos, i.t AS i, o.t AS o
  }
  WITH w, n, pos, i, o ORDER BY n, pos
  WITH w, collect(DISTINCT i) AS ins, collect(DISTINCT o) AS outs, count(*) AS pairs
  WHERE size(ins) >= $min_repeats AND size(outs) >= $min_repeats
  RETURN collect({key: w.id, score: toFloat(pairs), anchor: w.id,
    wallets: [w.id] + [t IN (ins + outs)[..$max_evidence] | CASE WHEN startNode(t) = w THEN endNode(t).id ELSE startNode(t).id END],
    amounts: [x IN reduce(acc = [], t IN ins | CASE WHEN t.asset IN acc THEN acc ELSE acc + t.asset END) |
      {asset: x, amount: reduce(a = 0.0, t IN ins | a + CASE WHEN t.asset = x THEN t.amount ELSE 0.0 END),
       transfers: size([t IN ins WHERE t.asset = x]),
       raws: [t IN ins WHERE t.asset = x | t.amount_raw],
       decimals: [t IN ins WHERE t.asset = x | t.decimals]}],
    transfers: [t IN (ins + outs)[..$max_evidence] | {id: t.id, tx: t.tx, from: startNode(t).id, to: endNode(t).id, asset: t.asset, amount: t.amount, amount_raw: t.amount_raw, ts: t.ts}],
    detail: {passed_in: size(ins), passed_out: size(outs),
      out_amount: reduce(a = 0.0, t IN outs | a + t.amount)}})[..$max_hits + 1] AS hits
}
RETURN cut, hits
