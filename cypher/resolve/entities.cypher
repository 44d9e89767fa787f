// Organisations and persons with what resolution compares: names, countries, identifiers,
// websites, FtM referents; and the cluster each belongs to (null when none). One label scan
// each (not a scan of every :Entity, which in a chain-scale graph is mostly wallets).
CALL () {
  MATCH (n:Person&Entity) RETURN n, 'Person' AS kind
  UNION ALL
  MATCH (n:Organization&Entity) WHERE NOT n:Person RETURN n, 'Organization' AS kind
}
OPTIONAL MATCH (c:ClusterMember {member: n.id})
RETURN n.id AS id, kind,
  n {.name, .aliases, .legal_name, .tag_name, .gs_actor, .country, .nationality,
     .registration_numbers, .website, .websites, .referents, .sources} AS props,
  c.cluster AS cluster
ORDER BY id
