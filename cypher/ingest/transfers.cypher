// Upsert transfers between already-merged wallets; MERGE seeks the transfer_id unique index.
// Rows are flat (ingest/rows.py): every property is named, so a null one is simply not set;
// `ts` arrives as epoch ms. Rows minus relationships created = transfers that already existed.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
MERGE (a)-[t:TRANSFER {id: row.id}]->(b)
ON CREATE SET t.chain = row.chain, t.tx = row.tx, t.index = row.index, t.asset = row.asset,
              t.token = row.token, t.amount_raw = row.amount_raw, t.decimals = row.decimals,
              t.amount = row.amount, t.block = row.block,
              t.ts = CASE WHEN row.ts IS NULL THEN null ELSE datetime({epochMillis: row.ts}) END,
              t.first_seen = $now, t.last_seen = $now, t.sources = [$source]
ON MATCH SET t.last_seen = $now,
             t.sources = CASE WHEN $source IN t.sources THEN t.sources ELSE t.sources + $source END
