// Close an IngestRun: status, end time, counts and error.
MATCH (r:IngestRun {id: $id})
SET r += $props
