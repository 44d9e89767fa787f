// Every Source, by id.
MATCH (s:Source)
RETURN s.id AS id, s.name AS name, s.format AS format, s.url AS url, properties(s) AS props
ORDER BY id
