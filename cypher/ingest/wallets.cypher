// Upsert the wallets of a transfer batch: activity window and assets widened, provenance kept.
UNWIND $rows AS row
MERGE (w:Entity {id: row.id})
SET w:Wallet, w.chain = row.chain, w.address = row.address,
    w.display = coalesce(w.display, row.display), w.placeholder = null,
    w.first_seen = coalesce(w.first_seen, $now), w.last_seen = $now,
    w.first_activity = CASE WHEN w.first_activity IS NULL OR row.first < w.first_activity
                       THEN row.first ELSE w.first_activity END,
    w.last_activity = CASE WHEN w.last_activity IS NULL OR row.last > w.last_activity
                      THEN row.last ELSE w.last_activity END,
    w.assets = reduce(acc = coalesce(w.assets, []), x IN row.assets |
                      CASE WHEN x IN acc THEN acc ELSE acc + x END),
    w.sources = CASE WHEN $source IN coalesce(w.sources, []) THEN w.sources
                ELSE coalesce(w.sources, []) + $source END
