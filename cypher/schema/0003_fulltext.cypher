// Search across sources by name, alias (transliterations included) and address.
// `aliases` and `addresses` are string lists; the standard analyzer splits CJK and Latin text.
CREATE FULLTEXT INDEX entity_text IF NOT EXISTS
FOR (n:Entity) ON EACH [n.name, n.aliases, n.address, n.display, n.registration_numbers];
