// Wallets' transfers, each wallet's sorted by time ($newest: newest first, else oldest first;
// then id), one page per wallet: $offset skipped, $first + 1 returned so the caller knows
// whether more follow. One statement for every wallet of $wallets (a request asking the same
// page of many wallets, e.g. an organisation's, makes one round trip, not one per wallet).
// $direction: OUT (sent), IN (received) or BOTH; a window [$since, $until], $min_amount and
// $assets ([] = any) filter. Expanded from each wallet (its relationships), so a wallet's
// degree bounds the work; `total` counts its filtered transfers (at most $max_total counted).
// Times as epoch ms (cheaper to decode than a driver DateTime).
UNWIND $wallets AS wid
MATCH (w:Entity&Wallet {id: wid})
CALL (w) {
  CALL (w) {
    MATCH (w)-[t:TRANSFER]->(o:Wallet)
    WHERE $direction IN ['OUT', 'BOTH']
    RETURN t, o, 'OUT' AS way
    UNION ALL
    MATCH (w)<-[t:TRANSFER]-(o:Wallet)
    WHERE $direction IN ['IN', 'BOTH'] AND o <> w
    RETURN t, o, 'IN' AS way
  }
  WITH t, o, way
  WHERE ($since IS NULL OR t.ts >= $since) AND ($until IS NULL OR t.ts <= $until)
    AND ($min_amount IS NULL OR t.amount >= $min_amount)
    AND (size($assets) = 0 OR t.asset IN $assets)
  WITH t, o, way
  ORDER BY CASE WHEN $newest THEN t.ts END DESC, CASE WHEN $newest THEN null ELSE t.ts END ASC,
    t.id
  WITH collect({t: t, o: o, way: way})[..$max_total] AS rows
  RETURN size(rows) AS total,
    [r IN rows[$offset..$offset + $first + 1] | {
      id: r.t.id, tx: r.t.tx, asset: r.t.asset, amount: r.t.amount, amount_raw: r.t.amount_raw,
      ts: r.t.ts.epochMillis, direction: r.way,
      from: CASE r.way WHEN 'OUT' THEN w.id ELSE r.o.id END,
      to: CASE r.way WHEN 'OUT' THEN r.o.id ELSE w.id END}] AS page
}
RETURN w.id AS wallet, total, page
