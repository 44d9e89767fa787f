// Record an IngestRun of a Source as it starts; its first heartbeat is its start.
MATCH (s:Source {id: $source_id})
CREATE (r:IngestRun {id: $id})-[:FROM_SOURCE]->(s)
SET r += $props, r.heartbeat_at = datetime(), r.heartbeat_s = $heartbeat_s
