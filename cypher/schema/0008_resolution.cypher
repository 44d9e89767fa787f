// Entity resolution (graph/resolve, docs/MODEL.md "Resolution"): analysts' judgements and the
// cluster rows derived from them are bookkeeping nodes (not :Entity), looked up by member id.
CREATE CONSTRAINT judgement_id IF NOT EXISTS FOR (j:Judgement) REQUIRE j.id IS UNIQUE;
CREATE CONSTRAINT cluster_member IF NOT EXISTS FOR (m:ClusterMember) REQUIRE m.member IS UNIQUE;
CREATE INDEX cluster_member_cluster IF NOT EXISTS FOR (m:ClusterMember) ON (m.cluster);
// Names from tags: tag labels (wallets' `tags`) and the name an actor known only from tags
// takes (`tag_name`) are searchable, and ActorPack legal names. A full-text index cannot be
// altered, so it is dropped and created again (it repopulates in the background).
DROP INDEX entity_text IF EXISTS;
CREATE FULLTEXT INDEX entity_text IF NOT EXISTS
FOR (n:Entity) ON EACH [n.name, n.aliases, n.address, n.display, n.registration_numbers,
  n.tags, n.tag_name, n.legal_name];
