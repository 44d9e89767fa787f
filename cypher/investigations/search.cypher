// Full-text search over names, aliases and addresses, plus exact normalised addresses; paged.
// $query is an escaped Lucene query; $scan bounds the hits read from the index.
CALL () {
  MATCH (w:Wallet) WHERE w.address IN $addresses
  RETURN w AS node, 1000.0 AS score
  UNION ALL
  CALL db.index.fulltext.queryNodes('entity_text', $query, {limit: $scan}) YIELD node, score
  RETURN node, score
}
WITH node, max(score) AS score
WHERE size($kinds) = 0 OR any(k IN labels(node) WHERE k IN $kinds)
RETURN node.id AS id, labels(node) AS labels, properties(node) AS props, score,
  COLLECT {
    MATCH (node)-[:SANCTIONED_BY]->(s:Sanction)
    RETURN s {.id, .authority, .program, .listing_id, .listed_on}
  } AS sanctions
ORDER BY score DESC, id
SKIP $skip LIMIT $limit
