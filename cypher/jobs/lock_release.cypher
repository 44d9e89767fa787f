// Free a job's lock if this owner still holds it (the node stays: deleting it would race a MERGE).
MATCH (l:JobLock {name: $name})
WHERE l.owner = $owner
SET l.owner = null, l.expires_at = null, l.released_at = datetime()
RETURN count(l) AS released
