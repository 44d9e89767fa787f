// Indexes to re-create after a bulk import; the importer builds the lookup indexes itself.
SHOW INDEXES YIELD createStatement, type, owningConstraint
WHERE type <> 'LOOKUP' AND owningConstraint IS NULL
RETURN createStatement AS statement
