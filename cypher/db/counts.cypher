// Node counts per label and relationship counts per type.
CALL () {
  CALL db.labels() YIELD label
  CALL (label) { MATCH (n) WHERE label IN labels(n) RETURN count(n) AS c }
  RETURN 'node' AS kind, label AS name, c AS count
  UNION ALL
  CALL db.relationshipTypes() YIELD relationshipType AS t
  CALL (t) { MATCH ()-[r]->() WHERE type(r) = t RETURN count(r) AS c }
  RETURN 'relationship' AS kind, t AS name, c AS count
}
RETURN kind, name, count ORDER BY kind, name
