// Stored typology hits (scamgraph typologies run --store, the typologies job): one node per
// typology and hit key, so a re-run meets the hit it stored before and keeps its first_seen.
CREATE CONSTRAINT typology_hit_id IF NOT EXISTS FOR (h:TypologyHit) REQUIRE h.id IS UNIQUE;
CREATE INDEX typology_hit_first_seen IF NOT EXISTS FOR (h:TypologyHit) ON (h.typology, h.first_seen);
