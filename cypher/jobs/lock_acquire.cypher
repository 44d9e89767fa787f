// Take a job's lock when it is free, expired or already ours, in one atomic statement.
MERGE (l:JobLock {name: $name})
// Writing first takes the node's write lock, so a second scheduler waits here and then
// reads the first one's committed owner instead of also seeing the lock free.
SET l.claiming = true
WITH l, (l.owner IS NULL OR l.owner = $owner OR l.expires_at < datetime()) AS free
SET l.owner = CASE WHEN free THEN $owner ELSE l.owner END,
    l.acquired_at = CASE WHEN free THEN datetime() ELSE l.acquired_at END,
    l.expires_at = CASE WHEN free
      THEN datetime() + duration({milliseconds: toInteger($ttl_s * 1000)})
      ELSE l.expires_at END
REMOVE l.claiming
RETURN free AS acquired, l.owner AS owner, l.expires_at AS expires_at
