// A live run's heartbeat on its job lock: push the expiry on while this owner still holds it.
MATCH (l:JobLock {name: $name})
WHERE l.owner = $owner
SET l.expires_at = datetime() + duration({milliseconds: toInteger($ttl_s * 1000)}),
    l.renewed_at = datetime()
RETURN count(l) AS renewed
