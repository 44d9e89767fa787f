// Lookups by time and amount for traces, typologies and flows.
CREATE INDEX transfer_ts IF NOT EXISTS FOR ()-[t:TRANSFER]-() ON (t.ts);
CREATE INDEX transfer_amount IF NOT EXISTS FOR ()-[t:TRANSFER]-() ON (t.amount);
CREATE INDEX transfer_asset_ts IF NOT EXISTS FOR ()-[t:TRANSFER]-() ON (t.asset, t.ts);
CREATE INDEX wallet_address IF NOT EXISTS FOR (w:Wallet) ON (w.address);
CREATE INDEX organization_name IF NOT EXISTS FOR (o:Organization) ON (o.name);
CREATE INDEX organization_registration IF NOT EXISTS FOR (o:Organization) ON (o.registration_numbers);
CREATE INDEX person_name IF NOT EXISTS FOR (p:Person) ON (p.name);
CREATE INDEX compound_country IF NOT EXISTS FOR (c:Compound) ON (c.country);
CREATE POINT INDEX compound_location IF NOT EXISTS FOR (c:Compound) ON (c.location);
CREATE INDEX sanction_authority IF NOT EXISTS FOR (s:Sanction) ON (s.authority, s.program);
CREATE INDEX ingest_run_started IF NOT EXISTS FOR (r:IngestRun) ON (r.started_at);
CREATE INDEX ingest_run_source IF NOT EXISTS FOR (r:IngestRun) ON (r.source_id, r.started_at);
