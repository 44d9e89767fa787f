// Organisations and persons with what resolution compares: names, countries, identifiers,
// websites, FtM referents; and the cluster each belongs to (null when none).
MATCH (n:Entity) WHERE n:Organization OR n:Person
OPTIONAL MATCH (c:ClusterMember {member: n.id})
RETURN n.id AS id, CASE WHEN n:Person THEN 'Person' ELSE 'Organization' END AS kind,
  n {.name, .aliases, .legal_name, .tag_name, .gs_actor, .country, .nationality,
     .registration_numbers, .website, .websites, .referents, .sources} AS props,
  c.cluster AS cluster
ORDER BY id
