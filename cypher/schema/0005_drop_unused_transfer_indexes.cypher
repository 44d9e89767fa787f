// No query seeks transfers by amount or by (asset, ts) across the whole graph: traces filter
// amount and asset on relationships they have already expanded. Each relationship index costs
// every ingested transfer an index update at commit; these two cost ~15 % of Neo4j's ingest CPU
// (bench/ingest_transfers.py, docs/BENCHMARKS.md). transfer_ts stays for time-window scans.
DROP INDEX transfer_amount IF EXISTS;
DROP INDEX transfer_asset_ts IF EXISTS;
