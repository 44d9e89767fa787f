// Record an IngestRun of a Source as it starts.
MATCH (s:Source {id: $source_id})
CREATE (r:IngestRun {id: $id})-[:FROM_SOURCE]->(s)
SET r += $props
