// Drop change-log entries older than the retention window.
MATCH (c:Change) WHERE c.at < $cutoff
WITH c LIMIT 100000
DELETE c
RETURN count(*) AS pruned
