// What a job's last successful fetch saw: source, HTTP validators and content hash.
MATCH (s:JobState {name: $name})
RETURN s.source AS source, s.etag AS etag, s.last_modified AS last_modified, s.sha256 AS sha256
