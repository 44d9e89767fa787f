// Typology cross-chain hop: value goes into a bridge (or swap service) on one chain and comes
// out of it on another chain shortly after.
// The graph links the two sides through the organisation: a Bridge (kinds in $kinds) controls
// (CONTROLLED_BY) wallets on both chains. Matching rule: an incoming transfer I (>= $min_amount)
// from a wallet not the organisation's into one of its wallets on chain A pairs with an outgoing
// transfer O of the same asset symbol from one of its wallets on a chain other than A to a
// wallet not its own, with I.ts <= O.ts <= I.ts + $max_delay_minutes and
// I.amount * (1 - $max_fee_share) <= O.amount <= I.amount; each I keeps the O closest in
// amount (then time). Score = 1 - (I - O) / I. Transfers without a timestamp (ethereum-etl CSV
// lacks block_timestamp) never match. Evidence: I and O; wallets: sender, both bridge wallets,
// receiver.
// Anchors: the $wallets in scope and their direct counterparties, or, with no wallets, every
// wallet receiving a transfer in [$since, $until] (at most $max_anchors; past it `cut` is
// true); only anchors controlled by such an organisation lead to it.
// Parameters and defaults (Neo4j Browser):
// :param {wallets: [], since: datetime('2024-03-01T00:00:00Z'), until: datetime('2024-03-31T00:00:00Z'), assets: [], max_anchors: 20000, max_hits: 1000, max_evidence: 50, kinds: ['Bridge'], max_delay_minutes: 60, max_fee_share: 0.01, min_amount: 0.0}
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
  UNWIND anchors AS x
  MATCH (x)-[:CONTROLLED_BY]->(org:Organization)
  WHERE any(k IN labels(org) WHERE k IN $kinds)
  WITH DISTINCT org
  MATCH (s:Wallet)-[i:TRANSFER]->(bin:Wallet)-[:CONTROLLED_BY]->(org)
  WHERE NOT (s)-[:CONTROLLED_BY]->(org) AND i.ts IS NOT NULL AND i.amount >= $min_amount
    AND ($since IS NULL OR i.ts >= $since) AND ($until IS NULL OR i.ts <= $until)
    AND (size($assets) = 0 OR i.asset IN $assets)
  MATCH (org)<-[:CONTROLLED_BY]-(bout:Wallet)-[o:TRANSFER]->(r:Wallet)
  WHERE bout.chain <> bin.chain AND NOT (r)-[:CONTROLLED_BY]->(org) AND o.asset = i.asset
    AND o.ts >= i.ts AND o.ts <= i.ts + duration({minutes: $max_delay_minutes})
    AND o.amount >= i.amount * (1 - $max_fee_share) AND o.amount <= i.amount
  WITH org, s, bin, i, bout, o, r ORDER BY i.amount - o.amount, o.ts, o.id
  WITH org, s, bin, i, head(collect({bout: bout, o: o, r: r})) AS m
  WITH org, s, bin, i, m.bout AS bout, m.o AS o, m.r AS r
  RETURN collect({key: i.id, score: 1.0 - (i.amount - o.amount) / i.amount, anchor: bin.id,
    wallets: [s.id, bin.id, bout.id, r.id],
    amounts: [{asset: i.asset, amount: i.amount, transfers: 1, raws: [i.amount_raw],
      decimals: [i.decimals]}],
    transfers: [t IN [i, o] | {id: t.id, tx: t.tx, from: startNode(t).id, to: endNode(t).id, asset: t.asset, amount: t.amount, amount_raw: t.amount_raw, ts: t.ts}],
    detail: {organisation: org.id, from_chain: bin.chain, to_chain: bout.chain,
      amount_in: i.amount, amount_out: o.amount,
      delay_s: duration.inSeconds(i.ts, o.ts).seconds}})[..$max_hits + 1] AS hits
}
RETURN cut, hits
