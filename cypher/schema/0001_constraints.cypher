// Natural keys. Every investigative node carries the Entity label and a stable `id`;
// wallets are also unique on (chain, address) with the address normalised per chain.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT wallet_chain_address IF NOT EXISTS FOR (w:Wallet) REQUIRE (w.chain, w.address) IS UNIQUE;
CREATE CONSTRAINT sanction_listing IF NOT EXISTS FOR (s:Sanction) REQUIRE (s.authority, s.program, s.listing_id) IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT ingest_run_id IF NOT EXISTS FOR (r:IngestRun) REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT schema_migration_version IF NOT EXISTS FOR (m:SchemaMigration) REQUIRE m.version IS UNIQUE;
// A transfer is unique on chain:tx:index, so re-ingesting a file cannot duplicate it.
CREATE CONSTRAINT transfer_id IF NOT EXISTS FOR ()-[t:TRANSFER]-() REQUIRE t.id IS UNIQUE;
