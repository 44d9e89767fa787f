// Value-trace start (graph/investigate/taint_region.py): when the seeds' value begins to exist,
// the time of their first outflow in the window and assets (null: they sent nothing).
UNWIND $seeds AS sid
MATCH (:Entity&Wallet {id: sid})-[t:TRANSFER]->(:Wallet)
WHERE (size($assets) = 0 OR t.asset IN $assets)
  AND ($since IS NULL OR t.ts >= $since) AND ($until IS NULL OR t.ts <= $until)
RETURN min(t.ts).epochMillis AS start
