// Transfers first seen in the window into watched wallets: a watched wallet, or a wallet
// controlled by a watched entity (transfers are append-only: their "added" change is derived
// from first_seen, never written to the change log).
UNWIND $ids AS id
MATCH (e:Entity {id: id})
CALL (e) {
  MATCH (w:Wallet) WHERE w = e RETURN w
  UNION
  MATCH (w:Wallet)-[:CONTROLLED_BY]->(e) RETURN w
}
WITH DISTINCT w
MATCH (w)<-[t:TRANSFER]-(f:Entity)
WHERE ($since IS NULL OR t.first_seen >= $since) AND ($until IS NULL OR t.first_seen < $until)
  AND ($source IS NULL OR $source IN t.sources)
RETURN t.id AS id, f.id AS from, w.id AS to, t.first_seen AS at, t.amount AS amount,
       t.asset AS asset, head(t.sources) AS source
ORDER BY t.first_seen DESC
LIMIT $limit
