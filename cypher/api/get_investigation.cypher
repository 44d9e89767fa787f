// One saved browser investigation by id.
MATCH (i:Investigation {id: $id})
RETURN i.id AS id, i.name AS name, i.data AS data, i.created_by AS created_by, i.created_at AS created_at
