// Point a job's Source back at where the job fetched it (the runner saw only the snapshot file).
MATCH (s:Source {id: $id})
SET s.name = $source, s.url = $url, s.job = $job
RETURN s.id AS id
