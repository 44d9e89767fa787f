// Wallets a typology scan is scoped to: a wallet itself, or every wallet an organisation (or
// person) controls or has as a deposit address, with those of the organisations below it by
// SUBSIDIARY_OF (at most 6 links). At most $max_wallets + 1, so the caller sees a cut.
MATCH (n:Entity {id: $id})
CALL (n) {
  MATCH (n:Wallet) RETURN n AS w
  UNION
  MATCH (n)<-[:SUBSIDIARY_OF*0..6]-(:Entity)<-[:CONTROLLED_BY|DEPOSIT_ADDRESS_OF]-(w:Wallet)
  RETURN w
}
RETURN DISTINCT w.id AS wallet
ORDER BY wallet
LIMIT $max_wallets + 1
