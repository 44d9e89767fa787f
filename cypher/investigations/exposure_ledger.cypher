// Exposure ledger for HAIRCUT_TIMED (graph/investigate/exposure_timed.py): every transfer in
// or out of each expanded wallet of the exposure region ($wallets: its pool depends on all of
// them, outflows included) and every transfer into the target wallets ($targets), each once.
// At most $max_transfers + 1 rows (then the caller marks the answer partial).
CALL () {
  UNWIND $wallets AS wid
  MATCH (:Entity&Wallet {id: wid})-[t:TRANSFER]-(:Wallet)
  RETURN t
  UNION
  UNWIND $targets AS tid
  MATCH (:Entity&Wallet {id: tid})<-[t:TRANSFER]-(:Wallet)
  RETURN t
}
WITH t LIMIT $max_transfers + 1
// Lists with epoch milliseconds, as the value trace's ledger (taint_ledger.cypher) ships them.
RETURN collect([coalesce(t.id, elementId(t)), t.tx, t.index, t.asset, t.amount, t.amount_raw,
  t.decimals, t.ts.epochMillis, startNode(t).id, endNode(t).id]) AS transfers
