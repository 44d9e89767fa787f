// Which of these file hashes already have a succeeded IngestRun (the demo skips those files).
MATCH (r:IngestRun)
WHERE r.sha256 IN $hashes AND r.status = 'succeeded'
RETURN DISTINCT r.sha256 AS sha256
