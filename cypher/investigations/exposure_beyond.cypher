// Exposure hop budget (graph/investigate/exposure.py): how many of $wallets (the senders on
// the region's last level, not expanded) would be expanded with one more hop and received
// transfers themselves, so that a larger max_hops may find more exposure. Supernodes are
// excluded as in exposure_region.cypher.
UNWIND $wallets AS wid
MATCH (x:Entity&Wallet {id: wid})
WHERE COUNT { (x)--() } <= $supernode_degree
  AND NOT EXISTS { (x)-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]->(:Exchange|Bridge) }
  AND none(c IN coalesce(x.categories, []) + coalesce(x.tags, []) WHERE c IN $supernode_tags)
  AND EXISTS { (x)<-[:TRANSFER]-(:Wallet) }
RETURN count(x) AS beyond
