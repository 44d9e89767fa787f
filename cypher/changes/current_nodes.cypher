// Current state of a batch's entities before it is written (change capture, ingest/changes.py).
UNWIND $ids AS id
MATCH (n:Entity {id: id})
RETURN n.id AS id, properties(n) AS props
