// Upsert transfers between already-merged wallets; MERGE seeks the transfer_id unique index.
// `ts` arrives as epoch ms. Rows minus relationships created = transfers that already existed.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
MERGE (a)-[t:TRANSFER {id: row.id}]->(b)
ON CREATE SET t += row.props, t.first_seen = $now, t.last_seen = $now, t.sources = [$source],
              t.ts = CASE WHEN row.ts IS NULL THEN null ELSE datetime({epochMillis: row.ts}) END
ON MATCH SET t.last_seen = $now,
             t.sources = CASE WHEN $source IN t.sources THEN t.sources ELSE t.sources + $source END
