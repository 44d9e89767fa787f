// Upsert the wallets of a transfer batch: activity window (epoch ms in) and assets widened, provenance kept.
UNWIND $rows AS row
WITH row, CASE WHEN row.first IS NULL THEN null ELSE datetime({epochMillis: row.first}) END AS first,
     CASE WHEN row.last IS NULL THEN null ELSE datetime({epochMillis: row.last}) END AS last
MERGE (w:Entity {id: row.id})
ON CREATE SET w:Wallet, w.chain = row.chain, w.address = row.address,
              w.display = coalesce(row.display, row.address),
              w.first_seen = $now, w.last_seen = $now, w.sources = [$source],
              w.first_activity = first, w.last_activity = last, w.assets = row.assets
ON MATCH SET w:Wallet, w.chain = row.chain, w.address = row.address,
             w.display = coalesce(w.display, row.display, row.address), w.placeholder = null,
             w.first_seen = coalesce(w.first_seen, $now), w.last_seen = $now,
             w.first_activity = CASE WHEN w.first_activity IS NULL OR first < w.first_activity
                                THEN first ELSE w.first_activity END,
             w.last_activity = CASE WHEN w.last_activity IS NULL OR last > w.last_activity
                               THEN last ELSE w.last_activity END,
             w.assets = reduce(acc = coalesce(w.assets, []), x IN row.assets |
                               CASE WHEN x IN acc THEN acc ELSE acc + x END),
             w.sources = CASE WHEN $source IN coalesce(w.sources, []) THEN w.sources
                         ELSE coalesce(w.sources, []) + $source END
