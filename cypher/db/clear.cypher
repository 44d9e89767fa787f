// Delete all data in batches (after db/clear_relationships), keeping the migration records.
MATCH (n) WHERE NOT n:SchemaMigration
CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
