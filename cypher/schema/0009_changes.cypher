// The change log (ingest/changes.py): queried by time, by source and time, by entity.
CREATE INDEX change_at IF NOT EXISTS FOR (c:Change) ON (c.at);
CREATE INDEX change_source_at IF NOT EXISTS FOR (c:Change) ON (c.source, c.at);
CREATE INDEX change_entity IF NOT EXISTS FOR (c:Change) ON (c.entity);
