// Typology OTC / exchange off-ramp: value ending at OTC desks, exchange deposit addresses or
// payment providers, ranked by amount.
// Hit: an off-ramp wallet W — CONTROLLED_BY, or a DEPOSIT_ADDRESS_OF, an organisation with a
// kind in $kinds — and one asset, with the transfers (each >= $min_amount) it got from wallets
// not of the same organisation summing to at least $min_total. (GraphSense tags give an
// exchange's deposit addresses and hot wallets alike as CONTROLLED_BY, so both count.)
// Score = that total (rank by it). Evidence: the largest transfers in (at most $max_evidence).
// Anchors: the $wallets in scope and their direct counterparties, or, with no wallets, every
// wallet receiving a transfer in [$since, $until] (at most $max_anchors; past it `cut` is
// true). Only transfers in [$since, $until] count (null: unbounded).
// Parameters and defaults (Neo4j Browser):
// :param {wallets: [], since: datetime('2024-03-01T00:00:00Z'), until: datetime('2024-03-31T00:00:00Z'), assets: [], max_anchors: 20000, max_hits: 1000, max_evidence: 50, kinds: ['Exchange', 'OTCDesk', 'PaymentProvider', 'Marketplace'], min_amount: 0.0, min_total: 0.0}
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
  MATCH (w)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(org:Organization)
  WHERE any(k IN labels(org) WHERE k IN $kinds)
  WITH DISTINCT w, org
  MATCH (s:Wallet)-[t:TRANSFER]->(w)
  WHERE s <> w AND NOT (s)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(org) AND t.amount >= $min_amount
    AND ($since IS NULL OR t.ts >= $since) AND ($until IS NULL OR t.ts <= $until)
    AND (size($assets) = 0 OR t.asset IN $assets)
  WITH w, org, t ORDER BY t.amount DESC, t.id
  WITH w, org, t.asset AS asset, collect(t) AS ins, sum(t.amount) AS total
  WHERE total >= $min_total
  RETURN collect({key: w.id + '|' + asset, score: total, anchor: w.id,
    wallets: [w.id] + [t IN ins[..$max_evidence] | startNode(t).id],
    amounts: [{asset: asset, amount: total, transfers: size(ins),
      raws: [t IN ins | t.amount_raw], decimals: [t IN ins | t.decimals]}],
    transfers: [t IN ins[..$max_evidence] | {id: t.id, tx: t.tx, from: startNode(t).id, to: endNode(t).id, asset: t.asset, amount: t.amount, amount_raw: t.amount_raw, ts: t.ts}],
    detail: {organisation: org.id, kinds: labels(org), transfers: size(ins)}})[..$max_hits + 1] AS hits
}
RETURN cut, hits
