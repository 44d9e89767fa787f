// Saved browser investigations, newest first.
MATCH (i:Investigation)
RETURN i.id AS id, i.name AS name, i.data AS data, i.created_by AS created_by, i.created_at AS created_at
ORDER BY i.created_at DESC
LIMIT $first
