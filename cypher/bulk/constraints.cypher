// The schema to re-create after a bulk import, constraints first (they own their indexes).
SHOW CONSTRAINTS YIELD createStatement
RETURN createStatement AS statement
