// Change-log entries newest first, filtered by time, source, kinds and (watch) entity ids.
MATCH (c:Change)
WHERE ($since IS NULL OR c.at >= $since) AND ($until IS NULL OR c.at < $until)
  AND ($source IS NULL OR c.source = $source) AND ($kinds IS NULL OR c.kind IN $kinds)
  AND ($ids IS NULL OR c.entity IN $ids OR c.end IN $ids)
RETURN properties(c) AS change
ORDER BY c.at DESC, c.seq ASC
SKIP $skip LIMIT $limit
