// Record (or refresh) a Source: where a run's facts come from.
MERGE (s:Source {id: $id})
SET s.name = $name, s.format = $format, s.url = $url
