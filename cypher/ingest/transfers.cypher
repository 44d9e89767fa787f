// Upsert transfers between already-merged wallets; MERGE seeks the transfer_id unique index.
UNWIND $rows AS row
MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
MERGE (a)-[t:TRANSFER {id: row.id}]->(b)
ON CREATE SET t += row.props, t.first_seen = $now, t.sources = [$source]
WITH t, t.first_seen < $now AS existed
SET t.last_seen = $now,
    t.sources = CASE WHEN $source IN t.sources THEN t.sources ELSE t.sources + $source END
RETURN count(CASE WHEN existed THEN 1 END) AS updated
