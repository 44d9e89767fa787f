// Held, unexpired job locks: which process runs which job until when.
MATCH (l:JobLock)
WHERE l.owner IS NOT NULL AND l.expires_at >= datetime()
RETURN l.name AS name, l.owner AS owner, l.acquired_at AS acquired_at, l.expires_at AS expires_at
ORDER BY name
