// Remember a job's validators and hash after a successful or unchanged run.
MERGE (s:JobState {name: $name})
SET s.source = $source, s.etag = $etag, s.last_modified = $last_modified, s.sha256 = $sha256,
    s.updated_at = datetime()
RETURN s.name AS name
