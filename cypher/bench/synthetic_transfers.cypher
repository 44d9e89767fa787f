// Benchmark data: synthetic USDT transfers between synthetic wallets.
UNWIND $rows AS r
MATCH (a:Entity {id: r.from}), (b:Entity {id: r.to})
CREATE (a)-[:TRANSFER {id: r.id, chain: 'tron', tx: r.tx, index: 0, asset: 'USDT', token: null,
  amount: r.amount, amount_raw: r.amount_raw, decimals: 6, ts: datetime(r.ts), synthetic: true}]->(b)
