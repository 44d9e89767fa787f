// Wallets of seed entities: a wallet is its own seed; an organisation or person seeds every
// wallet it controls (CONTROLLED_BY) or that is its deposit address (DEPOSIT_ADDRESS_OF).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
CALL (n) {
  MATCH (n:Wallet) RETURN n AS w
  UNION
  MATCH (n)<-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]-(w:Wallet) RETURN w
}
RETURN DISTINCT w.id AS wallet
