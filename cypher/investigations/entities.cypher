// Entities by id (batch lookup for DataLoaders): labels, properties and sanctions summary.
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props,
  COLLECT {
    MATCH (n)-[:SANCTIONED_BY]->(s:Sanction)
    RETURN s {.id, .authority, .program, .listing_id, .listed_on}
  } AS sanctions
