// bench/peer_api.py: the synthetic wallets that sent the most transfers (then by id), so a
// wallet's "first 20 transfers by time" has many to sort and cut. Read-only.
MATCH (w:Entity&Wallet)
WHERE w.id STARTS WITH $prefix
WITH w, COUNT { (w)-[:TRANSFER]->() } AS sent
ORDER BY sent DESC, w.id
LIMIT $limit
RETURN w.id AS id, sent
