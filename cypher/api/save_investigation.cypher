// Save a browser investigation (a bookkeeping node, not an :Entity); data is a JSON string.
CREATE (i:Investigation {id: $id, name: $name, data: $data, created_by: $created_by, created_at: datetime()})
RETURN i.id AS id, i.name AS name, i.data AS data, i.created_by AS created_by, i.created_at AS created_at
